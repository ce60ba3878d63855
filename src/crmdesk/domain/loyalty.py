"""Loyalty points, coupons and referrals as passed between layers, and their rules: how
many points an order earns, what a points change or a coupon must satisfy, and a
coupon's status on a given day."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from crmdesk.domain.enums import PointsReason
from crmdesk.domain.validation import Problems

EARNING_RULE_KEY = "loyalty.earning_rule"
MAX_POINTS_PER_UNIT = Decimal(100)
# Far above any real change, low enough that a mistyped figure is caught.
MAX_POINTS_CHANGE = 10_000_000
NOTE_MAX_LENGTH = 500
DESCRIPTION_MAX_LENGTH = 200
MAX_COUPON_VALUE = Decimal(1_000_000)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class EarningRule:
    """The team's rule for purchase points: so many points per unit of money (¥1)."""

    points_per_unit: Decimal = Decimal(1)

    def points_for(self, total: Decimal) -> int:
        """The points an order of `total` earns; fractions of a point are dropped (a
        return order's negative total gives negative points)."""
        return math.floor(total * self.points_per_unit)

    def check(self) -> None:
        problems = Problems()
        rate = self.points_per_unit
        if not rate.is_finite() or not Decimal(0) <= rate <= MAX_POINTS_PER_UNIT:
            problems.add(
                "points_per_unit",
                "Points per unit must lie from 0 to {maximum}.",
                maximum=MAX_POINTS_PER_UNIT,
            )
        elif rate != rate.quantize(_CENT):
            problems.add("points_per_unit", "Points per unit have at most two decimal places.")
        problems.raise_if_any()

    def to_json(self) -> dict[str, Any]:
        return {"points_per_unit": str(self.points_per_unit)}

    @classmethod
    def from_json(cls, value: object) -> EarningRule:
        """The stored rule; anything missing or unreadable falls back to the default."""
        if isinstance(value, dict):
            try:
                return cls(Decimal(str(value["points_per_unit"])))
            except (KeyError, InvalidOperation):
                pass
        return cls()


@dataclass(frozen=True)
class PointsEntryRecord:
    """One ledger line and the balance right after it."""

    id: uuid.UUID
    occurred_at: datetime
    reason: PointsReason
    points: int
    note: str | None
    order_id: uuid.UUID | None
    order_number: str | None
    balance: int


@dataclass(frozen=True)
class PointsLedger:
    """A customer's points: the balance and every entry, newest first."""

    customer_id: uuid.UUID
    balance: int
    entries: tuple[PointsEntryRecord, ...]


class CouponStatus(StrEnum):
    ACTIVE = "active"
    REDEEMED = "redeemed"
    EXPIRED = "expired"


def coupon_status(
    expires_on: date | None, redeemed_at: datetime | None, today: date
) -> CouponStatus:
    """Redeemed once used; expired after its last valid day (`expires_on`); else active."""
    if redeemed_at is not None:
        return CouponStatus.REDEEMED
    if expires_on is not None and today > expires_on:
        return CouponStatus.EXPIRED
    return CouponStatus.ACTIVE


@dataclass(frozen=True)
class CouponDraft:
    customer_id: uuid.UUID
    description: str
    value: Decimal
    expires_on: date | None = None  # the last day it can be redeemed; None: never expires


@dataclass(frozen=True)
class CouponRecord:
    id: uuid.UUID
    version: int
    code: str
    customer_id: uuid.UUID
    description: str
    value: Decimal
    issued_on: date
    expires_on: date | None
    redeemed_at: datetime | None
    redeemed_order_number: str | None
    status: CouponStatus


@dataclass(frozen=True)
class ReferredCustomer:
    id: uuid.UUID
    name: str
    code: str
    revenue: Decimal  # live orders that were not cancelled, returns counted negative


@dataclass(frozen=True)
class ReferralSummary:
    """Who referred the customer, and whom the customer referred."""

    customer_id: uuid.UUID
    referrer_id: uuid.UUID | None
    referrer_name: str | None
    referred: tuple[ReferredCustomer, ...]

    @property
    def count(self) -> int:
        return len(self.referred)

    @property
    def total_revenue(self) -> Decimal:
        return sum((customer.revenue for customer in self.referred), Decimal(0))


@dataclass(frozen=True)
class LoyaltyOverview:
    """Everything the profile shows about a customer's loyalty, read at once."""

    ledger: PointsLedger
    coupons: tuple[CouponRecord, ...]
    referrals: ReferralSummary


def check_points_change(
    problems: Problems, points: int, note: str | None, *, redemption: bool
) -> str | None:
    """Note what is wrong with an adjustment (±, a note saying why is required) or a
    redemption (a positive number of points); the trimmed note."""
    if redemption and points <= 0:
        problems.add("points", "Redeem at least one point.")
    elif points == 0:
        problems.add("points", "An adjustment cannot be zero points.")
    elif abs(points) > MAX_POINTS_CHANGE:
        problems.add(
            "points", "At most {maximum} points can change at once.", maximum=MAX_POINTS_CHANGE
        )
    if redemption:
        return problems.optional_text("note", note, max_length=NOTE_MAX_LENGTH)
    return problems.required_text("note", note, max_length=NOTE_MAX_LENGTH)


def check_coupon(problems: Problems, draft: CouponDraft, today: date) -> str:
    """Note what is wrong with a coupon about to be issued today; the trimmed description."""
    description = problems.required_text(
        "description", draft.description, max_length=DESCRIPTION_MAX_LENGTH
    )
    value = draft.value
    if not value.is_finite() or not Decimal(0) < value <= MAX_COUPON_VALUE:
        problems.add(
            "value", "The value must lie above 0 and at most {maximum}.", maximum=MAX_COUPON_VALUE
        )
    elif value != value.quantize(_CENT):
        problems.add("value", "Amounts have at most two decimal places.")
    if draft.expires_on is not None and draft.expires_on < today:
        problems.add("expires_on", "A coupon cannot expire before it is issued.")
    return description
