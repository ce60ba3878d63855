"""One customer's history in one list: conversations, orders, complaints and follow-ups."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum

# How many entries a profile shows at first, and how many more each "show older" adds.
TIMELINE_PAGE = 500


class TimelineKind(StrEnum):
    INTERACTION = "interaction"
    ORDER = "order"
    COMPLAINT = "complaint"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class TimelineEntry:
    """`when` is an aware instant; for things that happen on a day (orders, follow-ups)
    it is the start of that day in local time and `day_only` is True."""

    when: datetime
    day_only: bool
    kind: TimelineKind
    # The interaction's kind, the follow-up's kind or the complaint's category.
    category: StrEnum | None
    title: str
    detail: str | None
    status: StrEnum | None
    amount: Decimal | None  # an order's total
    record_id: uuid.UUID


@dataclass(frozen=True)
class TimelinePage:
    entries: tuple[TimelineEntry, ...]  # newest first
    total: int  # entries the customer has in all

    @property
    def has_more(self) -> bool:
        return self.total > len(self.entries)


def start_of_local_day(day: date) -> datetime:
    """Midnight of `day` in the computer's time zone, as a UTC instant."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def newest_first(entries: list[TimelineEntry], limit: int) -> tuple[TimelineEntry, ...]:
    """The `limit` newest entries; on one instant the order stays stable by kind and id."""
    ordered = sorted(entries, key=lambda e: (e.when, e.kind.value, e.record_id), reverse=True)
    return tuple(ordered[:limit])
