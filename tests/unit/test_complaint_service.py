"""Opening complaints, moving them along the workflow with their event history, due times
and the complaint list, on a real database file."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import product

import pytest
from factories import START, TestClock, add_customer, add_rep, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer, Rep
from crmdesk.db.repositories.settings import put_value
from crmdesk.domain.complaints import (
    ComplaintDraft,
    ComplaintFilter,
    ComplaintRecord,
    ComplaintSort,
)
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus
from crmdesk.domain.errors import (
    ConflictError,
    InvalidTransitionError,
    NotFoundError,
    ValidationError,
)
from crmdesk.domain.paging import PageRequest
from crmdesk.services.complaints import ComplaintService

S = ComplaintStatus
# The shortest way from a new complaint to each status, with what each move needs.
PATH_TO = {
    S.NEW: [],
    S.ACKNOWLEDGED: [S.ACKNOWLEDGED],
    S.IN_PROGRESS: [S.ACKNOWLEDGED, S.IN_PROGRESS],
    S.RESOLVED: [S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED],
    S.CLOSED: [S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED],
}
ALLOWED = {
    (S.NEW, S.ACKNOWLEDGED),
    (S.ACKNOWLEDGED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.RESOLVED),
    (S.RESOLVED, S.CLOSED),
    (S.RESOLVED, S.IN_PROGRESS),
    (S.CLOSED, S.IN_PROGRESS),
}


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> ComplaintService:
    return ComplaintService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


@pytest.fixture
def rep_id(database: Database) -> uuid.UUID:
    return add_rep(database)


def draft(
    customer_id: uuid.UUID,
    severity: ComplaintSeverity = ComplaintSeverity.MEDIUM,
    title: str = "货物破损",
) -> ComplaintDraft:
    return ComplaintDraft(
        customer_id=customer_id,
        category=ComplaintCategory.DELIVERY,
        severity=severity,
        title=title,
    )


def move(
    service: ComplaintService,
    complaint: ComplaintRecord,
    target: ComplaintStatus,
    actor_id: uuid.UUID | None = None,
) -> ComplaintRecord:
    """One move with whatever the target status needs."""
    resolution = "换货" if target is S.RESOLVED else None
    return service.move(complaint.id, target, complaint.version, actor_id, resolution=resolution)


def opened_in(
    service: ComplaintService, customer_id: uuid.UUID, status: ComplaintStatus
) -> ComplaintRecord:
    complaint = service.open(draft(customer_id))
    for target in PATH_TO[status]:
        complaint = move(service, complaint, target)
    return complaint


@pytest.mark.parametrize(
    ("severity", "hours"),
    [
        (ComplaintSeverity.CRITICAL, 4),
        (ComplaintSeverity.HIGH, 24),
        (ComplaintSeverity.MEDIUM, 72),
        (ComplaintSeverity.LOW, 7 * 24),
    ],
)
def test_an_opened_complaint_gets_a_number_and_a_due_time_from_its_severity(
    service: ComplaintService, customer_id: uuid.UUID, severity: ComplaintSeverity, hours: int
) -> None:
    complaint = service.open(draft(customer_id, severity))

    assert re.fullmatch(r"TS-[2-9A-Z]{4}-00001", complaint.number)
    assert complaint.status is S.NEW
    assert complaint.received_at == START
    assert complaint.due_at == START + timedelta(hours=hours)
    assert service.get(complaint.id) == complaint


def test_the_team_setting_overrides_the_due_hours(
    service: ComplaintService, database: Database, customer_id: uuid.UUID
) -> None:
    with database.unit_of_work() as uow:
        put_value(uow.session, "complaint.due_hours", {"critical": 1, "low": 48}, START)
        uow.commit()

    critical = service.open(draft(customer_id, ComplaintSeverity.CRITICAL))
    low = service.open(draft(customer_id, ComplaintSeverity.LOW))
    high = service.open(draft(customer_id, ComplaintSeverity.HIGH))

    assert critical.due_at == START + timedelta(hours=1)
    assert low.due_at == START + timedelta(hours=48)
    assert high.due_at == START + timedelta(hours=24)


def test_every_allowed_move_is_kept_in_the_history_with_actor_and_time(
    service: ComplaintService, database: Database, clock: TestClock, customer_id: uuid.UUID
) -> None:
    alice, bob = add_rep(database, "Alice"), add_rep(database, "Bob")
    complaint = service.open(draft(customer_id), actor_id=alice)
    expected: list[tuple[ComplaintStatus | None, ComplaintStatus, uuid.UUID, datetime]] = [
        (None, S.NEW, alice, START)
    ]
    walk = [S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED]
    walk += [S.IN_PROGRESS, S.RESOLVED, S.CLOSED]
    for step, target in enumerate(walk):
        actor = (alice, bob)[step % 2]
        moved_at = clock.advance(timedelta(hours=1))
        previous = complaint.status
        complaint = move(service, complaint, target, actor)
        expected.append((previous, target, actor, moved_at))
        assert complaint.status is target

    history = service.history(complaint.id)

    assert [(e.from_status, e.to_status, e.actor_id, e.occurred_at) for e in history] == expected
    assert {(e.from_status, e.to_status) for e in history[1:]} == ALLOWED


@pytest.mark.parametrize(("current", "target"), sorted(set(product(S, S)) - ALLOWED))
def test_a_refused_move_changes_nothing(
    service: ComplaintService,
    customer_id: uuid.UUID,
    current: ComplaintStatus,
    target: ComplaintStatus,
) -> None:
    complaint = opened_in(service, customer_id, current)
    history = service.history(complaint.id)

    with pytest.raises(InvalidTransitionError):
        move(service, complaint, target)

    assert service.get(complaint.id) == complaint
    assert service.history(complaint.id) == history


def test_resolving_needs_a_resolution_and_sets_the_time(
    service: ComplaintService, clock: TestClock, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    complaint = opened_in(service, customer_id, S.IN_PROGRESS)

    with pytest.raises(ValidationError) as caught:
        service.move(complaint.id, S.RESOLVED, complaint.version, rep_id, resolution="  ")
    assert caught.value.message_for("resolution") == "Describe how the complaint was resolved."
    assert service.get(complaint.id) == complaint

    resolved_at = clock.advance(timedelta(hours=5))
    resolved = service.move(
        complaint.id, S.RESOLVED, complaint.version, rep_id, note="已联系", resolution="补发新货"
    )
    assert (resolved.status, resolved.resolution, resolved.resolved_at) == (
        S.RESOLVED,
        "补发新货",
        resolved_at,
    )
    assert service.history(complaint.id)[-1].note == "已联系"


def test_closing_records_satisfaction_and_reopening_clears_the_closure(
    service: ComplaintService, clock: TestClock, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    resolved = opened_in(service, customer_id, S.RESOLVED)

    with pytest.raises(ValidationError) as caught:
        service.move(resolved.id, S.CLOSED, resolved.version, rep_id, satisfaction=6)
    assert caught.value.message_for("satisfaction") == "Satisfaction is from 1 to 5."

    closed_at = clock.advance(timedelta(days=1))
    closed = service.move(resolved.id, S.CLOSED, resolved.version, rep_id, satisfaction=4)
    assert (closed.satisfaction, closed.closed_at, closed.resolved_at) == (
        4,
        closed_at,
        resolved.resolved_at,
    )

    reopened = service.move(closed.id, S.IN_PROGRESS, closed.version, rep_id, note="客户不满意")
    assert (reopened.status, reopened.resolved_at, reopened.closed_at, reopened.satisfaction) == (
        S.IN_PROGRESS,
        None,
        None,
        None,
    )


def test_satisfaction_belongs_to_closing_only(
    service: ComplaintService, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    complaint = service.open(draft(customer_id))

    with pytest.raises(ValidationError) as caught:
        service.move(complaint.id, S.ACKNOWLEDGED, complaint.version, rep_id, satisfaction=5)

    assert caught.value.message_for("satisfaction") == (
        "Satisfaction is recorded when the complaint is closed."
    )


def test_a_new_severity_moves_the_due_time_from_the_time_received(
    service: ComplaintService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    complaint = service.open(draft(customer_id, ComplaintSeverity.LOW))
    clock.advance(timedelta(hours=10))

    retitled = service.update(complaint.id, draft(customer_id, ComplaintSeverity.LOW, "改"), 1)
    escalated = service.update(
        complaint.id, draft(customer_id, ComplaintSeverity.CRITICAL), retitled.version
    )

    assert retitled.due_at == START + timedelta(days=7)
    assert escalated.due_at == START + timedelta(hours=4)
    assert escalated.received_at == START


def test_a_stale_update_or_move_is_refused_and_changes_nothing(
    service: ComplaintService, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    complaint = service.open(draft(customer_id))
    acknowledged = move(service, complaint, S.ACKNOWLEDGED)

    with pytest.raises(ConflictError) as caught:
        service.update(complaint.id, draft(customer_id, title="stale"), complaint.version)
    assert complaint.number in str(caught.value)
    with pytest.raises(ConflictError):
        service.move(complaint.id, S.IN_PROGRESS, complaint.version, rep_id)

    assert service.get(complaint.id) == acknowledged
    assert len(service.history(complaint.id)) == 2


def test_opening_reports_every_problem_and_uses_no_number(
    service: ComplaintService, database: Database, customer_id: uuid.UUID
) -> None:
    bad = replace(
        draft(add_customer(database, "gone", deleted=True), title=""),
        owner_id=uuid.uuid4(),
        received_at=START + timedelta(days=1),
    )

    with pytest.raises(ValidationError) as caught:
        service.open(bad, actor_id=uuid.uuid4())

    assert set(caught.value.problems) == {
        "customer_id",
        "owner_id",
        "actor_id",
        "received_at",
        "title",
    }
    assert service.open(draft(customer_id)).number.endswith("-00001")


def test_the_overdue_filter_skips_resolved_and_closed_complaints(
    service: ComplaintService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    for status in S:
        complaint = service.open(draft(customer_id, ComplaintSeverity.CRITICAL, status.value))
        for target in PATH_TO[status]:
            complaint = move(service, complaint, target)
    not_yet_due = service.open(draft(customer_id, ComplaintSeverity.LOW, "not yet due"))
    clock.advance(timedelta(hours=5))

    overdue = service.list(ComplaintFilter(overdue=True), PageRequest(sort_by=ComplaintSort.STATUS))

    assert [c.title for c in overdue.items] == ["new", "acknowledged", "in_progress"]
    assert not_yet_due.title not in [c.title for c in overdue.items]


def test_the_list_filters_by_status_severity_owner_and_customer(
    service: ComplaintService, database: Database, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    other_customer = add_customer(database, "李雷")
    service.open(
        replace(draft(customer_id, ComplaintSeverity.HIGH, "high, owned"), owner_id=rep_id)
    )
    service.open(draft(customer_id, ComplaintSeverity.LOW, "low"))
    service.open(draft(other_customer, ComplaintSeverity.CRITICAL, "critical, other customer"))
    acknowledged = move(
        service,
        service.open(draft(customer_id, ComplaintSeverity.MEDIUM, "medium")),
        S.ACKNOWLEDGED,
    )

    def titles(criteria: ComplaintFilter) -> list[str]:
        page = service.list(criteria, PageRequest(sort_by=ComplaintSort.SEVERITY, descending=True))
        return [c.title for c in page.items]

    assert titles(ComplaintFilter(customer_id=customer_id)) == ["high, owned", "medium", "low"]
    assert titles(
        ComplaintFilter(severities=frozenset({ComplaintSeverity.CRITICAL, ComplaintSeverity.LOW}))
    ) == ["critical, other customer", "low"]
    assert titles(ComplaintFilter(statuses=frozenset({S.ACKNOWLEDGED}))) == [acknowledged.title]
    assert titles(ComplaintFilter(owner_id=rep_id)) == ["high, owned"]


@pytest.mark.parametrize(
    ("received_at", "message"),
    [
        (START.replace(tzinfo=None), "The time must include its time zone."),
        (
            datetime(1, 1, 1, tzinfo=UTC),
            "The time must be between 1990-01-01 00:00 UTC and 2024-03-15 12:00 UTC.",
        ),
        (
            START + timedelta(minutes=1),
            "The time must be between 1990-01-01 00:00 UTC and 2024-03-15 12:00 UTC.",
        ),
    ],
)
def test_a_receipt_time_without_zone_or_out_of_range_is_refused_on_its_field(
    service: ComplaintService, customer_id: uuid.UUID, received_at: datetime, message: str
) -> None:
    opened = service.open(draft(customer_id))
    bad = replace(draft(customer_id), received_at=received_at)

    for attempt in (lambda: service.open(bad), lambda: service.update(opened.id, bad, 1)):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.message_for("received_at") == message

    assert service.list(ComplaintFilter()).items == [opened]


def test_saving_an_unchanged_complaint_keeps_its_version(
    service: ComplaintService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    opened = service.open(draft(customer_id))
    clock.advance(timedelta(hours=1))

    assert service.update(opened.id, draft(customer_id), opened.version) == opened
    assert service.get(opened.id) == opened


def test_an_owner_deleted_since_blocks_no_edit(
    service: ComplaintService, database: Database, customer_id: uuid.UUID, rep_id: uuid.UUID
) -> None:
    owned = replace(draft(customer_id), owner_id=rep_id)
    opened = service.open(owned)
    set_deleted(database, Rep, rep_id)

    edited = service.update(opened.id, replace(owned, title="货物破损, 已拍照"), opened.version)

    assert (edited.title, edited.owner_id) == ("货物破损, 已拍照", rep_id)


def test_a_deleted_customers_complaints_are_gone_until_it_is_restored(
    service: ComplaintService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    hidden = service.open(draft(customer_id, title="hidden"))
    service.open(draft(other, title="shown"))
    set_deleted(database, Customer, customer_id)

    assert [c.title for c in service.list(ComplaintFilter()).items] == ["shown"]
    for attempt in (
        lambda: service.get(hidden.id),
        lambda: service.history(hidden.id),
        lambda: move(service, hidden, S.ACKNOWLEDGED),
        lambda: service.update(hidden.id, draft(customer_id, title="edited"), hidden.version),
    ):
        with pytest.raises(NotFoundError):
            attempt()

    set_deleted(database, Customer, customer_id, deleted=False)
    assert move(service, hidden, S.ACKNOWLEDGED).status is S.ACKNOWLEDGED
    assert len(service.list(ComplaintFilter()).items) == 2
