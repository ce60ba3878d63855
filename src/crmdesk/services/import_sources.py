"""What the front ends (the import wizard, `crmdesk import`) need of crmdesk.io, which
they do not import themselves: a sheet opened for an import, the file's sheets, the sheet's
first rows as they stand in the file, the first rows cleaned, and the column mapping
(checked, saved, loaded)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from crmdesk.domain.import_fields import ImportEntity
from crmdesk.io.column_mapping import ColumnMapping, missing_required
from crmdesk.io.import_source import ImportSource, SourceRow, open_source

__all__ = [
    "ColumnMapping",
    "ImportSource",
    "OpenedFile",
    "SourceRow",
    "cleaned_rows",
    "missing_required",
    "open_for_import",
    "open_source",
]


# Rows of the sheet shown as they stand in the file: enough to see title rows, the header
# and a few examples under it.
HEAD_ROWS = 20


@dataclass(frozen=True)
class OpenedFile:
    source: ImportSource  # the sheet that holds the data (or the one asked for), mapped
    head: tuple[tuple[object, ...], ...]  # the sheet's first rows, title rows included


def open_for_import(path: Path, entity: ImportEntity, sheet: str | None = None) -> OpenedFile:
    """Read `path` for an import of `entity`: the sheet named, or else the one holding the
    data, with its columns mapped from their headers. A SpreadsheetError says why a file
    cannot be imported."""
    source = open_source(path, entity, sheet=sheet)
    head = tuple(tuple(row) for row in islice(source.data.rows(), HEAD_ROWS))
    return OpenedFile(source, head)


def cleaned_rows(source: ImportSource, count: int) -> list[SourceRow]:
    """The first `count` data rows, cleaned as the import will take them."""
    return list(islice(source.rows(), count))
