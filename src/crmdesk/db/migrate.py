"""Bring a database to the schema this program expects, at start-up, before any window.

A file that needs upgrading is first copied to a timestamped backup. A database written
by a newer crmdesk (a revision this program does not know) is refused and left untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from crmdesk.db.engine import Database
from crmdesk.db.errors import translated_storage_errors
from crmdesk.db.search_index import is_search_index_object, refresh_if_stale
from crmdesk.domain.errors import NewerSchemaError, NotADatabaseError, StorageError

BACKUP_FOLDER = "backups"


@dataclass(frozen=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave FTS5's virtual and shadow tables out of model/schema comparison."""
    return not (type_ == "table" and name is not None and is_search_index_object(name))


def alembic_config() -> Config:
    config = Config()
    # Works the same from a source tree, a wheel and a PyInstaller bundle, because the
    # migration scripts travel inside the package.
    config.set_main_option("script_location", str(resources.files("crmdesk.db") / "migrations"))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("crmdesk ships no migrations")
    return head


def checked_revision(database: Database) -> str | None:
    """The schema revision of a database this program may use, without changing it.

    Raises NotADatabaseError for another program's database and NewerSchemaError for one
    written by a newer crmdesk. None means a new, empty database.
    """
    script = ScriptDirectory.from_config(alembic_config())
    with translated_storage_errors(database.location), database.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        _refuse_foreign_or_newer(database, conn, current, script)
    return current


def migrate(database: Database, *, now: datetime | None = None) -> MigrationOutcome:
    config = alembic_config()
    head = head_revision()
    current = checked_revision(database)
    with translated_storage_errors(database.location):
        # Only a file that is ours may be changed, and switching to WAL changes it.
        _use_wal(database)
        backup = None
        if current != head:
            backup = _backup(database, current, now or datetime.now(UTC)) if current else None
            with migration_connection(database) as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        with database.engine.begin() as conn:
            refresh_if_stale(conn)
    return MigrationOutcome(current, head, backup)


@contextmanager
def migration_connection(database: Database) -> Iterator[Connection]:
    """A connection in one transaction for schema changes.

    On SQLite, foreign keys are off while it lasts: a batch migration rebuilds a table by
    copying it, which would otherwise trip every reference to it. The links are checked
    before the transaction commits, so a migration can never leave a broken one behind.
    """
    with database.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _outside_transaction(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    _refuse_broken_links(database, conn)
        finally:
            if sqlite:
                _outside_transaction(conn, "PRAGMA foreign_keys=ON")


def _refuse_broken_links(database: Database, conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise StorageError(
            f"Upgrading {database.location} would break links between records "
            f"(in {tables}). Nothing was changed; please report this to the crmdesk team."
        )


def _use_wal(database: Database) -> None:
    if database.sqlite_path is not None:
        with database.engine.connect() as conn:
            _outside_transaction(conn, "PRAGMA journal_mode=WAL")


def _outside_transaction(conn: Connection, pragma: str) -> None:
    # These pragmas are ignored inside a transaction, and any statement sent through
    # SQLAlchemy would open one; the driver connection runs them in autocommit mode.
    conn.connection.driver_connection.execute(pragma)  # type: ignore[union-attr]


def _refuse_foreign_or_newer(
    database: Database, conn: Connection, current: str | None, script: ScriptDirectory
) -> None:
    if current is None:
        # An empty alembic_version table is what a fully downgraded crmdesk file keeps.
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        if tables:
            raise NotADatabaseError(
                f"{database.location} belongs to another program (it has tables but no "
                "crmdesk schema). It was left as it was; choose another file."
            )
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise NewerSchemaError(
            f"The database {database.location} was written by a newer version of crmdesk "
            f"(schema {current}; this version knows up to {script.get_current_head()}). "
            "It was left untouched. Install the newer crmdesk to open it."
        )


def _backup(database: Database, revision: str, now: datetime) -> Path | None:
    """Copy the file with SQLite's online backup, which is consistent even in WAL mode."""
    source = database.sqlite_path
    if source is None or not source.exists():
        return None
    folder = source.parent / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"{source.stem}-{now:%Y%m%d-%H%M%S}-schema-{revision}{source.suffix}"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target
