"""Dialogs that take in a complaint (投诉) and move it along the steps that need words from
the user: the resolution, the customer's satisfaction when closing, why it is reopened.

Each saves through the task runner's write lane, stays open with the problems beside
their fields when the service refuses, and closes once the write succeeded.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crmdesk.domain.complaint_workflow import is_reopening
from crmdesk.domain.complaints import (
    SATISFACTION_RANGE,
    TITLE_MAX_LENGTH,
    ComplaintDraft,
    ComplaintRecord,
)
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus
from crmdesk.domain.errors import Problem
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo
from crmdesk.ui.widgets.customer_picker import (
    NO_CUSTOMER,
    CustomerPicker,
    CustomerWithContacts,
    customer_with_contacts,
)

TEXT_HEIGHT = 90
DEFAULT_SEVERITY = ComplaintSeverity.MEDIUM


def open_complaint(
    context: UiContext, parent: QWidget | None, customer_id: uuid.UUID | None
) -> bool:
    """Take in a complaint of `customer_id` (with None the dialog has a customer picker);
    True when it was saved."""
    return run_dialog(ComplaintDialog(context, customer_id, parent))


class ComplaintDialog(SavingDialog):
    """A new complaint: who complains, about what, how bad (which sets when it is due),
    and who handles it."""

    saved = Signal(object)  # the ComplaintRecord taken in

    def __init__(
        self, context: UiContext, customer_id: uuid.UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("New complaint"))
        self.setMinimumWidth(520)
        self._customer_id = customer_id
        self._due_hours: Mapping[ComplaintSeverity, float] = {}

        self.picker: CustomerPicker | None = None
        if customer_id is None:
            self.picker = CustomerPicker(context)
            self.picker.customer_chosen.connect(self._customer_chosen)
            self.add_field(self.tr("Customer"), "customer_id", self.picker)
        else:
            self.customer_label = QLabel()
            self.add_field(self.tr("Customer"), "customer_id", self.customer_label)
        self.category = EnumCombo(ComplaintCategory)
        self.add_field(self.tr("Category"), "category", self.category)
        self.severity = EnumCombo(ComplaintSeverity)
        self.severity.set_value(DEFAULT_SEVERITY)
        self.severity.currentIndexChanged.connect(self._show_due)
        self.add_field(self.tr("Severity"), "severity", self.severity)
        self.due = QLabel()
        self.form.addRow("", self.due)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX_LENGTH)
        self.title.setPlaceholderText(self.tr("What the customer complains about, in a line"))
        self.add_field(self.tr("Title"), "title", self.title)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(TEXT_HEIGHT * 2)
        self.add_field(self.tr("Description"), "description", self.description)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("Nobody in particular"), None)
        self.add_field(self.tr("Contact"), "contact_id", self.contact)
        self.owner = RepCombo(context, empty_text=self.tr("Nobody yet"))
        self.add_field(self.tr("Handled by"), "owner_id", self.owner)
        self.errors.clear()

        complaints = context.workspace.complaints
        context.tasks.read(complaints.due_hours, self._got_due_hours, owner=self)
        if customer_id is not None:
            self._load_customer(customer_id)

    def customer_id(self) -> uuid.UUID | None:
        return self.picker.current_customer_id() if self.picker else self._customer_id

    def draft(self, customer_id: uuid.UUID) -> ComplaintDraft:
        return ComplaintDraft(
            customer_id=customer_id,
            category=self.category.current_value() or ComplaintCategory.OTHER,
            severity=self.severity.current_value() or DEFAULT_SEVERITY,
            title=self.title.text(),
            description=self.description.toPlainText(),
            contact_id=cast("uuid.UUID | None", self.contact.currentData()),
            owner_id=self.owner.current_value(),
        )

    def save(self) -> None:
        customer_id = self.customer_id()
        if customer_id is None:
            self.errors.show({"customer_id": Problem(NO_CUSTOMER, {})})
            return
        draft = self.draft(customer_id)
        complaints = self.context.workspace.complaints
        self.write(
            lambda: complaints.open(draft),
            Change.of(Topic.COMPLAINTS, customers=[customer_id]),
            self.saved.emit,
        )

    def _customer_chosen(self, customer_id: uuid.UUID) -> None:
        self._load_customer(customer_id)

    def _load_customer(self, customer_id: uuid.UUID) -> None:
        workspace = self.context.workspace
        self.context.tasks.read(
            lambda: customer_with_contacts(workspace, customer_id), self._show_customer, owner=self
        )

    def _show_customer(self, loaded: CustomerWithContacts) -> None:
        customer, contacts = loaded
        if customer.id != self.customer_id():
            return  # another customer was picked meanwhile
        if self.picker is None:
            self.customer_label.setText(f"{customer.name}  ·  {customer.code}")
        self.contact.clear()
        self.contact.addItem(self.tr("Nobody in particular"), None)
        for contact in contacts:
            self.contact.addItem(contact.name, contact.id)
            if contact.is_primary:
                self.contact.setCurrentIndex(self.contact.count() - 1)
        if self.owner.current_value() is None:
            self.owner.set_value(customer.owner_id)

    def _got_due_hours(self, hours: Mapping[ComplaintSeverity, float]) -> None:
        self._due_hours = hours
        self._show_due()

    def _show_due(self) -> None:
        severity = self.severity.current_value()
        hours = self._due_hours.get(severity) if severity is not None else None
        if hours is None:
            self.due.clear()
            return
        whole_hours = math.ceil(hours)
        due_by = format_instant(self.context.workspace.clock() + timedelta(hours=hours))
        self.due.setText(
            self.tr("Due within %n hour(s), by {time} if taken in now", "", whole_hours).format(
                time=due_by
            )
        )


class ComplaintMoveDialog(SavingDialog):
    """One step of a complaint that needs words from the user: resolving (how it was
    resolved), closing (the customer's satisfaction) or reopening (why); each takes a note
    for the history."""

    moved = Signal(object)  # the ComplaintRecord after the move

    def __init__(
        self,
        context: UiContext,
        complaint: ComplaintRecord,
        target: ComplaintStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self._complaint = complaint
        self._target = target
        self.setMinimumWidth(460)
        self.resolution: QPlainTextEdit | None = None
        self.satisfaction: QComboBox | None = None
        number = complaint.number
        if target is ComplaintStatus.RESOLVED:
            self.setWindowTitle(self.tr("Resolve complaint {number}").format(number=number))
            self.resolution = QPlainTextEdit()
            self.resolution.setFixedHeight(TEXT_HEIGHT)
            self.resolution.setPlaceholderText(self.tr("What was done for the customer"))
            self.add_field(self.tr("Resolution"), "resolution", self.resolution)
        elif target is ComplaintStatus.CLOSED:
            self.setWindowTitle(self.tr("Close complaint {number}").format(number=number))
            self.satisfaction = self._satisfaction_combo()
            self.add_field(self.tr("Customer's satisfaction"), "satisfaction", self.satisfaction)
        elif is_reopening(complaint.status, target):
            self.setWindowTitle(self.tr("Reopen complaint {number}").format(number=number))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: kept in the complaint's history"))
        self.add_field(self.tr("Note"), "note", self.note)
        self.errors.clear()

    def chosen_satisfaction(self) -> int | None:
        if self.satisfaction is None:
            return None
        return cast("int | None", self.satisfaction.currentData())

    def save(self) -> None:
        complaint, target = self._complaint, self._target
        resolution = self.resolution.toPlainText() if self.resolution is not None else None
        satisfaction = self.chosen_satisfaction()
        note = self.note.text()
        complaints = self.context.workspace.complaints
        self.write(
            lambda: complaints.move(
                complaint.id,
                target,
                complaint.version,
                actor_id=None,
                note=note,
                resolution=resolution,
                satisfaction=satisfaction,
            ),
            Change.of(Topic.COMPLAINTS, customers=[complaint.customer_id]),
            self.moved.emit,
        )

    def _satisfaction_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not asked"), None)
        names = (
            self.tr("1 – Very dissatisfied"),
            self.tr("2 – Dissatisfied"),
            self.tr("3 – Neither"),
            self.tr("4 – Satisfied"),
            self.tr("5 – Very satisfied"),
        )
        for score, name in zip(SATISFACTION_RANGE, names, strict=True):
            combo.addItem(name, score)
        return combo
