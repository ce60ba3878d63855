"""Care items: birthdays by day and month in any year, 29 February on the 28th in common
years, customers and contacts alike, deleted ones left out, by owner; holidays and
birthdays remembered the settings' days ahead; the care settings; greetings planned for a
holiday once however often asked."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from factories import TestClock, add_contact, add_customer, add_rep, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, Rep
from crmdesk.domain.care import (
    BirthdayItem,
    CareAudience,
    CareSettings,
    HolidayItem,
    birthday_in_year,
    celebrated_on,
    month_days,
)
from crmdesk.domain.enums import CustomerLevel, FollowUpKind, FollowUpStatus
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.follow_ups import FollowUpFilter
from crmdesk.domain.holidays import Holiday, HolidayCalendar
from crmdesk.services.care import CareService
from crmdesk.services.follow_ups import FollowUpService


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


def set_level(database: Database, customer_id: uuid.UUID, level: CustomerLevel) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.level = level
        uow.commit()


def add_greeted(database: Database, name: str, level: CustomerLevel) -> uuid.UUID:
    customer_id = add_customer(database, name)
    set_level(database, customer_id, level)
    return customer_id


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


SPRING = Holiday("春节", HolidayCalendar.LUNAR, 1, 1)
NEW_YEAR = Holiday("元旦", HolidayCalendar.SOLAR, 1, 1)


def holidays_only(*holidays: Holiday, days_ahead: int = 3) -> CareSettings:
    return CareSettings(days_ahead=days_ahead, holidays=holidays)


def test_default_settings_remind_three_days_ahead_greeting_vip_and_key_customers(
    care: CareService,
) -> None:
    settings = care.settings()

    assert (settings.days_ahead, settings.audience) == (3, CareAudience.VIP_AND_KEY)
    assert [h.name for h in settings.holidays][:3] == ["元旦", "春节", "元宵节"]


def test_settings_are_kept_and_bad_ones_refused_all_at_once(care: CareService) -> None:
    chosen = CareSettings(
        days_ahead=7,
        audience=CareAudience.ALL,
        holidays=(Holiday(" 店庆 ", HolidayCalendar.SOLAR, 6, 18, enabled=False), SPRING),
    )
    care.save_settings(chosen)

    kept = care.settings()
    assert (kept.days_ahead, kept.audience) == (7, CareAudience.ALL)
    assert kept.holidays == (
        Holiday("店庆", HolidayCalendar.SOLAR, 6, 18, enabled=False),
        SPRING,
    )
    with pytest.raises(ValidationError) as refused:
        care.save_settings(
            CareSettings(days_ahead=31, holidays=(Holiday("x", HolidayCalendar.SOLAR, 2, 30),))
        )
    assert set(refused.value.problems) == {"days_ahead", "holidays.0.day"}
    assert care.settings() == kept


def test_a_holiday_is_remembered_days_ahead_with_the_customers_it_greets(
    database: Database, care: CareService
) -> None:
    add_greeted(database, "贵宾", CustomerLevel.VIP)
    add_greeted(database, "重点", CustomerLevel.KEY)
    add_greeted(database, "普通", CustomerLevel.NORMAL)
    care.save_settings(holidays_only(SPRING, days_ahead=3))

    [item] = care.care_items(date(2026, 2, 14), date(2026, 2, 14))

    assert isinstance(item, HolidayItem)
    assert (item.name, item.on, item.remind_on, item.customers) == (
        "春节",
        date(2026, 2, 17),
        date(2026, 2, 14),
        2,
    )
    assert care.care_items(date(2026, 2, 15), date(2026, 2, 17)) == []
    care.save_settings(CareSettings(audience=CareAudience.ALL, holidays=(SPRING,)))
    [everyone] = care.care_items(date(2026, 2, 1), date(2026, 2, 28))
    assert isinstance(everyone, HolidayItem) and everyone.customers == 3


def test_a_disabled_holiday_is_not_remembered(care: CareService) -> None:
    care.save_settings(holidays_only(Holiday("春节", HolidayCalendar.LUNAR, 1, 1, enabled=False)))

    assert care.care_items(date(2026, 2, 1), date(2026, 2, 28)) == []


def test_a_birthday_is_remembered_days_ahead(database: Database, care: CareService) -> None:
    customer_id = add_customer(database, "张三")
    set_birthday(database, Customer, customer_id, date(1980, 11, 20))
    care.save_settings(holidays_only(days_ahead=5))

    [item] = care.care_items(date(2026, 11, 15), date(2026, 11, 15))

    assert isinstance(item, BirthdayItem)
    assert (item.on, item.remind_on, item.days_ahead) == (
        date(2026, 11, 20),
        date(2026, 11, 15),
        5,
    )
    assert care.care_items(date(2026, 11, 16), date(2026, 11, 30)) == []


def test_days_ahead_reach_across_the_year_end(database: Database, care: CareService) -> None:
    customer_id = add_customer(database, "张三")
    set_birthday(database, Customer, customer_id, date(1990, 1, 2))
    care.save_settings(holidays_only(NEW_YEAR, SPRING, days_ahead=5))

    found = care.care_items(date(2026, 12, 20), date(2026, 12, 31))

    assert [(type(item).__name__, item.on, item.remind_on) for item in found] == [
        ("HolidayItem", date(2027, 1, 1), date(2026, 12, 27)),
        ("BirthdayItem", date(2027, 1, 2), date(2026, 12, 28)),
    ]


def test_an_owner_sees_the_holiday_count_of_their_customers(
    database: Database, care: CareService
) -> None:
    rep_id = add_rep(database)
    mine = add_greeted(database, "甲", CustomerLevel.VIP)
    set_owner(database, mine, rep_id)
    add_greeted(database, "乙", CustomerLevel.VIP)
    care.save_settings(holidays_only(SPRING))

    [item] = care.care_items(date(2026, 2, 14), date(2026, 2, 14), owner_id=rep_id)

    assert isinstance(item, HolidayItem) and item.customers == 1


def test_planning_greetings_twice_plans_them_once(database: Database, care: CareService) -> None:
    follow_ups = FollowUpService(database, TestClock())
    rep_id = add_rep(database)
    vip = add_greeted(database, "贵宾", CustomerLevel.VIP)
    set_owner(database, vip, rep_id)
    add_greeted(database, "普通", CustomerLevel.NORMAL)
    care.save_settings(holidays_only(SPRING))
    [item] = care.care_items(date(2026, 2, 14), date(2026, 2, 14))
    assert isinstance(item, HolidayItem)

    first = care.plan_greetings(item)
    later = add_greeted(database, "重点", CustomerLevel.KEY)
    second = care.plan_greetings(item)

    assert (first.planned, first.already_planned) == (1, 0)
    assert (second.planned, second.already_planned) == (1, 1)
    planned = follow_ups.list(FollowUpFilter()).items
    assert sorted((f.customer_id, f.rep_id) for f in planned) == sorted(
        [(vip, rep_id), (later, None)]
    )
    assert {(f.kind, f.status, f.due_on, f.title) for f in planned} == {
        (FollowUpKind.CARE, FollowUpStatus.PLANNED, date(2026, 2, 14), "春节 (2026-02-17)")
    }
    again = care.plan_greetings(item)
    assert (again.planned, again.already_planned) == (0, 2)


def test_a_done_greeting_counts_as_planned_but_another_care_follow_up_does_not(
    database: Database, care: CareService
) -> None:
    follow_ups = FollowUpService(database, TestClock())
    vip = add_greeted(database, "贵宾", CustomerLevel.VIP)
    care.save_settings(holidays_only(SPRING, NEW_YEAR))
    [item] = care.care_items(date(2026, 2, 14), date(2026, 2, 14))
    assert isinstance(item, HolidayItem)
    care.plan_greetings(item)
    [greeting] = follow_ups.list(FollowUpFilter(customer_id=vip)).items
    follow_ups.complete(greeting.id, "已问候", greeting.version, None)

    assert care.plan_greetings(item).planned == 0
    [new_year] = care.care_items(date(2026, 12, 29), date(2026, 12, 29))
    assert isinstance(new_year, HolidayItem)
    assert care.plan_greetings(new_year).planned == 1


def test_stored_settings_another_version_wrote_fall_back_field_by_field() -> None:
    stored = {
        "days_ahead": "three",
        "audience": "friends",
        "holidays": [
            {"name": "春节", "calendar": "lunar", "month": 1, "day": 1, "enabled": False},
            {"name": "火星节", "calendar": "martian", "month": 1, "day": 1},
            "国庆节",
        ],
    }

    settings = CareSettings.from_json(stored)

    assert (settings.days_ahead, settings.audience) == (3, CareAudience.VIP_AND_KEY)
    assert settings.holidays == (Holiday("春节", HolidayCalendar.LUNAR, 1, 1, enabled=False),)
    assert CareSettings.from_json(None) == CareSettings()
    assert CareSettings.from_json(settings.to_json()) == settings
