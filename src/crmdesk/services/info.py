"""What a database is and holds: where it lives, its schema revision, rows per table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crmdesk.db.engine import Database
from crmdesk.db.migrate import MigrationOutcome, current_revision, head_revision
from crmdesk.db.repositories import stats


@dataclass(frozen=True)
class TableCount:
    label: str  # "order lines"
    rows: int  # not counting soft-deleted rows


@dataclass(frozen=True)
class DatabaseInfo:
    location: str  # file path, or the server URL without its password
    revision: str | None
    head_revision: str  # the newest schema this program knows
    # How this opening changed the schema: None before means the file was new.
    revision_before_opening: str | None
    upgraded: bool
    backup: Path | None  # the copy taken before upgrading, if any
    counts: tuple[TableCount, ...]


def table_counts(database: Database) -> tuple[TableCount, ...]:
    with database.unit_of_work(write=False) as uow:
        return tuple(TableCount(label, n) for label, n in stats.live_row_counts(uow.session))


def database_info(database: Database, opening: MigrationOutcome) -> DatabaseInfo:
    """Describe `database`, opened (and migrated, as `opening` reports) by open_migrated."""
    return DatabaseInfo(
        location=database.location,
        revision=current_revision(database),
        head_revision=head_revision(),
        revision_before_opening=opening.from_revision,
        upgraded=opening.from_revision != opening.to_revision,
        backup=opening.backup,
        counts=table_counts(database),
    )
