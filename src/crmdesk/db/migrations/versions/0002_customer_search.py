"""Customer search index: one document a customer in customer_search, an FTS5 table over
it on SQLite kept in step by triggers, and the version of the token rules the documents
were made with (0: none yet, so the program builds them after this migration).

The SQL is written out here rather than imported, so that this migration keeps doing
exactly what it did when the search code changes later.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# unicode61 keeps the pre-split tokens as they are; the prefix indexes make one- to
# three-character prefix queries cheap.
FTS_STATEMENTS = (
    """CREATE VIRTUAL TABLE customer_search_fts USING fts5(
        document, content='customer_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')""",
    """CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN
        INSERT INTO customer_search_fts(rowid, document) VALUES (new.id, new.document);
    END""",
    """CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN
        INSERT INTO customer_search_fts(customer_search_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
    END""",
    """CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN
        INSERT INTO customer_search_fts(customer_search_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
        INSERT INTO customer_search_fts(rowid, document) VALUES (new.id, new.document);
    END""",
)


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
    state = op.create_table(
        "search_index_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_index_state")),
    )
    op.bulk_insert(state, [{"id": 1, "format_version": 0}])
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in (
            "DROP TRIGGER customer_search_au",
            "DROP TRIGGER customer_search_ad",
            "DROP TRIGGER customer_search_ai",
            "DROP TABLE customer_search_fts",
        ):
            op.execute(statement)
    op.drop_table("search_index_state")
    op.drop_table("customer_search")
