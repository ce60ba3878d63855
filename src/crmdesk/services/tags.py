"""Tags offered to filter and label customers (tagging itself is on CustomerService)."""

from __future__ import annotations

from crmdesk.db.engine import Database
from crmdesk.db.repositories.tags import list_tags, tag_record
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.customers import TagRecord


class TagService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def list(self) -> list[TagRecord]:
        """Every tag in use or kept for later, by name."""
        with self._database.unit_of_work(write=False) as uow:
            return [tag_record(tag) for tag in list_tags(uow.session)]
