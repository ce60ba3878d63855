"""Dialogs that plan, edit, reschedule, complete and cancel follow-ups (回访).

Each dialog saves through the task runner's write lane and stays open with the problems
beside their fields when the service refuses; it closes once the write succeeded. The
entry points return True when something was saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from crmdesk.domain.clock import local_today
from crmdesk.domain.enums import FollowUpKind, InteractionKind
from crmdesk.domain.errors import Problem
from crmdesk.domain.follow_ups import (
    INTERACTION_KIND_FOR,
    TITLE_MAX_LENGTH,
    FollowUpCompletion,
    FollowUpDraft,
    FollowUpRecord,
)
from crmdesk.domain.recurrence import (
    MAX_COUNT,
    MAX_INTERVAL,
    Frequency,
    Recurrence,
    RecurrenceRuleError,
    parse_rule,
)
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo, index_of_value
from crmdesk.ui.widgets.customer_picker import (
    NO_CUSTOMER,
    CustomerPicker,
    CustomerWithContacts,
    customer_with_contacts,
)
from crmdesk.ui.widgets.follow_up_calendar import to_date, to_qdate
from crmdesk.ui.widgets.questions import ask_yes_no

NOTES_HEIGHT = 80


def schedule_follow_up(
    context: UiContext,
    parent: QWidget | None,
    customer_ids: Sequence[uuid.UUID] = (),
    *,
    kind: FollowUpKind = FollowUpKind.CALLBACK,
    title: str = "",
    due_on: date | None = None,
    contact_id: uuid.UUID | None = None,
) -> bool:
    """Plan one follow-up for each of `customer_ids`; with none, the dialog has a customer
    picker. `contact_id` preselects a contact of the one customer."""
    dialog = FollowUpDialog(context, parent, customer_ids=customer_ids)
    dialog.prefill(kind=kind, title=title, due_on=due_on, contact_id=contact_id)
    return run_dialog(dialog)


def edit_follow_up(context: UiContext, parent: QWidget | None, follow_up: FollowUpRecord) -> bool:
    """Edit (and so reschedule) a planned follow-up."""
    return run_dialog(FollowUpDialog(context, parent, follow_up=follow_up))


def reschedule_follow_up(
    context: UiContext, parent: QWidget | None, follow_up: FollowUpRecord
) -> bool:
    """Move a planned follow-up to another day."""
    return run_dialog(RescheduleDialog(context, parent, follow_up))


def complete_follow_up(
    context: UiContext, parent: QWidget | None, follow_up: FollowUpRecord
) -> bool:
    """Mark a follow-up done with how it went; that is logged as an interaction, and a
    recurring follow-up gets its next occurrence."""
    return run_dialog(CompleteDialog(context, parent, follow_up))


def cancel_follow_up(context: UiContext, parent: QWidget, follow_up: FollowUpRecord) -> bool:
    """Call off a planned follow-up once the user confirms; True when the cancellation was
    started (the runner's error box reports a refusal)."""
    question = QCoreApplication.translate(
        "follow_up_dialog",
        "Cancel the follow-up '{title}'? A repeating follow-up stops repeating.",
    ).format(title=follow_up.title)
    title = QCoreApplication.translate("follow_up_dialog", "Cancel follow-up")
    if not ask(parent, title, question):
        return False
    service = context.workspace.follow_ups
    context.tasks.write(
        lambda: service.cancel(follow_up.id, follow_up.version),
        lambda _record: None,
        owner=parent,
        change=Change.of(Topic.FOLLOW_UPS, customers=[follow_up.customer_id]),
    )
    return True


def ask(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question (tests replace this function to answer it)."""
    return ask_yes_no(parent, title, question)


class RepeatEditor(QWidget):
    """How a follow-up repeats: never, or every N days, weeks, months or years, ending
    never, after a number of occurrences or on a date; read and written as a rule of
    domain/recurrence.py."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frequency = QComboBox()
        self.frequency.addItem(self.tr("Does not repeat"), None)
        self.frequency.addItem(self.tr("Daily"), Frequency.DAILY)
        self.frequency.addItem(self.tr("Weekly"), Frequency.WEEKLY)
        self.frequency.addItem(self.tr("Monthly"), Frequency.MONTHLY)
        self.frequency.addItem(self.tr("Yearly"), Frequency.YEARLY)
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval_label = QLabel(self.tr("every"))
        self.ends = QComboBox()
        self.ends.addItem(self.tr("never ends"), "never")
        self.ends.addItem(self.tr("ends after"), "count")
        self.ends.addItem(self.tr("ends on"), "until")
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.frequency,
            self.interval_label,
            self.interval,
            self.ends,
            self.count,
            self.until,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.frequency.currentIndexChanged.connect(self._update_shown)
        self.ends.currentIndexChanged.connect(self._update_shown)
        self.interval.valueChanged.connect(self._update_shown)
        self._update_shown()

    def rule(self) -> str | None:
        chosen = self.frequency.currentData()
        if chosen is None:
            return None
        end = self.ends.currentData()
        return Recurrence(
            Frequency(chosen),  # Qt hands a str enum back as a plain str
            interval=self.interval.value(),
            count=self.count.value() if end == "count" else None,
            until=to_date(self.until.date()) if end == "until" else None,
        ).to_rule()

    def set_rule(self, rule: str | None, start: date) -> None:
        """Show `rule`; the end date offered defaults to a year after `start`."""
        self.until.setDate(to_qdate(start).addYears(1))
        try:
            recurrence = parse_rule(rule) if rule else None
        except RecurrenceRuleError:
            recurrence = None  # a stored rule is always valid; a foreign one shows as none
        if recurrence is None:
            self.frequency.setCurrentIndex(0)
            return
        self.frequency.setCurrentIndex(index_of_value(self.frequency, recurrence.frequency))
        self.interval.setValue(recurrence.interval)
        if recurrence.count is not None:
            self.ends.setCurrentIndex(index_of_value(self.ends, "count"))
            self.count.setValue(recurrence.count)
        elif recurrence.until is not None:
            self.ends.setCurrentIndex(index_of_value(self.ends, "until"))
            self.until.setDate(to_qdate(recurrence.until))
        else:
            self.ends.setCurrentIndex(index_of_value(self.ends, "never"))

    def _update_shown(self) -> None:
        chosen = self.frequency.currentData()
        frequency = Frequency(chosen) if chosen else None
        repeats = frequency is not None
        for widget in (self.interval_label, self.interval, self.ends):
            widget.setVisible(repeats)
        self.count.setVisible(repeats and self.ends.currentData() == "count")
        self.until.setVisible(repeats and self.ends.currentData() == "until")
        self.interval.setSuffix(self._unit(frequency, self.interval.value()))

    def _unit(self, frequency: Frequency | None, n: int) -> str:
        match frequency:
            case Frequency.DAILY:
                return self.tr(" day(s)", "", n)
            case Frequency.WEEKLY:
                return self.tr(" week(s)", "", n)
            case Frequency.MONTHLY:
                return self.tr(" month(s)", "", n)
            case Frequency.YEARLY:
                return self.tr(" year(s)", "", n)
        return ""


class FollowUpDialog(SavingDialog):
    """Plan follow-ups for `customer_ids` (a picker when there are none), or edit the
    planned `follow_up`."""

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None,
        *,
        customer_ids: Sequence[uuid.UUID] = (),
        follow_up: FollowUpRecord | None = None,
    ) -> None:
        super().__init__(context, parent)
        self._editing = follow_up
        self._customer_ids = [follow_up.customer_id] if follow_up else list(customer_ids)
        self._wanted_contact: uuid.UUID | None = None
        self._rep_chosen = follow_up is not None

        self.picker: CustomerPicker | None = None
        self.customer_label = QLabel()
        if self._customer_ids:
            self.add_field(self.tr("Customer:"), "customer_id", self.customer_label)
        else:
            self.picker = CustomerPicker(context)
            self.picker.customer_chosen.connect(self._load_customer)
            self.add_field(self.tr("Customer:"), "customer_id", self.picker)
        self.kind = EnumCombo(FollowUpKind)
        self.add_field(self.tr("Kind:"), "kind", self.kind)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX_LENGTH)
        self.title.setPlaceholderText(self.tr("What is to be done, e.g. Ask about the new order"))
        self.add_field(self.tr("Title:"), "title", self.title)
        self.due_on = QDateEdit()
        self.due_on.setCalendarPopup(True)
        self.add_field(self.tr("Due on:"), "due_on", self.due_on)
        self.rep = RepCombo(context, empty_text=self.tr("Nobody"))
        self.rep.activated.connect(self._note_rep_chosen)
        self.add_field(self.tr("Rep:"), "rep_id", self.rep)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("No particular contact"), None)
        self.contact.setEnabled(False)
        self.add_field(self.tr("Contact:"), "contact_id", self.contact)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(NOTES_HEIGHT)
        self.add_field(self.tr("Notes:"), "notes", self.notes)
        self.repeat = RepeatEditor()
        self.add_field(self.tr("Repeat:"), "recurrence_rule", self.repeat)

        if follow_up is None:
            self.setWindowTitle(self.tr("Schedule follow-up"))
            self.prefill()
        else:
            self.setWindowTitle(self.tr("Edit follow-up"))
            self._show(follow_up)
        self._describe_customers()
        self.setMinimumWidth(560)

    def prefill(
        self,
        *,
        kind: FollowUpKind = FollowUpKind.CALLBACK,
        title: str = "",
        due_on: date | None = None,
        contact_id: uuid.UUID | None = None,
    ) -> None:
        """Fill a new follow-up's fields; the due date defaults to today."""
        day = due_on or local_today(self.context.workspace.clock)
        self.kind.set_value(kind)
        self.title.setText(title)
        self.due_on.setDate(to_qdate(day))
        self.repeat.set_rule(None, day)
        self._choose_contact(contact_id)

    def customer_ids(self) -> list[uuid.UUID]:
        if self.picker is not None:
            chosen = self.picker.current_customer_id()
            return [chosen] if chosen else []
        return list(self._customer_ids)

    def drafts(self) -> list[FollowUpDraft]:
        return [
            FollowUpDraft(
                customer_id=customer_id,
                # Qt hands a str enum back as a plain str (see choice_combos.EnumCombo).
                kind=self.kind.current_value() or FollowUpKind.OTHER,
                title=self.title.text(),
                due_on=to_date(self.due_on.date()),
                rep_id=self.rep.current_value(),
                contact_id=cast("uuid.UUID | None", self.contact.currentData()),
                notes=self.notes.toPlainText(),
                recurrence_rule=self.repeat.rule(),
            )
            for customer_id in self.customer_ids()
        ]

    def save(self) -> None:
        drafts = self.drafts()
        if not drafts:
            self.refuse({"customer_id": Problem(NO_CUSTOMER, {})})
            return
        service = self.context.workspace.follow_ups
        change = Change.of(Topic.FOLLOW_UPS, customers=[d.customer_id for d in drafts])
        editing = self._editing
        if editing is not None:
            self.write(lambda: service.update(editing.id, drafts[0], editing.version), change)
        else:
            self.write(lambda: service.create_many(drafts), change)

    def _show(self, follow_up: FollowUpRecord) -> None:
        self.kind.set_value(follow_up.kind)
        self.title.setText(follow_up.title)
        self.due_on.setDate(to_qdate(follow_up.due_on))
        self.rep.set_value(follow_up.rep_id)
        self.notes.setPlainText(follow_up.notes or "")
        self.repeat.set_rule(follow_up.recurrence_rule, follow_up.due_on)
        self._choose_contact(follow_up.contact_id)

    def _describe_customers(self) -> None:
        if len(self._customer_ids) == 1:
            self._load_customer(self._customer_ids[0])
        elif self._customer_ids:
            count = len(self._customer_ids)
            self.customer_label.setText(self.tr("%n selected customer(s)", "", count))

    def _load_customer(self, customer_id: uuid.UUID) -> None:
        """Show the customer's name, offer its contacts and suggest its owner as the rep."""
        workspace = self.context.workspace
        self.context.tasks.read(
            lambda: customer_with_contacts(workspace, customer_id),
            self._customer_loaded,
            owner=self,
            failed=self._refused,
        )

    def _customer_loaded(self, loaded: CustomerWithContacts) -> None:
        customer, contacts = loaded
        self.customer_label.setText(f"{customer.name}  ({customer.code})")
        wanted = self._wanted_contact
        self.contact.clear()
        self.contact.addItem(self.tr("No particular contact"), None)
        for contact in contacts:
            self.contact.addItem(contact.name, contact.id)
        self.contact.setEnabled(True)
        self._choose_contact(wanted)
        if not self._rep_chosen and customer.owner_id is not None:
            self.rep.set_value(customer.owner_id)

    def _choose_contact(self, contact_id: uuid.UUID | None) -> None:
        self._wanted_contact = contact_id
        self.contact.setCurrentIndex(index_of_value(self.contact, contact_id))

    def _note_rep_chosen(self) -> None:
        self._rep_chosen = True


class RescheduleDialog(SavingDialog):
    def __init__(
        self, context: UiContext, parent: QWidget | None, follow_up: FollowUpRecord
    ) -> None:
        super().__init__(context, parent)
        self._follow_up = follow_up
        self.setWindowTitle(self.tr("Reschedule follow-up"))
        self.form.addRow(self.tr("Follow-up:"), QLabel(follow_up.title))
        self.due_on = QDateEdit(to_qdate(follow_up.due_on))
        self.due_on.setCalendarPopup(True)
        self.add_field(self.tr("New date:"), "due_on", self.due_on)

    def save(self) -> None:
        service = self.context.workspace.follow_ups
        follow_up = self._follow_up
        new_date = to_date(self.due_on.date())
        self.write(
            lambda: service.reschedule(follow_up.id, new_date, follow_up.version),
            Change.of(Topic.FOLLOW_UPS, customers=[follow_up.customer_id]),
        )


class CompleteDialog(SavingDialog):
    """The result of a follow-up, logged as an interaction of the chosen kind by the chosen
    rep (the follow-up's own, unless someone else did it)."""

    def __init__(
        self, context: UiContext, parent: QWidget | None, follow_up: FollowUpRecord
    ) -> None:
        super().__init__(context, parent)
        self._follow_up = follow_up
        self.setWindowTitle(self.tr("Complete follow-up"))
        self.form.addRow(self.tr("Follow-up:"), QLabel(follow_up.title))
        self.result_text = QPlainTextEdit()
        self.result_text.setPlaceholderText(
            self.tr("How did it go? This is logged as a conversation.")
        )
        self.add_field(self.tr("Result:"), "result", self.result_text)
        self.logged_as = EnumCombo(InteractionKind)
        self.logged_as.set_value(INTERACTION_KIND_FOR[follow_up.kind])
        self.add_field(self.tr("Logged as:"), "kind", self.logged_as)
        self.done_by = RepCombo(context, empty_text=self.tr("Nobody"))
        self.done_by.set_value(follow_up.rep_id)
        self.add_field(self.tr("Done by:"), "actor_id", self.done_by)
        if follow_up.recurrence_rule:
            note = QLabel(self.tr("This follow-up repeats: the next one is planned on saving."))
            note.setWordWrap(True)
            self.form.addRow("", note)
        self.setMinimumWidth(480)

    def save(self) -> None:
        service = self.context.workspace.follow_ups
        follow_up = self._follow_up
        result = self.result_text.toPlainText()
        chosen = self.logged_as.current_value()
        kind = InteractionKind(chosen) if chosen else None
        actor = self.done_by.current_value()

        self.write(
            lambda: service.complete(follow_up.id, result, follow_up.version, actor, kind=kind),
            Change.of(Topic.FOLLOW_UPS, Topic.INTERACTIONS, customers=[follow_up.customer_id]),
        )

    @property
    def completion(self) -> FollowUpCompletion | None:
        """What completing did (the logged interaction, the next occurrence), once saved."""
        return cast("FollowUpCompletion | None", self.saved_result)
