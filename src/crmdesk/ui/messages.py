"""Errors and validation problems in the user's language.

Problems are English templates made without Qt; they are translated here, in context
"problems", before their values are filled in. Storage errors carry a path or a detail
in English; the window shows a translated sentence per kind of error and keeps the
English detail underneath for a support call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crmdesk.domain.errors import (
    ConflictError,
    CorruptDatabaseError,
    CrmError,
    DatabaseLockedError,
    DiskFullError,
    InvalidTransitionError,
    JobCancelledError,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    Problem,
    ReadOnlyDatabaseError,
    StorageError,
    ValidationError,
)

PROBLEMS_CONTEXT = "problems"


def problem_text(problem: Problem) -> str:
    template = QCoreApplication.translate(PROBLEMS_CONTEXT, problem.template)
    params = {
        key: problem_text(value) if isinstance(value, Problem) else value
        for key, value in problem.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that names a value the template does not have is a translator's
        # slip; the English text is still right.
        return problem.message


def error_text(error: CrmError) -> str:
    """One or two sentences for a message box."""
    if isinstance(error, ValidationError):
        return "\n".join(problem_text(problem) for problem in error.problems.values())
    summary = _summary(error)
    if summary is None:
        return str(error)
    if isinstance(error, StorageError):
        return f"{summary}\n\n{error}"
    return summary


def _summary(error: CrmError) -> str | None:
    match error:
        case ConflictError():
            return QCoreApplication.translate(
                "errors",
                "Someone else saved this record after you opened it. Nothing was overwritten; "
                "reload it to see their changes.",
            )
        case NotFoundError():
            return QCoreApplication.translate(
                "errors", "This record no longer exists; someone may have deleted it."
            )
        case InvalidTransitionError():
            return QCoreApplication.translate(
                "errors", "The complaint cannot move to that status from where it is now."
            )
        case JobCancelledError():
            return QCoreApplication.translate("errors", "Cancelled; nothing was changed.")
        case DatabaseLockedError():
            return QCoreApplication.translate(
                "errors",
                "The database is busy: another program is writing to it. Try again in a moment.",
            )
        case ReadOnlyDatabaseError():
            return QCoreApplication.translate(
                "errors", "The database cannot be changed: the file or its folder is read-only."
            )
        case DiskFullError():
            return QCoreApplication.translate(
                "errors", "The disk is full. Free some space and try again; nothing was saved."
            )
        case CorruptDatabaseError():
            return QCoreApplication.translate(
                "errors", "The database file is damaged. Restore it from a backup copy."
            )
        case NewerSchemaError():
            return QCoreApplication.translate(
                "errors", "This database was written by a newer crmdesk. Update crmdesk to open it."
            )
        case NotADatabaseError():
            return QCoreApplication.translate("errors", "This file is not a crmdesk database.")
        case StorageError():
            return QCoreApplication.translate("errors", "The database could not be used.")
    return None
