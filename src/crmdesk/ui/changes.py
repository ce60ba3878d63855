"""What a write changed, announced once by the task runner so that each tab can decide
whether what it shows is now stale. Tabs never reach into each other's widgets."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    CUSTOMERS = "customers"  # customers, their contacts and tags
    REPS = "reps"
    INTERACTIONS = "interactions"
    FOLLOW_UPS = "follow_ups"
    COMPLAINTS = "complaints"
    ORDERS = "orders"
    VALUE = "value"  # computed figures: RFM segments, suggested stages, scores
    LOYALTY = "loyalty"  # points, coupons
    SURVEYS = "surveys"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Change:
    topics: frozenset[Topic]
    # The customers whose data changed; empty when unknown or when many changed at once.
    customer_ids: frozenset[uuid.UUID] = frozenset()

    @classmethod
    def of(cls, *topics: Topic, customers: Iterable[uuid.UUID] = ()) -> Change:
        return cls(frozenset(topics), frozenset(customers))

    def touches(self, *topics: Topic) -> bool:
        return not self.topics.isdisjoint(topics)

    def touches_customer(self, customer_id: uuid.UUID) -> bool:
        """Whether data of this customer may have changed (unknown counts as yes)."""
        return not self.customer_ids or customer_id in self.customer_ids


EVERYTHING = Change(frozenset(Topic))
