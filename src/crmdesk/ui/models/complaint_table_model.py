"""The complaint list as a Qt table: the rows read so far, page by page, in the columns of
domain/complaint_columns.py, with overdue complaints in red."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from crmdesk.domain.complaint_columns import COMPLAINT_COLUMNS
from crmdesk.domain.complaints import ComplaintRow
from crmdesk.domain.list_columns import ListColumn
from crmdesk.ui.formatting import format_days, format_instant
from crmdesk.ui.i18n import current_language
from crmdesk.ui.labels import enum_label

ModelIndex = QModelIndex | QPersistentModelIndex

TIME_LEFT_KEY = "time_left"
# Up to two days the time is counted in hours: "30 hours left" says more than "1 day left".
HOURS_SHOWN_UP_TO = 48
OVERDUE_TEXT = QColor("#b71c1c")
OVERDUE_BACKGROUND = QColor("#fdecea")


class _Hours(QObject):
    """Counted hours; a class so that lupdate offers plural forms for them."""

    def left(self, count: int) -> str:
        return self.tr("%n hour(s) left", "", count)

    def overdue(self, count: int) -> str:
        return self.tr("%n hour(s) overdue", "", count)


_HOURS = _Hours()


def time_left_text(hours: int | None) -> str:
    """How long until a complaint is due, or how long it is overdue, in words."""
    if hours is None:
        return ""
    translate = QCoreApplication.translate
    if hours >= 0:
        if hours < HOURS_SHOWN_UP_TO:
            return _HOURS.left(hours)
        days = format_days(hours // 24)
        return translate("ComplaintTableModel", "{days} left").format(days=days)
    late = -hours
    if late < HOURS_SHOWN_UP_TO:
        return _HOURS.overdue(late)
    days = format_days(late // 24)
    return translate("ComplaintTableModel", "{days} overdue").format(days=days)


def cell_text(column: ListColumn[ComplaintRow], row: ComplaintRow) -> str:
    if column.key == TIME_LEFT_KEY:
        return time_left_text(row.hours_left)
    value = column.value(row)
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, datetime):
        return format_instant(value)
    return str(value)


class ComplaintTableModel(QAbstractTableModel):
    """Holds the pages read so far; when the view wants more it emits `more_wanted`, and
    the owner reads the next page and hands it to `append_rows`."""

    more_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = COMPLAINT_COLUMNS
        self._rows: list[ComplaintRow] = []
        self._total = 0
        self._waiting_for_more = False

    @property
    def total(self) -> int:
        """Complaints matching the filter, read or not."""
        return self._total

    def set_rows(self, rows: Sequence[ComplaintRow], total: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total
        self._waiting_for_more = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[ComplaintRow], total: int) -> None:
        self._waiting_for_more = False
        self._total = total
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def loaded_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> ComplaintRow:
        return self._rows[row]

    def row_of(self, complaint_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == complaint_id), None)

    def column_of(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._waiting_for_more and self._more_to_read()

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._waiting_for_more = True
            self.more_wanted.emit()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(column, row)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if column.key == TIME_LEFT_KEY:
            # The list words the hours ("2 days overdue"), so its header does not name a unit.
            return self.tr("Time left")
        return column.header(current_language())

    def _more_to_read(self) -> bool:
        return len(self._rows) < self._total
