"""The dashboard as an Excel workbook: a sheet of key figures and one sheet per chart
with the numbers behind it, written from the figures the dashboard shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from crmdesk.domain.dashboard import (
    CSAT_DAYS,
    ComplaintStanding,
    DashboardFigures,
    MonthlyRevenue,
    standing_label,
)
from crmdesk.domain.enums import LifecycleStage
from crmdesk.domain.exports import ExportSummary
from crmdesk.domain.labels import Language, label
from crmdesk.domain.list_columns import CellKind, ListColumn
from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.domain.surveys import MonthlySatisfaction
from crmdesk.io.xlsx_writer import XlsxWriter
from crmdesk.services.exporting import ExportTracker, write_sheet

R = TypeVar("R")

_SHEET_TITLES = {
    "figures": ("Key figures", "关键指标"),
    "segments": ("Value segments", "价值分群"),
    "revenue": ("Monthly revenue", "月度销售额"),
    "stages": ("Lifecycle", "生命周期"),
    "complaints": ("Complaint deadlines", "投诉时限"),
    "satisfaction": ("Satisfaction", "满意度"),
}


@dataclass(frozen=True)
class _Figure:
    item: str
    value: object  # a count, an amount, a percentage, a day or a time


@dataclass(frozen=True)
class _Count:
    what: object  # a stored value (shown by its label) or a text
    count: int


_FIGURE_COLUMNS: tuple[ListColumn[_Figure], ...] = (
    ListColumn("item", "Item", "项目", CellKind.TEXT, lambda f: f.item),
    # Mixed values: a text column keeps each one's own type.
    ListColumn("value", "Value", "数值", CellKind.TEXT, lambda f: f.value),
)


def _count_columns(
    what: tuple[str, str], counted: tuple[str, str] = ("Customers", "客户数")
) -> tuple[ListColumn[_Count], ...]:
    """A label column headed `what` and a count column headed `counted` (English, 中文)."""
    return (
        ListColumn("what", *what, CellKind.LABEL, lambda c: c.what),
        ListColumn("count", *counted, CellKind.INTEGER, lambda c: c.count),
    )


_REVENUE_COLUMNS: tuple[ListColumn[MonthlyRevenue], ...] = (
    ListColumn("month", "Month", "月份", CellKind.TEXT, lambda m: f"{m.month:%Y-%m}"),
    ListColumn("revenue", "Revenue", "销售额", CellKind.MONEY, lambda m: m.revenue),
)

_SATISFACTION_COLUMNS: tuple[ListColumn[MonthlySatisfaction], ...] = (
    ListColumn("month", "Month", "月份", CellKind.TEXT, lambda m: f"{m.month:%Y-%m}"),
    ListColumn(
        "csat", "CSAT average (1–5)", "CSAT平均分（1–5）", CellKind.TEXT, lambda m: m.csat_average
    ),
    ListColumn(
        "csat_count", "CSAT answers", "CSAT答卷数", CellKind.INTEGER, lambda m: m.csat_count
    ),
    ListColumn("nps", "NPS (−100–100)", "NPS净推荐值", CellKind.TEXT, lambda m: m.nps),
    ListColumn("nps_count", "NPS answers", "NPS答卷数", CellKind.INTEGER, lambda m: m.nps_count),
)


def write_dashboard_report(
    path: Path,
    figures: DashboardFigures,
    language: Language = Language.CHINESE,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportSummary:
    """Write `figures` to a workbook at `path`, headed in `language`; no file is left
    when `cancelled()` turns true."""
    key_figures = _key_figures(figures, language)
    segments = [_Count(s, n) for s, n in figures.customers_by_segment.items()]
    stages = [_Count(s, figures.customers_by_stage[s]) for s in LifecycleStage]
    standings = [
        _Count(standing_label(s, language), figures.complaints_by_standing[s])
        for s in ComplaintStanding
    ]
    rows = (
        len(key_figures)
        + len(segments)
        + len(figures.revenue_by_month)
        + len(stages)
        + len(standings)
        + len(figures.satisfaction_by_month)
    )
    tracker = ExportTracker(path, rows, progress, cancelled)
    with XlsxWriter(path) as writer:

        def sheet(key: str, columns: Sequence[ListColumn[R]], rows: Iterable[R]) -> None:
            english, chinese = _SHEET_TITLES[key]
            title = chinese if language is Language.CHINESE else english
            write_sheet(writer, title, columns, rows, language, tracker)

        sheet("figures", _FIGURE_COLUMNS, key_figures)
        sheet("segments", _count_columns(("Value segment", "价值分群")), segments)
        sheet("revenue", _REVENUE_COLUMNS, figures.revenue_by_month)
        sheet("stages", _count_columns(("Lifecycle stage", "生命周期阶段")), stages)
        complaint_columns = _count_columns(("Deadline", "时限状态"), ("Complaints", "投诉数"))
        sheet("complaints", complaint_columns, standings)
        sheet("satisfaction", _SATISFACTION_COLUMNS, figures.satisfaction_by_month)
        tracker.finish()
    return ExportSummary(path, tracker.done)


def _key_figures(figures: DashboardFigures, language: Language) -> list[_Figure]:
    def figure(english: str, chinese: str, value: object) -> _Figure:
        return _Figure(chinese if language is Language.CHINESE else english, value)

    run = figures.last_run
    return [
        figure("Report date", "报表日期", _day(figures.today)),
        figure("Customers", "客户总数", figures.customers),
        *(
            figure(
                f"Lifecycle stage: {label(stage, language)}",
                f"生命周期：{label(stage, language)}",
                figures.customers_by_stage[stage],
            )
            for stage in LifecycleStage
        ),
        figure("Revenue this month", "本月销售额", figures.revenue_this_month),
        figure("Revenue last month", "上月销售额", figures.revenue_last_month),
        figure("Change against last month (%)", "环比变化（%）", figures.revenue_change_percent),
        figure("Overdue follow-ups", "逾期回访", figures.overdue_follow_ups),
        figure("Open complaints", "未办结投诉", figures.open_complaints),
        figure("Overdue complaints", "超时投诉", figures.overdue_complaints),
        figure(
            f"Average satisfaction (CSAT 1–5, last {CSAT_DAYS} days)",
            f"平均满意度（CSAT 1–5，近{CSAT_DAYS}天）",
            figures.average_csat,
        ),
        figure(
            "Customers with a value segment",
            "已分群客户",
            sum(figures.customers_by_segment.values()),
        ),
        figure(
            "Segments as of", "分群基准日", _day(run.reference_day) if run is not None else None
        ),
    ]


def _day(day: date) -> str:
    return day.isoformat()
