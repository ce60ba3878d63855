"""Keeps the customer-value figures (segments, suggested stages, scores) current without
anyone having to remember the Recompute button.

A single order refreshes its own customer's figures as it is saved (services/orders.py).
What moves many customers at once is recomputed here, in the background: figures from
an earlier day when the window opens (recency counts days), and a change of many orders
at once (an import, the demo data) or of the value settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from crmdesk.domain.clock import local_day, local_today
from crmdesk.domain.customer_value import ValueRunSummary
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext

# Changes come in bursts (an import announces itself once, but settings and demo data may
# follow one another); one recomputation after the burst is enough.
SETTLE_MS = 500


class ValueUpkeep(QObject):
    def __init__(
        self,
        context: UiContext,
        recompute: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        """`recompute()` starts a recomputation and says whether it could (False while
        one is already running)."""
        super().__init__(parent)
        self._context = context
        self._recompute = recompute
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)
        context.tasks.changed.connect(self._on_changed)

    def check(self) -> None:
        """Recompute in the background when the figures are missing or from another day."""
        workspace = self._context.workspace
        self._context.tasks.read(workspace.value.last_run, self._checked, owner=self)

    def _checked(self, run: ValueRunSummary | None) -> None:
        today = local_today(self._context.workspace.clock)
        if run is None or local_day(run.computed_at) != today:
            self._start()

    def _on_changed(self, change: Change) -> None:
        many_orders = change.touches(Topic.ORDERS) and not change.customer_ids
        if many_orders or change.touches(Topic.SETTINGS):
            self._timer.start()

    def _start(self) -> None:
        if not self._recompute():
            self._timer.start()  # try again once the running job is over
