"""Columns mapped to fields from the headers people write, corrected, saved and reused."""

from __future__ import annotations

import pytest

from crmdesk.domain.import_errors import InvalidMappingError
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.io.column_mapping import (
    ColumnMapping,
    auto_mapping,
    check_mapping,
    match_header,
    missing_required,
)
from crmdesk.io.header_row import find_header_row

CUSTOMERS = ImportEntity.CUSTOMERS


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("客户名称", "name"), ("公司名称", "name"), ("门店名称", "name"), ("单位名称", "name"),
        ("Customer Name", "name"), ("COMPANY", "name"), ("客户名称（必填）", "name"),
        ("*客户名称", "name"), ("客户名称:", "name"),
        ("电话", "phone"), ("手机号", "phone"), ("联系电话", "phone"), ("Mobile", "phone"),
        ("Tel.", "phone"), ("电话2", "phone"), ("联系人电话", "phone"), ("Company Phone", "phone"),
        ("手机号码(选填)", "phone"),
        ("负责人", "owner"), ("业务员", "owner"), ("销售代表", "owner"), ("Sales Rep", "owner"),
        ("省", "province"), ("省份", "province"), ("城市", "city"), ("地区", "city"),
        ("区县", "district"), ("详细地址", "address"), ("E-mail", "email"), ("电子邮件", "email"),
        ("微信号", "wechat"), ("客户类型", "kind"), ("客户等级", "level"), ("客户来源", "source"),
        ("出生日期", "birthday"), ("需求", "notes"), ("标签", "tags"), ("联系人", "contact_name"),
        ("ｅｍａｉｌ", "email"), ("客户编号", "code"), ("所属行业", "industry"),
    ],
)  # fmt: skip
def test_customer_headers(header: str, key: str) -> None:
    match = match_header(header, CUSTOMERS)
    assert match is not None, header
    assert match.field.key == key


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("InvoiceNo", "order_number"), ("订单号", "order_number"), ("单号", "order_number"),
        ("StockCode", "sku"), ("货号", "sku"), ("Description", "product"), ("品名", "product"),
        ("Quantity", "quantity"), ("数量", "quantity"), ("UnitPrice", "unit_price"),
        ("单价(元)", "unit_price"), ("金额", "line_total"), ("合计", "line_total"),
        ("InvoiceDate", "ordered_on"), ("下单日期", "ordered_on"), ("CustomerID", "customer"),
        ("Country", "country"), ("国家", "country"),
    ],
)  # fmt: skip
def test_order_line_headers(header: str, key: str) -> None:
    match = match_header(header, ImportEntity.ORDERS)
    assert match is not None, header
    assert match.field.key == key


@pytest.mark.parametrize("header", ["产品名称", "商品名称", "序号", "", "  ", "2024"])
def test_headers_that_name_no_customer_field(header: str) -> None:
    # 产品名称 names an order's product: it is not a customer's name for holding 名称.
    assert match_header(header, CUSTOMERS) is None


def test_auto_mapping_gives_each_field_one_column_except_phones_and_notes() -> None:
    headers = ["序号", "客户全称", "客户名称", "手机", "座机", "需求", "备注", "城市", "所在地区"]
    mapping = auto_mapping(headers, CUSTOMERS)
    assert dict(mapping.columns) == {
        1: "name", 3: "phone", 4: "phone", 5: "notes", 6: "notes", 7: "city",
    }  # fmt: skip


def test_an_exact_header_wins_over_a_longer_one_ending_in_a_field_name() -> None:
    mapping = auto_mapping(["客户联系人姓名", "联系人"], CUSTOMERS)
    assert dict(mapping.columns) == {1: "contact_name"}


def test_a_saved_mapping_follows_its_columns_to_their_new_places() -> None:
    headers = ["客户名称", "电话", "电话", "城市", "其他"]
    mapping = ColumnMapping({0: "name", 1: "phone", 2: "phone", 3: "province"})
    saved = mapping.to_json(headers)

    reordered = ["城市", "其他", "电话", "客户名称 ", "电话", "新列"]
    assert dict(ColumnMapping.from_json(saved, reordered).columns) == {
        0: "province", 2: "phone", 3: "name", 4: "phone",
    }  # fmt: skip
    # Columns the saved mapping knew that are gone are simply not mapped.
    assert dict(ColumnMapping.from_json(saved, ["城市"]).columns) == {0: "province"}


@pytest.mark.parametrize(
    "text", ["", "not json", "[]", '{"format": "other"}', '{"format": "crmdesk column mapping"}',
             '{"format": "crmdesk column mapping", "columns": [{"header": 1, "field": "x"}]}'],
)  # fmt: skip
def test_a_file_that_is_not_a_saved_mapping_is_refused(text: str) -> None:
    with pytest.raises(InvalidMappingError, match="not a column mapping saved by crmdesk"):
        ColumnMapping.from_json(text, ["客户名称"])


def test_editing_and_checking_a_mapping() -> None:
    mapping = ColumnMapping({2: "phone", 0: "name"})
    assert list(mapping.columns) == [0, 2]
    assert dict(mapping.with_column(1, "city").columns) == {0: "name", 1: "city", 2: "phone"}
    assert dict(mapping.with_column(0, None).columns) == {2: "phone"}
    assert missing_required(mapping.with_column(0, None), CUSTOMERS)[0].key == "name"
    assert missing_required(mapping, CUSTOMERS) == ()
    check_mapping(mapping.with_column(1, "phone"), CUSTOMERS)
    with pytest.raises(InvalidMappingError, match="Several columns are mapped to 'Name'"):
        check_mapping(mapping.with_column(1, "name"), CUSTOMERS)
    with pytest.raises(InvalidMappingError, match="field 'sku' that customers do not have"):
        check_mapping(mapping.with_column(1, "sku"), CUSTOMERS)


def test_the_header_row_is_the_one_naming_most_fields() -> None:
    rows = [
        ["客户信息表", "", ""],
        ["", "", ""],
        ["说明：带*为必填", "", ""],
        ["*客户名称", "手机", "地址"],
        ["某某公司", "13812345678", "上海市"],
    ]
    found = find_header_row(rows, CUSTOMERS)
    assert found is not None
    assert (found.index, found.headers, found.known) == (3, ("*客户名称", "手机", "地址"), 3)


def test_without_known_names_the_first_row_of_labels_is_the_header() -> None:
    rows = [["", ""], ["Alpha", "Beta"], ["1", "2"], ["x", "y"]]
    found = find_header_row(rows, CUSTOMERS)
    assert found is not None and found.index == 1
    assert find_header_row([["", ""], []], CUSTOMERS) is None
