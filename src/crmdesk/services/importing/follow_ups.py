"""Follow-up rows (回访计划): one planned callback, visit or care action each, of a customer
found by code or name, checked with the follow-up form's rules (the repeat rule too)."""

from __future__ import annotations

from datetime import date
from typing import Any

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import FollowUp
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus
from crmdesk.domain.follow_ups import EARLIEST_DUE_ON, FollowUpDraft
from crmdesk.domain.validation import Problems
from crmdesk.services.follow_ups import follow_up_field_values
from crmdesk.services.importing.owned import (
    NOT_FOUND,
    NewRecords,
    enum_or,
    plan_records,
)
from crmdesk.services.importing.references import References, text
from crmdesk.services.importing.source import RowSource, SourceRow, Steps

_FIELD_OF_COLUMN = {
    "customer_id": "customer",
    "contact_id": "contact",
    "rep_id": "rep",
    "recurrence_rule": "recurrence",
}
# What people write in a "repeats" column, besides the rule the form stores
# (FREQ=MONTHLY;INTERVAL=1), which is read as it is.
_RULE_OF_WORDS = {
    **dict.fromkeys(("每天", "每日", "daily"), "FREQ=DAILY"),
    **dict.fromkeys(("每周", "每星期", "weekly"), "FREQ=WEEKLY"),
    **dict.fromkeys(("每两周", "双周", "biweekly", "fortnightly"), "FREQ=WEEKLY;INTERVAL=2"),
    **dict.fromkeys(("每月", "每个月", "monthly"), "FREQ=MONTHLY"),
    **dict.fromkeys(("每季", "每季度", "quarterly"), "FREQ=MONTHLY;INTERVAL=3"),
    **dict.fromkeys(("每半年", "半年", "half-yearly"), "FREQ=MONTHLY;INTERVAL=6"),
    **dict.fromkeys(("每年", "yearly", "annually"), "FREQ=YEARLY"),
}


def plan_follow_ups(uow: UnitOfWork, source: RowSource, today: date, steps: Steps) -> NewRecords:
    def prepare(row: SourceRow, references: References, problems: Problems) -> dict[str, Any]:
        v = row.values
        customer_id = references.customer(problems, text(v.get("customer")))
        due_on = v.get("due_on")
        if not isinstance(due_on, date):
            problems.add("due_on", "This field is required.")
            due_on = EARLIEST_DUE_ON
        draft = FollowUpDraft(
            customer_id=customer_id or NOT_FOUND,
            kind=enum_or(v.get("kind"), FollowUpKind, FollowUpKind.CALLBACK),
            title=text(v.get("title")) or "",
            due_on=due_on,
            rep_id=references.rep(problems, "rep", text(v.get("rep"))),
            contact_id=references.contact(problems, customer_id, text(v.get("contact"))),
            notes=text(v.get("notes")),
            recurrence_rule=_rule(text(v.get("recurrence"))),
        )
        values = follow_up_field_values(problems, draft, today)
        planned = {"status": FollowUpStatus.PLANNED, "previous_id": None}
        return {**values, **planned, "completed_at": None, "result": None}

    return plan_records(NewRecords(FollowUp), uow, source, steps, prepare, _FIELD_OF_COLUMN)


def _rule(written: str | None) -> str | None:
    if written is None:
        return None
    return _RULE_OF_WORDS.get(written.lower(), written)
