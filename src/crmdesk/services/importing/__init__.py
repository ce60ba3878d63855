"""Spreadsheet import: plan (dry run), run in one transaction with progress and cancel,
give back the rows not taken, list and undo recorded imports.

    source = crmdesk.io.open_source(path, ImportEntity.CUSTOMERS)
    options = ImportOptions(ImportEntity.CUSTOMERS, on_duplicate=DuplicatePolicy.UPDATE)
    preview = plan_import(database, source, options)          # nothing written
    result = run_import(database, source, options, progress=..., cancelled=...)
    write_errors_workbook(source, result, options.entity, errors_path)
    undo_import(database, result.batch_id)
"""

from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.services.importing.errors_workbook import (
    REASON_HEADER,
    reason_text,
    write_errors_workbook,
)
from crmdesk.services.importing.history import import_history
from crmdesk.services.importing.plan import plan_import
from crmdesk.services.importing.run import run_import
from crmdesk.services.importing.source import RowSource
from crmdesk.services.importing.undo import undo_import

__all__ = [
    "REASON_HEADER",
    "CancelCheck",
    "ProgressCallback",
    "RowSource",
    "import_history",
    "plan_import",
    "reason_text",
    "run_import",
    "undo_import",
    "write_errors_workbook",
]
