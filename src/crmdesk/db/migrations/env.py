"""Alembic environment. The app passes its own connection in `config.attributes`;
developers running the `alembic` command get one from $CRMDESK_DB_URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from crmdesk.db import models  # noqa: F401 - registers every table on Base.metadata
from crmdesk.db.base import Base
from crmdesk.db.migrate import include_name


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    engine = create_engine(os.environ.get("CRMDESK_DB_URL", "sqlite:///crmdesk-dev.sqlite3"))
    with engine.connect() as conn:
        run(conn)


main()
