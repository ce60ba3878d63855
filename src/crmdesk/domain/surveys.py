"""Satisfaction surveys (CSAT 1–5, NPS 0–10) as passed between layers, and the sums made
of them: averages, the net promoter score, calendar-month buckets and the 0–1 score the
scorecard uses."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from crmdesk.domain.enums import SurveyKind

COMMENT_MAX_LENGTH = 2_000
# Earlier times are typing mistakes (a year of 0224), as for interactions.
EARLIEST_RESPONDED_AT = datetime(1990, 1, 1, tzinfo=UTC)
SCORE_RANGES: dict[SurveyKind, range] = {
    SurveyKind.CSAT: range(1, 6),
    SurveyKind.NPS: range(0, 11),
}
PROMOTER_LOWEST = 9  # NPS 9–10 recommend us
DETRACTOR_HIGHEST = 6  # NPS 0–6 would not
_AVERAGE_PLACES = Decimal("0.01")
# How many answers gave each score: sums over many answers are made of these, which the
# database counts far faster than it could hand over every answer.
Tally = Mapping[int, int]
_NPS_PLACES = Decimal("0.1")


@dataclass(frozen=True)
class SurveyDraft:
    """A customer's answer to one survey question, as the user enters it."""

    customer_id: uuid.UUID
    kind: SurveyKind
    score: int
    responded_at: datetime
    comment: str | None = None
    complaint_id: uuid.UUID | None = None  # the closed complaint the survey followed


@dataclass(frozen=True)
class SurveyRecord:
    id: uuid.UUID
    version: int
    customer_id: uuid.UUID
    complaint_id: uuid.UUID | None
    complaint_number: str | None
    kind: SurveyKind
    score: int
    comment: str | None
    responded_at: datetime
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SurveyScore:
    """One answer reduced to what the sums need: its local calendar day, kind and score."""

    day: date
    kind: SurveyKind
    score: int


@dataclass(frozen=True)
class MonthlySatisfaction:
    """One calendar month: the CSAT average (1–5) and the NPS (−100 … 100) with the number
    of answers each rests on; None where the month has no answer of that kind."""

    month: date  # the first day of the month
    csat_average: Decimal | None
    csat_count: int
    nps: Decimal | None
    nps_count: int
    nps_average: Decimal | None  # the mean NPS answer 0–10, telling more of few answers


@dataclass(frozen=True)
class SatisfactionTrend:
    """One customer's answers (newest first) summed up: the latest of each kind, the
    averages, and one bucket per month from the month of the first answer to that of the
    last."""

    responses: tuple[SurveyRecord, ...]
    csat_latest: SurveyRecord | None
    nps_latest: SurveyRecord | None
    csat_average: Decimal | None
    csat_count: int
    nps_average: Decimal | None  # the mean NPS answer 0–10; a net score of one is meaningless
    nps_count: int
    survey_score: Decimal | None  # mean normalised 0–1 score, as the scorecard uses it
    months: tuple[MonthlySatisfaction, ...]


def average(scores: Iterable[int]) -> Decimal | None:
    """The mean to two decimal places; None without scores."""
    return tally_average(Counter(scores))


def tally_average(tally: Tally) -> Decimal | None:
    """The mean score of a tally, to two decimal places; None when it is empty."""
    count = sum(tally.values())
    if not count:
        return None
    total = sum(score * times for score, times in tally.items())
    return _rounded(Decimal(total) / count, _AVERAGE_PLACES)


def tally_nps(tally: Tally) -> Decimal | None:
    """The net promoter score of a tally of NPS answers; None when it is empty."""
    count = sum(tally.values())
    if not count:
        return None
    promoters = sum(times for score, times in tally.items() if score >= PROMOTER_LOWEST)
    detractors = sum(times for score, times in tally.items() if score <= DETRACTOR_HIGHEST)
    return _rounded(Decimal(100 * (promoters - detractors)) / count, _NPS_PLACES)


def normalised_score(kind: SurveyKind, score: int) -> Decimal:
    """An answer on a 0–1 scale, so that CSAT and NPS answers can be averaged together:
    CSAT (s − 1) / 4, NPS s / 10."""
    if kind is SurveyKind.CSAT:
        return Decimal(score - 1) / 4
    return Decimal(score) / 10


def survey_score(answers: Iterable[tuple[SurveyKind, int]]) -> Decimal | None:
    """The mean normalised score of the answers (0–1, four decimals); None without any."""
    values = [normalised_score(kind, score) for kind, score in answers]
    if not values:
        return None
    return _rounded(sum(values, Decimal(0)) / len(values), Decimal("0.0001"))


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after that of `month` (may be negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many calendar months from the month of `first` to that of `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def empty_tallies() -> dict[SurveyKind, Counter[int]]:
    return {kind: Counter() for kind in SurveyKind}


def month_tallies(
    answers: Iterable[SurveyScore], first_month: date, months: int
) -> list[dict[SurveyKind, Counter[int]]]:
    """Per calendar month from `first_month` on, the tally of each kind; answers outside
    those months are left out."""
    start = month_start(first_month)
    tallies = [empty_tallies() for _ in range(max(months, 0))]
    for answer in answers:
        index = months_between(start, answer.day) - 1
        if 0 <= index < len(tallies):
            tallies[index][answer.kind][answer.score] += 1
    return tallies


def monthly_satisfaction(
    first_month: date, tallies: Sequence[Mapping[SurveyKind, Tally]]
) -> list[MonthlySatisfaction]:
    """One entry per month from `first_month` on, from that month's tallies (empty
    months included)."""
    start = month_start(first_month)
    return [
        MonthlySatisfaction(
            month=add_months(start, index),
            csat_average=tally_average(kinds[SurveyKind.CSAT]),
            csat_count=sum(kinds[SurveyKind.CSAT].values()),
            nps=tally_nps(kinds[SurveyKind.NPS]),
            nps_count=sum(kinds[SurveyKind.NPS].values()),
            nps_average=tally_average(kinds[SurveyKind.NPS]),
        )
        for index, kinds in enumerate(tallies)
    ]


def satisfaction_trend(
    responses: Iterable[SurveyRecord], day_of: Callable[[datetime], date]
) -> SatisfactionTrend:
    """A customer's answers (kept in the order given: newest first) summed up; `day_of`
    gives the calendar day of an instant (the user's time zone)."""
    given = tuple(responses)
    ordered = sorted(given, key=lambda response: response.responded_at)
    csat = [response for response in ordered if response.kind is SurveyKind.CSAT]
    nps = [response for response in ordered if response.kind is SurveyKind.NPS]
    answers = [SurveyScore(day_of(r.responded_at), r.kind, r.score) for r in ordered]
    months = (
        monthly_satisfaction(
            answers[0].day,
            month_tallies(answers, answers[0].day, months_between(answers[0].day, answers[-1].day)),
        )
        if answers
        else []
    )
    return SatisfactionTrend(
        responses=given,
        csat_latest=csat[-1] if csat else None,
        nps_latest=nps[-1] if nps else None,
        csat_average=average(response.score for response in csat),
        csat_count=len(csat),
        nps_average=average(response.score for response in nps),
        nps_count=len(nps),
        survey_score=survey_score((response.kind, response.score) for response in ordered),
        months=tuple(months),
    )


def _rounded(value: Decimal, places: Decimal) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)
