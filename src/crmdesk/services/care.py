"""Customer care use cases: the birthdays and holidays to remember over a stretch of days,
the team's care settings, and greetings planned for a holiday."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.repositories import care as repository
from crmdesk.db.repositories.settings import get_value, put_value
from crmdesk.domain.care import (
    SETTING_KEY,
    BirthdayItem,
    CareItem,
    CareSettings,
    GreetingsPlanned,
    HolidayItem,
    check_range,
    reminded_range,
)
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.enums import FollowUpKind
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.holidays import occurrences
from crmdesk.services.follow_ups import FollowUpService


class CareService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def settings(self) -> CareSettings:
        with self._database.unit_of_work(write=False) as uow:
            return _settings(uow)

    def save_settings(self, settings: CareSettings) -> CareSettings:
        """Check and store the team's care settings (names trimmed)."""
        settings = replace(
            settings,
            holidays=tuple(replace(h, name=h.name.strip()) for h in settings.holidays),
        )
        settings.check()
        with self._database.unit_of_work() as uow:
            put_value(uow.session, SETTING_KEY, settings.to_json(), self._clock())
            uow.commit()
        return settings

    def birthdays(
        self, first: date, last: date, *, owner_id: uuid.UUID | None = None
    ) -> list[BirthdayItem]:
        """Birthdays of customers and their contacts celebrated from `first` to `last`
        (at most a year), by day, then customer and person; 29 February is remembered on
        the 28th in common years. `owner_id` keeps the customers of one rep."""
        check_range(first, last)
        with self._database.unit_of_work(write=False) as uow:
            found = repository.birthdays(uow.session, first, last, owner_id)
        return sorted(found, key=_order)

    def care_items(
        self, first: date, last: date, *, owner_id: uuid.UUID | None = None
    ) -> list[CareItem]:
        """The birthdays and enabled holidays to remember from `first` to `last` (at most
        a year): those whose reminder day, the settings' days ahead of the event, lies in
        the range. A holiday counts the customers it greets (of `owner_id`, if given),
        which also keeps one rep's birthdays. By reminder day, holidays first."""
        check_range(first, last)
        with self._database.unit_of_work(write=False) as uow:
            settings = _settings(uow)
            ahead = settings.days_ahead
            event_first, event_last = reminded_range(first, last, ahead)
            found = repository.birthdays(uow.session, event_first, event_last, owner_id)
            holidays = [
                (day, holiday.name)
                for holiday in settings.holidays
                if holiday.enabled
                for day in occurrences(holiday, event_first, event_last)
            ]
            greeted = (
                repository.greeted_count(uow.session, settings.greeted_levels, owner_id)
                if holidays
                else 0
            )
        items: list[CareItem] = [
            HolidayItem(on=day, name=name, days_ahead=ahead, customers=greeted)
            for day, name in holidays
        ]
        items += [replace(item, days_ahead=ahead) for item in found]
        return sorted(items, key=_order)

    def plan_greetings(
        self, item: HolidayItem, *, owner_id: uuid.UUID | None = None
    ) -> GreetingsPlanned:
        """Plan a care follow-up due on the item's reminder day for every customer the
        holiday greets (of `owner_id`, if given), assigned to the customer's owner; a
        customer that already has this holiday's follow-up for that day is skipped, so
        that planning twice plans once."""
        with self._database.unit_of_work(write=False) as uow:
            levels = _settings(uow).greeted_levels
            greeted = repository.greeted_count(uow.session, levels, owner_id)
            missing = repository.customers_to_greet(
                uow.session, levels, owner_id, item.greeting_title, item.remind_on
            )
        drafts = [
            FollowUpDraft(
                customer_id, FollowUpKind.CARE, item.greeting_title, item.remind_on, rep_id=rep_id
            )
            for customer_id, rep_id in missing
        ]
        # Writes go through one serial lane, so nothing plans the same greetings between
        # the read above and this write.
        if drafts:
            FollowUpService(self._database, self._clock).create_many(drafts)
        return GreetingsPlanned(planned=len(drafts), already_planned=greeted - len(drafts))


def _settings(uow: UnitOfWork) -> CareSettings:
    return CareSettings.from_json(get_value(uow.session, SETTING_KEY))


def _order(item: CareItem) -> tuple[date, int, str, str, str]:
    if isinstance(item, HolidayItem):
        return (item.remind_on, 0, item.name, "", "")
    return (item.remind_on, 1, item.customer_name, item.contact_name or "", item.person_name)
