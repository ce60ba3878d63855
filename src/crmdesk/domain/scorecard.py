"""The "good customer" scorecard: five components scored 0–100, their weighted mean, and
a letter grade. Each component says in words which inputs gave its score."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crmdesk.domain.enums import Grade, ScoreComponent, SurveyKind
from crmdesk.domain.errors import Problem
from crmdesk.domain.purchase_history import PurchaseHistory, amount_text, round_half_up
from crmdesk.domain.value_settings import ScorecardWeights

MAX_SCORE = 100
# The lowest total of each grade, best first; below the last one is D.
GRADE_FLOORS = ((80, Grade.A), (60, Grade.B), (40, Grade.C))
POINTS_PER_M_SCORE = 20
POINTS_PER_DAY_LATE = 2
OVERDUE_PENALTY = 30
COMPLAINT_PENALTY = 50  # per complaint per order
REVENUE_UNIT = 10_000  # service cost counts contacts per this much revenue
POINTS_PER_CONTACT_COST = 5
REPURCHASE_POINTS = 50
POINTS_PER_REFERRAL = 10
MAX_REFERRAL_POINTS = 20
SURVEY_POINTS = 30
NEUTRAL_SURVEY = Decimal("0.5")  # no answers: neither praise nor blame
_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class ScorecardFacts:
    """What the scorecard is computed from, gathered for one customer."""

    m_score: int | None  # RFM monetary score 1–5; None without one
    average_days_late: Decimal | None  # None when no payment has fallen due
    overdue_balance: Decimal
    order_count: int
    complaint_count: int
    interaction_count: int
    revenue: Decimal
    referrals_made: int
    survey_score: Decimal | None  # mean answer on a 0–1 scale; None without answers


@dataclass(frozen=True, slots=True)
class ComponentScore:
    component: ScoreComponent
    score: int  # 0–100
    weight: int
    detail: Problem


@dataclass(frozen=True, slots=True)
class Scorecard:
    components: tuple[ComponentScore, ...]
    total: int  # 0–100
    grade: Grade


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """How a customer pays, the inputs of the payment timeliness component."""

    average_days_late: Decimal | None
    overdue_balance: Decimal


def payment_record(history: PurchaseHistory, reference_day: date) -> PaymentRecord:
    """Days late per order with a due date that is paid or already due, counting the
    payment day or, while unpaid, the reference day (early payment is 0 days late); the
    overdue balance is what unpaid orders due before the reference day still owe."""
    late_days = 0
    counted = 0
    overdue = _ZERO
    for order in history.orders:
        due = order.payment_due_on
        if due is None:
            continue
        paid = order.paid_on
        if paid is None:
            if due > reference_day:
                continue
            if due < reference_day:
                overdue += order.total
        counted += 1
        late_days += max(0, ((paid or reference_day) - due).days)
    average = round_half_up(Decimal(late_days) / counted, _HUNDREDTH) if counted else None
    return PaymentRecord(average, overdue)


def survey_score(answers: Iterable[tuple[SurveyKind, int]]) -> Decimal | None:
    """The mean answer on a 0–1 scale (CSAT 1–5 as (s − 1) / 4, NPS 0–10 as s / 10); None
    without answers."""
    total = _ZERO
    count = 0
    for kind, score in answers:
        total += Decimal(score - 1) / 4 if kind is SurveyKind.CSAT else Decimal(score) / 10
        count += 1
    return total / count if count else None


def scorecard(facts: ScorecardFacts, weights: ScorecardWeights) -> Scorecard:
    """Each component with its score, weight and the inputs in words; the total and grade
    as `score_and_grade` gives them."""
    scores = _component_scores(facts)
    details = (
        _purchase_power_detail(facts),
        _payment_timeliness_detail(facts),
        _complaint_rate_detail(facts),
        _service_cost_detail(facts),
        _loyalty_detail(facts),
    )
    weight_list = _weights(weights)
    total = _weighted_mean(scores, weight_list)
    return Scorecard(
        tuple(map(ComponentScore, ScoreComponent, scores, weight_list, details)),
        total,
        grade_of(total),
    )


def score_and_grade(facts: ScorecardFacts, weights: ScorecardWeights) -> tuple[int, Grade]:
    """Only the total and grade of `scorecard`, for recomputing every customer at once
    without wording each component."""
    total = _weighted_mean(_component_scores(facts), _weights(weights))
    return total, grade_of(total)


def grade_of(total: int) -> Grade:
    """A from 80 points, B from 60, C from 40, D below."""
    for floor, grade in GRADE_FLOORS:
        if total >= floor:
            return grade
    return Grade.D


def _weights(weights: ScorecardWeights) -> tuple[int, ...]:
    """The weights in the order of ScoreComponent."""
    return (
        weights.purchase_power,
        weights.payment_timeliness,
        weights.complaint_rate,
        weights.service_cost,
        weights.loyalty,
    )


def _weighted_mean(scores: tuple[int, ...], weights: tuple[int, ...]) -> int:
    """Rounded half up; with every weight zero (settings refuse it) scores count equally."""
    weight_sum = sum(weights)
    if weight_sum:
        points = sum(score * weight for score, weight in zip(scores, weights, strict=True))
    else:
        points, weight_sum = sum(scores), len(scores)
    return (2 * points + weight_sum) // (2 * weight_sum)


def _component_scores(facts: ScorecardFacts) -> tuple[int, ...]:
    """The five scores 0–100, in the order of ScoreComponent."""
    m_score = facts.m_score
    late = facts.average_days_late
    payment = Decimal(MAX_SCORE) - (OVERDUE_PENALTY if facts.overdue_balance > 0 else 0)
    if late is not None:
        payment -= POINTS_PER_DAY_LATE * late
    orders = facts.order_count
    complaints = facts.complaint_count
    contacts = facts.interaction_count + complaints
    revenue = facts.revenue
    if contacts == 0:
        service = MAX_SCORE
    elif revenue <= 0:
        service = 0
    else:
        service = _clamp(MAX_SCORE - POINTS_PER_CONTACT_COST * contacts * REVENUE_UNIT / revenue)
    survey = facts.survey_score
    loyalty = (
        REPURCHASE_POINTS * _repurchase_rate(orders)
        + min(MAX_REFERRAL_POINTS, POINTS_PER_REFERRAL * facts.referrals_made)
        + SURVEY_POINTS * (NEUTRAL_SURVEY if survey is None else survey)
    )
    return (
        0 if m_score is None else min(MAX_SCORE, POINTS_PER_M_SCORE * m_score),
        _clamp(payment),
        _clamp(MAX_SCORE - COMPLAINT_PENALTY * Decimal(complaints) / max(orders, 1)),
        service,
        _clamp(loyalty),
    )


def _repurchase_rate(orders: int) -> Decimal:
    """The share of orders that were repeat purchases: (orders − 1) / orders."""
    return Decimal(orders - 1) / orders if orders > 0 else _ZERO


def _purchase_power_detail(facts: ScorecardFacts) -> Problem:
    if facts.m_score is None:
        return Problem("No monetary score yet.")
    return Problem("Monetary score {score} of 5.", {"score": facts.m_score})


def _payment_timeliness_detail(facts: ScorecardFacts) -> Problem:
    if facts.average_days_late is None:
        return Problem("No payment has fallen due yet.")
    return Problem(
        "{days} days late on average; {balance} overdue.",
        {"days": str(facts.average_days_late), "balance": amount_text(facts.overdue_balance)},
    )


def _complaint_rate_detail(facts: ScorecardFacts) -> Problem:
    return Problem(
        "{complaints} complaint(s) over {orders} order(s).",
        {"complaints": facts.complaint_count, "orders": facts.order_count},
    )


def _service_cost_detail(facts: ScorecardFacts) -> Problem:
    contacts = facts.interaction_count + facts.complaint_count
    if contacts == 0:
        return Problem("No interactions or complaints.")
    if facts.revenue <= 0:
        return Problem("{contacts} contact(s) and no revenue.", {"contacts": contacts})
    cost = round_half_up(contacts * REVENUE_UNIT / facts.revenue, _HUNDREDTH)
    return Problem("{cost} contact(s) per 10,000 of revenue.", {"cost": str(cost)})


def _loyalty_detail(facts: ScorecardFacts) -> Problem:
    rate = _percent(_repurchase_rate(facts.order_count))
    referrals = facts.referrals_made
    if facts.survey_score is None:
        return Problem(
            "Repurchase rate {rate} %, {referrals} referral(s), no survey answers.",
            {"rate": rate, "referrals": referrals},
        )
    return Problem(
        "Repurchase rate {rate} %, {referrals} referral(s), survey score {survey} %.",
        {"rate": rate, "referrals": referrals, "survey": _percent(facts.survey_score)},
    )


def _clamp(score: Decimal) -> int:
    """A score rounded half up to a whole point, within 0–100."""
    return min(MAX_SCORE, max(0, int(round_half_up(score, _ONE))))


def _percent(share: Decimal) -> int:
    return int(round_half_up(100 * share, _ONE))
