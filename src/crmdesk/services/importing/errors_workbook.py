"""The rows an import did not take, given back as a workbook: the original columns as
they were in the file, plus a column that says why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crmdesk.domain.import_fields import FIELDS, ImportEntity
from crmdesk.domain.import_results import ImportResult, RowOutcome
from crmdesk.io.xlsx_writer import ColumnFormat, XlsxWriter
from crmdesk.services.importing.source import RowSource

REASON_HEADER = "错误原因 / Reason"
_REASON_WIDTH = 60.0


def reason_text(outcome: RowOutcome, entity: ImportEntity) -> str:
    """Why a row was not imported, one sentence per problem, naming the column's field."""
    labels = {f.key: f.label_en for f in FIELDS[entity]}
    parts = [
        f"{labels.get(key, key)}: {problem.message}" for key, problem in outcome.problems.items()
    ]
    if outcome.duplicate_of is not None and not outcome.problems:
        parts += [problem.message for problem in outcome.reasons]
    return " ".join(parts)


def write_errors_workbook(
    source: RowSource,
    result: ImportResult,
    entity: ImportEntity,
    path: Path,
    reason: Callable[[RowOutcome], str] | None = None,
) -> int:
    """Write the rejected and held-back rows of `result` (read again from `source`) to
    `path`; returns how many rows were written. `reason` words why a row was not
    imported (the window passes one in the user's language; default English)."""
    explain = reason or (lambda outcome: reason_text(outcome, entity))
    wanted = {outcome.number: outcome for outcome in result.not_imported()}
    width = len(source.headers)
    columns = [ColumnFormat(header) for header in source.headers]
    with XlsxWriter(path) as writer:
        sheet = writer.add_sheet(
            source.sheet, [*columns, ColumnFormat(REASON_HEADER, width=_REASON_WIDTH)]
        )
        for row in source.rows():
            outcome = wanted.get(row.number)
            if outcome is not None:
                cells = (tuple(row.raw) + (None,) * width)[:width]
                sheet.append([*cells, explain(outcome)])
    return len(wanted)
