"""Recording a survey answer in its dialog (scores of the chosen scale, problems beside
their fields) and the offer to record one when a complaint is closed in the complaints
tab, linked to that complaint."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from crmdesk.domain.complaints import ComplaintDraft, ComplaintRecord
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    SurveyKind,
)
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import survey_dialog
from crmdesk.ui.dialogs.survey_dialog import SurveyDialog
from crmdesk.ui.tabs import complaints_tab
from crmdesk.ui.tabs.complaints_tab import ComplaintsTab

S = ComplaintStatus


def add_customer(context: UiContext) -> uuid.UUID:
    return context.workspace.customers.create(CustomerDraft(name="张三")).id


def resolved_complaint(context: UiContext, customer_id: uuid.UUID) -> ComplaintRecord:
    complaints = context.workspace.complaints
    complaint = complaints.open(
        ComplaintDraft(customer_id, ComplaintCategory.DELIVERY, ComplaintSeverity.HIGH, "漏发配件")
    )
    for target in (S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED):
        resolution = "补发" if target is S.RESOLVED else None
        complaint = complaints.move(
            complaint.id, target, complaint.version, None, resolution=resolution
        )
    return complaint


def open_dialog(qtbot: QtBot, dialog: SurveyDialog) -> SurveyDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, context: UiContext, dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def offered_scores(dialog: SurveyDialog) -> list[int]:
    return [s for s, button in dialog.score.buttons.items() if button.isVisibleTo(dialog)]


def test_an_nps_answer_is_recorded_with_its_comment(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, SurveyDialog(context, customer_id))
    assert offered_scores(dialog) == [1, 2, 3, 4, 5]  # CSAT first

    dialog.kind.set_value(SurveyKind.NPS)
    assert offered_scores(dialog) == list(range(11))
    qtbot.mouseClick(dialog.score.buttons[9], Qt.MouseButton.LeftButton)
    dialog.comment.setPlainText("会推荐给朋友")
    save(qtbot, context, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    [answer] = context.workspace.surveys.responses(customer_id)
    assert (answer.kind, answer.score, answer.comment) == (SurveyKind.NPS, 9, "会推荐给朋友")
    assert answer.complaint_id is None


def test_a_score_outside_the_new_scale_is_forgotten_and_missing_scores_are_refused(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, SurveyDialog(context, customer_id))
    dialog.kind.set_value(SurveyKind.NPS)
    dialog.score.set_score(8)
    dialog.kind.set_value(SurveyKind.CSAT)
    assert dialog.score.score() is None

    save(qtbot, context, dialog)

    assert dialog.errors.message_for("score") == "Choose the customer's score."
    assert dialog.isVisible()
    assert context.workspace.surveys.responses(customer_id) == []


def test_an_answer_dated_in_the_future_is_refused_beside_its_field(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, SurveyDialog(context, customer_id))
    dialog.score.set_score(5)
    dialog.responded_at.setDateTime(QDateTime.currentDateTime().addDays(1))

    save(qtbot, context, dialog)

    assert dialog.errors.message_for("responded_at").startswith("The time must be between")
    assert dialog.errors.message_for("score") == ""
    assert context.workspace.surveys.responses(customer_id) == []
    dialog.responded_at.setDateTime(QDateTime.currentDateTime().addSecs(-60))
    save(qtbot, context, dialog)
    assert [a.score for a in context.workspace.surveys.responses(customer_id)] == [5]


def test_closing_a_complaint_offers_a_survey_linked_to_it(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer_id = add_customer(context)
    complaint = resolved_complaint(context, customer_id)
    asked: list[str] = []

    def ask(_parent: QWidget, number: str) -> bool:
        asked.append(number)
        return True

    monkeypatch.setattr(survey_dialog, "ask_to_record_satisfaction", ask)
    monkeypatch.setattr(complaints_tab, "ask_to_schedule_call", lambda *_args: False)
    tab = ComplaintsTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_complaint(complaint.id)
    wait_for_tasks(qtbot, context)
    qtbot.mouseClick(tab.move_buttons["close"], Qt.MouseButton.LeftButton)
    move = tab.findChild(QDialog)
    assert move is not None and move.satisfaction is not None
    move.satisfaction.setCurrentIndex(move.satisfaction.findData(2))

    surveys: list[SurveyDialog] = []

    def answer_survey() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SurveyDialog) and not surveys:
            surveys.append(dialog)
            dialog.comment.setPlainText("等了三天")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    timer = QTimer()
    timer.timeout.connect(answer_survey)
    timer.start(20)
    save(qtbot, context, move)
    timer.stop()

    assert asked == [complaint.number]
    assert len(surveys) == 1
    [answer] = context.workspace.surveys.responses(customer_id)
    # The satisfaction given when closing is the answer's score unless the user changes it.
    assert (answer.kind, answer.score, answer.comment) == (SurveyKind.CSAT, 2, "等了三天")
    assert (answer.complaint_id, answer.complaint_number) == (complaint.id, complaint.number)
    assert context.workspace.complaints.get(complaint.id).status is S.CLOSED


def test_declining_the_offer_records_nothing(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer_id = add_customer(context)
    complaint = resolved_complaint(context, customer_id)
    monkeypatch.setattr(survey_dialog, "ask_to_record_satisfaction", lambda *_args: False)
    closed = context.workspace.complaints.move(complaint.id, S.CLOSED, complaint.version, None)

    assert not survey_dialog.offer_survey(context, QWidget(), closed)
    assert context.workspace.surveys.responses(customer_id) == []


def test_a_survey_after_a_complaint_starts_from_the_satisfaction_given_when_closing(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    complaint = resolved_complaint(context, customer_id)
    closed = context.workspace.complaints.move(
        complaint.id, S.CLOSED, complaint.version, None, satisfaction=4
    )
    dialog = open_dialog(qtbot, SurveyDialog(context, customer_id, complaint=closed))
    assert dialog.score.score() == 4
    save(qtbot, context, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert context.workspace.surveys.responses(customer_id)[0].responded_at > (
        context.workspace.clock() - timedelta(minutes=2)
    )
