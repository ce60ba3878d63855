"""The empty main window: its tabs, its menus, its status bar and its remembered geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from crmdesk.db.engine import Database
from crmdesk.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot: QtBot, location: str, settings: QSettings) -> MainWindow:
    window = MainWindow(location, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_shows_the_four_everyday_tabs_in_order(
    qtbot: QtBot, database: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, database.location, settings)

    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]

    assert titles == ["Customers", "Profile", "Follow-ups", "Complaints"]
    assert window.windowTitle() == "crmdesk"
    for i in range(window.tabs.count()):
        hint = window.tabs.widget(i)
        assert isinstance(hint, QLabel)
        assert hint.text().endswith("will appear here.")


def test_status_bar_names_the_database_file(
    qtbot: QtBot, database: Database, db_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, database.location, settings)

    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]

    assert any(str(db_path) in text for text in texts), texts


def test_menus_offer_quit_and_about(qtbot: QtBot, database: Database, settings: QSettings) -> None:
    window = open_window(qtbot, database.location, settings)
    menus = {
        menu.title(): [action.text() for action in menu.actions()]
        for menu in (action.menu() for action in window.menuBar().actions())
        if menu is not None
    }

    assert menus == {"&File": ["&Quit"], "&Help": ["&About crmdesk"]}

    quit_action = window.menuBar().actions()[0].menu().actions()[0]
    quit_action.trigger()
    assert not window.isVisible()


def test_geometry_is_saved_on_close_and_restored_by_the_next_window(
    qtbot: QtBot, database: Database, settings: QSettings
) -> None:
    # Smaller than the offscreen platform's 800 x 600 screen, so Qt does not clamp it.
    wanted = QRect(40, 30, 640, 420)
    first = open_window(qtbot, database.location, settings)
    first.setGeometry(wanted)
    qtbot.waitUntil(lambda: first.geometry() == wanted)
    first.close()

    second = MainWindow(database.location, settings)
    qtbot.addWidget(second)

    assert second.geometry() == wanted


def test_without_saved_geometry_the_window_opens_at_its_default_size(
    qtbot: QtBot, database: Database, settings: QSettings
) -> None:
    window = MainWindow(database.location, settings)
    qtbot.addWidget(window)

    assert (window.width(), window.height()) == (1100, 720)
