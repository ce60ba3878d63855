"""Interaction rows (沟通记录): one logged call, visit or message each, of a customer found
by code or name, checked with the interaction form's rules."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import Interaction
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.interactions import InteractionDraft
from crmdesk.domain.validation import Problems
from crmdesk.services.importing.owned import (
    NOT_FOUND,
    NewRecords,
    end_of_day,
    enum_or,
    local_instant,
    plan_records,
)
from crmdesk.services.importing.references import References, text
from crmdesk.services.importing.source import RowSource, SourceRow, Steps
from crmdesk.services.interactions import interaction_field_values

# The form's field names that differ from the import's.
_FIELD_OF_COLUMN = {
    "customer_id": "customer",
    "contact_id": "contact",
    "rep_id": "rep",
    "subject": "summary",
}


def plan_interactions(uow: UnitOfWork, source: RowSource, today: date, steps: Steps) -> NewRecords:
    latest = end_of_day(today)

    def prepare(row: SourceRow, references: References, problems: Problems) -> dict[str, Any]:
        v = row.values
        customer_id = references.customer(problems, text(v.get("customer")))
        occurred_at = v.get("occurred_at")
        if isinstance(occurred_at, datetime):
            occurred_at = local_instant(occurred_at)
        else:
            problems.add("occurred_at", "This field is required.")
            occurred_at = latest
        draft = InteractionDraft(
            customer_id=customer_id or NOT_FOUND,
            kind=enum_or(v.get("kind"), InteractionKind, InteractionKind.OTHER),
            occurred_at=occurred_at,
            subject=text(v.get("summary")) or "",
            content=text(v.get("content")),
            contact_id=references.contact(problems, customer_id, text(v.get("contact"))),
            rep_id=references.rep(problems, "rep", text(v.get("rep"))),
        )
        return {**interaction_field_values(problems, draft, latest), "follow_up_id": None}

    return plan_records(NewRecords(Interaction), uow, source, steps, prepare, _FIELD_OF_COLUMN)
