"""Import templates: the workbook a team fills in to import one kind of record."""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.labels import Language
from crmdesk.io.import_templates import write_template


def write_import_template(path: Path, entity: ImportEntity, language: Language) -> Path:
    """Write the import template of `entity` to `path` (headers in `language`, the
    instructions in Chinese and English) and return the path."""
    write_template(path, entity, language)
    return path
