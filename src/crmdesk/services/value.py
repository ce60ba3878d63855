"""Customer value: RFM segments, lifetime value, lifecycle suggestions and the scorecard."""

from __future__ import annotations

import gc
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from crmdesk.db.engine import Database
from crmdesk.db.repositories import value as repository
from crmdesk.db.repositories.settings import put_value
from crmdesk.db.repositories.value_facts import (
    LiveCustomer,
    contact_counts,
    live_customers,
    order_histories,
    returning_buyers,
)
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.clv import retention_rate
from crmdesk.domain.customer_value import (
    NO_CONTACTS,
    CustomerValueReport,
    HistoryFigures,
    LastRun,
    ValueRunSummary,
    history_figures,
    stored_scores,
)
from crmdesk.domain.errors import JobCancelledError, NotFoundError
from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.domain.purchase_history import PurchaseHistory
from crmdesk.domain.rfm import rfm_population
from crmdesk.domain.value_settings import SETTING_KEY, ValueSettings

# How many customers between two progress reports (and looks at the Cancel button).
_REPORT_EVERY = 2_000
_NO_ORDERS = PurchaseHistory(())


@dataclass(frozen=True, slots=True)
class _Pending:
    """A customer between the two steps of a recomputation."""

    customer: LiveCustomer
    figures: HistoryFigures


class ValueService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def settings(self) -> ValueSettings:
        with self._database.unit_of_work(write=False) as uow:
            return repository.value_settings(uow.session)

    def save_settings(self, settings: ValueSettings) -> ValueSettings:
        """Store the settings (ValidationError when they cannot give sensible figures);
        they apply from the next recomputation."""
        settings.check()
        with self._database.unit_of_work() as uow:
            put_value(uow.session, SETTING_KEY, settings.to_json(), self._clock())
            uow.commit()
        return settings

    def last_run(self) -> ValueRunSummary | None:
        with self._database.unit_of_work(write=False) as uow:
            run = repository.last_run(uow.session)
        return run.summary if run is not None else None

    def report(self, customer_id: uuid.UUID) -> CustomerValueReport:
        """One customer's figures computed now, scored against the last recomputation's
        population (no RFM scores before the first one)."""
        with self._database.unit_of_work(write=False) as uow:
            report = repository.customer_report(uow.session, customer_id, local_today(self._clock))
        if report is None:
            raise NotFoundError("Customer", customer_id)
        return report

    def recompute(
        self, *, progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None
    ) -> ValueRunSummary:
        """Every live customer's figures, stored in one short write at the end along with
        the suggested stage of every unpinned customer. Cancelling (JobCancelledError)
        leaves everything as it was."""
        with _without_cycle_collection():
            return self._recompute(progress, cancelled)

    def _recompute(
        self, progress: ProgressCallback | None, cancelled: CancelCheck | None
    ) -> ValueRunSummary:
        started = time.perf_counter()
        report = progress or _ignore_progress
        stop = cancelled or _never
        with self._database.unit_of_work(write=False) as uow:
            # One read transaction: every fact comes from the same moment of the file.
            session = uow.session
            settings = repository.value_settings(session)
            day = repository.reference_day(session, settings, local_today(self._clock))
            window_start = settings.window_start(day)
            previous_start = window_start - timedelta(days=settings.window_days)
            retention = retention_rate(
                *returning_buyers(session, previous_start, window_start, day)
            )
            customers = live_customers(session)
            contacts = contact_counts(session)
            total = len(customers)
            pending: list[_Pending] = []
            report(0, total)
            for key, history in order_histories(session, day):
                customer = customers.pop(key, None)
                if customer is None:
                    continue  # a deleted customer's orders
                pending.append(
                    _Pending(
                        customer,
                        history_figures(
                            history, contacts.get(key, NO_CONTACTS), settings, day, retention
                        ),
                    )
                )
                if len(pending) % _REPORT_EVERY == 0:
                    if stop():
                        raise JobCancelledError
                    report(len(pending), total)
        buyers = len(pending)
        for key, customer in customers.items():  # those who never ordered
            pending.append(
                _Pending(
                    customer,
                    history_figures(
                        _NO_ORDERS, contacts.get(key, NO_CONTACTS), settings, day, retention
                    ),
                )
            )
        population = rfm_population(item.figures.rfm_input for item in pending)
        now = self._clock()
        rows = []
        for item in pending:
            scored = stored_scores(item.figures, population, settings.weights)
            figures = item.figures
            rows.append(
                repository.value_row(
                    item.customer.id,
                    day,
                    figures.rfm_input,
                    scored.rfm,
                    figures.suggestion,
                    figures.clv,
                    (scored.score, scored.grade),
                    now,
                )
            )
        if stop():
            raise JobCancelledError
        with self._database.unit_of_work() as uow:
            repository.replace_values(uow.session, rows)
            changes = repository.apply_suggested_stages(uow.session, now)
            summary = ValueRunSummary(
                reference_day=day,
                window_days=settings.window_days,
                customers=len(rows),
                buyers=buyers,
                stage_changes=changes,
                seconds=round(time.perf_counter() - started, 3),
                computed_at=now,
            )
            repository.add_run(uow.session, LastRun(summary, population, retention))
            uow.commit()
        report(total, total)
        return summary


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's collector of reference cycles: a million small records of order
    facts, none in a cycle, would otherwise set it walking the growing heap again and
    again, for a third of the time of a recomputation and at random moments."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _ignore_progress(_done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False
