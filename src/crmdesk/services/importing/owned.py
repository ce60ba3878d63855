"""Records of a customer taken from a sheet one row each (interactions, follow-ups,
complaints): every row checked on its own with the form's rules and its customer, rep
and contact found by name, then the valid rows created in bulk, journaled for undo."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from crmdesk.db.base import Base
from crmdesk.db.engine import UnitOfWork
from crmdesk.db.repositories import bulk
from crmdesk.domain.errors import Problem, ValidationError
from crmdesk.domain.import_results import ImportOptions, RowAction, RowOutcome
from crmdesk.domain.validation import Problems
from crmdesk.services.importing.references import ReferenceLoader, References
from crmdesk.services.importing.source import RowSource, SourceRow, Steps, chunks
from crmdesk.services.importing.writing import Journal, synced_columns

# Stands in for a customer the row names but that was not found: the row is rejected
# for that, and the draft the form's rules check still needs some id.
NOT_FOUND = uuid.UUID(int=0)
# A day written without a time of day means the start of that working day.
DAY_STARTS_AT = time(9)
_INSERT_CHUNK = 2_000

_E = TypeVar("_E", bound=StrEnum)
_P = TypeVar("_P", bound="NewRecords")

# A row's columns for a new record; what is wrong with the row goes into the Problems
# (under the form's field names), and then the columns are not used.
Prepare = Callable[[SourceRow, References, Problems], dict[str, Any]]


@dataclass(slots=True)
class NewRecord:
    id: uuid.UUID
    values: dict[str, Any]  # column -> value, bookkeeping columns aside


@dataclass
class NewRecords:
    """What an import of one kind of customer record will create, and how."""

    model: type[Base]
    outcomes: list[RowOutcome] = field(default_factory=list)
    records: list[NewRecord] = field(default_factory=list)

    def write(
        self, uow: UnitOfWork, options: ImportOptions, now: datetime, steps: Steps, changes: Journal
    ) -> None:
        for start in range(0, len(self.records), _INSERT_CHUNK):
            chunk = self.records[start : start + _INSERT_CHUNK]
            self.insert(uow, chunk, now, changes)
            steps.advance(len(chunk))

    def insert(
        self, uow: UnitOfWork, chunk: Sequence[NewRecord], now: datetime, changes: Journal
    ) -> None:
        """Write one chunk of records; kinds with more to write extend this."""
        rows = [{**synced_columns(record.id, now), **record.values} for record in chunk]
        insert_journaled(uow, self.model, rows, changes)


def insert_journaled(
    uow: UnitOfWork, model: type[Base], rows: Sequence[Mapping[str, Any]], changes: Journal
) -> None:
    bulk.insert_rows(uow.session, model, rows)
    changes.created(model, (row["id"] for row in rows))


def plan_records(
    plan: _P,
    uow: UnitOfWork,
    source: RowSource,
    steps: Steps,
    prepare: Prepare,
    field_of_column: Mapping[str, str],
) -> _P:
    """Fill `plan` with an outcome for every row of `source` and the records to create.
    `field_of_column` names the file's field of each form field, where they differ."""
    loader = ReferenceLoader(uow)
    for chunk in chunks(source.rows()):
        references = loader.load(chunk)
        for row in chunk:
            checks = Problems()
            values = prepare(row, references, checks)
            problems = row_problems(row, checks, field_of_column)
            if problems:
                plan.outcomes.append(RowOutcome(row.number, RowAction.REJECT, problems))
                continue
            record = NewRecord(uuid.uuid4(), values)
            plan.records.append(record)
            plan.outcomes.append(RowOutcome(row.number, RowAction.CREATE, record_id=record.id))
        steps.advance(len(chunk))
    return plan


def row_problems(
    row: SourceRow, problems: Problems, field_of_column: Mapping[str, str]
) -> dict[str, Problem]:
    """The row's cell problems, then those the checks found, each on the file's field
    (`field_of_column`: the form's field name -> the import field, where they differ)."""
    found = dict(row.problems)
    try:
        problems.raise_if_any()
    except ValidationError as error:
        for name, problem in error.problems.items():
            found.setdefault(field_of_column.get(name, name), problem)
    return found


def enum_or(value: object, enum: type[_E], default: _E) -> _E:
    return value if isinstance(value, enum) else default


def local_instant(moment: datetime) -> datetime:
    """A wall-clock time written in the sheet, read in this computer's time zone, as an
    aware UTC instant. The cleaner reads a day without a time as midnight; nobody logs a
    call at midnight sharp, so that means DAY_STARTS_AT of the day."""
    if moment.time() == time():
        moment = datetime.combine(moment.date(), DAY_STARTS_AT)
    return moment.astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The last moment of the local `day`: the latest time a row may give for something
    that has already happened (an import is judged by its day, not its second)."""
    return datetime.combine(day + timedelta(days=1), time()).astimezone(UTC)
