"""What an import plans and does, as passed between the import service and its callers
(the wizard, the command line): per-row outcomes, counts, recorded batches, undo."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from crmdesk.domain.errors import CrmError, JobCancelledError, Problem
from crmdesk.domain.import_fields import ImportEntity


class DuplicatePolicy(StrEnum):
    """What to do with a row that matches a record already stored."""

    SKIP = "skip"
    UPDATE = "update"  # fill empty fields; overwrite only the fields the user chose
    CREATE = "create"  # create a new record anyway (near-duplicates too)


@dataclass(frozen=True)
class ImportOptions:
    """How to import: which records the rows are, what to do with duplicates, whether
    rows with problems stop the whole file."""

    entity: ImportEntity
    on_duplicate: DuplicatePolicy = DuplicatePolicy.SKIP
    # With UPDATE: field keys ("phone", "owner" …) whose values from the file replace
    # stored ones; every other field is only filled where the record has none.
    overwrite: frozenset[str] = frozenset()
    # True: "import nothing" when any row is rejected or held back; False: "import the
    # valid rows".
    all_or_nothing: bool = False
    # Orders (and other records of a customer): create customers the file names but the
    # database does not have.
    create_customers: bool = False


class RowAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"  # a duplicate of a stored record or of an earlier row of the file
    REVIEW = "review"  # a near-duplicate, held back for a person to look at
    REJECT = "reject"  # a problem in the row itself


class MatchRule(StrEnum):
    """Why two records are taken for the same one (or nearly so)."""

    CODE = "code"
    PHONE = "phone"
    EMAIL = "email"
    NAME_CITY = "name_city"
    SIMILAR_NAME = "similar_name"  # same name ignoring punctuation, spacing and width
    NUMBER = "number"  # the same order number
    NAME = "name"  # the same name (a contact of the same customer)


# Slots: an import of 100,000 rows keeps 100,000 of these.
@dataclass(frozen=True, slots=True)
class DuplicateOf:
    """The stored record (`record_id`) or earlier row of the file (`row_number`) a row
    duplicates or nearly duplicates."""

    rule: MatchRule
    name: str
    code: str | None = None
    record_id: uuid.UUID | None = None
    row_number: int | None = None


# Shared by the many rows without problems (100,000 empty dicts would cost megabytes).
_NO_PROBLEMS: Mapping[str, Problem] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What happens (or happened) to one data row. `problems` (field key -> problem) is
    set for rejected rows; `duplicate_of` for skipped, reviewed and updated ones."""

    number: int
    action: RowAction
    problems: Mapping[str, Problem] = field(default_factory=lambda: _NO_PROBLEMS)
    duplicate_of: DuplicateOf | None = None
    record_id: uuid.UUID | None = None  # the record created or updated

    @property
    def reasons(self) -> tuple[Problem, ...]:
        """Why the row was not imported as it is, as translatable problems."""
        reasons = list(self.problems.values())
        if self.action in (RowAction.SKIP, RowAction.REVIEW) and self.duplicate_of is not None:
            reasons.append(duplicate_problem(self.action, self.duplicate_of))
        return tuple(reasons)


_RULE_WORDS = {
    MatchRule.CODE: Problem("the same code"),
    MatchRule.PHONE: Problem("the same phone number"),
    MatchRule.EMAIL: Problem("the same e-mail address"),
    MatchRule.NAME_CITY: Problem("the same name and city"),
    MatchRule.SIMILAR_NAME: Problem("a name that differs only in punctuation, spacing or width"),
    MatchRule.NUMBER: Problem("the same order number"),
    MatchRule.NAME: Problem("the same name"),
}


def duplicate_problem(action: RowAction, of: DuplicateOf) -> Problem:
    """The sentence that explains a skipped or held-back row."""
    what = (
        Problem("row {row} of the file", {"row": of.row_number})
        if of.row_number
        else Problem("{name} ({code})", {"name": of.name, "code": of.code})
    )
    if action is RowAction.REVIEW:
        return Problem(
            "Possibly the same as {what}: {rule} but other details differ. "
            "Check it; it was not imported.",
            {"what": what, "rule": _RULE_WORDS[of.rule]},
        )
    return Problem("Duplicate of {what}: {rule}.", {"what": what, "rule": _RULE_WORDS[of.rule]})


@dataclass(frozen=True)
class ImportCounts:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    review: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.skipped + self.review + self.rejected

    @property
    def not_imported(self) -> int:
        """Rows a person should look at: rejected or held back as near-duplicates."""
        return self.review + self.rejected


def count_outcomes(outcomes: tuple[RowOutcome, ...]) -> ImportCounts:
    tally = dict.fromkeys(RowAction, 0)
    for outcome in outcomes:
        tally[outcome.action] += 1
    return ImportCounts(
        created=tally[RowAction.CREATE],
        updated=tally[RowAction.UPDATE],
        skipped=tally[RowAction.SKIP],
        review=tally[RowAction.REVIEW],
        rejected=tally[RowAction.REJECT],
    )


@dataclass(frozen=True)
class ImportResult:
    """A planned (dry run) or finished import. `batch_id` is None when nothing was
    written: a dry run, or "import nothing" with rejected rows."""

    file_name: str
    sheet: str | None
    outcomes: tuple[RowOutcome, ...]
    counts: ImportCounts
    # Records written by table ("customer", "contact", "sales_order", "order_line" …).
    records_created: Mapping[str, int] = field(default_factory=dict)
    batch_id: uuid.UUID | None = None

    @property
    def applied(self) -> bool:
        return self.batch_id is not None

    def not_imported(self) -> tuple[RowOutcome, ...]:
        """The rows that go back to the user in the error workbook."""
        return tuple(o for o in self.outcomes if o.action in (RowAction.REVIEW, RowAction.REJECT))


@dataclass(frozen=True)
class ImportBatchRecord:
    """One recorded import, as the history lists it."""

    id: uuid.UUID
    file_name: str
    sheet: str | None
    entity: str
    on_duplicate: DuplicatePolicy
    counts: ImportCounts
    started_at: datetime
    finished_at: datetime
    undone_at: datetime | None


@dataclass(frozen=True)
class UndoResult:
    batch_id: uuid.UUID
    removed: int  # records the import had created
    restored: int  # records whose overwritten fields were put back


class ImportCancelledError(JobCancelledError):
    """The user cancelled the import; its transaction was rolled back."""


class UndoRefusedError(CrmError):
    """An import cannot be undone (already undone, or its records changed since)."""
