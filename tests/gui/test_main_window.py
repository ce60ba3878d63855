"""The main window: its tabs, menus, shortcuts and status bar, opening a customer from the
list, the first-run offer of demo data, switching language, and remembered geometry."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, FollowUpKind
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.labels import Language
from crmdesk.ui import first_run, main_window
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.settings_dialog import SettingsDialog
from crmdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from crmdesk.ui.i18n import LANGUAGE_KEY, current_language, install_language
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.tabs.customers_tab import CustomersTab
from crmdesk.ui.window_host import WindowHost


def open_window(qtbot: QtBot, context: UiContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_for_tasks(qtbot, context)
    return window


def test_shows_the_everyday_tabs_and_the_dashboard_in_order(
    qtbot: QtBot, context: UiContext
) -> None:
    window = open_window(qtbot, context)

    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]

    assert titles == ["Customers", "Profile", "Follow-ups", "Complaints", "Dashboard"]
    assert window.windowTitle() == "crmdesk"


def test_status_bar_names_the_database_file(
    qtbot: QtBot, context: UiContext, db_path: Path
) -> None:
    window = open_window(qtbot, context)

    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]

    assert any(str(db_path) in text for text in texts), texts


def test_the_everyday_shortcuts_are_set_and_listed_under_help(
    qtbot: QtBot, context: UiContext
) -> None:
    window = open_window(qtbot, context)
    shortcuts = {
        action.text().replace("&", ""): action.shortcut().toString()
        for action in window.shortcut_actions
    }

    assert shortcuts["New customer…"] == "Ctrl+N"
    assert shortcuts["Find customers"] == "Ctrl+F"
    assert shortcuts["Log an interaction…"] == "Ctrl+L"
    assert shortcuts["Schedule a follow-up…"] == "Ctrl+K"
    listed = ShortcutsDialog(window.shortcut_actions, window)
    qtbot.addWidget(listed)
    rows = {
        listed.table.item(row, 0).text(): listed.table.item(row, 1).text()
        for row in range(listed.table.rowCount())
    }
    assert rows["Log an interaction"] == "Ctrl+L"
    assert rows["Schedule a follow-up"] == "Ctrl+K"


def test_ctrl_n_starts_a_new_customer_in_the_profile(qtbot: QtBot, context: UiContext) -> None:
    window = open_window(qtbot, context)

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert window.tabs.currentWidget() is window.profile
    assert window.profile.current_customer_id() is None


def test_ctrl_f_puts_the_cursor_in_the_customer_search(qtbot: QtBot, context: UiContext) -> None:
    window = open_window(qtbot, context)
    window.tabs.setCurrentWidget(window.complaints)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    assert window.tabs.currentWidget() is window.customers


def test_a_customer_opened_in_the_list_shows_in_the_profile(
    qtbot: QtBot, context: UiContext
) -> None:
    customer = context.workspace.customers.create(CustomerDraft(name="上海明远贸易有限公司"))
    window = open_window(qtbot, context)

    window.customers.customer_activated.emit(customer.id)
    wait_for_tasks(qtbot, context)

    assert window.tabs.currentWidget() is window.profile
    assert window.profile.current_customer_id() == customer.id


def test_the_first_run_on_an_empty_database_offers_demo_data_once(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_run, "DEMO_CUSTOMERS", 20)
    asked: list[bool] = []

    def answer_yes(_parent: object) -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(first_run, "wants_demo_data", answer_yes)
    window = open_window(qtbot, context)

    first_run.offer_demo_data(context, window)
    wait_for_tasks(qtbot, context)
    qtbot.waitUntil(lambda: context.workspace.customers.list().total == 20, timeout=10_000)
    first_run.offer_demo_data(context, window)
    wait_for_tasks(qtbot, context)

    assert asked == [True]


def test_a_database_with_customers_is_not_offered_demo_data(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    context.workspace.customers.create(CustomerDraft(name="张三"))
    monkeypatch.setattr(first_run, "wants_demo_data", lambda _parent: pytest.fail("asked"))
    window = open_window(qtbot, context)

    first_run.offer_demo_data(context, window)
    wait_for_tasks(qtbot, context)


@pytest.fixture
def restore_english() -> Iterator[None]:
    yield
    install_language(Language.ENGLISH)


def test_choosing_chinese_in_settings_rebuilds_the_window_in_chinese(
    qtbot: QtBot, context: UiContext, restore_english: None
) -> None:
    host = WindowHost(context)
    qtbot.addWidget(host.window)
    host.window.show()
    dialog = SettingsDialog(context.settings, host.window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findText("中文（简体）"))
    dialog.accept()
    assert dialog.language_changed

    host.window.language_changed.emit()
    qtbot.addWidget(host.window)
    wait_for_tasks(qtbot, context)

    assert context.settings.value(LANGUAGE_KEY) == "zh_CN"
    assert current_language() is Language.CHINESE
    titles = [host.window.tabs.tabText(i) for i in range(host.window.tabs.count())]
    assert titles == ["客户列表", "客户档案", "跟进日历", "投诉处理", "仪表盘"]


def test_geometry_is_saved_on_close_and_restored_by_the_next_window(
    qtbot: QtBot, context: UiContext
) -> None:
    # Above the window's minimum size and inside the offscreen platform's 800 x 800 screen,
    # so that Qt does not adjust it.
    wanted = QRect(10, 60, 780, 600)
    first = open_window(qtbot, context)
    first.setGeometry(wanted)
    qtbot.waitUntil(lambda: first.geometry() == wanted)
    first.close()

    second = MainWindow(context)
    qtbot.addWidget(second)

    assert second.geometry() == wanted


def test_without_saved_geometry_the_window_opens_at_its_default_size(
    qtbot: QtBot, context: UiContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)

    assert (window.width(), window.height()) == (1100, 720)


def test_column_widths_and_splitters_of_every_tab_come_back_in_the_next_window(
    qtbot: QtBot, context: UiContext
) -> None:
    first = open_window(qtbot, context)
    first.customers.table.horizontalHeader().resizeSection(1, 333)
    first.complaints.table.horizontalHeader().resizeSection(1, 222)
    follow_up_sizes = [300, 700]
    first.follow_ups.splitter.setSizes(follow_up_sizes)
    saved_sizes = first.follow_ups.splitter.sizes()
    first.close()

    second = open_window(qtbot, context)

    assert second.customers.table.horizontalHeader().sectionSize(1) == 333
    assert second.complaints.table.horizontalHeader().sectionSize(1) == 222
    assert second.follow_ups.splitter.sizes() == saved_sizes


def test_a_customer_created_in_the_form_appears_in_the_list_and_is_found_by_pinyin_initials(
    qtbot: QtBot, context: UiContext
) -> None:
    context.workspace.customers.create(CustomerDraft(name="李四商行"))
    window = open_window(qtbot, context)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    profile = window.profile
    profile.form.name.setText("张三科技")
    qtbot.keyClicks(profile.form.phone, "138 1234 5678")
    qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    qtbot.waitUntil(lambda: profile.current_customer_id() is not None)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    customers = window.customers
    qtbot.waitUntil(lambda: customers.model.rowCount() == 2)
    qtbot.keyClicks(customers.search, "zskj")
    wait_for_tasks(qtbot, context)

    qtbot.waitUntil(lambda: customers.model.rowCount() == 1, timeout=5_000)
    name = customers.model.index(0, column_of(customers, "name"))
    assert customers.model.data(name) == "张三科技"


def column_of(tab: CustomersTab, key: str) -> int:
    return next(i for i, column in enumerate(tab.model.columns) if column.key == key)


def test_ctrl_l_and_ctrl_k_act_on_the_customer_of_the_follow_up_or_complaint_selected(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    customers = context.workspace.customers
    listed = customers.create(CustomerDraft(name="列表里选中的客户")).id
    followed = customers.create(CustomerDraft(name="跟进的客户")).id
    complained = customers.create(CustomerDraft(name="投诉的客户")).id
    context.workspace.follow_ups.create(
        FollowUpDraft(followed, FollowUpKind.CALLBACK, "回访", date.today())
    )
    context.workspace.complaints.open(
        ComplaintDraft(complained, ComplaintCategory.DELIVERY, ComplaintSeverity.MEDIUM, "破损")
    )
    logged: list[uuid.UUID] = []
    scheduled: list[list[uuid.UUID]] = []
    monkeypatch.setattr(main_window, "log_interaction", lambda _c, _p, i: logged.append(i))
    monkeypatch.setattr(
        main_window, "schedule_follow_up", lambda _c, _p, ids: scheduled.append(ids)
    )
    window = open_window(qtbot, context)
    window.customers.table.selectRow(window.customers.model.row_of(listed) or 0)

    window.tabs.setCurrentWidget(window.follow_ups)
    window.follow_ups.agenda_view.selectRow(0)
    window.log_interaction()
    window.schedule_follow_up()
    window.tabs.setCurrentWidget(window.complaints)
    window.complaints.table.selectRow(0)
    window.log_interaction()

    assert logged == [followed, complained]
    assert scheduled == [[followed]]
