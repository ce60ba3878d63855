"""Shared fixtures. Before anything imports Qt or crmdesk.paths, point Qt at the offscreen
platform and every per-user folder at a private temporary one, so that tests never touch
the real user's files or need a display."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_PRIVATE = Path(tempfile.mkdtemp(prefix="crmdesk-tests-"))
for _var in (
    "XDG_RUNTIME_DIR",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
):
    os.environ[_var] = str(_PRIVATE / _var.lower())
    Path(os.environ[_var]).mkdir(mode=0o700)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("CRMDESK_DB_URL", None)

import pytest  # noqa: E402

from crmdesk.db.engine import Database, open_database  # noqa: E402
from crmdesk.db.migrate import migrate  # noqa: E402
from crmdesk.paths import sqlite_url  # noqa: E402


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file built once by running the real migrations."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(sqlite_url(path))
    migrate(database)
    database.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated, empty database file for one test."""
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_url(db_path))
    yield db
    db.dispose()
