"""Finding the header row of a sheet, which is often not row 1: a title banner (often a
merged cell), a date line or a blank row may come first.

Each of the first rows is scored by how many of its cells are known column names, then
by how many hold text; the best row wins, the upper one on a tie. A header cell left empty
because it lies under a merged cell (a two-line header, or one name over two columns)
takes the merged cell's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crmdesk.domain.import_fields import ImportEntity
from crmdesk.io.cleaning import cell_text
from crmdesk.io.column_mapping import match_header
from crmdesk.io.spreadsheet import CellRange

HEADER_SCAN_ROWS = 30


@dataclass(frozen=True)
class HeaderRow:
    index: int  # 0-based, among the rows given
    headers: tuple[str, ...]  # one per column of the widest row given; "" for none
    known: int  # how many of them name a field


def find_header_row(
    rows: Sequence[Sequence[object]],
    entity: ImportEntity | None,
    merged: Sequence[CellRange] = (),
) -> HeaderRow | None:
    """The header row among `rows` (the first rows of a sheet), or None when they are
    all empty."""
    width = max((len(row) for row in rows), default=0)
    best: HeaderRow | None = None
    best_score = (0, 0, False)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        headers = _headers(rows, index, width, merged)
        scored = _scored_texts(headers, index, merged)
        known = sum(1 for text in scored if text and match_header(text, entity))
        texts = sum(1 for cell in row if isinstance(cell, str) and _is_label(cell))
        # A row of numbers only still beats empty rows: some sheets have no header.
        score = (known, texts, any(headers))
        if score > best_score:
            best, best_score = HeaderRow(index, headers, known), score
    return best


def _headers(
    rows: Sequence[Sequence[object]], index: int, width: int, merged: Sequence[CellRange]
) -> tuple[str, ...]:
    row = rows[index]
    texts = [cell_text(row[column]) if column < len(row) else "" for column in range(width)]
    for column, text in enumerate(texts):
        if not text:
            texts[column] = _merged_text(rows, index, column, merged)
    return tuple(texts)


def _merged_text(
    rows: Sequence[Sequence[object]], index: int, column: int, merged: Sequence[CellRange]
) -> str:
    for cell_range in merged:
        if cell_range.contains(index, column):
            owner = rows[cell_range.first_row]
            if cell_range.first_column < len(owner):
                return cell_text(owner[cell_range.first_column])
    return ""


def _scored_texts(headers: tuple[str, ...], index: int, merged: Sequence[CellRange]) -> list[str]:
    """The header texts that speak for this row. A name merged down from the row above
    counts (it names its column in a two-line header); a cell merged across columns
    counts once, in the row where it starts: a title banner is one text, however wide
    or tall."""
    texts = list(headers)
    for cell_range in merged:
        if cell_range.first_column == cell_range.last_column:
            continue
        if not cell_range.first_row <= index <= cell_range.last_row:
            continue
        for column in range(cell_range.first_column, min(cell_range.last_column + 1, len(texts))):
            if (index, column) != (cell_range.first_row, cell_range.first_column):
                texts[column] = ""
    return texts


def _is_label(text: str) -> bool:
    """Text that could name a column: not blank and not a number written as text."""
    stripped = text.strip()
    return bool(stripped) and not stripped.replace(".", "", 1).replace("-", "", 1).isdigit()
