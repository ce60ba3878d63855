"""What the import service needs of a spreadsheet opened by `crmdesk.io` (an
ImportSource), of its callers (progress, cancel), and the bookkeeping both phases share."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol

from crmdesk.domain.errors import Problem
from crmdesk.domain.import_results import ImportCancelledError
from crmdesk.domain.progress import CancelCheck, ProgressCallback

# Rows handled between two looks at the cancel button and two progress reports; also the
# size of the bulk queries that match rows against stored records.
CHUNK = 500


class SourceRow(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def raw(self) -> tuple[object, ...]: ...
    @property
    def values(self) -> Mapping[str, object]: ...
    @property
    def problems(self) -> Mapping[str, Problem]: ...


class RowSource(Protocol):
    """An opened sheet (crmdesk.io's ImportSource): its rows, cleaned, streamed."""

    @property
    def path(self) -> Path: ...
    @property
    def sheet(self) -> str: ...
    @property
    def headers(self) -> tuple[str, ...]: ...
    @property
    def row_count(self) -> int: ...
    def rows(self) -> Iterator[SourceRow]: ...


class Steps:
    """Progress over the two passes of an import (each row is read once and written once)
    and the cancel check between chunks."""

    def __init__(
        self, rows: int, progress: ProgressCallback | None, cancelled: CancelCheck | None
    ) -> None:
        self.total = 2 * rows
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def advance(self, rows: int) -> None:
        """Count `rows` more steps; raises ImportCancelledError if the user cancelled."""
        self.done = min(self.total, self.done + rows)
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelledError
        if self._progress is not None:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        self.advance(self.total - self.done)


def chunks(rows: Iterator[SourceRow], size: int = CHUNK) -> Iterator[list[SourceRow]]:
    chunk: list[SourceRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
