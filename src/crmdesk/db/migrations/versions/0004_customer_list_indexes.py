"""Customer list indexes: one partial index over live customers per order the list offers,
each ending in the id tiebreak (and deleted_at, so that SQLite counts it as covering), so
that a page at any depth of a 1,000,000-customer list is read off an index alone. They
replace the name-order index that also held deleted rows.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
LIST_INDEXES = (
    ("ix_customer_live_search_keys", ["search_keys", "id", "deleted_at"]),
    ("ix_customer_live_code", ["code", "id", "deleted_at"]),
    ("ix_customer_live_created_at", ["created_at", "id", "deleted_at"]),
    ("ix_customer_live_updated_at", ["updated_at", "id", "deleted_at"]),
    ("ix_customer_live_location", ["province", "city", "id", "deleted_at"]),
    ("ix_customer_live_level", ["level", "id", "deleted_at"]),
    ("ix_customer_live_stage", ["lifecycle_stage", "id", "deleted_at"]),
    ("ix_customer_live_owner", ["owner_id", "id", "deleted_at"]),
)


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_search_keys")
        for name, columns in LIST_INDEXES:
            batch_op.create_index(
                name,
                columns,
                unique=False,
                sqlite_where=sa.text(LIVE),
                postgresql_where=sa.text(LIVE),
            )


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        for name, _columns in reversed(LIST_INDEXES):
            batch_op.drop_index(name)
        batch_op.create_index("ix_customer_search_keys", ["search_keys", "id"], unique=False)
