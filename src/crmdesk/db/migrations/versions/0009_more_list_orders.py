"""The customer list sorts by type, phone and e-mail too: one partial index over live
customers for each, ending in the id tiebreak like those of 0004, so that a page of a
1,000,000-customer list in any of these orders is read off an index alone. And by the
primary contact: an index of live primary contacts' names, with their customer. And by
tags: an index of each tag's live customers in id order.

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
CONTACT_INDEX = "ix_contact_live_primary_name"
TAG_INDEX = "ix_customer_tag_live_tag"
LIST_INDEXES = (
    ("ix_customer_live_kind", ["kind", "id", "deleted_at"]),
    ("ix_customer_live_phone", ["phone", "id", "deleted_at"]),
    ("ix_customer_live_email", ["email", "id", "deleted_at"]),
)


def upgrade() -> None:
    op.create_index(
        CONTACT_INDEX,
        "contact",
        ["name", "customer_id"],
        unique=False,
        sqlite_where=sa.text(SQLITE_LIVE_PRIMARY),
        postgresql_where=sa.text(POSTGRESQL_LIVE_PRIMARY),
    )
    op.create_index(
        TAG_INDEX,
        "customer_tag",
        ["tag_id", "customer_id"],
        unique=False,
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )
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
    op.drop_index(TAG_INDEX, table_name="customer_tag")
    op.drop_index(CONTACT_INDEX, table_name="contact")
