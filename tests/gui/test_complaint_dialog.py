"""Taking in a complaint (customer picked by pinyin, due time from the severity) and the
dialogs of the workflow steps that need words: resolution, satisfaction, reopening."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from crmdesk.db.repositories.settings import put_value
from crmdesk.domain.complaint_workflow import DUE_HOURS_SETTING_KEY
from crmdesk.domain.complaints import ComplaintDraft, ComplaintFilter, ComplaintRecord
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.complaint_dialog import (
    ComplaintDialog,
    ComplaintMoveDialog,
    open_complaint,
)

S = ComplaintStatus


def add_customer(context: UiContext, name: str = "张三") -> uuid.UUID:
    owner = context.workspace.reps.create(RepDraft("李四")).id
    customer = context.workspace.customers.create(CustomerDraft(name=name, owner_id=owner))
    context.workspace.contacts.create(customer.id, ContactDraft(name="王五", is_primary=True))
    return customer.id


def take_in(context: UiContext, customer_id: uuid.UUID) -> ComplaintRecord:
    draft = ComplaintDraft(customer_id, ComplaintCategory.DELIVERY, ComplaintSeverity.HIGH, "漏发")
    return context.workspace.complaints.open(draft)


def moved_to(context: UiContext, complaint: ComplaintRecord, *path: S) -> ComplaintRecord:
    for target in path:
        resolution = "补发" if target is S.RESOLVED else None
        complaint = context.workspace.complaints.move(
            complaint.id, target, complaint.version, None, resolution=resolution
        )
    return complaint


def shown(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()


def save(qtbot: QtBot, context: UiContext, dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def test_a_complaint_is_taken_in_for_the_customer_found_by_pinyin(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    customer = context.workspace.customers.get(customer_id)
    before = datetime.now(UTC)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ComplaintDialog) and dialog.picker is not None
        try:
            fill_in(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging
                dialog.reject()

    def fill_in(dialog: ComplaintDialog) -> None:
        assert dialog.picker is not None
        qtbot.keyClicks(dialog.picker, "zs")
        qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.popup_texts() != [])
        popup = dialog.picker.popup()
        assert popup is not None
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        # The customer's owner and primary contact are filled in once it is chosen.
        qtbot.waitUntil(lambda: dialog.contact.currentText() == "王五")
        assert dialog.owner.currentText() == "李四"
        dialog.severity.set_value(ComplaintSeverity.CRITICAL)
        dialog.category.set_value(ComplaintCategory.PRODUCT_QUALITY)
        dialog.title.setText("净水器漏水")
        dialog.description.setPlainText("安装第二天就漏水")
        save(qtbot, context, dialog)

    QTimer.singleShot(0, fill)
    assert open_complaint(context, None, None) is True

    [complaint] = context.workspace.complaints.list(ComplaintFilter()).items
    assert complaint.customer_id == customer_id
    assert complaint.owner_id == customer.owner_id
    assert (complaint.title, complaint.description) == ("净水器漏水", "安装第二天就漏水")
    assert complaint.status is S.NEW
    assert before <= complaint.received_at <= datetime.now(UTC)
    assert complaint.due_at - complaint.received_at == timedelta(hours=4)


def test_the_severity_shows_when_the_complaint_will_be_due(
    qtbot: QtBot, context: UiContext
) -> None:
    with context.workspace.database.unit_of_work() as uow:
        put_value(uow.session, DUE_HOURS_SETTING_KEY, {"critical": 2}, datetime.now(UTC))
        uow.commit()
    dialog = ComplaintDialog(context, add_customer(context))
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.due.text() != "")

    assert dialog.due.text().startswith("Due within 72 hour")  # medium, the default
    dialog.severity.set_value(ComplaintSeverity.CRITICAL)
    assert dialog.due.text().startswith("Due within 2 hour")  # the team's own promise
    dialog.severity.set_value(ComplaintSeverity.LOW)
    assert dialog.due.text().startswith("Due within 168 hour")


def test_missing_customer_and_title_are_refused_beside_their_fields(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = ComplaintDialog(context, None)
    shown(qtbot, dialog)

    save(qtbot, context, dialog)
    assert dialog.errors.message_for("customer_id") == "Choose a customer."
    assert dialog.isVisible()

    assert dialog.picker is not None
    dialog.picker.set_customer(customer_id, "张三")
    save(qtbot, context, dialog)
    assert dialog.errors.message_for("customer_id") == ""
    assert dialog.errors.message_for("title") != ""
    assert dialog.isVisible()
    assert context.workspace.complaints.list(ComplaintFilter()).total == 0


def test_resolving_needs_a_resolution(qtbot: QtBot, context: UiContext) -> None:
    complaint = moved_to(context, take_in(context, add_customer(context)), S.ACKNOWLEDGED)
    complaint = moved_to(context, complaint, S.IN_PROGRESS)
    dialog = ComplaintMoveDialog(context, complaint, S.RESOLVED)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == f"Resolve complaint {complaint.number}"
    assert dialog.resolution is not None and dialog.satisfaction is None

    save(qtbot, context, dialog)
    assert dialog.errors.message_for("resolution") == "Describe how the complaint was resolved."
    assert dialog.isVisible()
    assert context.workspace.complaints.get(complaint.id).status is S.IN_PROGRESS

    dialog.resolution.setPlainText("补发了配件")
    dialog.note.setText("客户已确认收到")
    with qtbot.waitSignal(dialog.moved):
        save(qtbot, context, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = context.workspace.complaints.get(complaint.id)
    assert (saved.status, saved.resolution) == (S.RESOLVED, "补发了配件")
    assert context.workspace.complaints.history(complaint.id)[-1].note == "客户已确认收到"


def test_closing_records_the_customers_satisfaction(qtbot: QtBot, context: UiContext) -> None:
    complaint = take_in(context, add_customer(context))
    complaint = moved_to(context, complaint, S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED)
    dialog = ComplaintMoveDialog(context, complaint, S.CLOSED)
    shown(qtbot, dialog)
    assert dialog.satisfaction is not None and dialog.resolution is None
    assert dialog.satisfaction.count() == 6  # "not asked" and 1 to 5

    dialog.satisfaction.setCurrentIndex(4)
    assert dialog.satisfaction.currentText() == "4 – Satisfied"
    save(qtbot, context, dialog)

    saved = context.workspace.complaints.get(complaint.id)
    assert (saved.status, saved.satisfaction) == (S.CLOSED, 4)
