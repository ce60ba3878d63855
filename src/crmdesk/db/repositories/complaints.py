"""Queries on complaints and their event history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Complaint, ComplaintEvent
from crmdesk.db.repositories.paging import fetch_page
from crmdesk.db.repositories.records import in_declared_order, of_live_customer
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.complaints import (
    ComplaintEventRecord,
    ComplaintFilter,
    ComplaintRecord,
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
    query = select(Complaint).where(
        Complaint.deleted_at.is_(None), of_live_customer(Complaint, where.customer_id)
    )
    if where.customer_id is not None:
        query = query.where(Complaint.customer_id == where.customer_id)
    if where.statuses:
        query = query.where(Complaint.status.in_(where.statuses))
    if where.severities:
        query = query.where(Complaint.severity.in_(where.severities))
    if where.owner_id is not None:
        query = query.where(Complaint.owner_id == where.owner_id)
    if where.overdue:
        query = query.where(Complaint.due_at < now, Complaint.status.not_in(FINISHED_STATUSES))
    if request.sort_by is None:
        request = replace(request, sort_by=ComplaintSort.DUE_AT)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, Complaint.id.expression)
    return [row[0] for row in rows], total


def events(session: Session, complaint_id: uuid.UUID) -> Sequence[ComplaintEvent]:
    """The complaint's moves, oldest first."""
    return session.scalars(
        select(ComplaintEvent)
        .where(ComplaintEvent.complaint_id == complaint_id, ComplaintEvent.deleted_at.is_(None))
        .order_by(ComplaintEvent.occurred_at, ComplaintEvent.created_at, ComplaintEvent.id)
    ).all()


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
