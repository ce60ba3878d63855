"""The lifecycle stage a purchase history suggests: each rule, its borders, and which rule
wins when several hold."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from crmdesk.domain.enums import LifecycleStage
from crmdesk.domain.errors import Problem
from crmdesk.domain.lifecycle import StageSuggestion, suggest_stage
from crmdesk.domain.purchase_history import OrderFact, PurchaseHistory

REFERENCE = date(2024, 12, 31)


def days_ago(*orders: tuple[int, str]) -> PurchaseHistory:
    """Orders placed so many days before the reference day, for that much."""
    return PurchaseHistory(
        tuple(
            OrderFact(REFERENCE - timedelta(days=ago), Decimal(total))
            for ago, total in sorted(orders, reverse=True)
        )
    )


def suggestion(history: PurchaseHistory) -> tuple[LifecycleStage, str]:
    result = suggest_stage(history, REFERENCE)
    return result.stage, result.reason.message


def test_no_orders_is_exploration() -> None:
    assert suggest_stage(PurchaseHistory(()), REFERENCE) == StageSuggestion(
        LifecycleStage.EXPLORATION, Problem("No orders yet.")
    )


def test_silence_beyond_a_year_is_lost_and_wins_over_a_gap_beyond_the_usual() -> None:
    # Usual interval 30 days, silent for 366: both "lost" and "declining" hold; lost wins.
    history = days_ago((426, "100"), (396, "100"), (366, "100"))

    assert suggestion(history) == (LifecycleStage.LOST, "No order for 366 days.")


def test_a_year_of_silence_exactly_is_not_yet_lost() -> None:
    # One order 365 days ago: not > 365, so the one-order rule speaks instead.
    assert suggestion(days_ago((365, "100"))) == (
        LifecycleStage.DECLINE,
        "Only one order, 365 days ago.",
    )
    assert suggestion(days_ago((366, "100")))[0] is LifecycleStage.LOST


def test_a_customer_who_buys_rarely_is_lost_only_after_four_usual_intervals() -> None:
    # Every 100 days; 4 × 100 = 400 > 365, so silence must pass 400 days.
    at_400 = days_ago((600, "100"), (500, "100"), (400, "100"))
    at_401 = days_ago((601, "100"), (501, "100"), (401, "100"))

    assert suggestion(at_400) == (
        LifecycleStage.DECLINE,
        "Last order 400 days ago; usually every 100 days.",
    )
    assert suggestion(at_401) == (LifecycleStage.LOST, "No order for 401 days.")


def test_a_gap_beyond_twice_the_usual_interval_is_decline() -> None:
    # Every 30 days; silence 61 > 2 × 30 declines, silence 60 does not.
    late = days_ago((121, "100"), (91, "100"), (61, "100"))
    on_time = days_ago((120, "100"), (90, "100"), (60, "100"))

    assert suggestion(late) == (
        LifecycleStage.DECLINE,
        "Last order 61 days ago; usually every 30 days.",
    )
    assert suggestion(on_time) == (
        LifecycleStage.FORMATION,
        f"3 order(s) since {REFERENCE - timedelta(days=120)}.",
    )


# Every 60 days, three orders in each half-year: the half-year before the last runs
# from 359 to 180 days ago, the last from 179 days ago to the reference day.
EARLIER_HALF = ((330, "300.00"), (270, "300.00"), (210, "400.00"))  # 1000.00


@pytest.mark.parametrize(
    ("recent", "stage", "message"),
    [
        (
            ((150, "100.00"), (90, "100.00"), (30, "299.99")),  # 499.99 < 1000.00 / 2
            LifecycleStage.DECLINE,
            "Spend fell from 1000.00 to 499.99 over the last half year.",
        ),
        (
            ((150, "100.00"), (90, "100.00"), (30, "300.00")),  # 500.00: exactly half
            LifecycleStage.FORMATION,
            f"6 order(s) since {REFERENCE - timedelta(days=330)}.",
        ),
    ],
)
def test_spend_falling_below_half_of_the_half_year_before_is_decline(
    recent: tuple[tuple[int, str], ...], stage: LifecycleStage, message: str
) -> None:
    assert suggestion(days_ago(*EARLIER_HALF, *recent)) == (stage, message)


def test_a_refund_in_the_last_half_year_can_make_spend_fall() -> None:
    history = days_ago(*EARLIER_HALF, (150, "800.00"), (90, "-500.00"), (30, "100.00"))

    # 800.00 − 500.00 + 100.00 = 400.00 < 500.00
    assert suggestion(history) == (
        LifecycleStage.DECLINE,
        "Spend fell from 1000.00 to 400.00 over the last half year.",
    )


def test_falling_spend_needs_orders_in_both_half_years() -> None:
    # The earliest order is 180 days ago, the last day of the earlier half-year; without
    # it there is nothing to compare the last half-year with.
    with_earlier = days_ago((180, "1000.00"), (120, "10.00"), (60, "10.00"))
    without_earlier = days_ago((179, "1000.00"), (120, "10.00"), (60, "10.00"))

    # A first order long before both half-years and a refund in the last one: nothing
    # was bought in the half-year before, so −10.00 is no fall from 0.00.
    refund_after_a_pause = days_ago((400, "100.00"), (100, "50.00"), (40, "-60.00"))

    assert suggestion(with_earlier)[0] is LifecycleStage.DECLINE
    assert suggestion(without_earlier)[0] is LifecycleStage.FORMATION
    assert suggestion(refund_after_a_pause)[0] is LifecycleStage.FORMATION


def test_the_usual_gap_rule_comes_before_falling_spend() -> None:
    # Spend fell too, but the silence of 150 days (> 2 × 60) is named first.
    history = days_ago(*EARLIER_HALF, (150, "1.00"))

    assert suggestion(history) == (
        LifecycleStage.DECLINE,
        "Last order 150 days ago; usually every 60 days.",
    )


def test_a_single_order_more_than_half_a_year_ago_is_decline() -> None:
    assert suggestion(days_ago((181, "50.00"))) == (
        LifecycleStage.DECLINE,
        "Only one order, 181 days ago.",
    )
    assert suggestion(days_ago((180, "50.00"))) == (
        LifecycleStage.FORMATION,
        f"1 order(s) since {REFERENCE - timedelta(days=180)}.",
    )


def test_four_orders_over_a_year_are_stability() -> None:
    # Gaps 122, 122, 121 → usual 122; span 375 − 10 = 365 days.
    history = days_ago((375, "100"), (253, "100"), (131, "100"), (10, "100"))

    assert suggestion(history) == (
        LifecycleStage.STABILITY,
        "4 orders over 365 days, about every 122 days.",
    )


@pytest.mark.parametrize(
    "orders",
    [
        ((374, "100"), (253, "100"), (131, "100"), (10, "100")),  # 4 orders over 364 days
        ((375, "100"), (190, "100"), (10, "100")),  # 3 orders over 365 days
    ],
)
def test_fewer_orders_or_a_shorter_span_is_still_formation(
    orders: tuple[tuple[int, str], ...],
) -> None:
    assert suggestion(days_ago(*orders))[0] is LifecycleStage.FORMATION


def test_money_in_a_reason_is_a_plain_string_and_days_are_numbers() -> None:
    history = days_ago(*EARLIER_HALF, (150, "100.00"), (90, "100.00"), (30, "0.5"))

    reason = suggest_stage(history, REFERENCE).reason

    assert reason.params == {"before": "1000.00", "after": "200.50"}
