"""Stored customer-value figures: the settings behind them, each customer's row in
`customer_value`, the recomputation runs, the suggested stages written onto customers,
and one customer brought up to date against the last run (after an order is entered)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from typing import Any

from sqlalchemy import delete, false, select, update
from sqlalchemy.orm import Session

from crmdesk.db.models import Customer, CustomerValue, ValueRun
from crmdesk.db.repositories.bulk import insert_rows
from crmdesk.db.repositories.settings import get_value
from crmdesk.db.repositories.value_facts import (
    contact_counts,
    last_order_day,
    live_customers,
    order_histories,
)
from crmdesk.domain.clv import ClvEstimate
from crmdesk.domain.customer_value import (
    NO_CONTACTS,
    CustomerValueReport,
    LastRun,
    ValueRunSummary,
    value_report,
)
from crmdesk.domain.enums import Grade, ReferenceDateMode
from crmdesk.domain.lifecycle import StageSuggestion
from crmdesk.domain.money import to_minor
from crmdesk.domain.purchase_history import PurchaseHistory
from crmdesk.domain.rfm import RfmInput, RfmPopulation, RfmResult
from crmdesk.domain.value_settings import SETTING_KEY, ValueSettings

_ROWS_A_STATEMENT = 5_000
VALUE_COLUMNS = (
    "customer_id",
    "reference_day",
    "recency_days",
    "frequency",
    "monetary_minor",
    "r_score",
    "f_score",
    "m_score",
    "segment",
    "suggested_stage",
    "stage_reason",
    "clv_forecast_minor",
    "score",
    "grade",
    "computed_at",
)
# One customer's `customer_value` row, in VALUE_COLUMNS order: compact while a
# recomputation holds 100,000 of them.
ValueRow = tuple[Any, ...]


def value_settings(session: Session) -> ValueSettings:
    return ValueSettings.from_json(get_value(session, SETTING_KEY))


def reference_day(session: Session, settings: ValueSettings, today: date) -> date:
    """The last day of the RFM window; the last order day is looked up only when needed."""
    needs_data = settings.reference_mode is ReferenceDateMode.LAST_ORDER
    return settings.reference_day(today, last_order_day(session) if needs_data else None)


def value_row(
    customer_id: uuid.UUID,
    day: date,
    measures: RfmInput,
    rfm: RfmResult | None,
    suggestion: StageSuggestion,
    clv: ClvEstimate,
    score: tuple[int, Grade],
    computed_at: datetime,
) -> ValueRow:
    reason = suggestion.reason
    return (
        customer_id,
        day,
        measures.recency_days,
        measures.frequency,
        to_minor(measures.monetary),
        rfm.r_score if rfm else None,
        rfm.f_score if rfm else None,
        rfm.m_score if rfm else None,
        rfm.segment if rfm else None,
        suggestion.stage,
        {"template": reason.template, "params": dict(reason.params)},
        to_minor(clv.forecast),
        *score,
        computed_at,
    )


def replace_values(session: Session, rows: Iterable[ValueRow]) -> None:
    """Every customer's stored figures become `rows`."""
    session.execute(delete(CustomerValue))
    _insert_values(session, rows)


def _insert_values(session: Session, rows: Iterable[ValueRow]) -> None:
    for chunk in _chunks(rows, _ROWS_A_STATEMENT):
        insert_rows(
            session, CustomerValue, [dict(zip(VALUE_COLUMNS, row, strict=True)) for row in chunk]
        )


def _chunks(rows: Iterable[ValueRow], size: int) -> Iterator[list[ValueRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def apply_suggested_stages(
    session: Session, now: datetime, customer_id: uuid.UUID | None = None
) -> int:
    """Give every live, unpinned customer (or the one) the stage its stored figures
    suggest, as an edit (new version, updated now); how many customers changed stage."""
    statement = (
        update(Customer)
        .where(
            Customer.id == CustomerValue.customer_id,
            Customer.deleted_at.is_(None),
            Customer.stage_pinned == false(),
            Customer.lifecycle_stage != CustomerValue.suggested_stage,
        )
        .values(
            lifecycle_stage=CustomerValue.suggested_stage,
            version=Customer.version + 1,
            updated_at=now,
        )
    )
    if customer_id is not None:
        statement = statement.where(Customer.id == customer_id)
    changed: int = session.connection().execute(statement).rowcount
    return changed


def add_run(session: Session, run: LastRun) -> None:
    summary = run.summary
    session.add(
        ValueRun(
            reference_day=summary.reference_day,
            window_days=summary.window_days,
            population=run.population.to_json() if run.population is not None else None,
            retention=str(run.retention),
            customers=summary.customers,
            buyers=summary.buyers,
            stage_changes=summary.stage_changes,
            seconds=summary.seconds,
            computed_at=summary.computed_at,
        )
    )
    session.flush()


def last_run(session: Session) -> LastRun | None:
    run = session.scalars(select(ValueRun).order_by(ValueRun.id.desc()).limit(1)).first()
    if run is None:
        return None
    summary = ValueRunSummary(
        reference_day=run.reference_day,
        window_days=run.window_days,
        customers=run.customers,
        buyers=run.buyers,
        stage_changes=run.stage_changes,
        seconds=run.seconds,
        computed_at=run.computed_at,
    )
    population = RfmPopulation.from_json(run.population) if run.population is not None else None
    return LastRun(summary, population, Decimal(run.retention))


def customer_report(
    session: Session, customer_id: uuid.UUID, today: date
) -> CustomerValueReport | None:
    """One customer's figures computed now against the last run; None for a customer who
    does not exist or was deleted."""
    customer = next(iter(live_customers(session, customer_id).values()), None)
    if customer is None:
        return None
    settings = value_settings(session)
    day = reference_day(session, settings, today)
    history = next(
        (found for _key, found in order_histories(session, day, customer_id)), PurchaseHistory(())
    )
    contacts = next(iter(contact_counts(session, customer_id).values()), NO_CONTACTS)
    return value_report(
        customer_id,
        history,
        contacts,
        settings,
        day,
        (customer.stage, customer.stage_pinned),
        last_run(session),
    )


def refresh_customer_value(
    session: Session, customer_id: uuid.UUID, today: date, now: datetime
) -> None:
    """Bring one customer's stored figures (and unpinned stage) up to date against the
    last run's population, in the caller's transaction. Nothing is done before the first
    run, nor for a deleted customer."""
    report = customer_report(session, customer_id, today)
    if report is None or report.last_run is None:
        return
    row = value_row(
        customer_id,
        report.reference_day,
        report.rfm_input,
        report.rfm,
        report.suggestion,
        report.clv,
        (report.scorecard.total, report.scorecard.grade),
        now,
    )
    session.execute(delete(CustomerValue).where(CustomerValue.customer_id == customer_id))
    _insert_values(session, [row])
    apply_suggested_stages(session, now, customer_id)
