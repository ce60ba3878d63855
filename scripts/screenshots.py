"""Render every tab of crmdesk, in Chinese and in English, to docs/screenshots/.

Run from anywhere: `python scripts/screenshots.py`. The pictures show demo data built in a
temporary folder (fixed seed and day, so they only change when the program does); the
user's own data and settings are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
WINDOW_SIZE = (1280, 800)
DEMO_CUSTOMERS = 400
DEMO_AS_OF = date(2026, 11, 20)
DEMO_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in China


def main() -> int:
    # Before Qt is imported, so that no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QWidget

    from crmdesk.app import create_application
    from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
    from crmdesk.domain.complaints import ComplaintFilter
    from crmdesk.domain.customers import CustomerFilter
    from crmdesk.domain.enums import ComplaintStatus
    from crmdesk.domain.labels import Language
    from crmdesk.domain.paging import PageRequest
    from crmdesk.paths import sqlite_url
    from crmdesk.services.database import open_migrated
    from crmdesk.services.demo import build_demo
    from crmdesk.services.workspace import Workspace
    from crmdesk.ui.context import UiContext
    from crmdesk.ui.i18n import install_language
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.tasks import TaskRunner

    unfinished = set(ComplaintStatus) - FINISHED_STATUSES
    app = create_application()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def show_complaint(window: MainWindow, complaint_id: uuid.UUID) -> None:
        window.tabs.setCurrentWidget(window.complaints)
        window.complaints.show_complaint(complaint_id)

    def show_profile_page(window: MainWindow, customer_id: uuid.UUID, page: QWidget) -> None:
        window.open_profile(customer_id)
        window.profile.show_page(page)

    def settle(milliseconds: int = 600) -> None:
        """Let background reads deliver and the widgets repaint."""
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    with tempfile.TemporaryDirectory(prefix="crmdesk-shots-") as folder:
        database, _outcome = open_migrated(sqlite_url(Path(folder) / "demo.sqlite3"))
        build_demo(database, customers=DEMO_CUSTOMERS, as_of=DEMO_AS_OF)
        # The window's clock stands on the demo's day, so that deadlines and "overdue"
        # read as they would on that day.
        workspace = Workspace.over(database, clock=lambda: DEMO_NOW)
        workspace.value.recompute()
        busiest = workspace.customers.list(
            CustomerFilter(has_open_complaint=True), PageRequest(0, 1)
        )
        featured = busiest.items[0].id
        open_complaints = ComplaintFilter(statuses=frozenset(unfinished))
        complaint = workspace.complaints.list(open_complaints, PageRequest(0, 1)).items[0].id
        tasks = TaskRunner()
        for language in Language:
            install_language(language)
            # One settings file per language: column widths fitted to English dates would
            # cut off the longer Chinese ones.
            ini = Path(folder) / f"settings-{language.value}.ini"
            settings = QSettings(str(ini), QSettings.Format.IniFormat)
            window = MainWindow(UiContext(workspace, tasks, settings))
            window.resize(*WINDOW_SIZE)
            window.show()
            settle()
            shots: list[tuple[str, Callable[[], object]]] = [
                ("customers", partial(window.tabs.setCurrentWidget, window.customers)),
                (
                    "profile",
                    partial(
                        show_profile_page, window, featured, window.profile.timeline_tabs.widget(0)
                    ),
                ),
                (
                    "profile-orders",
                    partial(show_profile_page, window, featured, window.profile.orders),
                ),
                (
                    "profile-value",
                    partial(show_profile_page, window, featured, window.profile.value),
                ),
                (
                    "profile-loyalty",
                    partial(show_profile_page, window, featured, window.profile.loyalty),
                ),
                (
                    "profile-satisfaction",
                    partial(show_profile_page, window, featured, window.profile.satisfaction),
                ),
                ("follow-ups", partial(window.show_follow_ups_on, DEMO_AS_OF)),
                ("complaints", partial(show_complaint, window, complaint)),
                ("dashboard", partial(window.tabs.setCurrentWidget, window.dashboard)),
            ]
            for name, show in shots:
                show()
                settle()
                target = SCREENSHOTS / f"{name}-{language.value}.png"
                if not window.grab().save(str(target)):
                    print(f"could not write {target}", file=sys.stderr)
                    return 1
                print(f"wrote {target}")
            window.close()
            settings.sync()
        tasks.wait_until_idle()
        database.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
