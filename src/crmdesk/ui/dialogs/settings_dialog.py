"""Settings: the language of the window (the system's, 中文 or English)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.labels import Language
from crmdesk.ui.i18n import LANGUAGE_KEY, chosen_language
from crmdesk.ui.widgets.choice_combos import index_of_value


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), None)
        # Each language is named in itself, so that someone who cannot read the current
        # one still finds their own.
        self.language.addItem("中文（简体）", Language.CHINESE)
        self.language.addItem("English", Language.ENGLISH)
        self.language.setCurrentIndex(index_of_value(self.language, chosen_language(settings)))
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("The window is rebuilt in the new language at once."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        # Qt hands the StrEnum back as its plain value.
        data = self.language.currentData()
        chosen = Language(data) if data else None
        self.language_changed = chosen != chosen_language(self._settings)
        self._settings.setValue(LANGUAGE_KEY, chosen.value if chosen else "")
        super().accept()
