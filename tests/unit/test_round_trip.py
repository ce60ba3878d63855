"""Export then import into an empty database gives the same customers and orders back.

The archive export (`export_customer_archive`) writes every field the customer import
reads, under the import's own headers; importing the file into a freshly migrated
database must bring back every field of every customer. Ids, versions and timestamps
are the new database's own; owners and referrers are compared by what a person sees
(the rep's name, the referrer's code and name) since their ids differ too.

The order-line export (`export_order_lines`) writes one row per order line under the
order import's headers; importing it into a database that has the same customers (the
archive imported first) must bring back every order and every line.

The sales reps are not part of a customer export: the import finds owners by name among
the reps the database already has. So the empty database is given reps of the same names
first, as an office setting up a new file would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from itertools import cycle
from pathlib import Path

import pytest
from factories import add_rep

from crmdesk.db.engine import Database, open_database
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerSummary
from crmdesk.domain.enums import (
    CustomerKind,
    CustomerLevel,
    LifecycleStage,
    OrderStatus,
    SourceChannel,
)
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, ImportResult
from crmdesk.domain.labels import Language
from crmdesk.domain.orders import OrderDraft, OrderFilter, OrderLineDraft
from crmdesk.domain.paging import PageRequest
from crmdesk.io.import_source import open_source
from crmdesk.paths import sqlite_url
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService
from crmdesk.services.exporting import export_customer_archive, export_order_lines
from crmdesk.services.importing import run_import
from crmdesk.services.orders import OrderService
from crmdesk.services.reps import RepService

REPS = ("王经理", "Alice Smith")
# Fields that belong to one database rather than to the customer.
NOT_COMPARED = frozenset(
    {"id", "owner_id", "referred_by_id", "version", "created_at", "updated_at"}
)
# Fields the customer import has no column for, so that no export can carry them (see
# the report on issue 4): whether a person chose the lifecycle stage (the import marks
# every stage it is given as chosen), and custom fields.
NOT_IMPORTABLE = frozenset({"stage_pinned", "custom_fields"})

Customer = dict[str, object]


@pytest.fixture
def target(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database with reps of the same names as the source's."""
    path = tmp_path / "target.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(sqlite_url(path))
    for name in REPS:
        add_rep(database, name)
    yield database
    database.dispose()


def fill(database: Database) -> None:
    """Customers that between them use every enumeration value and leave every optional
    field both filled and empty; referrals go both ways through the file's order."""
    reps = [add_rep(database, name) for name in REPS]
    service = CustomerService(database)
    contacts = ContactService(database)
    enum_values = zip(
        cycle(CustomerKind),
        cycle([*SourceChannel, None]),
        cycle(CustomerLevel),
        cycle(LifecycleStage),
        range(max(map(len, (CustomerKind, SourceChannel, CustomerLevel, LifecycleStage))) + 1),
        strict=False,
    )
    drafts = [
        CustomerDraft(
            name=name,
            code=f"KH-{number:03d}",
            kind=kind,
            source=source,
            level=level,
            lifecycle_stage=stage,
            stage_pinned=True,
        )
        for (kind, source, level, stage, number), name in zip(
            enum_values,
            [
                "杭州西湖贸易（集团）有限公司",
                "Acme Trading Ltd.",
                '=HYPERLINK("http://evil.example","x")',
                "-王小明-",
                "+86 Shop",
                "@Home 家居",
                "李四",
                "Zoë Müller",
            ],
            strict=False,
        )
    ]
    full = {
        "industry": "零售",
        "owner_id": reps[0],
        "phone": "13800138000",
        "phone_alt": "021-12345678",
        "email": "buyer@example.com",
        "wechat": "wx_buyer01",
        "province": "浙江省",
        "city": "杭州市",
        "district": "西湖区",
        "address": "文三路 100 号 5 楼",
        "birthday": date(1985, 2, 28),
        "notes": "第一行\n第二行：要开专票\n- a line starting with a dash",
    }
    created = []
    for number, draft in enumerate(drafts):
        extra: dict[str, object] = {}
        if number == 0:
            extra = full
        elif number == 1:
            extra = {
                "owner_id": reps[1],
                "phone": "400-123-4567",
                "email": "sales@acme.example",
                "city": "Shanghai",
                "birthday": date(2000, 1, 1),
                "notes": "Only one line",
            }
        elif number == 2:
            extra = {"phone": "0755-1234567", "phone_alt": "13912345678", "industry": "IT"}
        created.append(service.create(replace(draft, **extra)))
    # Referred by a customer before it in the file, and by one after it.
    for referred, referrer in ((3, 0), (1, 4)):
        record = service.get(created[referred].id)
        draft = replace(record.to_draft(), referred_by_id=created[referrer].id)
        service.update(record.id, draft, record.version)
    for number, tags in ((0, ("VIP", "老客户", "要发票")), (1, ("VIP",)), (5, ("Wholesale",))):
        for tag in tags:
            service.add_tag(created[number].id, tag)
    contacts.create(created[0].id, ContactDraft("张经理"))
    contacts.create(created[1].id, ContactDraft("John O'Neil"))
    contacts.create(created[1].id, ContactDraft("Not the primary one"))


def customers_of(database: Database) -> dict[str, Customer]:
    """Every customer by code: each field of its record, tags by name, and the name of
    its primary contact and the code of its referrer."""
    service = CustomerService(database)
    contacts = ContactService(database)
    found: dict[str, Customer] = {}
    with service.iter_rows(CustomerFilter()) as stream:
        ids = [row.id for row in stream.rows]
    for customer_id in ids:
        record = service.get(customer_id)
        values: Customer = {
            f.name: getattr(record, f.name)
            for f in fields(record)
            if f.name not in NOT_COMPARED | NOT_IMPORTABLE
        }
        values["tags"] = tuple(tag.name for tag in record.tags)
        values["referred_by_code"] = (
            service.get(record.referred_by_id).code if record.referred_by_id else None
        )
        values["primary_contact"] = next(
            (c.name for c in contacts.list_for_customer(customer_id) if c.is_primary), None
        )
        found[record.code] = values
    return found


@pytest.mark.parametrize("language", list(Language))
def test_export_then_import_into_an_empty_database_gives_every_field_back(
    database: Database, target: Database, tmp_path: Path, language: Language
) -> None:
    fill(database)
    path = tmp_path / "客户档案.xlsx"
    original = customers_of(database)

    summary = export_customer_archive(database, path, language)
    # One import: referrers that are rows of the same file (before or after the row
    # that names them) are found there.
    result = import_customers(target, path)

    assert summary.rows == len(original)
    assert [dict(o.problems) for o in result.outcomes if o.problems] == []
    assert result.counts.created == len(original)
    assert customers_of(target) == original


def import_customers(database: Database, path: Path) -> ImportResult:
    """Import the customers of `path`, skipping those the database has already."""
    return import_file(database, path, ImportEntity.CUSTOMERS)


def import_file(database: Database, path: Path, entity: ImportEntity) -> ImportResult:
    return run_import(database, open_source(path, entity), ImportOptions(entity))


# --- orders ---------------------------------------------------------------------------------

Order = dict[str, object]
# Fields of an order or a line that belong to one database rather than to the order.
NOT_COMPARED_IN_ORDERS = frozenset(
    {"id", "version", "customer_id", "rep_id", "created_at", "updated_at", "lines"}
)


def fill_orders(database: Database) -> None:
    """Orders of the customers of `fill`: several lines each, a discount on a sale and
    on a return, a return line inside a sale, a whole cancellation, paid and unpaid,
    every status, with and without a rep, due date and notes."""
    fill(database)
    customers = {c.code: c.id for c in _customers(database)}
    rep = next(r.id for r in RepService(database).list() if r.name == REPS[1])
    service = OrderService(database)
    line = OrderLineDraft
    drafts = [
        OrderDraft(
            customers["KH-000"],
            date(2024, 1, 5),
            (
                line("保温杯 500ml", 3, Decimal("59.90"), product_code="SKU-001"),
                line("=SUM(A1:A2) gift box", 1, Decimal("120.00"), Decimal("20.00")),
                line("Returned mug", -2, Decimal("15.50"), Decimal("-1.50"), "SKU-7"),
            ),
            status=OrderStatus.PAID,
            payment_due_on=date(2024, 2, 5),
            paid_on=date(2024, 1, 20),
            notes="送货上门\n- 周末不收货",
        ),
        OrderDraft(
            customers["KH-001"],
            date(2025, 12, 31),
            (line("Tea set", 10, Decimal("0.01")), line("Tea set", 1, Decimal("9999.99"))),
            rep_id=rep,
            status=OrderStatus.OPEN,
            payment_due_on=date(2026, 1, 31),
        ),
        OrderDraft(
            customers["KH-003"],
            date(2024, 6, 1),
            (line("Refund of order 1", -1, Decimal("88.00"), product_code="R-1"),),
            status=OrderStatus.CANCELLED,
        ),
        *(
            OrderDraft(
                customers["KH-002"],
                date(2024, 3, day),
                (line("样品", 1, Decimal(day)),),
                status=status,
                paid_on=date(2024, 4, 1) if status is OrderStatus.PAID else None,
            )
            for day, status in enumerate(OrderStatus, start=1)
        ),
    ]
    for draft in drafts:
        service.create(draft)


def orders_of(database: Database) -> dict[str, Order]:
    """Every order by number: its fields, its customer's code, its rep's name and its
    lines' fields."""
    codes = {c.id: c.code for c in _customers(database)}
    reps = {r.id: r.name for r in RepService(database).list(include_inactive=True)}
    page = OrderService(database).list(OrderFilter(), PageRequest(limit=1000))
    assert page.total == len(page.items)
    found: dict[str, Order] = {}
    for record in page.items:
        values: Order = {
            f.name: getattr(record, f.name)
            for f in fields(record)
            if f.name not in NOT_COMPARED_IN_ORDERS
        }
        values["customer"] = codes[record.customer_id]
        values["rep"] = reps.get(record.rep_id) if record.rep_id else None
        values["lines"] = [
            {f.name: getattr(line, f.name) for f in fields(line) if f.name != "id"}
            for line in record.lines
        ]
        found[record.number] = values
    return found


def _customers(database: Database) -> list[CustomerSummary]:
    with CustomerService(database).iter_rows(CustomerFilter()) as stream:
        return list(stream.rows)


@pytest.mark.parametrize("language", list(Language))
def test_order_lines_exported_then_imported_give_every_order_back(
    database: Database, target: Database, tmp_path: Path, language: Language
) -> None:
    fill_orders(database)
    original = orders_of(database)
    export_customer_archive(database, tmp_path / "customers.xlsx", language)
    import_customers(target, tmp_path / "customers.xlsx")
    path = tmp_path / "订单明细.xlsx"

    summary = export_order_lines(database, path, language)
    result = import_file(target, path, ImportEntity.ORDERS)

    assert summary.rows == sum(len(order["lines"]) for order in original.values())  # type: ignore[arg-type]
    assert [dict(o.problems) for o in result.outcomes if o.problems] == []
    assert orders_of(target) == original


def test_the_sample_fills_and_empties_every_compared_field(database: Database) -> None:
    """Without this, a field that the sample leaves empty everywhere (or fills with the
    default everywhere) could be lost without the round trip noticing."""
    fill(database)
    customers = list(customers_of(database).values())

    for key in customers[0]:
        values = [customer[key] for customer in customers]
        assert len({repr(v) for v in values}) > 1, key
