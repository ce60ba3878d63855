"""Opening a spreadsheet of any kind we read, and refusing with a clear reason the files
that cannot be read: not a spreadsheet, locked by a password, empty, or too large.

Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) are read by python-calamine, CSV files by
`csv_text`. What a file is comes from its first bytes, not its name: a sales system's
"客户.xls" is often an .xlsx or a tab-separated text file in disguise.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
    WorksheetNotFound,
)

from crmdesk.domain.import_errors import (
    EmptySpreadsheetError,
    NotASpreadsheetError,
    PasswordProtectedError,
    SheetNotFoundError,
    SpreadsheetTooLargeError,
)
from crmdesk.io import csv_text, free_memory

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is an OLE compound file holding the real workbook in this stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_SCAN_CHUNK = 1 << 20
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")
# calamine reads a file by its suffix; other names go through from_filelike, which looks
# at the content but is slower.
_ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlam", ".xlsb", ".ods"})
_OLE_SUFFIXES = frozenset({".xls", ".xla"})
# Loaded cells take about 1.7 bytes per byte of uncompressed sheet XML (measured with
# calamine on 100,000 × 13 and 40,000 × 8 sheets); the rest is headroom. An .xls file is
# already uncompressed.
_MEMORY_PER_XML_BYTE = 2
_MEMORY_PER_XLS_BYTE = 4


class _Content(Enum):
    ZIP = "zip"
    OLE = "ole"
    OTHER = "other"


@dataclass(frozen=True)
class CellRange:
    """A merged range, 0-based and inclusive, in the row and column indices of
    `Sheet.rows()`."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    def contains(self, row: int, column: int) -> bool:
        return (
            self.first_row <= row <= self.last_row
            and self.first_column <= column <= self.last_column
        )


class Sheet:
    """One sheet's cells, read row by row as often as needed.

    `rows()` starts at the sheet's row 1, so the index of a row plus one is the number
    Excel shows. A row's first cell is the sheet's column `first_column` (0-based): empty
    columns to the left of the data are left out. Rows may be shorter than others.
    """

    def __init__(
        self,
        name: str,
        rows: Callable[[], Iterator[Sequence[object]]],
        *,
        first_column: int = 0,
        merged: tuple[CellRange, ...] = (),
    ) -> None:
        self.name = name
        self.first_column = first_column
        self.merged = merged
        self._rows = rows

    def rows(self) -> Iterator[Sequence[object]]:
        return self._rows()


class Workbook:
    """An opened file; sheets are loaded on first use and kept."""

    def __init__(
        self,
        path: Path,
        sheet_names: list[str],
        load: Callable[[str], Sheet],
    ) -> None:
        self.path = path
        self.sheet_names = sheet_names  # the visible worksheets, in the file's order
        self._load = load
        self._loaded: dict[str, Sheet] = {}

    def sheet(self, name: str) -> Sheet:
        """The sheet `name`; SheetNotFoundError when the file has none by that name."""
        if name not in self._loaded:
            self._loaded[name] = self._load(name)
        return self._loaded[name]

    def forget(self, name: str) -> None:
        """Free the cells of a sheet that is no longer needed."""
        self._loaded.pop(name, None)


def open_workbook(path: Path) -> Workbook:
    """Open `path` for reading, or raise the SpreadsheetError that says why it can't be."""
    try:
        size = path.stat().st_size
        with path.open("rb") as binary:
            head = binary.read(len(_OLE_MAGIC))
    except FileNotFoundError:
        raise NotASpreadsheetError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise NotASpreadsheetError(path, "it is a folder") from None
    except PermissionError:
        raise NotASpreadsheetError(path, "you are not allowed to read it") from None
    if size == 0:
        raise EmptySpreadsheetError(path)
    content = _content_of(head)
    if content is _Content.ZIP:
        _check_memory(path, _zip_memory_needed(path))
        return _open_calamine(path, path.suffix.lower() in _ZIP_SUFFIXES)
    if content is _Content.OLE:
        if _is_encrypted_package(path):
            raise PasswordProtectedError(path)
        _check_memory(path, size * _MEMORY_PER_XLS_BYTE)
        return _open_calamine(path, path.suffix.lower() in _OLE_SUFFIXES)
    return _open_csv(path)


def _content_of(head: bytes) -> _Content:
    if head.startswith(_ZIP_MAGIC):
        return _Content.ZIP
    if head.startswith(_OLE_MAGIC):
        return _Content.OLE
    return _Content.OTHER


def _zip_memory_needed(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise NotASpreadsheetError(path, "the file is damaged") from None
    names = {part.filename for part in parts}
    if not names.intersection(_WORKBOOK_PARTS):
        raise NotASpreadsheetError(path, "it is a zip archive without a workbook inside")
    return sum(part.file_size for part in parts) * _MEMORY_PER_XML_BYTE


def _check_memory(path: Path, needed: int) -> None:
    available = free_memory.available_memory()
    if available is not None and needed > available:
        raise SpreadsheetTooLargeError(path, needed, available)


def _is_encrypted_package(path: Path) -> bool:
    # The stream's name sits in the directory of the compound file, which can be
    # anywhere in it; a plain scan is simpler than walking the sector chains and fast
    # (encrypted workbooks are small, and this runs only on OLE files).
    overlap = len(_ENCRYPTED_PACKAGE) - 1
    tail = b""
    with path.open("rb") as binary:
        while chunk := binary.read(_SCAN_CHUNK):
            if _ENCRYPTED_PACKAGE in tail + chunk:
                return True
            tail = chunk[-overlap:]
    return False


def _open_calamine(path: Path, suffix_matches: bool) -> Workbook:
    try:
        if suffix_matches:
            book = CalamineWorkbook.from_path(str(path))
        else:
            with path.open("rb") as binary:
                book = CalamineWorkbook.from_filelike(binary)
        names = [
            meta.name
            for meta in book.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible
        ]
    except PasswordError:
        raise PasswordProtectedError(path) from None
    except CalamineError as error:
        raise NotASpreadsheetError(path, f"it cannot be read: {error}") from None
    if not names:
        raise EmptySpreadsheetError(path)

    def load(name: str) -> Sheet:
        try:
            loaded = book.get_sheet_by_name(name)
        except WorksheetNotFound:
            raise SheetNotFoundError(path, name, names) from None
        except PasswordError:
            raise PasswordProtectedError(path) from None
        except CalamineError as error:
            raise NotASpreadsheetError(path, f"sheet '{name}' is damaged: {error}") from None
        return _calamine_sheet(name, loaded)

    return Workbook(path, names, load)


def _calamine_sheet(name: str, sheet: CalamineSheet) -> Sheet:
    if sheet.start is None:
        return Sheet(name, lambda: iter(()))
    first_column = sheet.start[1]
    merged = tuple(
        CellRange(top, left - first_column, bottom, right - first_column)
        for (top, left), (bottom, right) in (sheet.merged_cell_ranges or ())
    )
    # iter_rows() yields the sheet's rows from row 1 (empty rows above the data
    # included), each starting at the first column that holds data.
    return Sheet(name, sheet.iter_rows, first_column=first_column, merged=merged)


def _open_csv(path: Path) -> Workbook:
    csv_format = csv_text.detect_format(path)
    if csv_format is None:
        raise NotASpreadsheetError(path, "it is neither a workbook nor a text file")
    if csv_text.is_markup(path, csv_format):
        # Some sales systems save a web page or an Excel 2003 XML file as "….xls".
        raise NotASpreadsheetError(path, "it is a web page or an XML file")
    name = path.stem

    def load(wanted: str) -> Sheet:
        if wanted != name:
            raise SheetNotFoundError(path, wanted, [name])
        return Sheet(name, lambda: csv_text.read_rows(path, csv_format))

    return Workbook(path, [name], load)
