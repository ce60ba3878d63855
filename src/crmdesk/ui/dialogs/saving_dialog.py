"""The base of every dialog that saves something: Save starts the write through the task
runner, a ValidationError puts the problems beside their fields, any other refusal shows
above the form, and success closes the dialog."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from crmdesk.domain.errors import CrmError, Problem, ValidationError
from crmdesk.ui.changes import Change
from crmdesk.ui.context import UiContext
from crmdesk.ui.messages import error_text
from crmdesk.ui.widgets.form_errors import FormErrors

T = TypeVar("T")


def run_dialog(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when it was accepted. Qt deletes it once closed, in
    this thread, even if a background answer it waited for still refers to it."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog.exec() == QDialog.DialogCode.Accepted


class SavingDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_result: object = None  # what the write returned, once it succeeded
        self._writing = False  # a save is in flight: closing now would not stop it
        self.errors = FormErrors()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_field(self, label: str, name: str, field: QWidget) -> None:
        """`field` in the form under `label`; `name` is the service's name for it."""
        self.form.addRow(label, self.errors.wrap(name, field))

    def save(self) -> None:
        """Read the form and call `write`; each dialog says what it saves."""
        raise NotImplementedError

    def write(
        self, work: Callable[[], T], change: Change, done: Callable[[T], object] | None = None
    ) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        self._writing = True

        def saved(result: T) -> None:
            self.saved_result = result
            # Closed first, so that whatever `done` asks next is not asked over this dialog.
            self.accept()
            if done is not None:
                done(result)

        self.context.tasks.write(
            work, saved, owner=self, change=change, failed=self._refused, always=self._written
        )

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: ignored while a save runs, which
        would be written all the same (the dialog closes once it is)."""
        if not self._writing:
            super().reject()

    def refuse(self, problems: Mapping[str, Problem]) -> None:
        """Show problems found before anything was written (checks of the form itself)."""
        self.errors.show(problems)

    def _written(self) -> None:
        self._writing = False
        self.buttons.setEnabled(True)

    def _refused(self, error: CrmError) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.general.setText(error_text(error))
            self.errors.general.show()
