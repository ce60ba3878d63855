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
    column,
    delete,
    event,
    insert,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.attributes import instance_state

from crmdesk.db.models import Contact, Customer, CustomerSearch
from crmdesk.domain.search_text import SearchSubject, match_expression, search_document, sort_key

SEARCH_FTS_TABLE = "customer_search_fts"
_PENDING_KEY = "crmdesk_search_pending"
_CHUNK = 500

# Used by the migration that creates the index. unicode61 keeps our pre-split tokens as
# they are; the prefix indexes make one- to three-character prefix queries cheap.
CREATE_FTS_STATEMENTS = (
    f"""CREATE VIRTUAL TABLE {SEARCH_FTS_TABLE} USING fts5(
        document, content='customer_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')""",
    f"""CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN
        INSERT INTO {SEARCH_FTS_TABLE}(rowid, document) VALUES (new.id, new.document);
    END""",
    f"""CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN
        INSERT INTO {SEARCH_FTS_TABLE}({SEARCH_FTS_TABLE}, rowid, document)
        VALUES ('delete', old.id, old.document);
    END""",
    f"""CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN
        INSERT INTO {SEARCH_FTS_TABLE}({SEARCH_FTS_TABLE}, rowid, document)
        VALUES ('delete', old.id, old.document);
        INSERT INTO {SEARCH_FTS_TABLE}(rowid, document) VALUES (new.id, new.document);
    END""",
)
DROP_FTS_STATEMENTS = (
    "DROP TRIGGER IF EXISTS customer_search_au",
    "DROP TRIGGER IF EXISTS customer_search_ad",
    "DROP TRIGGER IF EXISTS customer_search_ai",
    f"DROP TABLE IF EXISTS {SEARCH_FTS_TABLE}",
)


def is_search_index_object(table_name: str) -> bool:
    """FTS5 keeps its own shadow tables; migrations manage them by hand."""
    return table_name.startswith(SEARCH_FTS_TABLE)


def customer_match_condition(query: str) -> ColumnElement[bool] | None:
    """A WHERE condition on `Customer.id` for a typed search, or None if it has no words."""
    expression = match_expression(query)
    if expression is None:
        return None
    fts = table(SEARCH_FTS_TABLE, column("rowid", Integer))
    hits = select(fts.c.rowid).where(literal_column(SEARCH_FTS_TABLE).op("MATCH")(expression))
    matching = select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(hits))
    return Customer.id.in_(matching)


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
        documents.append({"customer_id": c.id, "document": search_document(subject)})
    connection.execute(insert(CustomerSearch), documents)
    return len(documents)


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
