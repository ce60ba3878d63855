"""The main window reads the search index ahead once its first rows are on screen, once,
and a failure of that read never reaches the user."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crmdesk.app import _first_tasks
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.errors import DatabaseLockedError
from crmdesk.ui.context import UiContext
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.tabs.customers_tab import CustomersTab


class FirstRowsPainted(QObject):
    """Notes when the customer table is first painted with rows in it."""

    def __init__(self, tab: CustomersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.at: float | None = None
        tab.table.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        model = self._tab.model
        painted = event.type() == QEvent.Type.Paint
        if self.at is None and painted and model.rowCount() > 0 and model.summary(0) is not None:
            self.at = time.perf_counter()
        return False


def replace_warm_up(context: UiContext, warm_up: Callable[[], int]) -> list[float]:
    """Put `warm_up` in the service's place; returns when each call began."""
    started: list[float] = []

    def noted() -> int:
        started.append(time.perf_counter())
        return warm_up()

    context.workspace.customers.warm_search = noted  # type: ignore[method-assign]
    return started


@pytest.fixture
def dialogs_shown() -> Iterator[list[QWidget]]:
    """Every modal dialog that opens (closed at once, so a test never hangs on one)."""
    shown: list[QWidget] = []

    def close_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            shown.append(dialog)
            dialog.close()

    timer = QTimer()
    timer.timeout.connect(close_modal)
    timer.start(20)
    yield shown
    timer.stop()


def start_window(qtbot: QtBot, context: UiContext) -> MainWindow:
    """Show the window and start its first tasks, as `run_gui` does."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    painted = FirstRowsPainted(window.customers)
    window.show()
    _first_tasks(window)
    qtbot.waitUntil(lambda: painted.at is not None)
    window.setProperty("first_rows_painted_at", painted.at)
    return window


def test_the_index_is_read_once_after_the_first_rows_are_painted(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    started = replace_warm_up(demo_context, demo_context.workspace.customers.warm_search)

    window = start_window(qtbot, demo_context)
    qtbot.waitUntil(lambda: bool(started))
    wait_for_tasks(qtbot, demo_context)

    assert started[0] > window.property("first_rows_painted_at")
    window.customers.apply_filter(CustomerFilter(search="zs"))
    window.customers.warm_search_after_first_rows()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() > 0)
    wait_for_tasks(qtbot, demo_context)
    assert len(started) == 1


def test_a_failed_read_ahead_shows_nothing_and_leaves_search_working(
    qtbot: QtBot,
    demo_context: UiContext,
    dialogs_shown: list[QWidget],
    caplog: pytest.LogCaptureFixture,
) -> None:
    def locked() -> int:
        raise DatabaseLockedError("The database is locked by another program.")

    started = replace_warm_up(demo_context, locked)
    announced: list[object] = []
    demo_context.tasks.error.connect(announced.append)

    window = start_window(qtbot, demo_context)
    qtbot.waitUntil(lambda: bool(started))
    wait_for_tasks(qtbot, demo_context)

    assert announced == []
    assert dialogs_shown == []
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert "locked by another program" in caplog.text
    window.customers.apply_filter(CustomerFilter(search="zs"))
    qtbot.waitUntil(lambda: window.customers.model.rowCount() > 0)
