"""The main window reads the search index ahead once its first rows are on screen, once,
and a failure of that read never reaches the user."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.errors import DatabaseLockedError
from crmdesk.ui.context import UiContext
from crmdesk.ui.main_window import MainWindow


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
    """Show the window and note when its first rows are in the list."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    first_rows: list[float] = []
    # Rows are inserted just before the model announces them (query_loaded), when the
    # tab starts its background reads.
    window.customers.model.rowsInserted.connect(lambda: first_rows.append(time.perf_counter()))
    window.show()
    qtbot.waitUntil(lambda: bool(first_rows))
    window.setProperty("first_rows_at", first_rows[0])
    return window


def test_the_index_is_read_once_after_the_first_rows_are_shown(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    started = replace_warm_up(demo_context, demo_context.workspace.customers.warm_search)

    window = start_window(qtbot, demo_context)
    qtbot.waitUntil(lambda: bool(started))
    wait_for_tasks(qtbot, demo_context)

    assert started[0] > window.property("first_rows_at")
    window.customers.apply_filter(CustomerFilter(search="zs"))
    qtbot.waitUntil(lambda: window.customers.model.rowCount() > 0)
    window.customers.apply_filter(CustomerFilter())
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
