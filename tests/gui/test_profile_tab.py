"""The customer profile: create and edit a customer through the form, the guard against
leaving unsaved edits, the conflict dialog, contacts, tags, the timeline and key figures."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerRecord
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    InteractionKind,
    OrderStatus,
)
from crmdesk.domain.interactions import InteractionDraft
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.domain.reps import RepDraft
from crmdesk.services.timeline import TimelineService
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.conflict_dialog import ConflictDialog
from crmdesk.ui.dialogs.interaction_dialog import InteractionDialog
from crmdesk.ui.formatting import format_date, format_money
from crmdesk.ui.models.timeline_model import TimelineColumn
from crmdesk.ui.tabs import profile_tab
from crmdesk.ui.tabs.profile_tab import LeaveChoice, ProfileTab
from crmdesk.ui.widgets.contacts_editor import ContactDialog

W = TypeVar("W", bound=QWidget)


def open_profile(
    qtbot: QtBot, context: UiContext, customer_id: uuid.UUID | None = None
) -> ProfileTab:
    tab = ProfileTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    if customer_id is not None:
        tab.show_customer(customer_id)
    wait_for_tasks(qtbot, context)
    return tab


def customer(context: UiContext, name: str = "杭州西湖茶业", **values: Any) -> CustomerRecord:
    return context.workspace.customers.create(replace(CustomerDraft(name=name), **values))


AnswerWhenShown = Callable[[type[W], Callable[[W], None]], list[W]]


@pytest.fixture
def answer_when_shown() -> Iterator[AnswerWhenShown[Any]]:
    """Act on the next modal dialog of a kind as soon as it is shown (it runs its own
    event loop, so the test cannot reach it otherwise); returns the dialogs answered."""
    timers: list[QTimer] = []

    def answer(kind: type[W], act: Callable[[W], None]) -> list[W]:
        answered: list[W] = []
        timer = QTimer()
        timer.setInterval(20)

        def check() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind) and not answered:
                timer.stop()
                answered.append(dialog)
                act(dialog)

        timer.timeout.connect(check)
        timer.start()
        timers.append(timer)
        return answered

    yield answer
    for timer in timers:
        timer.stop()


def test_a_customer_created_in_the_form_is_stored_with_a_code(
    qtbot: QtBot, context: UiContext
) -> None:
    tab = open_profile(qtbot, context)
    assert not tab.save_button.isEnabled()

    tab.form.name.setText("张三科技")
    qtbot.keyClicks(tab.form.phone, "138 1234 5678")
    assert tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    found = context.workspace.customers.list(CustomerFilter(search="zskj")).items
    assert [(c.name, c.phone) for c in found] == [("张三科技", "13812345678")]
    assert found[0].code
    assert tab.current_customer_id() == found[0].id
    assert tab.title.text() == "张三科技"
    assert tab.form.code.text() == found[0].code and tab.form.code.isReadOnly()
    assert tab.form.phone.text() == "13812345678"
    assert not tab.save_button.isEnabled()
    assert tab.log_button.isEnabled()


def test_an_invalid_phone_is_refused_beside_the_field_and_nothing_is_stored(
    qtbot: QtBot, context: UiContext
) -> None:
    tab = open_profile(qtbot, context)
    tab.form.name.setText("李四商行")
    qtbot.keyClicks(tab.form.phone, "12345")

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert tab.form.errors.message_for("phone").startswith("Not a valid phone number")
    assert tab.form.errors.message_for("name") == ""
    assert context.workspace.customers.list(CustomerFilter()).total == 0
    assert tab.current_customer_id() is None
    assert tab.save_button.isEnabled()


def test_revert_restores_the_saved_values(qtbot: QtBot, context: UiContext) -> None:
    saved = customer(context, city="杭州市")
    tab = open_profile(qtbot, context, saved.id)
    assert tab.form.city.text() == "杭州市" and not tab.revert_button.isEnabled()

    tab.form.city.setText("苏州市")
    assert tab.save_button.isEnabled() and tab.revert_button.isEnabled()
    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)

    assert tab.form.city.text() == "杭州市"
    assert not tab.save_button.isEnabled()
    assert context.workspace.customers.get(saved.id).city == "杭州市"


@pytest.mark.parametrize(
    ("button", "may_leave", "stored_city", "form_city"),
    [
        (QMessageBox.StandardButton.Cancel, False, "杭州市", "苏州市"),
        (QMessageBox.StandardButton.Discard, True, "杭州市", "杭州市"),
        (QMessageBox.StandardButton.Save, True, "苏州市", "苏州市"),
    ],
)
def test_leaving_with_unsaved_changes_asks_save_discard_or_cancel(
    qtbot: QtBot,
    context: UiContext,
    button: QMessageBox.StandardButton,
    may_leave: bool,
    stored_city: str,
    form_city: str,
    answer_when_shown: AnswerWhenShown[Any],
) -> None:
    saved = customer(context, city="杭州市")
    tab = open_profile(qtbot, context, saved.id)
    assert tab.confirm_leave()  # nothing edited: no question

    tab.form.city.setText("苏州市")
    questions: list[str] = []

    def answer(box: QMessageBox) -> None:
        questions.append(box.text())
        box.button(button).click()

    answer_when_shown(QMessageBox, answer)
    assert tab.confirm_leave() is may_leave
    wait_for_tasks(qtbot, context)

    assert questions == ["Save your changes to 杭州西湖茶业?"]
    assert context.workspace.customers.get(saved.id).city == stored_city
    assert tab.form.city.text() == form_city


def test_a_customer_of_a_rep_who_left_keeps_that_owner_when_edited(
    qtbot: QtBot, context: UiContext
) -> None:
    left = context.workspace.reps.create(RepDraft(name="离职销售", active=False))
    saved = customer(context, owner_id=left.id)
    tab = open_profile(qtbot, context, saved.id)
    assert tab.form.owner.currentText() == "离职销售"
    assert not tab.form.is_dirty()
    tab.form.city.setText("苏州市")
    assert tab.form.draft().owner_id == left.id


def test_leaving_when_the_save_fails_with_a_bug_stays_and_the_bug_is_raised(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = customer(context, city="杭州市")
    tab = open_profile(qtbot, context, saved.id)
    tab.form.city.setText("苏州市")
    monkeypatch.setattr(profile_tab, "ask_leave", lambda _parent, _name: LeaveChoice.SAVE)

    def broken_update(*_args: object) -> CustomerRecord:
        raise RuntimeError("a bug in the save")

    monkeypatch.setattr(context.workspace.customers, "update", broken_update)
    with qtbot.capture_exceptions() as raised:
        assert tab.confirm_leave() is False
    assert [str(error) for _, error, _ in raised] == ["a bug in the save"]
    assert tab.form.city.text() == "苏州市"


@pytest.mark.parametrize("choice", ["reload", "keep mine"])
def test_a_concurrent_edit_shows_both_values_and_each_choice_does_what_it_says(
    qtbot: QtBot, context: UiContext, choice: str, answer_when_shown: AnswerWhenShown[Any]
) -> None:
    saved = customer(context, city="杭州市", phone="13812345678")
    tab = open_profile(qtbot, context, saved.id)
    tab.form.city.setText("宁波市")
    customers = context.workspace.customers
    theirs = customers.update(saved.id, replace(saved.to_draft(), city="苏州市"), saved.version)

    def answer(dialog: ConflictDialog) -> None:
        rows.extend(dialog.rows())
        button = dialog.reload_button if choice == "reload" else dialog.keep_button
        button.click()

    rows: list[tuple[str, str, str]] = []
    answered = answer_when_shown(ConflictDialog, answer)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answered))
    wait_for_tasks(qtbot, context)

    assert rows == [("City", "宁波市", "苏州市")]
    stored = customers.get(saved.id)
    if choice == "reload":
        assert stored.city == "苏州市" and stored.version == theirs.version
        assert tab.form.city.text() == "苏州市"
    else:
        assert stored.city == "宁波市" and stored.version == theirs.version + 1
        assert tab.form.city.text() == "宁波市"
    assert stored.phone == "13812345678"
    assert not tab.form.is_dirty()


def test_a_change_elsewhere_refreshes_a_clean_form_but_only_warns_over_edits(
    qtbot: QtBot, context: UiContext
) -> None:
    saved = customer(context, city="杭州市", industry="茶叶")
    tab = open_profile(qtbot, context, saved.id)
    customers = context.workspace.customers

    def change_elsewhere(draft: CustomerDraft, version: int) -> None:
        context.tasks.write(
            lambda: customers.update(saved.id, draft, version),
            lambda _record: None,
            owner=tab,
            change=Change.of(Topic.CUSTOMERS, customers=[saved.id]),
        )
        wait_for_tasks(qtbot, context)

    change_elsewhere(replace(saved.to_draft(), city="苏州市"), saved.version)
    assert tab.form.city.text() == "苏州市"
    assert tab.notice.isHidden()

    tab.form.industry.setText("丝绸")
    second = customers.get(saved.id)
    change_elsewhere(replace(second.to_draft(), city="无锡市"), second.version)
    assert tab.form.industry.text() == "丝绸" and tab.form.city.text() == "苏州市"
    assert tab.notice.isVisible() and "changed this customer" in tab.notice.text()
    assert tab.facts.text().startswith(saved.code)


def test_contacts_are_added_made_primary_and_removed(
    qtbot: QtBot,
    context: UiContext,
    monkeypatch: pytest.MonkeyPatch,
    answer_when_shown: AnswerWhenShown[Any],
) -> None:
    saved = customer(context)
    tab = open_profile(qtbot, context, saved.id)
    editor = tab.contacts

    for name, phone in (("王五", "13900001111"), ("Mark Brown", "+44 20 7946 0958")):

        def fill(dialog: ContactDialog, name: str = name, phone: str = phone) -> None:
            dialog.name.setText(name)
            dialog.phone.setText(phone)
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

        answered = answer_when_shown(ContactDialog, fill)
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda answered=answered: bool(answered))
        wait_for_tasks(qtbot, context)

    assert _contact_rows(tab) == [("★ 王五", "13900001111"), ("Mark Brown", "+442079460958")]
    assert tab.timeline_tabs.tabText(1) == "Contacts (2)"

    editor.list.setCurrentItem(editor.list.topLevelItem(1))
    qtbot.mouseClick(editor.primary_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    assert _contact_rows(tab) == [("★ Mark Brown", "+442079460958"), ("王五", "13900001111")]

    asked: list[str] = []
    monkeypatch.setattr(
        "crmdesk.ui.widgets.contacts_editor.confirm_removal",
        lambda _parent, name: asked.append(name) or True,
    )
    editor.list.setCurrentItem(editor.list.topLevelItem(0))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert asked == ["Mark Brown"]
    assert _contact_rows(tab) == [("★ 王五", "13900001111")]
    assert [c.name for c in context.workspace.contacts.list_for_customer(saved.id)] == ["王五"]


def test_removing_a_contact_is_asked_first_and_no_keeps_it(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = customer(context)
    context.workspace.contacts.create(saved.id, ContactDraft(name="王五"))
    tab = open_profile(qtbot, context, saved.id)
    monkeypatch.setattr("crmdesk.ui.widgets.contacts_editor.confirm_removal", lambda *_: False)

    tab.contacts.list.setCurrentItem(tab.contacts.list.topLevelItem(0))
    qtbot.mouseClick(tab.contacts.remove_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert len(context.workspace.contacts.list_for_customer(saved.id)) == 1


def test_tags_are_added_and_removed(qtbot: QtBot, context: UiContext) -> None:
    saved = customer(context)
    tab = open_profile(qtbot, context, saved.id)
    tags = tab.tags

    for name in ("老客户", "VIP"):
        tags.input.setText(name)
        qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
        wait_for_tasks(qtbot, context)
    assert tags.tag_names() == ["VIP", "老客户"]
    assert tags.input.text() == ""

    tags.chips.item(1).setSelected(True)
    qtbot.mouseClick(tags.remove_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert tags.tag_names() == ["VIP"]
    assert [t.name for t in context.workspace.customers.get(saved.id).tags] == ["VIP"]
    assert not tab.form.is_dirty()


def test_an_interaction_logged_in_the_dialog_tops_the_timeline(
    qtbot: QtBot, context: UiContext, answer_when_shown: AnswerWhenShown[Any]
) -> None:
    saved = customer(context)
    context.workspace.interactions.create(
        InteractionDraft(
            saved.id,
            InteractionKind.VISIT,
            context.workspace.clock() - timedelta(days=3),
            "上门拜访",
        )
    )
    tab = open_profile(qtbot, context, saved.id)
    assert _timeline_summaries(tab) == ["上门拜访"]

    def fill(dialog: InteractionDialog) -> None:
        dialog.kind.set_value(InteractionKind.CALL)
        dialog.summary.setText("电话回访")
        dialog.details.setPlainText("客户满意")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    answered = answer_when_shown(InteractionDialog, fill)
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answered))
    wait_for_tasks(qtbot, context)

    model = tab.timeline_model
    assert _timeline_summaries(tab) == ["电话回访 — 客户满意", "上门拜访"]
    assert model.index(0, TimelineColumn.KIND).data() == "Call"
    assert tab.timeline_tabs.tabText(0) == "Timeline (2)"


def test_an_empty_summary_keeps_the_interaction_dialog_open_with_the_message(
    qtbot: QtBot, context: UiContext
) -> None:
    saved = customer(context)
    dialog = InteractionDialog(context, saved.id, None)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)

    assert dialog.isVisible()
    assert dialog.errors.message_for("subject") == "This field is required."


def test_key_figures_add_up_the_customers_orders_complaints_and_follow_ups(
    qtbot: QtBot, context: UiContext
) -> None:
    saved = customer(context)
    orders = context.workspace.orders
    today = date.today()
    for days_ago, amount, status in (
        (40, "1200.00", OrderStatus.OPEN),
        (10, "99.50", OrderStatus.OPEN),
        (5, "5000.00", OrderStatus.CANCELLED),
    ):
        orders.create(
            OrderDraft(
                saved.id,
                today - timedelta(days=days_ago),
                (OrderLineDraft("龙井茶", 1, Decimal(amount)),),
                status=status,
            )
        )
    context.workspace.complaints.open(
        ComplaintDraft(saved.id, ComplaintCategory.DELIVERY, ComplaintSeverity.HIGH, "到货延迟")
    )

    tab = open_profile(qtbot, context, saved.id)

    assert tab.spend.value.text() == format_money(Decimal("1299.50"))
    assert tab.last_order.value.text() == format_date(today - timedelta(days=10))
    assert tab.open_complaints.value.text() == "1"
    assert tab.next_follow_up.value.text() == "—"
    assert tab.timeline_model.rowCount() == 4


def test_the_referrers_link_opens_the_referrer(qtbot: QtBot, context: UiContext) -> None:
    referrer = customer(context, "老王茶庄")
    referred = customer(context, "小李茶馆", referred_by_id=referrer.id)
    tab = open_profile(qtbot, context, referred.id)
    assert "老王茶庄" in tab.facts.text()
    assert tab.form.referrer.text() == "老王茶庄"

    with qtbot.waitSignal(tab.customer_activated) as activated:
        tab.facts.linkActivated.emit(str(referrer.id))

    assert activated.args == [referrer.id]


def test_the_timeline_model_passes_the_model_tester(
    qtbot: QtBot, demo_context: UiContext, qtmodeltester: ModelTester
) -> None:
    first = demo_context.workspace.customers.list(CustomerFilter()).items[0]
    tab = open_profile(qtbot, demo_context, first.id)
    page = TimelineService(demo_context.workspace.database).entries(first.id)

    assert tab.timeline_model.rowCount() == len(page.entries) > 0
    qtmodeltester.check(tab.timeline_model)


def _contact_rows(tab: ProfileTab) -> list[tuple[str, str]]:
    rows = []
    for row in range(tab.contacts.list.topLevelItemCount()):
        item = tab.contacts.list.topLevelItem(row)
        assert item is not None
        rows.append((item.text(0), item.text(2)))
    return rows


def _timeline_summaries(tab: ProfileTab) -> list[str]:
    model = tab.timeline_model
    return [model.index(row, TimelineColumn.SUMMARY).data() for row in range(model.rowCount())]
