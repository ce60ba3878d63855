"""Key figures of one customer, shown in the profile's header."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crmdesk.domain.enums import Grade, ValueSegment


@dataclass(frozen=True)
class CustomerOverview:
    customer_id: uuid.UUID
    # Sum of the totals of the orders that were not cancelled (returns count negative).
    total_spend: Decimal
    order_count: int
    last_order_on: date | None
    open_complaints: int  # neither resolved nor closed
    # The earliest planned follow-up, overdue ones included.
    next_follow_up_on: date | None
    next_follow_up_title: str | None
    next_follow_up_overdue: bool
    # From the last recomputation of customer value; None before one, or without orders.
    segment: ValueSegment | None = None
    grade: Grade | None = None
