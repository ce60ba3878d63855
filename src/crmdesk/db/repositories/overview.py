"""Aggregates over one customer's orders, complaints and follow-ups."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Complaint, CustomerValue, FollowUp, Order
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.customer_overview import CustomerOverview
from crmdesk.domain.enums import FollowUpStatus, OrderStatus
from crmdesk.domain.money import from_minor


def customer_overview(session: Session, customer_id: uuid.UUID, today: date) -> CustomerOverview:
    """The customer's key figures in four queries; `today` decides what is overdue."""
    spend, order_count, last_order_on = session.execute(
        select(
            func.coalesce(func.sum(Order.total_minor), 0),
            func.count(Order.id),
            func.max(Order.ordered_on),
        ).where(
            Order.customer_id == customer_id,
            Order.deleted_at.is_(None),
            Order.status != OrderStatus.CANCELLED,
        )
    ).one()
    open_complaints = session.execute(
        select(func.count(Complaint.id)).where(
            Complaint.customer_id == customer_id,
            Complaint.deleted_at.is_(None),
            Complaint.status.not_in(FINISHED_STATUSES),
        )
    ).scalar_one()
    next_follow_up = session.execute(
        select(FollowUp.due_on, FollowUp.title)
        .where(
            FollowUp.customer_id == customer_id,
            FollowUp.deleted_at.is_(None),
            FollowUp.status == FollowUpStatus.PLANNED,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(1)
    ).first()
    due_on, title = next_follow_up if next_follow_up is not None else (None, None)
    value = session.execute(
        select(CustomerValue.segment, CustomerValue.grade).where(
            CustomerValue.customer_id == customer_id
        )
    ).first()
    segment, grade = value if value is not None else (None, None)
    return CustomerOverview(
        customer_id=customer_id,
        total_spend=from_minor(int(spend)),
        order_count=int(order_count),
        last_order_on=last_order_on,
        open_complaints=int(open_complaints),
        next_follow_up_on=due_on,
        next_follow_up_title=title,
        next_follow_up_overdue=due_on is not None and due_on < today,
        segment=segment,
        grade=grade,
    )
