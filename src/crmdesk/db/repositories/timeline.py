"""A customer's history across tables: the newest interactions, orders, complaints and
follow-ups, merged newest first."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Complaint, FollowUp, Interaction, Order
from crmdesk.domain.money import from_minor
from crmdesk.domain.timeline import (
    TimelineEntry,
    TimelineKind,
    TimelinePage,
    newest_first,
    start_of_local_day,
)


def timeline_page(session: Session, customer_id: uuid.UUID, limit: int) -> TimelinePage:
    """The customer's `limit` newest entries and how many there are in all.

    The newest `limit` of the union are among the newest `limit` of each table, so each
    table is read through its (customer, time) index and no more than `limit` rows.
    """
    entries = [
        *_interactions(session, customer_id, limit),
        *_orders(session, customer_id, limit),
        *_complaints(session, customer_id, limit),
        *_follow_ups(session, customer_id, limit),
    ]
    return TimelinePage(newest_first(entries, limit), _total(session, customer_id))


def _interactions(session: Session, customer_id: uuid.UUID, limit: int) -> list[TimelineEntry]:
    query = _newest(Interaction, customer_id, Interaction.occurred_at.expression, limit)
    return [
        TimelineEntry(
            when=row.occurred_at,
            day_only=False,
            kind=TimelineKind.INTERACTION,
            category=row.kind,
            title=row.subject,
            detail=row.content,
            status=None,
            amount=None,
            record_id=row.id,
        )
        for row in session.scalars(query)
    ]


def _orders(session: Session, customer_id: uuid.UUID, limit: int) -> list[TimelineEntry]:
    query = _newest(Order, customer_id, Order.ordered_on.expression, limit)
    return [
        TimelineEntry(
            when=start_of_local_day(row.ordered_on),
            day_only=True,
            kind=TimelineKind.ORDER,
            category=None,
            title=row.number,
            detail=row.notes,
            status=row.status,
            amount=from_minor(row.total_minor),
            record_id=row.id,
        )
        for row in session.scalars(query)
    ]


def _complaints(session: Session, customer_id: uuid.UUID, limit: int) -> list[TimelineEntry]:
    query = _newest(Complaint, customer_id, Complaint.received_at.expression, limit)
    return [
        TimelineEntry(
            when=row.received_at,
            day_only=False,
            kind=TimelineKind.COMPLAINT,
            category=row.category,
            title=f"{row.number} {row.title}",
            detail=row.description,
            status=row.status,
            amount=None,
            record_id=row.id,
        )
        for row in session.scalars(query)
    ]


def _follow_ups(session: Session, customer_id: uuid.UUID, limit: int) -> list[TimelineEntry]:
    query = _newest(FollowUp, customer_id, FollowUp.due_on.expression, limit)
    return [
        TimelineEntry(
            when=start_of_local_day(row.due_on),
            day_only=True,
            kind=TimelineKind.FOLLOW_UP,
            category=row.kind,
            title=row.title,
            detail=row.result or row.notes,
            status=row.status,
            amount=None,
            record_id=row.id,
        )
        for row in session.scalars(query)
    ]


Timed = type[Interaction] | type[Order] | type[Complaint] | type[FollowUp]


def _newest(
    model: Timed, customer_id: uuid.UUID, when: ColumnElement[Any], limit: int
) -> Select[Any]:
    return (
        select(model)
        .where(model.customer_id == customer_id, model.deleted_at.is_(None))
        .order_by(when.desc(), model.id.desc())
        .limit(limit)
    )


def _total(session: Session, customer_id: uuid.UUID) -> int:
    counts = [
        select(func.count())
        .select_from(model)
        .where(model.customer_id == customer_id, model.deleted_at.is_(None))
        .scalar_subquery()
        for model in (Interaction, Order, Complaint, FollowUp)
    ]
    return sum(int(n) for n in session.execute(select(*counts)).one())
