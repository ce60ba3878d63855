"""A customer's timeline: every kind of history, newest first, a page at a time."""

from __future__ import annotations

import uuid
from datetime import timedelta
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
    FollowUpStatus,
    InteractionKind,
    OrderStatus,
)
from crmdesk.domain.errors import NotFoundError
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.interactions import InteractionDraft
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.domain.timeline import TimelineKind
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.customers import CustomerService
from crmdesk.services.follow_ups import FollowUpService
from crmdesk.services.interactions import InteractionService
from crmdesk.services.orders import OrderService
from crmdesk.services.timeline import TimelineService

TODAY = START.date()


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


def call(database: Database, clock: TestClock, customer_id: uuid.UUID, days_ago: int) -> uuid.UUID:
    return (
        InteractionService(database, clock)
        .create(
            InteractionDraft(
                customer_id,
                InteractionKind.CALL,
                START - timedelta(days=days_ago),
                f"电话 {days_ago}",
            )
        )
        .id
    )


def test_every_kind_of_history_in_one_list_newest_first(
    database: Database, clock: TestClock
) -> None:
    customer_id = add_customer(database)
    call(database, clock, customer_id, days_ago=5)
    order = OrderService(database, clock).create(
        OrderDraft(customer_id, TODAY - timedelta(days=3), (OrderLineDraft("茶", 2, Decimal(9)),))
    )
    clock.advance(timedelta(hours=1))
    complaint = ComplaintService(database, clock).open(
        ComplaintDraft(customer_id, ComplaintCategory.SERVICE, ComplaintSeverity.LOW, "态度差")
    )
    FollowUpService(database, clock).create(
        FollowUpDraft(customer_id, FollowUpKind.CALLBACK, "回访", TODAY + timedelta(days=7))
    )

    page = TimelineService(database).entries(customer_id)

    assert [entry.kind for entry in page.entries] == [
        TimelineKind.FOLLOW_UP,
        TimelineKind.COMPLAINT,
        TimelineKind.ORDER,
        TimelineKind.INTERACTION,
    ]
    follow_up, opened, ordered, called = page.entries
    assert (follow_up.category, follow_up.status) == (FollowUpKind.CALLBACK, FollowUpStatus.PLANNED)
    assert follow_up.day_only and follow_up.when.astimezone().date() == TODAY + timedelta(days=7)
    assert opened.title == f"{complaint.number} 态度差"
    assert opened.status is ComplaintStatus.NEW
    assert (ordered.title, ordered.amount, ordered.status) == (
        order.number,
        Decimal("18.00"),
        OrderStatus.OPEN,
    )
    assert (called.category, called.title) == (InteractionKind.CALL, "电话 5")
    assert not page.has_more


def test_a_limited_page_holds_the_newest_and_tells_that_more_exist(
    database: Database, clock: TestClock
) -> None:
    customer_id = add_customer(database)
    other_id = add_customer(database, "李四")
    for days_ago in range(1, 8):
        call(database, clock, customer_id, days_ago)
    call(database, clock, other_id, 0)
    removed = call(database, clock, customer_id, 0)
    InteractionService(database, clock).delete(removed)

    page = TimelineService(database).entries(customer_id, limit=3)

    assert [entry.title for entry in page.entries] == ["电话 1", "电话 2", "电话 3"]
    assert page.total == 7 and page.has_more
    assert len(TimelineService(database).entries(customer_id, limit=10).entries) == 7


def test_a_deleted_customer_has_no_timeline(database: Database, clock: TestClock) -> None:
    customer_id = add_customer(database)
    CustomerService(database, clock).delete(customer_id)

    with pytest.raises(NotFoundError):
        TimelineService(database).entries(customer_id)
