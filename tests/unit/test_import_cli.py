"""`crmdesk import`: a messy workbook imported headless, its summary and exit codes, the
error workbook, the history and undo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from crmdesk.cli import main
from crmdesk.services.importing import REASON_HEADER


def messy_workbook(path: Path) -> Path:
    """A title banner above the header, phones stored as numbers, a repeated row, a bad
    e-mail address."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户名单"
    sheet.append(["2024 年客户名单"])
    sheet.append(["客户名称", "手机", "邮箱", "城市"])
    sheet.append(["杭州鑫达科技有限公司", 13900000001, "info@xinda.cn", "杭州"])
    sheet.append(["王芳", "138 0000 0002", None, "上海"])
    sheet.append(["杭州鑫达科技有限公司", 13900000001, "info@xinda.cn", "杭州"])
    sheet.append(["李明", None, "not-an-address", "北京"])
    workbook.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_reports_counts_and_exits_3_when_rows_were_rejected(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = messy_workbook(tmp_path / "客户.xlsx")
    errors = tmp_path / "errors.xlsx"

    code, out, err = run(capsys, "import", str(file), "--db", str(db_path), "--errors", str(errors))

    assert code == 3
    assert "2 created, 0 updated, 1 skipped as duplicates" in out
    assert "1 rejected" in out
    assert "row 6 rejected: E-mail:" in err
    rows = list(openpyxl.load_workbook(errors).active.iter_rows(values_only=True))
    assert rows[0] == ("客户名称", "手机", "邮箱", "城市", REASON_HEADER)
    assert rows[1][:4] == ("李明", None, "not-an-address", "北京")

    code, out, _ = run(capsys, "import", "--history", "--db", str(db_path))
    assert code == 0
    assert "客户.xlsx [customers]  2 created, 0 updated, 1 skipped, 0 held back, 1 rejected" in out
    batch = out.split()[0]

    code, out, _ = run(capsys, "import", "--undo", batch, "--db", str(db_path))
    assert (code, out.strip()) == (
        0,
        f"Undone import {batch}: 2 records removed, 0 records restored.",
    )
    code, out, err = run(capsys, "import", "--undo", batch, "--db", str(db_path))
    assert code == 1 and "already undone" in err


def test_a_clean_file_exits_0_and_a_dry_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Customer Name", "Mobile"])
    workbook.active.append(["Acme Trading", "13900000009"])
    file = tmp_path / "clean.xlsx"
    workbook.save(file)

    code, out, _ = run(capsys, "import", str(file), "--dry-run", "--db", str(db_path))
    assert code == 0 and out.startswith(
        "Dry run of clean.xlsx (sheet Sheet), nothing changed: 1 created"
    )
    code, out, _ = run(capsys, "import", "--history", "--db", str(db_path))
    assert out.strip() == "No imports recorded."

    code, out, _ = run(capsys, "import", str(file), "--db", str(db_path))
    assert code == 0 and "Imported clean.xlsx (sheet Sheet): 1 created" in out


def test_all_or_nothing_imports_nothing_and_an_unreadable_file_exits_1(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = messy_workbook(tmp_path / "客户.xlsx")
    code, out, _ = run(capsys, "import", str(file), "--all-or-nothing", "--db", str(db_path))
    assert code == 3 and out.startswith(
        "Nothing imported from 客户.xlsx (sheet 客户名单) (--all-or-nothing)"
    )

    text = tmp_path / "notes.xlsx"
    text.write_text("just some notes")
    code, _, err = run(capsys, "import", str(text), "--db", str(db_path))
    assert code == 1 and "notes.xlsx" in err

    code, _, err = run(capsys, "import", "--db", str(db_path))
    assert code == 1 and "Name the FILE to import" in err


def test_a_missing_mapping_file_or_an_unwritable_errors_path_is_refused_before_importing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = messy_workbook(tmp_path / "客户.xlsx")

    code, _, err = run(
        capsys, "import", str(file), "--mapping", str(tmp_path / "gone.json"), "--db", str(db_path)
    )
    assert code == 1 and "gone.json could not be read" in err

    missing_folder = tmp_path / "no-such-folder" / "errors.xlsx"
    code, _, err = run(
        capsys, "import", str(file), "--errors", str(missing_folder), "--db", str(db_path)
    )
    assert code == 1 and "nothing was imported" in err

    code, out, _ = run(capsys, "import", "--history", "--db", str(db_path))
    assert code == 0 and "客户.xlsx" not in out
