"""What the follow-up calendar asks for: rows with the names beside each follow-up, and
per-day counts of planned, overdue and done ones."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from factories import START, TestClock, add_contact, add_customer, add_rep

from crmdesk.db.engine import Database
from crmdesk.domain.enums import FollowUpKind
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.follow_ups import DayCount, FollowUpDraft, FollowUpFilter
from crmdesk.services.customers import CustomerService
from crmdesk.services.follow_ups import FollowUpService

TODAY = START.date()  # 2024-03-15


@pytest.fixture
def service(database: Database) -> FollowUpService:
    return FollowUpService(database, TestClock())


def plan(
    service: FollowUpService,
    customer_id: uuid.UUID,
    due_on: date,
    *,
    rep_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
) -> uuid.UUID:
    draft = FollowUpDraft(
        customer_id, FollowUpKind.CALLBACK, "回访", due_on, rep_id=rep_id, contact_id=contact_id
    )
    return service.create(draft).id


def test_rows_carry_the_customer_rep_and_contact_names(
    database: Database, service: FollowUpService
) -> None:
    customer_id = add_customer(database, "张三")
    rep_id = add_rep(database, "李四")
    contact_id = add_contact(database, customer_id, "王五")
    plan(service, customer_id, TODAY, rep_id=rep_id, contact_id=contact_id)
    plan(service, customer_id, date(2024, 3, 20))

    page = service.list_rows(FollowUpFilter(due_from=TODAY, due_to=TODAY))

    assert page.total == 1
    [row] = page.items
    assert (row.customer_name, row.rep_name, row.contact_name) == ("张三", "李四", "王五")
    assert row.customer_code == CustomerService(database).get(customer_id).code


def test_day_counts_split_planned_overdue_and_done_and_leave_out_cancelled(
    database: Database, service: FollowUpService
) -> None:
    customer_id = add_customer(database)
    rep_id = add_rep(database)
    past = date(2024, 3, 10)
    plan(service, customer_id, past)
    done = plan(service, customer_id, past)
    cancelled = plan(service, customer_id, past)
    service.complete(done, "好", 1, None)
    service.cancel(cancelled, 1)
    plan(service, customer_id, TODAY, rep_id=rep_id)
    plan(service, customer_id, date(2024, 4, 2))  # outside the range asked for

    counts = service.day_counts(date(2024, 3, 1), date(2024, 3, 31))

    assert counts == [
        DayCount(past, planned=0, overdue=1, done=1),
        DayCount(TODAY, planned=1, overdue=0, done=0),
    ]
    assert service.day_counts(date(2024, 3, 1), date(2024, 3, 31), rep_id=rep_id) == [
        DayCount(TODAY, planned=1, overdue=0, done=0)
    ]


def test_planning_for_several_customers_is_all_or_nothing(
    database: Database, service: FollowUpService
) -> None:
    first, second = add_customer(database), add_customer(database)
    good = FollowUpDraft(first, FollowUpKind.CARE, "节日问候", TODAY)

    created = service.create_many(
        [good, FollowUpDraft(second, FollowUpKind.CARE, "节日问候", TODAY)]
    )
    assert {record.customer_id for record in created} == {first, second}

    with pytest.raises(ValidationError) as refused:
        service.create_many([good, FollowUpDraft(second, FollowUpKind.CARE, " ", TODAY)])
    assert list(refused.value.problems) == ["title"]
    assert service.list(FollowUpFilter(customer_id=first)).total == 1
