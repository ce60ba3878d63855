"""A customer's history, newest first, a page at a time."""

from __future__ import annotations

import uuid

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.db.repositories.records import require_live
from crmdesk.db.repositories.timeline import timeline_page
from crmdesk.domain.timeline import TIMELINE_PAGE, TimelinePage
from crmdesk.domain.validation import Problems


class TimelineService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def entries(self, customer_id: uuid.UUID, limit: int = TIMELINE_PAGE) -> TimelinePage:
        """The newest `limit` entries; ask again with a larger limit for older ones."""
        problems = Problems()
        if limit < 1:
            problems.add("limit", "A page holds at least one row.")
        problems.raise_if_any()
        with self._database.unit_of_work(write=False) as uow:
            require_live(uow.session, Customer, customer_id, "Customer")
            return timeline_page(uow.session, customer_id, limit)
