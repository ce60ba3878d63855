"""Cells as spreadsheets hold them (numbers, text, dates, placeholders) and what is kept."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage
from crmdesk.domain.errors import Problem
from crmdesk.domain.import_fields import FIELDS, ImportEntity, field_of
from crmdesk.io.cleaning import (
    cell_text,
    clean_boolean,
    clean_date,
    clean_datetime,
    clean_email,
    clean_enum,
    clean_integer,
    clean_money,
    clean_phones,
    clean_quantity,
    clean_text,
    clean_wechat,
    cleaner_for,
    is_empty_like,
)


def message(cleaned: object) -> str:
    assert isinstance(cleaned, Problem), f"expected a problem, got {cleaned!r}"
    return cleaned.message


@pytest.mark.parametrize(
    "cell",
    ["", "   ", None, "—", "-", "--", "N/A", "n/a", "#N/A", "null", "NULL", "无", "空", "暂无"],
)
def test_placeholders_read_as_empty(cell: object) -> None:
    assert is_empty_like(cell)
    assert clean_text(cell) is None
    assert clean_phones(cell) is None
    assert clean_date(cell) is None
    assert clean_money(cell) is None
    assert clean_enum(CustomerKind, cell) is None


@pytest.mark.parametrize("cell", [0, 0.0, "0", "无锡", "空调公司", "Nadia"])
def test_values_that_resemble_placeholders_are_kept(cell: object) -> None:
    assert not is_empty_like(cell)


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("  某某科技有限公司 ", "某某科技有限公司"),
        ("ＡＢＣ贸易１２３号", "ABC贸易123号"),
        ("\u3000张三\u3000", "张三"),
        # Chinese punctuation and compatibility characters stay as written.
        ("约200㎡，比较急（加急）", "约200㎡，比较急（加急）"),
        (13607.0, "13607"),  # a customer code stored as a number
        (2.5, "2.5"),
        (42, "42"),
        (date(2024, 1, 5), "2024-01-05"),
        (datetime(2024, 1, 5, 9, 30), "2024-01-05 09:30"),
        (True, "TRUE"),
    ],
)
def test_text_is_trimmed_and_made_half_width(cell: object, text: str) -> None:
    assert clean_text(cell) == text


@pytest.mark.parametrize(
    ("cell", "phones"),
    [
        (13812345678.0, ["13812345678"]),  # a mobile stored as a number
        (13812345678, ["13812345678"]),
        ("13812345678", ["13812345678"]),
        ("1.3812345678E+10", ["13812345678"]),  # as a program that rounds numbers shows it
        ("1.3812345678e10", ["13812345678"]),
        ("13812345678.0", ["13812345678"]),
        ("02112345678", ["021-12345678"]),  # leading zero kept when stored as text
        (2112345678.0, ["021-12345678"]),  # and restored when a number cell lost it
        ("１３８ １２３４ ５６７８", ["13812345678"]),
        ("+86 138-1234-5678", ["13812345678"]),
        ("0755-1234567 转 123", ["0755-1234567-123"]),
        ("13812345678/13987654321", ["13812345678", "13987654321"]),
        ("13812345678，13987654321", ["13812345678", "13987654321"]),
        ("13812345678；010-12345678", ["13812345678", "010-12345678"]),
        ("13812345678、13987654321", ["13812345678", "13987654321"]),
        ("13812345678 13987654321", ["13812345678", "13987654321"]),
        ("13812345678\n13812345678", ["13812345678"]),
    ],
)
def test_phone_numbers_are_read_however_they_were_stored(cell: object, phones: list[str]) -> None:
    assert clean_phones(cell) == phones


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("12345", "12345"),
        (12345.0, "12345"),
        ("13812345678/abc", "abc"),
        ("张经理", "张经理"),
        (-13812345678.0, "-13812345678"),
        (1381234567.8, "1381234567.8"),
    ],
)
def test_a_bad_phone_number_is_a_problem_naming_it(cell: object, shown: str) -> None:
    assert message(clean_phones(cell)) == f"'{shown}' is not a phone number."


def test_email_and_wechat_are_checked_by_the_contact_rules() -> None:
    assert clean_email(" Li@YY.com ") == "li@yy.com"
    assert clean_email("ｌｉ＠ｙｙ．ｃｏｍ") == "li@yy.com"
    assert message(clean_email("li at yy")) == "'li at yy' is not an e-mail address."
    assert clean_wechat("li_wechat") == "li_wechat"
    assert clean_wechat(13812345678.0) == "13812345678"
    assert message(clean_wechat("微信号")) == "'微信号' is not a WeChat id."


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        (date(2024, 1, 5), date(2024, 1, 5)),
        (datetime(2024, 1, 5, 10, 30), date(2024, 1, 5)),
        (45296.0, date(2024, 1, 5)),  # an Excel serial in a cell not formatted as a date
        (45296.75, date(2024, 1, 5)),
        (20240105.0, date(2024, 1, 5)),  # 20240105 typed as a number
        ("2024-01-05", date(2024, 1, 5)),
        ("2024/1/5", date(2024, 1, 5)),
        ("2024.1.5", date(2024, 1, 5)),
        ("2024年1月5日", date(2024, 1, 5)),
        ("２０２４年１月５日", date(2024, 1, 5)),
        ("20240105", date(2024, 1, 5)),
        ("2024-01-05 10:30:00", date(2024, 1, 5)),
        ("25/12/2024", date(2024, 12, 25)),  # day first: 25 cannot be a month
        ("12/25/2024", date(2024, 12, 25)),  # month first: 25 cannot be a month
        ("5/5/2024", date(2024, 5, 5)),
    ],
)
def test_dates_are_read_from_serials_datetimes_and_text(cell: object, day: date) -> None:
    assert clean_date(cell) == day


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        (datetime(2011, 10, 30, 16, 17), datetime(2011, 10, 30, 16, 17)),
        (date(2024, 1, 5), datetime(2024, 1, 5)),
        (45296.5, datetime(2024, 1, 5, 12, 0)),
        ("2024-01-05 09:05", datetime(2024, 1, 5, 9, 5)),
        ("2024-01-05T09:05:30", datetime(2024, 1, 5, 9, 5, 30)),
        ("2024年1月5日 9点30分", datetime(2024, 1, 5, 9, 30)),
        ("2024年1月5日 14：30", datetime(2024, 1, 5, 14, 30)),
    ],
)
def test_date_times_keep_the_time_written(cell: object, moment: datetime) -> None:
    assert clean_datetime(cell) == moment


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("明天", "'明天' is not a date."),
        ("2024-02-30", "'2024-02-30' is not a date."),
        ("45296", "'45296' is not a date."),  # a serial typed as text is not a date
        (time(10, 30), "'10:30:00' is not a date."),
        (True, "'TRUE' is not a date."),
        ("3/4/2024", "'3/4/2024' could be either of two dates; write it as 2024-01-31."),
    ],
)
def test_text_that_is_not_a_date_is_a_problem(cell: object, problem: str) -> None:
    assert message(clean_date(cell)) == problem


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        (12.5, Decimal("12.5")),
        (2.08, Decimal("2.08")),  # not 2.0800000000000000710542735760100185871124267578125
        (1234, Decimal(1234)),
        ("¥1,234.50", Decimal("1234.50")),
        ("￥1,234.50", Decimal("1234.50")),
        ("1，234元", Decimal(1234)),
        ("$ 99.90", Decimal("99.90")),
        ("RMB 12", Decimal(12)),
        ("12.00 元", Decimal("12.00")),
        ("1.5万", Decimal(15000)),
        ("-12", Decimal(-12)),
        ("−12", Decimal(-12)),  # the minus sign
        ("(12)", Decimal(-12)),  # accounting notation
        ("(¥1,200.00)", Decimal("-1200.00")),
        ("-¥12", Decimal(-12)),
        ("１２３", Decimal(123)),
    ],
)
def test_money_is_read_with_currency_signs_separators_and_negatives(
    cell: object, amount: Decimal
) -> None:
    assert clean_money(cell) == amount


@pytest.mark.parametrize("cell", ["12.3.4", "1,23", "about 12", "¥", "#DIV/0!", True])
def test_text_that_is_not_money_is_a_problem(cell: object) -> None:
    assert message(clean_money(cell)) == f"'{cell_text(cell)}' is not an amount of money."


def test_quantities_and_whole_numbers() -> None:
    assert clean_quantity(-6.0) == Decimal(-6)
    assert clean_quantity("3件") == Decimal(3)
    assert clean_quantity("12 pcs") == Decimal(12)
    assert clean_quantity("1.5") == Decimal("1.5")
    assert message(clean_quantity("several")) == "'several' is not a number."
    assert clean_integer("12") == 12
    assert clean_integer(12.0) == 12
    assert message(clean_integer(1.5)) == "'1.5' is not a whole number."


@pytest.mark.parametrize(
    ("cell", "answer"),
    [(True, True), (False, False), (1.0, True), (0, False), ("是", True), ("否", False),
     ("Yes", True), ("n", False), ("√", True), ("×", False)],
)  # fmt: skip
def test_yes_or_no(cell: object, answer: bool) -> None:
    assert clean_boolean(cell) is answer


def test_something_else_than_yes_or_no_is_a_problem() -> None:
    assert message(clean_boolean("maybe")) == "'maybe' is not yes or no."


@pytest.mark.parametrize(
    ("enum", "cell", "member"),
    [
        (CustomerKind, "企业", CustomerKind.COMPANY),
        (CustomerKind, "公司", CustomerKind.COMPANY),
        (CustomerKind, "单位", CustomerKind.COMPANY),
        (CustomerKind, " Person ", CustomerKind.PERSON),
        (CustomerKind, "个体", CustomerKind.PERSON),
        (CustomerLevel, "VIP客户", CustomerLevel.VIP),
        (CustomerLevel, "ｖｉｐ", CustomerLevel.VIP),
        (CustomerLevel, "重点", CustomerLevel.KEY),
        (LifecycleStage, "稳定期", LifecycleStage.STABILITY),
        (LifecycleStage, "decline", LifecycleStage.DECLINE),
    ],
)
def test_enumerations_are_read_from_labels_and_synonyms(
    enum: type[CustomerKind], cell: str, member: object
) -> None:
    assert clean_enum(enum, cell) is member


def test_an_unknown_enumeration_word_lists_the_choices() -> None:
    assert message(clean_enum(CustomerKind, "物业")) == (
        "'物业' is not one of: Company/企业, Person/个人."
    )


def test_each_field_gets_the_cleaner_of_its_kind() -> None:
    customers = ImportEntity.CUSTOMERS
    assert cleaner_for(field_of(customers, "phone"))(13812345678.0) == ["13812345678"]
    assert cleaner_for(field_of(customers, "kind"))("个人") is CustomerKind.PERSON
    assert cleaner_for(field_of(customers, "birthday"))("1990年5月1日") == date(1990, 5, 1)
    assert cleaner_for(field_of(ImportEntity.ORDERS, "unit_price"))("¥3.50") == Decimal("3.50")
    for entity, fields in FIELDS.items():
        for import_field in fields:
            assert cleaner_for(import_field)("") is None, (entity, import_field.key)
