"""The plain facts of a purchase history: counts, first and last order, spend, usual
interval, and spend or orders between two days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from crmdesk.domain.purchase_history import (
    OrderFact,
    PurchaseHistory,
    amount_text,
    last_order_by,
    orders_and_spend_between,
    orders_between,
    spend_between,
)

NONE = PurchaseHistory(())
# Four orders on three distinct days, one of them a return that nets negative.
MIXED = PurchaseHistory(
    (
        OrderFact(date(2024, 1, 1), Decimal("100.00")),
        OrderFact(date(2024, 1, 11), Decimal("250.50")),
        OrderFact(date(2024, 1, 11), Decimal("-30.00")),
        OrderFact(date(2024, 2, 10), Decimal("0.01")),
    )
)


def test_a_customer_without_orders_has_no_dates_no_average_and_no_interval() -> None:
    assert NONE.order_count == 0
    assert NONE.first_order_on is None
    assert NONE.last_order_on is None
    assert NONE.total_spend == Decimal(0)
    assert NONE.average_spend is None
    assert NONE.usual_interval_days is None


def test_one_order_has_an_average_but_no_usual_interval() -> None:
    history = PurchaseHistory((OrderFact(date(2024, 5, 1), Decimal("88.80")),))

    assert history.order_count == 1
    assert history.first_order_on == history.last_order_on == date(2024, 5, 1)
    assert history.total_spend == Decimal("88.80")
    assert history.average_spend == Decimal("88.80")
    assert history.usual_interval_days is None


def test_a_return_counts_against_the_spend_and_the_average_is_rounded_to_the_cent() -> None:
    # 100.00 + 250.50 − 30.00 + 0.01 = 320.51 over 4 orders = 80.1275 → 80.13
    assert MIXED.order_count == 4
    assert MIXED.first_order_on == date(2024, 1, 1)
    assert MIXED.last_order_on == date(2024, 2, 10)
    assert MIXED.total_spend == Decimal("320.51")
    assert MIXED.average_spend == Decimal("80.13")


def test_a_history_of_refunds_has_a_negative_spend() -> None:
    history = PurchaseHistory(
        (
            OrderFact(date(2024, 1, 1), Decimal("-40.00")),
            OrderFact(date(2024, 1, 2), Decimal("-10.05")),
        )
    )

    # −50.05 / 2 = −25.025 → −25.03 (half away from zero, as on a receipt)
    assert history.total_spend == Decimal("-50.05")
    assert history.average_spend == Decimal("-25.03")


def test_the_usual_interval_is_the_median_gap_between_distinct_order_days() -> None:
    # Distinct days Jan 1, Jan 11, Feb 10: gaps 10 and 30; two orders on Jan 11 are one
    # day, not a gap of 0. Median of (10, 30) = 20.
    assert MIXED.usual_interval_days == 20
    odd = PurchaseHistory(
        tuple(
            OrderFact(day, Decimal(1))
            for day in (date(2024, 1, 1), date(2024, 1, 4), date(2024, 3, 4), date(2024, 3, 11))
        )
    )
    # Gaps 3, 60, 7 → sorted 3, 7, 60 → median 7 (an outlier does not drag it)
    assert odd.usual_interval_days == 7


def test_an_even_number_of_gaps_takes_the_mean_of_the_middle_two_rounded_half_up() -> None:
    history = PurchaseHistory(
        tuple(
            OrderFact(day, Decimal(1))
            for day in (date(2024, 1, 1), date(2024, 1, 11), date(2024, 2, 5))
        )
    )
    # Gaps 10 and 25 → (10 + 25) / 2 = 17.5 → 18
    assert history.usual_interval_days == 18


def test_orders_on_a_single_day_have_no_interval() -> None:
    history = PurchaseHistory(
        (OrderFact(date(2024, 1, 1), Decimal(5)), OrderFact(date(2024, 1, 1), Decimal(7)))
    )

    assert history.usual_interval_days is None


def test_spend_and_orders_between_include_both_end_days() -> None:
    assert spend_between(MIXED, date(2024, 1, 1), date(2024, 1, 11)) == Decimal("320.50")
    assert orders_between(MIXED, date(2024, 1, 1), date(2024, 1, 11)) == 3
    assert spend_between(MIXED, date(2024, 1, 2), date(2024, 2, 10)) == Decimal("220.51")
    assert orders_between(MIXED, date(2024, 1, 2), date(2024, 2, 10)) == 3
    assert orders_and_spend_between(MIXED, date(2024, 1, 11), date(2024, 1, 11)) == (
        2,
        Decimal("220.50"),
    )


def test_a_span_without_orders_has_nothing_in_it() -> None:
    assert orders_between(MIXED, date(2024, 1, 12), date(2024, 2, 9)) == 0
    assert spend_between(MIXED, date(2024, 1, 12), date(2024, 2, 9)) == Decimal(0)
    assert orders_between(MIXED, date(2023, 1, 1), date(2023, 12, 31)) == 0
    assert orders_between(NONE, date(2024, 1, 1), date(2024, 12, 31)) == 0
    # A span given backwards holds no day at all.
    assert orders_and_spend_between(MIXED, date(2024, 2, 10), date(2024, 1, 1)) == (0, Decimal(0))


def test_the_last_order_by_a_day_ignores_later_orders() -> None:
    assert last_order_by(MIXED, date(2024, 2, 9)) == date(2024, 1, 11)
    assert last_order_by(MIXED, date(2024, 2, 10)) == date(2024, 2, 10)
    assert last_order_by(MIXED, date(2023, 12, 31)) is None
    assert last_order_by(NONE, date(2024, 1, 1)) is None


def test_amounts_in_messages_are_plain_text_to_the_cent() -> None:
    assert amount_text(Decimal(1000)) == "1000.00"
    assert amount_text(Decimal("2.345")) == "2.35"
    assert amount_text(Decimal("-0.5")) == "-0.50"
