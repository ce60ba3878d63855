"""The follow-up calendar's lists as Qt tables, in the columns of
domain/follow_up_columns.py: overdue planned follow-ups in red, done ones greyed, and the
day's birthdays and holidays worded as care items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from crmdesk.domain.care import BirthdayItem, HolidayItem
from crmdesk.domain.enums import FollowUpStatus
from crmdesk.domain.follow_up_columns import (
    AGENDA_COLUMNS,
    FOLLOW_UP_COLUMNS,
    AgendaEntry,
)
from crmdesk.domain.follow_ups import FollowUpRow
from crmdesk.domain.list_columns import ListColumn
from crmdesk.ui.formatting import format_count, format_date, format_days
from crmdesk.ui.models.row_table_model import ListColumnTableModel, ModelIndex, value_text

Row = TypeVar("Row", bound=AgendaEntry)

OVERDUE_COLOR = QColor("#c62828")
DONE_COLOR = QColor("#9e9e9e")
CARE_COLOR = QColor("#ad1457")
TITLE_KEY = "title"


def is_overdue(row: object, today: date) -> bool:
    """A planned follow-up due before today."""
    return (
        isinstance(row, FollowUpRow)
        and row.follow_up.status is FollowUpStatus.PLANNED
        and row.follow_up.due_on < today
    )


def birthday_text(item: BirthdayItem) -> str:
    if item.days_ahead == 0:
        template = QCoreApplication.translate("FollowUpModels", "Birthday of {name} (turns {age})")
    else:
        template = QCoreApplication.translate(
            "FollowUpModels", "Birthday of {name} in {days} (turns {age})"
        )
    return template.format(name=item.person_name, age=item.age, days=format_days(item.days_ahead))


def holiday_text(item: HolidayItem) -> str:
    if item.days_ahead == 0:
        template = QCoreApplication.translate(
            "FollowUpModels", "{holiday} today; customers to greet: {count}"
        )
    else:
        template = QCoreApplication.translate(
            "FollowUpModels", "{holiday} in {days}, on {day}; customers to greet: {count}"
        )
    return template.format(
        holiday=item.name,
        days=format_days(item.days_ahead),
        day=format_date(item.on),
        count=format_count(item.customers),
    )


def as_shown(columns: Sequence[ListColumn[Row]]) -> tuple[ListColumn[Row], ...]:
    """`columns` with a care item's title worded as the lists show it (the domain's column
    holds the bare name: wording is the window's, in its language), for the screen and
    its exports alike."""
    return tuple(
        _title_as_shown(column) if column.key == TITLE_KEY else column for column in columns
    )


def _title_as_shown(column: ListColumn[Row]) -> ListColumn[Row]:
    read = column.value

    def title(row: Row) -> object:
        if isinstance(row, BirthdayItem):
            return birthday_text(row)
        if isinstance(row, HolidayItem):
            return holiday_text(row)
        return read(row)

    return replace(column, value=title)


class FollowUpTableModel(ListColumnTableModel[Row]):
    """A list of follow-ups (or agenda entries) shown in `columns`."""

    def __init__(self, columns: Sequence[ListColumn[Row]], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._today = date.min

    def set_rows(self, rows: Sequence[Row], today: date) -> None:
        """Show `rows`; `today` decides which are overdue."""
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, index: ModelIndex) -> Row | None:
        return self._rows[index.row()] if index.isValid() else None

    def cell(self, row: Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(self.columns[column].value(row))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(row, BirthdayItem):
            return format_date(row.birthday)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(row, HolidayItem):
            return format_date(row.on)
        return None

    def _color(self, row: Row) -> QColor | None:
        if isinstance(row, BirthdayItem | HolidayItem):
            return CARE_COLOR
        if is_overdue(row, self._today):
            return OVERDUE_COLOR
        if row.follow_up.status is not FollowUpStatus.PLANNED:
            return DONE_COLOR
        return None


def follow_up_list_model(parent: QObject | None = None) -> FollowUpTableModel[FollowUpRow]:
    """A dated list of follow-ups (overdue, this week)."""
    return FollowUpTableModel(as_shown(FOLLOW_UP_COLUMNS), parent)


def agenda_model(parent: QObject | None = None) -> FollowUpTableModel[AgendaEntry]:
    """One day's follow-ups, birthdays and holidays."""
    return FollowUpTableModel(as_shown(AGENDA_COLUMNS), parent)
