"""What each kind of import can fill in, and the column headers that people use for it.

Headers are matched after folding (width, case, spacing, see `io/column_mapping.py`), so a
synonym is listed once in its usual spelling. A field that several columns may feed
(`repeatable`) combines them: a sheet with both 手机 and 座机 gives the customer two phone
numbers, and 需求 and 备注 both end up in the notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

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


class ImportEntity(StrEnum):
    CUSTOMERS = "customers"
    CONTACTS = "contacts"
    ORDERS = "orders"
    INTERACTIONS = "interactions"
    FOLLOW_UPS = "follow-ups"
    COMPLAINTS = "complaints"


class ValueKind(StrEnum):
    """What a cleaned cell holds (see `io/cleaning.py`)."""

    TEXT = "text"  # str
    PHONES = "phones"  # list[str] of stored phone forms, in the order written
    EMAIL = "email"  # str, lower case
    WECHAT = "wechat"  # str: a WeChat id or a mobile number
    DATE = "date"  # date
    DATETIME = "datetime"  # naive datetime: the wall-clock time written in the sheet
    MONEY = "money"  # Decimal
    QUANTITY = "quantity"  # Decimal, negative on returns
    INTEGER = "integer"  # int
    ENUM = "enum"  # a member of the field's enum
    BOOLEAN = "boolean"  # bool


@dataclass(frozen=True)
class ImportField:
    key: str
    label_en: str  # header of templates and of the error workbook
    label_zh: str
    kind: ValueKind
    synonyms: tuple[str, ...]  # header spellings, Chinese and English, besides the labels
    required: bool = False
    enum: type[StrEnum] | None = None  # for ValueKind.ENUM; names from domain/labels.py
    repeatable: bool = False  # several columns may feed it; their values are combined

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header that names this field: the two labels, then the synonyms."""
        return (self.label_zh, self.label_en, *self.synonyms)


def _text(key: str, en: str, zh: str, *synonyms: str, required: bool = False) -> ImportField:
    return ImportField(key, en, zh, ValueKind.TEXT, synonyms, required=required)


def _enum(key: str, en: str, zh: str, enum: type[StrEnum], *synonyms: str) -> ImportField:
    return ImportField(key, en, zh, ValueKind.ENUM, synonyms, enum=enum)


# Fields that several entities share.
_PHONE = ImportField(
    "phone",
    "Phone",
    "电话",
    ValueKind.PHONES,
    (
        "手机", "手机号", "手机号码", "联系电话", "联系手机", "联系方式", "电话号码", "移动电话",
        "座机", "固话", "固定电话", "办公电话", "Mobile", "Mobile Phone", "Cell", "Cell Phone",
        "Tel", "Telephone", "Phone Number", "Phone No",
    ),
    repeatable=True,
)  # fmt: skip
_EMAIL = ImportField(
    "email", "E-mail", "邮箱", ValueKind.EMAIL,
    ("电子邮箱", "电子邮件", "邮件", "邮箱地址", "Email", "Mail", "Email Address"),
)  # fmt: skip
_WECHAT = ImportField(
    "wechat", "WeChat", "微信", ValueKind.WECHAT, ("微信号", "WeChat ID", "Weixin", "WX")
)
_BIRTHDAY = ImportField(
    "birthday", "Birthday", "生日", ValueKind.DATE,
    ("出生日期", "出生年月日", "Date of Birth", "Birth Date", "DOB"),
)  # fmt: skip
_NOTES = ImportField(
    "notes", "Notes", "备注", ValueKind.TEXT,
    ("说明", "需求", "客户需求", "备注信息", "Note", "Remark", "Remarks", "Comment", "Comments",
     "Memo"),
    repeatable=True,
)  # fmt: skip
_CUSTOMER_REFERENCE = _text(
    "customer", "Customer", "客户",
    "客户名称", "客户编号", "客户编码", "所属客户", "公司", "公司名称", "单位", "单位名称",
    "Customer Name", "Customer Code", "CustomerID", "Customer ID", "Company", "Account", "Client",
    required=True,
)  # fmt: skip
_REP = _text(
    "rep", "Sales rep", "业务员",
    "销售", "销售员", "销售代表", "跟进人", "负责人", "客户经理", "Sales Rep", "Rep", "Salesperson",
    "Owner",
)  # fmt: skip
_CONTACT = _text("contact", "Contact", "联系人", "联系人姓名", "Contact Name", "Contact Person")

CUSTOMER_FIELDS: tuple[ImportField, ...] = (
    _text(
        "code", "Code", "客户编号",
        "客户编码", "客户代码", "客户号", "客户ID", "编号", "编码", "Customer Code", "Customer No",
        "CustomerID", "Customer ID", "ID",
    ),
    _text(
        "name", "Name", "客户名称",
        "客户名", "客户全称", "客户", "公司名称", "公司名", "公司", "企业名称", "企业", "名称",
        "门店名称", "门店", "店名", "店铺名称", "单位名称", "单位", "姓名", "Customer Name",
        "Customer", "Company", "Company Name", "Account", "Account Name", "Client", "Client Name",
        required=True,
    ),
    _enum(
        "kind", "Type", "客户类型", CustomerKind,
        "类型", "客户性质", "性质", "Customer Type", "Kind",
    ),
    _text("industry", "Industry", "行业", "所属行业", "行业类别", "Sector"),
    _enum(
        "source", "Source", "客户来源", SourceChannel,
        "来源", "来源渠道", "渠道", "获客渠道", "Lead Source", "Channel",
    ),
    _enum(
        "level", "Level", "客户等级", CustomerLevel,
        "等级", "级别", "客户级别", "Grade", "Tier", "Customer Level",
    ),
    _enum(
        "lifecycle_stage", "Lifecycle stage", "生命周期阶段", LifecycleStage,
        "生命周期", "阶段", "客户阶段", "Lifecycle", "Stage",
    ),
    _text(
        "owner", "Owner", "负责人",
        "业务员", "销售", "销售员", "销售代表", "跟进人", "客户经理", "归属人", "所属销售",
        "Sales Rep", "Sales", "Rep", "Salesperson", "Account Manager",
    ),
    _PHONE,
    _EMAIL,
    _WECHAT,
    _text("province", "Province", "省份", "省", "所在省份", "所在省", "State"),
    _text("city", "City", "城市", "市", "所在城市", "地区", "区域", "所在地区", "Region", "Area"),
    _text("district", "District", "区县", "区", "县", "所在区县", "County"),
    _text(
        "address", "Address", "地址",
        "详细地址", "联系地址", "公司地址", "通讯地址", "收货地址", "Street", "Street Address",
    ),
    _BIRTHDAY,
    _text("referred_by", "Referred by", "推荐人", "介绍人", "推荐客户", "Referrer", "Referral"),
    _NOTES,
    _text("tags", "Tags", "标签", "客户标签", "Tag", "Labels"),
    _text(
        "contact_name", "Contact", "联系人",
        "联系人姓名", "主要联系人", "Contact Name", "Contact Person", "Primary Contact",
    ),
)  # fmt: skip

CONTACT_FIELDS: tuple[ImportField, ...] = (
    _CUSTOMER_REFERENCE,
    _text(
        "name", "Name", "姓名",
        "联系人", "联系人姓名", "名字", "Contact", "Contact Name", "Full Name", required=True,
    ),
    _text("title", "Title", "职务", "职位", "头衔", "Job Title", "Position"),
    _PHONE,
    _EMAIL,
    _WECHAT,
    _BIRTHDAY,
    ImportField(
        "is_primary", "Primary", "主要联系人", ValueKind.BOOLEAN,
        ("是否主要联系人", "首要联系人", "Is Primary", "Main Contact", "Primary Contact"),
    ),
    _NOTES,
)  # fmt: skip

ORDER_FIELDS: tuple[ImportField, ...] = (
    _text(
        "order_number", "Order number", "订单号",
        "订单编号", "单号", "发票号", "Order No", "Order ID", "InvoiceNo", "Invoice",
        "Invoice No", "Invoice Number", required=True,
    ),
    _text(
        "customer", "Customer", "客户",
        "客户名称", "客户编号", "客户ID", "会员号", "会员", "CustomerID", "Customer ID",
        "Customer Name", "Customer Code", "Client",
    ),
    ImportField(
        "ordered_on", "Order date", "下单日期", ValueKind.DATE,
        ("日期", "订单日期", "下单时间", "购买日期", "成交日期", "InvoiceDate", "Invoice Date",
         "Order Date", "Date"),
        required=True,
    ),
    _text(
        "product", "Product", "产品",
        "商品", "品名", "产品名称", "商品名称", "货品", "Description", "Product Name", "Item",
        "Item Name", required=True,
    ),
    _text(
        "sku", "SKU", "货号",
        "StockCode", "Stock Code", "商品编码", "商品编号", "产品编码", "产品编号", "Item Code",
        "Product Code",
    ),
    ImportField(
        "quantity", "Quantity", "数量", ValueKind.QUANTITY, ("件数", "Qty"), required=True
    ),
    ImportField(
        "unit_price", "Unit price", "单价", ValueKind.MONEY,
        ("价格", "售价", "UnitPrice", "Price"),
    ),
    ImportField(
        "line_total", "Amount", "金额", ValueKind.MONEY,
        ("合计", "总价", "小计", "总金额", "Total", "Line Total"),
    ),
    _enum("status", "Status", "订单状态", OrderStatus, "状态", "付款状态"),
    ImportField(
        "payment_due_on", "Payment due", "付款期限", ValueKind.DATE,
        ("应付款日期", "Due Date", "Payment Due"),
    ),
    ImportField(
        "paid_on", "Paid on", "付款日期", ValueKind.DATE, ("支付日期", "Payment Date")
    ),
    _REP,
    _text("country", "Country", "国家", "国家/地区"),
    _NOTES,
)  # fmt: skip

INTERACTION_FIELDS: tuple[ImportField, ...] = (
    _CUSTOMER_REFERENCE,
    _enum(
        "kind", "Type", "沟通方式", InteractionKind,
        "方式", "跟进方式", "类型", "Kind", "Channel",
    ),
    ImportField(
        "occurred_at", "Time", "沟通时间", ValueKind.DATETIME,
        ("时间", "日期", "联系时间", "跟进时间", "Date", "Occurred At"),
        required=True,
    ),
    _text("summary", "Subject", "主题", "摘要", "事项", "标题", "Summary", "Title", required=True),
    _text("content", "Details", "沟通内容", "内容", "详情", "记录", "Content", "Notes"),
    _REP,
    _CONTACT,
)  # fmt: skip

FOLLOW_UP_FIELDS: tuple[ImportField, ...] = (
    _CUSTOMER_REFERENCE,
    _enum("kind", "Type", "回访类型", FollowUpKind, "类型", "方式", "Kind"),
    _text("title", "Title", "事项", "标题", "主题", "Subject", "Task", required=True),
    ImportField(
        "due_on", "Due", "回访日期", ValueKind.DATE,
        ("计划日期", "日期", "到期日", "截止日期", "Due Date", "Date"),
        required=True,
    ),
    _REP,
    _CONTACT,
    _NOTES,
    _text("recurrence", "Repeats", "重复", "周期", "Recurrence", "Repeat"),
)  # fmt: skip

COMPLAINT_FIELDS: tuple[ImportField, ...] = (
    _CUSTOMER_REFERENCE,
    _enum("category", "Category", "投诉类别", ComplaintCategory, "类别", "分类", "类型", "Type"),
    _enum(
        "severity", "Severity", "严重程度", ComplaintSeverity,
        "紧急程度", "等级", "级别", "Priority",
    ),
    _text("title", "Title", "投诉主题", "主题", "标题", "事由", "Subject", required=True),
    _text("description", "Description", "投诉内容", "描述", "内容", "详情", "Details"),
    ImportField(
        "received_at", "Received", "投诉时间", ValueKind.DATETIME,
        ("收到时间", "日期", "时间", "Received At", "Date"),
    ),
    _text("owner", "Owner", "处理人", "负责人", "Handler"),
    _CONTACT,
)  # fmt: skip

FIELDS: Mapping[ImportEntity, tuple[ImportField, ...]] = MappingProxyType(
    {
        ImportEntity.CUSTOMERS: CUSTOMER_FIELDS,
        ImportEntity.CONTACTS: CONTACT_FIELDS,
        ImportEntity.ORDERS: ORDER_FIELDS,
        ImportEntity.INTERACTIONS: INTERACTION_FIELDS,
        ImportEntity.FOLLOW_UPS: FOLLOW_UP_FIELDS,
        ImportEntity.COMPLAINTS: COMPLAINT_FIELDS,
    }
)

# Words people put in enumeration columns besides the labels of domain/labels.py.
ENUM_SYNONYMS: Mapping[type[StrEnum], Mapping[str, StrEnum]] = MappingProxyType(
    {
        CustomerKind: {
            "公司": CustomerKind.COMPANY,
            "单位": CustomerKind.COMPANY,
            "企业客户": CustomerKind.COMPANY,
            "公司客户": CustomerKind.COMPANY,
            "机构": CustomerKind.COMPANY,
            "个体": CustomerKind.PERSON,
            "个体户": CustomerKind.PERSON,
            "个人客户": CustomerKind.PERSON,
            "自然人": CustomerKind.PERSON,
        },
        CustomerLevel: {
            "重点": CustomerLevel.KEY,
            "重要": CustomerLevel.KEY,
            "重要客户": CustomerLevel.KEY,
            "普通": CustomerLevel.NORMAL,
            "一般": CustomerLevel.NORMAL,
            "一般客户": CustomerLevel.NORMAL,
            "潜在": CustomerLevel.POTENTIAL,
            "意向客户": CustomerLevel.POTENTIAL,
        },
        SourceChannel: {
            "推荐": SourceChannel.REFERRAL,
            "转介绍": SourceChannel.REFERRAL,
            "老客户介绍": SourceChannel.REFERRAL,
            "官网": SourceChannel.WEBSITE,
            "网络": SourceChannel.WEBSITE,
            "电销": SourceChannel.COLD_CALL,
            "电话": SourceChannel.COLD_CALL,
            "微信": SourceChannel.SOCIAL_MEDIA,
            "朋友圈": SourceChannel.SOCIAL_MEDIA,
            "抖音": SourceChannel.SOCIAL_MEDIA,
            "其它": SourceChannel.OTHER,
        },
        OrderStatus: {
            "待付款": OrderStatus.OPEN,
            "未支付": OrderStatus.OPEN,
            "已支付": OrderStatus.PAID,
            "已结清": OrderStatus.PAID,
            "取消": OrderStatus.CANCELLED,
            "作废": OrderStatus.CANCELLED,
        },
        InteractionKind: {
            "电话沟通": InteractionKind.CALL,
            "上门": InteractionKind.VISIT,
            "上门拜访": InteractionKind.VISIT,
            "走访": InteractionKind.VISIT,
            "email": InteractionKind.EMAIL,
            "邮箱": InteractionKind.EMAIL,
            "面谈": InteractionKind.MEETING,
            "见面": InteractionKind.MEETING,
            "其它": InteractionKind.OTHER,
        },
        FollowUpKind: {
            "电话回访": FollowUpKind.CALLBACK,
            "上门拜访": FollowUpKind.VISIT,
            "生日关怀": FollowUpKind.CARE,
            "节日关怀": FollowUpKind.CARE,
            "挽回": FollowUpKind.RESCUE,
            "其它": FollowUpKind.OTHER,
        },
        ComplaintCategory: {
            "质量": ComplaintCategory.PRODUCT_QUALITY,
            "物流": ComplaintCategory.DELIVERY,
            "配送": ComplaintCategory.DELIVERY,
            "发货": ComplaintCategory.DELIVERY,
            "服务": ComplaintCategory.SERVICE,
            "账务": ComplaintCategory.BILLING,
            "发票": ComplaintCategory.BILLING,
            "其它": ComplaintCategory.OTHER,
        },
        ComplaintSeverity: {
            "一般": ComplaintSeverity.MEDIUM,
            "严重": ComplaintSeverity.HIGH,
            "特急": ComplaintSeverity.CRITICAL,
            "非常紧急": ComplaintSeverity.CRITICAL,
        },
    }
)


def field_of(entity: ImportEntity, key: str) -> ImportField:
    """The field `key` of `entity`; KeyError when it has none."""
    for candidate in FIELDS[entity]:
        if candidate.key == key:
            return candidate
    raise KeyError(f"{entity.value} have no field {key!r}")
