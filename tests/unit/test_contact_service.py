"""Contacts of a customer, and the rule that exactly one of them is primary."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from factories import set_deleted, ticking_clock

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.domain.clock import Clock
from crmdesk.domain.contact_details import EMAIL_PROBLEM, PHONE_PROBLEM
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerRecord
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService

START = datetime(2024, 6, 1, 8, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    """A clock that moves on at every reading, so "earliest" is well defined."""
    return ticking_clock(START)


@pytest.fixture
def customer_service(database: Database, clock: Clock) -> CustomerService:
    return CustomerService(database, clock=clock)


@pytest.fixture
def customer(customer_service: CustomerService) -> CustomerRecord:
    return customer_service.create(CustomerDraft(name="某某科技有限公司"))


@pytest.fixture
def contacts(database: Database, clock: Clock) -> ContactService:
    return ContactService(database, clock=clock)


def primary_names(contacts: ContactService, customer: CustomerRecord) -> list[str]:
    return [c.name for c in contacts.list_for_customer(customer.id) if c.is_primary]


def test_the_first_contact_becomes_primary_and_details_are_cleaned(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    first = contacts.create(
        customer.id,
        ContactDraft(
            name=" 李经理 ", title="采购经理", phone="138 1234 5678", email="Li@Example.com"
        ),
    )
    assert first.is_primary
    assert (first.name, first.phone, first.email) == ("李经理", "13812345678", "li@example.com")
    second = contacts.create(customer.id, ContactDraft(name="王会计"))
    assert not second.is_primary
    assert [c.name for c in contacts.list_for_customer(customer.id)] == ["李经理", "王会计"]
    assert contacts.get(first.id) == first


def test_the_primary_contact_is_shown_in_the_customer_list(
    contacts: ContactService, customer: CustomerRecord, customer_service: CustomerService
) -> None:
    contacts.create(customer.id, ContactDraft(name="李经理"))
    contacts.create(customer.id, ContactDraft(name="王会计", is_primary=True))
    (row,) = customer_service.list(CustomerFilter()).items
    assert row.primary_contact_name == "王会计"


def test_making_a_contact_primary_unmarks_the_others(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    contacts.create(customer.id, ContactDraft(name="李经理"))
    wang = contacts.create(customer.id, ContactDraft(name="王会计"))
    zhao = contacts.create(customer.id, ContactDraft(name="赵总", is_primary=True))
    assert primary_names(contacts, customer) == ["赵总"]
    contacts.update(wang.id, replace(wang.to_draft(), is_primary=True), wang.version)
    assert primary_names(contacts, customer) == ["王会计"]
    assert contacts.get(zhao.id).version == zhao.version + 1


def test_the_primary_contact_cannot_simply_be_unmarked(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理"))
    with pytest.raises(ValidationError) as refused:
        contacts.update(li.id, replace(li.to_draft(), is_primary=False), li.version)
    assert refused.value.message_for("is_primary") is not None
    assert primary_names(contacts, customer) == ["李经理"]


def test_deleting_the_primary_contact_hands_the_role_to_the_earliest_remaining_one(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理"))
    contacts.create(customer.id, ContactDraft(name="王会计"))
    contacts.create(customer.id, ContactDraft(name="赵总"))
    contacts.delete(li.id)
    assert primary_names(contacts, customer) == ["王会计"]
    with pytest.raises(NotFoundError):
        contacts.get(li.id)
    assert [c.name for c in contacts.list_for_customer(customer.id)] == ["王会计", "赵总"]


def test_an_edit_saves_the_fields_and_a_stale_one_changes_nothing(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理"))
    edited = replace(li.to_draft(), title="总经理", birthday=date(1975, 5, 4))
    saved = contacts.update(li.id, edited, li.version)
    assert (saved.title, saved.birthday, saved.version) == ("总经理", date(1975, 5, 4), 2)
    with pytest.raises(ConflictError):
        contacts.update(li.id, replace(edited, name="老李"), li.version)
    assert contacts.get(li.id) == saved


def test_saving_an_unchanged_contact_keeps_its_version(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理", phone="138 1234 5678"))
    assert contacts.update(li.id, li.to_draft(), li.version) == li
    assert contacts.get(li.id) == li


def test_an_update_reports_the_primary_flag_with_every_other_problem(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理"))
    bad = replace(li.to_draft(), is_primary=False, name=" ", phone="0000")
    with pytest.raises(ValidationError) as refused:
        contacts.update(li.id, bad, li.version)
    assert set(refused.value.problems) == {"is_primary", "name", "phone"}
    assert contacts.get(li.id) == li


def test_bad_details_are_reported_per_field(
    contacts: ContactService, customer: CustomerRecord
) -> None:
    with pytest.raises(ValidationError) as refused:
        contacts.create(
            customer.id,
            ContactDraft(
                name="", phone="0000", email="li at example.com", birthday=date(1850, 1, 1)
            ),
        )
    problems = refused.value
    assert problems.message_for("name") == "This field is required."
    assert problems.message_for("phone") == PHONE_PROBLEM
    assert problems.message_for("email") == EMAIL_PROBLEM
    assert problems.message_for("birthday") is not None
    assert contacts.list_for_customer(customer.id) == []


def test_contacts_need_a_live_customer(
    contacts: ContactService, customer: CustomerRecord, customer_service: CustomerService
) -> None:
    with pytest.raises(NotFoundError):
        contacts.create(uuid.uuid4(), ContactDraft(name="李经理"))
    customer_service.delete(customer.id)
    with pytest.raises(NotFoundError):
        contacts.create(customer.id, ContactDraft(name="李经理"))
    with pytest.raises(NotFoundError):
        contacts.list_for_customer(customer.id)


def test_the_contacts_of_a_deleted_customer_are_gone_until_it_is_restored(
    contacts: ContactService, customer: CustomerRecord, database: Database
) -> None:
    li = contacts.create(customer.id, ContactDraft(name="李经理"))
    set_deleted(database, Customer, customer.id)
    with pytest.raises(NotFoundError):
        contacts.get(li.id)
    with pytest.raises(NotFoundError):
        contacts.update(li.id, replace(li.to_draft(), title="总经理"), li.version)
    set_deleted(database, Customer, customer.id, deleted=False)
    assert contacts.get(li.id) == li
