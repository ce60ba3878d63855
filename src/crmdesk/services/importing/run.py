"""The import itself: one unit of work that writes the valid rows (or nothing), records
the batch with the previous values of what it overwrote, and can be cancelled."""

from __future__ import annotations

from crmdesk.db.engine import Database
from crmdesk.db.repositories import import_batches as journal
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.import_results import ImportOptions, ImportResult, count_outcomes
from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.services.importing.plan import make_plan
from crmdesk.services.importing.source import RowSource, Steps
from crmdesk.services.importing.writing import Journal


def run_import(
    database: Database,
    source: RowSource,
    options: ImportOptions,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    clock: Clock = system_clock,
) -> ImportResult:
    """Import `source` in one transaction.

    `progress(done, total)` is called between chunks of rows (each row counts once when
    read and once when written); when `cancelled()` returns True the import stops with
    ImportCancelledError and nothing is changed. With `options.all_or_nothing`, a file
    with any rejected or held-back row changes nothing (the result has no batch).
    """
    started = clock()
    steps = Steps(source.row_count, progress, cancelled)
    with database.unit_of_work() as uow:
        plan = make_plan(uow, source, options, local_today(clock), steps)
        outcomes = tuple(plan.outcomes)
        counts = count_outcomes(outcomes)
        result = ImportResult(source.path.name, source.sheet, outcomes, counts)
        if (options.all_or_nothing and counts.not_imported) or not (
            counts.created or counts.updated
        ):
            steps.finish()
            return result
        changes = Journal()
        plan.write(uow, options, clock(), steps, changes)
        batch_id = journal.record_batch(
            uow.session,
            file_name=source.path.name,
            sheet=source.sheet,
            entity=options.entity.value,
            on_duplicate=options.on_duplicate,
            counts=counts,
            started_at=started,
            finished_at=clock(),
        )
        changes.record(uow, batch_id)
        steps.finish()
        uow.commit()
    return ImportResult(
        source.path.name,
        source.sheet,
        outcomes,
        counts,
        records_created=changes.created_counts(),
        batch_id=batch_id,
    )
