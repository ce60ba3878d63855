"""Logging, correcting, deleting and listing conversations on a real database file."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START, TestClock, add_contact, add_customer, add_rep

from crmdesk.db.engine import Database
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
        "occurred_at": "A conversation cannot be logged before it happens.",
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
