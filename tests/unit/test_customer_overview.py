"""The key figures of a customer's profile, over a real database file."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer

from crmdesk.db.engine import Database
from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    FollowUpKind,
    OrderStatus,
)
from crmdesk.domain.errors import NotFoundError
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.customer_overview import CustomerOverviewService
from crmdesk.services.customers import CustomerService
from crmdesk.services.follow_ups import FollowUpService
from crmdesk.services.orders import OrderService

TODAY = START.date()


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def overview(database: Database, clock: TestClock) -> CustomerOverviewService:
    return CustomerOverviewService(database, clock)


def order(
    database: Database,
    clock: TestClock,
    customer_id: uuid.UUID,
    amount: str,
    on: date,
    status: OrderStatus = OrderStatus.OPEN,
) -> None:
    OrderService(database, clock).create(
        OrderDraft(
            customer_id=customer_id,
            ordered_on=on,
            lines=(OrderLineDraft("茶叶", 1, Decimal(amount)),),
            status=status,
            paid_on=on if status is OrderStatus.PAID else None,
        )
    )


def test_a_customer_without_history_has_empty_figures(
    database: Database, overview: CustomerOverviewService
) -> None:
    customer_id = add_customer(database)

    figures = overview.overview(customer_id)

    assert figures.total_spend == Decimal("0.00")
    assert figures.order_count == 0
    assert figures.last_order_on is None
    assert figures.open_complaints == 0
    assert figures.next_follow_up_on is None
    assert not figures.next_follow_up_overdue


def test_spend_leaves_out_cancelled_and_deleted_orders_and_other_customers(
    database: Database, clock: TestClock, overview: CustomerOverviewService
) -> None:
    customer_id = add_customer(database)
    other_id = add_customer(database, "李四")
    order(database, clock, customer_id, "100.50", TODAY - timedelta(days=30), OrderStatus.PAID)
    order(database, clock, customer_id, "20.00", TODAY - timedelta(days=3))
    order(database, clock, customer_id, "999.00", TODAY - timedelta(days=1), OrderStatus.CANCELLED)
    order(database, clock, other_id, "5000.00", TODAY)
    doomed = OrderService(database, clock).create(
        OrderDraft(customer_id, TODAY, (OrderLineDraft("x", 1, Decimal("7.00")),))
    )
    OrderService(database, clock).delete(doomed.id)

    figures = overview.overview(customer_id)

    assert figures.total_spend == Decimal("120.50")
    assert figures.order_count == 2
    assert figures.last_order_on == TODAY - timedelta(days=3)


def test_open_complaints_are_those_neither_resolved_nor_closed(
    database: Database, clock: TestClock, overview: CustomerOverviewService
) -> None:
    customer_id = add_customer(database)
    complaints = ComplaintService(database, clock)
    drafts = [
        ComplaintDraft(customer_id, ComplaintCategory.DELIVERY, ComplaintSeverity.HIGH, title)
        for title in ("迟到", "破损", "少件")
    ]
    opened = [complaints.open(draft) for draft in drafts]
    done = opened[0]
    for status in (ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS):
        done = complaints.move(done.id, status, done.version, None)
    complaints.move(done.id, ComplaintStatus.RESOLVED, done.version, None, resolution="补发")

    assert overview.overview(customer_id).open_complaints == 2


def test_the_next_follow_up_is_the_earliest_planned_and_may_be_overdue(
    database: Database, clock: TestClock, overview: CustomerOverviewService
) -> None:
    customer_id = add_customer(database)
    follow_ups = FollowUpService(database, clock)
    later = follow_ups.create(
        FollowUpDraft(customer_id, FollowUpKind.CALLBACK, "回访", TODAY + timedelta(days=9))
    )
    sooner = follow_ups.create(
        FollowUpDraft(customer_id, FollowUpKind.VISIT, "拜访", TODAY + timedelta(days=2))
    )
    follow_ups.cancel(sooner.id, sooner.version)

    figures = overview.overview(customer_id)
    assert (figures.next_follow_up_on, figures.next_follow_up_title) == (later.due_on, "回访")
    assert not figures.next_follow_up_overdue

    clock.advance(timedelta(days=10))
    assert overview.overview(customer_id).next_follow_up_overdue


def test_a_deleted_customer_has_no_overview(
    database: Database, clock: TestClock, overview: CustomerOverviewService
) -> None:
    customer_id = add_customer(database)
    CustomerService(database, clock).delete(customer_id)

    with pytest.raises(NotFoundError):
        overview.overview(customer_id)
