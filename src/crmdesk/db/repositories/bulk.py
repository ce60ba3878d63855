"""Fast writes of many prepared rows, bypassing the ORM's object-by-object flush.

For jobs such as building the demo database or importing a spreadsheet: the rows are
plain dicts with every column filled in (ids, timestamps and versions included), so no
Python-side default runs.
"""

from __future__ import annotations

import functools
import operator
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, repeat

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from crmdesk.db.base import Base
from crmdesk.db.search_index import rebuild_documents, write_documents

# SQLite's page cache while a bulk job writes (KiB). With the default 2 MB, every insert
# into the customer table's many indexes goes back to the file once the table outgrows
# it (100,000 customers: 5.9 s instead of 3.6 s with 64 MB). Rows written in ascending id
# order, as an import writes customers, need less: 16 MB gives 3.1 s; 32 MB leaves room
# for the search index.
BULK_CACHE_KIB = 32 * 1024


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, object]]) -> None:
    """INSERT `rows` into `model`'s table in one executemany. All rows need the same keys."""
    if not rows:
        return
    table = Base.metadata.tables[model.__tablename__]
    connection = session.connection()
    shape = _positional_insert(connection.dialect, table, rows[0])
    if shape is None:
        connection.execute(insert(table), list(rows))
        return
    sql, order = shape
    columns = _driver_columns(connection.dialect, table, order, rows)
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


# Bound values in one statement: SQLite's default limit (SQLITE_MAX_VARIABLE_NUMBER).
_VALUES_A_STATEMENT = 32_766


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows of one table made ready for the driver, so that inserting them is little
    more than the database's own work."""

    table: Table
    # SQLite: multi-row INSERT statements with their values, already converted.
    statements: tuple[tuple[str, tuple[object, ...]], ...] = ()
    # Other engines: the rows as given, for SQLAlchemy to insert.
    rows: Sequence[Mapping[str, object]] = ()


class RowPreparer:
    """Prepares rows for the engine of a session without using the session or its
    connection, so that another thread may be writing through them meanwhile.

    Many rows go in one statement rather than one row a statement (executemany):
    SQLite then runs long stretches without Python's GIL, which the other thread can
    use. The driver keeps each such statement prepared, megabytes each, so this is for
    jobs that gain from it (see importing.pipeline), not for every bulk write.
    """

    def __init__(self, session: Session) -> None:
        self._dialect = session.get_bind().dialect

    def __call__(self, model: type[Base], rows: Sequence[Mapping[str, object]]) -> PreparedRows:
        """`rows` ready for `insert_prepared`. All rows need the same keys."""
        table = Base.metadata.tables[model.__tablename__]
        shape = _positional_insert(self._dialect, table, rows[0]) if rows else None
        if shape is None or self._dialect.paramstyle != "qmark":
            return PreparedRows(table, rows=rows)
        sql, order = shape
        width = len(order)
        columns = _driver_columns(self._dialect, table, order, rows)
        flat = list(chain.from_iterable(zip(*columns, strict=True)))
        statements: list[tuple[str, tuple[object, ...]]] = []
        first = 0
        for count in _statement_sizes(len(rows), max(1, _VALUES_A_STATEMENT // width)):
            end = first + count
            statements.append(
                (_multi_row(sql, width, count), tuple(flat[first * width : end * width]))
            )
            first = end
        return PreparedRows(table, statements=tuple(statements))


def insert_prepared(session: Session, prepared: PreparedRows) -> None:
    """Insert rows made ready by a RowPreparer."""
    if prepared.rows:
        session.connection().execute(insert(prepared.table), list(prepared.rows))
    for sql, values in prepared.statements:
        session.connection().exec_driver_sql(sql, values)


def _positional_insert(
    dialect: Dialect, table: Table, row: Mapping[str, object]
) -> tuple[str, Sequence[str]] | None:
    """The INSERT of one row of these keys, and the keys in the order it binds them;
    None for another engine's parameter style or a column left to its Python default."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(row))
    order = compiled.positiontup if isinstance(compiled, SQLCompiler) else None
    if order is None or set(order) != row.keys():
        return None
    return compiled.string, order


def _driver_columns(
    dialect: Dialect, table: Table, order: Sequence[str], rows: Sequence[Mapping[str, object]]
) -> list[list[object]]:
    """The values of each column, converted to what the driver takes.

    SQLAlchemy's executemany converts each value on its own; a column's conversion
    mapped over the column costs a fraction of that.
    """
    columns: list[list[object]] = []
    for key in order:
        values = [row[key] for row in rows]
        convert = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is None:
            columns.append(values)
        elif all(map(operator.is_, values, repeat(values[0]))):
            # One object in every row (the batch's timestamp, a shared id): converted once.
            columns.append([convert(values[0])] * len(values))
        else:
            columns.append(list(map(convert, values)))
    return columns


def _statement_sizes(rows: int, most: int) -> Iterator[int]:
    """Rows a statement: as many times `most` as fit, then the rest in powers of two, so
    that the statements of a job come in few shapes (tag links vary from batch to batch)
    and the driver keeps few of them prepared."""
    full, rest = divmod(rows, most)
    yield from repeat(most, full)
    for power in reversed(range(rest.bit_length())):
        if rest >> power & 1:
            yield 1 << power


@functools.lru_cache(maxsize=32)
def _multi_row(single_row: str, width: int, rows: int) -> str:
    """The INSERT … VALUES (?, …) statement `single_row` with `rows` rows of values."""
    placeholders = "(" + ", ".join(("?",) * width) + ")"
    return single_row + f", {placeholders}" * (rows - 1)


def index_customers(session: Session, customer_ids: Iterable[uuid.UUID]) -> None:
    """Write the search documents of customers (and their contacts) inserted in bulk."""
    rebuild_documents(session.connection(), customer_ids)


def index_new_customers(session: Session, documents: Iterable[tuple[uuid.UUID, str]]) -> None:
    """Store the search documents (see `search_index.write_documents`) of customers just
    inserted in bulk, made from what was inserted rather than read back."""
    write_documents(session.connection(), documents)


@contextmanager
def bulk_writing(session: Session) -> Iterator[None]:
    """A larger page cache on this session's connection for the duration of a bulk job,
    and foreign keys checked at commit rather than row by row, since a row of a file may
    name a customer (its referrer) that a later row of the same file creates.

    The cache size belongs to the pooled connection, not to the transaction, so it is put
    back afterwards whatever happens; deferring ends with the transaction by itself.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    _set_cache(connection, -BULK_CACHE_KIB)
    try:
        yield
    finally:
        _set_cache(connection, int(previous))


def _set_cache(connection: Connection, size: int) -> None:
    connection.exec_driver_sql(f"PRAGMA cache_size = {size:d}")
