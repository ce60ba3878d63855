"""Interaction use cases: log, correct, delete, look up and list conversations and visits."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Interaction
from crmdesk.db.repositories import interactions as repository
from crmdesk.db.repositories.records import (
    check_customer,
    check_rep,
    require_current,
    require_live,
    stamp_if_changed,
)
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.interactions import (
    CONTENT_MAX_LENGTH,
    EARLIEST_OCCURRED_AT,
    SUBJECT_MAX_LENGTH,
    InteractionDraft,
    InteractionFilter,
    InteractionRecord,
)
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.validation import Problems

WHAT = "Interaction"


class InteractionService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, draft: InteractionDraft) -> InteractionRecord:
        with self._database.unit_of_work() as uow:
            values = self._validated(uow, draft, saved=None)
            now = self._clock()
            interaction = Interaction(**values, created_at=now, updated_at=now)
            uow.session.add(interaction)
            uow.commit()
        return repository.interaction_record(interaction)

    def update(
        self, interaction_id: uuid.UUID, draft: InteractionDraft, expected_version: int
    ) -> InteractionRecord:
        with self._database.unit_of_work() as uow:
            interaction = require_current(
                uow.session, Interaction, interaction_id, expected_version, WHAT, _label
            )
            for name, value in self._validated(uow, draft, saved=interaction).items():
                setattr(interaction, name, value)
            stamp_if_changed(uow.session, interaction, self._clock())
            uow.commit()
        return repository.interaction_record(interaction)

    def delete(self, interaction_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete: the interaction disappears from lists and lookups."""
        with self._database.unit_of_work() as uow:
            interaction = require_current(
                uow.session, Interaction, interaction_id, expected_version, WHAT, _label
            )
            interaction.deleted_at = interaction.updated_at = self._clock()
            uow.commit()

    def get(self, interaction_id: uuid.UUID) -> InteractionRecord:
        with self._database.unit_of_work(write=False) as uow:
            interaction = require_live(uow.session, Interaction, interaction_id, WHAT)
            return repository.interaction_record(interaction)

    def list(
        self, criteria: InteractionFilter, request: PageRequest | None = None
    ) -> Page[InteractionRecord]:
        """Newest first unless `request` sorts otherwise."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            rows, total = repository.page(uow.session, criteria, request)
            items = [repository.interaction_record(row) for row in rows]
        return Page(items, total, request.offset)

    def _validated(
        self, uow: UnitOfWork, draft: InteractionDraft, *, saved: Interaction | None
    ) -> dict[str, Any]:
        """The draft's values cleaned for storage (`saved`: the interaction being edited);
        ValidationError lists every problem."""
        problems = Problems()
        check_customer(uow.session, problems, draft.customer_id, draft.contact_id, saved=saved)
        check_rep(uow.session, problems, "rep_id", draft.rep_id, saved=saved)
        values = interaction_field_values(problems, draft, self._clock())
        problems.raise_if_any()
        return values


def interaction_field_values(
    problems: Problems, draft: InteractionDraft, now: datetime
) -> dict[str, Any]:
    """The draft's values cleaned for storage, noting their problems; the customer,
    contact and rep it points to are the caller's to check. Shared by the form and the
    spreadsheet import."""
    problems.instant_in_range(
        "occurred_at", draft.occurred_at, earliest=EARLIEST_OCCURRED_AT, latest=now
    )
    return {
        "customer_id": draft.customer_id,
        "contact_id": draft.contact_id,
        "rep_id": draft.rep_id,
        "kind": draft.kind,
        "occurred_at": draft.occurred_at,
        "subject": problems.required_text("subject", draft.subject, max_length=SUBJECT_MAX_LENGTH),
        "content": problems.optional_text("content", draft.content, max_length=CONTENT_MAX_LENGTH),
    }


def _label(interaction: Interaction) -> str:
    return f"'{interaction.subject}'"
