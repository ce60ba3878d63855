"""Log a conversation or visit with a customer (沟通记录): its kind, when it happened,
with which contact, a one-line summary and the details."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crmdesk.domain.contacts import ContactRecord
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.interactions import InteractionDraft
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog
from crmdesk.ui.widgets.choice_combos import EnumCombo

T = TypeVar("T")


class InteractionDialog(SavingDialog):
    def __init__(self, context: UiContext, customer_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Log an interaction"))
        self.kind = EnumCombo(InteractionKind)
        self.occurred_at = QDateTimeEdit()
        self.occurred_at.setCalendarPopup(True)
        now = context.workspace.clock().astimezone()
        self.occurred_at.setDateTime(
            QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)
        )
        self.contact = QComboBox()
        self.contact.addItem(self.tr("No particular contact"), None)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What was it about, in one line"))
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.add_field(self.tr("Kind"), "kind", self.kind)
        self.add_field(self.tr("When"), "occurred_at", self.occurred_at)
        self.add_field(self.tr("Contact"), "contact_id", self.contact)
        self.add_field(self.tr("Summary"), "subject", self.summary)
        self.add_field(self.tr("Details"), "content", self.details)
        self.summary.setFocus()
        self.resize(480, 360)
        contacts = context.workspace.contacts
        context.tasks.read(
            lambda: contacts.list_for_customer(customer_id), self._show_contacts, owner=self
        )

    def save(self) -> None:
        chosen = self.occurred_at.dateTime()
        day, time = chosen.date(), chosen.time()
        local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        draft = InteractionDraft(
            customer_id=self._customer_id,
            kind=self.kind.current_value() or InteractionKind.OTHER,
            # The edit shows the computer's local time; stored instants are UTC.
            occurred_at=local.astimezone().astimezone(UTC),
            subject=self.summary.text(),
            content=self.details.toPlainText() or None,
            contact_id=self.contact.currentData(),
        )
        interactions = self.context.workspace.interactions
        self.write(
            lambda: interactions.create(draft),
            Change.of(Topic.INTERACTIONS, customers=[self._customer_id]),
        )

    def _show_contacts(self, contacts: list[ContactRecord]) -> None:
        for contact in contacts:
            text = f"{contact.name} · {contact.title}" if contact.title else contact.name
            self.contact.addItem(text, contact.id)


def log_interaction(context: UiContext, parent: QWidget | None, customer_id: uuid.UUID) -> bool:
    """Ask for a conversation with the customer and log it; True when it was saved."""
    dialog = InteractionDialog(context, customer_id, parent)
    saved = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return saved
