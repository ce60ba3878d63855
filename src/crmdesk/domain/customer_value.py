"""One customer's value figures put together from the pure maths: RFM, lifetime value,
suggested lifecycle stage and scorecard, in two steps.

The first step needs only the customer's own history; the second scores the result
against the population of all customers. A recomputation of every customer runs the
first step while reading each history and keeps only its small result, so that the
histories of a million orders need not all stay in memory until the population is known.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from crmdesk.domain.clv import DEFAULT_RETENTION, ClvEstimate, estimate_clv
from crmdesk.domain.enums import Grade, LifecycleStage
from crmdesk.domain.lifecycle import StageSuggestion, suggest_stage
from crmdesk.domain.purchase_history import PurchaseHistory
from crmdesk.domain.rfm import RfmInput, RfmPopulation, RfmResult, rfm_input, score_rfm
from crmdesk.domain.scorecard import (
    PaymentRecord,
    Scorecard,
    ScorecardFacts,
    payment_record,
    score_and_grade,
    scorecard,
)
from crmdesk.domain.value_settings import ScorecardWeights, ValueSettings


@dataclass(frozen=True)
class ValueRunSummary:
    """One recomputation of every customer's figures."""

    reference_day: date
    window_days: int
    customers: int
    buyers: int  # customers with at least one order up to the reference day
    stage_changes: int  # unpinned customers whose stage the suggestion changed
    seconds: float
    computed_at: datetime


@dataclass(frozen=True)
class LastRun:
    """The last recomputation with what a single customer is scored against since."""

    summary: ValueRunSummary
    population: RfmPopulation | None  # None when nobody had ordered
    retention: Decimal


@dataclass(frozen=True, slots=True)
class ContactCounts:
    """A customer's facts beyond the orders, as the scorecard needs them."""

    complaints: int = 0
    interactions: int = 0
    referrals_made: int = 0  # live customers this one referred
    survey_score: Decimal | None = None  # mean answer on a 0–1 scale


NO_CONTACTS = ContactCounts()


@dataclass(frozen=True, slots=True)
class HistoryFigures:
    """What a customer's own history gives, before scoring against the population."""

    rfm_input: RfmInput
    suggestion: StageSuggestion
    clv: ClvEstimate
    payment: PaymentRecord
    order_count: int
    revenue: Decimal
    contacts: ContactCounts


@dataclass(frozen=True, slots=True)
class ScoredFigures:
    rfm: RfmResult | None
    facts: ScorecardFacts
    scorecard: Scorecard


def history_figures(
    history: PurchaseHistory,
    contacts: ContactCounts,
    settings: ValueSettings,
    reference_day: date,
    retention: Decimal,
) -> HistoryFigures:
    """The first step: RFM measures, stage suggestion, lifetime value, payment record."""
    return HistoryFigures(
        rfm_input=rfm_input(history, reference_day, settings.window_start(reference_day)),
        suggestion=suggest_stage(history, reference_day),
        clv=estimate_clv(
            history, reference_day, retention, settings.margin, settings.discount_rate
        ),
        payment=payment_record(history, reference_day),
        order_count=history.order_count,
        revenue=history.total_spend,
        contacts=contacts,
    )


def scored_figures(
    figures: HistoryFigures, population: RfmPopulation | None, weights: ScorecardWeights
) -> ScoredFigures:
    """The second step: RFM scores and segment, then the scorecard that uses them."""
    rfm = _scored_rfm(figures, population)
    facts = scorecard_facts(figures, rfm)
    return ScoredFigures(rfm, facts, scorecard(facts, weights))


@dataclass(frozen=True, slots=True)
class StoredScores:
    """The second step as stored for every customer: no wording of the components."""

    rfm: RfmResult | None
    score: int
    grade: Grade


def stored_scores(
    figures: HistoryFigures, population: RfmPopulation | None, weights: ScorecardWeights
) -> StoredScores:
    """`scored_figures` without the scorecard's words, which a recomputation of every
    customer would spend a fifth of its time on only to throw away."""
    rfm = _scored_rfm(figures, population)
    score, grade = score_and_grade(scorecard_facts(figures, rfm), weights)
    return StoredScores(rfm, score, grade)


def _scored_rfm(figures: HistoryFigures, population: RfmPopulation | None) -> RfmResult | None:
    return score_rfm(figures.rfm_input, population) if population is not None else None


def scorecard_facts(figures: HistoryFigures, rfm: RfmResult | None) -> ScorecardFacts:
    contacts = figures.contacts
    return ScorecardFacts(
        m_score=rfm.m_score if rfm is not None else None,
        average_days_late=figures.payment.average_days_late,
        overdue_balance=figures.payment.overdue_balance,
        order_count=figures.order_count,
        complaint_count=contacts.complaints,
        interaction_count=contacts.interactions,
        revenue=figures.revenue,
        referrals_made=contacts.referrals_made,
        survey_score=contacts.survey_score,
    )


@dataclass(frozen=True)
class CustomerValueReport:
    """Everything the profile shows about one customer's value, with the inputs."""

    customer_id: uuid.UUID
    reference_day: date
    history: PurchaseHistory
    rfm_input: RfmInput
    rfm: RfmResult | None  # None before the first recomputation or without orders
    population: RfmPopulation | None
    clv: ClvEstimate
    suggestion: StageSuggestion
    stage: LifecycleStage
    stage_pinned: bool
    scorecard: Scorecard
    facts: ScorecardFacts
    settings: ValueSettings
    last_run: ValueRunSummary | None


def value_report(
    customer_id: uuid.UUID,
    history: PurchaseHistory,
    contacts: ContactCounts,
    settings: ValueSettings,
    reference_day: date,
    stage: tuple[LifecycleStage, bool],
    last_run: LastRun | None,
) -> CustomerValueReport:
    """One customer's figures against the last run's population (`stage`: the stored
    stage and whether it is pinned)."""
    population = last_run.population if last_run is not None else None
    retention = last_run.retention if last_run is not None else DEFAULT_RETENTION
    figures = history_figures(history, contacts, settings, reference_day, retention)
    scored = scored_figures(figures, population, settings.weights)
    return CustomerValueReport(
        customer_id=customer_id,
        reference_day=reference_day,
        history=history,
        rfm_input=figures.rfm_input,
        rfm=scored.rfm,
        population=population,
        clv=figures.clv,
        suggestion=figures.suggestion,
        stage=stage[0],
        stage_pinned=stage[1],
        scorecard=scored.scorecard,
        facts=scored.facts,
        settings=settings,
        last_run=last_run.summary if last_run is not None else None,
    )
