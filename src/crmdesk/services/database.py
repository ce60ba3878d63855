"""Open the database a user asked for and bring its schema up to date."""

from __future__ import annotations

from crmdesk.db.engine import Database, open_database
from crmdesk.db.migrate import MigrationOutcome, migrate


def open_migrated(url: str, *, create: bool = True) -> tuple[Database, MigrationOutcome]:
    """Open `url` and run pending migrations (after a backup). Raises StorageError subclasses.

    With `create` False a missing database file is an error instead of a new database.
    """
    database = open_database(url, create=create)
    try:
        outcome = migrate(database)
    except BaseException:
        database.dispose()
        raise
    return database, outcome
