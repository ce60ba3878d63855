"""Turn driver errors about the storage itself into typed errors with plain messages."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.domain.errors import (
    ConflictError,
    CorruptDatabaseError,
    CrmError,
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)


def storage_error_for(exc: DBAPIError, location: str) -> CrmError | None:
    """The typed error that `exc` means for the user, or None for a programming error."""
    name = str(getattr(exc.orig, "sqlite_errorname", ""))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseLockedError(
            f"The database {location} is being used by another program and stayed locked. "
            "Wait for that program to finish (an import, for example) and try again."
        )
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabaseError(
            f"The database {location} is read-only. Check the file and folder permissions, "
            "or copy the file to a folder you can write to."
        )
    if name == "SQLITE_FULL" or _is_enospc(exc):
        return DiskFullError(
            f"The disk holding {location} is full. Nothing was saved; "
            "free some space and try again."
        )
    if name.startswith("SQLITE_CORRUPT"):
        return CorruptDatabaseError(
            f"The database {location} is damaged. Restore it from a backup "
            "(crmdesk keeps one before every upgrade in the backups folder next to it)."
        )
    if name == "SQLITE_NOTADB":
        return NotADatabaseError(f"{location} is not a crmdesk database (not a SQLite file).")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM")):
        return StorageError(f"The database {location} could not be read or written ({name}).")
    if name == "" and exc.connection_invalidated:
        return StorageError(f"The connection to the database {location} was lost. Try again.")
    return None


def _is_enospc(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "errno", None) == errno.ENOSPC


def typed_error_for(exc: BaseException, location: str) -> CrmError | None:
    """The typed error an exception from the storage layer means, or None to let it be."""
    if isinstance(exc, StaleDataError):
        return ConflictError("The record", "", None, None)
    if isinstance(exc, DBAPIError):
        return storage_error_for(exc, location)
    return None


@contextmanager
def translated_storage_errors(location: str) -> Iterator[None]:
    try:
        yield
    except (StaleDataError, DBAPIError) as exc:
        typed = typed_error_for(exc, location)
        if typed is None:
            raise
        raise typed from exc
