"""The scorecard: the facts behind payment and surveys, each component with its clamps and
words, the weighted total and the grade."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from crmdesk.domain.enums import Grade, ScoreComponent, SurveyKind
from crmdesk.domain.purchase_history import OrderFact, PurchaseHistory
from crmdesk.domain.scorecard import (
    PaymentRecord,
    ScorecardFacts,
    grade_of,
    payment_record,
    score_and_grade,
    scorecard,
    survey_score,
)
from crmdesk.domain.value_settings import ScorecardWeights

REFERENCE = date(2024, 6, 30)
DEFAULT_WEIGHTS = ScorecardWeights()  # 30, 20, 15, 10, 25
TYPICAL = ScorecardFacts(
    m_score=4,
    average_days_late=Decimal("5.25"),
    overdue_balance=Decimal(0),
    order_count=4,
    complaint_count=1,
    interaction_count=3,
    revenue=Decimal("8000.00"),
    referrals_made=1,
    survey_score=Decimal("0.8"),
)
# Nothing known at all: a customer who has only just been entered.
BLANK = ScorecardFacts(
    m_score=None,
    average_days_late=None,
    overdue_balance=Decimal(0),
    order_count=0,
    complaint_count=0,
    interaction_count=0,
    revenue=Decimal(0),
    referrals_made=0,
    survey_score=None,
)


def only(component: ScoreComponent) -> ScorecardWeights:
    """Weights that let one component decide the total."""
    return ScorecardWeights(**{item.value: int(item is component) for item in ScoreComponent})


def score_of(facts: ScorecardFacts, component: ScoreComponent) -> int:
    return scorecard(facts, only(component)).total


def test_each_component_shows_its_score_weight_and_inputs_and_the_total_weighs_them() -> None:
    card = scorecard(TYPICAL, DEFAULT_WEIGHTS)

    rows = [(c.component, c.score, c.weight, c.detail.message) for c in card.components]
    assert rows == [
        # 20 × 4
        (ScoreComponent.PURCHASE_POWER, 80, 30, "Monetary score 4 of 5."),
        # 100 − 2 × 5.25 = 89.5 → 90
        (
            ScoreComponent.PAYMENT_TIMELINESS,
            90,
            20,
            "5.25 days late on average; 0.00 overdue.",
        ),
        # 100 − 50 × 1 / 4 = 87.5 → 88
        (ScoreComponent.COMPLAINT_RATE, 88, 15, "1 complaint(s) over 4 order(s)."),
        # (3 + 1) contacts × 10,000 / 8000.00 = 5 → 100 − 5 × 5 = 75
        (ScoreComponent.SERVICE_COST, 75, 10, "5.00 contact(s) per 10,000 of revenue."),
        # 50 × 3/4 + 10 × 1 + 30 × 0.8 = 37.5 + 10 + 24 = 71.5 → 72
        (
            ScoreComponent.LOYALTY,
            72,
            25,
            "Repurchase rate 75 %, 1 referral(s), survey score 80 %.",
        ),
    ]
    # (80×30 + 90×20 + 88×15 + 75×10 + 72×25) / 100 = 8070 / 100 = 80.7 → 81
    assert (card.total, card.grade) == (81, Grade.A)


def test_a_customer_with_nothing_known_scores_neutral_where_nothing_is_wrong() -> None:
    card = scorecard(BLANK, DEFAULT_WEIGHTS)

    rows = [(c.score, c.detail.message) for c in card.components]
    assert rows == [
        (0, "No monetary score yet."),
        (100, "No payment has fallen due yet."),
        (100, "0 complaint(s) over 0 order(s)."),
        (100, "No interactions or complaints."),
        (15, "Repurchase rate 0 %, 0 referral(s), no survey answers."),  # 30 × 0.5
    ]
    # (0×30 + 100×20 + 100×15 + 100×10 + 15×25) / 100 = 48.75 → 49
    assert (card.total, card.grade) == (49, Grade.C)


@pytest.mark.parametrize(("m_score", "score"), [(None, 0), (1, 20), (5, 100)])
def test_purchase_power_is_twenty_points_per_monetary_score(
    m_score: int | None, score: int
) -> None:
    assert score_of(replace(TYPICAL, m_score=m_score), ScoreComponent.PURCHASE_POWER) == score


@pytest.mark.parametrize(
    ("late", "overdue", "score"),
    [
        (None, "0", 100),  # no due dates at all
        (Decimal(0), "0", 100),  # always on time
        (Decimal(0), "0.01", 70),  # on time so far, but something is overdue now
        (Decimal(20), "500.00", 30),  # 100 − 40 − 30
        (Decimal(50), "0", 0),  # 100 − 100
        (Decimal(60), "500.00", 0),  # 100 − 120 − 30, clamped
    ],
)
def test_payment_timeliness_loses_two_points_a_day_late_and_thirty_for_an_overdue_balance(
    late: Decimal | None, overdue: str, score: int
) -> None:
    facts = replace(TYPICAL, average_days_late=late, overdue_balance=Decimal(overdue))

    assert score_of(facts, ScoreComponent.PAYMENT_TIMELINESS) == score


@pytest.mark.parametrize(
    ("complaints", "orders", "score"),
    [(0, 0, 100), (1, 2, 75), (2, 1, 0), (3, 0, 0), (1, 3, 83)],  # 100 − 50/3 = 83.3
)
def test_complaint_rate_loses_fifty_points_per_complaint_per_order(
    complaints: int, orders: int, score: int
) -> None:
    facts = replace(TYPICAL, complaint_count=complaints, order_count=orders, interaction_count=0)

    assert score_of(facts, ScoreComponent.COMPLAINT_RATE) == score


@pytest.mark.parametrize(
    ("interactions", "complaints", "revenue", "score", "detail"),
    [
        (0, 0, "0", 100, "No interactions or complaints."),
        (1, 0, "0", 0, "1 contact(s) and no revenue."),
        (0, 2, "-50.00", 0, "2 contact(s) and no revenue."),
        (1, 0, "20000.00", 98, "0.50 contact(s) per 10,000 of revenue."),  # 100 − 2.5 → 97.5
        (30, 0, "10000.00", 0, "30.00 contact(s) per 10,000 of revenue."),  # 100 − 150
        (2, 1, "7000.00", 79, "4.29 contact(s) per 10,000 of revenue."),  # 100 − 21.43
    ],
)
def test_service_cost_loses_five_points_per_contact_per_ten_thousand_of_revenue(
    interactions: int, complaints: int, revenue: str, score: int, detail: str
) -> None:
    facts = replace(
        TYPICAL,
        interaction_count=interactions,
        complaint_count=complaints,
        revenue=Decimal(revenue),
    )

    component = scorecard(facts, DEFAULT_WEIGHTS).components[3]

    assert (component.component, component.score, component.detail.message) == (
        ScoreComponent.SERVICE_COST,
        score,
        detail,
    )


@pytest.mark.parametrize(
    ("orders", "referrals", "survey", "score"),
    [
        (0, 0, None, 15),  # 0 + 0 + 30 × 0.5
        (1, 0, Decimal(0), 0),  # one order is no repurchase; the worst answers
        (2, 1, Decimal("0.5"), 50),  # 25 + 10 + 15
        (2, 7, None, 60),  # 25 + 20 (referrals count up to 2) + 15
        (200, 3, Decimal(1), 100),  # 49.75 + 20 + 30 = 99.75 → 100
    ],
)
def test_loyalty_weighs_repurchase_rate_referrals_and_survey_answers(
    orders: int, referrals: int, survey: Decimal | None, score: int
) -> None:
    facts = replace(TYPICAL, order_count=orders, referrals_made=referrals, survey_score=survey)

    assert score_of(facts, ScoreComponent.LOYALTY) == score


def test_a_weight_of_zero_leaves_a_component_shown_but_out_of_the_total() -> None:
    weights = ScorecardWeights(
        purchase_power=1, payment_timeliness=0, complaint_rate=0, service_cost=0, loyalty=1
    )

    card = scorecard(BLANK, weights)

    assert [c.weight for c in card.components] == [1, 0, 0, 0, 1]
    assert [c.score for c in card.components] == [0, 100, 100, 100, 15]
    # (0 + 15) / 2 = 7.5 → 8
    assert (card.total, card.grade) == (8, Grade.D)


def test_with_every_weight_zero_the_components_count_equally() -> None:
    weights = ScorecardWeights(0, 0, 0, 0, 0)

    # (80 + 90 + 88 + 75 + 72) / 5 = 81
    assert scorecard(TYPICAL, weights).total == 81


@pytest.mark.parametrize(
    ("m_score", "grade"), [(5, Grade.A), (4, Grade.A), (3, Grade.B), (2, Grade.C), (1, Grade.D)]
)
def test_the_grade_follows_the_total(m_score: int, grade: Grade) -> None:
    card = scorecard(replace(TYPICAL, m_score=m_score), only(ScoreComponent.PURCHASE_POWER))

    assert card.grade is grade


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (100, Grade.A),
        (80, Grade.A),
        (79, Grade.B),
        (60, Grade.B),
        (59, Grade.C),
        (40, Grade.C),
        (39, Grade.D),
        (0, Grade.D),
    ],
)
def test_grade_borders_are_80_60_and_40(total: int, grade: Grade) -> None:
    assert grade_of(total) is grade


@pytest.mark.parametrize(
    "facts",
    [
        TYPICAL,
        BLANK,
        replace(TYPICAL, m_score=2, average_days_late=Decimal("33.3"), revenue=Decimal(-1)),
    ],
)
@pytest.mark.parametrize(
    "weights", [DEFAULT_WEIGHTS, ScorecardWeights(0, 0, 0, 0, 0), ScorecardWeights(1, 2, 3, 4, 5)]
)
def test_the_quick_total_agrees_with_the_full_scorecard(
    facts: ScorecardFacts, weights: ScorecardWeights
) -> None:
    card = scorecard(facts, weights)

    assert score_and_grade(facts, weights) == (card.total, card.grade)


def test_days_late_count_payment_or_the_reference_day_and_unpaid_past_due_is_overdue() -> None:
    history = PurchaseHistory(
        (
            # due Jun 1, paid Jun 11: 10 days late
            OrderFact(date(2024, 5, 1), Decimal("100.00"), date(2024, 6, 1), date(2024, 6, 11)),
            # paid before the due day: 0 days late, not −5
            OrderFact(date(2024, 5, 2), Decimal("200.00"), date(2024, 6, 10), date(2024, 6, 5)),
            # unpaid, due Jun 10: 20 days late on Jun 30, and overdue
            OrderFact(date(2024, 5, 3), Decimal("300.00"), date(2024, 6, 10)),
            # unpaid and due on the reference day itself: counted, 0 days late, not overdue
            OrderFact(date(2024, 5, 4), Decimal("600.00"), date(2024, 6, 30)),
            # not yet due, and no due day at all: neither counts
            OrderFact(date(2024, 6, 20), Decimal("400.00"), date(2024, 7, 15)),
            OrderFact(date(2024, 6, 21), Decimal("500.00")),
        )
    )

    # (10 + 0 + 20 + 0) / 4 = 7.50; overdue 300.00
    assert payment_record(history, REFERENCE) == PaymentRecord(Decimal("7.50"), Decimal("300.00"))


def test_without_a_due_payment_there_is_no_lateness_to_average() -> None:
    history = PurchaseHistory(
        (
            OrderFact(date(2024, 6, 1), Decimal("10.00")),
            OrderFact(date(2024, 6, 2), Decimal("10.00"), date(2024, 7, 1)),
        )
    )

    assert payment_record(history, REFERENCE) == PaymentRecord(None, Decimal(0))
    assert payment_record(PurchaseHistory(()), REFERENCE) == PaymentRecord(None, Decimal(0))


def test_survey_answers_are_put_on_one_scale_and_averaged() -> None:
    # CSAT 5 → 1, CSAT 1 → 0, NPS 7 → 0.7: (1 + 0 + 0.7) / 3
    answers = [(SurveyKind.CSAT, 5), (SurveyKind.CSAT, 1), (SurveyKind.NPS, 7)]

    assert survey_score(answers) == Decimal("1.7") / 3
    assert survey_score([(SurveyKind.CSAT, 3), (SurveyKind.NPS, 10)]) == Decimal("0.75")
    assert survey_score([]) is None
