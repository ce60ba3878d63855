"""Complaint use cases: open, edit, move along the workflow (each move kept as an event
with who and when), delete, look up, list and show the history."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Complaint, ComplaintEvent
from crmdesk.db.numbers import next_number
from crmdesk.db.repositories import complaints as repository
from crmdesk.db.repositories.records import (
    check_customer,
    check_rep,
    require_current,
    require_live,
    stamp_if_changed,
)
from crmdesk.db.repositories.settings import get_value
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.complaint_workflow import (
    DUE_HOURS_SETTING_KEY,
    check_transition,
    due_at,
    due_hours_from_setting,
    is_reopening,
)
from crmdesk.domain.complaints import (
    DESCRIPTION_MAX_LENGTH,
    EARLIEST_RECEIVED_AT,
    NOTE_MAX_LENGTH,
    RESOLUTION_MAX_LENGTH,
    SATISFACTION_RANGE,
    TITLE_MAX_LENGTH,
    ComplaintDraft,
    ComplaintEventRecord,
    ComplaintEventRow,
    ComplaintFilter,
    ComplaintRecord,
    ComplaintRow,
)
from crmdesk.domain.enums import ComplaintSeverity, ComplaintStatus
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.validation import Problems

WHAT = "Complaint"


class ComplaintService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def open(self, draft: ComplaintDraft, actor_id: uuid.UUID | None = None) -> ComplaintRecord:
        """Take in a new complaint, received now unless the draft says when; `actor_id` is
        the rep who took it, kept on the first event of its history."""
        with self._database.unit_of_work() as uow:
            session = uow.session
            now = self._clock()
            problems = Problems()
            check_rep(session, problems, "actor_id", actor_id)
            values = self._validated(uow, draft, problems, saved=None)
            received_at = draft.received_at or now
            complaint = Complaint(
                **values,
                number=next_number(session, "complaint", Complaint.number),
                status=ComplaintStatus.NEW,
                received_at=received_at,
                due_at=due_at(received_at, draft.severity, team_due_hours(uow)),
                created_at=now,
                updated_at=now,
            )
            session.add(complaint)
            session.flush()
            session.add(_event(complaint, None, actor_id, None, now))
            uow.commit()
        return repository.complaint_record(complaint)

    def update(
        self, complaint_id: uuid.UUID, draft: ComplaintDraft, expected_version: int
    ) -> ComplaintRecord:
        """Save edited details. A new severity or time of receipt moves the due time; the
        status changes only through `move`."""
        with self._database.unit_of_work() as uow:
            complaint = require_current(
                uow.session, Complaint, complaint_id, expected_version, WHAT, _number
            )
            values = self._validated(uow, draft, Problems(), saved=complaint)
            received_at = draft.received_at or complaint.received_at
            if received_at != complaint.received_at or draft.severity != complaint.severity:
                # The team's current SLA table applies; other edits keep the due time.
                complaint.received_at = received_at
                complaint.due_at = due_at(received_at, draft.severity, team_due_hours(uow))
            for name, value in values.items():
                setattr(complaint, name, value)
            stamp_if_changed(uow.session, complaint, self._clock())
            uow.commit()
        return repository.complaint_record(complaint)

    def move(
        self,
        complaint_id: uuid.UUID,
        target_status: ComplaintStatus,
        expected_version: int,
        actor_id: uuid.UUID | None,
        note: str | None = None,
        resolution: str | None = None,
        satisfaction: int | None = None,
    ) -> ComplaintRecord:
        """Move a complaint one step along its workflow (InvalidTransitionError otherwise).

        Resolving needs the `resolution`; closing may record the customer's `satisfaction`
        (1–5); reopening (to in progress) forgets when it was resolved and closed and the
        satisfaction given then.
        """
        with self._database.unit_of_work() as uow:
            session = uow.session
            complaint = require_current(
                uow.session, Complaint, complaint_id, expected_version, WHAT, _number
            )
            previous = complaint.status
            check_transition(previous, target_status)
            problems = Problems()
            check_rep(session, problems, "actor_id", actor_id)
            note_text = problems.optional_text("note", note, max_length=NOTE_MAX_LENGTH)
            resolution_text = _resolution(problems, target_status, resolution)
            _check_satisfaction(problems, target_status, satisfaction)
            problems.raise_if_any()

            now = self._clock()
            if is_reopening(previous, target_status):
                complaint.resolved_at = complaint.closed_at = complaint.satisfaction = None
            if target_status is ComplaintStatus.RESOLVED:
                complaint.resolution, complaint.resolved_at = resolution_text, now
            if target_status is ComplaintStatus.CLOSED:
                complaint.satisfaction, complaint.closed_at = satisfaction, now
            complaint.status = target_status
            complaint.updated_at = now
            session.add(_event(complaint, previous, actor_id, note_text, now))
            uow.commit()
        return repository.complaint_record(complaint)

    def delete(self, complaint_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete: the complaint disappears from lists and lookups."""
        with self._database.unit_of_work() as uow:
            complaint = require_current(
                uow.session, Complaint, complaint_id, expected_version, WHAT, _number
            )
            complaint.deleted_at = complaint.updated_at = self._clock()
            uow.commit()

    def get(self, complaint_id: uuid.UUID) -> ComplaintRecord:
        with self._database.unit_of_work(write=False) as uow:
            complaint = require_live(uow.session, Complaint, complaint_id, WHAT)
            return repository.complaint_record(complaint)

    def history(self, complaint_id: uuid.UUID) -> list[ComplaintEventRecord]:
        """Every move of the complaint, oldest first, starting with its opening."""
        with self._database.unit_of_work(write=False) as uow:
            require_live(uow.session, Complaint, complaint_id, WHAT)
            events = repository.events(uow.session, complaint_id)
            return [repository.complaint_event_record(event) for event in events]

    def list(
        self, criteria: ComplaintFilter, request: PageRequest | None = None
    ) -> Page[ComplaintRecord]:
        """Soonest due first unless `request` sorts otherwise."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            rows, total = repository.page(uow.session, criteria, request, self._clock())
            items = [repository.complaint_record(row) for row in rows]
        return Page(items, total, request.offset)

    def rows(
        self, criteria: ComplaintFilter, request: PageRequest | None = None
    ) -> Page[ComplaintRow]:
        """`list` as the complaint list shows it: customers and owners named, time left
        counted from now."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            rows, total = repository.row_page(uow.session, criteria, request, self._clock())
        return Page(rows, total, request.offset)

    def history_rows(self, complaint_id: uuid.UUID) -> builtins.list[ComplaintEventRow]:
        """`history` with the name of the rep who made each move."""
        with self._database.unit_of_work(write=False) as uow:
            require_live(uow.session, Complaint, complaint_id, WHAT)
            return repository.event_rows(uow.session, complaint_id)

    def due_hours(self) -> Mapping[ComplaintSeverity, float]:
        """Hours from receipt to due for each severity: the team's SLA table."""
        with self._database.unit_of_work(write=False) as uow:
            return team_due_hours(uow)

    def _validated(
        self,
        uow: UnitOfWork,
        draft: ComplaintDraft,
        problems: Problems,
        *,
        saved: Complaint | None,
    ) -> dict[str, Any]:
        """The draft's values cleaned for storage (all but the time of receipt; `saved`:
        the complaint being edited); ValidationError lists every problem, those already
        in `problems` too."""
        check_customer(uow.session, problems, draft.customer_id, draft.contact_id, saved=saved)
        check_rep(uow.session, problems, "owner_id", draft.owner_id, saved=saved)
        values = complaint_field_values(problems, draft, self._clock())
        problems.raise_if_any()
        return values


def complaint_field_values(
    problems: Problems, draft: ComplaintDraft, now: datetime
) -> dict[str, Any]:
    """The draft's values cleaned for storage (all but the time of receipt, which is
    checked), noting their problems; the customer, contact and owner it points to are
    the caller's to check. Shared by the form and the spreadsheet import."""
    problems.instant_in_range(
        "received_at", draft.received_at, earliest=EARLIEST_RECEIVED_AT, latest=now
    )
    return {
        "customer_id": draft.customer_id,
        "contact_id": draft.contact_id,
        "owner_id": draft.owner_id,
        "category": draft.category,
        "severity": draft.severity,
        "title": problems.required_text("title", draft.title, max_length=TITLE_MAX_LENGTH),
        "description": problems.optional_text(
            "description", draft.description, max_length=DESCRIPTION_MAX_LENGTH
        ),
    }


def team_due_hours(uow: UnitOfWork) -> Mapping[ComplaintSeverity, float]:
    """Hours from receipt to due for each severity: the team's SLA table."""
    return due_hours_from_setting(get_value(uow.session, DUE_HOURS_SETTING_KEY))


def _number(complaint: Complaint) -> str:
    return complaint.number


def _event(
    complaint: Complaint,
    from_status: ComplaintStatus | None,
    actor_id: uuid.UUID | None,
    note: str | None,
    now: datetime,
) -> ComplaintEvent:
    return ComplaintEvent(
        complaint_id=complaint.id,
        from_status=from_status,
        to_status=complaint.status,
        actor_id=actor_id,
        occurred_at=now,
        note=note,
        created_at=now,
        updated_at=now,
    )


def _resolution(problems: Problems, target: ComplaintStatus, text: str | None) -> str | None:
    resolution = problems.optional_text("resolution", text, max_length=RESOLUTION_MAX_LENGTH)
    if target is ComplaintStatus.RESOLVED and resolution is None:
        problems.add("resolution", "Describe how the complaint was resolved.")
    elif target is not ComplaintStatus.RESOLVED and resolution is not None:
        problems.add("resolution", "A resolution is given when the complaint is resolved.")
    return resolution


def _check_satisfaction(
    problems: Problems, target: ComplaintStatus, satisfaction: int | None
) -> None:
    if satisfaction is None:
        return
    if target is not ComplaintStatus.CLOSED:
        problems.add("satisfaction", "Satisfaction is recorded when the complaint is closed.")
    elif satisfaction not in SATISFACTION_RANGE:
        problems.add(
            "satisfaction",
            "Satisfaction is from {lowest} to {highest}.",
            lowest=SATISFACTION_RANGE[0],
            highest=SATISFACTION_RANGE[-1],
        )
