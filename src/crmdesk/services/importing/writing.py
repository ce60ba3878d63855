"""What every import writer shares: the bookkeeping columns of a new row, and the journal
of rows created and updated that makes the batch undoable."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from crmdesk.db.base import Base
from crmdesk.db.engine import UnitOfWork
from crmdesk.db.repositories import import_batches as journal


def synced_columns(row_id: uuid.UUID, now: datetime) -> dict[str, Any]:
    """The columns every synchronisable row has, for a row written in bulk."""
    return {"id": row_id, "created_at": now, "updated_at": now, "deleted_at": None, "version": 1}


class Journal:
    """Rows an import created, and the previous values of the fields it overwrote."""

    def __init__(self) -> None:
        self._created: list[tuple[str, uuid.UUID]] = []
        self._updated: dict[tuple[str, uuid.UUID], dict[str, object]] = {}

    def created(self, model: type[Base], ids: Iterable[uuid.UUID]) -> None:
        self._created += [(model.__tablename__, row_id) for row_id in ids]

    def updated(self, model: type[Base], row_id: uuid.UUID, previous: Mapping[str, object]) -> None:
        """`previous`: column -> JSON-ready value before the import; the first value
        noted for a column is the one an undo puts back."""
        noted = self._updated.setdefault((model.__tablename__, row_id), {})
        for column, value in previous.items():
            noted.setdefault(column, value)

    def created_counts(self) -> dict[str, int]:
        return dict(Counter(table for table, _ in self._created))

    def record(self, uow: UnitOfWork, batch_id: uuid.UUID) -> None:
        """Write the journal under `batch_id`, with each updated row's version as the import
        leaves it (an undo refuses rows edited since)."""
        versions: dict[tuple[str, uuid.UUID], int] = {}
        tables = {table for table, _ in self._updated}
        for table in tables:
            ids = [row_id for t, row_id in self._updated if t == table]
            for row_id, version in journal.current_versions(uow.session, table, ids).items():
                versions[(table, row_id)] = version
        journal.record_changes(uow.session, batch_id, self._rows(versions))

    def _rows(self, versions: Mapping[tuple[str, uuid.UUID], int]) -> Iterator[dict[str, object]]:
        for table, row_id in self._created:
            yield {
                "table_name": table,
                "row_id": row_id,
                "action": "created",
                "previous": None,
                "version_after": 1,
            }
        for (table, row_id), previous in self._updated.items():
            yield {
                "table_name": table,
                "row_id": row_id,
                "action": "updated",
                "previous": previous,
                "version_after": versions[(table, row_id)],
            }
