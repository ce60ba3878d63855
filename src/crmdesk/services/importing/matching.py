"""Which stored customer or earlier row of the file an imported customer row duplicates
(exactly, or nearly: listed for review, never merged silently)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crmdesk.db.repositories.import_matching import StoredCustomer
from crmdesk.domain.import_results import DuplicateOf, MatchRule
from crmdesk.domain.search_text import fold

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A name without punctuation, spacing, width or case: ＡＢＣ（上海） and abc上海 agree."""
    return _NOT_WORD.sub("", fold(name))


@dataclass(frozen=True, slots=True)
class CustomerKeys:
    """What a customer is recognised by."""

    name: str
    code: str | None = None
    phones: tuple[str, ...] = ()  # without repeats
    email: str | None = None
    city: str | None = None
    name_key: str = ""
    record_id: uuid.UUID | None = None  # a stored customer
    row_number: int | None = None  # a row of the file

    @classmethod
    def of_stored(cls, stored: StoredCustomer) -> CustomerKeys:
        return cls(
            name=stored.name,
            code=stored.code,
            phones=tuple(stored.phones),
            email=stored.email,
            city=stored.city,
            name_key=name_key(stored.name),
            record_id=stored.id,
        )

    def duplicate(self, rule: MatchRule) -> DuplicateOf:
        return DuplicateOf(
            rule=rule,
            name=self.name,
            code=self.code,
            record_id=self.record_id,
            row_number=self.row_number,
        )


@dataclass(frozen=True, slots=True)
class Match:
    of: DuplicateOf
    exact: bool  # False: a near-duplicate


# The customers holding a key, in the order added: one as itself (most keys belong to one
# customer, and a list for each would double the size of the index of a large file), or
# several as a list.
_Holders = CustomerKeys | list[CustomerKeys]


def _append(index: dict[str, _Holders], key: str, keys: CustomerKeys) -> None:
    held = index.get(key)
    if held is None:
        index[key] = keys
    elif isinstance(held, list):
        held.append(keys)
    else:
        index[key] = [held, keys]


def _holders(index: dict[str, _Holders], key: str) -> Sequence[CustomerKeys]:
    held = index.get(key)
    if held is None:
        return ()
    return held if isinstance(held, list) else (held,)


@dataclass
class KeyIndex:
    """Customers looked up by each key they can be recognised by."""

    by_code: dict[str, CustomerKeys] = field(default_factory=dict)
    by_phone: dict[str, _Holders] = field(default_factory=dict)
    by_email: dict[str, _Holders] = field(default_factory=dict)
    by_name_key: dict[str, _Holders] = field(default_factory=dict)

    def add(self, keys: CustomerKeys) -> None:
        if keys.code:
            self.by_code.setdefault(keys.code, keys)
        for phone in keys.phones:
            _append(self.by_phone, phone, keys)
        if keys.email:
            _append(self.by_email, keys.email, keys)
        if keys.name_key:
            _append(self.by_name_key, keys.name_key, keys)

    def add_all(self, many: Iterable[CustomerKeys]) -> None:
        for keys in many:
            self.add(keys)

    def match(self, row: CustomerKeys) -> Match | None:
        """The best match of `row`: an exact duplicate if there is one, else a near one.

        Exact: the same code; the same phone or e-mail with the same name (ignoring
        punctuation, spacing, width); the same name and city unless both have phones
        and none is shared. Near: the same phone or e-mail with another name; the same
        name (so compared) in the same city or where a city is missing, with other phones.
        """
        if row.code and row.code in self.by_code:
            return Match(self.by_code[row.code].duplicate(MatchRule.CODE), exact=True)
        near: Match | None = None
        for rule, candidates in (
            (MatchRule.PHONE, [c for phone in row.phones for c in _holders(self.by_phone, phone)]),
            (MatchRule.EMAIL, _holders(self.by_email, row.email) if row.email else ()),
        ):
            for candidate in candidates:
                if candidate.name_key == row.name_key:
                    return Match(candidate.duplicate(rule), exact=True)
                near = near or Match(candidate.duplicate(rule), exact=False)
        for candidate in _holders(self.by_name_key, row.name_key):
            if row.city and candidate.city and row.city != candidate.city:
                continue  # namesakes in other cities are other customers
            phones_differ = bool(
                row.phones
                and candidate.phones
                and not any(phone in candidate.phones for phone in row.phones)
            )
            if candidate.name == row.name and row.city and not phones_differ:
                return Match(candidate.duplicate(MatchRule.NAME_CITY), exact=True)
            rule = MatchRule.NAME_CITY if candidate.name == row.name else MatchRule.SIMILAR_NAME
            near = near or Match(candidate.duplicate(rule), exact=False)
        return near
