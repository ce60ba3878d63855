"""The complaints tab: complaints taken in through the dialog appear with their due time,
the whole workflow is driven by the buttons (only the allowed moves are offered), overdue
complaints stand out, and the filters, sorting and navigation work as a user expects."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.complaints import ComplaintDraft, ComplaintFilter, ComplaintRecord
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    FollowUpKind,
)
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import follow_up_dialog, survey_dialog
from crmdesk.ui.dialogs.complaint_dialog import ComplaintDialog, ComplaintMoveDialog
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.models.complaint_table_model import OVERDUE_BACKGROUND, OVERDUE_TEXT
from crmdesk.ui.tabs import complaints_tab
from crmdesk.ui.tabs.complaints_tab import ComplaintsTab

S = ComplaintStatus
MEDIUM, HIGH, CRITICAL = (
    ComplaintSeverity.MEDIUM,
    ComplaintSeverity.HIGH,
    ComplaintSeverity.CRITICAL,
)


def add_customer(context: UiContext, name: str = "张三") -> uuid.UUID:
    return context.workspace.customers.create(CustomerDraft(name=name)).id


def take_in(
    context: UiContext,
    customer_id: uuid.UUID,
    title: str = "漏发配件",
    severity: ComplaintSeverity = MEDIUM,
    *,
    owner_id: uuid.UUID | None = None,
    days_ago: int = 0,
) -> ComplaintRecord:
    received = datetime.now(UTC) - timedelta(days=days_ago) if days_ago else None
    draft = ComplaintDraft(
        customer_id,
        ComplaintCategory.DELIVERY,
        severity,
        title,
        owner_id=owner_id,
        received_at=received,
    )
    return context.workspace.complaints.open(draft)


def open_tab(qtbot: QtBot, context: UiContext) -> ComplaintsTab:
    tab = ComplaintsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    wait_for_tasks(qtbot, context)
    return tab


def column(tab: ComplaintsTab, key: str) -> list[str]:
    """The texts of one column, top to bottom."""
    section = tab.model.column_of(key)
    return [tab.model.index(row, section).data() for row in range(tab.model.rowCount())]


def cell(
    tab: ComplaintsTab, number: str, key: str, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    row = column(tab, "number").index(number)
    return tab.model.index(row, tab.model.column_of(key)).data(role)


def choose(qtbot: QtBot, context: UiContext, tab: ComplaintsTab, number: str) -> None:
    """Click the complaint's row and wait for its details."""
    row = column(tab, "number").index(number)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_for_tasks(qtbot, context)


def offered_moves(tab: ComplaintsTab) -> set[str]:
    return {
        key
        for key, button in tab.move_buttons.items()
        if button.isVisibleTo(tab) and button.isEnabled()
    }


def click(qtbot: QtBot, context: UiContext, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)


def move_dialog(tab: ComplaintsTab) -> ComplaintMoveDialog:
    dialog = tab.findChild(ComplaintMoveDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(qtbot: QtBot, context: UiContext, dialog: QWidget) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def history(tab: ComplaintsTab) -> list[tuple[str, str, str]]:
    """(from, to, note) of each row of the history, oldest first."""
    model = tab.history_model
    return [
        (model.index(row, 2).data(), model.index(row, 3).data(), model.index(row, 4).data())
        for row in range(model.rowCount())
    ]


def test_a_complaint_taken_in_through_the_dialog_is_listed_with_its_due_time(
    qtbot: QtBot, context: UiContext
) -> None:
    add_customer(context, "张三")
    tab = open_tab(qtbot, context)
    assert tab.model.rowCount() == 0

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ComplaintDialog) and dialog.picker is not None
        try:
            qtbot.keyClicks(dialog.picker, "zhangsan")
            qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.popup_texts() != [])
            popup = dialog.picker.popup()
            assert popup is not None
            qtbot.keyClick(popup, Qt.Key.Key_Down)
            qtbot.keyClick(popup, Qt.Key.Key_Return)
            dialog.severity.set_value(HIGH)
            dialog.title.setText("发票抬头开错")
            save(qtbot, context, dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging
                dialog.reject()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    [record] = context.workspace.complaints.list(ComplaintFilter()).items
    assert record.due_at - record.received_at == timedelta(hours=24)
    assert column(tab, "number") == [record.number]
    assert column(tab, "customer") == ["张三"]
    assert column(tab, "title") == ["发票抬头开错"]
    assert column(tab, "severity") == ["High"]
    assert column(tab, "status") == ["New"]
    assert column(tab, "due") == [format_instant(record.due_at)]
    assert column(tab, "time_left") == ["23 hours left"]
    assert tab.count_label.text() == "1 complaint"


def test_the_whole_workflow_is_driven_by_the_buttons_offering_only_allowed_moves(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    complaint = take_in(context, add_customer(context), "净水器漏水")
    tab = open_tab(qtbot, context)
    assert not tab.detail.currentIndex()  # nothing chosen yet: the hint shows
    choose(qtbot, context, tab, complaint.number)
    assert tab.title_label.text() == "净水器漏水"
    assert offered_moves(tab) == {"acknowledge"}
    assert history(tab) == [("", "New", "")]

    click(qtbot, context, tab.move_buttons["acknowledge"])
    assert cell(tab, complaint.number, "status") == "Acknowledged"
    assert offered_moves(tab) == {"start"}

    click(qtbot, context, tab.move_buttons["start"])
    assert cell(tab, complaint.number, "status") == "In progress"
    assert offered_moves(tab) == {"resolve"}

    click(qtbot, context, tab.move_buttons["resolve"])
    dialog = move_dialog(tab)
    save(qtbot, context, dialog)  # without saying how: refused
    assert dialog.errors.message_for("resolution") == "Describe how the complaint was resolved."
    assert context.workspace.complaints.get(complaint.id).status is S.IN_PROGRESS
    assert dialog.resolution is not None
    dialog.resolution.setPlainText("上门更换了滤芯")
    save(qtbot, context, dialog)
    assert tab.findChild(ComplaintMoveDialog) is None  # closed (and gone)
    # Resolved complaints leave the "not yet resolved" list but stay in the pane.
    assert complaint.number not in column(tab, "number")
    assert "Resolved" in tab.facts_label.text()
    assert "上门更换了滤芯" in tab.outcome_label.text()
    assert offered_moves(tab) == {"close", "reopen"}

    calls: list[tuple[list[uuid.UUID], FollowUpKind, str]] = []
    asked: list[str] = []

    def ask(_parent: QWidget, customer_name: str) -> bool:
        asked.append(customer_name)
        return True

    def schedule(
        _context: UiContext,
        _parent: QWidget,
        ids: list[uuid.UUID],
        *,
        kind: FollowUpKind,
        title: str,
    ) -> bool:
        calls.append((ids, kind, title))
        return True

    monkeypatch.setattr(complaints_tab, "ask_to_schedule_call", ask)
    monkeypatch.setattr(follow_up_dialog, "schedule_follow_up", schedule)
    monkeypatch.setattr(survey_dialog, "ask_to_record_satisfaction", lambda *_args: False)
    click(qtbot, context, tab.move_buttons["close"])
    dialog = move_dialog(tab)
    assert dialog.satisfaction is not None
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(4))
    save(qtbot, context, dialog)
    closed = context.workspace.complaints.get(complaint.id)
    assert (closed.status, closed.satisfaction) == (S.CLOSED, 4)
    assert "4 of 5" in tab.outcome_label.text()
    assert asked == ["张三"]
    assert calls == [
        (
            [complaint.customer_id],
            FollowUpKind.CALLBACK,
            f"Follow-up call on complaint {complaint.number}",
        )
    ]
    assert offered_moves(tab) == {"reopen"}

    click(qtbot, context, tab.move_buttons["reopen"])
    dialog = move_dialog(tab)
    assert dialog.windowTitle() == f"Reopen complaint {complaint.number}"
    dialog.note.setText("客户又来电话")
    save(qtbot, context, dialog)
    assert cell(tab, complaint.number, "status") == "In progress"  # back in the list
    assert offered_moves(tab) == {"resolve"}
    assert history(tab) == [
        ("", "New", ""),
        ("New", "Acknowledged", ""),
        ("Acknowledged", "In progress", ""),
        ("In progress", "Resolved", ""),
        ("Resolved", "Closed", ""),
        ("Closed", "In progress", "客户又来电话"),
    ]
    assert {tab.history_model.index(row, 1).data() for row in range(6)} == {"—"}


def test_overdue_complaints_stand_out_and_have_a_filter(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    late = take_in(context, customer_id, "迟迟未处理", MEDIUM, days_ago=10)  # due 7 days ago
    fresh = take_in(context, customer_id, "刚收到", MEDIUM)
    done = take_in(context, customer_id, "已解决", MEDIUM, days_ago=10)
    service = context.workspace.complaints
    for target in (S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED):
        done = service.move(
            done.id,
            target,
            done.version,
            None,
            resolution="已退款" if target is S.RESOLVED else None,
        )
    tab = open_tab(qtbot, context)
    tab.status_filter.setCurrentIndex(0)  # all statuses
    wait_for_tasks(qtbot, context)

    background, foreground = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
    late_background = cell(tab, late.number, "customer", background)
    assert isinstance(late_background, QBrush) and late_background.color() == OVERDUE_BACKGROUND
    late_text = cell(tab, late.number, "due", foreground)
    assert isinstance(late_text, QBrush) and late_text.color() == OVERDUE_TEXT
    assert cell(tab, late.number, "time_left") == "7 days overdue"
    assert cell(tab, fresh.number, "customer", background) is None
    assert cell(tab, fresh.number, "time_left") == "2 days left"  # 71 hours
    # Resolved long after its due time: finished, so neither late nor counting down.
    assert cell(tab, done.number, "customer", background) is None
    assert cell(tab, done.number, "time_left") == ""

    tab.overdue_only.click()
    wait_for_tasks(qtbot, context)
    assert column(tab, "number") == [late.number]
    assert tab.count_label.text() == "1 complaint"


def test_filters_by_status_severity_and_owner(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    wang = context.workspace.reps.create(RepDraft("王经理")).id
    medium = take_in(context, customer_id, "一般问题", MEDIUM, owner_id=wang)
    critical = take_in(context, customer_id, "严重问题", CRITICAL)
    service = context.workspace.complaints
    acknowledged = service.move(critical.id, S.ACKNOWLEDGED, critical.version, None)
    tab = open_tab(qtbot, context)
    assert sorted(column(tab, "number")) == sorted([medium.number, critical.number])

    tab.severity_filter.set_value(CRITICAL)
    wait_for_tasks(qtbot, context)
    assert column(tab, "number") == [critical.number]
    tab.severity_filter.set_value(None)

    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Acknowledged"))
    wait_for_tasks(qtbot, context)
    assert column(tab, "number") == [acknowledged.number]
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("New"))
    wait_for_tasks(qtbot, context)
    assert column(tab, "number") == [medium.number]
    tab.status_filter.setCurrentIndex(0)

    tab.owner_filter.set_value(wang)
    wait_for_tasks(qtbot, context)
    assert tab.owner_filter.currentText() == "王经理"
    assert column(tab, "number") == [medium.number]
    assert column(tab, "owner") == ["王经理"]


def test_sorting_happens_by_the_sortable_columns(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    numbers = [take_in(context, customer_id, f"问题{i}", MEDIUM).number for i in range(3)]
    tab = open_tab(qtbot, context)
    header = tab.table.horizontalHeader()

    def click_header(key: str) -> None:
        section = tab.model.column_of(key)
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        wait_for_tasks(qtbot, context)

    click_header("number")
    click_header("number")  # again: the other way round
    assert column(tab, "number") == sorted(numbers, reverse=True)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header("customer")  # not sortable: nothing moves, the indicator stays
    assert column(tab, "number") == sorted(numbers, reverse=True)
    assert header.sortIndicatorSection() == tab.model.column_of("number")


def test_show_complaint_clears_filters_that_hide_it(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    hidden = take_in(context, customer_id, "被筛掉的", MEDIUM)
    take_in(context, customer_id, "紧急的", CRITICAL)
    tab = open_tab(qtbot, context)
    tab.severity_filter.set_value(CRITICAL)
    wait_for_tasks(qtbot, context)
    assert hidden.number not in column(tab, "number")

    tab.show_complaint(hidden.id)
    wait_for_tasks(qtbot, context)
    assert tab.severity_filter.current_value() is None
    assert tab.status_filter.currentIndex() == 0
    selected = tab.table.selectionModel().selectedRows()
    assert [tab.model.row_at(index.row()).id for index in selected] == [hidden.id]
    assert tab.title_label.text() == "被筛掉的"


def test_the_customer_is_opened_from_a_row_or_the_link(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    complaint = take_in(context, customer_id)
    tab = open_tab(qtbot, context)
    choose(qtbot, context, tab, complaint.number)

    with qtbot.waitSignal(tab.customer_activated) as activated:
        tab.table.doubleClicked.emit(tab.model.index(0, 0))
    assert activated.args == [customer_id]
    with qtbot.waitSignal(tab.customer_activated) as activated:
        tab.customer_link.linkActivated.emit("customer")
    assert activated.args == [customer_id]


def test_a_complaint_written_elsewhere_appears(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    tab = open_tab(qtbot, context)
    draft = ComplaintDraft(customer_id, ComplaintCategory.BILLING, HIGH, "多收了运费")
    service = context.workspace.complaints
    context.tasks.write(
        lambda: service.open(draft),
        lambda _record: None,
        owner=tab,
        change=Change.of(Topic.COMPLAINTS, customers=[customer_id]),
    )
    wait_for_tasks(qtbot, context)
    assert column(tab, "title") == ["多收了运费"]


@pytest.mark.parametrize("model_name", ["model", "history_model"])
def test_models_pass_the_model_tester(
    qtbot: QtBot, context: UiContext, qtmodeltester: ModelTester, model_name: str
) -> None:
    customer_id = add_customer(context)
    complaint = take_in(context, customer_id, days_ago=10)
    context.workspace.complaints.move(complaint.id, S.ACKNOWLEDGED, complaint.version, None)
    take_in(context, customer_id, "第二个")
    tab = open_tab(qtbot, context)
    choose(qtbot, context, tab, complaint.number)
    model = getattr(tab, model_name)
    assert model.rowCount(QModelIndex()) == 2
    qtmodeltester.check(model, force_py=True)
