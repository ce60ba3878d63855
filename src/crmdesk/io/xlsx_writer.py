"""Streamed .xlsx writing: styled frozen header, autofilter, column widths, number and date
formats, and text that no spreadsheet program will run as a formula.

The workbook is written to a temporary file next to the target and renamed over it only
when everything was written, so a failed or cancelled export never leaves half a file.
"""

from __future__ import annotations

import contextlib
import operator
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from crmdesk.domain.errors import CrmError
from crmdesk.domain.list_columns import CellKind

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"

# Widths are in characters of the default font; a CJK character takes two.
_MIN_WIDTH = 6.0
_MAX_WIDTH = 50.0
_PADDING = 2.0
_HEADER_EXTRA = 2.0  # room for the autofilter's drop-down button
_SAMPLE_ROWS = 100  # rows looked at to size the columns before any row is written

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="FF8EA9C1"))
_HEADER_ALIGNMENT = Alignment(vertical="center")

Converter = Callable[[object], object]


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
        self._workbook = Workbook(write_only=True)
        self._sheets: list[SheetWriter] = []

    def add_sheet(self, title: str, columns: Sequence[ColumnFormat]) -> SheetWriter:
        sheet = SheetWriter(self._workbook.create_sheet(_sheet_title(title)), columns)
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
        for sheet in self._sheets:
            sheet.finish()
        if not self._sheets:
            self._workbook.create_sheet()  # a workbook needs at least one sheet
        try:
            save_atomically(self._workbook, self._path)
        except BaseException:
            self._discard()
            raise

    def _discard(self) -> None:
        for sheet in self._sheets:
            sheet.discard()


def save_atomically(workbook: Any, path: Path) -> None:
    """Save an openpyxl `workbook` at `path` all at once or not at all."""
    # A hidden name in the target folder: the rename below is then atomic, and a crash
    # leaves a file that nobody mistakes for the export.
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        workbook.save(partial)
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
    """Give a header cell the header look: bold on a light fill, a line below."""
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _HEADER_BORDER
    cell.alignment = _HEADER_ALIGNMENT


class SheetWriter:
    """One sheet: `append` its rows, one value per column, in column order."""

    def __init__(self, worksheet: Any, columns: Sequence[ColumnFormat]) -> None:
        self._sheet = worksheet
        self._columns = tuple(columns)
        self._converters = [_converter(worksheet, column.kind) for column in self._columns]
        # Rows are held back until the sample that sizes the columns is complete:
        # a streamed sheet fixes its column widths before its first row.
        self._sample: list[Sequence[object]] | None = []
        self._rows = 0

    @property
    def rows_written(self) -> int:
        """Data rows appended so far (the header not counted)."""
        return self._rows

    def append(self, values: Sequence[object]) -> None:
        self._rows += 1
        if self._sample is not None:
            self._sample.append(values)
            if len(self._sample) >= _SAMPLE_ROWS:
                self._start()
            return
        self._write(values)

    def finish(self) -> None:
        if self._sample is not None:
            self._start()
        if self._columns:
            last = f"{get_column_letter(len(self._columns))}{self._rows + 1}"
            self._sheet.auto_filter.ref = f"A1:{last}"

    def discard(self) -> None:
        """Drop what was streamed so far; openpyxl would otherwise keep its temporary file
        until the program exits."""
        # Closing ends the half-written XML; should that fail too, the error that made
        # us discard is the one worth reporting.
        with contextlib.suppress(Exception):
            self._sheet.close()
        writer = self._sheet._writer  # openpyxl has no public way to abandon a sheet
        if writer is not None:
            # Already gone when a save failed after openpyxl had packed this sheet.
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()

    def _start(self) -> None:
        sample = self._sample or []
        self._sample = None
        for index, column in enumerate(self._columns, start=1):
            width = column.width or _fitting_width(column, [row[index - 1] for row in sample])
            self._sheet.column_dimensions[get_column_letter(index)].width = width
        self._sheet.freeze_panes = "A2"
        self._sheet.append([self._header_cell(column.header) for column in self._columns])
        for values in sample:
            self._write(values)

    def _header_cell(self, text: str) -> Any:
        cell = WriteOnlyCell(self._sheet, value=_safe_text(text))
        cell.data_type = "s"
        style_header(cell)
        return cell

    def _write(self, values: Sequence[object]) -> None:
        if len(values) != len(self._converters):
            raise ValueError(f"{len(values)} values for {len(self._converters)} columns")
        self._sheet.append(list(map(operator.call, self._converters, values)))


# --- cell values ----------------------------------------------------------------------------
#
# openpyxl turns a str that starts with "=" into a formula, and opens every other value
# as a typed cell. Per column, one converter hands it either the plain value (the fast
# path, most cells) or a cell of the column's that already carries the number format. One
# styled cell per column is reused row after row: a streamed sheet serialises each cell
# as soon as it is appended, and styling a fresh cell per value would cost more than the
# whole rest of the write.


def _converter(sheet: Any, kind: CellKind) -> Converter:
    if kind is CellKind.DATE:
        return _typed(sheet, DATE_FORMAT, _as_date)
    if kind is CellKind.DATETIME:
        return _typed(sheet, DATETIME_FORMAT, _as_local_datetime)
    if kind is CellKind.MONEY:
        return _typed(sheet, MONEY_FORMAT, _as_number)
    if kind is CellKind.INTEGER:
        return _typed(sheet, INTEGER_FORMAT, _as_number)
    return _text_converter(sheet)


def _typed(sheet: Any, number_format: str, typed: Callable[[object], object]) -> Converter:
    """A converter for dates, times and numbers: values of the column's type get its
    number format; anything else (a note in a date column) is written as text would be."""
    cell = WriteOnlyCell(sheet)
    cell.number_format = number_format
    as_text = _text_converter(sheet)

    def convert(value: object) -> object:
        if value is None:
            return None
        wanted = typed(value)
        if wanted is None:
            return as_text(value)
        cell.value = wanted
        return cell

    return convert


def _as_date(value: object) -> object:
    if isinstance(value, datetime):
        return _local_naive(value).date()
    return value if isinstance(value, date) else None


def _as_local_datetime(value: object) -> object:
    if isinstance(value, datetime):
        return _local_naive(value)
    return value if isinstance(value, date) else None


def _as_number(value: object) -> object:
    if isinstance(value, bool):
        return None
    return value if isinstance(value, int | float | Decimal) else None


def _local_naive(instant: datetime) -> datetime:
    """Excel has no time zones: an aware instant is written as the user's wall-clock time."""
    if instant.tzinfo is None:
        return instant
    return instant.astimezone().replace(tzinfo=None)


def _text_converter(sheet: Any) -> Converter:
    """Strings stay text and never become formulas; other values keep their own type.

    A string that a spreadsheet could read as a formula (OWASP's "CSV injection" list:
    = + - @ tab CR) is written as a string cell with the "quote prefix" style. A string
    cell is never evaluated when the file opens, and the quote prefix is what Excel itself
    stores when a person types '=1+1: the cell shows =1+1, stays text when edited and
    saved again, and LibreOffice honours it too. Unlike a literal apostrophe in the value,
    it leaves the text exactly as it was, so an exported file imports back unchanged.
    """
    quoted = WriteOnlyCell(sheet)
    quoted.quotePrefix = True

    def convert(value: object) -> object:
        if isinstance(value, str):
            if not value.isprintable():
                value = _legal(value)
            if value.startswith(_FORMULA_TRIGGERS):
                quoted.value = value
                quoted.data_type = "s"
                return quoted
            return value
        if isinstance(value, datetime):
            return _local_naive(value)
        return value

    return convert


def _legal(text: str) -> str:
    """`text` without the control characters an .xlsx file cannot hold (tab, line feed
    and carriage return stay)."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _safe_text(text: str) -> str:
    return _legal(text) if not text.isprintable() else text


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
    """`title` as Excel accepts it: at most 31 characters, none of []:*?/\\."""
    return title.translate(_SHEET_TITLE_FORBIDDEN)[:_SHEET_TITLE_MAX].strip() or "Sheet"
