"""A customer's history (conversations, orders, complaints, follow-ups) as a table,
newest first: type, date, summary and status."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle

from crmdesk.domain.timeline import TimelineEntry, TimelineKind
from crmdesk.ui.formatting import format_date, format_instant, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.models.row_table_model import RowTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole

_ICONS = {
    TimelineKind.INTERACTION: QStyle.StandardPixmap.SP_MessageBoxInformation,
    TimelineKind.ORDER: QStyle.StandardPixmap.SP_FileIcon,
    TimelineKind.COMPLAINT: QStyle.StandardPixmap.SP_MessageBoxWarning,
    TimelineKind.FOLLOW_UP: QStyle.StandardPixmap.SP_FileDialogDetailedView,
}


class TimelineColumn(IntEnum):
    KIND = 0
    WHEN = 1
    SUMMARY = 2
    STATUS = 3


class TimelineModel(RowTableModel[TimelineEntry]):
    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def column_count(self) -> int:
        return len(TimelineColumn)

    def header(self, section: int) -> str:
        return {
            TimelineColumn.KIND: self.tr("Type"),
            TimelineColumn.WHEN: self.tr("Date"),
            TimelineColumn.SUMMARY: self.tr("Summary"),
            TimelineColumn.STATUS: self.tr("Status"),
        }[TimelineColumn(section)]

    def cell(self, entry: TimelineEntry, column: int, role: int) -> Any:
        shown = TimelineColumn(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, shown)
        if role == Qt.ItemDataRole.DecorationRole and shown is TimelineColumn.KIND:
            return QApplication.style().standardIcon(_ICONS[entry.kind])
        if role == Qt.ItemDataRole.ToolTipRole and shown is TimelineColumn.SUMMARY:
            return entry.detail or None
        if role == ENTRY_ROLE:
            return entry
        return None

    def _text(self, entry: TimelineEntry, column: TimelineColumn) -> str:
        match column:
            case TimelineColumn.KIND:
                return self._kind_text(entry)
            case TimelineColumn.WHEN:
                if entry.day_only:
                    return format_date(entry.when.astimezone().date())
                return format_instant(entry.when)
            case TimelineColumn.SUMMARY:
                return self._summary(entry)
            case TimelineColumn.STATUS:
                return enum_label(entry.status) if entry.status is not None else ""

    def _kind_text(self, entry: TimelineEntry) -> str:
        match entry.kind:
            case TimelineKind.INTERACTION:
                # The kind of conversation says more than "interaction": Call, Visit …
                return enum_label(entry.category) if entry.category else ""
            case TimelineKind.ORDER:
                return self.tr("Order")
            case TimelineKind.COMPLAINT:
                return self.tr("Complaint")
            case TimelineKind.FOLLOW_UP:
                return self.tr("Follow-up")

    def _summary(self, entry: TimelineEntry) -> str:
        if entry.kind is TimelineKind.ORDER and entry.amount is not None:
            return f"{entry.title} · {format_money(entry.amount)}"
        first_line = (entry.detail or "").split("\n", 1)[0]
        return f"{entry.title} — {first_line}" if first_line else entry.title
