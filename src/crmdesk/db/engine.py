"""Open a database: refuse unusable files before touching them, set SQLite pragmas, and
hand out units of work."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.db.errors import translated_storage_errors, typed_error_for
from crmdesk.db.search_index import install_search_hooks
from crmdesk.domain.errors import NotADatabaseError, ReadOnlyDatabaseError, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def sqlite_path(self) -> Path | None:
        """The file behind a SQLite database; None for a server or an in-memory database."""
        return sqlite_file(self.engine.url)

    @property
    def location(self) -> str:
        """How to name this database to a user: the file path, or the URL without password."""
        path = self.sqlite_path
        return str(path) if path else _shown(self.engine.url)

    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self, write=write)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """One Session for one user action or job. Rolls back unless `commit()` was called.

    A writing unit takes SQLite's write lock when it starts (BEGIN IMMEDIATE), so two
    programs writing the same file queue up on busy_timeout instead of failing half-way.
    """

    def __init__(self, database: Database, *, write: bool) -> None:
        self._database = database
        bind = database.engine.execution_options(crmdesk_begin="IMMEDIATE" if write else "DEFERRED")
        self.session: Session = database.sessions(bind=bind)

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        # A locked, full or damaged database anywhere in the block reaches the caller as
        # a typed error with a plain message; programming errors pass through unchanged.
        typed = typed_error_for(exc, self._database.location) if exc is not None else None
        if typed is not None:
            raise typed from exc

    def commit(self) -> None:
        with translated_storage_errors(self._database.location):
            self.session.commit()


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database or "")


def open_database(
    url: str | URL, *, create: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Database:
    """Open without running migrations; a missing file (and its folder) is made if `create`.

    `busy_timeout_ms` is how long to wait for another program's write to finish.
    """
    parsed = _parsed_url(url)
    path = sqlite_file(parsed)
    if path is not None and not create and not path.exists():
        raise StorageError(f"There is no database at {path}. Check the path and try again.")
    if path is not None:
        _check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, **_engine_options(parsed, busy_timeout_ms))
    except (ArgumentError, ImportError) as exc:  # NoSuchModuleError is an ArgumentError
        raise StorageError(
            f"The database {_shown(parsed)} cannot be used: this kind of database is not "
            f"supported or its driver is not installed ({exc})."
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        _install_sqlite_hooks(engine, busy_timeout_ms)
    sessions = sessionmaker(expire_on_commit=False)
    install_search_hooks(sessions)
    database = Database(engine, sessions)
    with translated_storage_errors(database.location), engine.connect() as conn:
        # Reading the schema catches a damaged file now rather than at the first query.
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master" if path else "SELECT 1")
    return database


def _parsed_url(url: str | URL) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"{url} is neither a database file path nor a database URL "
            "(such as postgresql+psycopg://user@server/crm)."
        ) from exc


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _engine_options(url: URL, busy_timeout_ms: int) -> dict[str, Any]:
    if url.get_backend_name() == "sqlite":
        # Connections are opened per unit of work from any thread (the GUI's task runner).
        return {"connect_args": {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}}
    return {"pool_pre_ping": True}


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file we must not or cannot use, before SQLite writes anything to it."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a crmdesk database file.")
    if path.exists():
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise NotADatabaseError(
                f"{path} is not a crmdesk database (it is not a SQLite file). "
                "Choose another file; this one was left as it was."
            )
        if not _writable(path):
            raise ReadOnlyDatabaseError(
                f"The database {path} is read-only. Make it writable, or copy it to a "
                "folder you can write to."
            )
    folder = _nearest_existing(path.parent)
    if not _writable(folder):
        raise ReadOnlyDatabaseError(
            f"crmdesk cannot write in the folder {folder}, which it needs for the database "
            f"{path} and its journal. Choose a folder you can write to."
        )


def _writable(path: Path) -> bool:
    # os.access says yes to root for any file; the owner's write bit is what a user
    # sets to mark a file read-only, so honour it too.
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise StorageError(f"{path} could not be read: {exc.strerror}.") from exc
    return os.access(path, os.W_OK) and bool(mode & stat.S_IWUSR)


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    """Per-connection settings. WAL, which is kept in the file itself, is switched on by
    migrate() once the file is known to be ours."""

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN, instead of the driver's own
        # implicit transactions, so that writers can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("crmdesk_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")
