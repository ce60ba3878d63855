"""Queries behind the dashboard: revenue by day, customers per value segment and
complaints by where they stand against their deadline (counts per stage, of overdue
follow-ups and open complaints come from report.report_counts)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Complaint, Customer, CustomerValue, Order
from crmdesk.db.repositories.records import of_live_customer
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.dashboard import ComplaintStanding
from crmdesk.domain.enums import OrderStatus, ValueSegment
from crmdesk.domain.exports import COMPLAINT_WARNING


def revenue_by_day(session: Session, first: date, last: date) -> list[tuple[date, int]]:
    """Revenue in minor units per day from `first` to `last` (both included): the totals
    of live orders of live customers that were not cancelled, returns taken off."""
    rows = session.execute(
        select(Order.ordered_on, func.sum(Order.total_minor))
        .where(
            Order.ordered_on.between(first, last),
            Order.deleted_at.is_(None),
            Order.status != OrderStatus.CANCELLED,
            of_live_customer(Order, None),
        )
        .group_by(Order.ordered_on)
    )
    return [(day, int(total)) for day, total in rows]


def customers_by_segment(session: Session) -> dict[ValueSegment, int]:
    """Live customers per value segment of the last recomputation, every segment listed
    (customers who never ordered have none and are not counted)."""
    # As in records.of_live_customer: the deleted customers are few, and looking each row
    # up among them walks the segment index alone (70 ms for 100,000 customers, against
    # 330 ms for a join with customer).
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    rows = session.execute(
        select(CustomerValue.segment, func.count())
        .where(CustomerValue.customer_id.not_in(deleted))
        .group_by(CustomerValue.segment)
    )
    counts = {segment: count for segment, count in rows if segment is not None}
    return {segment: counts.get(segment, 0) for segment in ValueSegment}


def complaints_by_standing(session: Session, now: datetime) -> dict[ComplaintStanding, int]:
    """Live complaints of live customers by where they stand against their deadline at
    `now`; a finished complaint is late when it was resolved (or else closed) after it."""
    finished_at = func.coalesce(Complaint.resolved_at, Complaint.closed_at)
    standing = case(
        (
            Complaint.status.in_(FINISHED_STATUSES),
            case(
                (finished_at > Complaint.due_at, ComplaintStanding.FINISHED_LATE.value),
                else_=ComplaintStanding.FINISHED_IN_TIME.value,
            ),
        ),
        (Complaint.due_at < now, ComplaintStanding.OVERDUE.value),
        (Complaint.due_at <= now + COMPLAINT_WARNING, ComplaintStanding.DUE_SOON.value),
        else_=ComplaintStanding.ON_TIME.value,
    )
    rows = session.execute(
        select(standing, func.count())
        .where(Complaint.deleted_at.is_(None), of_live_customer(Complaint, None))
        .group_by(standing)
    )
    counts = {ComplaintStanding(value): count for value, count in rows}
    return {standing: counts.get(standing, 0) for standing in ComplaintStanding}
