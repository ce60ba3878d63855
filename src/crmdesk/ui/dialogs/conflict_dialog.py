"""When someone else saved a record while it was being edited here: every field that
differs, with the user's value and the value saved now side by side, and the two ways
out: reload theirs (discarding the edits) or keep mine (saving over theirs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class FieldDifference:
    label: str
    yours: str
    theirs: str


class ConflictChoice(Enum):
    RELOAD = "reload"  # discard my edits, show what is saved now
    KEEP_MINE = "keep_mine"  # save my edits over theirs


class ConflictDialog(QDialog):
    def __init__(
        self, what: str, differences: Sequence[FieldDifference], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choice: ConflictChoice | None = None
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(
            self.tr(
                "Someone else saved {what} after you started editing. "
                "These fields differ between your version and the saved one:"
            ).format(what=what)
        )
        intro.setWordWrap(True)

        self.table = QTableWidget(len(differences), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Yours"), self.tr("Saved now")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, difference in enumerate(differences):
            for column, text in enumerate((difference.label, difference.yours, difference.theirs)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("Reload (discard mine)"))
        self.reload_button.setToolTip(self.tr("Throw away your edits and show the saved version."))
        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setToolTip(self.tr("Save your version over the one saved now."))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button.clicked.connect(lambda: self._choose(ConflictChoice.RELOAD))
        self.keep_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 120 + 32 * min(len(differences), 10))

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as a person reads it: field, yours, saved now."""
        return [
            (self._text(row, 0), self._text(row, 1), self._text(row, 2))
            for row in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()


def resolve_conflict(
    parent: QWidget, what: str, differences: Sequence[FieldDifference]
) -> ConflictChoice | None:
    """Ask how to settle the conflict; None when the user cancels and decides later."""
    dialog = ConflictDialog(what, differences, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.choice
