"""A yes/no question to the user."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes_no(parent: QWidget, title: str, text: str, *, default_yes: bool = True) -> bool:
    """True when the user answers Yes; `default_yes=False` makes No the button Enter
    presses, for questions whose Yes cannot be undone."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, default)
    return answer == QMessageBox.StandardButton.Yes
