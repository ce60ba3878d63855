"""Customer value: each customer's figures from the last recomputation (customer_value),
one row per recomputation with the population's RFM borders (value_run), and an index
that holds every live order's history columns in customer and day order.

Both tables are derived data that each copy computes for itself, like customer_search,
so they carry no sync columns.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE_ORDER = "deleted_at IS NULL AND status <> 'cancelled'"
FACTS_INDEX = "ix_sales_order_value_facts"
FACTS_COLUMNS = [
    "customer_id",
    "ordered_on",
    "total_minor",
    "payment_due_on",
    "paid_on",
    "status",
    "deleted_at",
]
SEGMENTS = (
    "important_value",
    "important_develop",
    "important_keep",
    "important_retain",
    "general_value",
    "general_develop",
    "general_keep",
    "general_retain",
)
STAGES = ("exploration", "formation", "stability", "decline", "lost")


def upgrade() -> None:
    op.create_table(
        "customer_value",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("reference_day", sa.Date(), nullable=False),
        sa.Column("recency_days", sa.Integer(), nullable=True),
        sa.Column("frequency", sa.Integer(), nullable=False),
        sa.Column("monetary_minor", sa.Integer(), nullable=False),
        sa.Column("r_score", sa.Integer(), nullable=True),
        sa.Column("f_score", sa.Integer(), nullable=True),
        sa.Column("m_score", sa.Integer(), nullable=True),
        sa.Column(
            "segment",
            sa.Enum(*SEGMENTS, name="valuesegment", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column(
            "suggested_stage",
            sa.Enum(*STAGES, name="lifecyclestage", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("stage_reason", sa.JSON(), nullable=False),
        sa.Column("clv_forecast_minor", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column(
            "grade",
            sa.Enum("A", "B", "C", "D", name="grade", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_value_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_value")),
    )
    op.create_index(
        "ix_customer_value_segment", "customer_value", ["segment", "customer_id"], unique=False
    )
    op.create_table(
        "value_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reference_day", sa.Date(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("population", sa.JSON(), nullable=True),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("buyers", sa.Integer(), nullable=False),
        sa.Column("stage_changes", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Double(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_value_run")),
    )
    op.create_index(
        FACTS_INDEX,
        "sales_order",
        FACTS_COLUMNS,
        unique=False,
        sqlite_where=sa.text(LIVE_ORDER),
        postgresql_where=sa.text(LIVE_ORDER),
    )


def downgrade() -> None:
    op.drop_index(FACTS_INDEX, table_name="sales_order")
    op.drop_table("value_run")
    op.drop_index("ix_customer_value_segment", table_name="customer_value")
    op.drop_table("customer_value")
