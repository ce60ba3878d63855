"""The `crmdesk` command line, run in-process through `main()` and, where the process
itself matters, as a real subprocess."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
import types
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command as alembic_command

import crmdesk
from crmdesk.cli import main
from crmdesk.db.engine import open_database
from crmdesk.db.migrate import alembic_config, head_revision
from crmdesk.paths import sqlite_url

AS_OF = "2026-05-20"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def info_counts(output: str) -> dict[str, int]:
    """The "label  count" lines under "Rows" in the output of `crmdesk info`."""
    rows = output.split("Rows (not counting deleted ones):\n", 1)[1]
    counts = {}
    for line in rows.splitlines():
        label, _, number = line.strip().rpartition("  ")
        counts[label.strip()] = int(number.replace(",", ""))
    return counts


def build_demo_file(capsys: pytest.CaptureFixture[str], path: Path, customers: int = 40) -> None:
    code, out, err = run(
        capsys, "demo", "--customers", str(customers), "--as-of", AS_OF, "--db", str(path)
    )
    assert (code, err) == (0, "")
    assert f"Demo database with {customers} customers built in" in out


def test_version_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"crmdesk {crmdesk.__version__}\n",
        "",
    )


def test_help_lists_the_commands_and_every_command_takes_db(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert "demo" in out and "info" in out and "--db PATH" in out
    for command in ("demo", "info"):
        code, out, _err = run(capsys, command, "--help")
        assert code == 0 and "--db PATH" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["demo", "--customers", "-5"],
            "argument --customers: must be from 1 to 1,000,000, not -5",
        ),
        (
            ["demo", "--customers", "abc"],
            "argument --customers: expected a whole number, not 'abc'",
        ),
        (["demo", "--customers", "0"], "must be from 1 to 1,000,000, not 0"),
        (["demo"], "the following arguments are required: --customers"),
        (["demo", "--customers", "5", "--seed", "x"], "argument --seed: invalid int value: 'x'"),
        (["demo", "--customers", "5", "--as-of", "2026-02-30"], "expected a date written"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["info", "--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv, "--db", str(tmp_path / "x.sqlite3"))
    assert code == 2
    assert out == ""
    assert message in err and "usage: crmdesk" in err
    assert not (tmp_path / "x.sqlite3").exists()  # nothing was opened


def test_info_on_a_demo_file_prints_location_schema_and_counts(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    build_demo_file(capsys, db_path)
    code, out, err = run(capsys, "info", "--db", str(db_path))
    assert (code, err) == (0, "")
    assert f"Database:  {db_path}" in out
    assert f"Schema:    {head_revision()} (this program's newest: {head_revision()})" in out
    counts = info_counts(out)
    with closing(sqlite3.connect(db_path)) as conn:
        orders = conn.execute("SELECT count(*) FROM sales_order").fetchone()[0]
    assert counts["customers"] == 40
    assert counts["orders"] == orders > 0
    assert counts["order lines"] > counts["orders"]
    for label in ("reps", "contacts", "interactions", "follow-ups", "complaints"):
        assert counts[label] > 0, label


def test_info_does_not_count_deleted_rows(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    build_demo_file(capsys, db_path, customers=10)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "UPDATE customer SET deleted_at = '2026-05-19 00:00:00' WHERE code = 'KH-DM-00001'"
        )
    _code, out, _err = run(capsys, "info", "--db", str(db_path))
    assert info_counts(out)["customers"] == 9


def test_db_before_the_command_and_the_environment_choose_the_database_too(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _code, out, _err = run(capsys, "--db", str(db_path), "info")
    assert f"Database:  {db_path}" in out
    elsewhere = tmp_path / "from-env.sqlite3"
    shutil.copyfile(db_path, elsewhere)
    monkeypatch.setenv("CRMDESK_DB_URL", sqlite_url(elsewhere))
    _code, out, _err = run(capsys, "info")
    assert f"Database:  {elsewhere}" in out
    _code, out, _err = run(capsys, "info", "--db", str(db_path))  # --db beats the environment
    assert f"Database:  {db_path}" in out


def test_info_on_a_mistyped_path_says_so_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "crm.sqlite3"
    code, out, err = run(capsys, "info", "--db", str(missing))
    assert code == 1
    assert out == ""
    assert err == f"crmdesk: There is no database at {missing}. Check the path and try again.\n"
    assert not missing.parent.exists()


def test_info_on_a_text_file_says_so_in_one_line_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes("名称,电话\n张三,13812348000\n".encode())
    before = path.read_bytes()
    code, out, err = run(capsys, "info", "--db", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"crmdesk: {path} is not a crmdesk database")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["customers.csv"]


def test_a_database_from_a_newer_crmdesk_is_refused_and_untouched(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    code, _out, err = run(capsys, "info", "--db", str(db_path))
    assert code == 1
    assert err.startswith("crmdesk: The database") and "newer version of crmdesk" in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_demo_refuses_a_database_that_has_customers(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    build_demo_file(capsys, db_path, customers=10)
    code, out, err = run(capsys, "demo", "--customers", "5", "--seed", "9", "--db", str(db_path))
    assert code == 1 and out == ""
    assert "already holds customers" in err and err.count("\n") == 1
    _code, out, _err = run(capsys, "info", "--db", str(db_path))
    assert info_counts(out)["customers"] == 10


def test_demo_shows_progress_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_demo_file(capsys, db_path, customers=5)  # stderr is captured, not a terminal: silent

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["demo", "--customers", "5", "--db", str(tmp_path / "tty.sqlite3")]) == 0
    assert "\rBuilding demo data: 5 of 5 customers" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")  # the progress line was wiped


def test_no_command_opens_the_window_on_the_chosen_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for crmdesk.app, so that this Qt-free test does not load Qt.
    opened: list[str] = []
    fake_app = types.ModuleType("crmdesk.app")
    fake_app.run_gui = lambda url: opened.append(url) or 0  # type: ignore[attr-defined]
    fake_app.smoke_test = lambda: opened.append("smoke") or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crmdesk.app", fake_app)
    assert main(["--db", str(db_path)]) == 0
    assert main(["--smoke-test"]) == 0
    assert opened == [sqlite_url(db_path), "smoke"]


def test_headless_commands_never_load_qt(db_path: Path) -> None:
    script = (
        "import sys\n"
        "from crmdesk.cli import main\n"
        f"code = main(['info', '--db', {str(db_path)!r}])\n"
        "assert code == 0, code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_info_describes_an_older_schema_without_upgrading_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    database = open_database(sqlite_url(path))
    config = alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        alembic_command.upgrade(config, "0001")
    database.dispose()
    before = path.read_bytes()

    code, out, err = run(capsys, "info", "--db", str(path))

    assert (code, err) == (0, "")
    assert f"Schema:    0001 (this program's newest: {head_revision()})" in out
    assert "upgrades it, after a backup copy, when it next opens it" in out
    assert "Rows" not in out
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]
