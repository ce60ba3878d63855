"""The customer picker: typing finds customers (pinyin included) and picking one sets it."""

from __future__ import annotations

from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.widgets.customer_picker import CustomerPicker

# The offscreen platform cannot raise a popup or give it the keyboard; it says so.


def test_typing_pinyin_initials_lists_matches_with_code_and_city(
    qtbot: QtBot, context: UiContext
) -> None:
    customers = context.workspace.customers
    zhang = customers.create(CustomerDraft(name="张三", city="上海"))
    customers.create(CustomerDraft(name="李四", city="北京"))
    picker = CustomerPicker(context)
    qtbot.addWidget(picker)
    picker.show()

    qtbot.keyClicks(picker, "zs")
    qtbot.waitUntil(lambda: picker.popup_texts() != [])

    assert picker.popup_texts() == [f"张三  ·  {zhang.code}  ·  上海"]
    assert picker.current_customer_id() is None


def test_choosing_a_match_with_the_keyboard_sets_the_customer_and_editing_forgets_it(
    qtbot: QtBot, context: UiContext
) -> None:
    zhang = context.workspace.customers.create(CustomerDraft(name="张三"))
    picker = CustomerPicker(context)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "zhang")
    qtbot.waitUntil(lambda: picker.popup_texts() != [])

    popup = picker.popup()
    assert popup is not None and popup.isVisible()
    with qtbot.waitSignal(picker.customer_chosen) as chosen:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert chosen.args == [zhang.id]
    assert picker.current_customer_id() == zhang.id
    assert picker.text() == "张三"
    qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert picker.current_customer_id() is None


def test_a_search_without_matches_shows_no_popup(qtbot: QtBot, context: UiContext) -> None:
    context.workspace.customers.create(CustomerDraft(name="张三"))
    picker = CustomerPicker(context)
    qtbot.addWidget(picker)
    picker.show()

    qtbot.keyClicks(picker, "nobody")
    qtbot.wait(300)
    wait_for_tasks(qtbot, context)

    assert picker.popup_texts() == []


def test_set_customer_shows_the_name_without_searching(qtbot: QtBot, context: UiContext) -> None:
    zhang = context.workspace.customers.create(CustomerDraft(name="张三"))
    picker = CustomerPicker(context)
    qtbot.addWidget(picker)

    picker.set_customer(zhang.id, "张三")
    qtbot.wait(300)

    assert picker.text() == "张三"
    assert picker.current_customer_id() == zhang.id
    assert not context.tasks.busy
