"""Writes and reads of the import journal (import_batch, import_change), the bulk look-ups
an import needs (reps, tags, customers by code or name), and the row-level
reversal an undo performs."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from crmdesk.db.base import Base
from crmdesk.db.models import (
    Complaint,
    ComplaintEvent,
    Contact,
    Customer,
    CustomerSearch,
    CustomerTag,
    FollowUp,
    ImportBatch,
    ImportChange,
    Interaction,
    Order,
    OrderLine,
    Rep,
    Tag,
)
from crmdesk.db.repositories.bulk import index_customers, insert_rows
from crmdesk.db.repositories.import_matching import CHUNK
from crmdesk.domain.import_results import (
    DuplicatePolicy,
    ImportBatchRecord,
    ImportCounts,
    UndoRefusedError,
)

# The tables an import writes, in the order their rows may be inserted (and the reverse
# order in which an undo removes them).
IMPORTED_MODELS: tuple[type[Base], ...] = (
    Tag,
    Customer,
    Contact,
    CustomerTag,
    Order,
    OrderLine,
    Interaction,
    FollowUp,
    Complaint,
    ComplaintEvent,
)
_JOURNAL_SLICE = 5_000
_TABLES = {
    model.__tablename__: Base.metadata.tables[model.__tablename__] for model in IMPORTED_MODELS
}


def reps_by_name(session: Session) -> dict[str, uuid.UUID]:
    """Live reps by their name (the first one of a name wins)."""
    reps: dict[str, uuid.UUID] = {}
    for rep_id, name in session.execute(
        select(Rep.id, Rep.name).where(Rep.deleted_at.is_(None)).order_by(Rep.created_at)
    ):
        reps.setdefault(name, rep_id)
    return reps


def tags_by_name(session: Session) -> dict[str, tuple[uuid.UUID, datetime | None]]:
    """Every tag by name: its id and when it was deleted (a deleted one is revived)."""
    return {
        name: (tag_id, deleted_at)
        for tag_id, name, deleted_at in session.execute(select(Tag.id, Tag.name, Tag.deleted_at))
    }


def existing_tag_links(
    session: Session, links: Collection[tuple[uuid.UUID, uuid.UUID]]
) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """The (customer, tag) pairs among these that have a row already, deleted or not."""
    customer_ids = list({customer_id for customer_id, _ in links})
    found: set[tuple[uuid.UUID, uuid.UUID]] = set()
    for start in range(0, len(customer_ids), CHUNK):
        found.update(
            (c, t)
            for c, t in session.execute(
                select(CustomerTag.customer_id, CustomerTag.tag_id).where(
                    CustomerTag.customer_id.in_(customer_ids[start : start + CHUNK])
                )
            )
        )
    return found & set(links)


def current_versions(
    session: Session, table_name: str, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    table = _TABLES[table_name]
    versions: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), CHUNK):
        versions.update(
            (row_id, version)
            for row_id, version in session.execute(
                select(table.c.id, table.c.version).where(
                    table.c.id.in_(ids[start : start + CHUNK])
                )
            )
        )
    return versions


def revive_tags(session: Session, tag_ids: Collection[uuid.UUID], now: datetime) -> None:
    if tag_ids:
        session.execute(
            update(Tag)
            .where(Tag.id.in_(tag_ids))
            .values(deleted_at=None, updated_at=now, version=Tag.version + 1)
        )


def customers_by_key(session: Session, keys: Collection[str]) -> dict[str, list[uuid.UUID]]:
    """Live customers whose code or exact name is one of `keys`: key -> ids. A code
    names one customer; a name may name several."""
    by_code: dict[str, list[uuid.UUID]] = {}
    by_name: dict[str, list[uuid.UUID]] = {}
    wanted = list(keys)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        asked = set(chunk)
        for customer_id, code, name in session.execute(
            select(Customer.id, Customer.code, Customer.name).where(
                Customer.deleted_at.is_(None),
                (Customer.code.in_(chunk)) | (Customer.name.in_(chunk)),
            )
        ):
            # One file may name a customer by its code in one row and by its name in
            # another: both keys find it.
            if code in asked:
                by_code[code] = [customer_id]
            if name in asked:
                by_name.setdefault(name, []).append(customer_id)
    return by_name | by_code  # a code wins over a name that happens to be spelt the same


def load_customers(
    session: Session, customer_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Customer]:
    """Live customers by id, to be updated through the ORM (versions, search documents)."""
    found: dict[uuid.UUID, Customer] = {}
    wanted = list(customer_ids)
    for start in range(0, len(wanted), CHUNK):
        for customer in session.scalars(
            select(Customer).where(
                Customer.id.in_(wanted[start : start + CHUNK]), Customer.deleted_at.is_(None)
            )
        ):
            found[customer.id] = customer
    return found


def record_batch(
    session: Session,
    *,
    file_name: str,
    sheet: str | None,
    entity: str,
    on_duplicate: DuplicatePolicy,
    counts: ImportCounts,
    started_at: datetime,
    finished_at: datetime,
) -> uuid.UUID:
    batch = ImportBatch(
        id=uuid.uuid4(),
        created_at=finished_at,
        file_name=file_name,
        sheet=sheet,
        entity=entity,
        on_duplicate=on_duplicate.value,
        created_count=counts.created,
        updated_count=counts.updated,
        skipped_count=counts.skipped,
        review_count=counts.review,
        rejected_count=counts.rejected,
        started_at=started_at,
        finished_at=finished_at,
    )
    session.add(batch)
    session.flush()
    return batch.id


def record_changes(
    session: Session, batch_id: uuid.UUID, changes: Iterable[Mapping[str, object]]
) -> None:
    """Journal rows: `table_name`, `row_id`, `action`, `previous`, `version_after`;
    written in slices, so a large import never holds them all at once."""
    rows: list[dict[str, object]] = []
    for change in changes:
        rows.append({"batch_id": batch_id, **change})
        if len(rows) == _JOURNAL_SLICE:
            insert_rows(session, ImportChange, rows)
            rows = []
    insert_rows(session, ImportChange, rows)


def json_ready(value: object) -> object:
    """A stored value as JSON holds it (the journal of overwritten values)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def list_batches(session: Session) -> list[ImportBatchRecord]:
    """Every recorded import, newest first."""
    return [
        ImportBatchRecord(
            id=batch.id,
            file_name=batch.file_name,
            sheet=batch.sheet,
            entity=batch.entity,
            on_duplicate=DuplicatePolicy(batch.on_duplicate),
            counts=ImportCounts(
                created=batch.created_count,
                updated=batch.updated_count,
                skipped=batch.skipped_count,
                review=batch.review_count,
                rejected=batch.rejected_count,
            ),
            started_at=batch.started_at,
            finished_at=batch.finished_at,
            undone_at=batch.undone_at,
        )
        for batch in session.scalars(select(ImportBatch).order_by(ImportBatch.created_at.desc()))
    ]


def undo_batch(session: Session, batch_id: uuid.UUID, now: datetime) -> tuple[int, int]:
    """Remove the rows the import created and put back the fields it overwrote; returns
    (rows removed, rows restored). Refused (UndoRefusedError, nothing changed by the
    caller's rollback) when any of those rows changed since the import."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoRefusedError(f"There is no recorded import {batch_id}.")
    if batch.undone_at is not None:
        raise UndoRefusedError(f"The import of {batch.file_name} was already undone.")
    changes = session.scalars(
        select(ImportChange).where(ImportChange.batch_id == batch_id).order_by(ImportChange.id)
    ).all()
    _refuse_if_changed_since(session, batch, changes)
    created: dict[str, list[uuid.UUID]] = {}
    restored = 0
    # Customers whose search documents list contacts the undo removes or restores.
    touched_customers = _owners_of_contacts(
        session, [c.row_id for c in changes if c.table_name == Contact.__tablename__]
    )
    for change in changes:
        if change.action == "created":
            created.setdefault(change.table_name, []).append(change.row_id)
        else:
            _restore(session, _TABLES[change.table_name], change, now)
            restored += 1
            if change.table_name == Customer.__tablename__:
                touched_customers.add(change.row_id)
    removed = _remove_created(session, batch, created)
    index_customers(session, touched_customers.difference(created.get(Customer.__tablename__, ())))
    batch.undone_at = now
    session.flush()
    return removed, restored


def _owners_of_contacts(session: Session, contact_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    owners: set[uuid.UUID] = set()
    for start in range(0, len(contact_ids), CHUNK):
        owners.update(
            session.scalars(
                select(Contact.customer_id).where(
                    Contact.id.in_(contact_ids[start : start + CHUNK])
                )
            )
        )
    return owners


def _refuse_if_changed_since(
    session: Session, batch: ImportBatch, changes: Sequence[ImportChange]
) -> None:
    by_table: dict[str, dict[uuid.UUID, int]] = {}
    for change in changes:
        by_table.setdefault(change.table_name, {})[change.row_id] = change.version_after
    edited = 0
    for table_name, expected in by_table.items():
        table = _TABLES[table_name]
        ids = list(expected)
        for start in range(0, len(ids), CHUNK):
            for row_id, version, deleted_at in session.execute(
                select(table.c.id, table.c.version, table.c.deleted_at).where(
                    table.c.id.in_(ids[start : start + CHUNK])
                )
            ):
                if version != expected[row_id] or deleted_at is not None:
                    edited += 1
    if edited:
        raise UndoRefusedError(
            f"The import of {batch.file_name} cannot be undone: {edited} of its records were "
            "edited or deleted after it. Nothing was changed; undoing it would lose those edits."
        )


def _restore(session: Session, table: Table, change: ImportChange, now: datetime) -> None:
    values: dict[str, Any] = {
        name: _from_json(table.c[name].type.python_type, value)
        for name, value in (change.previous or {}).items()
    }
    session.execute(
        update(table)
        .where(table.c.id == change.row_id)
        .values(**values, updated_at=now, version=table.c.version + 1)
    )


def _from_json(python_type: type, value: Any) -> object:
    if value is None:
        return None
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is uuid.UUID:
        return uuid.UUID(value)
    if issubclass(python_type, StrEnum):
        return python_type(value)
    return value


def _remove_created(
    session: Session, batch: ImportBatch, created: Mapping[str, list[uuid.UUID]]
) -> int:
    """Delete the created rows outright, children first: the import never happened, and
    the codes and numbers it used become free for a corrected file. A row that other
    records point to since (an order logged for an imported customer) stops the undo."""
    removed = 0
    try:
        for model in reversed(IMPORTED_MODELS):
            table = _TABLES[model.__tablename__]
            ids = created.get(table.name, [])
            if model is Customer and ids:
                _delete_search_documents(session, ids)
            for start in range(0, len(ids), CHUNK):
                session.execute(delete(table).where(table.c.id.in_(ids[start : start + CHUNK])))
            removed += len(ids)
    except IntegrityError:
        raise UndoRefusedError(
            f"The import of {batch.file_name} cannot be undone: records added since refer to "
            "what it created (contacts, orders, follow-ups …). Nothing was changed."
        ) from None
    return removed


def _delete_search_documents(session: Session, customer_ids: Sequence[uuid.UUID]) -> None:
    for start in range(0, len(customer_ids), CHUNK):
        session.execute(
            delete(CustomerSearch).where(
                CustomerSearch.customer_id.in_(customer_ids[start : start + CHUNK])
            )
        )
