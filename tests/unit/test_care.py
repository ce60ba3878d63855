"""Birthdays as care items: by day and month in any year, 29 February on the 28th in
common years, customers and contacts alike, deleted ones left out, by owner."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from factories import TestClock, add_contact, add_customer, add_rep, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, Rep
from crmdesk.domain.care import birthday_in_year, celebrated_on, month_days
from crmdesk.domain.errors import ValidationError
from crmdesk.services.care import CareService


def set_birthday(
    database: Database, model: type[Customer] | type[Contact], key: uuid.UUID, day: date
) -> None:
    with database.unit_of_work() as uow:
        row = uow.session.get(model, key)
        assert row is not None
        row.birthday = day
        uow.commit()


def set_owner(database: Database, customer_id: uuid.UUID, rep_id: uuid.UUID) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.owner_id = rep_id
        uow.commit()


@pytest.fixture
def care(database: Database) -> CareService:
    return CareService(database, TestClock())


def test_a_customers_birthday_is_found_on_its_day_in_another_year(
    database: Database, care: CareService
) -> None:
    customer_id = add_customer(database, "张三")
    set_birthday(database, Customer, customer_id, date(1980, 11, 20))

    [item] = care.birthdays(date(2026, 11, 1), date(2026, 11, 30))

    assert (item.on, item.customer_id, item.person_name, item.age) == (
        date(2026, 11, 20),
        customer_id,
        "张三",
        46,
    )
    assert care.birthdays(date(2026, 11, 21), date(2026, 12, 31)) == []


def test_a_contacts_birthday_names_the_contact_and_its_customer(
    database: Database, care: CareService
) -> None:
    customer_id = add_customer(database, "华东贸易")
    contact_id = add_contact(database, customer_id, "王五")
    set_birthday(database, Contact, contact_id, date(1990, 1, 5))

    [item] = care.birthdays(date(2026, 12, 28), date(2027, 1, 10))

    assert (item.on, item.contact_id, item.person_name, item.customer_name) == (
        date(2027, 1, 5),
        contact_id,
        "王五",
        "华东贸易",
    )


def test_a_leap_day_birthday_is_remembered_on_28_february_in_common_years(
    database: Database, care: CareService
) -> None:
    customer_id = add_customer(database)
    set_birthday(database, Customer, customer_id, date(1992, 2, 29))

    assert [i.on for i in care.birthdays(date(2027, 2, 1), date(2027, 2, 28))] == [
        date(2027, 2, 28)
    ]
    assert [i.on for i in care.birthdays(date(2028, 2, 28), date(2028, 3, 1))] == [
        date(2028, 2, 29)
    ]
    assert care.birthdays(date(2028, 2, 1), date(2028, 2, 28)) == []


def test_deleted_customers_and_contacts_have_no_birthdays(
    database: Database, care: CareService
) -> None:
    gone = add_customer(database, "已删除")
    set_birthday(database, Customer, gone, date(1980, 5, 1))
    set_deleted(database, Customer, gone)
    kept = add_customer(database, "保留")
    contact_id = add_contact(database, kept, "已删联系人")
    set_birthday(database, Contact, contact_id, date(1980, 5, 1))
    set_deleted(database, Contact, contact_id)

    assert care.birthdays(date(2026, 5, 1), date(2026, 5, 1)) == []


def test_an_owner_sees_the_birthdays_of_their_customers(
    database: Database, care: CareService
) -> None:
    rep_id = add_rep(database)
    mine, other = add_customer(database, "甲"), add_customer(database, "乙")
    set_owner(database, mine, rep_id)
    for customer_id in (mine, other):
        set_birthday(database, Customer, customer_id, date(1985, 6, 1))

    found = care.birthdays(date(2026, 6, 1), date(2026, 6, 1), owner_id=rep_id)

    assert [(item.customer_name, item.owner_name) for item in found] == [("甲", "李四")]
    assert len(care.birthdays(date(2026, 6, 1), date(2026, 6, 1))) == 2


def test_a_deleted_owner_is_named_nowhere(database: Database, care: CareService) -> None:
    rep_id = add_rep(database)
    customer_id = add_customer(database, "甲")
    set_owner(database, customer_id, rep_id)
    set_birthday(database, Customer, customer_id, date(1985, 6, 1))
    set_deleted(database, Rep, rep_id)

    [item] = care.birthdays(date(2026, 6, 1), date(2026, 6, 1))

    assert (item.customer_name, item.owner_name) == ("甲", None)


def test_a_range_backwards_or_longer_than_a_year_is_refused(care: CareService) -> None:
    with pytest.raises(ValidationError) as backwards:
        care.birthdays(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError) as too_long:
        care.birthdays(date(2026, 1, 1), date(2027, 1, 2))

    assert "last" in backwards.value.problems and "last" in too_long.value.problems


def test_leap_day_arithmetic() -> None:
    assert birthday_in_year(date(2000, 2, 29), 2027) == date(2027, 2, 28)
    assert birthday_in_year(date(2000, 2, 29), 2028) == date(2028, 2, 29)
    assert (2, 29) in month_days(date(2027, 2, 28), date(2027, 2, 28))
    assert (2, 29) not in month_days(date(2028, 2, 28), date(2028, 2, 28))
    assert celebrated_on(date(1990, 12, 31), date(2026, 12, 30), date(2027, 1, 2)) == date(
        2026, 12, 31
    )
