"""The customer list's columns, shared by the table on screen and the exported workbook."""

from __future__ import annotations

from crmdesk.domain.customers import CustomerSort, CustomerSummary
from crmdesk.domain.list_columns import CellKind, ListColumn

Column = ListColumn[CustomerSummary]

CUSTOMER_COLUMNS: tuple[Column, ...] = (
    Column("code", "Code", "编号", CellKind.TEXT, lambda c: c.code, CustomerSort.CODE),
    Column("name", "Customer name", "客户名称", CellKind.TEXT, lambda c: c.name, CustomerSort.NAME),
    Column("kind", "Type", "类型", CellKind.LABEL, lambda c: c.kind, CustomerSort.KIND),
    Column("level", "Level", "等级", CellKind.LABEL, lambda c: c.level, CustomerSort.LEVEL),
    Column(
        "lifecycle_stage",
        "Lifecycle stage",
        "生命周期",
        CellKind.LABEL,
        lambda c: c.lifecycle_stage,
        CustomerSort.STAGE,
    ),
    Column(
        "segment",
        "Value segment",
        "价值分群",
        CellKind.LABEL,
        lambda c: c.segment,
        CustomerSort.SEGMENT,
    ),
    Column("owner", "Owner", "负责人", CellKind.TEXT, lambda c: c.owner_name, CustomerSort.OWNER),
    Column("phone", "Phone", "电话", CellKind.TEXT, lambda c: c.phone, CustomerSort.PHONE),
    Column("email", "E-mail", "邮箱", CellKind.TEXT, lambda c: c.email, CustomerSort.EMAIL),
    # The list sorts by province and city together; either header orders by both.
    Column(
        "province", "Province", "省份", CellKind.TEXT, lambda c: c.province, CustomerSort.LOCATION
    ),
    Column("city", "City", "城市", CellKind.TEXT, lambda c: c.city, CustomerSort.LOCATION),
    Column(
        "primary_contact",
        "Contact",
        "联系人",
        CellKind.TEXT,
        lambda c: c.primary_contact_name,
        CustomerSort.CONTACT,
    ),
    Column("tags", "Tags", "标签", CellKind.TEXT_LIST, lambda c: c.tag_names, CustomerSort.TAGS),
    Column(
        "created",
        "Created",
        "创建时间",
        CellKind.DATETIME,
        lambda c: c.created_at,
        CustomerSort.CREATED,
    ),
    Column(
        "updated",
        "Updated",
        "更新时间",
        CellKind.DATETIME,
        lambda c: c.updated_at,
        CustomerSort.UPDATED,
    ),
)
