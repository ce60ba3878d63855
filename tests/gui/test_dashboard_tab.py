"""The dashboard tab over the demo database: the tiles show its figures, a click on a
segment's or a stage's bar asks for the customer list filtered to it, and Recompute
computes the segments in the background and says when."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from gui_helpers import wait_for_tasks
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import LifecycleStage, ValueSegment
from crmdesk.ui import export_actions
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.formatting import format_count
from crmdesk.ui.labels import enum_label
from crmdesk.ui.tabs import dashboard_tab
from crmdesk.ui.tabs.dashboard_tab import DashboardTab
from crmdesk.ui.widgets.charts import BarChart


def _shown_tab(qtbot: QtBot, context: UiContext) -> DashboardTab:
    tab = DashboardTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 680)
    tab.show()
    qtbot.waitUntil(lambda: tab.figures() is not None, timeout=10_000)
    return tab


def _click_bar(chart: BarChart, category: str) -> None:
    """What QtCharts does when the bar drawn beside `category` is clicked."""
    drawn = list(chart.category_axis.categories())
    chart.series.clicked.emit(drawn.index(category), chart.bars)


def test_the_tiles_show_the_figures_of_the_database(qtbot: QtBot, demo_context: UiContext) -> None:
    tab = _shown_tab(qtbot, demo_context)
    expected = demo_context.workspace.dashboard.figures()

    for stage in LifecycleStage:
        shown = tab.stage_tile.counts[stage].text()
        assert shown == format_count(expected.customers_by_stage[stage])
    assert sum(expected.customers_by_stage.values()) == 300
    assert tab.follow_up_tile.value.text() == format_count(expected.overdue_follow_ups)
    assert tab.complaint_tile.value.text() == format_count(expected.open_complaints)
    assert format_count(expected.overdue_complaints) in tab.complaint_tile.detail.text()
    assert tab.stage_chart.values() == [expected.customers_by_stage[s] for s in LifecycleStage]
    assert tab.revenue_chart.values() == [
        float(month.revenue / 1000) for month in expected.revenue_by_month
    ]
    csat_months = [m for m in expected.satisfaction_by_month if m.csat_average is not None]
    assert len(tab.satisfaction_chart.points(0)) == len(csat_months) > 0


def test_clicking_a_segment_bar_asks_for_that_segment(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    tab = _shown_tab(qtbot, demo_context)
    with qtbot.waitSignal(tab.customers_requested) as request:
        _click_bar(tab.segment_chart, enum_label(ValueSegment.IMPORTANT_KEEP))

    assert request.args == [CustomerFilter(segments=frozenset({ValueSegment.IMPORTANT_KEEP}))]


def test_clicking_a_stage_bar_asks_for_that_stage(qtbot: QtBot, demo_context: UiContext) -> None:
    tab = _shown_tab(qtbot, demo_context)
    with qtbot.waitSignal(tab.customers_requested) as request:
        _click_bar(tab.stage_chart, enum_label(LifecycleStage.DECLINE))

    assert request.args == [CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.DECLINE}))]


def test_recompute_fills_the_segments_and_says_when(qtbot: QtBot, demo_context: UiContext) -> None:
    tab = _shown_tab(qtbot, demo_context)
    assert "not computed yet" in tab.run_label.text()

    tab.recompute_button.click()
    assert tab.progress.isVisibleTo(tab)
    assert not tab.recompute_button.isEnabled()
    assert not tab.recompute()  # one at a time
    wait_for_tasks(qtbot, demo_context)
    qtbot.waitUntil(lambda: "Segments as of" in tab.run_label.text())

    assert not tab.progress.isVisibleTo(tab)
    assert tab.recompute_button.isEnabled()
    figures = tab.figures()
    assert figures is not None and figures.last_run is not None
    buyers = sum(figures.customers_by_segment.values())
    assert buyers == figures.last_run.buyers > 0
    assert sum(tab.segment_chart.values()) == buyers


def test_a_burst_of_changes_reads_the_figures_once(
    qtbot: QtBot, demo_context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard_tab, "RELOAD_DELAY_MS", 50)
    tab = _shown_tab(qtbot, demo_context)
    reads = []
    monkeypatch.setattr(tab, "reload", lambda: reads.append(1))

    for _ in range(5):
        demo_context.tasks.changed.emit(Change.of(Topic.ORDERS))
    demo_context.tasks.changed.emit(Change.of(Topic.REPS))  # not shown here
    qtbot.wait(200)

    assert reads == [1]


def test_export_writes_the_dashboard_workbook(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dashboard.xlsx"
    monkeypatch.setattr(export_actions, "choose_save_path", lambda *_args: path)
    saved = []
    monkeypatch.setattr(
        dashboard_tab, "notify_saved", lambda _parent, where, _rows: saved.append(where)
    )
    tab = _shown_tab(qtbot, demo_context)

    assert tab.export_report()
    qtbot.waitUntil(lambda: saved == [path], timeout=10_000)

    sheet = openpyxl.load_workbook(path)["Key figures"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures["Customers"] == 300
