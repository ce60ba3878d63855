"""A page that scrolls rather than forcing the window to grow when there is little room."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolled(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that gives it the whole width and height it
    has, and scroll bars only when that is less than `content` needs."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
