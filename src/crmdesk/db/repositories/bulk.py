"""Fast writes of many prepared rows, bypassing the ORM's object-by-object flush.

For jobs such as building the demo database or importing a spreadsheet: the rows are
plain dicts with every column filled in (ids, timestamps and versions included), so no
Python-side default runs.
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import repeat

from sqlalchemy import Connection, insert
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
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    order = compiled.positiontup if isinstance(compiled, SQLCompiler) else None
    if order is None or set(order) != rows[0].keys():
        # Another engine's parameter style, or a column left to its Python default.
        connection.execute(insert(table), list(rows))
        return
    # SQLAlchemy's executemany converts each value on its own; a column's conversion
    # mapped over the column costs a fraction of that, and then the driver takes tuples.
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
    connection.exec_driver_sql(compiled.string, list(zip(*columns, strict=True)))


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
