"""Typed errors. Each carries a message a user can read; the UI and CLI show it as is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


class CrmError(Exception):
    """Base of every error the program expects and explains to the user."""


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field, as an English template and its values.

    The UI translates `template` and then fills in `params`; `message` is the English
    text for logs, the command line and tests.
    """

    template: str
    # A value may itself be a Problem (a phrase such as "the same phone number"); it is
    # translated and filled in the same way.
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(
            **{
                key: value.message if isinstance(value, Problem) else value
                for key, value in self.params.items()
            }
        )


def problem_template(text: str) -> str:
    """Marks a problem template kept in a constant, so that the translation script finds
    it (it collects the literal arguments of Problem(...), Problems.add(...) and this)."""
    return text


class ValidationError(CrmError):
    """Input was refused. `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{name}: {p.message}" for name, p in self.problems.items()))

    def message_for(self, field_name: str) -> str | None:
        problem = self.problems.get(field_name)
        return problem.message if problem else None


class NotFoundError(CrmError):
    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} {key} does not exist or was deleted.")


class ConflictError(CrmError):
    """Somebody else saved the same record after it was loaded; nothing was overwritten.

    The versions are None when the clash was only noticed while writing.
    """

    def __init__(
        self, what: str, key: object, expected_version: int | None, current_version: int | None
    ) -> None:
        self.what = what
        self.key = key
        self.expected_version = expected_version
        self.current_version = current_version
        detail = (
            f" (your copy is version {expected_version}, "
            f"the saved one is version {current_version})"
            if expected_version is not None and current_version is not None
            else ""
        )
        super().__init__(
            f"{f'{what} {key}'.strip()} was changed by someone else after you opened it{detail}. "
            "Nothing was overwritten; reload it before saving again."
        )


class InvalidTransitionError(CrmError):
    def __init__(self, current: str, target: str) -> None:
        self.current = current
        self.target = target
        super().__init__(f"A complaint that is '{current}' cannot move to '{target}'.")


class StorageError(CrmError):
    """The database file or server could not be used. The file was not modified."""


class NotADatabaseError(StorageError):
    pass


class DatabaseLockedError(StorageError):
    pass


class ReadOnlyDatabaseError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class CorruptDatabaseError(StorageError):
    pass


class NewerSchemaError(StorageError):
    pass


class JobCancelledError(CrmError):
    """The user cancelled a long job (an import, an export) before it finished; whatever
    it had done was rolled back or removed."""

    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was changed.")
