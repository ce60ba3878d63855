"""Referrers named by another row of the same file: found whether they come before or
after, and a row is refused (never linked to nothing) when its referrer is not imported
or when the file's referrals go round in a circle."""

from __future__ import annotations

from pathlib import Path

from import_workbooks import write_workbook

from crmdesk.db.engine import Database
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, RowAction
from crmdesk.io.import_source import open_source
from crmdesk.services.customers import CustomerService
from crmdesk.services.importing import run_import

HEADER = ("客户编号", "客户名称", "手机", "推荐人")


def import_file(database: Database, path: Path) -> dict[int, RowAction]:
    source = open_source(path, ImportEntity.CUSTOMERS)
    result = run_import(database, source, ImportOptions(ImportEntity.CUSTOMERS))
    return {outcome.number: outcome.action for outcome in result.outcomes}


def referrers(database: Database) -> dict[str, str | None]:
    page = CustomerService(database).list(CustomerFilter())
    service = CustomerService(database)
    return {row.name: service.get(row.id).referred_by_name for row in page.items}


def test_a_referrer_later_in_the_file_is_found_by_code_and_one_earlier_by_name(
    database: Database, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "客户.xlsx",
        HEADER,
        ("A-1", "甲公司", "13800000001", "A-2"),
        ("A-2", "乙公司", "13800000002", None),
        ("A-3", "丙公司", "13800000003", "甲公司"),
    )

    actions = import_file(database, path)

    assert set(actions.values()) == {RowAction.CREATE}
    assert referrers(database) == {"甲公司": "乙公司", "乙公司": None, "丙公司": "甲公司"}


def test_a_row_whose_referrer_row_is_refused_is_refused_too(
    database: Database, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "客户.xlsx",
        HEADER,
        ("B-1", "甲公司", "13800000001", "B-2"),
        ("B-2", "乙公司", "not a phone", None),
    )

    actions = import_file(database, path)

    assert actions == {2: RowAction.REJECT, 3: RowAction.REJECT}
    assert referrers(database) == {}


def test_referrals_that_go_round_in_a_circle_are_refused(
    database: Database, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "客户.xlsx",
        HEADER,
        ("C-1", "甲公司", "13800000001", "C-2"),
        ("C-2", "乙公司", "13800000002", "C-1"),
        ("C-3", "丙公司", "13800000003", None),
    )

    actions = import_file(database, path)

    assert actions == {2: RowAction.REJECT, 3: RowAction.REJECT, 4: RowAction.CREATE}
    assert referrers(database) == {"丙公司": None}
