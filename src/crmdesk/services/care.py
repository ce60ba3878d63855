"""Customer care use cases: the birthdays to remember over a stretch of days."""

from __future__ import annotations

import uuid
from datetime import date

from crmdesk.db.engine import Database
from crmdesk.db.repositories import care as repository
from crmdesk.domain.care import BirthdayItem, check_range
from crmdesk.domain.clock import Clock, system_clock


class CareService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def birthdays(
        self, first: date, last: date, *, owner_id: uuid.UUID | None = None
    ) -> list[BirthdayItem]:
        """Birthdays of customers and their contacts celebrated from `first` to `last`
        (at most a year), by day, then customer and person; 29 February is remembered on
        the 28th in common years. `owner_id` keeps the customers of one rep."""
        check_range(first, last)
        with self._database.unit_of_work(write=False) as uow:
            found = repository.birthdays(uow.session, first, last, owner_id)
        return sorted(
            found,
            key=lambda item: (
                item.on,
                item.customer_name,
                item.contact_name or "",
                item.person_name,
            ),
        )
