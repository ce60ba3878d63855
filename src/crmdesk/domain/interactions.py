"""Logged conversations and visits (沟通记录) as passed between layers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from crmdesk.domain.enums import InteractionKind

SUBJECT_MAX_LENGTH = 200
CONTENT_MAX_LENGTH = 20_000
# Earlier times are typing mistakes (a year of 0224), as for order and due dates.
EARLIEST_OCCURRED_AT = datetime(1990, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class InteractionDraft:
    """What a user enters to log a conversation (or to correct one)."""

    customer_id: uuid.UUID
    kind: InteractionKind
    occurred_at: datetime
    subject: str
    content: str | None = None
    contact_id: uuid.UUID | None = None
    rep_id: uuid.UUID | None = None


@dataclass(frozen=True)
class InteractionRecord:
    id: uuid.UUID
    version: int
    customer_id: uuid.UUID
    contact_id: uuid.UUID | None
    rep_id: uuid.UUID | None
    kind: InteractionKind
    occurred_at: datetime
    subject: str
    content: str | None
    follow_up_id: uuid.UUID | None  # the follow-up whose completion logged it
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class InteractionFilter:
    customer_id: uuid.UUID | None = None
    rep_id: uuid.UUID | None = None
    kind: InteractionKind | None = None
    occurred_from: datetime | None = None  # inclusive
    occurred_before: datetime | None = None  # exclusive


class InteractionSort(StrEnum):
    """Sort keys of the interaction list; without one it is newest first."""

    OCCURRED_AT = "occurred_at"
    KIND = "kind"
    SUBJECT = "subject"
