"""Customer value: RFM segments, lifetime value, lifecycle suggestions and the scorecard."""

from __future__ import annotations

from crmdesk.db.engine import Database
from crmdesk.domain.clock import Clock, system_clock


class ValueService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock
