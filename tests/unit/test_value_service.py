"""The value settings, and one customer's value report computed live."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Complaint, Customer, Interaction, Order, SurveyResponse
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    ReferenceDateMode,
    ScoreComponent,
    SurveyKind,
)
from crmdesk.domain.errors import NotFoundError, ValidationError
from crmdesk.domain.value_settings import ScorecardWeights, ValueSettings
from crmdesk.services.value import ValueService

TODAY = START.date()


@pytest.fixture
def service(database: Database) -> ValueService:
    return ValueService(database, TestClock())


def test_settings_are_the_defaults_until_saved_and_come_back_as_saved(
    service: ValueService,
) -> None:
    assert service.settings() == ValueSettings()
    chosen = ValueSettings(
        window_days=180,
        reference_mode=ReferenceDateMode.CHOSEN,
        reference_date=date(2024, 1, 31),
        margin=Decimal("0.4"),
        discount_rate=Decimal("0.08"),
        weights=ScorecardWeights(purchase_power=50, loyalty=0),
    )
    assert service.save_settings(chosen) == chosen
    assert service.settings() == chosen


def test_settings_that_cannot_give_figures_are_refused_and_not_stored(
    service: ValueService,
) -> None:
    with pytest.raises(ValidationError) as caught:
        service.save_settings(ValueSettings(window_days=5, margin=Decimal(0)))
    assert set(caught.value.problems) == {"window_days", "margin"}
    assert service.settings() == ValueSettings()


def test_a_chosen_reference_date_ends_the_window_there(
    database: Database, service: ValueService
) -> None:
    customer_id = add_customer(database)
    for day, total in ((date(2023, 12, 1), 10_000), (date(2024, 2, 1), 20_000)):
        _write(database, _order(customer_id, day, total))
    service.save_settings(
        ValueSettings(reference_mode=ReferenceDateMode.CHOSEN, reference_date=date(2024, 1, 1))
    )

    report = service.report(customer_id)

    assert report.reference_day == date(2024, 1, 1)
    assert report.history.order_count == 1  # the February order lies after it
    assert report.rfm_input.recency_days == 31


def test_before_any_recompute_the_report_has_no_rfm_scores_and_a_coin_toss_retention(
    database: Database, service: ValueService
) -> None:
    customer_id = add_customer(database)
    _write(database, _order(customer_id, TODAY - timedelta(days=10), 12_345))

    report = service.report(customer_id)

    assert report.last_run is None and report.population is None and report.rfm is None
    assert report.rfm_input.recency_days == 10
    assert report.history.total_spend == Decimal("123.45")
    assert report.clv.retention == Decimal("0.5")
    assert report.suggestion.stage is LifecycleStage.FORMATION
    assert report.stage is LifecycleStage.EXPLORATION and not report.stage_pinned
    assert report.settings == ValueSettings()


def test_the_report_counts_complaints_conversations_referrals_and_survey_answers(
    database: Database, service: ValueService
) -> None:
    customer_id = add_customer(database, "王老板")
    _write(database, _order(customer_id, TODAY - timedelta(days=3), 100_000))
    for name in ("推荐一", "推荐二"):
        referred = add_customer(database, name)
        _set_referrer(database, referred, customer_id)
    _set_referrer(database, add_customer(database, "已删除", deleted=True), customer_id)
    _write(database, _interaction(customer_id), _interaction(customer_id), _complaint(customer_id))
    _write(
        database,
        _survey(customer_id, SurveyKind.CSAT, 5),  # 1.0 on the 0–1 scale
        _survey(customer_id, SurveyKind.NPS, 6),  # 0.6
    )
    deleted_call = _interaction(customer_id)
    _write(database, deleted_call)
    set_deleted(database, Interaction, deleted_call.id)

    facts = service.report(customer_id).facts

    assert (facts.complaint_count, facts.interaction_count, facts.referrals_made) == (1, 2, 2)
    assert facts.survey_score == Decimal("0.8")
    assert (facts.order_count, facts.revenue) == (1, Decimal("1000.00"))


def test_the_report_shows_a_pinned_stage_and_the_weights_of_the_settings(
    database: Database, service: ValueService
) -> None:
    customer_id = add_customer(database)
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.lifecycle_stage, customer.stage_pinned = LifecycleStage.STABILITY, True
        uow.commit()
    service.save_settings(ValueSettings(weights=ScorecardWeights(loyalty=60)))

    report = service.report(customer_id)

    assert (report.stage, report.stage_pinned) == (LifecycleStage.STABILITY, True)
    assert report.suggestion.stage is LifecycleStage.EXPLORATION
    weights = {item.component: item.weight for item in report.scorecard.components}
    assert weights[ScoreComponent.LOYALTY] == 60


def test_the_report_of_a_missing_or_deleted_customer_is_refused(
    database: Database, service: ValueService
) -> None:
    with pytest.raises(NotFoundError):
        service.report(uuid.uuid4())
    with pytest.raises(NotFoundError):
        service.report(add_customer(database, deleted=True))


def _write(database: Database, *rows: object) -> None:
    with database.unit_of_work() as uow:
        uow.session.add_all(rows)
        uow.commit()


def _set_referrer(database: Database, customer_id: uuid.UUID, referrer: uuid.UUID) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.referred_by_id = referrer
        uow.commit()


def _order(customer_id: uuid.UUID, day: date, total_minor: int) -> Order:
    return Order(
        number=f"DD-{uuid.uuid4().hex[:8]}",
        customer_id=customer_id,
        status=OrderStatus.OPEN,
        ordered_on=day,
        total_minor=total_minor,
    )


def _interaction(customer_id: uuid.UUID) -> Interaction:
    return Interaction(
        id=uuid.uuid4(),
        customer_id=customer_id,
        kind=InteractionKind.CALL,
        occurred_at=START,
        subject="回访",
    )


def _complaint(customer_id: uuid.UUID) -> Complaint:
    return Complaint(
        number="TS-1",
        customer_id=customer_id,
        category=ComplaintCategory.DELIVERY,
        severity=ComplaintSeverity.LOW,
        status=ComplaintStatus.NEW,
        title="发货慢",
        received_at=START,
        due_at=START + timedelta(days=2),
    )


def _survey(customer_id: uuid.UUID, kind: SurveyKind, score: int) -> SurveyResponse:
    return SurveyResponse(customer_id=customer_id, kind=kind, score=score, responded_at=START)
