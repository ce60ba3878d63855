"""Undo a recorded import as a whole."""

from __future__ import annotations

import uuid

from crmdesk.db.engine import Database
from crmdesk.db.repositories import import_batches as journal
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.import_results import UndoResult


def undo_import(database: Database, batch_id: uuid.UUID, clock: Clock = system_clock) -> UndoResult:
    """Remove what the import created and put back the fields it overwrote, in one unit
    of work. Refused with UndoRefusedError, changing nothing, when the batch was undone
    already or any record it wrote was edited or deleted since (undoing would lose
    that edit), or when records added since point to what it created."""
    with database.unit_of_work() as uow:
        removed, restored = journal.undo_batch(uow.session, batch_id, clock())
        uow.commit()
    return UndoResult(batch_id, removed, restored)
