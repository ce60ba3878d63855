"""A complaint's event history as a Qt table: when, who, from which status to which, and
the note, oldest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from crmdesk.domain.complaints import ComplaintEventRow
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.labels import enum_label

ModelIndex = QModelIndex | QPersistentModelIndex

NOBODY = "—"  # an event nobody was recorded for, such as a complaint taken in by an import

_CELLS: tuple[Callable[[ComplaintEventRow], str], ...] = (
    lambda r: format_instant(r.event.occurred_at),
    lambda r: r.actor_name or NOBODY,
    lambda r: enum_label(r.event.from_status) if r.event.from_status is not None else "",
    lambda r: enum_label(r.event.to_status),
    lambda r: r.event.note or "",
)


class ComplaintHistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ComplaintEventRow] = []

    def set_rows(self, rows: Sequence[ComplaintEventRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_CELLS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _CELLS[index.column()](self._rows[index.row()])
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("When"),
            self.tr("Who"),
            self.tr("From", "the status a complaint left"),
            self.tr("To", "the status a complaint moved to"),
            self.tr("Note"),
        )
        return headers[section] if 0 <= section < len(headers) else None
