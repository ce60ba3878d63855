"""Where crmdesk keeps its files for this user (platformdirs), and which database to open."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "crmdesk"
DB_URL_ENV = "CRMDESK_DB_URL"
DEFAULT_DB_FILENAME = "crmdesk.sqlite3"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILENAME


def database_url(db_option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The database to open: `--db`, then $CRMDESK_DB_URL, then the file in the data folder.

    Either takes a file path or, for an office server, any SQLAlchemy URL.
    """
    chosen = db_option or environ.get(DB_URL_ENV)
    if not chosen:
        return sqlite_url(default_database_path())
    return chosen if "://" in chosen else sqlite_url(Path(chosen))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
