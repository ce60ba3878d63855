"""Contact rows (联系人): people of customers found by code or name, checked with the
contact form's rules. A row whose customer already has a contact of the same name or
phone (stored, or given by an earlier row) is a duplicate: skipped, used to update that
contact, or created anyway, as the user chose. Every customer with contacts keeps
exactly one primary contact, as the contact form keeps it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import Contact
from crmdesk.db.repositories import bulk
from crmdesk.db.repositories import import_batches as journal
from crmdesk.db.repositories.import_references import StoredContact, load_contacts
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.errors import Problem
from crmdesk.domain.import_results import (
    DuplicateOf,
    DuplicatePolicy,
    ImportOptions,
    MatchRule,
    RowAction,
    RowOutcome,
)
from crmdesk.domain.validation import Problems
from crmdesk.services.contacts import contact_field_values
from crmdesk.services.importing.owned import insert_journaled, row_problems
from crmdesk.services.importing.references import CUSTOMER, ReferenceLoader, References, text
from crmdesk.services.importing.source import CHUNK, RowSource, SourceRow, Steps, chunks
from crmdesk.services.importing.writing import Journal, synced_columns

_INSERT_CHUNK = 2_000
_UPDATABLE = ("name", "title", "phone", "email", "wechat", "birthday", "notes")


@dataclass(slots=True)
class ContactRow:
    """One valid row, ready to be written."""

    number: int
    id: uuid.UUID
    customer_id: uuid.UUID
    customer_key: str  # the customer as the file names it
    values: dict[str, Any]  # contact column -> value
    phones: frozenset[str]  # every phone of the row, the ones kept in the notes too
    given: frozenset[str]  # import fields the row fills
    primary: bool  # the file makes it the primary contact


@dataclass
class ContactPlan:
    outcomes: list[RowOutcome] = field(default_factory=list)
    creates: list[ContactRow] = field(default_factory=list)
    updates: list[tuple[ContactRow, uuid.UUID]] = field(default_factory=list)
    # The stored contacts of every customer the rows name.
    stored: dict[uuid.UUID, list[StoredContact]] = field(default_factory=dict)

    def write(
        self, uow: UnitOfWork, options: ImportOptions, now: datetime, steps: Steps, changes: Journal
    ) -> None:
        """Create the new contacts in bulk, then update the matched ones and move the
        primary mark; every row written goes into the journal."""
        primary = self._primaries()
        for start in range(0, len(self.creates), _INSERT_CHUNK):
            chunk = self.creates[start : start + _INSERT_CHUNK]
            rows = [_contact_row(row, now, primary.get(row.customer_id) == row.id) for row in chunk]
            insert_journaled(uow, Contact, rows, changes)
            steps.advance(len(chunk))
        # A customer's search document lists its contacts: rebuilt once, after all of them.
        bulk.index_customers(uow.session, {row.customer_id for row in self.creates})
        # Stored contacts whose primary mark changes: the new primary ones, and the
        # primary ones they replace.
        marks = {
            contact.id: contact.id == contact_id
            for customer_id, contact_id in primary.items()
            for contact in self.stored.get(customer_id, ())
            if contact.is_primary or contact.id == contact_id
        }
        updates = {record_id: row for row, record_id in self.updates}
        wanted = list(updates.keys() | marks.keys())
        for start in range(0, len(wanted), CHUNK):
            ids = wanted[start : start + CHUNK]
            stored = load_contacts(uow.session, ids)
            for contact_id in ids:
                contact = stored[contact_id]
                previous = _update(contact, updates.get(contact_id), options.overwrite)
                is_primary = marks.get(contact_id, contact.is_primary)
                if is_primary != contact.is_primary:
                    previous["is_primary"] = contact.is_primary
                    contact.is_primary = is_primary
                if previous:
                    contact.updated_at = now
                    changes.updated(Contact, contact_id, previous)
            uow.session.flush()
            steps.advance(sum(contact_id in updates for contact_id in ids))

    def _primaries(self) -> dict[uuid.UUID, uuid.UUID]:
        """Customer -> the contact that must be its primary one, where the import
        changes it: the last row the file makes primary, or else the first new contact
        of a customer that had none."""
        primary: dict[uuid.UUID, uuid.UUID] = {}
        rows = sorted(
            [(row, row.id) for row in self.creates] + self.updates, key=lambda r: r[0].number
        )
        for row, contact_id in rows:
            if row.primary or (
                not self.stored.get(row.customer_id) and row.customer_id not in primary
            ):
                primary[row.customer_id] = contact_id
        return primary


def plan_contacts(
    uow: UnitOfWork, source: RowSource, options: ImportOptions, today: date, steps: Steps
) -> ContactPlan:
    loader = ReferenceLoader(uow)
    plan = ContactPlan()
    earlier = _Earlier()
    claimed: dict[uuid.UUID, int] = {}  # stored contact -> the row that updates it
    for chunk in chunks(source.rows()):
        references = loader.load(chunk)
        for source_row in chunk:
            row, problems = _prepare(source_row, references, today)
            if row is None:
                plan.outcomes.append(RowOutcome(source_row.number, RowAction.REJECT, problems))
                continue
            stored = plan.stored.setdefault(
                row.customer_id, references.contacts.get(row.customer_id, [])
            )
            outcome = _decide(row, _stored_match(row, stored), earlier, options, claimed)
            plan.outcomes.append(outcome)
            if outcome.action is RowAction.CREATE:
                plan.creates.append(row)
                earlier.add(row)
            elif outcome.action is RowAction.UPDATE and outcome.record_id is not None:
                plan.updates.append((row, outcome.record_id))
        steps.advance(len(chunk))
    return plan


class _Earlier:
    """Contacts the file gave each customer in earlier rows, by name and by phone."""

    def __init__(self) -> None:
        self._names: dict[tuple[uuid.UUID, str], int] = {}
        self._phones: dict[tuple[uuid.UUID, str], int] = {}

    def add(self, row: ContactRow) -> None:
        self._names.setdefault((row.customer_id, row.values["name"]), row.number)
        for phone in row.phones:
            self._phones.setdefault((row.customer_id, phone), row.number)

    def match(self, row: ContactRow) -> DuplicateOf | None:
        number = self._names.get((row.customer_id, row.values["name"]))
        if number is not None:
            return DuplicateOf(MatchRule.NAME, row.values["name"], row_number=number)
        for phone in row.phones:
            number = self._phones.get((row.customer_id, phone))
            if number is not None:
                return DuplicateOf(MatchRule.PHONE, row.values["name"], row_number=number)
        return None


def _stored_match(row: ContactRow, stored: Iterable[StoredContact]) -> DuplicateOf | None:
    """The customer's stored contact with the row's name, or else with one of its phones."""
    candidates = list(stored)
    for rule, found in (
        (MatchRule.NAME, [c for c in candidates if c.name == row.values["name"]]),
        (MatchRule.PHONE, [c for c in candidates if c.phone and c.phone in row.phones]),
    ):
        if found:
            return DuplicateOf(rule, found[0].name, code=row.customer_key, record_id=found[0].id)
    return None


def _decide(
    row: ContactRow,
    stored: DuplicateOf | None,
    earlier: _Earlier,
    options: ImportOptions,
    claimed: dict[uuid.UUID, int],
) -> RowOutcome:
    policy = options.on_duplicate
    if policy is DuplicatePolicy.CREATE:
        return RowOutcome(row.number, RowAction.CREATE, record_id=row.id)
    if stored is not None and stored.record_id is not None:
        first = claimed.get(stored.record_id)
        if first is not None:
            # A second row for the same stored contact duplicates the first one.
            of = DuplicateOf(stored.rule, stored.name, row_number=first)
            return RowOutcome(row.number, RowAction.SKIP, duplicate_of=of)
        claimed[stored.record_id] = row.number
        if policy is DuplicatePolicy.UPDATE:
            return RowOutcome(
                row.number, RowAction.UPDATE, duplicate_of=stored, record_id=stored.record_id
            )
        return RowOutcome(row.number, RowAction.SKIP, duplicate_of=stored)
    in_file = earlier.match(row)
    if in_file is not None:
        return RowOutcome(row.number, RowAction.SKIP, duplicate_of=in_file)
    return RowOutcome(row.number, RowAction.CREATE, record_id=row.id)


def _prepare(
    row: SourceRow, references: References, today: date
) -> tuple[ContactRow | None, dict[str, Problem]]:
    """The row as contact columns, or None and what is wrong with it."""
    v = row.values
    problems = Problems()
    customer_key = text(v.get(CUSTOMER))
    customer_id = references.customer(problems, customer_key)
    phones = _phones(v.get("phone"))
    notes = text(v.get("notes"))
    if len(phones) > 1:
        # One phone fits a contact; the others are kept where a person will see them.
        extra = "Other phones: " + ", ".join(phones[1:])
        notes = f"{notes}\n{extra}" if notes else extra
    birthday = v.get("birthday")
    draft = ContactDraft(
        name=text(v.get("name")) or "",
        title=text(v.get("title")),
        phone=phones[0] if phones else None,
        email=text(v.get("email")),
        wechat=text(v.get("wechat")),
        birthday=birthday if isinstance(birthday, date) else None,
        notes=notes,
    )
    values = contact_field_values(problems, draft, today)
    found = row_problems(row, problems, {})
    if found or customer_id is None or customer_key is None:
        return None, found
    given = frozenset(key for key, value in v.items() if value not in (None, "", []))
    return ContactRow(
        number=row.number,
        id=uuid.uuid4(),
        customer_id=customer_id,
        customer_key=customer_key,
        values=values,
        phones=frozenset(phones),
        given=given,
        primary=v.get("is_primary") is True,
    ), found


def _phones(value: object) -> list[str]:
    if value is None:
        return []
    return [str(p) for p in value] if isinstance(value, list | tuple) else [str(value)]


def _update(
    contact: Contact, row: ContactRow | None, overwrite: frozenset[str]
) -> dict[str, object]:
    """Fill the contact's empty fields from the row and overwrite the chosen ones;
    returns the previous values of the columns that changed."""
    previous: dict[str, object] = {}
    if row is None:
        return previous
    for column in row.given.intersection(_UPDATABLE):
        new, old = row.values[column], getattr(contact, column)
        if new is None or new == old:
            continue
        if old in (None, "") or column in overwrite:
            previous[column] = journal.json_ready(old)
            setattr(contact, column, new)
    return previous


def _contact_row(row: ContactRow, now: datetime, is_primary: bool) -> dict[str, Any]:
    return {
        **synced_columns(row.id, now),
        **row.values,
        "customer_id": row.customer_id,
        "is_primary": is_primary,
    }
