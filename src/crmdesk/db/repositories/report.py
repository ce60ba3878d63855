"""Queries behind the report workbook: follow-ups coming due, complaints with their
customers and owners, and the counts of the summary sheet."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crmdesk.db.models import Complaint, Customer, FollowUp, Rep
from crmdesk.db.repositories.records import of_live_customer
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.enums import CustomerLevel, FollowUpStatus, LifecycleStage
from crmdesk.domain.exports import ComplaintReportRow, FollowUpDueRow, ReportCounts

E = TypeVar("E", bound=StrEnum)


def follow_ups_due(session: Session, today: date, until: date) -> list[FollowUpDueRow]:
    """Planned follow-ups due on or before `until` (overdue ones included), soonest first."""
    rep = aliased(Rep)
    rows = session.execute(
        select(
            FollowUp.due_on,
            Customer.code,
            Customer.name,
            FollowUp.kind,
            FollowUp.title,
            rep.name,
            FollowUp.notes,
        )
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(rep, (rep.id == FollowUp.rep_id) & rep.deleted_at.is_(None))
        .where(
            FollowUp.deleted_at.is_(None),
            Customer.deleted_at.is_(None),
            FollowUp.status == FollowUpStatus.PLANNED,
            FollowUp.due_on <= until,
        )
        .order_by(FollowUp.due_on, Customer.code, FollowUp.id)
    )
    return [
        FollowUpDueRow(
            due_on=due_on,
            overdue=due_on < today,
            customer_code=code,
            customer_name=name,
            kind=kind,
            title=title,
            rep_name=rep_name,
            notes=notes,
        )
        for due_on, code, name, kind, title, rep_name, notes in rows
    ]


def complaints(session: Session) -> list[ComplaintReportRow]:
    """Every complaint of a live customer, the soonest due first."""
    owner = aliased(Rep)
    rows = session.execute(
        select(
            Complaint.number,
            Customer.code.label("customer_code"),
            Customer.name.label("customer_name"),
            Complaint.category,
            Complaint.severity,
            Complaint.status,
            Complaint.title,
            owner.name.label("owner_name"),
            Complaint.received_at,
            Complaint.due_at,
        )
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(owner, (owner.id == Complaint.owner_id) & owner.deleted_at.is_(None))
        .where(Complaint.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Complaint.due_at, Complaint.number)
    )
    return [ComplaintReportRow(**row._asdict()) for row in rows]


def report_counts(session: Session, today: date, now: datetime) -> ReportCounts:
    """Customers per lifecycle stage and per level; open and overdue follow-ups and
    complaints (of live customers)."""
    planned = select(func.count()).where(
        FollowUp.deleted_at.is_(None),
        of_live_customer(FollowUp, None),
        FollowUp.status == FollowUpStatus.PLANNED,
    )
    unfinished = select(func.count()).where(
        Complaint.deleted_at.is_(None),
        of_live_customer(Complaint, None),
        Complaint.status.not_in(FINISHED_STATUSES),
    )
    return ReportCounts(
        customers_by_stage=_customers_by(session, Customer.lifecycle_stage, LifecycleStage),
        customers_by_level=_customers_by(session, Customer.level, CustomerLevel),
        open_follow_ups=session.execute(planned).scalar_one(),
        overdue_follow_ups=session.execute(planned.where(FollowUp.due_on < today)).scalar_one(),
        open_complaints=session.execute(unfinished).scalar_one(),
        overdue_complaints=session.execute(unfinished.where(Complaint.due_at < now)).scalar_one(),
    )


def _customers_by(
    session: Session, column: InstrumentedAttribute[Any], members: type[E]
) -> dict[E, int]:
    """Live customers per value of `column`, every member listed (zero when none)."""
    rows = session.execute(
        select(column, func.count()).where(Customer.deleted_at.is_(None)).group_by(column)
    )
    # Not dict(rows): a Result has keys(), so dict() would take it for a mapping.
    counts: dict[E, int] = {value: count for value, count in rows}  # noqa: C416
    return {member: counts.get(member, 0) for member in members}
