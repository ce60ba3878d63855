"""The customer search index: one document a customer in `customer_search`, indexed by an
SQLite FTS5 table that triggers keep in step. Documents are rebuilt inside the same
transaction as every write that touches a customer or its contacts, so search can never
show a stale or deleted customer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    bindparam,
    column,
    delete,
    event,
    false,
    insert,
    literal,
    literal_column,
    or_,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.attributes import instance_state

from crmdesk.db.models import Contact, Customer, CustomerSearch, SearchIndexState
from crmdesk.domain.search_text import (
    SearchSubject,
    like_patterns,
    match_expression,
    search_document,
    sort_key,
)

SEARCH_FTS_TABLE = "customer_search_fts"
# Bump whenever search_document() or sort_key() produce something different, so that
# existing databases rebuild their documents and search keys at start-up.
SEARCH_FORMAT_VERSION = 2
_PENDING_KEY = "crmdesk_search_pending"
_CHUNK = 500
# Three bound values a document: 6,000 a statement, within SQLite's limit of 32,766.
_DOCUMENTS_A_STATEMENT = 2_000


def is_search_index_object(table_name: str) -> bool:
    """FTS5 keeps its own shadow tables; migrations manage them by hand."""
    return table_name.startswith(SEARCH_FTS_TABLE)


def customer_match_condition(query: str, dialect: str) -> ColumnElement[bool] | None:
    """A WHERE condition on `Customer.id` for a typed search; None if nothing was typed.

    Text with no letters or digits in it ("---") matches nobody. SQLite answers from the
    FTS5 index; other engines (an office PostgreSQL server) scan the documents with LIKE
    until they get an index of their own.
    """
    if not query.strip():
        return None
    if dialect == "sqlite":
        expression = match_expression(query)
        if expression is None:
            return false()
        fts = table(SEARCH_FTS_TABLE, column("rowid", Integer))
        hits = select(fts.c.rowid).where(literal_column(SEARCH_FTS_TABLE).op("MATCH")(expression))
        return Customer.id.in_(
            select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(hits))
        )
    terms = like_patterns(query)
    if not terms:
        return false()
    padded = literal(" ") + CustomerSearch.document + literal(" ")
    document_matches = and_(*(or_(*(padded.like(p) for p in term)) for term in terms))
    return Customer.id.in_(select(CustomerSearch.customer_id).where(document_matches))


def refresh_if_stale(connection: Connection) -> bool:
    """Rebuild every search key and document if they were made by older rules."""
    stored = connection.execute(
        select(SearchIndexState.format_version).where(SearchIndexState.id == 1)
    ).scalar_one_or_none()
    if stored == SEARCH_FORMAT_VERSION:
        return False
    customers = connection.execute(select(Customer.id, Customer.name)).all()
    if customers:
        connection.execute(
            update(Customer).where(Customer.id == bindparam("customer_id")),
            [{"customer_id": c.id, "search_keys": sort_key(c.name)} for c in customers],
        )
    rebuild_documents(connection, None)
    connection.execute(delete(SearchIndexState))
    connection.execute(insert(SearchIndexState).values(id=1, format_version=SEARCH_FORMAT_VERSION))
    return True


def rebuild_documents(connection: Connection, customer_ids: Iterable[uuid.UUID] | None) -> int:
    """Rewrite the search documents of these customers (all customers if None).

    Deleted customers lose their document. Returns the number of documents written.
    """
    if customer_ids is None:
        connection.execute(delete(CustomerSearch))
        ids_query = select(Customer.id).where(Customer.deleted_at.is_(None))
        ids: Sequence[uuid.UUID] = connection.execute(ids_query).scalars().all()
    else:
        ids = list(dict.fromkeys(customer_ids))
    written = 0
    for start in range(0, len(ids), _CHUNK):
        written += _rebuild_chunk(connection, ids[start : start + _CHUNK])
    return written


def _rebuild_chunk(connection: Connection, ids: Sequence[uuid.UUID]) -> int:
    connection.execute(delete(CustomerSearch).where(CustomerSearch.customer_id.in_(ids)))
    customers = connection.execute(
        select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.phone,
            Customer.phone_alt,
            Customer.email,
            Customer.wechat,
        ).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))
    ).all()
    if not customers:
        return 0
    contacts: dict[uuid.UUID, list[Any]] = {}
    for row in connection.execute(
        select(Contact.customer_id, Contact.name, Contact.phone, Contact.email, Contact.wechat)
        .where(Contact.customer_id.in_(ids), Contact.deleted_at.is_(None))
        .order_by(Contact.customer_id, Contact.is_primary.desc(), Contact.name)
    ):
        contacts.setdefault(row.customer_id, []).append(row)
    documents = []
    for c in customers:
        people = contacts.get(c.id, [])
        subject = SearchSubject(
            code=c.code,
            names=[c.name, *(p.name for p in people)],
            phones=[x for x in (c.phone, c.phone_alt, *(p.phone for p in people)) if x],
            emails=[x for x in (c.email, *(p.email for p in people)) if x],
            other_words=[x for x in (c.wechat, *(p.wechat for p in people)) if x],
        )
        documents.append((c.id, search_document(subject)))
    return write_documents(connection, documents)


def write_documents(connection: Connection, documents: Iterable[tuple[uuid.UUID, str]]) -> int:
    """Store the search documents of customers that have none (new ones, or ones whose
    document was just deleted); returns the number written.

    A document is `search_document()` of the customer's own facts followed by those of
    its live contacts, the primary contact first, then by name.
    """
    rows = list(documents)
    # Many documents a statement: FTS5 takes in a statement's documents as a whole, and
    # one statement a document (executemany) makes the index twice as slow to fill.
    for start in range(0, len(rows), _DOCUMENTS_A_STATEMENT):
        _insert_documents(connection, rows[start : start + _DOCUMENTS_A_STATEMENT])
    return len(rows)


def _insert_documents(connection: Connection, rows: Sequence[tuple[uuid.UUID, str]]) -> None:
    # Each document takes a copy of its customer's name sort key, read from the row the
    # customer's writer just stored, so that every path that writes customers agrees.
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        connection.execute(
            insert(CustomerSearch).values(
                [
                    {
                        "customer_id": customer_id,
                        "document": text,
                        "search_keys": _keys_of(customer_id),
                    }
                    for customer_id, text in rows
                ]
            )
        )
        return
    # Written out for SQLite: compiling thousands of bound values costs more than FTS5
    # takes to index them.
    key_type = CustomerSearch.__table__.c.customer_id.type
    to_stored = key_type.dialect_impl(dialect).bind_processor(dialect)
    values: list[object] = []
    for customer_id, text in rows:
        values += (to_stored(customer_id) if to_stored else customer_id, text)
    # A join, not a scalar subquery a row: SQLite prepares thousands of subqueries in one
    # statement so slowly that it took five times as long as indexing the documents.
    connection.exec_driver_sql(
        f"INSERT INTO {CustomerSearch.__tablename__} (customer_id, document, search_keys) "
        "SELECT given.column1, given.column2, c.search_keys FROM (VALUES "
        + ", ".join(("(?, ?)",) * len(rows))
        + f") AS given JOIN {Customer.__tablename__} AS c ON c.id = given.column1",
        tuple(values),
    )


def _keys_of(customer_id: uuid.UUID) -> ColumnElement[str]:
    return select(Customer.search_keys).where(Customer.id == customer_id).scalar_subquery()


def warm_search_index(connection: Connection) -> int:
    """Read the indexes of the search documents of a SQLite file from end to end, so that
    the operating system holds them in memory and the first searches after a cold start
    do not wait for the disk; returns the bytes of the values read (0 on other engines).

    A search reads these pages one at a time, scattered over the file: a cold start
    costs a disk wait each. Read in order, they come in with the kernel's read-ahead.
    """
    if connection.dialect.name != "sqlite":
        return 0
    return sum(int(connection.exec_driver_sql(sql).scalar_one() or 0) for sql in _WARM_UP_READS)


# Measured on 1,000,000 customers after dropping the page cache: reading the documents'
# two indexes (160 MB on disk, 0.2 s) takes the first keystrokes' p95 from 85-140 ms to
# about 50 ms. Reading the documents too (560 MB, 4 s more) would reach a warm file's
# 30 ms, but a search typed meanwhile waits behind it for the disk (p95 250 ms), so they
# are left to come in as searches need them. The full-text index's own 600 MB (8 s) made
# no difference: a typed word reads few of its pages.
_WARM_UP_READS = tuple(
    # A covering scan of each index of the documents, whole (INDEXED BY: that index).
    # They sort a few matches by name, or walk the name order for many.
    f"SELECT sum(length(customer_id)) FROM {CustomerSearch.__tablename__} INDEXED BY {index.name}"
    for index in sorted(
        CustomerSearch.metadata.tables[CustomerSearch.__tablename__].indexes,
        key=lambda i: str(i.name),
    )
)


def install_search_hooks(session_factory: sessionmaker[Session]) -> None:
    """Keep `search_keys` and the search documents in step with every ORM flush."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)


# The columns a search document is made of; changing anything else leaves it alone.
_CUSTOMER_SEARCHED = ("code", "name", "phone", "phone_alt", "email", "wechat", "deleted_at")
_CONTACT_SEARCHED = ("customer_id", "name", "phone", "email", "wechat", "deleted_at", "is_primary")


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    pending: set[uuid.UUID] = session.info.setdefault(_PENDING_KEY, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Customer) and _changed(obj, _CUSTOMER_SEARCHED):
            obj.search_keys = sort_key(obj.name or "")
            if obj.id is None:
                obj.id = uuid.uuid4()
            pending.add(obj.id)
        elif isinstance(obj, Contact) and _changed(obj, _CONTACT_SEARCHED):
            pending.update(_customers_of(obj))


def _changed(obj: Customer | Contact, columns: tuple[str, ...]) -> bool:
    state = instance_state(obj)
    return state.pending or any(state.attrs[c].history.has_changes() for c in columns)


def _customers_of(contact: Contact) -> set[uuid.UUID]:
    """The customer a contact belongs to now and, if it was moved, the one it left."""
    history = instance_state(contact).attrs["customer_id"].history
    owners = {*history.deleted, *history.unchanged, *history.added}
    if contact.customer is not None and contact.customer.id is not None:
        # Added through `customer.contacts`: no customer_id until the flush sets it.
        owners.add(contact.customer.id)
    return {owner for owner in owners if owner is not None}


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending: set[uuid.UUID] = session.info.pop(_PENDING_KEY, set())
    if pending:
        rebuild_documents(session.connection(), pending)
