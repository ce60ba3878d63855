"""Importing follow-ups (回访计划): planned for their due day, repeat rules written as
words or as the rule itself, a rule that cannot be read refused with its reason, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factories import TestClock, add_customer, add_rep
from import_workbooks import write_workbook

from crmdesk.db.engine import Database
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus
from crmdesk.domain.follow_ups import FollowUpFilter, FollowUpRecord
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, RowAction
from crmdesk.io.import_source import open_source
from crmdesk.services.follow_ups import FollowUpService
from crmdesk.services.importing import run_import, undo_import

HEADER = ("客户", "回访类型", "事项", "回访日期", "业务员", "重复")
FOLLOW_UPS = ImportOptions(ImportEntity.FOLLOW_UPS)


def stored(database: Database) -> list[FollowUpRecord]:
    return list(FollowUpService(database, TestClock()).list(FollowUpFilter()).items)


def test_follow_ups_are_planned_with_their_repeat_rules(database: Database, tmp_path: Path) -> None:
    customer = add_customer(database, "上海明达")
    rep = add_rep(database, "李四")
    file = write_workbook(
        tmp_path / "回访.xlsx",
        HEADER,
        ("上海明达", "电话回访", "季度回访", "2024-04-01", "李四", "每季度"),
        ("上海明达", "生日关怀", "生日问候", "2024年5月20日", None, "FREQ=YEARLY;INTERVAL=1"),
        ("上海明达", None, "确认到货", 20240320, None, None),
    )

    result = run_import(
        database, open_source(file, ImportEntity.FOLLOW_UPS), FOLLOW_UPS, clock=TestClock()
    )

    assert result.counts.created == 3
    assert [(f.title, f.due_on, f.kind, f.recurrence_rule) for f in stored(database)] == [
        ("确认到货", date(2024, 3, 20), FollowUpKind.CALLBACK, None),
        ("季度回访", date(2024, 4, 1), FollowUpKind.CALLBACK, "FREQ=MONTHLY;INTERVAL=3"),
        ("生日问候", date(2024, 5, 20), FollowUpKind.CARE, "FREQ=YEARLY;INTERVAL=1"),
    ]
    assert {f.status for f in stored(database)} == {FollowUpStatus.PLANNED}
    assert {f.customer_id for f in stored(database)} == {customer}
    assert [f.rep_id for f in stored(database)] == [None, rep, None]


def test_rows_with_an_unreadable_rule_or_no_due_day_are_refused_and_undo_removes_the_rest(
    database: Database, tmp_path: Path
) -> None:
    add_customer(database, "上海明达")
    file = write_workbook(
        tmp_path / "回访.xlsx",
        HEADER,
        ("上海明达", None, "每周拜访", "2024-03-18", None, "每周"),
        ("上海明达", None, "每小时打一次", "2024-03-18", None, "每小时"),
        ("上海明达", None, "没有日期", None, None, None),
        ("上海明达", None, "太远了", "2099-01-01", None, None),
    )

    result = run_import(
        database, open_source(file, ImportEntity.FOLLOW_UPS), FOLLOW_UPS, clock=TestClock()
    )

    assert [o.action for o in result.outcomes] == [RowAction.CREATE] + [RowAction.REJECT] * 3
    bad_rule, no_day, too_far = (o.problems for o in result.outcomes[1:])
    assert set(bad_rule) == {"recurrence"}
    assert no_day["due_on"].message == "This field is required."
    assert too_far["due_on"].message.startswith("The date must be between")
    assert [(f.title, f.recurrence_rule) for f in stored(database)] == [
        ("每周拜访", "FREQ=WEEKLY;INTERVAL=1")
    ]

    assert result.batch_id is not None
    assert undo_import(database, result.batch_id).removed == 1
    assert stored(database) == []
