"""A customer's contact people: listed primary first, added, edited, made primary and
removed (after asking) through the contact service."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.contacts import ContactDraft, ContactRecord
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog
from crmdesk.ui.widgets.customer_form import DEFAULT_BIRTHDAY, OptionalDateEdit
from crmdesk.ui.widgets.questions import ask_yes_no

PRIMARY_MARK = "★"


def confirm_removal(parent: QWidget, name: str) -> bool:
    """Ask before removing a contact (tests replace this function to answer it)."""
    return ask_yes_no(
        parent,
        QCoreApplication.translate("ContactsEditor", "Remove contact"),
        QCoreApplication.translate("ContactsEditor", "Remove the contact {name}?").format(
            name=name
        ),
    )


class ContactDialog(SavingDialog):
    """Add a contact to a customer (`contact` None) or edit one."""

    def __init__(
        self,
        context: UiContext,
        customer_id: uuid.UUID,
        contact: ContactRecord | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self._contact = contact
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("Add contact"))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.birthday = OptionalDateEdit(self.tr("No birthday"), DEFAULT_BIRTHDAY)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        for label, name, field in (
            (self.tr("Name"), "name", self.name),
            (self.tr("Position"), "title", self.title),
            (self.tr("Phone"), "phone", self.phone),
            (self.tr("E-mail"), "email", self.email),
            (self.tr("WeChat"), "wechat", self.wechat),
            (self.tr("Birthday"), "birthday", self.birthday),
            (self.tr("Notes"), "notes", self.notes),
        ):
            self.add_field(label, name, field)
        if contact is not None:
            self.name.setText(contact.name)
            self.title.setText(contact.title or "")
            self.phone.setText(contact.phone or "")
            self.email.setText(contact.email or "")
            self.wechat.setText(contact.wechat or "")
            self.birthday.set_value(contact.birthday)
            self.notes.setPlainText(contact.notes or "")
        self.resize(420, 0)

    def save(self) -> None:
        draft = ContactDraft(
            name=self.name.text(),
            title=self.title.text() or None,
            phone=self.phone.text() or None,
            email=self.email.text() or None,
            wechat=self.wechat.text() or None,
            birthday=self.birthday.value(),
            is_primary=self._contact.is_primary if self._contact else False,
            notes=self.notes.toPlainText() or None,
        )
        contacts = self.context.workspace.contacts
        contact, customer_id = self._contact, self._customer_id
        if contact is None:
            self.write(lambda: contacts.create(customer_id, draft), _change(customer_id))
        else:
            self.write(
                lambda: contacts.update(contact.id, draft, contact.version), _change(customer_id)
            )


class ContactsEditor(QWidget):
    """The contacts of the customer given to `set_customer`, kept current by itself."""

    count_changed = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._contacts: list[ContactRecord] = []
        self._loads = 0  # numbers each load, so that an answer for an earlier customer is dropped

        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Position"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("WeChat"),
            ]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.primary_button = QPushButton(self.tr("Make primary"))
        self.remove_button = QPushButton(self.tr("Remove…"))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.primary_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.primary_button.clicked.connect(self.make_primary)
        self.remove_button.clicked.connect(self.remove_contact)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit_contact())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        context.tasks.changed.connect(self._on_changed)
        self._update_buttons()

    def set_customer(self, customer_id: uuid.UUID | None) -> None:
        """Show this customer's contacts; None: no customer (a new, unsaved one)."""
        self._customer_id = customer_id
        self._show([])
        self.reload()

    def contacts(self) -> list[ContactRecord]:
        """The contacts listed, in their order (primary first)."""
        return list(self._contacts)

    def select(self, contact_id: uuid.UUID) -> None:
        for row, contact in enumerate(self._contacts):
            item = self.list.topLevelItem(row)
            if contact.id == contact_id and item is not None:
                self.list.setCurrentItem(item)

    def reload(self) -> None:
        customer_id = self._customer_id
        self._loads += 1
        if customer_id is None:
            return
        number = self._loads
        contacts = self._context.workspace.contacts
        self._context.tasks.read(
            lambda: contacts.list_for_customer(customer_id),
            lambda found: self._loaded(number, found),
            owner=self,
            failed=lambda _error: None,  # the customer is gone; the profile says so
        )

    def add_contact(self) -> None:
        if self._customer_id is not None:
            _run(ContactDialog(self._context, self._customer_id, None, self))

    def edit_contact(self) -> None:
        contact = self._selected()
        if contact is not None:
            _run(ContactDialog(self._context, contact.customer_id, contact, self))

    def make_primary(self) -> None:
        contact = self._selected()
        if contact is None or contact.is_primary:
            return
        contacts = self._context.workspace.contacts
        draft = replace(contact.to_draft(), is_primary=True)
        self._context.tasks.write(
            lambda: contacts.update(contact.id, draft, contact.version),
            lambda _saved: None,
            owner=self,
            change=_change(contact.customer_id),
        )

    def remove_contact(self) -> None:
        contact = self._selected()
        if contact is None or not confirm_removal(self, contact.name):
            return
        contacts = self._context.workspace.contacts
        self._context.tasks.write(
            lambda: contacts.delete(contact.id, contact.version),
            lambda _none: None,
            owner=self,
            change=_change(contact.customer_id),
        )

    def _loaded(self, number: int, contacts: list[ContactRecord]) -> None:
        if number == self._loads:
            self._show(contacts)

    def _show(self, contacts: list[ContactRecord]) -> None:
        selected = self._selected()
        self._contacts = contacts
        self.list.clear()
        for contact in contacts:
            name = f"{PRIMARY_MARK} {contact.name}" if contact.is_primary else contact.name
            item = QTreeWidgetItem(
                [
                    name,
                    contact.title or "",
                    contact.phone or "",
                    contact.email or "",
                    contact.wechat or "",
                ]
            )
            if contact.is_primary:
                item.setToolTip(0, self.tr("Primary contact"))
            self.list.addTopLevelItem(item)
        if selected is not None:
            self.select(selected.id)
        self.setEnabled(self._customer_id is not None)
        self._update_buttons()
        self.count_changed.emit(len(contacts))

    def _selected(self) -> ContactRecord | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._contacts[self.list.indexOfTopLevelItem(item)]

    def _update_buttons(self) -> None:
        contact = self._selected()
        self.edit_button.setEnabled(contact is not None)
        self.remove_button.setEnabled(contact is not None)
        self.primary_button.setEnabled(contact is not None and not contact.is_primary)

    def _on_changed(self, change: Change) -> None:
        customer_id = self._customer_id
        if (
            customer_id is not None
            and change.touches(Topic.CUSTOMERS)
            and change.touches_customer(customer_id)
        ):
            self.reload()


def _run(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


def _change(customer_id: uuid.UUID) -> Change:
    return Change.of(Topic.CUSTOMERS, customers=[customer_id])
