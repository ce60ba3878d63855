"""A customer's tags: shown as a row of chips, added by name (the names already in use
are offered as you type) and removed, through the customer service."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customers import CustomerRecord, TagRecord
from crmdesk.domain.errors import CrmError, ValidationError
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.messages import error_text
from crmdesk.ui.widgets.form_errors import FormErrors

CHIP_STYLE = (
    "QListWidget { border: none; background: transparent; }"
    "QListWidget::item { border: 1px solid palette(mid); border-radius: 9px;"
    " padding: 1px 8px; margin: 2px; }"
    "QListWidget::item:selected { background: palette(highlight);"
    " color: palette(highlighted-text); }"
)


class TagsEditor(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self.errors = FormErrors()

        self.chips = QListWidget()
        self.chips.setFlow(QListView.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setResizeMode(QListView.ResizeMode.Adjust)
        self.chips.setSpacing(1)
        self.chips.setStyleSheet(CHIP_STYLE)
        self.chips.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chips.setFixedHeight(56)
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("New tag"))
        self._known = QStringListModel(self)
        completer = QCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Add tag"))
        self.remove_button = QPushButton(self.tr("Remove tag"))

        entry = QHBoxLayout()
        entry.addWidget(self.errors.wrap("tag", self.input), 1)
        entry.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        entry.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.chips)
        layout.addLayout(entry)

        self.input.returnPressed.connect(self.add_tag)
        self.add_button.clicked.connect(self.add_tag)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chips.itemSelectionChanged.connect(self._update_buttons)
        self.input.textChanged.connect(self._update_buttons)
        self.set_tags(None, ())
        self._load_known()

    def set_tags(self, customer_id: uuid.UUID | None, tags: tuple[TagRecord, ...]) -> None:
        """Show the customer's tags; None: no customer yet (a new, unsaved one)."""
        self._customer_id = customer_id
        selected = {item.text() for item in self.chips.selectedItems()}
        self.chips.clear()
        for tag in tags:
            self.chips.addItem(tag.name)
            self.chips.item(self.chips.count() - 1).setSelected(tag.name in selected)
        self.setEnabled(customer_id is not None)
        self._update_buttons()

    def tag_names(self) -> list[str]:
        return [self.chips.item(row).text() for row in range(self.chips.count())]

    def add_tag(self) -> None:
        name = self.input.text()
        customers = self._context.workspace.customers
        self._write(lambda customer_id: customers.add_tag(customer_id, name), clear_input=True)

    def remove_selected(self) -> None:
        names = [item.text() for item in self.chips.selectedItems()]
        if not names:
            return
        customers = self._context.workspace.customers
        self._write(lambda customer_id: customers.remove_tag(customer_id, names[0]))

    def _write(
        self, work: Callable[[uuid.UUID], CustomerRecord], *, clear_input: bool = False
    ) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self.errors.clear()

        def done(record: CustomerRecord) -> None:
            if clear_input:
                self.input.clear()
            self.set_tags(record.id, record.tags)
            self._load_known()

        self._context.tasks.write(
            lambda: work(customer_id),
            done,
            owner=self,
            change=Change.of(Topic.CUSTOMERS, customers=[customer_id]),
            failed=self._refused,
        )

    def _refused(self, error: CrmError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.general.setText(error_text(error))
            self.errors.general.show()

    def _load_known(self) -> None:
        tags = self._context.workspace.tags
        self._context.tasks.read(
            tags.list,
            lambda found: self._known.setStringList([tag.name for tag in found]),
            owner=self,
        )

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.input.text().strip()))
        self.remove_button.setEnabled(bool(self.chips.selectedItems()))
