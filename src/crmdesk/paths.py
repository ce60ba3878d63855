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


def config_dir() -> Path:
    return Path(_dirs.user_config_dir)


def log_dir() -> Path:
    return Path(_dirs.user_log_dir)


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILENAME


def database_url(db_option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The database to open: `--db`, then $CRMDESK_DB_URL, then the file in the data folder.

    `--db` takes a file path or, for an office server, any SQLAlchemy URL.
    """
    if db_option:
        return db_option if "://" in db_option else sqlite_url(Path(db_option))
    if environ.get(DB_URL_ENV):
        return environ[DB_URL_ENV]
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
