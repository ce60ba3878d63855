"""What each kind of import can fill in, and that its header names never contradict."""

from __future__ import annotations

import pytest

from crmdesk.domain.import_fields import (
    ENUM_SYNONYMS,
    FIELDS,
    ImportEntity,
    ValueKind,
    field_of,
)
from crmdesk.domain.labels import parse_label
from crmdesk.io.column_mapping import header_key, match_header

# The fields the import service relies on (the pipeline contract), with the required ones.
CONTRACT = {
    ImportEntity.CUSTOMERS: (
        {"code", "name", "kind", "industry", "source", "level", "lifecycle_stage", "owner",
         "phone", "email", "wechat", "province", "city", "district", "address", "birthday",
         "referred_by", "notes", "tags", "contact_name"},
        {"name"},
    ),
    ImportEntity.CONTACTS: (
        {"customer", "name", "title", "phone", "email", "wechat", "birthday", "is_primary",
         "notes"},
        {"customer", "name"},
    ),
    ImportEntity.ORDERS: (
        {"order_number", "customer", "ordered_on", "product", "sku", "quantity", "unit_price",
         "line_total", "status", "payment_due_on", "paid_on", "country", "notes"},
        {"order_number", "ordered_on", "product", "quantity"},
    ),
    ImportEntity.INTERACTIONS: (
        {"customer", "kind", "occurred_at", "summary", "rep", "contact"},
        {"customer", "occurred_at", "summary"},
    ),
    ImportEntity.FOLLOW_UPS: (
        {"customer", "kind", "title", "due_on", "rep", "notes", "recurrence"},
        {"customer", "title", "due_on"},
    ),
    ImportEntity.COMPLAINTS: (
        {"customer", "category", "severity", "title", "description", "received_at", "owner"},
        {"customer", "title"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("entity", list(ImportEntity))
def test_each_entity_has_the_fields_the_import_relies_on(entity: ImportEntity) -> None:
    keys = [import_field.key for import_field in FIELDS[entity]]
    assert len(set(keys)) == len(keys)
    expected, required = CONTRACT[entity]
    assert expected <= set(keys)
    assert {f.key for f in FIELDS[entity] if f.required} == required


@pytest.mark.parametrize("entity", list(ImportEntity))
def test_every_header_name_of_a_field_maps_back_to_that_field(entity: ImportEntity) -> None:
    for import_field in FIELDS[entity]:
        for header in import_field.headers:
            match = match_header(header, entity)
            assert match is not None, (header, import_field.key)
            assert match.field.key == import_field.key, (header, import_field.key)
            assert match.exact


def test_enumeration_fields_name_their_enum_and_phones_may_take_several_columns() -> None:
    for fields in FIELDS.values():
        for import_field in fields:
            assert (import_field.kind is ValueKind.ENUM) == (import_field.enum is not None)
            if import_field.kind is ValueKind.PHONES:
                assert import_field.repeatable
    assert field_of(ImportEntity.CUSTOMERS, "phone").label_zh == "电话"
    with pytest.raises(KeyError):
        field_of(ImportEntity.ORDERS, "wechat")


def test_enum_synonyms_never_contradict_the_labels() -> None:
    for enum, synonyms in ENUM_SYNONYMS.items():
        for text, member in synonyms.items():
            assert type(member) is enum
            assert parse_label(enum, text) in (None, member), text


def test_labels_are_distinct_header_names() -> None:
    # Templates write label_zh or label_en as the header; each must read back alone.
    for fields in FIELDS.values():
        for language in ("label_zh", "label_en"):
            keys = [header_key(getattr(import_field, language)) for import_field in fields]
            assert len(set(keys)) == len(keys), language
