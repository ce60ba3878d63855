"""Validation messages beside the fields they are about.

A form registers each field widget under the name the services use for it (the keys of
`ValidationError.problems`); `show()` puts each problem in a red line under its field
and marks the field, `clear()` removes them all. Problems about fields the form does not
show go to a line at the top, so that no message is ever lost.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from crmdesk.domain.errors import Problem
from crmdesk.ui.messages import problem_text

ERROR_STYLE = "color: #c62828;"
INVALID_PROPERTY = "invalid"


class FieldWithError(QWidget):
    """A field and, under it, the line where its problem appears."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.message = _error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.message)


class FormErrors:
    def __init__(self, general: QLabel | None = None) -> None:
        self._fields: dict[str, FieldWithError] = {}
        self.general = general or _error_label()

    def wrap(self, name: str, field: QWidget) -> FieldWithError:
        """`field` with its error line, registered under `name`; put the result in the form."""
        holder = FieldWithError(field)
        self._fields[name] = holder
        return holder

    def show(self, problems: Mapping[str, Problem]) -> None:
        self.clear()
        unplaced: list[str] = []
        for name, problem in problems.items():
            holder = self._fields.get(name)
            if holder is None:
                unplaced.append(problem_text(problem))
                continue
            holder.message.setText(problem_text(problem))
            holder.message.show()
            _mark(holder.field, invalid=True)
        if unplaced:
            self.general.setText("\n".join(unplaced))
            self.general.show()
        first = next((self._fields[n] for n in problems if n in self._fields), None)
        if first is not None:
            first.field.setFocus()

    def clear(self) -> None:
        for holder in self._fields.values():
            holder.message.clear()
            holder.message.hide()
            _mark(holder.field, invalid=False)
        self.general.clear()
        self.general.hide()

    def message_for(self, name: str) -> str:
        """The message shown under field `name` ("" when none): what a person reads there."""
        holder = self._fields[name]
        return holder.message.text() if holder.message.isVisibleTo(holder) else ""


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _mark(field: QWidget, *, invalid: bool) -> None:
    field.setProperty(INVALID_PROPERTY, invalid)
    field.setStyleSheet("border: 1px solid #c62828;" if invalid else "")
