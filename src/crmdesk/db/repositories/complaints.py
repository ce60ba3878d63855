"""Queries on complaints and their event history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased

from crmdesk.db.models import Complaint, ComplaintEvent, Customer, Rep
from crmdesk.db.repositories.paging import fetch_page
from crmdesk.db.repositories.records import in_declared_order, of_live_customer
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.complaints import (
    ComplaintEventRecord,
    ComplaintEventRow,
    ComplaintFilter,
    ComplaintRecord,
    ComplaintRow,
    ComplaintSort,
)
from crmdesk.domain.enums import ComplaintSeverity, ComplaintStatus
from crmdesk.domain.paging import PageRequest

SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    ComplaintSort.NUMBER: Complaint.number.expression,
    ComplaintSort.RECEIVED_AT: Complaint.received_at.expression,
    ComplaintSort.DUE_AT: Complaint.due_at.expression,
    # By rank, not by name: "critical" < "high" < "low" alphabetically.
    ComplaintSort.SEVERITY: in_declared_order(Complaint.severity.expression, ComplaintSeverity),
    ComplaintSort.STATUS: in_declared_order(Complaint.status.expression, ComplaintStatus),
    ComplaintSort.TITLE: Complaint.title.expression,
}


def page(
    session: Session, where: ComplaintFilter, request: PageRequest, now: datetime
) -> tuple[Sequence[Complaint], int]:
    """One page of live complaints of live customers matching `where`, soonest due first
    unless sorted."""
    query = select(Complaint).where(*_conditions(where, now))
    request = request.or_sorted_by(ComplaintSort.DUE_AT)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, Complaint.id.expression)
    return [row[0] for row in rows], total


def row_page(
    session: Session, where: ComplaintFilter, request: PageRequest, now: datetime
) -> tuple[list[ComplaintRow], int]:
    """`page` with each complaint's customer and owner named, as the complaint list shows
    it; time left is counted from `now`."""
    owner = aliased(Rep)
    query: Select[*tuple[Any, ...]] = (
        select(Complaint, Customer.code, Customer.name, owner.name.label("owner_name"))
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(owner, (owner.id == Complaint.owner_id) & owner.deleted_at.is_(None))
        .where(*_conditions(where, now))
    )
    request = request.or_sorted_by(ComplaintSort.DUE_AT)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, Complaint.id.expression)
    return [_complaint_row(row[0], row.code, row.name, row.owner_name, now) for row in rows], total


def _complaint_row(
    complaint: Complaint, code: str, name: str, owner_name: str | None, now: datetime
) -> ComplaintRow:
    return ComplaintRow(
        id=complaint.id,
        version=complaint.version,
        number=complaint.number,
        customer_id=complaint.customer_id,
        customer_code=code,
        customer_name=name,
        owner_id=complaint.owner_id,
        owner_name=owner_name,
        category=complaint.category,
        severity=complaint.severity,
        status=complaint.status,
        title=complaint.title,
        received_at=complaint.received_at,
        due_at=complaint.due_at,
        as_of=now,
    )


def _conditions(where: ComplaintFilter, now: datetime) -> list[ColumnElement[bool]]:
    conditions = [Complaint.deleted_at.is_(None), of_live_customer(Complaint, where.customer_id)]
    if where.customer_id is not None:
        conditions.append(Complaint.customer_id == where.customer_id)
    if where.statuses:
        conditions.append(Complaint.status.in_(where.statuses))
    if where.severities:
        conditions.append(Complaint.severity.in_(where.severities))
    if where.owner_id is not None:
        conditions.append(Complaint.owner_id == where.owner_id)
    if where.overdue:
        conditions += [Complaint.due_at < now, Complaint.status.not_in(FINISHED_STATUSES)]
    return conditions


def events(session: Session, complaint_id: uuid.UUID) -> Sequence[ComplaintEvent]:
    """The complaint's moves, oldest first."""
    return session.scalars(_events_in_order(select(ComplaintEvent), complaint_id)).all()


def event_rows(session: Session, complaint_id: uuid.UUID) -> list[ComplaintEventRow]:
    """The complaint's moves, oldest first, each with the name of the rep who made it
    (kept even if that rep has since been deleted: it is history)."""
    actor = aliased(Rep)
    query: Select[*tuple[Any, ...]] = select(
        ComplaintEvent, actor.name.label("actor_name")
    ).outerjoin(actor, actor.id == ComplaintEvent.actor_id)
    rows = session.execute(_events_in_order(query, complaint_id))
    return [ComplaintEventRow(complaint_event_record(row[0]), row.actor_name) for row in rows]


def _events_in_order(
    query: Select[*tuple[Any, ...]], complaint_id: uuid.UUID
) -> Select[*tuple[Any, ...]]:
    return query.where(
        ComplaintEvent.complaint_id == complaint_id, ComplaintEvent.deleted_at.is_(None)
    ).order_by(ComplaintEvent.occurred_at, ComplaintEvent.created_at, ComplaintEvent.id)


def complaint_record(complaint: Complaint) -> ComplaintRecord:
    return ComplaintRecord(
        id=complaint.id,
        version=complaint.version,
        number=complaint.number,
        customer_id=complaint.customer_id,
        contact_id=complaint.contact_id,
        owner_id=complaint.owner_id,
        category=complaint.category,
        severity=complaint.severity,
        status=complaint.status,
        title=complaint.title,
        description=complaint.description,
        received_at=complaint.received_at,
        due_at=complaint.due_at,
        resolution=complaint.resolution,
        resolved_at=complaint.resolved_at,
        closed_at=complaint.closed_at,
        satisfaction=complaint.satisfaction,
        created_at=complaint.created_at,
        updated_at=complaint.updated_at,
    )


def complaint_event_record(event: ComplaintEvent) -> ComplaintEventRecord:
    return ComplaintEventRecord(
        id=event.id,
        complaint_id=event.complaint_id,
        from_status=event.from_status,
        to_status=event.to_status,
        actor_id=event.actor_id,
        occurred_at=event.occurred_at,
        note=event.note,
    )
