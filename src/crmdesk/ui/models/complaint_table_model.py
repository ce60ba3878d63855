"""The complaint list as a Qt table: the rows read so far, page by page, in the columns of
domain/complaint_columns.py, with overdue complaints in red."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from crmdesk.domain.complaint_columns import COMPLAINT_COLUMNS
from crmdesk.domain.complaints import ComplaintRow
from crmdesk.domain.list_columns import ListColumn
from crmdesk.ui.formatting import format_days
from crmdesk.ui.models.row_table_model import ListColumnTableModel, ModelIndex, value_text

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
    return value_text(column.value(row))


class ComplaintTableModel(ListColumnTableModel[ComplaintRow]):
    """Holds the pages read so far; when the view wants more it emits `more_wanted`, and
    the owner reads the next page and hands it to `append_rows`."""

    more_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COMPLAINT_COLUMNS, parent)
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

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._waiting_for_more and self._more_to_read()

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._waiting_for_more = True
            self.more_wanted.emit()

    def cell(self, row: ComplaintRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self.columns[column], row)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        return None

    def header(self, section: int) -> str:
        if self.columns[section].key == TIME_LEFT_KEY:
            # The list words the hours ("2 days overdue"), so its header does not name a unit.
            return self.tr("Time left")
        return super().header(section)

    def _more_to_read(self) -> bool:
        return len(self._rows) < self._total
