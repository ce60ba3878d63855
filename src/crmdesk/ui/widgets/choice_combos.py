"""Combo boxes for choosing a stored value: an enumeration value or a sales rep.

Both hold the stored value (an enum member, a rep's UUID or None) as item data, so forms
read `current_value()` and never parse the displayed text.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from crmdesk.domain.reps import RepRecord
from crmdesk.ui.context import UiContext
from crmdesk.ui.labels import enum_choices

E = TypeVar("E", bound=StrEnum)


def index_of_value(combo: QComboBox, value: object) -> int:
    """The item holding `value` (compared by ==; Qt's findData compares Python objects by
    identity, and an id read again from the database is another object), else 0."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return 0


class EnumCombo(QComboBox, Generic[E]):
    """The values of `enum` by their translated names; `empty_text` adds a "none" choice."""

    def __init__(
        self, enum: type[E], *, empty_text: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._enum = enum
        if empty_text is not None:
            self.addItem(empty_text, None)
        for member, name in enum_choices(enum):
            self.addItem(name, member)

    def current_value(self) -> E | None:
        # Qt hands a StrEnum item back as a plain str; turn it into the member again.
        data = self.currentData()
        return None if data is None else self._enum(data)

    def set_value(self, value: E | None) -> None:
        self.setCurrentIndex(index_of_value(self, value))


class RepCombo(QComboBox):
    """Active sales reps by name, loaded in the background; `empty_text` is the choice
    for "nobody" (or "everyone" in a filter). A rep chosen before the list arrives is
    selected when it does.

    A rep who left (inactive, or deleted) is not offered, but a record of theirs shows
    them as an extra choice rather than "nobody": saving it unchanged keeps them.
    """

    loaded = Signal()

    def __init__(
        self, context: UiContext, *, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._empty_text = empty_text
        self._wanted: uuid.UUID | None = None
        self._loaded = False
        self._former: dict[uuid.UUID, str] = {}  # names of reps who left
        self.addItem(empty_text, None)
        self.reload()

    def reload(self) -> None:
        reps = self._context.workspace.reps
        self._context.tasks.read(
            lambda: reps.list(include_inactive=True), self._fill, owner=cast(QObject, self)
        )

    def current_value(self) -> uuid.UUID | None:
        return cast("uuid.UUID | None", self.currentData())

    def set_value(self, rep_id: uuid.UUID | None) -> None:
        self._wanted = rep_id
        listed = (self.itemData(index) for index in range(self.count()))
        if self._loaded and rep_id is not None and rep_id not in listed:
            self.addItem(self._former.get(rep_id) or self.tr("(former rep)"), rep_id)
        self.setCurrentIndex(index_of_value(self, rep_id))

    def _fill(self, reps: list[RepRecord]) -> None:
        wanted = self.current_value() or self._wanted
        self.blockSignals(True)
        self.clear()
        self.addItem(self._empty_text, None)
        for rep in reps:
            if rep.active:
                self.addItem(rep.name, rep.id)
        self._former = {rep.id: rep.name for rep in reps if not rep.active}
        self._loaded = True
        self.blockSignals(False)
        self.set_value(wanted)
        self.loaded.emit()
