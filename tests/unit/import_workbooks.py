"""Small workbooks written for import tests: a header and rows, as a person would type them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl


def write_workbook(path: Path, header: Sequence[str], *rows: Sequence[object]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path
