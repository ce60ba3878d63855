"""Customer value in the main window: the dashboard's drill-down into the customer list,
the view of declining customers, and figures kept current without the Recompute button."""

from __future__ import annotations

from collections import Counter

from gui_helpers import wait_for_tasks
from pytestqt.qtbot import QtBot
from test_main_window import open_window

from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import LifecycleStage, ValueSegment
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.main_window import MainWindow


def loaded_segments(window: MainWindow) -> Counter[ValueSegment | None]:
    """The segments of the rows loaded so far (the list reads the rows it paints)."""
    model = window.customers.model
    rows = (model.summary(row) for row in range(model.rowCount()))
    return Counter(row.segment for row in rows if row is not None)


def test_a_segment_on_the_dashboard_opens_the_list_of_its_customers(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    demo_context.workspace.value.recompute()
    window = open_window(qtbot, demo_context)
    counts = demo_context.workspace.dashboard.figures().customers_by_segment
    segment, count = max(counts.items(), key=lambda item: item[1])

    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.request_segment(segment)

    assert window.tabs.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == count)
    qtbot.waitUntil(lambda: bool(loaded_segments(window)))
    assert set(loaded_segments(window)) == {segment}
    assert window.customers.segment_filter.current_value() == segment


def test_the_declining_view_lists_declining_customers_with_the_rescue_action(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    demo_context.workspace.value.recompute()
    window = open_window(qtbot, demo_context)
    declining = demo_context.workspace.customers.list(
        CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.DECLINE}))
    ).total
    assert declining > 0

    window.show_declining_customers()

    qtbot.waitUntil(lambda: window.customers.model.rowCount() == declining)
    assert window.customers.stage_filter.current_value() == LifecycleStage.DECLINE
    assert window.customers.rescue_button.isVisible()


def test_figures_missing_when_the_window_opens_are_computed_in_the_background(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    value = demo_context.workspace.value
    assert value.last_run() is None
    window = open_window(qtbot, demo_context)

    window.value_upkeep.check()

    qtbot.waitUntil(lambda: value.last_run() is not None, timeout=20_000)
    wait_for_tasks(qtbot, demo_context)
    assert sum(demo_context.workspace.dashboard.figures().customers_by_segment.values()) > 0


def test_a_change_of_many_orders_recomputes_the_figures(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    value = demo_context.workspace.value
    value.recompute()
    first = value.last_run()
    window = open_window(qtbot, demo_context)

    # What an import of orders announces: orders of customers it does not list.
    demo_context.tasks.changed.emit(Change.of(Topic.ORDERS))

    qtbot.waitUntil(lambda: value.last_run() != first, timeout=20_000)
    wait_for_tasks(qtbot, demo_context)
    assert window.dashboard.figures() is None or window.isVisible()
