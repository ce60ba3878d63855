"""Customer search index: documents in customer_search, FTS5 over them on SQLite, and the
pinyin search keys of customers that existed before.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from crmdesk.db.search_index import (
    CREATE_FTS_STATEMENTS,
    DROP_FTS_STATEMENTS,
    rebuild_documents,
)
from crmdesk.domain.search_text import sort_key

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customer_search",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_search_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_search")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_customer_search_customer_id")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in CREATE_FTS_STATEMENTS:
            op.execute(statement)
    customer = sa.table(
        "customer",
        sa.column("id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("search_keys", sa.Text()),
    )
    for row in bind.execute(sa.select(customer.c.id, customer.c.name)).all():
        bind.execute(
            sa.update(customer)
            .where(customer.c.id == row.id)
            .values(search_keys=sort_key(row.name))
        )
    rebuild_documents(bind, None)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DROP_FTS_STATEMENTS:
            op.execute(statement)
    op.drop_table("customer_search")
