"""Complaints (投诉) and their event history as passed between layers; the workflow
rules are in domain/complaint_workflow.py."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 20_000
RESOLUTION_MAX_LENGTH = 20_000
NOTE_MAX_LENGTH = 2_000
SATISFACTION_RANGE = range(1, 6)
# Earlier times are typing mistakes (a year of 0224), as for order and due dates.
EARLIEST_RECEIVED_AT = datetime(1990, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ComplaintDraft:
    customer_id: uuid.UUID
    category: ComplaintCategory
    severity: ComplaintSeverity
    title: str
    description: str | None = None
    contact_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    received_at: datetime | None = None  # None: now when opening, unchanged when updating


@dataclass(frozen=True)
class ComplaintRecord:
    id: uuid.UUID
    version: int
    number: str
    customer_id: uuid.UUID
    contact_id: uuid.UUID | None
    owner_id: uuid.UUID | None
    category: ComplaintCategory
    severity: ComplaintSeverity
    status: ComplaintStatus
    title: str
    description: str | None
    received_at: datetime
    due_at: datetime
    resolution: str | None
    resolved_at: datetime | None
    closed_at: datetime | None
    satisfaction: int | None  # 1–5, given when closing
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ComplaintEventRecord:
    id: uuid.UUID
    complaint_id: uuid.UUID
    from_status: ComplaintStatus | None  # None for the event that opened the complaint
    to_status: ComplaintStatus
    actor_id: uuid.UUID | None
    occurred_at: datetime
    note: str | None


@dataclass(frozen=True)
class ComplaintFilter:
    customer_id: uuid.UUID | None = None
    statuses: frozenset[ComplaintStatus] = frozenset()  # empty: any status
    severities: frozenset[ComplaintSeverity] = frozenset()  # empty: any severity
    owner_id: uuid.UUID | None = None
    overdue: bool = False  # past due and neither resolved nor closed


class ComplaintSort(StrEnum):
    """Sort keys of the complaint list; without one it is by due time, soonest first.

    Severity sorts from low to critical and status along the workflow, not by name.
    """

    NUMBER = "number"
    RECEIVED_AT = "received_at"
    DUE_AT = "due_at"
    SEVERITY = "severity"
    STATUS = "status"
    TITLE = "title"


@dataclass(frozen=True)
class ComplaintRow:
    """A complaint as the complaint list shows it: with its customer's and owner's names,
    read at `as_of`, the instant its time left and lateness are measured from."""

    id: uuid.UUID
    version: int
    number: str
    customer_id: uuid.UUID
    customer_code: str
    customer_name: str
    owner_id: uuid.UUID | None
    owner_name: str | None
    category: ComplaintCategory
    severity: ComplaintSeverity
    status: ComplaintStatus
    title: str
    received_at: datetime
    due_at: datetime
    as_of: datetime

    @property
    def finished(self) -> bool:
        """Resolved or closed: it waits for nobody, so it has no time left to count."""
        return self.status in FINISHED_STATUSES

    @property
    def overdue(self) -> bool:
        return not self.finished and self.due_at < self.as_of

    @property
    def hours_left(self) -> int | None:
        """Whole hours until due (negative once overdue); None once it is finished."""
        if self.finished:
            return None
        return math.floor((self.due_at - self.as_of) / timedelta(hours=1))


@dataclass(frozen=True)
class ComplaintEventRow:
    """One move of a complaint with the name of the rep who made it."""

    event: ComplaintEventRecord
    actor_name: str | None
