"""Open the database a user asked for and bring its schema up to date."""

from __future__ import annotations

from crmdesk.db.engine import Database, open_database
from crmdesk.db.migrate import MigrationOutcome, migrate


def open_migrated(url: str) -> tuple[Database, MigrationOutcome]:
    """Open `url` and run pending migrations (after a backup). Raises StorageError subclasses."""
    database = open_database(url)
    try:
        outcome = migrate(database)
    except BaseException:
        database.dispose()
        raise
    return database, outcome


def open_existing(url: str) -> Database:
    """Open `url` as it is, to look at: no migration, and a missing file is an error."""
    return open_database(url, create=False)
