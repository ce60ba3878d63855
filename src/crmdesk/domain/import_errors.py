"""Why a file could not be read for an import, in words that name the file.

Each error is raised before anything is written, so the message can promise that nothing
changed.
"""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.errors import CrmError


class SpreadsheetError(CrmError):
    """The file cannot be imported; `path` is the file the user chose."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NotASpreadsheetError(SpreadsheetError):
    def __init__(self, path: Path, detail: str | None = None) -> None:
        super().__init__(
            path,
            f"{path.name} is not a spreadsheet that can be imported"
            f"{f' ({detail})' if detail else ''}. Use an Excel workbook (.xlsx, .xls, .xlsb), "
            "an OpenDocument spreadsheet (.ods) or a CSV file.",
        )


class PasswordProtectedError(SpreadsheetError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path.name} is protected by a password. Open it in Excel, remove the password "
            "(File → Info → Protect Workbook), save it, and import it again.",
        )


class EmptySpreadsheetError(SpreadsheetError):
    def __init__(self, path: Path, sheet: str | None = None) -> None:
        where = f"Sheet '{sheet}' of {path.name}" if sheet else path.name
        super().__init__(path, f"{where} holds no data to import.")


class SpreadsheetTooLargeError(SpreadsheetError):
    def __init__(self, path: Path, needed_bytes: int, available_bytes: int) -> None:
        self.needed_bytes = needed_bytes
        self.available_bytes = available_bytes
        super().__init__(
            path,
            f"{path.name} is too large to read on this computer: it needs about "
            f"{_megabytes(needed_bytes)} of memory and {_megabytes(available_bytes)} is free. "
            "Close other programs, or split the file into smaller ones.",
        )


class SheetNotFoundError(SpreadsheetError):
    def __init__(self, path: Path, sheet: str, sheets: list[str]) -> None:
        self.sheet = sheet
        self.sheets = sheets
        names = ", ".join(f"'{name}'" for name in sheets) or "none"
        super().__init__(
            path, f"{path.name} has no sheet named '{sheet}'. Its sheets are: {names}."
        )


class InvalidMappingError(CrmError):
    """A saved column mapping cannot be used (not one of ours, or for other fields)."""


def _megabytes(size: int) -> str:
    return f"{max(1, round(size / 1_000_000)):,} MB"
