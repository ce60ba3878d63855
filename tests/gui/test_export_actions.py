"""The window's exports: what the customer list shows (filter, order, visible columns,
translated headers), another table's rows, the complaints, the report, an import
template; a cancelled export leaves no file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from crmdesk.domain.care import CareSettings
from crmdesk.domain.complaint_columns import COMPLAINT_COLUMNS
from crmdesk.domain.complaints import ComplaintFilter, ComplaintSort
from crmdesk.domain.customer_columns import CUSTOMER_COLUMNS
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.enums import FollowUpKind, LifecycleStage
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.paging import PageRequest
from crmdesk.ui import export_actions
from crmdesk.ui.context import UiContext
from crmdesk.ui.tabs.customers_tab import CustomersTab
from crmdesk.ui.tabs.follow_ups_tab import FollowUpsTab


class SaveDialogs:
    """Answers the save-file question with `path` and notes what was offered and said."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suggested: list[Path] = []
        self.saved: list[tuple[Path, int | None]] = []

    def choose(self, _parent: object, _caption: str, suggested: Path, _filter: str = "") -> Path:
        self.suggested.append(suggested)
        return self.path

    def notify(self, _parent: object, path: Path, rows: int | None) -> None:
        self.saved.append((path, rows))


@pytest.fixture
def dialogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SaveDialogs:
    answers = SaveDialogs(tmp_path / "export.xlsx")
    monkeypatch.setattr(export_actions, "choose_save_path", answers.choose)
    monkeypatch.setattr(export_actions, "notify_saved", answers.notify)
    return answers


def sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return list((book[sheet] if sheet else book.active).iter_rows(values_only=True))


@pytest.fixture
def customers_tab(qtbot: QtBot, demo_context: UiContext) -> Iterator[CustomersTab]:
    tab = CustomersTab(demo_context)
    qtbot.addWidget(tab)
    tab.show()
    wait_for_tasks(qtbot, demo_context)
    yield tab


def section_of(key: str) -> int:
    return next(i for i, column in enumerate(CUSTOMER_COLUMNS) if column.key == key)


def test_the_customer_list_exports_exactly_as_shown(
    qtbot: QtBot, demo_context: UiContext, customers_tab: CustomersTab, dialogs: SaveDialogs
) -> None:
    criteria = CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.STABILITY}))
    customers_tab.apply_filter(criteria)
    header = customers_tab.table.horizontalHeader()
    header.setSortIndicator(section_of("city"), Qt.SortOrder.DescendingOrder)
    header.hideSection(section_of("email"))
    wait_for_tasks(qtbot, demo_context)
    shown = customers_tab.shown_query()

    assert export_actions.export_customers_shown(demo_context, customers_tab, shown)
    wait_for_tasks(qtbot, demo_context)

    rows = sheet_rows(dialogs.path)
    visible = [c for c in CUSTOMER_COLUMNS if c.key != "email"]
    assert rows[0] == tuple(column.header_en for column in visible)
    expected = demo_context.workspace.customers.list(
        criteria, PageRequest(0, 1_000, shown.sort_by, True)
    ).items
    assert expected, "the demo has customers in the stability stage"
    names = [row[1] for row in rows[1:]]
    assert names == [customer.name for customer in expected]
    model = customers_tab.model
    on_screen = [model.index(r, section_of("name")).data() for r in range(min(20, len(names)))]
    assert names[: len(on_screen)] == on_screen
    assert dialogs.suggested[0].name.startswith("customers-")
    assert dialogs.saved == [(dialogs.path, len(expected))]


def test_headers_and_file_name_follow_the_language(
    qtbot: QtBot,
    demo_context: UiContext,
    customers_tab: CustomersTab,
    dialogs: SaveDialogs,
    chinese: None,
) -> None:
    export_actions.export_customers_shown(demo_context, None, customers_tab.shown_query())
    wait_for_tasks(qtbot, demo_context)

    assert sheet_rows(dialogs.path)[0][:2] == ("编号", "客户名称")
    assert dialogs.suggested[0].name.startswith("客户列表-")
    assert dialogs.suggested[0].suffix == ".xlsx"


def test_the_follow_ups_tab_exports_the_list_the_user_is_in_with_due_dates(
    qtbot: QtBot, context: UiContext, dialogs: SaveDialogs
) -> None:
    day = date.today() + timedelta(days=10)
    customers, follow_ups = context.workspace.customers, context.workspace.follow_ups
    # Birthdays on their own day, not reminded some days ahead.
    context.workspace.care.save_settings(CareSettings(days_ahead=0))
    customer_id = customers.create(CustomerDraft(name="李雷", birthday=day.replace(year=1985))).id
    follow_ups.create(FollowUpDraft(customer_id, FollowUpKind.CALLBACK, "回访", day))
    late = date.today() - timedelta(days=3)
    follow_ups.create(FollowUpDraft(customer_id, FollowUpKind.VISIT, "逾期拜访", late))
    tab = FollowUpsTab(context)
    qtbot.addWidget(tab)
    tab.show_day(day)
    wait_for_tasks(qtbot, context)

    tab.export_shown()
    wait_for_tasks(qtbot, context)
    rows = sheet_rows(dialogs.path, "Agenda")
    assert rows[0] == ("Due", "Customer", "Kind", "Title", "Contact", "Rep", "Status")
    on_screen = [tab.agenda.index(r, 2).data() for r in range(tab.agenda.rowCount())]
    assert [row[3] for row in rows[1:]] == on_screen
    assert f"Birthday of 李雷 (turns {day.year - 1985})" in on_screen
    assert {row[0].date() for row in rows[1:]} == {day}
    assert dialogs.suggested[0].name == f"Agenda-{day:%Y%m%d}.xlsx"

    tab.overdue_view.selectRow(0)
    tab.export_shown()
    wait_for_tasks(qtbot, context)
    rows = sheet_rows(dialogs.path, "Overdue")
    assert rows[0][:4] == ("Due", "Customer", "Kind", "Title")
    assert [(row[0].date(), row[3]) for row in rows[1:]] == [(late, "逾期拜访")]
    assert dialogs.suggested[1].name.startswith("Overdue-")


def test_the_complaints_export_holds_every_complaint_the_filter_selects(
    qtbot: QtBot, demo_context: UiContext, dialogs: SaveDialogs
) -> None:
    criteria = ComplaintFilter()
    export_actions.export_complaints(
        demo_context, None, criteria, ComplaintSort.NUMBER, descending=True
    )
    wait_for_tasks(qtbot, demo_context)

    rows = sheet_rows(dialogs.path)
    expected = demo_context.workspace.complaints.rows(
        criteria, PageRequest(0, 5_000, ComplaintSort.NUMBER, True)
    )
    assert rows[0] == tuple(column.header_en for column in COMPLAINT_COLUMNS)
    assert [row[0] for row in rows[1:]] == [complaint.number for complaint in expected.items]


def test_the_report_and_a_template_are_saved(
    qtbot: QtBot, demo_context: UiContext, dialogs: SaveDialogs, tmp_path: Path
) -> None:
    assert export_actions.export_report(demo_context, None)
    wait_for_tasks(qtbot, demo_context)
    assert openpyxl.load_workbook(dialogs.path).sheetnames == [
        "Summary",
        "Customers",
        "Follow-ups due",
        "Complaints",
    ]
    assert dialogs.suggested[0].name.startswith("crm-report-")

    dialogs.path = tmp_path / "template"  # the .xlsx is added when left out
    assert export_actions.save_import_template(demo_context, None, ImportEntity.CUSTOMERS)
    wait_for_tasks(qtbot, demo_context)
    template = tmp_path / "template.xlsx"
    assert openpyxl.load_workbook(template).sheetnames == ["Customers", "Instructions"]
    assert sheet_rows(template)[0][:2] == ("Code", "Name")
    assert dialogs.saved[-1] == (template, None)


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, demo_context: UiContext, dialogs: SaveDialogs
) -> None:
    # Keep both reading threads busy so the export waits until it has been cancelled.
    release = threading.Event()
    for _ in range(2):
        demo_context.tasks.read(release.wait, lambda _: None, owner=demo_context.tasks)
    export_actions.export_report(demo_context, None)
    progress = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog))
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()
    wait_for_tasks(qtbot, demo_context)

    assert not dialogs.path.exists()
    assert dialogs.saved == []


def test_no_file_chosen_exports_nothing(
    demo_context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_actions, "choose_save_path", lambda *_: None)
    assert not export_actions.export_report(demo_context, None)
    assert not demo_context.tasks.busy
