"""The customer list sorts by type, phone and e-mail too: one partial index over live
customers for each, ending in the id tiebreak like those of 0004, so that a page of a
1,000,000-customer list in any of these orders is read off an index alone.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
LIST_INDEXES = (
    ("ix_customer_live_kind", ["kind", "id", "deleted_at"]),
    ("ix_customer_live_phone", ["phone", "id", "deleted_at"]),
    ("ix_customer_live_email", ["email", "id", "deleted_at"]),
)


def upgrade() -> None:
    for name, columns in LIST_INDEXES:
        op.create_index(
            name,
            "customer",
            columns,
            unique=False,
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )


def downgrade() -> None:
    for name, _columns in reversed(LIST_INDEXES):
        op.drop_index(name, table_name="customer")
