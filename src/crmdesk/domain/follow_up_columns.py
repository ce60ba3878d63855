"""Columns of the follow-up calendar's lists, shared by the tables on screen and an
exported workbook: the dated lists (overdue, this week) and the agenda of one day, which
also holds the day's care items (birthdays and holidays)."""

from __future__ import annotations

from datetime import date

from crmdesk.domain.care import CareItem, HolidayItem
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus
from crmdesk.domain.follow_ups import FollowUpRow, FollowUpSort
from crmdesk.domain.list_columns import CellKind, ListColumn

# A line of the agenda: a follow-up, or a birthday or holiday to remember.
AgendaEntry = FollowUpRow | CareItem

Column = ListColumn[FollowUpRow]
AgendaColumn = ListColumn[AgendaEntry]


def _kind(entry: AgendaEntry) -> FollowUpKind:
    return entry.follow_up.kind if isinstance(entry, FollowUpRow) else FollowUpKind.CARE


def _customer(entry: AgendaEntry) -> str | None:
    """A holiday greets many customers; the window says how many in its title."""
    return None if isinstance(entry, HolidayItem) else entry.customer_name


def _title(entry: AgendaEntry) -> str:
    """A birthday's title is whose it is, a holiday's its name; the window words them."""
    if isinstance(entry, FollowUpRow):
        return entry.follow_up.title
    return entry.name if isinstance(entry, HolidayItem) else entry.person_name


def _contact(entry: AgendaEntry) -> str | None:
    return None if isinstance(entry, HolidayItem) else entry.contact_name


def _rep(entry: AgendaEntry) -> str | None:
    if isinstance(entry, HolidayItem):
        return None
    return entry.rep_name if isinstance(entry, FollowUpRow) else entry.owner_name


def _status(entry: AgendaEntry) -> FollowUpStatus | None:
    return entry.follow_up.status if isinstance(entry, FollowUpRow) else None


def _due(entry: AgendaEntry) -> date:
    """A care item is due on its reminder day, the agenda's day; its title says when the
    birthday or holiday falls."""
    return entry.follow_up.due_on if isinstance(entry, FollowUpRow) else entry.remind_on


FOLLOW_UP_COLUMNS: tuple[Column, ...] = (
    Column("due_on", "Due", "到期日", CellKind.DATE, _due, FollowUpSort.DUE_ON),
    Column("customer", "Customer", "客户", CellKind.TEXT, lambda r: r.customer_name),
    Column("kind", "Kind", "类型", CellKind.LABEL, _kind, FollowUpSort.KIND),
    Column("title", "Title", "事项", CellKind.TEXT, _title, FollowUpSort.TITLE),
    Column("contact", "Contact", "联系人", CellKind.TEXT, _contact),
    Column("rep", "Rep", "业务员", CellKind.TEXT, _rep),
    Column("status", "Status", "状态", CellKind.LABEL, _status, FollowUpSort.STATUS),
)

AGENDA_COLUMNS: tuple[AgendaColumn, ...] = (
    AgendaColumn("customer", "Customer", "客户", CellKind.TEXT, _customer),
    AgendaColumn("kind", "Kind", "类型", CellKind.LABEL, _kind),
    AgendaColumn("title", "Title", "事项", CellKind.TEXT, _title),
    AgendaColumn("contact", "Contact", "联系人", CellKind.TEXT, _contact),
    AgendaColumn("rep", "Rep", "业务员", CellKind.TEXT, _rep),
    AgendaColumn("status", "Status", "状态", CellKind.LABEL, _status),
)

# An exported agenda: the day is no longer on screen above it.
AGENDA_EXPORT_COLUMNS: tuple[AgendaColumn, ...] = (
    AgendaColumn("due_on", "Due", "到期日", CellKind.DATE, _due),
    *AGENDA_COLUMNS,
)
