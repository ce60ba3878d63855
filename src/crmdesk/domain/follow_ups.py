"""Planned callbacks, visits and care actions (回访/关怀) as passed between layers."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from crmdesk.domain.enums import FollowUpKind, FollowUpStatus, InteractionKind
from crmdesk.domain.interactions import InteractionRecord
from crmdesk.domain.recurrence import Frequency, Recurrence, occurrence

TITLE_MAX_LENGTH = 200
NOTES_MAX_LENGTH = 10_000
RESULT_MAX_LENGTH = 20_000
RULE_MAX_LENGTH = 200
# Due dates outside these bounds are typing mistakes (a year of 0225 or 2205).
EARLIEST_DUE_ON = date(1990, 1, 1)
LATEST_DUE_YEARS_AHEAD = 10

# How a completed follow-up is logged when the user does not say how it went ahead.
INTERACTION_KIND_FOR: Mapping[FollowUpKind, InteractionKind] = MappingProxyType(
    {
        FollowUpKind.CALLBACK: InteractionKind.CALL,
        FollowUpKind.VISIT: InteractionKind.VISIT,
        FollowUpKind.CARE: InteractionKind.OTHER,
        FollowUpKind.RESCUE: InteractionKind.OTHER,
        FollowUpKind.OTHER: InteractionKind.OTHER,
    }
)


@dataclass(frozen=True)
class FollowUpDraft:
    customer_id: uuid.UUID
    kind: FollowUpKind
    title: str
    due_on: date
    rep_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    notes: str | None = None
    recurrence_rule: str | None = None  # see domain/recurrence.py


@dataclass(frozen=True)
class FollowUpRecord:
    id: uuid.UUID
    version: int
    customer_id: uuid.UUID
    contact_id: uuid.UUID | None
    rep_id: uuid.UUID | None
    kind: FollowUpKind
    status: FollowUpStatus
    title: str
    notes: str | None
    due_on: date
    recurrence_rule: str | None
    previous_id: uuid.UUID | None  # the occurrence of the same series before this one
    completed_at: datetime | None
    result: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class FollowUpCompletion:
    """What completing a follow-up did: the done follow-up, the interaction it logged and
    the next occurrence it scheduled, if it recurs."""

    done: FollowUpRecord
    interaction: InteractionRecord
    next: FollowUpRecord | None


@dataclass(frozen=True)
class FollowUpFilter:
    customer_id: uuid.UUID | None = None
    rep_id: uuid.UUID | None = None
    status: FollowUpStatus | None = None
    due_from: date | None = None  # inclusive
    due_to: date | None = None  # inclusive
    overdue: bool = False  # planned and due before today


class FollowUpSort(StrEnum):
    """Sort keys of the follow-up list; without one it is by due date, soonest first."""

    DUE_ON = "due_on"
    TITLE = "title"
    KIND = "kind"
    STATUS = "status"


def latest_due_on(today: date) -> date:
    """The latest due date a follow-up planned today may have."""
    return occurrence(Recurrence(Frequency.YEARLY, interval=LATEST_DUE_YEARS_AHEAD), today, 1)


@dataclass(frozen=True)
class FollowUpRow:
    """One line of a follow-up list: the follow-up and the names shown beside it."""

    follow_up: FollowUpRecord
    customer_name: str
    customer_code: str
    rep_name: str | None
    contact_name: str | None


@dataclass(frozen=True)
class DayCount:
    """How many follow-ups fall due on `day`, by what has become of them. Overdue ones
    (planned, due before today) are not counted among the planned."""

    day: date
    planned: int
    overdue: int
    done: int
