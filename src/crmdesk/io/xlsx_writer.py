"""Streamed .xlsx writing: styled frozen header, autofilter, column widths, number and date
formats, and text that no spreadsheet program will run as a formula.

The workbook is written to a temporary file next to the target and renamed over it only
when everything was written, so a failed or cancelled export never leaves half a file.
"""

from __future__ import annotations

import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from crmdesk.domain.errors import CrmError
from crmdesk.domain.list_columns import CellKind
from crmdesk.io.xlsx_cells import encoder, text_cell
from crmdesk.io.xlsx_package import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    HEADER_BORDER_RGB,
    HEADER_FILL_RGB,
    INTEGER_FORMAT,
    MONEY_FORMAT,
    SheetPart,
    Style,
    column_letter,
    write_package,
)

__all__ = [
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "INTEGER_FORMAT",
    "MONEY_FORMAT",
    "ColumnFormat",
    "SheetWriter",
    "WorkbookWriteError",
    "XlsxWriter",
    "fitting_width",
    "save_atomically",
    "style_header",
    "text_width",
]

# Widths are in characters of the default font; a CJK character takes two.
_MIN_WIDTH = 6.0
_MAX_WIDTH = 50.0
_PADDING = 2.0
_HEADER_EXTRA = 2.0  # room for the autofilter's drop-down button
_SAMPLE_ROWS = 100  # rows looked at to size the columns before any row is written
_FLUSH_ROWS = 500  # rows gathered before they go to the sheet's temporary file

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill(
    fill_type="solid", start_color=HEADER_FILL_RGB, end_color=HEADER_FILL_RGB
)
_HEADER_BORDER = Border(bottom=Side(style="thin", color=HEADER_BORDER_RGB))
_HEADER_ALIGNMENT = Alignment(vertical="center")


class WorkbookWriteError(CrmError):
    """The workbook could not be saved where the user asked (folder missing, read-only,
    the file open in another program, disk full). Nothing was written there."""


@dataclass(frozen=True)
class ColumnFormat:
    header: str
    kind: CellKind = CellKind.TEXT
    width: float | None = None  # None: sized from the header and the first rows


class XlsxWriter:
    """A workbook written sheet by sheet, row by row, in constant memory.

    Use it as a context manager: leaving the block normally saves the file, leaving it
    with an exception (a cancel included) discards everything.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._sheets: list[SheetWriter] = []

    def add_sheet(self, title: str, columns: Sequence[ColumnFormat]) -> SheetWriter:
        taken = {sheet.title.casefold() for sheet in self._sheets}
        sheet = SheetWriter(_unique(_sheet_title(title), taken), columns)
        self._sheets.append(sheet)
        return sheet

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self._save()
        else:
            self._discard()

    def _save(self) -> None:
        try:
            if not self._sheets:
                self.add_sheet("Sheet", ())  # a workbook needs at least one sheet
            parts = [sheet.finish() for sheet in self._sheets]
            _replace_atomically(self._path, lambda partial: write_package(partial, parts))
        finally:
            self._discard()

    def _discard(self) -> None:
        for sheet in self._sheets:
            sheet.discard()


def save_atomically(workbook: Any, path: Path) -> None:
    """Save an openpyxl `workbook` at `path` all at once or not at all."""
    _replace_atomically(path, workbook.save)


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` write a file that then replaces `path` all at once, or not at all."""
    # A hidden name in the target folder: the rename below is then atomic, and a crash
    # leaves a file that nobody mistakes for the export.
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        write(partial)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise WorkbookWriteError(
            f"Could not save {path}: {exc.strerror or exc}. Check that the folder exists, "
            "that you may write there and that the file is not open in another program."
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def style_header(cell: Any) -> None:
    """Give a header cell of an openpyxl workbook the header look that the streamed
    sheets have: bold on a light fill, a line below."""
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _HEADER_BORDER
    cell.alignment = _HEADER_ALIGNMENT


class SheetWriter:
    """One sheet: `append` its rows, one value per column, in column order."""

    def __init__(self, title: str, columns: Sequence[ColumnFormat]) -> None:
        self.title = title
        self._columns = tuple(columns)
        self._encoders = [encoder(column.kind) for column in self._columns]
        self._letters = [column_letter(n) for n in range(1, len(self._columns) + 1)]
        # The rows' XML waits in a temporary file until the workbook is put together:
        # memory stays flat however many rows, and sheets may be filled in any order.
        # The file has no name (or loses it when closed), and the workbook closes it
        # through discard() whatever happens.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="crmdesk-sheet-")  # noqa: SIM115
        self._pending: list[str] = []
        # Rows are held back until the sample that sizes the columns is complete:
        # the widths come before the rows in a sheet's XML, and the sample is all we keep.
        self._sample: list[Sequence[object]] | None = []
        self._widths: tuple[float, ...] = ()
        self._rows = 0

    @property
    def rows_written(self) -> int:
        """Data rows appended so far (the header not counted)."""
        return self._rows

    def append(self, values: Sequence[object]) -> None:
        if len(values) != len(self._encoders):
            raise ValueError(f"{len(values)} values for {len(self._encoders)} columns")
        self._rows += 1
        if self._sample is not None:
            self._sample.append(values)
            if len(self._sample) >= _SAMPLE_ROWS:
                self._start()
            return
        self._write(self._rows + 1, values)

    def finish(self) -> SheetPart:
        """Write what is held back; the sheet as the package needs it."""
        if self._sample is not None:
            self._start()
        self._flush()
        last_row = self._rows + 1 if self._columns else 0
        return SheetPart(self.title, self._widths, last_row, self._file)

    def discard(self) -> None:
        """Drop what was written so far; its temporary file goes with it."""
        self._file.close()

    def _start(self) -> None:
        sample = self._sample or []
        self._sample = None
        self._widths = tuple(
            column.width or _fitting_width(column, [row[index] for row in sample])
            for index, column in enumerate(self._columns)
        )
        if self._columns:
            header = "".join(
                text_cell(f"{letter}1", column.header, Style.HEADER)
                for letter, column in zip(self._letters, self._columns, strict=True)
            )
            self._pending.append(f'<row r="1">{header}</row>')
        for number, values in enumerate(sample, start=2):
            self._write(number, values)

    def _write(self, number: int, values: Sequence[object]) -> None:
        row = str(number)
        cells = "".join(
            [
                encode(letter + row, value)
                for encode, letter, value in zip(self._encoders, self._letters, values, strict=True)
            ]
        )
        self._pending.append(f'<row r="{row}">{cells}</row>')
        if len(self._pending) >= _FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._file.write("".join(self._pending).encode())
        self._pending.clear()


def _unique(title: str, taken: set[str]) -> str:
    """`title`, numbered when another sheet has it: Excel refuses two sheets of one name."""
    candidate, number = title, 1
    while candidate.casefold() in taken:
        suffix = str(number)
        candidate, number = f"{title[: _SHEET_TITLE_MAX - len(suffix)]}{suffix}", number + 1
    return candidate


# --- layout ---------------------------------------------------------------------------------


def _fitting_width(column: ColumnFormat, sample: Sequence[object]) -> float:
    widest = max((_display_width(value, column.kind) for value in sample), default=0)
    return fitting_width(column.header, widest)


def fitting_width(header: str, widest_value: int) -> float:
    """A column width that shows `header` beside its filter button and values up to
    `widest_value` characters, within sensible bounds."""
    header_width = text_width(header) + _HEADER_EXTRA
    return min(_MAX_WIDTH, max(_MIN_WIDTH, header_width, widest_value + _PADDING))


def _display_width(value: object, kind: CellKind) -> int:
    if value is None:
        return 0
    if kind is CellKind.DATE and isinstance(value, date):
        return len("2024-01-01")
    if kind is CellKind.DATETIME and isinstance(value, date):
        return len("2024-01-01 12:00")
    if kind is CellKind.MONEY and isinstance(value, int | float | Decimal):
        return len(f"{value:,.2f}")
    return text_width(str(value))


def text_width(text: str) -> int:
    """Columns `text` takes in a spreadsheet: two for a wide (CJK) character, one for others;
    for several lines, the longest line."""
    return max(
        (
            sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
            for line in text.splitlines()
        ),
        default=0,
    )


_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_SHEET_TITLE_MAX = 31


def _sheet_title(title: str) -> str:
    """`title` as Excel accepts it: at most 31 characters, none of []:*?/\\, and no
    apostrophe at either end."""
    cut = title.translate(_SHEET_TITLE_FORBIDDEN)[:_SHEET_TITLE_MAX]
    return cut.strip().strip("'").strip() or "Sheet"
