"""The team's choices behind the customer-value figures: the RFM window, the reference
day, the margin and discount rate of lifetime value, and the scorecard's weights.

Stored as one JSON value in the `setting` table (so that synchronised laptops agree).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from crmdesk.domain.enums import ReferenceDateMode, ScoreComponent
from crmdesk.domain.validation import Problems

SETTING_KEY = "customer_value"
MIN_WINDOW_DAYS = 30
MAX_WINDOW_DAYS = 3650
MAX_WEIGHT = 100


@dataclass(frozen=True)
class ScorecardWeights:
    """How much each component counts towards the 0–100 score (relative weights)."""

    purchase_power: int = 30
    payment_timeliness: int = 20
    complaint_rate: int = 15
    service_cost: int = 10
    loyalty: int = 25

    def weight_of(self, component: ScoreComponent) -> int:
        value: int = getattr(self, component.value)
        return value

    @property
    def total(self) -> int:
        return sum(self.weight_of(component) for component in ScoreComponent)


@dataclass(frozen=True)
class ValueSettings:
    window_days: int = 365
    reference_mode: ReferenceDateMode = ReferenceDateMode.TODAY
    reference_date: date | None = None  # the chosen day, with ReferenceDateMode.CHOSEN
    margin: Decimal = Decimal("0.25")  # share of revenue that is profit
    discount_rate: Decimal = Decimal("0.10")  # a year's discount on future profit
    weights: ScorecardWeights = field(default_factory=ScorecardWeights)

    def reference_day(self, today: date, last_order_on: date | None) -> date:
        """The last day of the RFM window under these settings."""
        if self.reference_mode is ReferenceDateMode.CHOSEN and self.reference_date is not None:
            return self.reference_date
        if self.reference_mode is ReferenceDateMode.LAST_ORDER and last_order_on is not None:
            return last_order_on
        return today

    def window_start(self, reference_day: date) -> date:
        """The first day of the window that ends on `reference_day` (both included)."""
        return reference_day - timedelta(days=self.window_days - 1)

    def check(self) -> None:
        """Refuse settings that cannot give sensible figures (ValidationError)."""
        problems = Problems()
        if not MIN_WINDOW_DAYS <= self.window_days <= MAX_WINDOW_DAYS:
            problems.add(
                "window_days",
                "The window must be from {low} to {high} days long.",
                low=MIN_WINDOW_DAYS,
                high=MAX_WINDOW_DAYS,
            )
        if self.reference_mode is ReferenceDateMode.CHOSEN and self.reference_date is None:
            problems.add("reference_date", "Choose the reference date.")
        if not Decimal(0) < self.margin <= Decimal(1):
            problems.add("margin", "The margin must lie above 0 % and at most 100 %.")
        if not Decimal(0) <= self.discount_rate < Decimal(1):
            problems.add("discount_rate", "The discount rate must lie from 0 % to below 100 %.")
        for component in ScoreComponent:
            if not 0 <= self.weights.weight_of(component) <= MAX_WEIGHT:
                problems.add(
                    f"weights.{component.value}",
                    "A weight must lie from 0 to {high}.",
                    high=MAX_WEIGHT,
                )
        if self.weights.total == 0:
            problems.add("weights", "At least one weight must be above zero.")
        problems.raise_if_any()

    def to_json(self) -> dict[str, Any]:
        return {
            "window_days": self.window_days,
            "reference_mode": self.reference_mode.value,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "margin": str(self.margin),
            "discount_rate": str(self.discount_rate),
            "weights": {f.name: getattr(self.weights, f.name) for f in fields(ScorecardWeights)},
        }

    @classmethod
    def from_json(cls, value: object) -> ValueSettings:
        """The settings stored as `value`; anything missing or unreadable (a value written
        by another version, say) falls back to its default."""
        if not isinstance(value, dict):
            return cls()
        default = cls()
        weights = value.get("weights")
        return cls(
            window_days=_int(value.get("window_days"), default.window_days),
            reference_mode=_mode(value.get("reference_mode")),
            reference_date=_date(value.get("reference_date")),
            margin=_decimal(value.get("margin"), default.margin),
            discount_rate=_decimal(value.get("discount_rate"), default.discount_rate),
            weights=ScorecardWeights(
                **{
                    f.name: _int(weights.get(f.name), getattr(default.weights, f.name))
                    for f in fields(ScorecardWeights)
                }
            )
            if isinstance(weights, dict)
            else default.weights,
        )


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _decimal(value: object, default: Decimal) -> Decimal:
    try:
        return Decimal(str(value)) if value is not None else default
    except InvalidOperation:
        return default


def _mode(value: object) -> ReferenceDateMode:
    try:
        return ReferenceDateMode(str(value))
    except ValueError:
        return ReferenceDateMode.TODAY


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
