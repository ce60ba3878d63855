"""Import templates: a workbook per kind of record with the headers the import reads, an
example row, drop-down lists for fixed values and an instructions sheet in Chinese and
English.

A template is small, so it is built in memory (drop-down lists need openpyxl's ordinary
workbook; the streaming one cannot hold them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    SourceChannel,
)
from crmdesk.domain.import_fields import FIELDS, ImportEntity, ImportField, ValueKind
from crmdesk.domain.labels import Language, label, labels_of
from crmdesk.io.xlsx_writer import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    MONEY_FORMAT,
    fitting_width,
    save_atomically,
    style_header,
    text_width,
)

# Drop-down lists and formats reach this many rows below the header.
TEMPLATE_ROWS = 10_000
_REQUIRED_FONT = Font(bold=True, color="FFC00000")
_EXAMPLE_FONT = Font(italic=True, color="FF808080")
_TITLE_FONT = Font(bold=True, size=14)
# An inline list (`"a,b,c"`) is limited to 255 characters and cannot hold a comma.
_INLINE_LIST_MAX = 255

Bilingual = tuple[str, str]  # (中文, English)
Example = str | Bilingual | date | datetime | Decimal | bool | StrEnum

_SHEET_TITLES: Mapping[ImportEntity, Bilingual] = MappingProxyType(
    {
        ImportEntity.CUSTOMERS: ("客户", "Customers"),
        ImportEntity.CONTACTS: ("联系人", "Contacts"),
        ImportEntity.ORDERS: ("订单", "Orders"),
        ImportEntity.INTERACTIONS: ("沟通记录", "Interactions"),
        ImportEntity.FOLLOW_UPS: ("回访计划", "Follow-ups"),
        ImportEntity.COMPLAINTS: ("投诉", "Complaints"),
    }
)
_INSTRUCTIONS_TITLE: Bilingual = ("填写说明", "Instructions")
_BOOLEAN_LABELS: Mapping[bool, Bilingual] = MappingProxyType(
    {True: ("是", "Yes"), False: ("否", "No")}
)

_COMPANY: Bilingual = ("上海明辉贸易有限公司", "Minghui Trading Co., Ltd.")
_REP: Bilingual = ("张伟", "Zhang Wei")
_CONTACT: Bilingual = ("李娜", "Li Na")

EXAMPLES: Mapping[ImportEntity, Mapping[str, Example]] = MappingProxyType(
    {
        ImportEntity.CUSTOMERS: {
            "code": "KH-0001",
            "name": _COMPANY,
            "kind": CustomerKind.COMPANY,
            "industry": ("办公设备", "Office equipment"),
            "source": SourceChannel.REFERRAL,
            "level": CustomerLevel.KEY,
            "lifecycle_stage": LifecycleStage.FORMATION,
            "owner": _REP,
            "phone": "13800138000, 021-62345678",
            "email": "info@minghui.example.com",
            "wechat": "minghui_trade",
            "province": ("上海市", "Shanghai"),
            "city": ("上海市", "Shanghai"),
            "district": ("徐汇区", "Xuhui"),
            "address": ("漕溪北路88号", "88 Caoxi North Road"),
            "notes": ("每月初补货", "Restocks early each month"),
            "tags": ("老客户、批发", "regular, wholesale"),
            "contact_name": _CONTACT,
        },
        ImportEntity.CONTACTS: {
            "customer": _COMPANY,
            "name": _CONTACT,
            "title": ("采购经理", "Purchasing manager"),
            "phone": "13912345678",
            "email": "lina@minghui.example.com",
            "wechat": "lina_mh",
            "birthday": date(1988, 3, 8),
            "is_primary": True,
            "notes": ("周一上午不方便接电话", "Busy on Monday mornings"),
        },
        ImportEntity.ORDERS: {
            "order_number": "SO-20240105-01",
            "customer": _COMPANY,
            "ordered_on": date(2024, 1, 5),
            "product": ("A4复印纸 70g", "A4 copy paper 70 g"),
            "sku": "P-A4-70",
            "quantity": Decimal(20),
            "unit_price": Decimal("23.50"),
            "line_total": Decimal("470.00"),
            "status": OrderStatus.PAID,
            "payment_due_on": date(2024, 2, 5),
            "paid_on": date(2024, 1, 20),
            "rep": _REP,
            "country": ("中国", "China"),
        },
        ImportEntity.INTERACTIONS: {
            "customer": _COMPANY,
            "kind": InteractionKind.CALL,
            "occurred_at": datetime(2024, 1, 5, 14, 30),
            "summary": ("询问新品报价", "Asked for a quote on new models"),
            "content": ("客户计划二月采购20台", "Plans to buy 20 units in February"),
            "rep": _REP,
            "contact": _CONTACT,
        },
        ImportEntity.FOLLOW_UPS: {
            "customer": _COMPANY,
            "kind": FollowUpKind.CALLBACK,
            "title": ("回访新品试用情况", "Ask how the trial went"),
            "due_on": date(2024, 1, 12),
            "rep": _REP,
            "contact": _CONTACT,
            "recurrence": "FREQ=MONTHLY;INTERVAL=1",
        },
        ImportEntity.COMPLAINTS: {
            "customer": _COMPANY,
            "category": ComplaintCategory.DELIVERY,
            "severity": ComplaintSeverity.HIGH,
            "title": ("送货延误三天", "Delivery three days late"),
            "description": (
                "订单SO-20240105-01晚到三天",
                "Order SO-20240105-01 came three days late",
            ),
            "received_at": datetime(2024, 1, 8, 9, 15),
            "owner": _REP,
            "contact": _CONTACT,
        },
    }
)

_KIND_NOTES: Mapping[ValueKind, Bilingual] = MappingProxyType(
    {
        ValueKind.TEXT: ("文本", "Text"),
        ValueKind.PHONES: (
            "电话号码，多个号码用逗号、斜杠或空格分开",
            "Phone numbers; separate several with commas, slashes or spaces",
        ),
        ValueKind.EMAIL: ("邮箱地址", "An e-mail address"),
        ValueKind.WECHAT: ("微信号或手机号", "A WeChat id or a mobile number"),
        ValueKind.DATE: ("日期，例如 2024-01-05", "A date, such as 2024-01-05"),
        ValueKind.DATETIME: (
            "日期和时间，例如 2024-01-05 14:30",
            "A date and time, such as 2024-01-05 14:30",
        ),
        ValueKind.MONEY: ("金额，只写数字，例如 1234.50", "An amount, as a number: 1234.50"),
        ValueKind.QUANTITY: ("数量，退货写负数", "A quantity; negative for returns"),
        ValueKind.INTEGER: ("整数", "A whole number"),
        ValueKind.ENUM: ("从下拉列表中选择", "Pick from the drop-down list"),
        ValueKind.BOOLEAN: ("是 或 否", "Yes or No"),
    }
)

_GENERAL_NOTES: tuple[Bilingual, ...] = (
    (
        "每行填写一条记录，请不要修改第一行的表头。",
        "One record per row; keep the header row as it is.",
    ),
    ("第二行是示例，导入前请删除。", "Row 2 is an example: delete it before importing."),
    ("红色表头的列必须填写。", "Columns with a red header must be filled in."),
    (
        "固定取值的列请从下拉列表中选择。",
        "For columns with fixed values, pick from the drop-down list.",
    ),
    (
        "日期写成 2024-01-05，金额只写数字。",
        "Write dates as 2024-01-05 and amounts as plain numbers.",
    ),
)


def write_template(path: Path, entity: ImportEntity, language: Language) -> None:
    """Write the import template of `entity` to `path`, headers in `language`."""
    fields = FIELDS[entity]
    workbook = Workbook()
    _fill_data_sheet(workbook.active, entity, fields, language)
    _fill_instructions(workbook.create_sheet(_in(_INSTRUCTIONS_TITLE, language)), fields)
    save_atomically(workbook, path)


def _fill_data_sheet(
    sheet: Any, entity: ImportEntity, fields: Sequence[ImportField], language: Language
) -> None:
    sheet.title = _in(_SHEET_TITLES[entity], language)
    examples = EXAMPLES[entity]
    for index, field in enumerate(fields, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=_header(field, language))
        style_header(header)
        if field.required:
            header.font = _REQUIRED_FONT
        example = _example_value(examples.get(field.key), language)
        cell = sheet.cell(row=2, column=index, value=example)
        cell.font = _EXAMPLE_FONT
        number_format = _number_format(field.kind)
        cell.number_format = number_format
        # The column's format applies to what people type later: a phone number typed
        # into a text column keeps its leading zero and never becomes 1.38E+10.
        sheet.column_dimensions[letter].number_format = number_format
        sheet.column_dimensions[letter].width = fitting_width(
            header.value, text_width(str(example)) if example is not None else 0
        )
        choices = _choices(field, language)
        if choices:
            sheet.add_data_validation(_drop_down(choices, f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"))
    sheet.freeze_panes = "A2"


def _header(field: ImportField, language: Language) -> str:
    return field.label_zh if language is Language.CHINESE else field.label_en


def _choices(field: ImportField, language: Language) -> list[str]:
    if field.kind is ValueKind.ENUM and field.enum is not None:
        return [name for _member, name in labels_of(field.enum, language)]
    if field.kind is ValueKind.BOOLEAN:
        return [_in(_BOOLEAN_LABELS[True], language), _in(_BOOLEAN_LABELS[False], language)]
    return []


def _drop_down(choices: Sequence[str], cells: str) -> Any:
    listed = ",".join(choices)
    if len(listed) + 2 > _INLINE_LIST_MAX or any("," in choice for choice in choices):
        raise ValueError(f"cannot list {choices!r} inline in a drop-down")
    validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    # A warning, not a stop: the import also reads stored values and other spellings.
    validation.errorStyle = "warning"
    validation.showErrorMessage = True
    validation.add(cells)
    return validation


def _number_format(kind: ValueKind) -> str:
    if kind is ValueKind.DATE:
        return DATE_FORMAT
    if kind is ValueKind.DATETIME:
        return DATETIME_FORMAT
    if kind is ValueKind.MONEY:
        return MONEY_FORMAT
    if kind in (ValueKind.QUANTITY, ValueKind.INTEGER):
        return "General"
    return "@"  # text: typed digits stay as written


def _example_value(example: Example | None, language: Language) -> object:
    if isinstance(example, StrEnum):
        return label(example, language)
    if isinstance(example, bool):
        return _in(_BOOLEAN_LABELS[example], language)
    if isinstance(example, tuple):
        return _in(example, language)
    return example


def _fill_instructions(sheet: Any, fields: Sequence[ImportField]) -> None:
    """Both languages on one sheet, whatever the headers' language."""
    sheet.append(["导入说明 / Import instructions"])
    sheet["A1"].font = _TITLE_FONT
    for number, (chinese, english) in enumerate(_GENERAL_NOTES, start=1):
        sheet.append([f"{number}. {chinese}", english])
    sheet.append([])
    sheet.append(["表头", "Header", "必填 / Required", "填写要求", "What to write"])
    for cell in sheet[sheet.max_row]:
        style_header(cell)
    for field in fields:
        chinese, english = _KIND_NOTES[field.kind]
        if field.enum is not None:
            chinese += "：" + "、".join(
                name for _m, name in labels_of(field.enum, Language.CHINESE)
            )
            english += ": " + ", ".join(
                name for _m, name in labels_of(field.enum, Language.ENGLISH)
            )
        sheet.append(
            [field.label_zh, field.label_en, "是 / Yes" if field.required else "", chinese, english]
        )
    for letter, width in zip("ABCDE", (28, 24, 16, 48, 56), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _in(text: Bilingual, language: Language) -> str:
    chinese, english = text
    return chinese if language is Language.CHINESE else english
