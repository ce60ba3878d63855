"""A complaint's event history as a Qt table: when, who, from which status to which, and
the note, oldest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from crmdesk.domain.complaints import ComplaintEventRow
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.labels import enum_label
from crmdesk.ui.models.row_table_model import RowTableModel

NOBODY = "—"  # an event nobody was recorded for, such as a complaint taken in by an import

_CELLS: tuple[Callable[[ComplaintEventRow], str], ...] = (
    lambda r: format_instant(r.event.occurred_at),
    lambda r: r.actor_name or NOBODY,
    lambda r: enum_label(r.event.from_status) if r.event.from_status is not None else "",
    lambda r: enum_label(r.event.to_status),
    lambda r: r.event.note or "",
)


class ComplaintHistoryModel(RowTableModel[ComplaintEventRow]):
    def set_rows(self, rows: Sequence[ComplaintEventRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def column_count(self) -> int:
        return len(_CELLS)

    def cell(self, row: ComplaintEventRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _CELLS[column](row)
        return None

    def header(self, section: int) -> str:
        headers = (
            self.tr("When"),
            self.tr("Who"),
            self.tr("From", "the status a complaint left"),
            self.tr("To", "the status a complaint moved to"),
            self.tr("Note"),
        )
        return headers[section]
