"""Composition root of the GUI: open and migrate the database, then show the main window.

`smoke_test()` does the same on a throw-away database without a display, so that a
source checkout, a wheel and the PyInstaller bundle can each prove they start.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import crmdesk
from crmdesk.db.migrate import MigrationOutcome
from crmdesk.domain.errors import CrmError
from crmdesk.domain.labels import Language
from crmdesk.paths import APP_NAME, sqlite_url
from crmdesk.services.database import open_migrated
from crmdesk.services.workspace import Workspace
from crmdesk.ui.context import UiContext
from crmdesk.ui.first_run import offer_demo_data
from crmdesk.ui.i18n import chosen_language, install_language, system_language
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.messages import error_text
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.window_host import WindowHost

FIRST_PAINT_TIMEOUT_MS = 10_000
CHINESE_FIRST_TAB = "客户列表"


def run_gui(database_url: str) -> int:
    """Open the database at `database_url` and run the main window until it closes."""
    app = create_application()
    settings = QSettings()
    install_language(chosen_language(settings) or system_language())
    try:
        database, _outcome = open_migrated(database_url)
    except CrmError as exc:
        _show_startup_error(exc)
        return 1
    tasks = TaskRunner()
    try:
        host = WindowHost(UiContext(Workspace.over(database), tasks, settings))
        host.window.show()
        QTimer.singleShot(0, lambda: _first_tasks(host.window))
        return app.exec()
    finally:
        # Workers may still hold a connection; let them finish before it closes.
        tasks.wait_until_idle()
        database.dispose()


def _first_tasks(window: MainWindow) -> None:
    offer_demo_data(window.context, window)
    window.value_upkeep.check()


def smoke_test() -> int:
    """Migrate a temporary database and paint the main window offscreen; 0 when all worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()
    # In Chinese, so that a bundle or wheel that lost its compiled translations fails here.
    install_language(Language.CHINESE)
    try:
        with scratch_main_window() as (window, outcome):
            painted = _show_and_wait_for_first_paint(window, FIRST_PAINT_TIMEOUT_MS)
            tab_count = window.tabs.count()
            first_tab = window.tabs.tabText(0)
    except CrmError as exc:
        print(f"smoke test failed: {exc}", file=sys.stderr)
        return 1
    if first_tab != CHINESE_FIRST_TAB:
        print(
            f"smoke test failed: the first tab reads {first_tab!r}, not {CHINESE_FIRST_TAB!r}: "
            "the Chinese translation was not loaded",
            file=sys.stderr,
        )
        return 1
    if not painted:
        print(
            f"smoke test failed: the main window was not painted within "
            f"{FIRST_PAINT_TIMEOUT_MS} ms on the '{app.platformName()}' platform",
            file=sys.stderr,
        )
        return 1
    print(
        f"smoke test passed: crmdesk {crmdesk.__version__} migrated a new database to schema "
        f"{outcome.to_revision} and painted the main window with {tab_count} tabs "
        f"in Chinese on the '{app.platformName()}' platform"
    )
    return 0


def create_application() -> QApplication:
    """The QApplication, named so that QSettings() finds the user's crmdesk settings."""
    existing = QApplication.instance()
    # Only the program name goes to Qt: the command line belongs to crmdesk's own parser.
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(crmdesk.__version__)
    app.setDesktopFileName(APP_NAME)
    return app


@contextmanager
def scratch_main_window() -> Iterator[tuple[MainWindow, MigrationOutcome]]:
    """A main window on a new migrated database in a temporary folder that is removed after.

    Its settings live in that folder too, so the user's saved geometry is never touched.
    Raises CrmError when the database cannot be created.
    """
    with tempfile.TemporaryDirectory(prefix="crmdesk-scratch-") as folder:
        database, outcome = open_migrated(sqlite_url(Path(folder) / "scratch.sqlite3"))
        tasks = TaskRunner()
        try:
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(UiContext(Workspace.over(database), tasks, settings))
            try:
                yield window, outcome
            finally:
                window.close()
                # Write the settings now: a later write would recreate the deleted folder.
                settings.sync()
        finally:
            tasks.wait_until_idle()
            database.dispose()


def _show_startup_error(error: CrmError) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_NAME,
        QCoreApplication.translate("startup", "crmdesk could not open its database."),
    )
    box.setInformativeText(error_text(error))
    box.exec()


class _FirstPaintWatcher(QObject):
    """Ends `loop` when the watched widget receives its first paint event."""

    def __init__(self, widget: QWidget, loop: QEventLoop) -> None:
        super().__init__(widget)
        self.painted = False
        self._loop = loop
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self._loop.quit()
        return False


def _show_and_wait_for_first_paint(window: QWidget, timeout_ms: int) -> bool:
    loop = QEventLoop()
    watcher = _FirstPaintWatcher(window, loop)
    timeout = QTimer(loop, singleShot=True, interval=timeout_ms)
    timeout.timeout.connect(loop.quit)
    window.show()
    if not watcher.painted:
        timeout.start()
        loop.exec()
    return watcher.painted
