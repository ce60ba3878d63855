"""Contact people of a customer. Every customer with contacts has exactly one primary
contact: the first one added, or whichever was last made primary."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Contact, Customer
from crmdesk.db.repositories.contacts import contact_record, contacts_of
from crmdesk.db.repositories.records import require_current, require_live, stamp_if_changed
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.contact_details import check_birthday, check_email, check_phone, check_wechat
from crmdesk.domain.contacts import NAME_MAX_LENGTH, ContactDraft, ContactRecord
from crmdesk.domain.validation import Problems
from crmdesk.services.customers import NOTES_MAX_LENGTH

WHAT = "Contact"


class ContactService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, customer_id: uuid.UUID, draft: ContactDraft) -> ContactRecord:
        with self._database.unit_of_work() as uow:
            require_live(uow.session, Customer, customer_id, "Customer")
            values = self._validated(draft, Problems())
            others = contacts_of(uow.session, customer_id)
            now = self._clock()
            contact = Contact(
                **values,
                customer_id=customer_id,
                is_primary=draft.is_primary or not others,
                created_at=now,
                updated_at=now,
            )
            uow.session.add(contact)
            if contact.is_primary:
                self._unmark(others)
            return self._saved(uow, contact)

    def update(
        self, contact_id: uuid.UUID, draft: ContactDraft, expected_version: int
    ) -> ContactRecord:
        with self._database.unit_of_work() as uow:
            contact = require_current(
                uow.session, Contact, contact_id, expected_version, WHAT, _name
            )
            problems = Problems()
            if contact.is_primary and not draft.is_primary:
                problems.add(
                    "is_primary",
                    "A customer needs a primary contact. Make another contact primary instead.",
                )
            values = self._validated(draft, problems)
            for name, value in values.items():
                setattr(contact, name, value)
            if draft.is_primary and not contact.is_primary:
                contact.is_primary = True
                others = contacts_of(uow.session, contact.customer_id)
                self._unmark(other for other in others if other.id != contact.id)
            stamp_if_changed(uow.session, contact, self._clock())
            return self._saved(uow, contact)

    def delete(self, contact_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete; when the primary contact goes, the earliest remaining one takes over."""
        with self._database.unit_of_work() as uow:
            contact = require_current(
                uow.session, Contact, contact_id, expected_version, WHAT, _name
            )
            now = self._clock()
            contact.deleted_at = contact.updated_at = now
            if contact.is_primary:
                contact.is_primary = False
                uow.session.flush()
                remaining = contacts_of(uow.session, contact.customer_id)
                if remaining:
                    remaining[0].is_primary, remaining[0].updated_at = True, now
            uow.commit()

    def get(self, contact_id: uuid.UUID) -> ContactRecord:
        with self._database.unit_of_work(write=False) as uow:
            return contact_record(require_live(uow.session, Contact, contact_id, WHAT))

    def list_for_customer(self, customer_id: uuid.UUID) -> list[ContactRecord]:
        """The customer's contacts, primary first, then in the order they were added."""
        with self._database.unit_of_work(write=False) as uow:
            require_live(uow.session, Customer, customer_id, "Customer")
            return [contact_record(c) for c in contacts_of(uow.session, customer_id)]

    def _unmark(self, contacts: Iterable[Contact]) -> None:
        now = self._clock()
        for other in contacts:
            if other.is_primary:
                other.is_primary, other.updated_at = False, now

    def _validated(self, draft: ContactDraft, p: Problems) -> dict[str, Any]:
        """The draft's values cleaned for storage; ValidationError lists every problem,
        those already in `p` too."""
        values = contact_field_values(p, draft, local_today(self._clock))
        p.raise_if_any()
        return values

    @staticmethod
    def _saved(uow: UnitOfWork, contact: Contact) -> ContactRecord:
        uow.session.flush()
        record = contact_record(contact)
        uow.commit()
        return record


def contact_field_values(p: Problems, draft: ContactDraft, today: date) -> dict[str, Any]:
    """The draft's values cleaned for storage (all but `is_primary`), noting their
    problems in `p`. Shared by the contact form and the spreadsheet import."""
    check_birthday(p, "birthday", draft.birthday, today)
    return {
        "name": p.required_text("name", draft.name, max_length=NAME_MAX_LENGTH),
        "title": p.optional_text("title", draft.title, max_length=100),
        "phone": check_phone(p, "phone", draft.phone),
        "email": check_email(p, "email", draft.email),
        "wechat": check_wechat(p, "wechat", draft.wechat),
        "birthday": draft.birthday,
        "notes": p.optional_text("notes", draft.notes, max_length=NOTES_MAX_LENGTH),
    }


def _name(contact: Contact) -> str:
    return contact.name
