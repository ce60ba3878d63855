"""RFM: a customer's three measures, the population's quintile borders and means, the
scores 1–5 and the eight value segments."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from crmdesk.domain.enums import ValueSegment
from crmdesk.domain.purchase_history import OrderFact, PurchaseHistory
from crmdesk.domain.rfm import (
    RfmInput,
    RfmPopulation,
    RfmResult,
    rfm_input,
    rfm_population,
    score_rfm,
)

REFERENCE = date(2024, 6, 30)
WINDOW_START = REFERENCE - timedelta(days=364)  # 2023-07-02, a 365-day window
NEVER = RfmInput(None, 0, Decimal(0))


def history(*orders: tuple[date, str]) -> PurchaseHistory:
    return PurchaseHistory(tuple(OrderFact(day, Decimal(total)) for day, total in orders))


def test_a_customer_who_never_ordered_has_no_recency_and_nothing_in_the_window() -> None:
    assert rfm_input(history(), REFERENCE, WINDOW_START) == NEVER


def test_recency_frequency_and_monetary_value_cover_the_window_with_refunds_netted() -> None:
    measures = rfm_input(
        history(
            (date(2023, 7, 1), "999.00"),  # the day before the window: not counted
            (WINDOW_START, "100.00"),  # the first day of the window counts
            (date(2024, 3, 1), "-20.00"),  # a refund counts against the spend
            (date(2024, 6, 20), "50.50"),
        ),
        REFERENCE,
        WINDOW_START,
    )

    # Last order Jun 20 → 10 days; 3 orders in the window; 100.00 − 20.00 + 50.50 = 130.50
    assert measures == RfmInput(10, 3, Decimal("130.50"))


def test_orders_only_before_the_window_give_a_recency_but_no_frequency_or_spend() -> None:
    measures = rfm_input(history((date(2022, 6, 30), "500.00")), REFERENCE, WINDOW_START)

    # 2022-06-30 → 2024-06-30 is 731 days (2024 is a leap year)
    assert measures == RfmInput(731, 0, Decimal(0))


def test_orders_after_the_reference_day_are_ignored() -> None:
    measures = rfm_input(
        history((date(2024, 6, 1), "80.00"), (date(2024, 7, 1), "1000.00")),
        REFERENCE,
        WINDOW_START,
    )
    only_later = rfm_input(history((date(2024, 7, 1), "1000.00")), REFERENCE, WINDOW_START)

    assert measures == RfmInput(29, 1, Decimal("80.00"))
    assert only_later == NEVER


def test_an_order_on_the_reference_day_is_zero_days_ago() -> None:
    assert rfm_input(history((REFERENCE, "1.00")), REFERENCE, WINDOW_START).recency_days == 0


def test_nobody_who_ever_ordered_means_no_population() -> None:
    assert rfm_population([]) is None
    assert rfm_population([NEVER, NEVER]) is None


# Seven buyers (n is not a multiple of 5) and one who never ordered.
SEVEN = [
    RfmInput(0, 1, Decimal("10.00")),
    RfmInput(10, 2, Decimal("20.00")),
    RfmInput(10, 2, Decimal("20.00")),
    RfmInput(30, 2, Decimal("30.00")),
    RfmInput(60, 3, Decimal("40.00")),
    RfmInput(90, 5, Decimal("50.00")),
    RfmInput(400, 8, Decimal("-5.00")),
    NEVER,
]


def test_cut_points_are_nearest_ranks_and_means_skip_customers_who_never_ordered() -> None:
    population = rfm_population(SEVEN)

    # n = 7; cut k is v[ceil(7k/5) − 1]: k=1 → v[1], k=2 → v[2], k=3 → v[4], k=4 → v[5]
    # recency sorted 0 10 10 30 60 90 400; frequency 1 2 2 2 3 5 8;
    # monetary −5 10 20 20 30 40 50.
    # Means: recency 600/7, frequency 23/7, monetary 165/7 (the non-buyer not counted).
    assert population == RfmPopulation(
        recency_borders=(10, 10, 60, 90),
        frequency_borders=(2, 2, 3, 5),
        monetary_borders=(Decimal("10.00"), Decimal("20.00"), Decimal("30.00"), Decimal("40.00")),
        mean_recency=Decimal(600) / 7,
        mean_frequency=Decimal(23) / 7,
        mean_monetary=Decimal("165.00") / 7,
        customers=7,
    )


@pytest.mark.parametrize(
    ("value", "scores"),
    [
        # R = 5 − borders below the recency; F and M = 1 + borders below the value.
        (RfmInput(0, 1, Decimal("-5.00")), (5, 1, 1)),
        # 10 days: no border strictly below → 5, like 0 days. 2 orders: no border
        # below 2 → 1, like 1 order (the border 2 falls among equal values).
        (RfmInput(10, 2, Decimal("10.00")), (5, 1, 1)),
        # 30 days: borders 10, 10 below → 3; 3 orders: 2, 2 below → 3; 20.00: 10 below → 2
        (RfmInput(30, 3, Decimal("20.00")), (3, 3, 2)),
        (RfmInput(60, 5, Decimal("30.00")), (3, 4, 3)),
        (RfmInput(90, 6, Decimal("40.00")), (2, 5, 4)),
        (RfmInput(400, 8, Decimal("50.00")), (1, 5, 5)),
    ],
)
def test_scores_count_the_borders_below_so_equal_values_score_equally(
    value: RfmInput, scores: tuple[int, int, int]
) -> None:
    population = rfm_population(SEVEN)
    assert population is not None

    result = score_rfm(value, population)

    assert result is not None
    assert (result.r_score, result.f_score, result.m_score) == scores


def test_every_buyer_of_the_population_gets_the_score_of_its_equals() -> None:
    population = rfm_population(SEVEN)
    assert population is not None

    results = [score_rfm(value, population) for value in SEVEN[:-1]]

    # Three customers with 2 orders score F 1 although the quintile of 2 would split
    # them; the two with (10 days, 2 orders, 20.00) are alike in every score.
    assert results[1] == results[2]
    assert [r.r_score for r in results if r] == [5, 5, 5, 3, 3, 2, 1]
    assert [r.f_score for r in results if r] == [1, 1, 1, 1, 3, 4, 5]
    assert [r.m_score for r in results if r] == [1, 2, 2, 3, 4, 5, 1]


def test_a_customer_who_never_ordered_has_no_scores() -> None:
    population = rfm_population(SEVEN)
    assert population is not None

    assert score_rfm(NEVER, population) is None


def test_when_everybody_is_equal_everybody_scores_alike_and_counts_as_above_average() -> None:
    same = RfmInput(20, 3, Decimal("99.90"))
    population = rfm_population([same] * 11)
    assert population is not None

    assert population.recency_borders == (20, 20, 20, 20)
    assert score_rfm(same, population) == RfmResult(5, 1, 1, ValueSegment.IMPORTANT_VALUE)


MEANS = RfmPopulation(
    recency_borders=(10, 20, 40, 80),
    frequency_borders=(1, 2, 3, 4),
    monetary_borders=(Decimal(100), Decimal(200), Decimal(300), Decimal(400)),
    mean_recency=Decimal(30),
    mean_frequency=Decimal("2.5"),
    mean_monetary=Decimal(250),
    customers=50,
)


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        # R↑ means recency at most the mean (30 days); F↑ at least 2.5; M↑ at least 250.
        (RfmInput(30, 3, Decimal(250)), ValueSegment.IMPORTANT_VALUE),
        (RfmInput(5, 2, Decimal(900)), ValueSegment.IMPORTANT_DEVELOP),
        (RfmInput(31, 9, Decimal(300)), ValueSegment.IMPORTANT_KEEP),
        (RfmInput(200, 0, Decimal(250)), ValueSegment.IMPORTANT_RETAIN),
        (RfmInput(0, 3, Decimal("249.99")), ValueSegment.GENERAL_VALUE),
        (RfmInput(29, 2, Decimal(0)), ValueSegment.GENERAL_DEVELOP),
        (RfmInput(31, 3, Decimal(-10)), ValueSegment.GENERAL_KEEP),
        (RfmInput(365, 1, Decimal(10)), ValueSegment.GENERAL_RETAIN),
    ],
)
def test_each_axis_against_its_mean_gives_one_of_the_eight_segments(
    value: RfmInput, segment: ValueSegment
) -> None:
    result = score_rfm(value, MEANS)

    assert result is not None
    assert result.segment is segment


def test_a_population_survives_a_json_round_trip_exactly() -> None:
    population = rfm_population(SEVEN)
    assert population is not None

    stored = json.loads(json.dumps(population.to_json()))

    assert stored["mean_monetary"] == str(Decimal("165.00") / 7)
    assert RfmPopulation.from_json(stored) == population


@pytest.mark.parametrize(
    "value",
    [None, [], {"customers": 3}, {**MEANS.to_json(), "mean_recency": "thirty"}],
)
def test_something_that_is_not_a_stored_population_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="not an RFM population"):
        RfmPopulation.from_json(value)
