"""Export then import into an empty database gives the same customers back.

The archive export (`export_customer_archive`) writes every field the customer import
reads, under the import's own headers; importing the file into a freshly migrated
database must bring back every field of every customer. Ids, versions and timestamps
are the new database's own; owners and referrers are compared by what a person sees
(the rep's name, the referrer's code and name) since their ids differ too.

The sales reps are not part of a customer export: the import finds owners by name among
the reps the database already has. So the empty database is given reps of the same names
first, as an office setting up a new file would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from itertools import cycle
from pathlib import Path

import pytest
from factories import add_rep

from crmdesk.db.engine import Database, open_database
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage, SourceChannel
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, ImportResult
from crmdesk.domain.labels import Language
from crmdesk.io.import_source import open_source
from crmdesk.paths import sqlite_url
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService
from crmdesk.services.exporting import export_customer_archive
from crmdesk.services.importing import run_import

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
    return run_import(
        database, open_source(path, ImportEntity.CUSTOMERS), ImportOptions(ImportEntity.CUSTOMERS)
    )


def test_the_sample_fills_and_empties_every_compared_field(database: Database) -> None:
    """Without this, a field that the sample leaves empty everywhere (or fills with the
    default everywhere) could be lost without the round trip noticing."""
    fill(database)
    customers = list(customers_of(database).values())

    for key in customers[0]:
        values = [customer[key] for customer in customers]
        assert len({repr(v) for v in values}) > 1, key
