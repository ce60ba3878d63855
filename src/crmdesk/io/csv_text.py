"""CSV files as people get them: UTF-8 (with or without a byte-order mark), UTF-16 from
Excel's "Unicode text", or GB18030/GBK from Excel on a Chinese Windows; comma, tab,
semicolon or bar between the fields."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20
_SAMPLE = 64 * 1024
_MARKUP_PEEK = 256
_DELIMITERS = (",", "\t", ";", "|")
# Tried in this order on a file without a byte-order mark. GB18030 includes GBK and
# GB2312, which is what Excel on a Chinese Windows writes.
_ENCODINGS = ("utf-8", "gb18030")


@dataclass(frozen=True)
class CsvFormat:
    encoding: str
    delimiter: str


def detect_format(path: Path) -> CsvFormat | None:
    """How the text file `path` is written, or None when it is not text."""
    encoding = _detect_encoding(path)
    if encoding is None:
        return None
    with path.open(encoding=encoding, newline="") as text:
        sample = text.read(_SAMPLE)
    return CsvFormat(encoding, _sniff_delimiter(sample))


def is_markup(path: Path, csv_format: CsvFormat) -> bool:
    """Whether the text is HTML or XML rather than a table."""
    with path.open(encoding=csv_format.encoding, newline="") as text:
        return text.read(_MARKUP_PEEK).lstrip().startswith("<")


def read_rows(path: Path, csv_format: CsvFormat) -> Iterator[list[str]]:
    """Every row of the file, as the texts of its fields."""
    with path.open(encoding=csv_format.encoding, newline="") as text:
        yield from csv.reader(text, delimiter=csv_format.delimiter)


def _detect_encoding(path: Path) -> str | None:
    with path.open("rb") as binary:
        head = binary.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in _ENCODINGS:
        if _decodes_as(path, encoding):
            return encoding
    return None


def _decodes_as(path: Path, encoding: str) -> bool:
    """Whether the whole file is text in `encoding` (NUL bytes mean a binary file)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as binary:
            while chunk := binary.read(_CHUNK):
                if b"\0" in chunk:
                    return False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sniff_delimiter(sample: str) -> str:
    """The delimiter that splits most lines into the same number of fields.

    Counting whole lines that agree, rather than characters, keeps a title line or a
    comma inside a quoted address from deciding it.
    """
    complete = sample[: sample.rfind("\n") + 1] or sample
    best, best_score = _DELIMITERS[0], (0, 0)
    for delimiter in _DELIMITERS:
        widths = Counter(
            len(row)
            for row in csv.reader(io.StringIO(complete), delimiter=delimiter)
            if len(row) > 1
        )
        if not widths:
            continue
        width, lines = max(widths.items(), key=lambda item: (item[1], item[0]))
        if (lines, width) > best_score:
            best, best_score = delimiter, (lines, width)
    return best
