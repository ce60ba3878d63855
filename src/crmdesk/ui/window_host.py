"""Holds the main window and rebuilds it when the user switches language, so that every
text is drawn again in the new language without a restart. The caller installs the
starting language before the first window is built."""

from __future__ import annotations

from PySide6.QtCore import QObject

from crmdesk.ui.context import UiContext
from crmdesk.ui.i18n import chosen_language, install_language, system_language
from crmdesk.ui.main_window import MainWindow


class WindowHost(QObject):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self._context)
        window.language_changed.connect(self._rebuild)
        return window

    def _rebuild(self) -> None:
        old = self.window
        # Closing saves the layout the new window restores; it may be refused while the
        # profile holds unsaved changes, and then nothing changes.
        if not old.close():
            return
        install_language(chosen_language(self._context.settings) or system_language())
        self.window = self._new_window()
        self.window.show()
        old.deleteLater()
