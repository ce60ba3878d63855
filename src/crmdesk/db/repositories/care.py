"""Queries for customer care: whose birthday falls on which days of the year, and which
customers a holiday greets."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, extract, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.db.models import Contact, Customer, FollowUp, Rep
from crmdesk.domain.care import BirthdayItem, celebrated_on, month_days
from crmdesk.domain.enums import CustomerLevel, FollowUpKind


def birthdays(
    session: Session, first: date, last: date, owner_id: uuid.UUID | None
) -> list[BirthdayItem]:
    """Birthdays celebrated from `first` to `last` of live customers and of the live
    contacts of live customers (of owner `owner_id`, if given), in no particular order."""
    wanted = sorted(month * 100 + day for month, day in month_days(first, last))
    customer_columns: Select[*tuple[Any, ...]] = select(
        Customer.birthday,
        Customer.id,
        Customer.name,
        Customer.code,
        Customer.owner_id,
        Rep.name,
    )
    customers = _of_customers(customer_columns, Customer.birthday, wanted, owner_id)
    contact_columns: Select[*tuple[Any, ...]] = (
        select(
            Contact.birthday,
            Customer.id,
            Customer.name,
            Customer.code,
            Customer.owner_id,
            Rep.name,
            Contact.id,
            Contact.name,
        )
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None))
    )
    contacts = _of_customers(contact_columns, Contact.birthday, wanted, owner_id)
    found = [_item(first, last, *row) for row in session.execute(customers)]
    found += [_item(first, last, *row) for row in session.execute(contacts)]
    return found


def greeted_count(
    session: Session, levels: frozenset[CustomerLevel] | None, owner_id: uuid.UUID | None
) -> int:
    """How many live customers (of `levels`, None for all; of owner `owner_id`) a holiday
    greets."""
    query = select(func.count()).select_from(Customer).where(*_greeted(levels, owner_id))
    return session.execute(query).scalar_one()


def customers_to_greet(
    session: Session,
    levels: frozenset[CustomerLevel] | None,
    owner_id: uuid.UUID | None,
    title: str,
    due_on: date,
) -> list[tuple[uuid.UUID, uuid.UUID | None]]:
    """The greeted customers without a live care follow-up titled `title` due on
    `due_on` (whatever became of it), each with its owner if the owner is live."""
    planned = exists().where(
        FollowUp.customer_id == Customer.id,
        FollowUp.kind == FollowUpKind.CARE,
        FollowUp.due_on == due_on,
        FollowUp.title == title,
        FollowUp.deleted_at.is_(None),
    )
    query = (
        select(Customer.id, Rep.id)
        .outerjoin(Rep, (Rep.id == Customer.owner_id) & Rep.deleted_at.is_(None))
        .where(*_greeted(levels, owner_id), ~planned)
        .order_by(Customer.id)
    )
    return [(customer_id, rep_id) for customer_id, rep_id in session.execute(query)]


def _greeted(
    levels: frozenset[CustomerLevel] | None, owner_id: uuid.UUID | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Customer.deleted_at.is_(None)]
    if levels is not None:
        conditions.append(Customer.level.in_(sorted(levels)))
    if owner_id is not None:
        conditions.append(Customer.owner_id == owner_id)
    return conditions


def _item(
    first: date,
    last: date,
    birthday: date,
    customer_id: uuid.UUID,
    customer_name: str,
    customer_code: str,
    owner_id: uuid.UUID | None,
    owner_name: str | None,
    contact_id: uuid.UUID | None = None,
    contact_name: str | None = None,
) -> BirthdayItem:
    on = celebrated_on(birthday, first, last)
    assert on is not None, "the query matched on month and day"
    return BirthdayItem(
        on=on,
        birthday=birthday,
        customer_id=customer_id,
        customer_name=customer_name,
        customer_code=customer_code,
        owner_id=owner_id,
        owner_name=owner_name,
        contact_id=contact_id,
        contact_name=contact_name,
    )


def _of_customers(
    query: Select[*tuple[Any, ...]],
    birthday: InstrumentedAttribute[date | None],
    month_days: list[int],
    owner_id: uuid.UUID | None,
) -> Select[*tuple[Any, ...]]:
    # A deleted owner shows no name, as in the customer list.
    query = query.outerjoin(Rep, (Rep.id == Customer.owner_id) & Rep.deleted_at.is_(None)).where(
        Customer.deleted_at.is_(None),
        birthday.is_not(None),
        _month_day(birthday).in_(month_days),
    )
    if owner_id is not None:
        query = query.where(Customer.owner_id == owner_id)
    return query


def _month_day(birthday: InstrumentedAttribute[date | None]) -> ColumnElement[int]:
    """1231 for 31 December. EXTRACT is compiled by each dialect (strftime on SQLite),
    so the query is the same on PostgreSQL; no index serves it, which a scan of the
    birthdays of one calendar page can afford."""
    return extract("month", birthday) * 100 + extract("day", birthday)
