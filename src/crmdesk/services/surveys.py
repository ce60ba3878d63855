"""Satisfaction surveys: CSAT and NPS responses and their trends."""

from __future__ import annotations

import builtins
import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Complaint, SurveyResponse
from crmdesk.db.repositories import surveys as repository
from crmdesk.db.repositories.records import check_customer, find_live, require_current
from crmdesk.domain.clock import Clock, local_day, system_clock
from crmdesk.domain.enums import SurveyKind
from crmdesk.domain.surveys import (
    COMMENT_MAX_LENGTH,
    EARLIEST_RESPONDED_AT,
    SCORE_RANGES,
    MonthlySatisfaction,
    SatisfactionTrend,
    SurveyDraft,
    SurveyRecord,
    add_months,
    monthly_satisfaction,
    satisfaction_trend,
    tally_average,
)
from crmdesk.domain.validation import Problems

WHAT = "Survey response"


class SurveyService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def record(self, draft: SurveyDraft) -> SurveyRecord:
        """Store one answer; ValidationError lists every problem with it."""
        with self._database.unit_of_work() as uow:
            values = self._validated(uow, draft)
            now = self._clock()
            response = SurveyResponse(**values, created_at=now, updated_at=now)
            uow.session.add(response)
            number = repository.complaint_number(uow.session, draft.complaint_id)
            uow.commit()
        return repository.survey_record(response, number)

    def delete(self, response_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete: the answer leaves the customer's list and every average."""
        with self._database.unit_of_work() as uow:
            response = require_current(
                uow.session, SurveyResponse, response_id, expected_version, WHAT, _label
            )
            response.deleted_at = response.updated_at = self._clock()
            uow.commit()

    def responses(self, customer_id: uuid.UUID) -> builtins.list[SurveyRecord]:
        """The customer's answers, newest first."""
        with self._database.unit_of_work(write=False) as uow:
            return repository.responses(uow.session, customer_id)

    def customer_trend(self, customer_id: uuid.UUID) -> SatisfactionTrend:
        return satisfaction_trend(self.responses(customer_id), local_day)

    def overall_trend(self, first_month: date, months: int) -> builtins.list[MonthlySatisfaction]:
        """Every customer's answers by calendar month (the user's time zone) from
        `first_month` on, `months` of them, empty months included."""
        start = first_month.replace(day=1)
        bounds = [_local_midnight(add_months(start, index)) for index in range(months + 1)]
        return monthly_satisfaction(start, self._tallies(bounds, frozenset(SurveyKind)))

    def average_csat(self, first: date, last: date) -> Decimal | None:
        """The mean CSAT answer (1–5) given from day `first` to day `last`, both included;
        None when nobody answered then."""
        bounds = [_local_midnight(first), _local_midnight(last + timedelta(days=1))]
        [tally] = self._tallies(bounds, frozenset({SurveyKind.CSAT}))
        return tally_average(tally[SurveyKind.CSAT])

    def _tallies(
        self, bounds: builtins.list[datetime], kinds: frozenset[SurveyKind]
    ) -> builtins.list[dict[SurveyKind, Counter[int]]]:
        with self._database.unit_of_work(write=False) as uow:
            return repository.period_tallies(uow.session, bounds, kinds)

    def _validated(self, uow: UnitOfWork, draft: SurveyDraft) -> dict[str, Any]:
        problems = Problems()
        check_customer(uow.session, problems, draft.customer_id)
        if draft.complaint_id is not None:
            complaint = find_live(uow.session, Complaint, draft.complaint_id)
            if complaint is None or complaint.customer_id != draft.customer_id:
                problems.add("complaint_id", "The complaint is not one of this customer's.")
        scores = SCORE_RANGES[draft.kind]
        if draft.score not in scores:
            problems.add(
                "score",
                "The score is from {lowest} to {highest}.",
                lowest=scores[0],
                highest=scores[-1],
            )
        problems.instant_in_range(
            "responded_at", draft.responded_at, earliest=EARLIEST_RESPONDED_AT, latest=self._clock()
        )
        values = {
            "customer_id": draft.customer_id,
            "complaint_id": draft.complaint_id,
            "kind": draft.kind,
            "score": draft.score,
            "responded_at": draft.responded_at,
            "comment": problems.optional_text(
                "comment", draft.comment, max_length=COMMENT_MAX_LENGTH
            ),
        }
        problems.raise_if_any()
        return values


def _local_midnight(day: date) -> datetime:
    """The instant the day begins in the computer's time zone."""
    return datetime(day.year, day.month, day.day).astimezone()


def _label(response: SurveyResponse) -> str:
    return f"{response.kind.value.upper()} {response.score}"
