"""The dashboard's workbook: a sheet of key figures and one per chart, read back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.customer_value import ValueRunSummary
from crmdesk.domain.dashboard import ComplaintStanding, DashboardFigures, MonthlyRevenue
from crmdesk.domain.enums import LifecycleStage, ValueSegment
from crmdesk.domain.exports import ExportCancelledError
from crmdesk.domain.labels import Language
from crmdesk.domain.surveys import MonthlySatisfaction, add_months
from crmdesk.services.dashboard_report import write_dashboard_report

TODAY = date(2026, 3, 15)
FIRST_MONTH = date(2025, 4, 1)


def _figures(last_run: ValueRunSummary | None = None) -> DashboardFigures:
    months = [add_months(FIRST_MONTH, n) for n in range(12)]
    segments = dict.fromkeys(ValueSegment, 0)
    segments[ValueSegment.IMPORTANT_VALUE] = 7
    segments[ValueSegment.GENERAL_RETAIN] = 3
    return DashboardFigures(
        today=TODAY,
        customers_by_stage={
            LifecycleStage.EXPLORATION: 5,
            LifecycleStage.FORMATION: 4,
            LifecycleStage.STABILITY: 3,
            LifecycleStage.DECLINE: 2,
            LifecycleStage.LOST: 1,
        },
        customers_by_segment=segments,
        revenue_by_month=tuple(
            MonthlyRevenue(month, Decimal(n * 100) + Decimal("0.50"))
            for n, month in enumerate(months)
        ),
        overdue_follow_ups=6,
        open_complaints=4,
        overdue_complaints=2,
        complaints_by_standing={
            ComplaintStanding.ON_TIME: 1,
            ComplaintStanding.DUE_SOON: 1,
            ComplaintStanding.OVERDUE: 2,
            ComplaintStanding.FINISHED_IN_TIME: 8,
            ComplaintStanding.FINISHED_LATE: 3,
        },
        average_csat=Decimal("4.25"),
        satisfaction_by_month=tuple(
            _no_answers(month) if n < 11 else _answers(month) for n, month in enumerate(months)
        ),
        last_run=last_run,
    )


def _no_answers(month: date) -> MonthlySatisfaction:
    return MonthlySatisfaction(
        month=month, csat_average=None, csat_count=0, nps=None, nps_count=0, nps_average=None
    )


def _answers(month: date) -> MonthlySatisfaction:
    return MonthlySatisfaction(
        month=month,
        csat_average=Decimal("4.25"),
        csat_count=4,
        nps=Decimal("-12.5"),
        nps_count=8,
        nps_average=Decimal("6.75"),
    )


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def test_the_workbook_has_a_sheet_of_key_figures_and_one_per_chart(tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"

    summary = write_dashboard_report(path, _figures(), Language.ENGLISH)

    assert openpyxl.load_workbook(path).sheetnames == [
        "Key figures",
        "Value segments",
        "Monthly revenue",
        "Lifecycle",
        "Complaint deadlines",
        "Satisfaction",
    ]
    figures = dict(row for row in _rows(path, "Key figures")[1:])
    assert figures["Report date"] == "2026-03-15"
    assert figures["Customers"] == 15
    assert figures["Lifecycle stage: Decline"] == 2
    assert figures["Revenue this month"] == pytest.approx(1100.5)
    assert figures["Revenue last month"] == pytest.approx(1000.5)
    assert figures["Change against last month (%)"] == pytest.approx(10.0)
    assert figures["Overdue follow-ups"] == 6
    assert figures["Open complaints"] == 4
    assert figures["Overdue complaints"] == 2
    assert figures["Average satisfaction (CSAT 1–5, last 90 days)"] == pytest.approx(4.25)
    assert figures["Segments as of"] is None
    assert summary.rows == len(figures) + 8 + 12 + 5 + 5 + 12


def test_each_chart_sheet_holds_the_chart_figures(tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"

    write_dashboard_report(path, _figures(), Language.ENGLISH)

    segments = _rows(path, "Value segments")
    assert segments[0] == ("Value segment", "Customers")
    assert segments[1] == ("High value", 7)
    assert ("Regular to win back", 3) in segments
    assert _rows(path, "Lifecycle")[1:] == [
        ("Exploration", 5),
        ("Formation", 4),
        ("Stability", 3),
        ("Decline", 2),
        ("Lost", 1),
    ]
    revenue = _rows(path, "Monthly revenue")
    assert revenue[1] == ("2025-04", pytest.approx(0.5))
    assert revenue[-1] == ("2026-03", pytest.approx(1100.5))
    assert ("Finished late", 3) in _rows(path, "Complaint deadlines")
    satisfaction = _rows(path, "Satisfaction")
    assert satisfaction[1] == ("2025-04", None, 0, None, 0)
    assert satisfaction[-1] == ("2026-03", pytest.approx(4.25), 4, pytest.approx(-12.5), 8)


def test_a_chinese_workbook_names_sheets_and_labels_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "看板.xlsx"
    run = ValueRunSummary(
        reference_day=date(2026, 3, 14),
        window_days=365,
        customers=15,
        buyers=10,
        stage_changes=2,
        seconds=0.5,
        computed_at=datetime(2026, 3, 15, 8, 0, tzinfo=UTC),
    )

    write_dashboard_report(path, _figures(run), Language.CHINESE)

    assert openpyxl.load_workbook(path).sheetnames[0] == "关键指标"
    figures = dict(row for row in _rows(path, "关键指标")[1:])
    assert figures["生命周期：退化期"] == 2
    assert figures["分群基准日"] == "2026-03-14"
    assert ("重要价值客户", 7) in _rows(path, "价值分群")
    assert ("超时办结", 3) in _rows(path, "投诉时限")


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"

    with pytest.raises(ExportCancelledError):
        write_dashboard_report(path, _figures(), Language.ENGLISH, cancelled=lambda: True)

    assert list(tmp_path.iterdir()) == []
