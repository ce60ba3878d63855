"""Queries on planned follow-ups and their recurring series."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.db.models import Contact, Customer, FollowUp, Rep
from crmdesk.db.repositories.paging import fetch_page
from crmdesk.db.repositories.records import of_live_customer
from crmdesk.domain.enums import FollowUpStatus
from crmdesk.domain.follow_ups import (
    DayCount,
    FollowUpFilter,
    FollowUpRecord,
    FollowUpRow,
    FollowUpSort,
)
from crmdesk.domain.paging import PageRequest

SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    FollowUpSort.DUE_ON: FollowUp.due_on.expression,
    FollowUpSort.TITLE: FollowUp.title.expression,
    FollowUpSort.KIND: FollowUp.kind.expression,
    FollowUpSort.STATUS: FollowUp.status.expression,
}


def page(
    session: Session, where: FollowUpFilter, request: PageRequest, today: date
) -> tuple[Sequence[FollowUp], int]:
    """One page of live follow-ups of live customers matching `where`, soonest due first
    unless sorted.

    `today` is the user's calendar day, which decides what is overdue.
    """
    query = select(FollowUp).where(*_conditions(where, today))
    request = request.or_sorted_by(FollowUpSort.DUE_ON)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, FollowUp.id.expression)
    return [row[0] for row in rows], total


def row_page(
    session: Session, where: FollowUpFilter, request: PageRequest, today: date
) -> tuple[list[FollowUpRow], int]:
    """The page `page` would give, each follow-up with its customer's, rep's and
    contact's names."""
    query: Select[*tuple[Any, ...]] = (
        select(FollowUp, Customer.name, Customer.code, Rep.name, Contact.name)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(Rep, Rep.id == FollowUp.rep_id)
        .outerjoin(Contact, and_(Contact.id == FollowUp.contact_id, Contact.deleted_at.is_(None)))
        .where(*_conditions(where, today))
    )
    request = request.or_sorted_by(FollowUpSort.DUE_ON)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, FollowUp.id.expression)
    named = [
        FollowUpRow(
            follow_up=follow_up_record(follow_up),
            customer_name=customer_name,
            customer_code=customer_code,
            rep_name=rep_name,
            contact_name=contact_name,
        )
        for follow_up, customer_name, customer_code, rep_name, contact_name in map(tuple, rows)
    ]
    return named, total


def day_counts(
    session: Session, first: date, last: date, rep_id: uuid.UUID | None, today: date
) -> list[DayCount]:
    """Per day from `first` to `last` that has any, how many live follow-ups (of `rep_id`,
    if given) are planned, overdue and done; cancelled ones are not counted."""
    planned = FollowUp.status == FollowUpStatus.PLANNED
    query = (
        select(
            FollowUp.due_on,
            func.count().filter(planned, FollowUp.due_on >= today),
            func.count().filter(planned, FollowUp.due_on < today),
            func.count().filter(FollowUp.status == FollowUpStatus.DONE),
        )
        .where(
            *_conditions(FollowUpFilter(rep_id=rep_id, due_from=first, due_to=last), today),
            FollowUp.status != FollowUpStatus.CANCELLED,
        )
        .group_by(FollowUp.due_on)
    )
    return [
        DayCount(day, planned=planned_count, overdue=overdue_count, done=done_count)
        for day, planned_count, overdue_count, done_count in session.execute(query)
    ]


def _conditions(where: FollowUpFilter, today: date) -> list[ColumnElement[bool]]:
    """Live follow-ups of live customers matching `where`; `today` decides what is overdue."""
    conditions = [FollowUp.deleted_at.is_(None), of_live_customer(FollowUp, where.customer_id)]
    if where.customer_id is not None:
        conditions.append(FollowUp.customer_id == where.customer_id)
    if where.rep_id is not None:
        conditions.append(FollowUp.rep_id == where.rep_id)
    if where.status is not None:
        conditions.append(FollowUp.status == where.status)
    if where.due_from is not None:
        conditions.append(FollowUp.due_on >= where.due_from)
    if where.due_to is not None:
        conditions.append(FollowUp.due_on <= where.due_to)
    if where.overdue:
        conditions += [FollowUp.status == FollowUpStatus.PLANNED, FollowUp.due_on < today]
    return conditions


def series_so_far(session: Session, follow_up_id: uuid.UUID) -> tuple[date, int]:
    """The due date of the first occurrence of this follow-up's series, and how many
    occurrences the series has up to and including this one."""
    chain = (
        select(FollowUp.id, FollowUp.previous_id, FollowUp.due_on)
        .where(FollowUp.id == follow_up_id)
        .cte("chain", recursive=True)
    )
    earlier = aliased(FollowUp)
    # UNION rather than UNION ALL: should links ever form a loop, the walk still ends.
    chain = chain.union(
        select(earlier.id, earlier.previous_id, earlier.due_on).join(
            chain, earlier.id == chain.c.previous_id
        )
    )
    rows = session.execute(select(chain.c.previous_id, chain.c.due_on)).all()
    starts = [due for previous, due in rows if previous is None]
    return (starts[0] if starts else min(due for _, due in rows)), len(rows)


def follow_up_record(follow_up: FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        id=follow_up.id,
        version=follow_up.version,
        customer_id=follow_up.customer_id,
        contact_id=follow_up.contact_id,
        rep_id=follow_up.rep_id,
        kind=follow_up.kind,
        status=follow_up.status,
        title=follow_up.title,
        notes=follow_up.notes,
        due_on=follow_up.due_on,
        recurrence_rule=follow_up.recurrence_rule,
        previous_id=follow_up.previous_id,
        completed_at=follow_up.completed_at,
        result=follow_up.result,
        created_at=follow_up.created_at,
        updated_at=follow_up.updated_at,
    )
