"""Importing contacts: linked to customers by code or name, refused when the customer is
unknown or ambiguous, duplicates skipped, updated or created as chosen, one primary
contact per customer, the command line's error workbook, undo."""

from __future__ import annotations

import uuid
from pathlib import Path

import openpyxl
import pytest
from factories import TestClock, add_customer
from import_workbooks import write_workbook

from crmdesk.cli import main
from crmdesk.db.engine import Database
from crmdesk.domain.contacts import ContactDraft, ContactRecord
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import DuplicatePolicy, ImportOptions, MatchRule, RowAction
from crmdesk.io.import_source import open_source
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService
from crmdesk.services.importing import REASON_HEADER, run_import, undo_import

HEADER = ("客户", "姓名", "职务", "手机", "主要联系人")
CONTACTS = ImportOptions(ImportEntity.CONTACTS)


def contacts_of(database: Database, customer_id: uuid.UUID) -> list[ContactRecord]:
    return ContactService(database).list_for_customer(customer_id)


def test_contacts_link_to_customers_by_code_or_name_and_unknown_ones_are_refused(
    database: Database, tmp_path: Path
) -> None:
    mingda = add_customer(database, "上海明达贸易有限公司")
    code = CustomerService(database).get(mingda).code
    add_customer(database, "王芳")
    add_customer(database, "王芳")
    file = write_workbook(
        tmp_path / "联系人.xlsx",
        HEADER,
        ("上海明达贸易有限公司", "赵敏", "采购经理", "13800000001", None),
        (code, "钱亮", "财务", "13800000002", None),
        ("不存在的公司", "孙丽", None, None, None),
        ("王芳", "周强", None, None, None),
    )

    result = run_import(database, open_source(file, ImportEntity.CONTACTS), CONTACTS)

    assert [o.action for o in result.outcomes] == [
        RowAction.CREATE,
        RowAction.CREATE,
        RowAction.REJECT,
        RowAction.REJECT,
    ]
    assert result.outcomes[2].problems["customer"].message == (
        "No customer has the code or name 不存在的公司."
    )
    assert result.outcomes[3].problems["customer"].message == (
        "Several customers are called 王芳; use their code."
    )
    stored = contacts_of(database, mingda)
    assert [(c.name, c.title, c.phone, c.is_primary) for c in stored] == [
        ("赵敏", "采购经理", "13800000001", True),
        ("钱亮", "财务", "13800000002", False),
    ]
    # The customer is found by its new contact's name.
    found = CustomerService(database).list(CustomerFilter(search="钱亮")).items
    assert [c.id for c in found] == [mingda]


def test_the_primary_column_moves_the_primary_mark_and_undo_puts_it_back(
    database: Database, tmp_path: Path
) -> None:
    customer = add_customer(database, "杭州鑫达科技")
    ContactService(database).create(customer, ContactDraft(name="老联系人"))
    file = write_workbook(
        tmp_path / "c.xlsx",
        HEADER,
        ("杭州鑫达科技", "新经理", None, None, "是"),
        ("杭州鑫达科技", "助理", None, None, "否"),
    )

    result = run_import(database, open_source(file, ImportEntity.CONTACTS), CONTACTS)

    assert {(c.name, c.is_primary) for c in contacts_of(database, customer)} == {
        ("新经理", True),
        ("老联系人", False),
        ("助理", False),
    }
    assert result.batch_id is not None
    undone = undo_import(database, result.batch_id)
    assert (undone.removed, undone.restored) == (2, 1)
    assert [(c.name, c.is_primary) for c in contacts_of(database, customer)] == [("老联系人", True)]
    assert CustomerService(database).list(CustomerFilter(search="新经理")).items == []


@pytest.mark.parametrize(
    ("policy", "actions", "names"),
    [
        (DuplicatePolicy.SKIP, [RowAction.SKIP, RowAction.SKIP, RowAction.SKIP], ["赵敏"]),
        (DuplicatePolicy.UPDATE, [RowAction.UPDATE, RowAction.SKIP, RowAction.SKIP], ["赵敏"]),
        (
            DuplicatePolicy.CREATE,
            [RowAction.CREATE, RowAction.CREATE, RowAction.CREATE],
            ["赵敏", "赵敏", "赵敏（新）", "赵敏（新）"],
        ),
    ],
)
def test_a_contact_with_the_same_name_or_phone_follows_the_duplicate_policy(
    database: Database,
    tmp_path: Path,
    policy: DuplicatePolicy,
    actions: list[RowAction],
    names: list[str],
) -> None:
    customer = add_customer(database, "上海明达")
    stored = ContactService(database).create(
        customer, ContactDraft(name="赵敏", phone="13800000001")
    )
    file = write_workbook(
        tmp_path / "c.xlsx",
        HEADER,
        ("上海明达", "赵敏", "采购经理", None, None),  # the same name
        ("上海明达", "赵敏（新）", None, "13800000001", None),  # the same phone
        ("上海明达", "赵敏（新）", None, "13800000001", None),  # a repeated row
    )

    result = run_import(
        database,
        open_source(file, ImportEntity.CONTACTS),
        ImportOptions(ImportEntity.CONTACTS, on_duplicate=policy),
    )

    assert [o.action for o in result.outcomes] == actions
    assert sorted(c.name for c in contacts_of(database, customer)) == names
    if policy is not DuplicatePolicy.CREATE:
        first = result.outcomes[0].duplicate_of
        assert first is not None and (first.rule, first.record_id) == (MatchRule.NAME, stored.id)
        second = result.outcomes[1].duplicate_of
        assert second is not None and second.rule is MatchRule.PHONE
    updated = ContactService(database).get(stored.id)
    assert updated.title == ("采购经理" if policy is DuplicatePolicy.UPDATE else None)


def test_the_command_line_imports_contacts_returns_bad_rows_and_undoes(
    capsys: pytest.CaptureFixture[str], database: Database, db_path: Path, tmp_path: Path
) -> None:
    customer = add_customer(database, "上海明达")
    file = write_workbook(
        tmp_path / "联系人.xlsx",
        HEADER,
        ("上海明达", "赵敏", None, 13800000001, None),
        ("上海明达", "钱亮", None, "not a phone", None),
        ("无此客户", "孙丽", None, None, None),
    )
    errors = tmp_path / "errors.xlsx"
    argv = ["import", str(file), "--entity", "contacts", "--db", str(db_path)]

    code = main([*argv, "--errors", str(errors)])

    out, err = capsys.readouterr()
    assert code == 3
    assert "1 created, 0 updated, 0 skipped as duplicates" in out and "2 rejected" in out
    assert "row 4 rejected: Customer: No customer has the code or name 无此客户." in err
    rows = list(openpyxl.load_workbook(errors).active.iter_rows(values_only=True))
    assert rows[0] == (*HEADER, REASON_HEADER)
    assert rows[1][:2] == ("上海明达", "钱亮") and str(rows[1][5]).startswith("Phone:")
    assert rows[2][:2] == ("无此客户", "孙丽")
    assert [c.name for c in contacts_of(database, customer)] == ["赵敏"]

    batch = out.split("crmdesk import --undo ")[1].split()[0]
    assert main(["import", "--undo", batch, "--db", str(db_path)]) == 0
    assert "1 records removed" in capsys.readouterr().out
    assert contacts_of(database, customer) == []


def test_nothing_is_written_when_every_row_is_refused(database: Database, tmp_path: Path) -> None:
    file = write_workbook(tmp_path / "c.xlsx", HEADER, ("无此客户", "孙丽", None, None, None))

    result = run_import(
        database, open_source(file, ImportEntity.CONTACTS), CONTACTS, clock=TestClock()
    )

    assert result.batch_id is None and result.counts.rejected == 1
