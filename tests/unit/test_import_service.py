"""Importing customers: duplicates against the database and within the file, updates that
fill or overwrite, "import nothing", the error workbook, undo, cancel, history."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from factories import TestClock, set_deleted
from row_sources import ListSource, Row
from sqlalchemy import func, select

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, CustomerTag, ImportChange, Tag
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.enums import CustomerLevel
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import (
    DuplicatePolicy,
    ImportCancelledError,
    ImportOptions,
    MatchRule,
    RowAction,
    UndoRefusedError,
)
from crmdesk.domain.paging import PageRequest
from crmdesk.services.customers import CustomerService
from crmdesk.services.importing import (
    REASON_HEADER,
    import_history,
    plan_import,
    run_import,
    undo_import,
    write_errors_workbook,
)
from crmdesk.services.tags import TagService

HEADERS = ("客户名称", "手机", "邮箱", "城市", "客户编号", "标签", "联系人")
CUSTOMERS = ImportOptions(ImportEntity.CUSTOMERS)


def customer_rows(*specs: dict[str, object]) -> ListSource:
    """One row per spec (field key -> cleaned value), numbered from 2 under the header."""
    keys = ("name", "phone", "email", "city", "code", "tags", "contact_name")
    rows = []
    for number, spec in enumerate(specs, start=2):
        problems = spec.pop("problems", {})
        raw = tuple(
            "、".join(v) if isinstance(v := spec.get(k), list) else v  # type: ignore[arg-type]
            for k in keys
        )
        rows.append(Row(number, raw, spec, problems))  # type: ignore[arg-type]
    return ListSource(tuple(rows), HEADERS)


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def customers(database: Database, clock: TestClock) -> CustomerService:
    return CustomerService(database, clock)


def count(database: Database, model: type) -> int:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def names(service: CustomerService) -> list[str]:
    return sorted(s.name for s in service.list(CustomerFilter(), PageRequest(limit=500)).items)


def messy_file() -> ListSource:
    return customer_rows(
        {"name": "新客户甲", "phone": ["13900000001"], "city": "杭州"},
        {"name": "上海 宏达 贸易", "phone": ["13800000001"], "city": "上海"},  # stored, by phone
        {"name": "老王", "code": "KH-OLD-1", "city": "北京"},  # stored, by code
        {"name": "李四", "phone": ["13800000002"]},  # stored phone, another name: review
        {"name": "新客户甲", "phone": ["13900000001"], "city": "杭州"},  # same as row 2
        {"name": "宏达科技（深圳）", "phone": ["13900000009"], "city": "深圳"},  # similar name
        {"name": "", "phone": ["13900000003"], "problems": {}},  # no name: rejected
        {"name": "新客户乙", "email": "B@Example.com", "city": "广州"},
    )


def seed(customers: CustomerService) -> dict[str, uuid.UUID]:
    return {
        "宏达": customers.create(
            CustomerDraft(name="上海宏达贸易", phone="13800000001", city="上海")
        ).id,
        "老王": customers.create(CustomerDraft(name="王老板", code="KH-OLD-1")).id,
        "张三": customers.create(CustomerDraft(name="张三", phone="13800000002")).id,
        "宏达科技": customers.create(
            CustomerDraft(name="宏达科技 深圳", phone="13700000000", city="深圳")
        ).id,
    }


def test_duplicates_in_the_database_and_the_file_are_counted_and_never_merged(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    stored = seed(customers)

    result = run_import(database, messy_file(), CUSTOMERS, clock=clock)

    by_row = {o.number: o for o in result.outcomes}
    assert by_row[2].action is RowAction.CREATE
    assert by_row[3].action is RowAction.SKIP
    assert by_row[3].duplicate_of is not None
    assert (by_row[3].duplicate_of.rule, by_row[3].duplicate_of.record_id) == (
        MatchRule.PHONE,
        stored["宏达"],
    )
    assert by_row[4].duplicate_of and by_row[4].duplicate_of.rule is MatchRule.CODE
    assert by_row[5].action is RowAction.REVIEW  # same phone as 张三, another name
    assert by_row[6].action is RowAction.SKIP
    assert by_row[6].duplicate_of and by_row[6].duplicate_of.row_number == 2
    assert by_row[7].action is RowAction.REVIEW
    assert by_row[7].duplicate_of and by_row[7].duplicate_of.rule is MatchRule.SIMILAR_NAME
    assert by_row[8].action is RowAction.REJECT
    assert by_row[8].problems["name"].message == "This field is required."
    assert (result.counts.created, result.counts.skipped) == (2, 3)
    assert (result.counts.review, result.counts.rejected) == (2, 1)
    assert names(customers) == sorted(
        ["上海宏达贸易", "王老板", "张三", "宏达科技 深圳", "新客户甲", "新客户乙"]
    )
    # Nothing stored was touched: the near-duplicate 张三 kept its name and phone.
    zhang = customers.get(stored["张三"])
    assert (zhang.name, zhang.phone, zhang.version) == ("张三", "13800000002", 1)
    new = customers.list(CustomerFilter(search="新客户乙")).items
    assert new[0].email == "b@example.com"
    assert customers.list(CustomerFilter(search="xkhj")).total == 1  # indexed for search


def test_a_dry_run_plans_the_same_and_writes_nothing(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    seed(customers)
    before = names(customers)
    planned = plan_import(database, messy_file(), CUSTOMERS, clock=clock)
    assert planned.batch_id is None
    assert (planned.counts.created, planned.counts.review, planned.counts.rejected) == (2, 2, 1)
    assert names(customers) == before


def test_update_fills_empty_fields_and_overwrites_only_the_chosen_ones(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    stored = customers.create(
        CustomerDraft(
            name="上海宏达贸易", phone="13800000001", city="上海", level=CustomerLevel.VIP
        )
    )
    source = customer_rows(
        {
            "name": "上海宏达贸易",
            "phone": ["13800000001"],
            "city": "苏州",
            "email": "hd@example.com",
        }
    )

    fill = ImportOptions(ImportEntity.CUSTOMERS, on_duplicate=DuplicatePolicy.UPDATE)
    run_import(database, source, fill, clock=clock)
    filled = customers.get(stored.id)
    assert (filled.email, filled.city, filled.level) == (
        "hd@example.com",
        "上海",
        CustomerLevel.VIP,
    )

    overwrite = ImportOptions(
        ImportEntity.CUSTOMERS, on_duplicate=DuplicatePolicy.UPDATE, overwrite=frozenset({"city"})
    )
    result = run_import(database, source, overwrite, clock=clock)
    assert result.counts.updated == 1
    assert customers.get(stored.id).city == "苏州"
    assert count(database, Customer) == 1


def test_import_nothing_with_a_bad_row_changes_nothing(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    stored = seed(customers)
    before = customers.get(stored["宏达"])
    source = customer_rows(
        {"name": "上海宏达贸易", "phone": ["13800000001"], "email": "new@example.com"},
        {"name": "新客户", "email": "not an address"},
    )
    options = ImportOptions(
        ImportEntity.CUSTOMERS, on_duplicate=DuplicatePolicy.UPDATE, all_or_nothing=True
    )

    result = run_import(database, source, options, clock=clock)

    assert not result.applied
    assert result.counts.rejected == 1
    assert result.outcomes[1].problems["email"].message.startswith("Not a valid e-mail")
    assert count(database, Customer) == 4
    assert customers.get(stored["宏达"]) == before
    assert import_history(database) == []


def test_the_error_workbook_gives_back_the_original_columns_and_a_reason(
    database: Database, customers: CustomerService, clock: TestClock, tmp_path: Path
) -> None:
    seed(customers)
    source = messy_file()
    result = run_import(database, source, CUSTOMERS, clock=clock)
    path = tmp_path / "errors.xlsx"

    assert write_errors_workbook(source, result, ImportEntity.CUSTOMERS, path) == 3

    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*HEADERS, REASON_HEADER)
    assert [r[0] for r in rows[1:]] == ["李四", "宏达科技（深圳）", None]
    assert rows[1][1] == "13800000002"
    assert "Possibly the same as 张三" in rows[1][-1]
    assert rows[3][-1] == "Name: This field is required."


def test_undo_removes_created_rows_and_restores_overwritten_fields(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    stored = customers.create(CustomerDraft(name="上海宏达贸易", phone="13800000001", city="上海"))
    source = customer_rows(
        {
            "name": "上海宏达贸易",
            "phone": ["13800000001"],
            "city": "苏州",
            "email": "hd@example.com",
        },
        {"name": "新客户", "tags": "VIP、华东", "contact_name": "王经理", "code": "NEW-1"},
    )
    options = ImportOptions(
        ImportEntity.CUSTOMERS, on_duplicate=DuplicatePolicy.UPDATE, overwrite=frozenset({"city"})
    )
    result = run_import(database, source, options, clock=clock)
    assert result.batch_id is not None
    assert result.records_created == {"customer": 1, "contact": 1, "tag": 2, "customer_tag": 2}
    assert count(database, Tag) == 2

    undone = undo_import(database, result.batch_id, clock)

    assert (undone.removed, undone.restored) == (6, 1)
    back = customers.get(stored.id)
    assert (back.city, back.email, back.name) == ("上海", None, "上海宏达贸易")
    for model in (Contact, Tag, CustomerTag):
        assert count(database, model) == 0
    assert names(customers) == ["上海宏达贸易"]
    assert customers.list(CustomerFilter(search="新客户")).total == 0
    history = import_history(database)
    assert history[0].undone_at == clock.now
    # The code the import used is free again: the corrected file imports.
    assert run_import(database, source, options, clock=clock).counts.created == 1


def test_undo_deletes_again_a_deleted_tag_that_the_import_brought_back(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    run_import(database, customer_rows({"name": "老客户", "tags": "展会"}), CUSTOMERS)
    with database.unit_of_work(write=False) as uow:
        tag_id = uow.session.scalars(select(Tag.id).where(Tag.name == "展会")).one()
    set_deleted(database, Tag, tag_id)
    assert TagService(database).list() == []

    again = run_import(database, customer_rows({"name": "新客户", "tags": "展会"}), CUSTOMERS)
    assert again.batch_id is not None
    assert [t.name for t in TagService(database).list()] == ["展会"]

    undo_import(database, again.batch_id, clock)

    assert TagService(database).list() == []
    with database.unit_of_work(write=False) as uow:
        restored = uow.session.get(Tag, tag_id)
        assert restored is not None and restored.deleted_at is not None


def test_undo_is_refused_when_an_imported_record_was_edited_since(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    result = run_import(database, customer_rows({"name": "新客户"}), CUSTOMERS, clock=clock)
    assert result.batch_id is not None
    created = customers.list(CustomerFilter()).items[0]
    record = customers.get(created.id)
    customers.update(created.id, CustomerDraft(name="改过的名字"), record.version)

    with pytest.raises(UndoRefusedError, match="edited or deleted after it"):
        undo_import(database, result.batch_id, clock)

    assert names(customers) == ["改过的名字"]
    assert import_history(database)[0].undone_at is None


def test_cancelling_half_way_changes_nothing(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    seed(customers)
    source = customer_rows(*({"name": f"客户{i}", "city": "杭州"} for i in range(1_200)))
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        # The user presses Cancel once writing has begun.
        return bool(seen) and seen[-1][0] > source.row_count

    with pytest.raises(ImportCancelledError):
        run_import(
            database,
            source,
            CUSTOMERS,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=cancelled,
            clock=clock,
        )

    assert seen[-1][0] > source.row_count  # it was writing when cancelled
    assert count(database, Customer) == 4
    assert count(database, ImportChange) == 0
    assert import_history(database) == []


def test_history_lists_each_import_with_its_counts(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    seed(customers)
    run_import(database, messy_file(), CUSTOMERS, clock=clock)
    (batch,) = import_history(database)
    assert (batch.file_name, batch.sheet, batch.entity) == ("客户.xlsx", "客户", "customers")
    assert (batch.counts.created, batch.counts.skipped, batch.counts.review) == (2, 3, 2)
    assert batch.counts.rejected == 1
    assert batch.finished_at == clock.now and batch.undone_at is None


def test_birthdays_and_tags_of_created_customers_are_kept(
    database: Database, customers: CustomerService, clock: TestClock
) -> None:
    source = customer_rows({"name": "生日客户", "birthday": date(1990, 5, 1), "tags": "老客户"})
    run_import(database, source, CUSTOMERS, clock=clock)
    (summary,) = customers.list(CustomerFilter()).items
    record = customers.get(summary.id)
    assert record.birthday == date(1990, 5, 1)
    assert [t.name for t in record.tags] == ["老客户"]
