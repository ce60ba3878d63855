"""What a database is and holds: where it lives, its schema revision, rows per table.
Looking changes nothing: an outdated database is described, not upgraded."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.db.engine import Database
from crmdesk.db.migrate import checked_revision, head_revision
from crmdesk.db.models import Customer
from crmdesk.db.repositories import stats


@dataclass(frozen=True)
class TableCount:
    label: str  # "order lines"
    rows: int  # not counting soft-deleted rows


@dataclass(frozen=True)
class DatabaseInfo:
    location: str  # file path, or the server URL without its password
    revision: str | None  # None: an empty database crmdesk has not set up yet
    head_revision: str  # the newest schema this program knows
    # Rows per table; None while the schema is older than this program's, whose tables
    # may not all exist yet.
    counts: tuple[TableCount, ...] | None

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != self.head_revision


def table_counts(database: Database) -> tuple[TableCount, ...]:
    with database.unit_of_work(write=False) as uow:
        return tuple(TableCount(label, n) for label, n in stats.live_row_counts(uow.session))


def database_info(database: Database) -> DatabaseInfo:
    """Describe `database`. Raises for another program's database or a newer schema."""
    revision = checked_revision(database)
    head = head_revision()
    return DatabaseInfo(
        location=database.location,
        revision=revision,
        head_revision=head,
        counts=table_counts(database) if revision == head else None,
    )


def has_customers(database: Database) -> bool:
    """Whether any customer, deleted ones included, was ever stored (a first run has none)."""
    with database.unit_of_work(write=False) as uow:
        return stats.has_rows(uow.session, Customer)
