"""The dashboard's figures: the KPI tiles and the series of its charts, read together so
that the tiles and the charts tell the same story."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType

from crmdesk.domain.customer_value import ValueRunSummary
from crmdesk.domain.enums import LifecycleStage, ValueSegment
from crmdesk.domain.labels import Language
from crmdesk.domain.money import from_minor
from crmdesk.domain.surveys import MonthlySatisfaction, add_months, months_between

# The charts of revenue and satisfaction cover this many calendar months, this one last.
CHART_MONTHS = 12
# The satisfaction tile averages the CSAT answers of this many days, today included.
CSAT_DAYS = 90


class ComplaintStanding(StrEnum):
    """Where a complaint stands against its deadline. The report's `Deadline` (exports.py)
    with finished complaints told apart by whether they were finished in time."""

    ON_TIME = "on_time"  # open, the deadline more than COMPLAINT_WARNING away
    DUE_SOON = "due_soon"  # open, the deadline within COMPLAINT_WARNING
    OVERDUE = "overdue"  # open, past the deadline
    FINISHED_IN_TIME = "finished_in_time"
    FINISHED_LATE = "finished_late"


# Computed, never stored, so not in domain/labels.py with the stored values.
_STANDING_LABELS: Mapping[ComplaintStanding, tuple[str, str]] = MappingProxyType(
    {
        ComplaintStanding.ON_TIME: ("Open, on time", "处理中未超时"),
        ComplaintStanding.DUE_SOON: ("Due within 24 h", "24小时内到期"),
        ComplaintStanding.OVERDUE: ("Overdue", "已超时"),
        ComplaintStanding.FINISHED_IN_TIME: ("Finished in time", "按时办结"),
        ComplaintStanding.FINISHED_LATE: ("Finished late", "超时办结"),
    }
)


def standing_label(standing: ComplaintStanding, language: Language) -> str:
    english, chinese = _STANDING_LABELS[standing]
    return chinese if language is Language.CHINESE else english


@dataclass(frozen=True)
class MonthlyRevenue:
    month: date  # the first day of the month
    revenue: Decimal  # live orders that were not cancelled, refunds taken off


@dataclass(frozen=True)
class DashboardFigures:
    today: date
    customers_by_stage: Mapping[LifecycleStage, int]  # every stage, in funnel order
    customers_by_segment: Mapping[ValueSegment, int]  # every segment, as of the last run
    revenue_by_month: tuple[MonthlyRevenue, ...]  # CHART_MONTHS, oldest first, ends today
    overdue_follow_ups: int
    open_complaints: int
    overdue_complaints: int
    complaints_by_standing: Mapping[ComplaintStanding, int]  # every standing
    average_csat: Decimal | None  # over the last CSAT_DAYS days; None without answers
    satisfaction_by_month: tuple[MonthlySatisfaction, ...]  # CHART_MONTHS, oldest first
    last_run: ValueRunSummary | None  # the recomputation the segments come from

    @property
    def customers(self) -> int:
        return sum(self.customers_by_stage.values())

    @property
    def revenue_this_month(self) -> Decimal:
        return self.revenue_by_month[-1].revenue

    @property
    def revenue_last_month(self) -> Decimal:
        return self.revenue_by_month[-2].revenue

    @property
    def revenue_change_percent(self) -> Decimal | None:
        """This month's revenue against last month's, in % to one decimal; None when last
        month had none to compare with."""
        return percent_change(self.revenue_last_month, self.revenue_this_month)


def percent_change(before: Decimal, after: Decimal) -> Decimal | None:
    """How much `after` differs from `before`, in % of `before` (to one decimal); None
    when `before` is zero. A negative `before` (refunds only) counts by its size, so that
    a rise is still positive."""
    if before == 0:
        return None
    change = (after - before) * 100 / abs(before)
    return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def chart_months(today: date) -> tuple[date, int]:
    """The first month the charts show and how many, so that the last is today's."""
    return add_months(today.replace(day=1), 1 - CHART_MONTHS), CHART_MONTHS


def revenue_by_month(
    daily: Iterable[tuple[date, int]], first_month: date, months: int
) -> tuple[MonthlyRevenue, ...]:
    """Revenue per calendar month from `first_month` on from (day, minor units) sums,
    empty months included and days outside those months left out."""
    totals = [0] * months
    for day, minor in daily:
        index = months_between(first_month, day) - 1
        if 0 <= index < months:
            totals[index] += minor
    return tuple(
        MonthlyRevenue(add_months(first_month, index), from_minor(total))
        for index, total in enumerate(totals)
    )
