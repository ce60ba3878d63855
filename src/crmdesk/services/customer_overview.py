"""The key figures a customer's profile shows in its header."""

from __future__ import annotations

import uuid

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.db.repositories.overview import customer_overview
from crmdesk.db.repositories.records import require_live
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.customer_overview import CustomerOverview


class CustomerOverviewService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def overview(self, customer_id: uuid.UUID) -> CustomerOverview:
        with self._database.unit_of_work(write=False) as uow:
            require_live(uow.session, Customer, customer_id, "Customer")
            return customer_overview(uow.session, customer_id, local_today(self._clock))
