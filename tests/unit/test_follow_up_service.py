"""Planning, completing (with its logged interaction and next occurrence), cancelling,
rescheduling and listing follow-ups on a real database file."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from factories import START, TestClock, add_contact, add_customer, add_rep, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, Rep
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus, InteractionKind
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.follow_ups import FollowUpDraft, FollowUpFilter, FollowUpRecord
from crmdesk.domain.interactions import InteractionFilter
from crmdesk.services.customers import CustomerService
from crmdesk.services.follow_ups import FollowUpService
from crmdesk.services.interactions import InteractionService

TODAY = START.date()  # 2024-03-15


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> FollowUpService:
    return FollowUpService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


def plan(
    service: FollowUpService,
    customer_id: uuid.UUID,
    due_on: date,
    title: str = "回访",
    rule: str | None = None,
    rep_id: uuid.UUID | None = None,
) -> FollowUpRecord:
    return service.create(
        FollowUpDraft(
            customer_id=customer_id,
            kind=FollowUpKind.CALLBACK,
            title=title,
            due_on=due_on,
            recurrence_rule=rule,
            rep_id=rep_id,
        )
    )


def titles(service: FollowUpService, criteria: FollowUpFilter) -> list[str]:
    return [row.title for row in service.list(criteria).items]


def test_a_planned_follow_up_keeps_its_rule_in_canonical_form(
    service: FollowUpService, customer_id: uuid.UUID
) -> None:
    created = plan(service, customer_id, date(2024, 4, 1), rule="freq=monthly")

    assert service.get(created.id) == created
    assert (created.status, created.recurrence_rule) == (
        FollowUpStatus.PLANNED,
        "FREQ=MONTHLY;INTERVAL=1",
    )


def test_a_bad_rule_and_an_impossible_date_are_refused_on_their_fields(
    service: FollowUpService, customer_id: uuid.UUID
) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(service, customer_id, date(2204, 4, 1), title="", rule="FREQ=FORTNIGHTLY")

    assert {name: p.message for name, p in caught.value.problems.items()} == {
        "due_on": "The date must be between 1990-01-01 and 2034-03-15.",
        "recurrence_rule": (
            "FORTNIGHTLY is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY."
        ),
        "title": "This field is required.",
    }


def test_completing_a_monthly_follow_up_on_jan_31_plans_the_next_on_feb_29_then_mar_31(
    service: FollowUpService, database: Database, clock: TestClock, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    clock.now = datetime(2024, 1, 31, 12, tzinfo=UTC)
    first = plan(service, customer_id, date(2024, 1, 31), "月度回访", "FREQ=MONTHLY", rep_id)

    completion = service.complete(first.id, "客户满意", first.version, rep_id)

    assert completion.done.status is FollowUpStatus.DONE
    assert completion.done.completed_at == clock.now
    assert completion.done.result == "客户满意"
    second = completion.next
    assert second is not None
    assert (second.due_on, second.status, second.previous_id) == (
        date(2024, 2, 29),
        FollowUpStatus.PLANNED,
        first.id,
    )
    assert (second.title, second.kind, second.rep_id, second.customer_id) == (
        "月度回访",
        FollowUpKind.CALLBACK,
        rep_id,
        customer_id,
    )
    assert second.recurrence_rule == first.recurrence_rule

    clock.now = datetime(2024, 2, 29, 12, tzinfo=UTC)
    third = service.complete(second.id, None, second.version, rep_id).next
    assert third is not None
    assert third.due_on == date(2024, 3, 31)


def test_a_completed_follow_up_appears_in_the_customers_interaction_list(
    service: FollowUpService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    follow_up = plan(service, customer_id, TODAY, "确认到货")

    completion = service.complete(follow_up.id, "已到货, 无问题", follow_up.version, rep_id)

    listed = InteractionService(database).list(InteractionFilter(customer_id=customer_id)).items
    assert listed == [completion.interaction]
    logged = listed[0]
    assert (logged.subject, logged.content, logged.kind) == (
        "确认到货",
        "已到货, 无问题",
        InteractionKind.CALL,
    )
    assert (logged.follow_up_id, logged.rep_id, logged.occurred_at) == (
        follow_up.id,
        rep_id,
        START,
    )
    assert completion.next is None


def test_a_series_with_a_count_ends_after_its_last_occurrence(
    service: FollowUpService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    clock.now = datetime(2024, 3, 1, 12, tzinfo=UTC)
    first = plan(service, customer_id, date(2024, 3, 1), rule="FREQ=WEEKLY;COUNT=2")
    second = service.complete(first.id, None, first.version, None).next
    assert second is not None and second.due_on == date(2024, 3, 8)

    assert service.complete(second.id, None, second.version, None).next is None
    assert titles(service, FollowUpFilter(status=FollowUpStatus.PLANNED)) == []


@pytest.mark.parametrize(
    ("rule", "next_due_on"),
    [
        ("FREQ=WEEKLY", date(2024, 3, 21)),
        # Seven weekly slots from Feb 1 have all passed by Mar 15: the series is over.
        ("FREQ=WEEKLY;COUNT=7", None),
        ("FREQ=WEEKLY;COUNT=8", date(2024, 3, 21)),
        ("FREQ=WEEKLY;UNTIL=20240320", None),
    ],
)
def test_completing_an_overdue_recurring_follow_up_plans_the_next_after_today(
    service: FollowUpService, customer_id: uuid.UUID, rule: str, next_due_on: date | None
) -> None:
    late = plan(service, customer_id, date(2024, 2, 1), rule=rule)

    following = service.complete(late.id, None, late.version, None).next

    assert (following.due_on if following else None) == next_due_on


@pytest.mark.parametrize(
    ("finish", "message"),
    [
        ("complete", "This follow-up is already done; only planned follow-ups can change."),
        ("cancel", "This follow-up was cancelled; only planned follow-ups can change."),
    ],
)
def test_a_done_or_cancelled_follow_up_cannot_be_completed(
    service: FollowUpService, database: Database, customer_id: uuid.UUID, finish: str, message: str
) -> None:
    follow_up = plan(service, customer_id, TODAY, rule="FREQ=DAILY")
    if finish == "complete":
        finished = service.complete(follow_up.id, None, follow_up.version, None).done
    else:
        finished = service.cancel(follow_up.id, follow_up.version)
    interactions = InteractionService(database).list(InteractionFilter()).total

    with pytest.raises(ValidationError) as caught:
        service.complete(follow_up.id, "again", finished.version, None)

    assert caught.value.message_for("status") == message
    assert service.get(follow_up.id) == finished
    assert InteractionService(database).list(InteractionFilter()).total == interactions


@pytest.mark.parametrize("finish", ["complete", "cancel"])
def test_a_done_or_cancelled_follow_up_cannot_be_edited(
    service: FollowUpService, customer_id: uuid.UUID, finish: str
) -> None:
    follow_up = plan(service, customer_id, TODAY, "original")
    if finish == "complete":
        finished = service.complete(follow_up.id, None, follow_up.version, None).done
    else:
        finished = service.cancel(follow_up.id, follow_up.version)
    edited = FollowUpDraft(
        customer_id=customer_id, kind=FollowUpKind.VISIT, title="edited", due_on=TODAY
    )

    with pytest.raises(ValidationError) as caught:
        service.update(follow_up.id, edited, finished.version)

    assert caught.value.message_for("status") is not None
    assert service.get(follow_up.id) == finished


def test_saving_an_unchanged_follow_up_keeps_its_version(
    service: FollowUpService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    created = plan(service, customer_id, TODAY, rule="FREQ=MONTHLY")
    clock.advance(timedelta(hours=1))
    unchanged = FollowUpDraft(
        customer_id=customer_id,
        kind=FollowUpKind.CALLBACK,
        title="回访",
        due_on=TODAY,
        recurrence_rule="FREQ=MONTHLY",
    )

    assert service.update(created.id, unchanged, created.version) == created
    assert service.reschedule(created.id, TODAY, created.version) == created
    assert service.get(created.id) == created


def test_a_rep_or_contact_deleted_since_blocks_no_edit(
    service: FollowUpService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    contact_id = add_contact(database, customer_id)
    draft = FollowUpDraft(
        customer_id=customer_id,
        kind=FollowUpKind.VISIT,
        title="拜访",
        due_on=TODAY,
        rep_id=rep_id,
        contact_id=contact_id,
    )
    created = service.create(draft)
    set_deleted(database, Rep, rep_id)
    set_deleted(database, Contact, contact_id)

    edited = service.update(created.id, replace(draft, title="拜访, 带样品"), created.version)

    assert (edited.title, edited.rep_id, edited.contact_id) == ("拜访, 带样品", rep_id, contact_id)


def test_a_deleted_customers_follow_ups_are_gone_until_it_is_restored(
    service: FollowUpService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    hidden = plan(service, customer_id, TODAY - timedelta(days=2), "hidden")
    plan(service, other, TODAY - timedelta(days=1), "shown")
    CustomerService(database).delete(customer_id)

    assert titles(service, FollowUpFilter(overdue=True)) == ["shown"]
    assert titles(service, FollowUpFilter(customer_id=customer_id)) == []
    attempts: list[Callable[[], object]] = [
        lambda: service.get(hidden.id),
        lambda: service.complete(hidden.id, None, hidden.version, None),
        lambda: service.cancel(hidden.id, hidden.version),
        lambda: service.reschedule(hidden.id, TODAY, hidden.version),
        lambda: service.delete(hidden.id, hidden.version),
    ]
    for attempt in attempts:
        with pytest.raises(NotFoundError):
            attempt()

    set_deleted(database, Customer, customer_id, deleted=False)
    assert titles(service, FollowUpFilter(overdue=True)) == ["hidden", "shown"]
    assert service.complete(hidden.id, None, hidden.version, None).done.status is (
        FollowUpStatus.DONE
    )


def test_cancelling_ends_the_series_and_rescheduling_moves_the_date(
    service: FollowUpService, customer_id: uuid.UUID
) -> None:
    moved = plan(service, customer_id, TODAY, "moved")
    called_off = plan(service, customer_id, TODAY, "called off", rule="FREQ=MONTHLY")

    rescheduled = service.reschedule(moved.id, date(2024, 3, 20), moved.version)
    cancelled = service.cancel(called_off.id, called_off.version)

    assert (rescheduled.due_on, rescheduled.version) == (date(2024, 3, 20), 2)
    assert cancelled.status is FollowUpStatus.CANCELLED
    assert titles(service, FollowUpFilter(status=FollowUpStatus.PLANNED)) == ["moved"]
    with pytest.raises(ValidationError) as caught:
        service.reschedule(cancelled.id, date(2024, 4, 1), cancelled.version)
    assert caught.value.message_for("status") is not None


def test_a_stale_update_is_refused_and_changes_nothing(
    service: FollowUpService, customer_id: uuid.UUID
) -> None:
    created = plan(service, customer_id, TODAY, "original")
    saved = service.reschedule(created.id, date(2024, 3, 18), created.version)
    stale = FollowUpDraft(
        customer_id=customer_id, kind=FollowUpKind.VISIT, title="stale", due_on=TODAY
    )

    with pytest.raises(ConflictError):
        service.update(created.id, stale, created.version)
    with pytest.raises(ConflictError):
        service.complete(created.id, None, created.version, None)

    assert service.get(created.id) == saved


def test_the_overdue_filter_shows_planned_follow_ups_due_before_today(
    service: FollowUpService, customer_id: uuid.UUID
) -> None:
    plan(service, customer_id, TODAY - timedelta(days=3), "three days late")
    plan(service, customer_id, TODAY - timedelta(days=1), "one day late")
    plan(service, customer_id, TODAY, "due today")
    plan(service, customer_id, TODAY + timedelta(days=1), "due tomorrow")
    done = plan(service, customer_id, TODAY - timedelta(days=2), "late but done")
    service.complete(done.id, None, done.version, None)

    assert titles(service, FollowUpFilter(overdue=True)) == ["three days late", "one day late"]


def test_the_list_filters_by_rep_customer_and_due_dates(
    service: FollowUpService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    other_customer = add_customer(database, "李雷")
    plan(service, customer_id, date(2024, 3, 10), "before", rep_id=rep_id)
    plan(service, customer_id, date(2024, 3, 20), "inside", rep_id=rep_id)
    plan(service, customer_id, date(2024, 3, 31), "last day", rep_id=rep_id)
    plan(service, customer_id, date(2024, 3, 25), "nobody's")
    plan(service, other_customer, date(2024, 3, 22), "other customer", rep_id=rep_id)
    march_20_to_31 = replace(FollowUpFilter(), due_from=date(2024, 3, 20), due_to=date(2024, 3, 31))

    assert titles(service, replace(march_20_to_31, rep_id=rep_id)) == [
        "inside",
        "other customer",
        "last day",
    ]
    assert titles(service, replace(march_20_to_31, customer_id=customer_id)) == [
        "inside",
        "nobody's",
        "last day",
    ]
