"""The lifecycle stage a customer's purchase history suggests, with the reason in words.

The rules are tried in order and the first that holds wins, so that a customer who has
gone silent for good is "lost" even though the silence is also a gap beyond the usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from crmdesk.domain.enums import LifecycleStage
from crmdesk.domain.errors import Problem
from crmdesk.domain.purchase_history import (
    PurchaseHistory,
    amount_text,
    orders_and_spend_between,
)

LOST_AFTER_DAYS = 365  # silence beyond a year is lost, whatever the usual interval
LOST_INTERVALS = 4
LATE_INTERVALS = 2
HALF_YEAR_DAYS = 180
STABLE_MIN_ORDERS = 4
STABLE_MIN_SPAN_DAYS = 365
_HALF_YEAR = timedelta(days=HALF_YEAR_DAYS)
_HALF_YEAR_LESS_A_DAY = timedelta(days=HALF_YEAR_DAYS - 1)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class StageSuggestion:
    stage: LifecycleStage
    reason: Problem


def suggest_stage(history: PurchaseHistory, reference_day: date) -> StageSuggestion:
    """What the history up to `reference_day` says about the relationship."""
    first = history.first_order_on
    last = history.last_order_on
    if first is None or last is None:
        return StageSuggestion(LifecycleStage.EXPLORATION, Problem("No orders yet."))
    silence = (reference_day - last).days
    usual = history.usual_interval_days
    if silence > max(LOST_AFTER_DAYS, LOST_INTERVALS * (usual or 0)):
        return StageSuggestion(
            LifecycleStage.LOST, Problem("No order for {days} days.", {"days": silence})
        )
    if usual is not None and silence > LATE_INTERVALS * usual:
        return StageSuggestion(
            LifecycleStage.DECLINE,
            Problem(
                "Last order {days} days ago; usually every {usual} days.",
                {"days": silence, "usual": usual},
            ),
        )
    falling = _falling_spend(history, reference_day, first, last)
    if falling is not None:
        return StageSuggestion(LifecycleStage.DECLINE, falling)
    count = history.order_count
    if count == 1 and silence > HALF_YEAR_DAYS:
        return StageSuggestion(
            LifecycleStage.DECLINE, Problem("Only one order, {days} days ago.", {"days": silence})
        )
    span = (last - first).days
    if count >= STABLE_MIN_ORDERS and span >= STABLE_MIN_SPAN_DAYS:
        return StageSuggestion(
            LifecycleStage.STABILITY,
            Problem(
                "{count} orders over {days} days, about every {usual} days.",
                {"count": count, "days": span, "usual": usual},
            ),
        )
    return StageSuggestion(
        LifecycleStage.FORMATION,
        Problem("{count} order(s) since {first}.", {"count": count, "first": first.isoformat()}),
    )


def _falling_spend(
    history: PurchaseHistory, reference_day: date, first: date, last: date
) -> Problem | None:
    """Why spend counts as falling: the last 180 days brought less than half of the 180
    days before them, with orders in both half-years (one quiet half-year alone is the
    silence rules' business)."""
    recent_start = reference_day - _HALF_YEAR_LESS_A_DAY
    earlier_end = recent_start - _ONE_DAY
    if last < recent_start or first > earlier_end:
        return None  # no orders in one of the half-years, without searching
    recent_orders, after = orders_and_spend_between(history, recent_start, reference_day)
    earlier_orders, before = orders_and_spend_between(
        history, recent_start - _HALF_YEAR, earlier_end
    )
    if not (recent_orders and earlier_orders) or after * 2 >= before:
        return None
    return Problem(
        "Spend fell from {before} to {after} over the last half year.",
        {"before": amount_text(before), "after": amount_text(after)},
    )
