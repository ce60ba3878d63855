"""The dashboard's figures: KPI tiles and chart series over the whole database."""

from __future__ import annotations

from datetime import date, timedelta

from crmdesk.db.engine import Database
from crmdesk.db.repositories import dashboard as repository
from crmdesk.db.repositories.report import report_counts
from crmdesk.domain.clock import Clock, local_day, system_clock
from crmdesk.domain.dashboard import (
    CSAT_DAYS,
    DashboardFigures,
    chart_months,
    revenue_by_month,
)
from crmdesk.domain.surveys import add_months
from crmdesk.services.surveys import SurveyService
from crmdesk.services.value import ValueService


class DashboardService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock
        self._surveys = SurveyService(database, clock)
        self._value = ValueService(database, clock)

    def figures(self, today: date | None = None) -> DashboardFigures:
        """Everything the dashboard shows, as of `today` (None: the clock's local day).
        Deadlines of complaints are judged at the clock's time."""
        now = self._clock()
        today = today or local_day(now)
        first_month, months = chart_months(today)
        with self._database.unit_of_work(write=False) as uow:
            counts = report_counts(uow.session, today, now)
            daily = repository.revenue_by_day(
                uow.session, first_month, add_months(first_month, months) - timedelta(days=1)
            )
            segments = repository.customers_by_segment(uow.session)
            standings = repository.complaints_by_standing(uow.session, now)
        return DashboardFigures(
            today=today,
            customers_by_stage=counts.customers_by_stage,
            customers_by_segment=segments,
            revenue_by_month=revenue_by_month(daily, first_month, months),
            overdue_follow_ups=counts.overdue_follow_ups,
            open_complaints=counts.open_complaints,
            overdue_complaints=counts.overdue_complaints,
            complaints_by_standing=standings,
            average_csat=self._surveys.average_csat(today - timedelta(days=CSAT_DAYS - 1), today),
            satisfaction_by_month=tuple(self._surveys.overall_trend(first_month, months)),
            last_run=self._value.last_run(),
        )
