"""What the rows of a customer's records (contacts, interactions, follow-ups, complaints,
orders) point to, found the way people write it in a sheet: the customer by code or
exact name, the sales rep by name, one of the customer's contacts by name. Looked up in
bulk, a chunk of rows at a time, never one query per row."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.repositories import import_batches as journal
from crmdesk.db.repositories.import_references import StoredContact, live_contacts
from crmdesk.domain.errors import Problem, problem_template
from crmdesk.domain.validation import Problems
from crmdesk.services.importing.source import SourceRow

# Field keys of the customer and contact columns in every such sheet.
CUSTOMER = "customer"
CONTACT = "contact"
NO_CUSTOMER = problem_template("No customer has the code or name {name}.")
SEVERAL_CUSTOMERS = problem_template("Several customers are called {name}; use their code.")


def text(value: object) -> str | None:
    """A cell's text, trimmed; None when empty."""
    if value is None:
        return None
    return str(value).strip() or None


def customer_of(found: Mapping[str, Sequence[uuid.UUID]], key: str) -> uuid.UUID | Problem:
    """The one live customer whose code or exact name is `key` (`found`: what
    `customers_by_key` gave), or why there is none."""
    ids = found.get(key, ())
    if len(ids) == 1:
        return ids[0]
    return Problem(SEVERAL_CUSTOMERS if ids else NO_CUSTOMER, {"name": key})


def rep_of(
    problems: Problems, field_key: str, reps: Mapping[str, uuid.UUID], name: str | None
) -> uuid.UUID | None:
    """The live rep called `name` (None for no name); a problem on `field_key` when
    there is no such rep."""
    if name is None:
        return None
    rep_id = reps.get(name)
    if rep_id is None:
        problems.add(field_key, "There is no sales rep called {name}.", name=name)
    return rep_id


@dataclass(frozen=True)
class References:
    """The reps, and the customers (with their contacts) that a chunk of rows names."""

    reps: Mapping[str, uuid.UUID]
    customers: Mapping[str, list[uuid.UUID]]
    contacts: Mapping[uuid.UUID, list[StoredContact]]

    def customer(self, problems: Problems, key: str | None) -> uuid.UUID | None:
        """The customer the row names; a problem on the customer column otherwise."""
        if key is None:
            problems.add(CUSTOMER, "This field is required.")
            return None
        found = customer_of(self.customers, key)
        if isinstance(found, Problem):
            problems.add(CUSTOMER, found.template, **found.params)
            return None
        return found

    def rep(self, problems: Problems, field_key: str, name: str | None) -> uuid.UUID | None:
        return rep_of(problems, field_key, self.reps, name)

    def contact(
        self, problems: Problems, customer_id: uuid.UUID | None, name: str | None
    ) -> uuid.UUID | None:
        """The customer's live contact called `name` (the primary one first, if several
        share it); a problem on the contact column when it has none."""
        if name is None or customer_id is None:
            return None
        for contact in self.contacts.get(customer_id, ()):
            if contact.name == name:
                return contact.id
        problems.add(CONTACT, "The customer has no contact called {name}.", name=name)
        return None


class ReferenceLoader:
    """Finds what chunks of rows point to; the reps are read once for the whole file."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._reps = journal.reps_by_name(uow.session)

    def load(self, rows: Sequence[SourceRow]) -> References:
        session = self._uow.session
        keys = {key for row in rows if (key := text(row.values.get(CUSTOMER)))}
        customers = journal.customers_by_key(session, keys) if keys else {}
        named = {ids[0] for ids in customers.values() if len(ids) == 1}
        return References(self._reps, customers, live_contacts(session, named))
