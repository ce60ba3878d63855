"""The recorded imports, newest first."""

from __future__ import annotations

from crmdesk.db.engine import Database
from crmdesk.db.repositories import import_batches as journal
from crmdesk.domain.import_results import ImportBatchRecord


def import_history(database: Database) -> list[ImportBatchRecord]:
    with database.unit_of_work(write=False) as uow:
        return journal.list_batches(uow.session)
