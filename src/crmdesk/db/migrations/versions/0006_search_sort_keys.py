"""Search documents carry their customer's name sort key, indexed with the customer id,
so that the matches of a search are put in name order from the documents alone: one
lookup a match instead of three (document → customer key → customer row), and a walk of
the list's order reads each customer's document straight off that index's row.

The update trigger is made to fire only when the document changes, so that filling in
(or later correcting) sort keys leaves the full-text index alone; the existing documents
are unchanged and stay searchable.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_customer_search_search_keys"
FILL = """UPDATE customer_search SET search_keys = (
    SELECT customer.search_keys FROM customer WHERE customer.id = customer_search.customer_id)"""
DOCUMENT_UPDATE_TRIGGER = """CREATE TRIGGER customer_search_au
    AFTER UPDATE OF document ON customer_search BEGIN
        INSERT INTO customer_search_fts(customer_search_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
        INSERT INTO customer_search_fts(rowid, document) VALUES (new.id, new.document);
    END"""
ANY_UPDATE_TRIGGER = """CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN
        INSERT INTO customer_search_fts(customer_search_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
        INSERT INTO customer_search_fts(rowid, document) VALUES (new.id, new.document);
    END"""


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER customer_search_au")
        op.execute(DOCUMENT_UPDATE_TRIGGER)
    op.add_column("customer_search", sa.Column("search_keys", sa.Text(), nullable=True))
    op.execute(FILL)
    op.create_index(INDEX, "customer_search", ["search_keys", "customer_id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="customer_search")
    # ALTER TABLE DROP COLUMN, not a batch copy, which would drop the FTS triggers.
    op.drop_column("customer_search", "search_keys")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS customer_search_au")
        op.execute(ANY_UPDATE_TRIGGER)
