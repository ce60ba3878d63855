"""Schema upgrades of users' files: backups, kept rows, refusal of newer databases, drift."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from crmdesk.db.base import Base
from crmdesk.db.engine import Database, open_database
from crmdesk.db.migrate import (
    alembic_config,
    checked_revision,
    head_revision,
    include_name,
    migrate,
    migration_connection,
)
from crmdesk.db.models import Customer, CustomerSearch
from crmdesk.db.search_index import SEARCH_FORMAT_VERSION, customer_match_condition
from crmdesk.domain.errors import NewerSchemaError, NotADatabaseError, StorageError
from crmdesk.paths import sqlite_url


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _upgrade_to(database: Database, revision: str) -> None:
    config = alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _insert_customer_rows(database: Database, names: list[str]) -> None:
    """Rows as an older program wrote them: plain SQL, no ORM hooks, no search documents."""
    now = datetime(2025, 1, 2, tzinfo=UTC).isoformat(sep=" ")
    with database.engine.begin() as conn:
        for i, name in enumerate(names):
            conn.execute(
                text(
                    "INSERT INTO customer (id, code, name, kind, level, lifecycle_stage,"
                    " stage_pinned, custom_fields, search_keys, created_at, updated_at, version)"
                    " VALUES (:id, :code, :name, 'person', 'normal', 'exploration', 0, '{}', '',"
                    " :now, :now, 1)"
                ),
                {"id": uuid.uuid4().hex, "code": f"KH-OLD-{i:05d}", "name": name, "now": now},
            )


def test_new_file_is_created_at_head_without_backup(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path / "new.sqlite3"))
    outcome = migrate(database)
    assert outcome.from_revision is None
    assert outcome.to_revision == head_revision() == checked_revision(database)
    assert outcome.backup is None
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_upgrade_keeps_every_row_backs_up_first_and_indexes_old_customers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = open_database(sqlite_url(path))
    _upgrade_to(database, "0001")
    _insert_customer_rows(database, ["张三", "单田芳", "Acme Trading"])

    when = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    outcome = migrate(database, now=when)

    assert (outcome.from_revision, outcome.to_revision) == ("0001", head_revision())
    assert outcome.backup == tmp_path / "backups" / "old-20260304-050607-schema-0001.sqlite3"
    backup = open_database(sqlite_url(outcome.backup))
    assert checked_revision(backup) == "0001"
    with backup.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customer")).scalar_one() == 3
    backup.dispose()

    with database.unit_of_work(write=False) as uow:
        names = set(uow.session.scalars(select(Customer.name)))
        assert names == {"张三", "单田芳", "Acme Trading"}
        assert uow.session.scalar(select(func.count()).select_from(CustomerSearch)) == 3
        found = uow.session.scalars(
            select(Customer.name).where(customer_match_condition("zs", "sqlite"))
        )
        assert list(found) == ["张三"]
        keys = uow.session.scalar(select(Customer.search_keys).where(Customer.name == "张三"))
        assert keys == "zhangsan zs"
    database.dispose()


def test_migrating_an_up_to_date_file_changes_nothing(db_path: Path) -> None:
    database = open_database(sqlite_url(db_path))
    before = _digest(db_path)
    outcome = migrate(database)
    database.dispose()
    assert outcome.backup is None
    assert _digest(db_path) == before


def _plain_sqlite_file(path: Path, *statements: str) -> None:
    """A file as another program leaves it: rollback journal, not WAL, no crmdesk pragmas."""
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "from-the-future.sqlite3"
    _plain_sqlite_file(
        path,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('9999_future')",
        "CREATE TABLE customer (id CHAR(32) PRIMARY KEY, name TEXT, shoe_size INTEGER)",
    )
    before = _digest(path)

    database = open_database(sqlite_url(path))
    with pytest.raises(NewerSchemaError, match="newer version of crmdesk"):
        migrate(database)
    database.dispose()

    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["from-the-future.sqlite3"]


def test_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    _plain_sqlite_file(
        path,
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)",
        "INSERT INTO recipes (title) VALUES ('红烧肉')",
    )
    before = _digest(path)
    database = open_database(sqlite_url(path))
    with pytest.raises(NotADatabaseError, match="another program"):
        migrate(database)
    database.dispose()
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recipes.sqlite3"]


def test_an_accepted_file_is_switched_to_write_ahead_logging(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    database = open_database(sqlite_url(db_path))
    migrate(database)
    database.dispose()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def _insert_customer_with_contact(database: Database) -> None:
    _insert_customer_rows(database, ["张三"])
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO contact (id, customer_id, name, is_primary, created_at, updated_at,"
                " version) SELECT :id, id, '李秘书', 1, created_at, updated_at, 1 FROM customer"
            ),
            {"id": uuid.uuid4().hex},
        )


def test_a_migration_may_rebuild_a_table_that_other_rows_point_to(database: Database) -> None:
    _insert_customer_with_contact(database)
    with migration_connection(database) as conn:
        operations = Operations(MigrationContext.configure(conn))
        with operations.batch_alter_table("customer", recreate="always"):
            pass
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar_one() == 1
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_a_migration_that_would_break_links_is_undone(database: Database) -> None:
    _insert_customer_with_contact(database)
    with pytest.raises(StorageError, match="break links"), migration_connection(database) as conn:
        conn.execute(text("UPDATE customer SET id = 'gone'"))
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM customer")).scalar_one() != "gone"


def test_models_and_migrations_do_not_drift(database: Database) -> None:
    """Fails when a model changes without a migration (the `alembic check` of this project)."""
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": include_name, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_migration_can_be_undone_and_redone(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path / "roundtrip.sqlite3"))
    migrate(database)
    config = alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert checked_revision(database) is None
    migrate(database)
    assert checked_revision(database) == head_revision()
    database.dispose()


def test_upgrade_to_0006_gives_existing_search_documents_their_customers_sort_keys(
    tmp_path: Path,
) -> None:
    """A file at 0005 with current documents: 0006 copies each customer's name sort key
    onto its document and leaves the full-text index as it was (no rebuild needed)."""
    database = open_database(sqlite_url(tmp_path / "0005.sqlite3"))
    _upgrade_to(database, "0005")
    _insert_customer_rows(database, ["张三", "Acme Trading"])
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET search_keys = 'zhangsan zs' WHERE name = '张三'"))
        conn.execute(text("UPDATE customer SET search_keys = 'acme' WHERE name = 'Acme Trading'"))
        conn.execute(
            text(
                "INSERT INTO customer_search (customer_id, document)"
                " SELECT id, name || ' ' || search_keys FROM customer"
            )
        )
        conn.execute(
            text("UPDATE search_index_state SET format_version = :v"), {"v": SEARCH_FORMAT_VERSION}
        )

    _upgrade_to(database, "0006")

    with database.unit_of_work(write=False) as uow:
        keys = uow.session.execute(
            select(Customer.name, CustomerSearch.search_keys).join(
                CustomerSearch, CustomerSearch.customer_id == Customer.id
            )
        )
        assert {tuple(row) for row in keys} == {("张三", "zhangsan zs"), ("Acme Trading", "acme")}
        found = uow.session.scalars(
            select(Customer.name).where(customer_match_condition("zs", "sqlite"))
        )
        assert list(found) == ["张三"]
    database.dispose()
