"""Lifetime value: historical value, the forecast and each of its inputs, and retention."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from crmdesk.domain.clv import ClvEstimate, estimate_clv, retention_rate
from crmdesk.domain.purchase_history import OrderFact, PurchaseHistory

REFERENCE = date(2024, 12, 31)
MARGIN = Decimal("0.25")
DISCOUNT = Decimal("0.10")


def spread(first_days_ago: int, *totals: str) -> PurchaseHistory:
    """Orders a day apart, the first one `first_days_ago` days before the reference day."""
    start = REFERENCE - timedelta(days=first_days_ago)
    return PurchaseHistory(
        tuple(
            OrderFact(start + timedelta(days=index), Decimal(total))
            for index, total in enumerate(totals)
        )
    )


def test_the_forecast_multiplies_the_inputs_it_shows() -> None:
    history = spread(730, "100.00", "200.00", "300.00", "400.00")

    estimate = estimate_clv(history, REFERENCE, Decimal("0.6"), MARGIN, DISCOUNT)

    # AOV 1000.00 / 4 = 250.00; 730 days = 2 years → 4 / 2 = 2.00 orders a year;
    # expected years 0.6 / (1 + 0.1 − 0.6) = 1.20; 250 × 2 × 0.25 × 1.2 = 150.00
    assert estimate == ClvEstimate(
        historical_value=Decimal("1000.00"),
        average_order_value=Decimal("250.00"),
        yearly_frequency=Decimal("2.00"),
        margin=MARGIN,
        retention=Decimal("0.6"),
        discount_rate=DISCOUNT,
        expected_years=Decimal("1.20"),
        forecast=Decimal("150.00"),
    )


def test_inputs_are_rounded_as_shown_before_they_are_multiplied() -> None:
    history = spread(400, "10.00", "10.00", "10.01")

    estimate = estimate_clv(history, REFERENCE, Decimal("0.5"), MARGIN, DISCOUNT)

    # AOV 30.01 / 3 = 10.0033 → 10.00; 400 / 365 = 1.0959 years → 3 / 1.0959 = 2.7375
    # → 2.74; 0.5 / 0.6 = 0.8333 → 0.83; 10.00 × 2.74 × 0.25 × 0.83 = 5.6855 → 5.69
    assert estimate.average_order_value == Decimal("10.00")
    assert estimate.yearly_frequency == Decimal("2.74")
    assert estimate.expected_years == Decimal("0.83")
    assert estimate.forecast == Decimal("5.69")


def test_a_customer_younger_than_a_year_counts_over_one_year() -> None:
    # 3 orders, the first 100 days ago: over max(1, 100 / 365) = 1 year → 3.00 a year
    estimate = estimate_clv(
        spread(100, "50.00", "50.00", "50.00"), REFERENCE, Decimal("0.5"), MARGIN, DISCOUNT
    )

    assert estimate.yearly_frequency == Decimal("3.00")
    # 50.00 × 3.00 × 0.25 × 0.83 = 31.125 → 31.13 (half up)
    assert estimate.forecast == Decimal("31.13")


def test_without_orders_there_is_no_value_and_no_forecast() -> None:
    estimate = estimate_clv(PurchaseHistory(()), REFERENCE, Decimal("0.5"), MARGIN, DISCOUNT)

    assert estimate.historical_value == Decimal(0)
    assert estimate.average_order_value == Decimal(0)
    assert estimate.yearly_frequency == Decimal(0)
    assert estimate.expected_years == Decimal("0.83")
    assert estimate.forecast == Decimal(0)


def test_zero_retention_forecasts_nothing_however_much_was_bought() -> None:
    estimate = estimate_clv(
        spread(730, "5000.00", "5000.00"), REFERENCE, Decimal(0), MARGIN, DISCOUNT
    )

    assert estimate.historical_value == Decimal("10000.00")
    assert estimate.expected_years == Decimal(0)
    assert estimate.forecast == Decimal(0)


def test_refunds_lower_historical_value_and_a_net_refund_forecasts_a_loss() -> None:
    estimate = estimate_clv(
        spread(730, "100.00", "-300.00"), REFERENCE, Decimal("0.6"), MARGIN, DISCOUNT
    )

    # AOV −200.00 / 2 = −100.00; 2 orders / 2 years = 1.00; −100 × 1 × 0.25 × 1.2 = −30.00
    assert estimate.historical_value == Decimal("-200.00")
    assert estimate.average_order_value == Decimal("-100.00")
    assert estimate.forecast == Decimal("-30.00")


def test_no_discount_and_the_highest_retention_give_the_longest_expected_life() -> None:
    estimate = estimate_clv(spread(10, "1.00"), REFERENCE, Decimal("0.95"), MARGIN, Decimal(0))

    # 0.95 / (1 + 0 − 0.95) = 19 years
    assert estimate.expected_years == Decimal("19.00")


@pytest.mark.parametrize(
    ("previous_buyers", "retained", "rate"),
    [
        (0, 0, Decimal("0.5")),  # nobody to learn from
        (10, 3, Decimal("0.3")),
        (3, 1, Decimal("0.3333")),  # four decimals
        (3, 2, Decimal("0.6667")),  # half up
        (10, 0, Decimal(0)),
        (10, 10, Decimal("0.95")),  # capped: nobody stays for certain
        (4, 9, Decimal("0.95")),
    ],
)
def test_retention_is_the_share_of_last_windows_buyers_who_bought_again(
    previous_buyers: int, retained: int, rate: Decimal
) -> None:
    assert retention_rate(previous_buyers, retained) == rate
