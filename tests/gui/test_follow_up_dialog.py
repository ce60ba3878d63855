"""The follow-up dialogs: plan (for a picked customer, one customer or several), edit,
reschedule, complete and cancel, with refusals shown beside their fields."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus, InteractionKind
from crmdesk.domain.follow_ups import FollowUpDraft, FollowUpFilter, FollowUpRecord
from crmdesk.domain.interactions import InteractionFilter
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import follow_up_dialog
from crmdesk.ui.dialogs.follow_up_dialog import (
    CompleteDialog,
    FollowUpDialog,
    RescheduleDialog,
    schedule_follow_up,
)

DUE = date(2027, 3, 15)


def add_customer(
    context: UiContext, name: str = "张三", owner_id: uuid.UUID | None = None
) -> uuid.UUID:
    return context.workspace.customers.create(CustomerDraft(name=name, owner_id=owner_id)).id


def plan(context: UiContext, customer_id: uuid.UUID, rule: str | None = None) -> FollowUpRecord:
    return context.workspace.follow_ups.create(
        FollowUpDraft(customer_id, FollowUpKind.CALLBACK, "月度回访", DUE, recurrence_rule=rule)
    )


def follow_ups_of(context: UiContext, customer_id: uuid.UUID) -> list[FollowUpRecord]:
    return context.workspace.follow_ups.list(FollowUpFilter(customer_id=customer_id)).items


def open_dialog(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()


def save(qtbot: QtBot, context: UiContext, dialog: QDialog) -> None:
    """Click Save and wait until the write is answered."""
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    button.click()
    wait_for_tasks(qtbot, context)


def test_scheduling_through_the_picker_plans_a_follow_up_on_the_chosen_day(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FollowUpDialog) and dialog.picker is not None
        seen.append(dialog.windowTitle())
        dialog.picker.set_customer(customer_id, "张三")
        dialog.title.setText("确认报价")
        dialog.due_on.setDate(QDate(DUE))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    assert schedule_follow_up(context, None) is True

    assert seen == ["Schedule follow-up"]
    [saved] = follow_ups_of(context, customer_id)
    assert (saved.title, saved.due_on, saved.status) == ("确认报价", DUE, FollowUpStatus.PLANNED)


def test_an_empty_title_and_a_far_due_date_are_refused_beside_their_fields(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = FollowUpDialog(context, None, customer_ids=[customer_id])
    open_dialog(qtbot, dialog)
    dialog.due_on.setDate(QDate(2205, 1, 1))

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert dialog.errors.message_for("title") != ""
    assert "The date must be between" in dialog.errors.message_for("due_on")
    assert follow_ups_of(context, customer_id) == []


def test_saving_without_a_customer_asks_for_one_beside_the_picker(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = FollowUpDialog(context, None)
    open_dialog(qtbot, dialog)
    dialog.title.setText("回访")

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert dialog.errors.message_for("customer_id") == "Choose a customer."


def test_a_repeat_every_two_weeks_three_times_is_stored_as_its_rule(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = FollowUpDialog(context, None, customer_ids=[customer_id])
    open_dialog(qtbot, dialog)
    dialog.title.setText("回访")
    repeat = dialog.repeat
    repeat.frequency.setCurrentIndex(repeat.frequency.findText("Weekly"))
    repeat.interval.setValue(2)
    repeat.ends.setCurrentIndex(repeat.ends.findText("ends after"))
    repeat.count.setValue(3)

    assert repeat.interval.suffix() == " weeks"
    assert repeat.count.isVisibleTo(dialog) and not repeat.until.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    [saved] = follow_ups_of(context, customer_id)
    assert saved.recurrence_rule == "FREQ=WEEKLY;INTERVAL=2;COUNT=3"


def test_one_customer_offers_its_contacts_and_its_owner_as_the_rep(
    qtbot: QtBot, context: UiContext
) -> None:
    workspace = context.workspace
    rep = workspace.reps.create(RepDraft(name="李四"))
    customer_id = add_customer(context, owner_id=rep.id)
    contact = workspace.contacts.create(customer_id, ContactDraft(name="王五"))
    dialog = FollowUpDialog(context, None, customer_ids=[customer_id])
    dialog.prefill(kind=FollowUpKind.CARE, title="生日问候", due_on=DUE, contact_id=contact.id)
    open_dialog(qtbot, dialog)
    wait_for_tasks(qtbot, context)

    assert dialog.customer_label.text().startswith("张三")
    assert dialog.contact.currentText() == "王五"
    assert dialog.rep.currentText() == "李四"
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    [saved] = follow_ups_of(context, customer_id)
    assert (saved.kind, saved.contact_id, saved.rep_id) == (FollowUpKind.CARE, contact.id, rep.id)


def test_several_customers_get_one_follow_up_each(qtbot: QtBot, context: UiContext) -> None:
    ids = [add_customer(context, name) for name in ("甲", "乙", "丙")]
    dialog = FollowUpDialog(context, None, customer_ids=ids)
    open_dialog(qtbot, dialog)
    dialog.title.setText("节日问候")

    assert dialog.customer_label.text() == "3 selected customers"
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    assert [len(follow_ups_of(context, customer_id)) for customer_id in ids] == [1, 1, 1]


def test_editing_shows_the_saved_values_and_saves_the_changes(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    saved = plan(context, customer_id, rule="FREQ=MONTHLY;INTERVAL=1;UNTIL=20271231")
    dialog = FollowUpDialog(context, None, follow_up=saved)
    open_dialog(qtbot, dialog)

    assert dialog.windowTitle() == "Edit follow-up"
    assert dialog.title.text() == "月度回访"
    assert dialog.repeat.rule() == "FREQ=MONTHLY;INTERVAL=1;UNTIL=20271231"
    dialog.title.setText("季度回访")
    dialog.due_on.setDate(QDate(2027, 4, 1))
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    edited = context.workspace.follow_ups.get(saved.id)
    assert (edited.title, edited.due_on) == ("季度回访", date(2027, 4, 1))


def test_editing_a_follow_up_of_a_rep_who_left_shows_and_keeps_that_rep(
    qtbot: QtBot, context: UiContext
) -> None:
    reps = context.workspace.reps
    reps.create(RepDraft(name="在职销售"))
    left = reps.create(RepDraft(name="离职销售", active=False))
    saved = context.workspace.follow_ups.create(
        FollowUpDraft(add_customer(context), FollowUpKind.CALLBACK, "月度回访", DUE, rep_id=left.id)
    )
    dialog = FollowUpDialog(context, None, follow_up=saved)
    open_dialog(qtbot, dialog)
    wait_for_tasks(qtbot, context)

    assert dialog.rep.currentText() == "离职销售"
    dialog.title.setText("季度回访")
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)
    assert context.workspace.follow_ups.get(saved.id).rep_id == left.id


def test_rescheduling_moves_the_follow_up(qtbot: QtBot, context: UiContext) -> None:
    saved = plan(context, add_customer(context))
    dialog = RescheduleDialog(context, None, saved)
    open_dialog(qtbot, dialog)
    dialog.due_on.setDate(QDate(2027, 5, 2))

    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    assert context.workspace.follow_ups.get(saved.id).due_on == date(2027, 5, 2)


def test_esc_or_closing_while_the_save_runs_keeps_the_dialog_until_it_is_saved(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = plan(context, add_customer(context))
    service = context.workspace.follow_ups
    reschedule = service.reschedule
    release = threading.Event()

    def slow_reschedule(*args: Any) -> FollowUpRecord:
        release.wait(5)
        return reschedule(*args)

    monkeypatch.setattr(service, "reschedule", slow_reschedule)
    dialog = RescheduleDialog(context, None, saved)
    open_dialog(qtbot, dialog)
    dialog.due_on.setDate(QDate(2027, 5, 2))
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and not rejected

    with qtbot.waitSignal(dialog.accepted):
        release.set()
    wait_for_tasks(qtbot, context)
    assert service.get(saved.id).due_on == date(2027, 5, 2)


def test_completing_a_recurring_follow_up_logs_the_result_and_plans_the_next(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    saved = plan(context, customer_id, rule="FREQ=MONTHLY;INTERVAL=1")
    dialog = CompleteDialog(context, None, saved)
    open_dialog(qtbot, dialog)
    dialog.result_text.setPlainText("客户满意，下月再联系")
    dialog.logged_as.set_value(InteractionKind.WECHAT)

    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, context, dialog)

    completion = dialog.completion
    assert completion is not None and completion.next is not None
    assert completion.next.due_on == date(2027, 4, 15)
    [logged] = context.workspace.interactions.list(InteractionFilter(customer_id=customer_id)).items
    assert (logged.content, logged.kind) == ("客户满意，下月再联系", InteractionKind.WECHAT)


def test_a_stale_completion_is_refused_above_the_form(qtbot: QtBot, context: UiContext) -> None:
    saved = plan(context, add_customer(context))
    context.workspace.follow_ups.reschedule(saved.id, date(2027, 3, 20), saved.version)
    dialog = CompleteDialog(context, None, saved)
    open_dialog(qtbot, dialog)

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert "Someone else saved this record" in dialog.errors.general.text()


@pytest.mark.parametrize(("answer", "status"), [(True, "cancelled"), (False, "planned")])
def test_cancelling_asks_first(
    qtbot: QtBot,
    context: UiContext,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
    status: str,
) -> None:
    saved = plan(context, add_customer(context))
    questions: list[str] = []
    ask: Callable[[object, str, str], bool] = lambda _p, _t, q: questions.append(q) or answer  # noqa: E731
    monkeypatch.setattr(follow_up_dialog, "ask", ask)
    owner = QDialog()
    qtbot.addWidget(owner)

    assert follow_up_dialog.cancel_follow_up(context, owner, saved) is answer
    wait_for_tasks(qtbot, context)

    assert questions == ["Cancel the follow-up '月度回访'? A repeating follow-up stops repeating."]
    assert context.workspace.follow_ups.get(saved.id).status == status
