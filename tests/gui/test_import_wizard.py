"""The import wizard walked as a user walks it: pick a messy workbook, check the guessed
mapping, see the problem on its cell, import the valid rows (or nothing), cancel, save the
rows not imported, undo; a password-protected file stops on the first page."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import openpyxl
import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.errors import Problem
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import (
    DuplicateOf,
    ImportOptions,
    MatchRule,
    RowAction,
    RowOutcome,
)
from crmdesk.domain.paging import PageRequest
from crmdesk.services.import_sources import open_for_import
from crmdesk.services.importing import REASON_HEADER, run_import
from crmdesk.ui.changes import Change
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import import_wizard_common
from crmdesk.ui.dialogs.import_history_dialog import ImportHistoryDialog
from crmdesk.ui.dialogs.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    RUN_PAGE,
    SHEET_PAGE,
    ImportWizard,
)
from crmdesk.ui.dialogs.import_wizard_run import Throughput
from crmdesk.ui.models.import_preview_model import PROBLEM_BACKGROUND, ImportPreviewModel
from crmdesk.ui.models.import_sheet_model import SheetHeadModel, column_letters

DATA = Path(__file__).parent.parent / "data"
HEADERS = ("客户名称", "手机", "城市", "邮箱")
ROWS = (
    ("新客户甲", 13900000001, "杭州", "jia@example.com"),
    ("新客户乙", "12345", "上海", ""),  # not a phone number: rejected
    ("老客户", "138-0000-0001", "北京", ""),  # the stored customer's phone: skipped
    ("新客户丙", "13900000003", "广州", "bing@example.com"),
)
BAD_ROW = 5  # the sheet's row number of 新客户乙: title, blank, header, then 新客户甲


def messy_workbook(path: Path) -> Path:
    """A title banner over a blank row, the header in row 3, a second sheet of notes."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户名单"
    sheet.append(["2026年 客户名单（内部）"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in ROWS:
        sheet.append(list(row))
    notes = book.create_sheet("说明")
    notes.append(["这张表由业务部整理"])
    book.save(path)
    return path


@pytest.fixture
def stored(context: UiContext) -> None:
    context.workspace.customers.create(
        CustomerDraft(name="老客户", phone="13800000001", city="北京")
    )


def customer_names(context: UiContext) -> list[str]:
    page = context.workspace.customers.list(CustomerFilter(), PageRequest(limit=100))
    return sorted(customer.name for customer in page.items)


def open_wizard(qtbot: QtBot, context: UiContext, path: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(context, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard: ImportWizard) -> bool:
    button = wizard.button(
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    return button.isEnabled()


def go_next(qtbot: QtBot, context: UiContext, wizard: ImportWizard) -> None:
    wait_for_tasks(qtbot, context)
    assert next_enabled(wizard)
    wizard.next()
    wait_for_tasks(qtbot, context)


def choose(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click a radio button on its round indicator."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def walk_to_preview(
    qtbot: QtBot,
    context: UiContext,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
) -> ImportWizard:
    monkeypatch.setattr(import_wizard_common, "choose_open_path", lambda *_: path)
    wizard = open_wizard(qtbot, context)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    go_next(qtbot, context, wizard)
    go_next(qtbot, context, wizard)
    go_next(qtbot, context, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    return wizard


def test_the_valid_rows_are_imported_and_the_bad_one_comes_back_with_its_reason(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    path = messy_workbook(tmp_path / "客户名单.xlsx")
    monkeypatch.setattr(import_wizard_common, "choose_open_path", lambda *_: path)
    changes: list[Change] = []
    context.tasks.changed.connect(changes.append)
    wizard = open_wizard(qtbot, context)

    # The file: read in the background, the data sheet and its header row found.
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    assert "row 3" in wizard.file_page.summary.text()
    go_next(qtbot, context, wizard)

    # The sheet: the one with the customers is chosen; the other can be picked.
    assert wizard.currentId() == SHEET_PAGE
    page = wizard.sheet_page
    assert page.sheet_combo.currentText() == "客户名单"
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == [
        "客户名单",
        "说明",
    ]
    head = page.head_model
    qtmodeltester.check(head)  # type: ignore[attr-defined]
    assert head.index(2, 0).data() == "客户名称"
    assert head.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert head.index(4, 1).data() == "12345"
    go_next(qtbot, context, wizard)

    # The mapping: guessed from the Chinese headers.
    assert wizard.currentId() == MAPPING_PAGE
    mapping = wizard.mapping_page
    assert [mapping.combo(i).currentData() for i in range(4)] == ["name", "phone", "city", "email"]
    assert mapping.combo(0).currentText() == "Name"
    go_next(qtbot, context, wizard)

    # The preview: the bad phone red on its cell, the dry run's counts.
    assert wizard.currentId() == PREVIEW_PAGE
    preview = wizard.preview_page
    model = preview.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    bad = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == BAD_ROW)
    phone = model.index(bad, model.field_column("phone"))
    assert phone.data() == "12345"
    assert phone.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert phone.data(Qt.ItemDataRole.ToolTipRole) == "'12345' is not a phone number."
    assert model.index(bad, 1).data() == "Rejected"
    counts = {key: label.text() for key, label in preview.counts.values.items()}
    assert counts == {
        "created": "2",
        "updated": "0",
        "skipped": "1",
        "review": "0",
        "rejected": "1",
    }
    assert customer_names(context) == ["老客户"]  # a dry run writes nothing

    # Import the valid rows (the default), then the result page.
    go_next(qtbot, context, wizard)
    assert wizard.currentId() == RESULT_PAGE
    result = wizard.result_page
    done = {key: label.text() for key, label in result.counts.values.items()}
    assert done == {"created": "2", "updated": "0", "skipped": "1", "review": "0", "rejected": "1"}
    assert customer_names(context) == ["新客户丙", "新客户甲", "老客户"]
    assert changes, "the tabs are told to refresh"

    # The rows not imported, saved with the reason.
    errors = tmp_path / "不导入的行.xlsx"
    monkeypatch.setattr("crmdesk.ui.export_actions.choose_save_path", lambda *_args, **_kw: errors)
    qtbot.mouseClick(result.save_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    saved = list(openpyxl.load_workbook(errors).active.iter_rows(values_only=True))
    assert saved[0] == (*HEADERS, REASON_HEADER)
    assert saved[1][:2] == ("新客户乙", "12345")
    assert "not a phone number" in saved[1][-1]
    assert len(saved) == 2
    assert str(errors) in result.note.text()


def test_undo_on_the_result_page_removes_the_created_customers(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = walk_to_preview(qtbot, context, monkeypatch, messy_workbook(tmp_path / "a.xlsx"))
    go_next(qtbot, context, wizard)
    assert customer_names(context) == ["新客户丙", "新客户甲", "老客户"]
    monkeypatch.setattr(import_wizard_common, "confirm_undo", lambda *_: True)

    qtbot.mouseClick(wizard.result_page.undo_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)

    assert customer_names(context) == ["老客户"]
    assert "2 records removed" in wizard.result_page.note.text()
    assert not wizard.result_page.undo_button.isEnabled()


def test_import_nothing_changes_nothing_when_a_row_is_bad(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = walk_to_preview(qtbot, context, monkeypatch, messy_workbook(tmp_path / "a.xlsx"))
    choose(qtbot, wizard.preview_page.nothing_radio)
    go_next(qtbot, context, wizard)

    assert wizard.currentId() == RESULT_PAGE
    assert wizard.result_page.headline.text().startswith("Nothing was imported")
    assert not wizard.result_page.undo_button.isEnabled()
    assert wizard.result_page.save_button.isEnabled()
    assert customer_names(context) == ["老客户"]


def test_update_fills_the_stored_customer_instead_of_skipping_it(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机", "邮箱"])
    book.active.append(["老客户", "13800000001", "lao@example.com"])
    book.save(path)
    wizard = walk_to_preview(qtbot, context, monkeypatch, path)
    preview = wizard.preview_page

    choose(qtbot, preview.fill_radio)
    wait_for_tasks(qtbot, context)

    assert preview.counts.values["updated"].text() == "1"
    assert preview.model.index(0, 1).data() == "Update"
    go_next(qtbot, context, wizard)
    [customer] = context.workspace.customers.list(CustomerFilter()).items
    assert customer.email == "lao@example.com"


def test_a_cancelled_import_changes_nothing(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = walk_to_preview(qtbot, context, monkeypatch, messy_workbook(tmp_path / "a.xlsx"))
    # Hold the write lane so the import waits behind it until the user has cancelled.
    release = threading.Event()
    context.tasks.write(release.wait, lambda _: None, owner=wizard, change=Change.of())

    wizard.next()
    assert wizard.currentId() == RUN_PAGE
    assert wizard.run_page.running
    wizard.reject()  # the wizard's Cancel stops the import rather than closing
    release.set()
    wait_for_tasks(qtbot, context)

    assert wizard.isVisible()
    assert wizard.currentId() == RUN_PAGE
    assert wizard.run_page.message.text() == "The import was cancelled; nothing was changed."
    assert customer_names(context) == ["老客户"]
    # Back to the choices, and the import can be run after all.
    qtbot.mouseClick(wizard.run_page.back_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PREVIEW_PAGE
    go_next(qtbot, context, wizard)
    assert customer_names(context) == ["新客户丙", "新客户甲", "老客户"]


def test_a_password_protected_file_is_refused_in_plain_words(
    qtbot: QtBot, context: UiContext
) -> None:
    wizard = open_wizard(qtbot, context, DATA / "password_protected.xlsx")
    wait_for_tasks(qtbot, context)

    error = wizard.file_page.error
    assert error.isVisible()
    assert "password_protected.xlsx is protected by a password" in error.text()
    assert not next_enabled(wizard)
    wizard.next()
    assert wizard.currentId() == FILE_PAGE


def test_a_missing_required_column_holds_the_wizard_on_the_mapping(
    qtbot: QtBot, context: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_workbook(tmp_path / "a.xlsx")
    monkeypatch.setattr(import_wizard_common, "choose_open_path", lambda *_: path)
    wizard = open_wizard(qtbot, context, path)
    go_next(qtbot, context, wizard)
    go_next(qtbot, context, wizard)
    page = wizard.mapping_page

    page.combo(0).setCurrentIndex(0)  # 客户名称 → not imported
    assert page.error.text() == "Choose the column that holds: Name."
    assert not next_enabled(wizard)

    page.combo(2).setCurrentIndex(page.combo(2).findData("name"))  # 城市 → Name
    assert next_enabled(wizard)


def test_a_saved_mapping_is_loaded_for_the_next_file(
    qtbot: QtBot, context: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_workbook(tmp_path / "a.xlsx")
    saved = tmp_path / "mapping.json"
    wizard = open_wizard(qtbot, context, path)
    go_next(qtbot, context, wizard)
    go_next(qtbot, context, wizard)
    page = wizard.mapping_page
    page.combo(2).setCurrentIndex(0)  # 城市 not imported
    monkeypatch.setattr("crmdesk.ui.export_actions.choose_save_path", lambda *_: saved)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    page.combo(2).setCurrentIndex(page.combo(2).findData("city"))
    monkeypatch.setattr(import_wizard_common, "choose_open_path", lambda *_: saved)
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)

    assert page.combo(2).currentData() is None
    assert page.combo(0).currentData() == "name"


def test_the_sheet_models_and_the_pace(qtmodeltester: object, qtbot: QtBot) -> None:
    model = ImportPreviewModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    head = SheetHeadModel()
    head.set_rows([("a", 1.0), ("b",)], header_row=1)
    qtmodeltester.check(head)  # type: ignore[attr-defined]
    assert head.index(0, 1).data() == "1"
    assert head.index(1, 1).data() == ""
    assert [column_letters(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
    moments = iter([0.0, 2.0])
    pace = Throughput(lambda: next(moments)).pace(2_000, 10_000)  # steps count rows twice
    assert (pace.rows_done, pace.rows_total, pace.per_second, pace.rows_left) == (
        1_000,
        5_000,
        500,
        4_000,
    )


def test_outcomes_of_skipped_rows_say_what_they_duplicate(
    qtbot: QtBot,
    context: UiContext,
    stored: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = walk_to_preview(qtbot, context, monkeypatch, messy_workbook(tmp_path / "a.xlsx"))
    model = wizard.preview_page.model
    plan = wizard.preview_page.plan
    assert plan is not None
    skipped = next(o for o in plan.outcomes if o.action is RowAction.SKIP)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == skipped.number)
    assert "Duplicate of 老客户" in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)


def import_file(context: UiContext, path: Path) -> None:
    source = open_for_import(path, ImportEntity.CUSTOMERS).source
    run_import(context.workspace.database, source, ImportOptions(ImportEntity.CUSTOMERS))


def test_the_history_lists_imports_and_undoes_one_unless_its_records_were_edited(
    qtbot: QtBot,
    context: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    import_file(context, messy_workbook(tmp_path / "first.xlsx"))
    second = tmp_path / "second.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "城市"])
    book.active.append(["第二批客户", "苏州"])
    book.save(second)
    import_file(context, second)
    customers = context.workspace.customers
    [edited] = [c for c in customers.list(CustomerFilter()).items if c.name == "新客户甲"]
    record = customers.get(edited.id)
    customers.update(edited.id, CustomerDraft(name="新客户甲（改）"), record.version)
    monkeypatch.setattr(import_wizard_common, "confirm_undo", lambda *_: True)

    dialog = ImportHistoryDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_tasks(qtbot, context)
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "second.xlsx (Sheet)",
        "first.xlsx (客户名单)",
    ]
    assert model.index(1, 3).data() == "3"  # created

    dialog.table.selectRow(1)  # the first file: one of its customers was edited since
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    assert dialog.error.text().startswith("This import cannot be undone; nothing was changed.")
    assert "新客户甲（改）" in customer_names(context)

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    wait_for_tasks(qtbot, context)
    assert "第二批客户" not in customer_names(context)
    assert model.index(0, 7).data() != ""  # when it was undone
    dialog.table.selectRow(0)
    assert not dialog.undo_button.isEnabled()


def test_the_reasons_given_back_are_in_chinese_in_the_chinese_window(chinese: None) -> None:
    bad_phone = RowOutcome(
        7, RowAction.REJECT, {"phone": Problem("'{value}' is not a phone number.", {"value": "12"})}
    )
    duplicate = RowOutcome(
        8,
        RowAction.SKIP,
        duplicate_of=DuplicateOf(MatchRule.PHONE, "张三科技", code="KH-1", record_id=uuid.uuid4()),
    )

    words = import_wizard_common.reason_in_words(ImportEntity.CUSTOMERS)

    assert words(bad_phone) == "电话: “12”不是有效的电话号码。"
    assert "张三科技（KH-1）" in words(duplicate) and "电话相同" in words(duplicate)
