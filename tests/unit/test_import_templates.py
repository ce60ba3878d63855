"""Import templates: what a person sees when they open one to fill it in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crmdesk.domain.enums import CustomerLevel, LifecycleStage
from crmdesk.domain.import_fields import FIELDS, ImportEntity, ValueKind, field_of
from crmdesk.domain.labels import Language, labels_of
from crmdesk.io.import_source import open_source
from crmdesk.io.import_templates import EXAMPLES
from crmdesk.services.templates import write_import_template


def open_template(tmp_path: Path, entity: ImportEntity, language: Language) -> Any:
    path = write_import_template(tmp_path / f"{entity}.xlsx", entity, language)
    return openpyxl.load_workbook(path)


def drop_downs(sheet: Any) -> dict[str, str]:
    """Header → the inline list of its column's drop-down."""
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        (cells,) = validation.sqref.ranges
        lists[headers[cells.coord.split(":")[0].rstrip("0123456789")]] = validation.formula1
    return lists


@pytest.mark.parametrize("entity", list(ImportEntity))
def test_headers_are_the_chinese_field_labels_with_an_example_row(
    tmp_path: Path, entity: ImportEntity
) -> None:
    workbook = open_template(tmp_path, entity, Language.CHINESE)
    sheet = workbook.worksheets[0]
    fields = FIELDS[entity]

    assert [cell.value for cell in sheet[1]] == [field.label_zh for field in fields]
    assert sheet.freeze_panes == "A2"
    example = {field.key: cell.value for field, cell in zip(fields, sheet[2], strict=True)}
    assert all(example[field.key] not in (None, "") for field in fields if field.required)
    assert sheet.max_row == 2
    assert set(EXAMPLES[entity]) <= {field.key for field in fields}


def test_enumeration_columns_offer_the_chinese_labels(tmp_path: Path) -> None:
    sheet = open_template(tmp_path, ImportEntity.CUSTOMERS, Language.CHINESE).worksheets[0]
    lists = drop_downs(sheet)

    assert lists["客户等级"] == '"VIP客户,重点客户,普通客户,潜在客户"'
    assert (
        lists["生命周期阶段"]
        == '"'
        + ",".join(name for _stage, name in labels_of(LifecycleStage, Language.CHINESE))
        + '"'
    )
    enum_headers = {f.label_zh for f in FIELDS[ImportEntity.CUSTOMERS] if f.kind is ValueKind.ENUM}
    assert set(lists) == enum_headers
    (level_cells,) = next(
        v for v in sheet.data_validations.dataValidation if "VIP" in v.formula1
    ).sqref.ranges
    assert level_cells.coord.endswith("2:F10001")
    assert sheet["F2"].value in {name for _l, name in labels_of(CustomerLevel, Language.CHINESE)}


def test_yes_no_columns_offer_yes_and_no(tmp_path: Path) -> None:
    sheet = open_template(tmp_path, ImportEntity.CONTACTS, Language.CHINESE).worksheets[0]

    assert drop_downs(sheet)["主要联系人"] == '"是,否"'


def test_english_template(tmp_path: Path) -> None:
    sheet = open_template(tmp_path, ImportEntity.COMPLAINTS, Language.ENGLISH).worksheets[0]

    assert sheet.title == "Complaints"
    assert sheet["A1"].value == "Customer"
    assert drop_downs(sheet)["Severity"] == '"Low,Medium,High,Critical"'


def test_typed_columns_keep_phone_numbers_as_text_and_dates_as_dates(tmp_path: Path) -> None:
    sheet = open_template(tmp_path, ImportEntity.CONTACTS, Language.CHINESE).worksheets[0]
    column = {cell.value: cell.column_letter for cell in sheet[1]}

    assert sheet.column_dimensions[column["电话"]].number_format == "@"
    birthday = sheet[f"{column['生日']}2"]
    assert birthday.is_date and birthday.number_format == "yyyy-mm-dd"


def test_instructions_in_both_languages_name_every_field(tmp_path: Path) -> None:
    workbook = open_template(tmp_path, ImportEntity.ORDERS, Language.CHINESE)
    assert workbook.sheetnames == ["订单", "填写说明"]
    text = "\n".join(
        str(value)
        for row in workbook["填写说明"].iter_rows(values_only=True)
        for value in row
        if value is not None
    )

    assert "第二行是示例" in text and "Row 2 is an example" in text
    for field in FIELDS[ImportEntity.ORDERS]:
        assert field.label_zh in text and field.label_en in text
    assert "未付款、已付款、已取消" in text and "Open, Paid, Cancelled" in text
    assert field_of(ImportEntity.ORDERS, "order_number").required
    assert "是 / Yes" in text  # the required mark


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("entity", list(ImportEntity))
def test_the_import_reads_a_template_back_without_problems(
    tmp_path: Path, entity: ImportEntity, language: Language
) -> None:
    path = write_import_template(tmp_path / "template.xlsx", entity, language)

    source = open_source(path, entity)

    assert set(source.mapping.columns.values()) == {field.key for field in FIELDS[entity]}
    (example,) = source.rows()
    assert example.number == 2 and dict(example.problems) == {}
