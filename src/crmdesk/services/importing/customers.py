"""Customer rows: validated with the customer form's own rules, matched against stored
customers and earlier rows, then created, used to fill or overwrite stored customers, or
set aside."""

from __future__ import annotations

import functools
import re
import sys
import uuid
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar, cast

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import Contact, Customer, CustomerTag, Tag
from crmdesk.db.numbers import reserve_numbers
from crmdesk.db.repositories import bulk
from crmdesk.db.repositories import import_batches as journal
from crmdesk.db.repositories import import_matching as matching
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage, SourceChannel
from crmdesk.domain.errors import Problem, ValidationError
from crmdesk.domain.import_results import (
    DuplicateOf,
    DuplicatePolicy,
    ImportOptions,
    MatchRule,
    RowAction,
    RowOutcome,
)
from crmdesk.domain.search_text import SearchSubject, search_document, sort_key
from crmdesk.domain.validation import Problems
from crmdesk.services.customers import TAG_MAX_LENGTH, customer_field_values
from crmdesk.services.importing.file_referrals import SEVERAL, FileReferrals
from crmdesk.services.importing.matching import CustomerKeys, KeyIndex, Match, name_key
from crmdesk.services.importing.pipeline import write_behind
from crmdesk.services.importing.references import rep_of, text
from crmdesk.services.importing.source import RowSource, SourceRow, Steps, chunks
from crmdesk.services.importing.writing import (
    Journal,
    ascending_ids,
    collector_paused,
    synced_columns,
)

_E = TypeVar("_E", bound=StrEnum)
_D = TypeVar("_D", bound=StrEnum | None)
_Shared = TypeVar("_Shared", frozenset[str], tuple[str, ...])
_TAG_SEPARATORS = re.compile(r"[,，、;；|/]+")
# Problems the form reports on its own field names, shown on the file's columns.
_FIELD_OF_COLUMN = {
    "phone_alt": "phone",
    "owner_id": "owner",
    "referred_by_id": "referred_by",
    "custom_fields": "notes",
}
# Import fields and the customer columns they fill (the rest fill the column of their name).
_COLUMNS_OF_FIELD = {
    "phone": ("phone", "phone_alt"),
    "owner": ("owner_id",),
    "referred_by": ("referred_by_id",),
    "lifecycle_stage": ("lifecycle_stage", "stage_pinned"),
}
# Texts that many rows repeat: kept once rather than once a row while a file is planned.
_REPEATED_TEXTS = ("industry", "province", "city", "district")
# A stored code is the customer's identity: an update never changes it.
_NEVER_UPDATED = frozenset({"code"})
_INSERT_CHUNK = 2_000


@dataclass(slots=True)
class CustomerRow:
    """One valid row, ready to be written."""

    number: int
    id: uuid.UUID
    values: dict[str, Any]  # customer column -> value
    given: frozenset[str]  # import fields the row fills
    tags: tuple[str, ...] = ()
    contact_name: str | None = None


@dataclass
class CustomerPlan:
    outcomes: list[RowOutcome] = field(default_factory=list)
    creates: list[CustomerRow] = field(default_factory=list)
    updates: list[tuple[CustomerRow, uuid.UUID]] = field(default_factory=list)


class _Lookups:
    """Reps and referring customers by name, asked once for the whole file or a chunk."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.reps = journal.reps_by_name(uow.session)
        self.referrers: dict[str, list[uuid.UUID]] = {}
        # Row number → a referrer not found among stored customers: maybe a row of the file.
        self.unresolved: dict[int, str] = {}

    def load_referrers(self, rows: Sequence[SourceRow]) -> None:
        keys = {str(r.values["referred_by"]) for r in rows if r.values.get("referred_by")}
        self.referrers = journal.customers_by_key(self.uow.session, keys) if keys else {}


def plan_customers(
    uow: UnitOfWork, source: RowSource, options: ImportOptions, today: date, steps: Steps
) -> CustomerPlan:
    with collector_paused():
        return _plan_customers(uow, source, options, today, steps)


def _plan_customers(
    uow: UnitOfWork, source: RowSource, options: ImportOptions, today: date, steps: Steps
) -> CustomerPlan:
    lookups = _Lookups(uow)
    # Ids in the order of the rows: customers are written in that order.
    ids = ascending_ids(source.row_count)
    # Row numbers rather than the rows themselves: the cleaned cells are not kept.
    rows: list[tuple[int, CustomerRow | dict[str, Problem]]] = []
    for chunk in chunks(source.rows()):
        lookups.load_referrers(chunk)
        rows += (
            (source_row.number, _prepare(source_row, lookups, today, next(ids)))
            for source_row in chunk
        )
        steps.advance(len(chunk) // 2)
    referrals = FileReferrals[CustomerRow]()
    referrals.resolve(rows, lookups.unresolved)
    similar = _stored_similar_names(
        uow, {p.values["name"] for _, p in rows if isinstance(p, CustomerRow)}
    )
    plan = CustomerPlan()
    in_file = KeyIndex()
    claimed: dict[uuid.UUID, int] = {}
    # The first import into a new database has nothing stored to ask about.
    any_stored = matching.has_customers(uow.session)
    for start in range(0, len(rows), matching.CHUNK):
        chunk_rows = rows[start : start + matching.CHUNK]
        stored, deleted_codes = (
            _stored_matches(uow, [p for _, p in chunk_rows if isinstance(p, CustomerRow)])
            if any_stored
            else (KeyIndex(), set[str]())
        )
        for number, prepared in chunk_rows:
            if not isinstance(prepared, CustomerRow):
                plan.outcomes.append(RowOutcome(number, RowAction.REJECT, prepared))
                continue
            keys = _keys(prepared)
            if keys.code in deleted_codes:
                problems = {
                    "code": Problem(
                        "The code {code} belongs to a deleted customer; restore that customer "
                        "or change the code.",
                        {"code": keys.code},
                    )
                }
                plan.outcomes.append(RowOutcome(number, RowAction.REJECT, problems))
                continue
            stored_match = stored.match(keys) or _near(similar, keys)
            outcome = _decide(prepared, keys, stored_match, in_file.match(keys), options, claimed)
            plan.outcomes.append(outcome)
            if outcome.action is RowAction.CREATE:
                plan.creates.append(prepared)
            elif outcome.action is RowAction.UPDATE and outcome.record_id is not None:
                plan.updates.append((prepared, outcome.record_id))
            if outcome.action is not RowAction.REJECT:
                in_file.add(keys)
        steps.advance(len(chunk_rows) - len(chunk_rows) // 2)
    _settle_referrals(plan, referrals, rows)
    return plan


def _settle_referrals(
    plan: CustomerPlan,
    referrals: FileReferrals[CustomerRow],
    rows: list[tuple[int, CustomerRow | dict[str, Problem]]],
) -> None:
    if not referrals.referrer_of:
        return
    planned = {number: p for number, p in rows if isinstance(p, CustomerRow)}
    rejected = referrals.settle(plan.outcomes, planned)
    if rejected:
        plan.creates = [row for row in plan.creates if row.number not in rejected]
        plan.updates = [(row, to) for row, to in plan.updates if row.number not in rejected]


def _decide(
    row: CustomerRow,
    keys: CustomerKeys,
    stored: Match | None,
    earlier: Match | None,
    options: ImportOptions,
    claimed: dict[uuid.UUID, int],
) -> RowOutcome:
    policy = options.on_duplicate
    create = RowOutcome(row.number, RowAction.CREATE, record_id=row.id)
    if policy is DuplicatePolicy.CREATE:
        # Created anyway, except that a code names one customer only.
        clash = next(
            (m.of for m in (stored, earlier) if m and m.exact and m.of.rule is MatchRule.CODE),
            None,
        )
        if clash is None:
            return create
        return RowOutcome(
            row.number,
            RowAction.REJECT,
            {"code": Problem("The code {code} is already used.", {"code": keys.code})},
            duplicate_of=clash,
        )
    if stored is not None and stored.exact and stored.of.record_id is not None:
        first = claimed.get(stored.of.record_id)
        if first is not None:
            # A second row for the same stored customer duplicates the first one.
            earlier_row = DuplicateOf(stored.of.rule, stored.of.name, row_number=first)
            return RowOutcome(row.number, RowAction.SKIP, duplicate_of=earlier_row)
        claimed[stored.of.record_id] = row.number
        if policy is DuplicatePolicy.UPDATE:
            return RowOutcome(
                row.number, RowAction.UPDATE, duplicate_of=stored.of, record_id=stored.of.record_id
            )
        return RowOutcome(row.number, RowAction.SKIP, duplicate_of=stored.of)
    if earlier is not None and earlier.exact:
        return RowOutcome(row.number, RowAction.SKIP, duplicate_of=earlier.of)
    near = stored or earlier
    if near is not None:
        return RowOutcome(row.number, RowAction.REVIEW, duplicate_of=near.of)
    return create


def _near(similar: Mapping[str, list[CustomerKeys]], keys: CustomerKeys) -> Match | None:
    if keys.name_key not in similar:
        return None
    index = KeyIndex()
    index.add_all(similar[keys.name_key])
    return index.match(keys)


def _stored_matches(uow: UnitOfWork, rows: Sequence[CustomerRow]) -> tuple[KeyIndex, set[str]]:
    """Stored customers that may match these rows (one query), and the codes among the
    rows that only deleted customers hold."""
    codes = {r.values["code"] for r in rows if r.values["code"]}
    found = matching.matching_customers(
        uow.session,
        codes=codes,
        phones={p for r in rows for p in (r.values["phone"], r.values["phone_alt"]) if p},
        emails={r.values["email"] for r in rows if r.values["email"]},
        names={r.values["name"] for r in rows},
    )
    index = KeyIndex()
    index.add_all(CustomerKeys.of_stored(stored) for stored in found)
    deleted = matching.codes_taken(uow.session, codes - index.by_code.keys()) if codes else set()
    return index, deleted


def _stored_similar_names(uow: UnitOfWork, names: set[str]) -> dict[str, list[CustomerKeys]]:
    """Stored customers whose name, ignoring punctuation, spacing and width, is one of
    these; no index answers that, so it is one pass over the stored customers."""
    wanted = {name_key(name) for name in names}
    similar: dict[str, list[CustomerKeys]] = {}
    if not matching.has_live_customers(uow.session):
        return similar
    for stored in matching.all_live_customers(uow.session):
        key = name_key(stored.name)
        if key in wanted:
            similar.setdefault(key, []).append(CustomerKeys.of_stored(stored))
    return similar


def _keys(row: CustomerRow) -> CustomerKeys:
    values = row.values
    return CustomerKeys(
        name=values["name"],
        code=values["code"],
        phones=tuple(dict.fromkeys(p for p in (values["phone"], values["phone_alt"]) if p)),
        email=values["email"],
        city=values["city"],
        name_key=name_key(values["name"]),
        row_number=row.number,
    )


def _prepare(
    row: SourceRow, lookups: _Lookups, today: date, new_id: uuid.UUID
) -> CustomerRow | dict[str, Problem]:
    """The row as customer columns (with `new_id` for a new customer), or what is wrong
    with it."""
    v = row.values
    problems = Problems()
    phones = [str(p) for p in _as_list(v.get("phone"))]
    notes = text(v.get("notes"))
    if len(phones) > 2:
        # Two phones fit the customer; the others are kept where a person will see them.
        extra = "Other phones: " + ", ".join(phones[2:])
        notes = f"{notes}\n{extra}" if notes else extra
    stage = v.get("lifecycle_stage")
    draft = CustomerDraft(
        name=text(v.get("name")) or "",
        kind=_enum(v.get("kind"), CustomerKind, CustomerKind.COMPANY),
        code=text(v.get("code")),
        industry=text(v.get("industry")),
        source=_enum(v.get("source"), SourceChannel, None),
        level=_enum(v.get("level"), CustomerLevel, CustomerLevel.NORMAL),
        lifecycle_stage=_enum(stage, LifecycleStage, LifecycleStage.EXPLORATION),
        stage_pinned=stage is not None,
        owner_id=rep_of(problems, "owner_id", lookups.reps, text(v.get("owner"))),
        phone=phones[0] if phones else None,
        phone_alt=phones[1] if len(phones) > 1 else None,
        email=text(v.get("email")),
        wechat=text(v.get("wechat")),
        province=text(v.get("province")),
        city=text(v.get("city")),
        district=text(v.get("district")),
        address=text(v.get("address")),
        birthday=_date(v.get("birthday")),
        referred_by_id=_referrer(problems, lookups, text(v.get("referred_by")), row.number),
        notes=notes,
    )
    values = customer_field_values(problems, draft, today)
    tags = _tags(problems, text(v.get("tags")))
    contact_name = text(v.get("contact_name"))
    if contact_name is not None:
        contact_name = problems.required_text("contact_name", contact_name, max_length=100)
    found = dict(row.problems)
    try:
        problems.raise_if_any()
    except ValidationError as error:
        for column, problem in error.problems.items():
            found.setdefault(_FIELD_OF_COLUMN.get(column, column), problem)
    if found:
        return found
    for column in _REPEATED_TEXTS:
        if values[column] is not None:
            values[column] = sys.intern(values[column])
    given = _shared(frozenset(key for key, value in v.items() if value not in (None, "", [])))
    return CustomerRow(row.number, new_id, values, given, tags, contact_name)


def _shared(value: _Shared) -> _Shared:
    """One object for all the rows that fill the same fields or name the same tags (most
    rows of a file do), instead of one a row."""
    return cast(_Shared, _first_of_its_kind(value))


@functools.lru_cache(maxsize=1024)
def _first_of_its_kind(value: Hashable) -> Hashable:
    return value


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _enum(value: object, enum: type[_E], default: _D) -> _E | _D:
    return value if isinstance(value, enum) else default


def _date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _referrer(
    problems: Problems, lookups: _Lookups, key: str | None, number: int
) -> uuid.UUID | None:
    if key is None:
        return None
    found = lookups.referrers.get(key, [])
    if len(found) == 1:
        return found[0]
    if found:
        problems.add("referred_by_id", SEVERAL, name=key)
    else:
        # Perhaps another row of the file: settled once every row is read.
        lookups.unresolved[number] = key
    return None


def _tags(problems: Problems, cell: str | None) -> tuple[str, ...]:
    names = [t.strip() for t in _TAG_SEPARATORS.split(cell or "") if t.strip()]
    for name in names:
        problems.optional_text("tags", name, max_length=TAG_MAX_LENGTH)
    return _shared(tuple(dict.fromkeys(names)))


# --- writing ------------------------------------------------------------------------------


@dataclass(slots=True)
class _TagChanges:
    """Tags to create or revive for some rows, and the (customer, tag) pairs they name."""

    new_tags: list[dict[str, Any]] = field(default_factory=list)
    revived: list[uuid.UUID] = field(default_factory=list)
    links: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)


@dataclass(slots=True)
class _NewCustomers:
    """A chunk of new customers, made ready to write without the database."""

    size: int
    inserts: list[bulk.PreparedRows]  # customers, contacts, tags, tag links
    revived_tags: list[uuid.UUID]
    documents: list[tuple[uuid.UUID, str]]  # search documents by customer id


def write_customers(
    uow: UnitOfWork,
    plan: CustomerPlan,
    options: ImportOptions,
    now: datetime,
    steps: Steps,
    changes: Journal,
) -> None:
    """Create the new customers (with contacts and tags) in bulk and update the matched
    ones; every row written goes into the journal."""
    tags = _TagWriter(uow, now, changes)
    _assign_codes(uow, plan.creates)
    with collector_paused(), bulk.bulk_writing(uow.session):
        # This thread builds rows (pinyin, search documents) while the writer thread
        # inserts the previous chunk: only the writer uses the session meanwhile.
        prepare = bulk.RowPreparer(uow.session)
        write_behind(
            (
                _new_customers(
                    prepare, plan.creates[start : start + _INSERT_CHUNK], now, tags, changes
                )
                for start in range(0, len(plan.creates), _INSERT_CHUNK)
            ),
            functools.partial(_insert_new, uow, now),
            lambda chunk: steps.advance(chunk.size),
        )
    for start in range(0, len(plan.updates), matching.CHUNK):
        chunk_updates = plan.updates[start : start + matching.CHUNK]
        stored = journal.load_customers(uow.session, [record_id for _, record_id in chunk_updates])
        for row, record_id in chunk_updates:
            customer = stored[record_id]
            previous = _update(customer, row, options.overwrite, now)
            tags.link([(record_id, row.tags)])
            if previous:
                changes.updated(Customer, record_id, previous)
        uow.session.flush()
        steps.advance(len(chunk_updates))


def _new_customers(
    prepare: bulk.RowPreparer,
    rows: Sequence[CustomerRow],
    now: datetime,
    tags: _TagWriter,
    changes: Journal,
) -> _NewCustomers:
    """The rows that create these customers, noted in the journal; no database needed."""
    customer_rows: list[dict[str, Any]] = []
    documents: list[tuple[uuid.UUID, str]] = []
    for row in rows:
        # One after the other, so that the document reuses the name's spelling.
        customer_rows.append(_customer_row(row, now))
        documents.append((row.id, search_document(_search_subject(row))))
    contact_rows = [_contact_row(row, now) for row in rows if row.contact_name]
    tag_changes = tags.resolve((row.id, row.tags) for row in rows)
    link_rows = tags.link_rows(tag_changes.links)
    changes.created(Customer, (row.id for row in rows))
    changes.created(Contact, (row["id"] for row in contact_rows))
    inserts = [
        prepare(Customer, customer_rows),
        prepare(Contact, contact_rows),
        prepare(Tag, tag_changes.new_tags),
        prepare(CustomerTag, link_rows),
    ]
    return _NewCustomers(len(rows), inserts, tag_changes.revived, documents)


def _insert_new(uow: UnitOfWork, now: datetime, chunk: _NewCustomers) -> None:
    """Write a chunk of new customers: the database's work, on the writer thread."""
    for rows in chunk.inserts:
        bulk.insert_prepared(uow.session, rows)
    journal.revive_tags(uow.session, chunk.revived_tags, now)
    bulk.index_new_customers(uow.session, chunk.documents)


def _update(
    customer: Customer, row: CustomerRow, overwrite: frozenset[str], now: datetime
) -> dict[str, object]:
    """Fill the customer's empty fields from the row, and overwrite the chosen ones;
    returns the previous values of the columns that changed."""
    previous: dict[str, object] = {}
    for field_key in row.given - _NEVER_UPDATED:
        for column in _COLUMNS_OF_FIELD.get(field_key, (field_key,)):
            if column not in row.values:
                continue
            new, old = row.values[column], getattr(customer, column)
            if new is None or new == old:
                continue
            if old in (None, "") or field_key in overwrite:
                previous[column] = journal.json_ready(old)
                setattr(customer, column, new)
    if previous:
        customer.updated_at = now
    return previous


def _assign_codes(uow: UnitOfWork, rows: Sequence[CustomerRow]) -> None:
    without = [row for row in rows if not row.values["code"]]
    codes = reserve_numbers(uow.session, "customer", len(without), Customer.code)
    for row, code in zip(without, codes, strict=True):
        row.values["code"] = code


def _customer_row(row: CustomerRow, now: datetime) -> dict[str, Any]:
    return {
        **synced_columns(row.id, now),
        **row.values,
        "search_keys": sort_key(row.values["name"]),
    }


def _search_subject(row: CustomerRow) -> SearchSubject:
    """What the search document of the customer made from `row` holds; its one contact
    has nothing searchable but a name."""
    values = row.values
    return SearchSubject(
        code=values["code"],
        names=[values["name"], *([row.contact_name] if row.contact_name else [])],
        phones=[p for p in (values["phone"], values["phone_alt"]) if p],
        emails=[values["email"]] if values["email"] else [],
        other_words=[values["wechat"]] if values["wechat"] else [],
    )


def _contact_row(row: CustomerRow, now: datetime) -> dict[str, Any]:
    return {
        **synced_columns(uuid.uuid4(), now),
        "customer_id": row.id,
        "name": row.contact_name,
        "title": None,
        "phone": None,
        "email": None,
        "wechat": None,
        "birthday": None,
        "is_primary": True,
        "notes": None,
    }


class _TagWriter:
    """Tags named in the file: existing ones are reused (revived if deleted), others made.

    Working out which tags to make or revive needs no database (the stored tags are read
    once, up front), so it can run while another thread writes.
    """

    def __init__(self, uow: UnitOfWork, now: datetime, changes: Journal) -> None:
        self._uow = uow
        self._now = now
        self._changes = changes
        self._known = journal.tags_by_name(uow.session)
        self._ready: dict[str, uuid.UUID] = {}

    def link(self, wanted: Iterable[tuple[uuid.UUID, tuple[str, ...]]]) -> None:
        """Tag stored customers, now."""
        found = self.resolve(wanted)
        if not found.links:
            return
        session = self._uow.session
        existing = journal.existing_tag_links(session, found.links)
        bulk.insert_rows(session, Tag, found.new_tags)
        journal.revive_tags(session, found.revived, self._now)
        rows = self.link_rows([link for link in found.links if link not in existing])
        bulk.insert_rows(session, CustomerTag, rows)

    def resolve(self, wanted: Iterable[tuple[uuid.UUID, tuple[str, ...]]]) -> _TagChanges:
        """The tags to make or revive for these (customer, tag names) and the pairs; a
        tag is made or revived by the first call that names it."""
        found = _TagChanges()
        links = [
            (customer_id, self._tag_id(name, found))
            for customer_id, names in wanted
            for name in names
        ]
        found.links = list(dict.fromkeys(links))
        return found

    def link_rows(self, links: Iterable[tuple[uuid.UUID, uuid.UUID]]) -> list[dict[str, Any]]:
        rows = [
            {**synced_columns(uuid.uuid4(), self._now), "customer_id": c, "tag_id": t}
            for c, t in links
        ]
        self._changes.created(CustomerTag, (row["id"] for row in rows))
        return rows

    def _tag_id(self, name: str, found: _TagChanges) -> uuid.UUID:
        if name in self._ready:
            return self._ready[name]
        known = self._known.get(name)
        if known is None:
            tag_id = uuid.uuid4()
            row = {**synced_columns(tag_id, self._now), "name": name, "color": None}
            found.new_tags.append(row)
            self._changes.created(Tag, [tag_id])
        else:
            tag_id, deleted_at = known
            if deleted_at is not None:
                found.revived.append(tag_id)
                self._changes.updated(Tag, tag_id, {"deleted_at": journal.json_ready(deleted_at)})
        self._ready[name] = tag_id
        return tag_id
