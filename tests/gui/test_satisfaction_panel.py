"""The profile's satisfaction page: latest answers, averages and trend per kind, the
table of answers, recording through the dialog and deleting after a confirmation."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import SurveyKind
from crmdesk.domain.surveys import SurveyDraft, SurveyRecord
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.survey_dialog import SurveyDialog
from crmdesk.ui.profile import satisfaction_panel
from crmdesk.ui.profile.satisfaction_panel import SatisfactionPanel

CSAT, NPS = SurveyKind.CSAT, SurveyKind.NPS


def add_customer(context: UiContext, name: str = "张三") -> uuid.UUID:
    return context.workspace.customers.create(CustomerDraft(name=name)).id


def answered(
    context: UiContext, customer_id: uuid.UUID, kind: SurveyKind, score: int, days_ago: int
) -> SurveyRecord:
    when = context.workspace.clock() - timedelta(days=days_ago)
    return context.workspace.surveys.record(SurveyDraft(customer_id, kind, score, when))


def open_panel(
    qtbot: QtBot, context: UiContext, customer_id: uuid.UUID | None
) -> SatisfactionPanel:
    panel = SatisfactionPanel(context)
    qtbot.addWidget(panel)
    panel.resize(640, 520)
    panel.show()
    panel.show_customer(customer_id)
    wait_for_tasks(qtbot, context)
    return panel


def rows(panel: SatisfactionPanel) -> list[tuple[str, str]]:
    """(question, score) of each row, top to bottom."""
    model = panel.model
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_latest_answers_averages_and_the_table_are_shown(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    answered(context, customer_id, CSAT, 2, days_ago=60)
    answered(context, customer_id, NPS, 10, days_ago=40)
    answered(context, customer_id, CSAT, 5, days_ago=3)
    titles: list[str] = []
    panel = SatisfactionPanel(context)
    qtbot.addWidget(panel)
    panel.title_changed.connect(titles.append)

    panel.show_customer(customer_id)
    wait_for_tasks(qtbot, context)

    csat, nps = panel.summaries[CSAT], panel.summaries[NPS]
    assert csat.latest.text() == "5 / 5"
    # "answer(s)" is given its English plural by the translation file.
    assert csat.average.text().startswith("Average 3.50 of 2 answer")
    assert nps.latest.text() == "10 / 10"
    assert nps.latest_note.text().startswith("Promoter · latest")
    assert nps.average.text().startswith("Average 10.00 of 1 answer")
    assert rows(panel) == [
        ("Satisfaction (CSAT)", "5"),
        ("Recommendation (NPS)", "10"),
        ("Satisfaction (CSAT)", "2"),
    ]
    assert titles[-1] == "Satisfaction (3)"
    # Two or three months of CSAT answers: a line with a point for each month answered.
    assert len(csat.sparkline.points()) == 2


def test_a_survey_recorded_through_the_dialog_shows_and_updates_the_average(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    answered(context, customer_id, CSAT, 2, days_ago=10)
    panel = open_panel(qtbot, context, customer_id)
    assert panel.summaries[CSAT].average.text().startswith("Average 2.00 of 1 answer")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SurveyDialog)
        dialog.score.set_score(5)
        dialog.comment.setPlainText("送货很快")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert rows(panel) == [("Satisfaction (CSAT)", "5"), ("Satisfaction (CSAT)", "2")]
    assert panel.model.index(0, 4).data() == "送货很快"
    assert panel.summaries[CSAT].latest.text() == "5 / 5"
    assert panel.summaries[CSAT].average.text().startswith("Average 3.50 of 2 answer")


@pytest.mark.parametrize("confirmed", [True, False])
def test_deleting_an_answer_asks_first(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch, confirmed: bool
) -> None:
    customer_id = add_customer(context)
    answered(context, customer_id, CSAT, 1, days_ago=5)
    answered(context, customer_id, NPS, 8, days_ago=1)
    panel = open_panel(qtbot, context, customer_id)
    assert not panel.delete_button.isEnabled()  # nothing chosen
    asked: list[int] = []

    def confirm(_parent: QWidget, response: SurveyRecord) -> bool:
        asked.append(response.score)
        return confirmed

    monkeypatch.setattr(satisfaction_panel, "confirm_delete", confirm)
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert asked == [1]
    if confirmed:
        assert rows(panel) == [("Recommendation (NPS)", "8")]
        assert panel.summaries[CSAT].latest.text() == "—"
        assert not panel.summaries[CSAT].average.isVisibleTo(panel)
    else:
        assert len(rows(panel)) == 2


def test_answers_recorded_elsewhere_appear_but_not_those_of_other_customers(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    other = add_customer(context, "李雷")
    panel = open_panel(qtbot, context, customer_id)
    assert panel.empty.isVisibleTo(panel) and not panel.table.isVisibleTo(panel)

    answered(context, other, NPS, 3, days_ago=1)
    context.tasks.changed.emit(Change.of(Topic.SURVEYS, customers=[other]))
    wait_for_tasks(qtbot, context)
    assert rows(panel) == []

    answered(context, customer_id, NPS, 3, days_ago=1)
    context.tasks.changed.emit(Change.of(Topic.SURVEYS, customers=[customer_id]))
    wait_for_tasks(qtbot, context)
    assert rows(panel) == [("Recommendation (NPS)", "3")]
    assert panel.summaries[NPS].latest_note.text().startswith("Detractor")


def test_without_a_customer_the_page_is_empty_and_cannot_record(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    answered(context, customer_id, CSAT, 4, days_ago=1)
    panel = open_panel(qtbot, context, customer_id)
    titles: list[str] = []
    panel.title_changed.connect(titles.append)

    panel.show_customer(None)

    assert rows(panel) == []
    assert not panel.record_button.isEnabled()
    assert titles == ["Satisfaction"]


def test_the_table_model_passes_the_model_tester(
    qtbot: QtBot, context: UiContext, qtmodeltester: ModelTester
) -> None:
    customer_id = add_customer(context)
    answered(context, customer_id, CSAT, 4, days_ago=1)
    panel = open_panel(qtbot, context, customer_id)
    qtmodeltester.check(panel.model)
