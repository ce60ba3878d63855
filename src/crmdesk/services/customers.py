"""Customer use cases: create, edit, delete, look up, list, tag and reassign customers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Customer, CustomerTag, Tag
from crmdesk.db.numbers import next_number
from crmdesk.db.repositories.customers import (
    code_in_use,
    customer_record,
    find_customers,
    list_customers,
    referral_chain,
)
from crmdesk.db.repositories.records import (
    check_rep,
    find_live,
    is_new_value,
    require_current,
    require_live,
    stamp_if_changed,
)
from crmdesk.db.repositories.tags import find_customer_tag, find_tag_by_name
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.contact_details import (
    check_birthday,
    check_email,
    check_phone,
    check_wechat,
)
from crmdesk.domain.customers import (
    CODE_MAX_LENGTH,
    NAME_MAX_LENGTH,
    CustomerDraft,
    CustomerFilter,
    CustomerRecord,
    CustomerSummary,
)
from crmdesk.domain.errors import NotFoundError
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.validation import Problems

WHAT = "Customer"
TAG_MAX_LENGTH = 50
NOTES_MAX_LENGTH = 10_000
_CUSTOM_VALUE_TYPES = (str, int, float, bool, type(None))


class CustomerService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, draft: CustomerDraft) -> CustomerRecord:
        with self._database.unit_of_work() as uow:
            session = uow.session
            values = self._validated(uow, draft, saved=None)
            now = self._clock()
            customer = Customer(**values, created_at=now, updated_at=now)
            if customer.code is None:
                customer.code = next_number(session, "customer", Customer.code)
            session.add(customer)
            return _saved(uow, customer)

    def update(
        self, customer_id: uuid.UUID, draft: CustomerDraft, expected_version: int
    ) -> CustomerRecord:
        """Save an edited customer; `draft.code` None keeps the current code."""
        with self._database.unit_of_work() as uow:
            customer = require_current(
                uow.session, Customer, customer_id, expected_version, WHAT, _code
            )
            values = self._validated(uow, draft, saved=customer)
            if values["code"] is None:
                del values["code"]
            for name, value in values.items():
                setattr(customer, name, value)
            stamp_if_changed(uow.session, customer, self._clock())
            return _saved(uow, customer)

    def delete(self, customer_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete: the customer disappears from lists, search and lookups, and so do
        its contacts, interactions, follow-ups, complaints and orders, which are kept as
        they are for the day the customer is restored."""
        with self._database.unit_of_work() as uow:
            customer = require_current(
                uow.session, Customer, customer_id, expected_version, WHAT, _code
            )
            customer.deleted_at = customer.updated_at = self._clock()
            uow.commit()

    def get(self, customer_id: uuid.UUID) -> CustomerRecord:
        with self._database.unit_of_work(write=False) as uow:
            customer = require_live(uow.session, Customer, customer_id, WHAT)
            return customer_record(uow.session, customer)

    def list(
        self, criteria: CustomerFilter, request: PageRequest | None = None
    ) -> Page[CustomerSummary]:
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            return list_customers(uow.session, criteria, request or PageRequest(), today)

    def add_tag(self, customer_id: uuid.UUID, tag_name: str) -> CustomerRecord:
        """Tag a customer, creating the tag when no tag has that name yet."""
        problems = Problems()
        name = problems.required_text("tag", tag_name, max_length=TAG_MAX_LENGTH)
        problems.raise_if_any()
        with self._database.unit_of_work() as uow:
            session = uow.session
            customer = require_live(session, Customer, customer_id, WHAT)
            now = self._clock()
            tag = find_tag_by_name(session, name)
            if tag is None:
                tag = Tag(name=name, created_at=now, updated_at=now)
                session.add(tag)
                session.flush()
            else:
                _revive(tag, now)
            link = find_customer_tag(session, customer.id, tag.id)
            if link is None:
                session.add(
                    CustomerTag(
                        customer_id=customer.id, tag_id=tag.id, created_at=now, updated_at=now
                    )
                )
            else:
                _revive(link, now)
            return _saved(uow, customer)

    def remove_tag(self, customer_id: uuid.UUID, tag_name: str) -> CustomerRecord:
        """Take a tag off a customer; the tag itself stays for other customers."""
        with self._database.unit_of_work() as uow:
            session = uow.session
            customer = require_live(session, Customer, customer_id, WHAT)
            tag = find_tag_by_name(session, tag_name.strip())
            link = find_customer_tag(session, customer.id, tag.id) if tag else None
            if link is not None and link.deleted_at is None:
                link.deleted_at = link.updated_at = self._clock()
            return _saved(uow, customer)

    def set_owner(self, customer_ids: Iterable[uuid.UUID], owner_id: uuid.UUID | None) -> int:
        """Give several customers to one rep (None: to nobody). All or none are changed."""
        wanted = set(customer_ids)
        with self._database.unit_of_work() as uow:
            session = uow.session
            problems = Problems()
            check_rep(session, problems, "owner_id", owner_id)
            problems.raise_if_any()
            customers = find_customers(session, wanted)
            missing = wanted - {customer.id for customer in customers}
            if missing:
                raise NotFoundError(WHAT, next(iter(missing)))
            now = self._clock()
            changed = [c for c in customers if c.owner_id != owner_id]
            for customer in changed:
                customer.owner_id, customer.updated_at = owner_id, now
            uow.commit()
        return len(changed)

    def _validated(
        self, uow: UnitOfWork, draft: CustomerDraft, *, saved: Customer | None
    ) -> dict[str, Any]:
        """The draft's values cleaned for storage (`saved`: the customer being edited);
        ValidationError lists every problem."""
        session = uow.session
        customer_id = saved.id if saved else None
        p = Problems()
        code = p.optional_text("code", draft.code, max_length=CODE_MAX_LENGTH)
        if code is not None and code_in_use(session, code, other_than=customer_id):
            p.add("code", "The code {code} is already used by another customer.", code=code)
        check_rep(session, p, "owner_id", draft.owner_id, saved=saved)
        if draft.referred_by_id is not None and is_new_value(
            saved, "referred_by_id", draft.referred_by_id
        ):
            _check_referrer(uow, p, draft.referred_by_id, customer_id)
        check_birthday(p, "birthday", draft.birthday, local_today(self._clock))
        values: dict[str, Any] = {
            "code": code,
            "name": p.required_text("name", draft.name, max_length=NAME_MAX_LENGTH),
            "kind": draft.kind,
            "industry": p.optional_text("industry", draft.industry, max_length=100),
            "source": draft.source,
            "level": draft.level,
            "lifecycle_stage": draft.lifecycle_stage,
            "stage_pinned": draft.stage_pinned,
            "owner_id": draft.owner_id,
            "phone": check_phone(p, "phone", draft.phone),
            "phone_alt": check_phone(p, "phone_alt", draft.phone_alt),
            "email": check_email(p, "email", draft.email),
            "wechat": check_wechat(p, "wechat", draft.wechat),
            "province": p.optional_text("province", draft.province, max_length=50),
            "city": p.optional_text("city", draft.city, max_length=50),
            "district": p.optional_text("district", draft.district, max_length=50),
            "address": p.optional_text("address", draft.address, max_length=300),
            "birthday": draft.birthday,
            "referred_by_id": draft.referred_by_id,
            "notes": p.optional_text("notes", draft.notes, max_length=NOTES_MAX_LENGTH),
            "custom_fields": _custom_fields(p, draft.custom_fields),
        }
        p.raise_if_any()
        return values


def _check_referrer(
    uow: UnitOfWork, problems: Problems, referrer_id: uuid.UUID, customer_id: uuid.UUID | None
) -> None:
    if referrer_id == customer_id:
        problems.add("referred_by_id", "A customer cannot refer itself.")
    elif find_live(uow.session, Customer, referrer_id) is None:
        problems.add("referred_by_id", "The referring customer does not exist or was deleted.")
    elif customer_id is not None and customer_id in referral_chain(uow.session, referrer_id):
        problems.add(
            "referred_by_id",
            "The referring customer was referred by this customer, directly or through "
            "others; referrals cannot go round in a circle.",
        )


def _custom_fields(problems: Problems, fields: Mapping[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in fields.items():
        name = key.strip()
        if not name:
            problems.add("custom_fields", "Every custom field needs a name.")
        elif not isinstance(value, _CUSTOM_VALUE_TYPES):
            problems.add(
                "custom_fields",
                "The custom field {name} must be text, a number, yes/no or empty.",
                name=name,
            )
        cleaned[name] = value
    return cleaned


def _revive(row: Tag | CustomerTag, now: datetime) -> None:
    """Bring back a tombstoned row (names and pairs stay unique across deletions)."""
    if row.deleted_at is not None:
        row.deleted_at, row.updated_at = None, now


def _saved(uow: UnitOfWork, customer: Customer) -> CustomerRecord:
    """Write the unit of work and describe the customer as saved (new version included)."""
    uow.session.flush()
    record = customer_record(uow.session, customer)
    uow.commit()
    return record


def _code(customer: Customer) -> str:
    return customer.code
