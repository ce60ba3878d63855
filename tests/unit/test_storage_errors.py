"""Files the program must not or cannot use give typed errors in plain words, and are left
exactly as they were."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crmdesk.db.engine import Database, open_database
from crmdesk.db.migrate import migrate
from crmdesk.db.models import Customer
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage
from crmdesk.domain.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from crmdesk.paths import sqlite_url


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _customer(i: int) -> Customer:
    return Customer(
        code=f"KH-T-{i:06d}",
        name=f"客户{i}" * 20,
        kind=CustomerKind.COMPANY,
        level=CustomerLevel.NORMAL,
        lifecycle_stage=LifecycleStage.EXPLORATION,
        notes="备注" * 200,
    )


@pytest.fixture
def readonly(request: pytest.FixtureRequest) -> Iterator[list[Path]]:
    """Paths made read-only by a test; writable again afterwards so tmp can be cleaned."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_text_file_is_not_a_database_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("客户名单\n张三 13812345678\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotADatabaseError, match="not a crmdesk database"):
        open_database(sqlite_url(path))
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_workbook_renamed_to_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "customers.db"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    before = _digest(path)
    with pytest.raises(NotADatabaseError):
        open_database(sqlite_url(path))
    assert _digest(path) == before


def test_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="is a folder"):
        open_database(sqlite_url(tmp_path))


def test_read_only_file_is_refused_before_anything_is_written(
    db_path: Path, readonly: list[Path]
) -> None:
    before = _digest(db_path)
    db_path.chmod(0o444)
    readonly.append(db_path)
    with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
        open_database(sqlite_url(db_path))
    assert _digest(db_path) == before


def test_new_database_in_read_only_folder_is_refused(tmp_path: Path, readonly: list[Path]) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    readonly.append(folder)
    with pytest.raises(ReadOnlyDatabaseError, match="cannot write in the folder"):
        open_database(sqlite_url(folder / "crm.sqlite3"))
    assert list(folder.iterdir()) == []


def test_database_locked_by_another_program_gives_a_plain_error(db_path: Path) -> None:
    database = open_database(sqlite_url(db_path), busy_timeout_ms=100)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with (
            pytest.raises(DatabaseLockedError, match="used by another program"),
            database.unit_of_work() as uow,
        ):
            uow.session.add(_customer(1))
            uow.commit()
        other.execute("ROLLBACK")
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == 0
    database.dispose()


def test_full_disk_saves_nothing_and_says_so(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(_customer(0))
        uow.commit()
    with pytest.raises(DiskFullError, match="full"), database.unit_of_work() as uow:
        # A page limit is how SQLite reports a full disk (SQLITE_FULL), without filling one.
        pages = uow.session.execute(text("PRAGMA page_count")).scalar_one()
        uow.session.execute(text(f"PRAGMA max_page_count = {pages + 2}"))
        uow.session.add_all(_customer(i) for i in range(1, 500))
        uow.commit()
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == 1


def test_damaged_file_is_reported_as_damaged(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[100 : page_size * 2] = b"\xa5" * (page_size * 2 - 100)  # overwrite the schema page
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        database = open_database(sqlite_url(db_path))
        migrate(database)
    assert _digest(db_path) == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql+nosuchdriver://crm@office/crm", "not supported or its driver is not installed"),
        ("postgresql+nosuch://crm@office/crm", "not supported or its driver is not installed"),
    ],
)
def test_database_url_the_program_cannot_use_gives_a_plain_error(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        open_database(url)
