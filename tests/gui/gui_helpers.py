"""Helpers of the window's tests (fixtures are in conftest.py)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from crmdesk.ui.context import UiContext

DEMO_CUSTOMERS = 300
# Demo history runs up to a fixed day, so that what the demo tests see never changes.
DEMO_AS_OF = date(2026, 11, 20)


def wait_for_tasks(qtbot: QtBot, context: UiContext) -> None:
    """Wait until every background task has delivered its result."""
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=10_000)
