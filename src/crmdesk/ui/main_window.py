"""The one window of crmdesk: a menu bar, the four everyday tabs and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

import crmdesk

GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = (1100, 720)


class MainWindow(QMainWindow):
    """`settings` is where the window keeps its geometry between runs."""

    def __init__(
        self, database_location: str, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("crmdesk"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._add_placeholder_tabs()
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._show_database(database_location)
        self._restore_geometry()

    def _add_placeholder_tabs(self) -> None:
        # Each tab gets its real content in a later issue; the hint says what will be there.
        # The second argument of tr() tells translators which sense of a short word is meant.
        for title, hint in (
            (
                self.tr("Customers", "tab: the list of all customers"),
                self.tr("The list of customers will appear here."),
            ),
            (
                self.tr("Profile", "tab: the full record of one customer"),
                self.tr("The profile of the selected customer will appear here."),
            ),
            (
                self.tr("Follow-ups", "tab: calendar of planned calls and visits"),
                self.tr("The calendar of follow-ups will appear here."),
            ),
            (
                self.tr("Complaints", "tab: handling of customer complaints"),
                self.tr("Complaints and their handling will appear here."),
            ),
        ):
            label = QLabel(hint)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.tabs.addTab(label, title)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About crmdesk"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def _show_database(self, location: str) -> None:
        label = QLabel(self.tr("Database: {location}").format(location=location))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(location)
        self.statusBar().addWidget(label, 1)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About crmdesk"),
            self.tr(
                "crmdesk {version}\n\nAn offline-first desktop CRM for small sales teams."
            ).format(version=crmdesk.__version__),
        )

    def _restore_geometry(self) -> None:
        saved = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(saved, QByteArray) and self.restoreGeometry(saved)):
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
