"""The dry run: every row read, validated and matched, and what would happen to it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol, assert_never

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import (
    ImportOptions,
    ImportResult,
    RowOutcome,
    count_outcomes,
)
from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.services.importing.complaints import plan_complaints
from crmdesk.services.importing.contacts import plan_contacts
from crmdesk.services.importing.customers import CustomerPlan, plan_customers, write_customers
from crmdesk.services.importing.follow_ups import plan_follow_ups
from crmdesk.services.importing.interactions import plan_interactions
from crmdesk.services.importing.orders import plan_orders
from crmdesk.services.importing.source import RowSource, Steps
from crmdesk.services.importing.writing import Journal


class EntityPlan(Protocol):
    """What an import of one kind of record will do, and how to do it."""

    outcomes: list[RowOutcome]

    def write(
        self, uow: UnitOfWork, options: ImportOptions, now: datetime, steps: Steps, changes: Journal
    ) -> None: ...


class _Customers:
    def __init__(self, plan: CustomerPlan) -> None:
        self._plan = plan
        self.outcomes = plan.outcomes

    def write(
        self, uow: UnitOfWork, options: ImportOptions, now: datetime, steps: Steps, changes: Journal
    ) -> None:
        write_customers(uow, self._plan, options, now, steps, changes)


def make_plan(
    uow: UnitOfWork, source: RowSource, options: ImportOptions, today: date, steps: Steps
) -> EntityPlan:
    match options.entity:
        case ImportEntity.CUSTOMERS:
            return _Customers(plan_customers(uow, source, options, today, steps))
        case ImportEntity.ORDERS:
            return plan_orders(uow, source, options, today, steps)
        case ImportEntity.CONTACTS:
            return plan_contacts(uow, source, options, today, steps)
        case ImportEntity.INTERACTIONS:
            return plan_interactions(uow, source, today, steps)
        case ImportEntity.FOLLOW_UPS:
            return plan_follow_ups(uow, source, today, steps)
        case ImportEntity.COMPLAINTS:
            return plan_complaints(uow, source, today, steps)
        case unknown:
            assert_never(unknown)


def plan_import(
    database: Database,
    source: RowSource,
    options: ImportOptions,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    clock: Clock = system_clock,
) -> ImportResult:
    """What `run_import` would do with each row, without writing anything."""
    steps = Steps(source.row_count, progress, cancelled)
    with database.unit_of_work(write=False) as uow:
        plan = make_plan(uow, source, options, local_today(clock), steps)
    steps.finish()
    outcomes = tuple(plan.outcomes)
    return ImportResult(source.path.name, source.sheet, outcomes, count_outcomes(outcomes))
