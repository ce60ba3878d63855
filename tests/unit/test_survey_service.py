"""Recording, listing and summing up satisfaction surveys on a real database file."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, SurveyKind
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.surveys import (
    MonthlySatisfaction,
    SurveyDraft,
    normalised_score,
    tally_nps,
)
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.surveys import SurveyService

CSAT, NPS = SurveyKind.CSAT, SurveyKind.NPS


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> SurveyService:
    return SurveyService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


def answer(
    customer_id: uuid.UUID, kind: SurveyKind, score: int, when: datetime = START, **extra: object
) -> SurveyDraft:
    return SurveyDraft(customer_id, kind, score, when, **extra)  # type: ignore[arg-type]


def noon(day: date) -> datetime:
    """Noon UTC: the same calendar day in the time zones test machines use."""
    return START.replace(year=day.year, month=day.month, day=day.day)


def test_a_recorded_answer_is_listed_newest_first_with_its_complaint_number(
    service: SurveyService, database: Database, customer_id: uuid.UUID
) -> None:
    complaint = ComplaintService(database, TestClock(START - timedelta(days=3))).open(
        ComplaintDraft(
            customer_id, ComplaintCategory.PRODUCT_QUALITY, ComplaintSeverity.HIGH, "破损"
        )
    )
    service.record(answer(customer_id, NPS, 9, START - timedelta(days=2)))
    recorded = service.record(
        answer(customer_id, CSAT, 4, START - timedelta(hours=1), comment="  处理及时  ")
    )
    linked = service.record(
        answer(customer_id, CSAT, 2, START - timedelta(days=1), complaint_id=complaint.id)
    )

    listed = service.responses(customer_id)

    assert [(r.kind, r.score) for r in listed] == [(CSAT, 4), (CSAT, 2), (NPS, 9)]
    assert listed[0] == recorded
    assert recorded.comment == "处理及时"
    assert linked.complaint_number == complaint.number
    assert listed[1].complaint_number == complaint.number
    assert listed[2].complaint_number is None


@pytest.mark.parametrize(
    ("kind", "score", "accepted"),
    [
        *[(CSAT, 6, False), (CSAT, 0, False), (CSAT, 1, True), (CSAT, 5, True)],
        *[(NPS, -1, False), (NPS, 11, False), (NPS, 0, True), (NPS, 10, True)],
    ],
)
def test_scores_outside_the_scale_of_their_kind_are_refused(
    service: SurveyService, customer_id: uuid.UUID, kind: SurveyKind, score: int, accepted: bool
) -> None:
    if accepted:
        assert service.record(answer(customer_id, kind, score)).score == score
        return
    with pytest.raises(ValidationError) as refused:
        service.record(answer(customer_id, kind, score))
    assert refused.value.problems["score"].template == "The score is from {lowest} to {highest}."
    assert service.responses(customer_id) == []


def test_every_problem_is_reported_at_once_and_nothing_is_written(
    service: SurveyService, database: Database, customer_id: uuid.UUID, clock: TestClock
) -> None:
    other = add_customer(database, "李雷")
    others_complaint = ComplaintService(database, clock).open(
        ComplaintDraft(other, ComplaintCategory.SERVICE, ComplaintSeverity.LOW, "态度差")
    )
    future = clock.now + timedelta(minutes=5)

    with pytest.raises(ValidationError) as refused:
        service.record(
            answer(
                customer_id, CSAT, 6, future, comment="x" * 2_001, complaint_id=others_complaint.id
            )
        )

    assert set(refused.value.problems) == {"score", "responded_at", "comment", "complaint_id"}
    assert service.responses(customer_id) == []


def test_an_answer_given_just_now_is_accepted_but_not_one_in_the_future(
    service: SurveyService, customer_id: uuid.UUID, clock: TestClock
) -> None:
    service.record(answer(customer_id, NPS, 7, clock.now))
    with pytest.raises(ValidationError) as refused:
        service.record(answer(customer_id, NPS, 7, clock.now + timedelta(seconds=1)))
    assert set(refused.value.problems) == {"responded_at"}


def test_a_deleted_customer_gets_no_answers(
    service: SurveyService, database: Database, customer_id: uuid.UUID
) -> None:
    set_deleted(database, Customer, customer_id)
    with pytest.raises(ValidationError) as refused:
        service.record(answer(customer_id, CSAT, 5))
    assert set(refused.value.problems) == {"customer_id"}


def test_a_deleted_answer_leaves_the_list_and_a_stale_delete_is_refused(
    service: SurveyService, customer_id: uuid.UUID
) -> None:
    kept = service.record(answer(customer_id, CSAT, 5))
    gone = service.record(answer(customer_id, CSAT, 1, START - timedelta(days=1)))

    with pytest.raises(ConflictError):
        service.delete(gone.id, expected_version=gone.version + 1)
    service.delete(gone.id, expected_version=gone.version)

    assert service.responses(customer_id) == [kept]
    assert service.customer_trend(customer_id).csat_average == Decimal("5.00")
    with pytest.raises(NotFoundError):
        service.delete(gone.id)


def nps_of(scores: list[int]) -> Decimal | None:
    return tally_nps(Counter(scores))


def test_nps_of_a_hand_counted_set() -> None:
    # 5 promoters, 3 passives, 2 detractors: 50 % − 20 % = 30.
    assert nps_of([9, 10, 9, 10, 9, 7, 8, 8, 0, 6]) == 30
    assert nps_of([0, 6, 3]) == -100
    assert nps_of([9, 7, 6]) == Decimal("0.0")
    assert nps_of([10, 10, 8]) == Decimal("66.7")
    assert nps_of([]) is None


def test_answers_are_normalised_to_zero_to_one_for_the_scorecard() -> None:
    assert [normalised_score(CSAT, s) for s in (1, 3, 5)] == [0, Decimal("0.5"), 1]
    assert [normalised_score(NPS, s) for s in (0, 7, 10)] == [0, Decimal("0.7"), 1]


def test_a_customers_trend_has_latest_answers_averages_and_every_month_between(
    service: SurveyService, customer_id: uuid.UUID
) -> None:
    for day, kind, score in [
        (date(2023, 11, 20), CSAT, 3),
        (date(2023, 11, 25), NPS, 6),
        (date(2024, 2, 10), CSAT, 4),
        (date(2024, 2, 12), CSAT, 5),
        (date(2024, 3, 1), NPS, 10),
    ]:
        service.record(answer(customer_id, kind, score, noon(day)))

    trend = service.customer_trend(customer_id)

    assert trend.responses == tuple(service.responses(customer_id))
    assert [r.score for r in trend.responses] == [10, 5, 4, 6, 3]  # newest first
    assert trend.csat_latest is not None and trend.csat_latest.score == 5
    assert trend.nps_latest is not None and trend.nps_latest.score == 10
    assert (trend.csat_average, trend.csat_count) == (Decimal("4.00"), 3)
    assert (trend.nps_average, trend.nps_count) == (Decimal("8.00"), 2)
    # (0.5 + 0.6 + 0.75 + 1 + 1) / 5
    assert trend.survey_score == Decimal("0.7700")
    assert [(m.month, m.csat_average, m.nps) for m in trend.months] == [
        (date(2023, 11, 1), Decimal("3.00"), Decimal("-100.0")),
        (date(2023, 12, 1), None, None),
        (date(2024, 1, 1), None, None),
        (date(2024, 2, 1), Decimal("4.50"), None),
        (date(2024, 3, 1), None, Decimal("100.0")),
    ]


def test_a_customer_without_answers_has_an_empty_trend(
    service: SurveyService, customer_id: uuid.UUID
) -> None:
    trend = service.customer_trend(customer_id)
    assert (trend.csat_latest, trend.csat_average, trend.survey_score) == (None, None, None)
    assert trend.months == ()


def test_the_overall_trend_buckets_every_customer_by_month_empty_months_included(
    service: SurveyService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    gone = add_customer(database, "韩梅梅")
    for who, day, kind, score in [
        (customer_id, date(2023, 12, 31), CSAT, 1),  # before the first month: left out
        (customer_id, date(2024, 1, 1), CSAT, 2),
        (other, date(2024, 1, 31), CSAT, 5),
        (customer_id, date(2024, 1, 15), NPS, 10),
        (other, date(2024, 1, 16), NPS, 9),
        (other, date(2024, 1, 17), NPS, 8),
        (other, date(2024, 1, 18), NPS, 3),
        (other, date(2024, 3, 14), CSAT, 4),
        (gone, date(2024, 3, 14), CSAT, 1),  # of a deleted customer: left out
    ]:
        service.record(answer(who, kind, score, noon(day)))
    set_deleted(database, Customer, gone)

    trend = service.overall_trend(date(2024, 1, 1), 4)

    assert trend == [
        MonthlySatisfaction(
            date(2024, 1, 1), Decimal("3.50"), 2, Decimal("25.0"), 4, Decimal("7.50")
        ),
        MonthlySatisfaction(date(2024, 2, 1), None, 0, None, 0, None),
        MonthlySatisfaction(date(2024, 3, 1), Decimal("4.00"), 1, None, 0, None),
        MonthlySatisfaction(date(2024, 4, 1), None, 0, None, 0, None),
    ]


def test_average_csat_counts_both_end_days_and_ignores_nps(
    service: SurveyService, database: Database, customer_id: uuid.UUID
) -> None:
    for day, kind, score in [
        (date(2024, 2, 29), CSAT, 1),  # the day before: left out
        (date(2024, 3, 1), CSAT, 2),
        (date(2024, 3, 10), NPS, 10),
        (date(2024, 3, 15), CSAT, 5),
    ]:
        service.record(answer(customer_id, kind, score, noon(day)))

    assert service.average_csat(date(2024, 3, 1), date(2024, 3, 15)) == Decimal("3.50")
    assert service.average_csat(date(2024, 3, 2), date(2024, 3, 14)) is None
