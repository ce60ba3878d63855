"""Complaint rows (投诉): one complaint each, of a customer found by code or name, checked
with the complaint form's rules. Each gets the next number of this device's series, its
due time from its severity by the team's SLA table, and the opening event of its history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import Complaint, ComplaintEvent
from crmdesk.db.numbers import reserve_numbers
from crmdesk.domain.complaint_workflow import due_at
from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus
from crmdesk.domain.validation import Problems
from crmdesk.services.complaints import complaint_field_values, team_due_hours
from crmdesk.services.importing.owned import (
    NOT_FOUND,
    NewRecord,
    NewRecords,
    end_of_day,
    enum_or,
    insert_journaled,
    local_instant,
    plan_records,
)
from crmdesk.services.importing.references import References, text
from crmdesk.services.importing.source import RowSource, SourceRow, Steps
from crmdesk.services.importing.writing import Journal, synced_columns

_FIELD_OF_COLUMN = {"customer_id": "customer", "contact_id": "contact", "owner_id": "owner"}
# Known only once the complaint is further along than a sheet of new complaints says.
_NOT_YET = {
    "resolution": None,
    "resolved_at": None,
    "closed_at": None,
    "satisfaction": None,
}


class ComplaintRecords(NewRecords):
    def insert(
        self, uow: UnitOfWork, chunk: Sequence[NewRecord], now: datetime, changes: Journal
    ) -> None:
        numbers = reserve_numbers(uow.session, "complaint", len(chunk), Complaint.number)
        hours = team_due_hours(uow)
        for record, number in zip(chunk, numbers, strict=True):
            values = record.values
            received_at = values["received_at"] or now
            values["number"] = number
            values["received_at"] = received_at
            values["due_at"] = due_at(received_at, values["severity"], hours)
        super().insert(uow, chunk, now, changes)
        # The history starts when the complaint came in, not when the file was imported.
        events = [
            {
                **synced_columns(uuid.uuid4(), now),
                "complaint_id": record.id,
                "from_status": None,
                "to_status": record.values["status"],
                "actor_id": None,
                "occurred_at": record.values["received_at"],
                "note": None,
            }
            for record in chunk
        ]
        insert_journaled(uow, ComplaintEvent, events, changes)


def plan_complaints(
    uow: UnitOfWork, source: RowSource, today: date, steps: Steps
) -> ComplaintRecords:
    latest = end_of_day(today)

    def prepare(row: SourceRow, references: References, problems: Problems) -> dict[str, Any]:
        v = row.values
        customer_id = references.customer(problems, text(v.get("customer")))
        received_at = v.get("received_at")
        draft = ComplaintDraft(
            customer_id=customer_id or NOT_FOUND,
            category=enum_or(v.get("category"), ComplaintCategory, ComplaintCategory.OTHER),
            severity=enum_or(v.get("severity"), ComplaintSeverity, ComplaintSeverity.MEDIUM),
            title=text(v.get("title")) or "",
            description=text(v.get("description")),
            contact_id=references.contact(problems, customer_id, text(v.get("contact"))),
            owner_id=references.rep(problems, "owner", text(v.get("owner"))),
            received_at=local_instant(received_at) if isinstance(received_at, datetime) else None,
        )
        # received_at None: received when imported.
        return {
            **complaint_field_values(problems, draft, latest),
            **_NOT_YET,
            "status": ComplaintStatus.NEW,
            "received_at": draft.received_at,
        }

    return plan_records(ComplaintRecords(Complaint), uow, source, steps, prepare, _FIELD_OF_COLUMN)
