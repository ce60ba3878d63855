"""Importing interactions (沟通记录): times read in local time (a day alone is 09:00),
kinds from Chinese labels, reps and contacts linked by name, bad rows refused with the
form's reasons, undo."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from factories import TestClock, add_contact, add_customer, add_rep
from import_workbooks import write_workbook

from crmdesk.db.engine import Database
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, RowAction
from crmdesk.domain.interactions import InteractionFilter, InteractionRecord
from crmdesk.io.import_source import open_source
from crmdesk.services.importing import run_import, undo_import
from crmdesk.services.interactions import InteractionService

HEADER = ("客户名称", "沟通时间", "沟通方式", "主题", "沟通内容", "业务员", "联系人")
INTERACTIONS = ImportOptions(ImportEntity.INTERACTIONS)


def local(*parts: int) -> datetime:
    """A wall-clock time of this computer's time zone, as the instant it is."""
    return datetime(*parts).astimezone(UTC)  # type: ignore[misc]


def stored(database: Database) -> list[InteractionRecord]:
    return list(InteractionService(database).list(InteractionFilter()).items)


def test_interactions_are_logged_at_their_local_time_with_rep_and_contact(
    database: Database, tmp_path: Path
) -> None:
    customer = add_customer(database, "上海明达")
    contact = add_contact(database, customer, "赵敏")
    rep = add_rep(database, "李四")
    file = write_workbook(
        tmp_path / "沟通记录.xlsx",
        HEADER,
        ("上海明达", "2024-03-01 14:30", "上门拜访", "介绍新品", "客户有兴趣", "李四", "赵敏"),
        ("上海明达", datetime(2024, 3, 4), "微信", "报价", None, None, None),
    )

    result = run_import(
        database, open_source(file, ImportEntity.INTERACTIONS), INTERACTIONS, clock=TestClock()
    )

    assert result.counts.created == 2
    visit, chat = sorted(stored(database), key=lambda i: i.occurred_at)
    assert (visit.occurred_at, visit.kind, visit.subject, visit.content) == (
        local(2024, 3, 1, 14, 30),
        InteractionKind.VISIT,
        "介绍新品",
        "客户有兴趣",
    )
    assert (visit.customer_id, visit.rep_id, visit.contact_id) == (customer, rep, contact)
    # A day without a time of day is the start of that working day.
    assert (chat.occurred_at, chat.kind, chat.rep_id) == (
        local(2024, 3, 4, 9, 0),
        InteractionKind.WECHAT,
        None,
    )


def test_bad_rows_are_refused_with_their_reasons_and_the_rest_undone_as_a_batch(
    database: Database, tmp_path: Path
) -> None:
    add_customer(database, "上海明达")
    file = write_workbook(
        tmp_path / "沟通记录.xlsx",
        HEADER,
        ("上海明达", "2024-03-01", "电话", "回访", None, None, None),
        ("上海明达", "2024-04-01", "电话", "将来的通话", None, None, None),
        ("上海明达", None, "电话", "没有时间", None, None, None),
        ("上海明达", "2024-03-02", "电话", None, None, None, None),
        ("上海明达", "2024-03-02", "电话", "谁打的", None, "王某", "不认识的人"),
        ("别的公司", "2024-03-02", "电话", "找错客户", None, None, None),
    )

    result = run_import(
        database, open_source(file, ImportEntity.INTERACTIONS), INTERACTIONS, clock=TestClock()
    )

    assert [o.action for o in result.outcomes] == [RowAction.CREATE] + [RowAction.REJECT] * 5
    future, no_time, no_subject, unknown, elsewhere = (o.problems for o in result.outcomes[1:])
    assert future["occurred_at"].message.startswith("The time must be between")
    assert no_time["occurred_at"].message == "This field is required."
    assert no_subject["summary"].message == "This field is required."
    assert unknown["rep"].message == "There is no sales rep called 王某."
    assert unknown["contact"].message == "The customer has no contact called 不认识的人."
    assert elsewhere["customer"].message == "No customer has the code or name 别的公司."
    assert [i.subject for i in stored(database)] == ["回访"]

    assert result.batch_id is not None
    assert undo_import(database, result.batch_id).removed == 1
    assert stored(database) == []
