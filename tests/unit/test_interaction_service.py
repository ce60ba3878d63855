"""Logging, correcting, deleting and listing conversations on a real database file."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from factories import START, TestClock, add_contact, add_customer, add_rep, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, Rep
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.interactions import InteractionDraft, InteractionFilter, InteractionSort
from crmdesk.domain.paging import PageRequest
from crmdesk.services.interactions import InteractionService


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> InteractionService:
    return InteractionService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


def draft(customer_id: uuid.UUID, subject: str, hours_ago: int = 1) -> InteractionDraft:
    return InteractionDraft(
        customer_id=customer_id,
        kind=InteractionKind.CALL,
        occurred_at=START - timedelta(hours=hours_ago),
        subject=subject,
    )


def subjects(
    service: InteractionService, criteria: InteractionFilter, request: PageRequest | None = None
) -> list[str]:
    return [row.subject for row in service.list(criteria, request).items]


def test_a_logged_conversation_can_be_read_back(
    service: InteractionService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    contact_id = add_contact(database, customer_id)
    created = service.create(
        replace(
            draft(customer_id, "  询问报价  "),
            content="客户想要 500 件",
            rep_id=rep_id,
            contact_id=contact_id,
        )
    )

    assert service.get(created.id) == created
    assert created.subject == "询问报价"
    assert (created.rep_id, created.contact_id) == (rep_id, contact_id)
    assert created.created_at == created.updated_at == START
    assert created.version == 1


def test_the_customer_list_is_newest_first_and_shows_only_that_customer(
    service: InteractionService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    service.create(draft(customer_id, "older", hours_ago=48))
    service.create(draft(customer_id, "newest", hours_ago=1))
    service.create(draft(customer_id, "middle", hours_ago=5))
    service.create(draft(other, "someone else's"))

    assert subjects(service, InteractionFilter(customer_id=customer_id)) == [
        "newest",
        "middle",
        "older",
    ]
    by_subject = PageRequest(sort_by=InteractionSort.SUBJECT)
    assert subjects(service, InteractionFilter(customer_id=customer_id), by_subject) == [
        "middle",
        "newest",
        "older",
    ]
    page = service.list(InteractionFilter(customer_id=customer_id), PageRequest(offset=1, limit=1))
    assert ([row.subject for row in page.items], page.total) == (["middle"], 3)


def test_every_problem_is_reported_at_once_on_its_field(
    service: InteractionService, database: Database
) -> None:
    deleted_customer = add_customer(database, "已删除", deleted=True)
    strangers_contact = add_contact(database, add_customer(database, "别人"))
    bad = InteractionDraft(
        customer_id=deleted_customer,
        kind=InteractionKind.VISIT,
        occurred_at=START + timedelta(hours=2),
        subject="   ",
        contact_id=strangers_contact,
        rep_id=uuid.uuid4(),
    )

    with pytest.raises(ValidationError) as caught:
        service.create(bad)

    assert {name: p.message for name, p in caught.value.problems.items()} == {
        "customer_id": "This customer does not exist or was deleted.",
        "contact_id": "The contact is not one of this customer's contacts.",
        "rep_id": "This sales rep does not exist or was deleted.",
        "occurred_at": "The time must be between 1990-01-01 00:00 UTC and 2024-03-15 12:00 UTC.",
        "subject": "This field is required.",
    }
    assert service.list(InteractionFilter()).total == 0


def test_an_update_saves_and_a_stale_update_changes_nothing(
    service: InteractionService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    created = service.create(draft(customer_id, "first call"))
    clock.advance(timedelta(minutes=10))
    updated = service.update(created.id, draft(customer_id, "first call, corrected"), 1)

    assert (updated.subject, updated.version, updated.updated_at) == (
        "first call, corrected",
        2,
        clock.now,
    )
    with pytest.raises(ConflictError) as caught:
        service.update(created.id, draft(customer_id, "overwritten"), 1)
    assert (caught.value.expected_version, caught.value.current_version) == (1, 2)
    assert service.get(created.id) == updated


def test_a_deleted_interaction_is_gone_from_lookups_and_lists(
    service: InteractionService, customer_id: uuid.UUID
) -> None:
    kept = service.create(draft(customer_id, "kept"))
    gone = service.create(draft(customer_id, "gone"))

    with pytest.raises(ConflictError):
        service.delete(gone.id, expected_version=7)
    service.delete(gone.id, expected_version=1)

    with pytest.raises(NotFoundError):
        service.get(gone.id)
    assert subjects(service, InteractionFilter(customer_id=customer_id)) == [kept.subject]


@pytest.mark.parametrize(
    ("occurred_at", "message"),
    [
        (START.replace(tzinfo=None), "The time must include its time zone."),
        (
            datetime(1, 1, 1, tzinfo=UTC),
            "The time must be between 1990-01-01 00:00 UTC and 2024-03-15 12:00 UTC.",
        ),
    ],
)
def test_a_time_without_zone_or_out_of_range_is_refused_on_its_field(
    service: InteractionService, customer_id: uuid.UUID, occurred_at: datetime, message: str
) -> None:
    created = service.create(draft(customer_id, "call"))
    bad = replace(draft(customer_id, "call"), occurred_at=occurred_at)

    for attempt in (lambda: service.create(bad), lambda: service.update(created.id, bad, 1)):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.message_for("occurred_at") == message

    assert service.list(InteractionFilter()).items == [created]


def test_saving_an_unchanged_interaction_keeps_its_version(
    service: InteractionService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    created = service.create(draft(customer_id, "call"))
    clock.advance(timedelta(minutes=10))

    assert service.update(created.id, draft(customer_id, "call"), created.version) == created
    assert service.get(created.id) == created


def test_a_contact_or_rep_deleted_since_blocks_no_edit_but_cannot_be_chosen_anew(
    service: InteractionService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    contact_id = add_contact(database, customer_id)
    with_both = replace(draft(customer_id, "visit"), rep_id=rep_id, contact_id=contact_id)
    created = service.create(with_both)
    bare = service.create(draft(customer_id, "bare"))
    set_deleted(database, Rep, rep_id)
    set_deleted(database, Contact, contact_id)

    edited = service.update(created.id, replace(with_both, subject="visit, notes"), 1)
    with pytest.raises(ValidationError) as caught:
        service.update(bare.id, replace(with_both, subject="bare"), 1)

    assert (edited.subject, edited.rep_id, edited.contact_id) == (
        "visit, notes",
        rep_id,
        contact_id,
    )
    assert set(caught.value.problems) == {"rep_id", "contact_id"}


def test_a_deleted_customers_interactions_are_gone_until_it_is_restored(
    service: InteractionService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    hidden = service.create(draft(customer_id, "hidden"))
    service.create(draft(other, "shown"))
    set_deleted(database, Customer, customer_id)

    assert subjects(service, InteractionFilter()) == ["shown"]
    assert service.list(InteractionFilter(customer_id=customer_id)).total == 0
    for attempt in (
        lambda: service.get(hidden.id),
        lambda: service.update(hidden.id, draft(customer_id, "edited"), 1),
        lambda: service.delete(hidden.id, 1),
    ):
        with pytest.raises(NotFoundError):
            attempt()

    set_deleted(database, Customer, customer_id, deleted=False)
    assert subjects(service, InteractionFilter(customer_id=customer_id)) == ["hidden"]
