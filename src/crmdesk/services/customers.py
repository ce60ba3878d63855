"""Customer use cases: create, edit, delete, look up, list, tag and reassign customers."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Customer, CustomerTag, Tag
from crmdesk.db.numbers import next_number
from crmdesk.db.repositories.customers import (
    code_in_use,
    count_customers,
    count_live_customers,
    customer_page,
    customer_record,
    find_customers,
    list_customers,
    live_places,
    referral_chain,
    stream_customer_archive,
    stream_customers,
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
from crmdesk.db.search_index import warm_search_index
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
from crmdesk.domain.exports import CustomerArchiveRow, RowStream
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.validation import Problems

R = TypeVar("R")
# How a repository streams customers: (session, criteria, sort_by, descending, today).
_StreamReader = Callable[[Any, CustomerFilter, str | None, bool, date], Generator[R, None, None]]

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

    def delete_many(self, customer_ids: Iterable[uuid.UUID]) -> int:
        """Soft-delete several customers at once, all or none (NotFoundError names one that
        does not exist or was deleted, and nothing is deleted); returns how many."""
        with self._database.unit_of_work() as uow:
            customers = _all_live(uow, customer_ids)
            now = self._clock()
            for customer in customers:
                customer.deleted_at = customer.updated_at = now
            uow.commit()
        return len(customers)

    def get(self, customer_id: uuid.UUID) -> CustomerRecord:
        with self._database.unit_of_work(write=False) as uow:
            customer = require_live(uow.session, Customer, customer_id, WHAT)
            return customer_record(uow.session, customer)

    def list(
        self, criteria: CustomerFilter | None = None, request: PageRequest | None = None
    ) -> Page[CustomerSummary]:
        """One page of the list and the number of matches (two queries; a screen that
        shows the first rows before the count arrives calls `rows` and `count`)."""
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            return list_customers(
                uow.session, criteria or CustomerFilter(), request or PageRequest(), today
            )

    def rows(
        self, criteria: CustomerFilter, request: PageRequest
    ) -> builtins.list[CustomerSummary]:
        """One page of the list, without counting the other matches."""
        with self._database.unit_of_work(write=False) as uow:
            return customer_page(uow.session, criteria, request, local_today(self._clock))

    @contextmanager
    def iter_rows(
        self, criteria: CustomerFilter, sort_by: str | None = None, descending: bool = False
    ) -> Iterator[RowStream[CustomerSummary]]:
        """Every row the list shows with these criteria, in its order, and how many there
        are, all read from one snapshot while the `with` block lasts (for exports)::

            with service.iter_rows(criteria, CustomerSort.CODE) as stream:
                for row in stream.rows: ...

        A bad sort key is refused on entering the block."""
        with self._stream(stream_customers, criteria, sort_by, descending) as stream:
            yield stream

    @contextmanager
    def iter_archive(
        self, criteria: CustomerFilter, sort_by: str | None = None, descending: bool = False
    ) -> Iterator[RowStream[CustomerArchiveRow]]:
        """Like `iter_rows`, with every field the customer import fills in."""
        with self._stream(stream_customer_archive, criteria, sort_by, descending) as stream:
            yield stream

    @contextmanager
    def _stream(
        self,
        read: _StreamReader[R],
        criteria: CustomerFilter,
        sort_by: str | None,
        descending: bool,
    ) -> Iterator[RowStream[R]]:
        with self._database.unit_of_work(write=False) as uow:
            today = local_today(self._clock)
            # Closed before the session: a stream left half-read ends its query first.
            with closing(read(uow.session, criteria, sort_by, descending, today)) as rows:
                yield RowStream(count_customers(uow.session, criteria, today), rows)

    def count(self, criteria: CustomerFilter) -> int:
        """How many customers the list shows with these criteria."""
        with self._database.unit_of_work(write=False) as uow:
            return count_customers(uow.session, criteria, local_today(self._clock))

    def count_all(self) -> int:
        """How many customers there are (deleted ones left out)."""
        with self._database.unit_of_work(write=False) as uow:
            return count_live_customers(uow.session)

    def places(self) -> builtins.list[tuple[str, str | None]]:
        """Each (province, city) that customers are in, for the list's filters."""
        with self._database.unit_of_work(write=False) as uow:
            return live_places(uow.session)

    def warm_search(self) -> int:
        """Read the search documents' indexes once from end to end, so that the first
        searches after the computer started do not wait for the disk; returns the bytes
        read. A fraction of a second on 1,000,000 customers: run it in the background."""
        with self._database.unit_of_work(write=False) as uow:
            return warm_search_index(uow.session.connection())

    def add_tag(self, customer_id: uuid.UUID, tag_name: str) -> CustomerRecord:
        """Tag a customer, creating the tag when no tag has that name yet."""
        name = _tag_name(tag_name)
        with self._database.unit_of_work() as uow:
            customer = require_live(uow.session, Customer, customer_id, WHAT)
            now = self._clock()
            _attach(uow, customer.id, _tag_named(uow, name, now), now)
            return _saved(uow, customer)

    def add_tag_to_many(self, customer_ids: Iterable[uuid.UUID], tag_name: str) -> int:
        """Put one tag on several customers at once, all or none; returns how many of
        them did not have it yet."""
        name = _tag_name(tag_name)
        with self._database.unit_of_work() as uow:
            customers = _all_live(uow, customer_ids)
            now = self._clock()
            tag = _tag_named(uow, name, now)
            added = sum(_attach(uow, customer.id, tag, now) for customer in customers)
            uow.commit()
        return added

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
        with self._database.unit_of_work() as uow:
            session = uow.session
            problems = Problems()
            check_rep(session, problems, "owner_id", owner_id)
            problems.raise_if_any()
            customers = _all_live(uow, customer_ids)
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
        values = customer_field_values(p, draft, local_today(self._clock))
        code = values["code"]
        if code is not None and code_in_use(session, code, other_than=customer_id):
            p.add("code", "The code {code} is already used by another customer.", code=code)
        check_rep(session, p, "owner_id", draft.owner_id, saved=saved)
        if draft.referred_by_id is not None and is_new_value(
            saved, "referred_by_id", draft.referred_by_id
        ):
            _check_referrer(uow, p, draft.referred_by_id, customer_id)
        p.raise_if_any()
        return values


def customer_field_values(p: Problems, draft: CustomerDraft, today: date) -> dict[str, Any]:
    """The draft's own values cleaned for storage, noting their problems in `p`; the
    checks that need the database (code in use, owner, referrer) are the caller's.

    Shared by the customer form and the spreadsheet import.
    """
    check_birthday(p, "birthday", draft.birthday, today)
    return {
        "code": p.optional_text("code", draft.code, max_length=CODE_MAX_LENGTH),
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


def _tag_name(typed: str) -> str:
    problems = Problems()
    name = problems.required_text("tag", typed, max_length=TAG_MAX_LENGTH)
    problems.raise_if_any()
    return name


def _tag_named(uow: UnitOfWork, name: str, now: datetime) -> Tag:
    """The tag of that name, brought back or created when needed."""
    session = uow.session
    tag = find_tag_by_name(session, name)
    if tag is None:
        tag = Tag(name=name, created_at=now, updated_at=now)
        session.add(tag)
        session.flush()
    else:
        _revive(tag, now)
    return tag


def _attach(uow: UnitOfWork, customer_id: uuid.UUID, tag: Tag, now: datetime) -> bool:
    """Put the tag on the customer; False when it was there already."""
    session = uow.session
    link = find_customer_tag(session, customer_id, tag.id)
    if link is None:
        session.add(
            CustomerTag(customer_id=customer_id, tag_id=tag.id, created_at=now, updated_at=now)
        )
        return True
    if link.deleted_at is None:
        return False
    _revive(link, now)
    return True


def _all_live(uow: UnitOfWork, customer_ids: Iterable[uuid.UUID]) -> Sequence[Customer]:
    """These customers; NotFoundError names one that does not exist or was deleted."""
    wanted = set(customer_ids)
    customers = find_customers(uow.session, wanted)
    missing = wanted - {customer.id for customer in customers}
    if missing:
        raise NotFoundError(WHAT, next(iter(missing)))
    return customers


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
