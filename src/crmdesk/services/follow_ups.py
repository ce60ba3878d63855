"""Follow-up use cases: plan, edit, complete (which logs an interaction and schedules the
next occurrence of a recurring follow-up), cancel, reschedule, delete and list."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import FollowUp, Interaction
from crmdesk.db.repositories import follow_ups as repository
from crmdesk.db.repositories.interactions import interaction_record
from crmdesk.db.repositories.records import (
    check_customer,
    check_rep,
    require_current,
    require_live,
    stamp_if_changed,
)
from crmdesk.domain.care import check_range
from crmdesk.domain.clock import Clock, local_day, local_today, system_clock
from crmdesk.domain.enums import FollowUpStatus, InteractionKind
from crmdesk.domain.errors import problem_template
from crmdesk.domain.follow_ups import (
    EARLIEST_DUE_ON,
    INTERACTION_KIND_FOR,
    NOTES_MAX_LENGTH,
    RESULT_MAX_LENGTH,
    RULE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    DayCount,
    FollowUpCompletion,
    FollowUpDraft,
    FollowUpFilter,
    FollowUpRecord,
    FollowUpRow,
    latest_due_on,
)
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.recurrence import (
    Recurrence,
    RecurrenceRuleError,
    next_occurrence,
    parse_rule,
)
from crmdesk.domain.validation import Problems

WHAT = "Follow-up"
_NOT_PLANNED = {
    FollowUpStatus.DONE: problem_template(
        "This follow-up is already done; only planned follow-ups can change."
    ),
    FollowUpStatus.CANCELLED: problem_template(
        "This follow-up was cancelled; only planned follow-ups can change."
    ),
}


class FollowUpService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, draft: FollowUpDraft) -> FollowUpRecord:
        with self._database.unit_of_work() as uow:
            values = self._validated(uow, draft, saved=None)
            now = self._clock()
            follow_up = FollowUp(
                **values, status=FollowUpStatus.PLANNED, created_at=now, updated_at=now
            )
            uow.session.add(follow_up)
            uow.commit()
        return repository.follow_up_record(follow_up)

    def create_many(self, drafts: Sequence[FollowUpDraft]) -> builtins.list[FollowUpRecord]:
        """Plan several follow-ups at once (one per customer of a bulk action): all of them
        or, when any draft is refused, none."""
        with self._database.unit_of_work() as uow:
            now = self._clock()
            created = [
                FollowUp(
                    **self._validated(uow, draft, saved=None),
                    status=FollowUpStatus.PLANNED,
                    created_at=now,
                    updated_at=now,
                )
                for draft in drafts
            ]
            uow.session.add_all(created)
            uow.commit()
        return [repository.follow_up_record(follow_up) for follow_up in created]

    def update(
        self, follow_up_id: uuid.UUID, draft: FollowUpDraft, expected_version: int
    ) -> FollowUpRecord:
        """Save edited details of a planned follow-up; the status changes only through
        complete and cancel."""
        with self._database.unit_of_work() as uow:
            follow_up = require_current(
                uow.session, FollowUp, follow_up_id, expected_version, WHAT, _label
            )
            for name, value in self._validated(uow, draft, saved=follow_up).items():
                setattr(follow_up, name, value)
            stamp_if_changed(uow.session, follow_up, self._clock())
            uow.commit()
        return repository.follow_up_record(follow_up)

    def delete(self, follow_up_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete: the follow-up disappears from lists, lookups and the calendar."""
        with self._database.unit_of_work() as uow:
            follow_up = require_current(
                uow.session, FollowUp, follow_up_id, expected_version, WHAT, _label
            )
            follow_up.deleted_at = follow_up.updated_at = self._clock()
            uow.commit()

    def get(self, follow_up_id: uuid.UUID) -> FollowUpRecord:
        with self._database.unit_of_work(write=False) as uow:
            follow_up = require_live(uow.session, FollowUp, follow_up_id, WHAT)
            return repository.follow_up_record(follow_up)

    def complete(
        self,
        follow_up_id: uuid.UUID,
        result_text: str | None,
        expected_version: int,
        actor_id: uuid.UUID | None,
        *,
        kind: InteractionKind | None = None,
    ) -> FollowUpCompletion:
        """Mark a planned follow-up done and log it as an interaction by `actor_id` (of
        `kind`, by default the one its own kind suggests). A recurring follow-up whose
        series is not over gets its next occurrence planned: the first one of the series
        after both its due date and today, so that a late completion never plans the next
        in the past (the occurrences skipped count towards the rule's COUNT, as they
        would towards its UNTIL)."""
        with self._database.unit_of_work() as uow:
            session = uow.session
            follow_up = require_current(
                uow.session, FollowUp, follow_up_id, expected_version, WHAT, _label
            )
            problems = Problems()
            _check_planned(problems, follow_up)
            result = problems.optional_text("result", result_text, max_length=RESULT_MAX_LENGTH)
            check_rep(session, problems, "actor_id", actor_id)
            rule = _parsed_rule(problems, follow_up.recurrence_rule)
            problems.raise_if_any()

            now = self._clock()
            follow_up.status = FollowUpStatus.DONE
            follow_up.completed_at = follow_up.updated_at = now
            follow_up.result = result
            interaction = Interaction(
                customer_id=follow_up.customer_id,
                contact_id=follow_up.contact_id,
                rep_id=actor_id or follow_up.rep_id,
                kind=kind or INTERACTION_KIND_FOR[follow_up.kind],
                occurred_at=now,
                subject=follow_up.title,
                content=result,
                follow_up_id=follow_up.id,
                created_at=now,
                updated_at=now,
            )
            session.add(interaction)
            following = _next_occurrence(uow, follow_up, rule, now) if rule else None
            uow.commit()
        return FollowUpCompletion(
            done=repository.follow_up_record(follow_up),
            interaction=interaction_record(interaction),
            next=repository.follow_up_record(following) if following else None,
        )

    def cancel(self, follow_up_id: uuid.UUID, expected_version: int) -> FollowUpRecord:
        """Call off a planned follow-up. A recurring series ends with it."""
        with self._database.unit_of_work() as uow:
            follow_up = require_current(
                uow.session, FollowUp, follow_up_id, expected_version, WHAT, _label
            )
            problems = Problems()
            _check_planned(problems, follow_up)
            problems.raise_if_any()
            follow_up.status = FollowUpStatus.CANCELLED
            follow_up.updated_at = self._clock()
            uow.commit()
        return repository.follow_up_record(follow_up)

    def reschedule(
        self, follow_up_id: uuid.UUID, new_date: date, expected_version: int
    ) -> FollowUpRecord:
        with self._database.unit_of_work() as uow:
            follow_up = require_current(
                uow.session, FollowUp, follow_up_id, expected_version, WHAT, _label
            )
            problems = Problems()
            _check_planned(problems, follow_up)
            _check_due_on(problems, new_date, local_today(self._clock))
            problems.raise_if_any()
            follow_up.due_on = new_date
            stamp_if_changed(uow.session, follow_up, self._clock())
            uow.commit()
        return repository.follow_up_record(follow_up)

    def list(
        self, criteria: FollowUpFilter, request: PageRequest | None = None
    ) -> Page[FollowUpRecord]:
        """Soonest due first unless `request` sorts otherwise."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            rows, total = repository.page(uow.session, criteria, request, today)
            items = [repository.follow_up_record(row) for row in rows]
        return Page(items, total, request.offset)

    def list_rows(
        self, criteria: FollowUpFilter, request: PageRequest | None = None
    ) -> Page[FollowUpRow]:
        """The list `list` gives, each follow-up with its customer's, rep's and contact's
        names, for the screens that show them."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            rows, total = repository.row_page(uow.session, criteria, request, today)
        return Page(rows, total, request.offset)

    def day_counts(
        self, first: date, last: date, *, rep_id: uuid.UUID | None = None
    ) -> builtins.list[DayCount]:
        """Per day from `first` to `last` that has follow-ups (of `rep_id`, if given), how
        many are planned, overdue and done, soonest first."""
        check_range(first, last)
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            counts = repository.day_counts(uow.session, first, last, rep_id, today)
        return sorted(counts, key=lambda count: count.day)

    def _validated(
        self, uow: UnitOfWork, draft: FollowUpDraft, *, saved: FollowUp | None
    ) -> dict[str, Any]:
        """The draft's values cleaned for storage (`saved`: the follow-up being edited,
        which must still be planned); ValidationError lists every problem."""
        problems = Problems()
        if saved is not None:
            _check_planned(problems, saved)
        check_customer(uow.session, problems, draft.customer_id, draft.contact_id, saved=saved)
        check_rep(uow.session, problems, "rep_id", draft.rep_id, saved=saved)
        values = follow_up_field_values(problems, draft, local_today(self._clock))
        problems.raise_if_any()
        return values


def follow_up_field_values(problems: Problems, draft: FollowUpDraft, today: date) -> dict[str, Any]:
    """The draft's values cleaned for storage (the repeat rule in its canonical form),
    noting their problems; the customer, contact and rep it points to are the caller's to
    check. Shared by the form and the spreadsheet import."""
    _check_due_on(problems, draft.due_on, today)
    rule = _parsed_rule(problems, draft.recurrence_rule)
    return {
        "customer_id": draft.customer_id,
        "contact_id": draft.contact_id,
        "rep_id": draft.rep_id,
        "kind": draft.kind,
        "title": problems.required_text("title", draft.title, max_length=TITLE_MAX_LENGTH),
        "notes": problems.optional_text("notes", draft.notes, max_length=NOTES_MAX_LENGTH),
        "due_on": draft.due_on,
        "recurrence_rule": rule.to_rule() if rule else None,
    }


def _label(follow_up: FollowUp) -> str:
    return f"'{follow_up.title}'"


def _check_due_on(problems: Problems, due_on: date, today: date) -> None:
    latest = latest_due_on(today)
    problems.date_in_range("due_on", due_on, earliest=EARLIEST_DUE_ON, latest=latest)


def _check_planned(problems: Problems, follow_up: FollowUp) -> None:
    if follow_up.status is not FollowUpStatus.PLANNED:
        problems.add("status", _NOT_PLANNED[follow_up.status])


def _parsed_rule(problems: Problems, text: str | None) -> Recurrence | None:
    cleaned = problems.optional_text("recurrence_rule", text, max_length=RULE_MAX_LENGTH)
    if cleaned is None:
        return None
    try:
        return parse_rule(cleaned)
    except RecurrenceRuleError as exc:
        problems.add("recurrence_rule", exc.problem.template, **exc.problem.params)
        return None


def _next_occurrence(
    uow: UnitOfWork, done: FollowUp, rule: Recurrence, now: datetime
) -> FollowUp | None:
    """Plan the occurrence of `done`'s series that follows both its due date and the day
    it was done, unless the series is over."""
    anchor, so_far = repository.series_so_far(uow.session, done.id)
    after = max(done.due_on, local_day(now))
    due_on = next_occurrence(rule, anchor=anchor, after=after, occurrences_so_far=so_far)
    if due_on is None:
        return None
    following = FollowUp(
        customer_id=done.customer_id,
        contact_id=done.contact_id,
        rep_id=done.rep_id,
        kind=done.kind,
        status=FollowUpStatus.PLANNED,
        title=done.title,
        notes=done.notes,
        due_on=due_on,
        recurrence_rule=done.recurrence_rule,
        previous_id=done.id,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(following)
    return following
