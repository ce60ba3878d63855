"""Fixtures of the window's tests: a task runner and services over a real SQLite file,
settings in a private file, and a demo database built once and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import DEMO_AS_OF, DEMO_CUSTOMERS
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crmdesk.db.engine import Database, open_database
from crmdesk.domain.labels import Language
from crmdesk.paths import sqlite_url
from crmdesk.services.demo import build_demo
from crmdesk.services.workspace import Workspace
from crmdesk.ui.context import UiContext
from crmdesk.ui.i18n import install_language
from crmdesk.ui.tasks import TaskRunner


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(sqlite_url(path))
    build_demo(database, customers=DEMO_CUSTOMERS, as_of=DEMO_AS_OF)
    database.dispose()
    return path


@pytest.fixture
def demo_database(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A database with 300 demo customers and their history, for this test alone."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = open_database(sqlite_url(path))
    yield database
    database.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    install_language(Language.ENGLISH)
    yield


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    install_language(Language.CHINESE)
    yield
    install_language(Language.ENGLISH)


def make_context(database: Database, settings: QSettings, qtbot: QtBot) -> Iterator[UiContext]:
    tasks = TaskRunner()
    yield UiContext(Workspace.over(database), tasks, settings)
    # Let every worker finish before the database closes under it.
    tasks.wait_until_idle()
    qtbot.waitUntil(lambda: not tasks.busy)


@pytest.fixture
def context(
    database: Database, settings: QSettings, qtbot: QtBot, english: None
) -> Iterator[UiContext]:
    """Services over an empty database, in English."""
    yield from make_context(database, settings, qtbot)


@pytest.fixture
def demo_context(
    demo_database: Database, settings: QSettings, qtbot: QtBot, english: None
) -> Iterator[UiContext]:
    """Services over the demo database, in English."""
    yield from make_context(demo_database, settings, qtbot)
