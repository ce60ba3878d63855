"""The tables. Conventions: DESIGN.md §3 (UUID keys, UTC instants, tombstones, versions,
money in minor units, enumerations by value)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.db.base import Base, Synced, enum_column, utc_now
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    FollowUpStatus,
    Grade,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    PointsReason,
    SourceChannel,
    SurveyKind,
    ValueSegment,
)


class Rep(Synced, Base):
    """A sales person (业务员); owns customers, follow-ups and complaints."""

    __tablename__ = "rep"

    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Synced, Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name", "name"),
        # Lists of history (orders, follow-ups …) leave out the deleted customers' rows;
        # the few deleted customers are found through this small partial index.
        Index(
            "ix_customer_deleted_at",
            "deleted_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
        Index("ix_customer_owner_id", "owner_id"),
        Index("ix_customer_province_city", "province", "city"),
        Index("ix_customer_lifecycle_stage", "lifecycle_stage"),
        Index("ix_customer_phone", "phone"),
        Index("ix_customer_email", "email"),
        Index("ix_customer_referred_by_id", "referred_by_id"),
        # The customer list: one index per order it offers, holding only live customers
        # and ending in the id tiebreak, so that a page at any depth is read off the
        # index alone (see db/repositories/customers.py). Level, stage and owner orders
        # read the list as runs of one value each. deleted_at is always NULL in them,
        # yet SQLite counts an index as covering only if it holds every column named.
        *(
            Index(
                f"ix_customer_live_{name}",
                *columns,
                "id",
                "deleted_at",
                sqlite_where=text("deleted_at IS NULL"),
                postgresql_where=text("deleted_at IS NULL"),
            )
            for name, columns in (
                ("search_keys", ("search_keys",)),
                ("code", ("code",)),
                ("created_at", ("created_at",)),
                ("updated_at", ("updated_at",)),
                ("location", ("province", "city")),
                ("level", ("level",)),
                ("stage", ("lifecycle_stage",)),
                ("owner", ("owner_id",)),
                ("kind", ("kind",)),
                ("phone", ("phone",)),
                ("email", ("email",)),
            )
        ),
    )

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[CustomerKind] = mapped_column(enum_column(CustomerKind))
    industry: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[SourceChannel | None] = mapped_column(enum_column(SourceChannel))
    level: Mapped[CustomerLevel] = mapped_column(enum_column(CustomerLevel))
    lifecycle_stage: Mapped[LifecycleStage] = mapped_column(enum_column(LifecycleStage))
    # True when a person chose the stage; the suggestion from purchase history never
    # overwrites a pinned stage.
    stage_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_alt: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(50))
    city: Mapped[str | None] = mapped_column(String(50))
    district: Mapped[str | None] = mapped_column(String(50))
    address: Mapped[str | None] = mapped_column(String(300))
    birthday: Mapped[date | None] = mapped_column(Date)
    referred_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Pinyin spellings of the name (full and initials), rewritten on every save so that
    # search and sorting by pronunciation never go stale. See db/search_index.py.
    search_keys: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(back_populates="customer")


class Contact(Synced, Base):
    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_customer_id", "customer_id"),
        # The customer list by primary contact (see repositories/customer_runs.py).
        Index(
            "ix_contact_live_primary_name",
            "name",
            "customer_id",
            sqlite_where=text("is_primary IS 1 AND deleted_at IS NULL"),
            postgresql_where=text("is_primary IS true AND deleted_at IS NULL"),
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(100))
    birthday: Mapped[date | None] = mapped_column(Date)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Tag(Synced, Base):
    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(50), unique=True)
    color: Mapped[str | None] = mapped_column(String(9))


class CustomerTag(Synced, Base):
    """A tag on a customer. A row of its own (not a bare link) so removal can be a tombstone."""

    __tablename__ = "customer_tag"
    __table_args__ = (
        UniqueConstraint("customer_id", "tag_id"),
        Index("ix_customer_tag_tag_id", "tag_id"),
        # The customer list by tags: a tag's live customers in id order.
        Index(
            "ix_customer_tag_live_tag",
            "tag_id",
            "customer_id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    tag_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tag.id"))


class Interaction(Synced, Base):
    """A logged conversation or visit (沟通记录)."""

    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_customer_id_occurred_at", "customer_id", "occurred_at"),
        Index("ix_interaction_contact_id", "contact_id"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"))
    rep_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    kind: Mapped[InteractionKind] = mapped_column(enum_column(InteractionKind))
    occurred_at: Mapped[datetime] = mapped_column()
    subject: Mapped[str] = mapped_column(String(200))
    content: Mapped[str | None] = mapped_column(Text)
    follow_up_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("follow_up.id"))


class FollowUp(Synced, Base):
    """A planned callback, visit or care action (回访/关怀), possibly recurring."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_due_on_status", "due_on", "status"),
        Index("ix_follow_up_customer_id", "customer_id"),
        Index("ix_follow_up_rep_id", "rep_id"),
        Index("ix_follow_up_contact_id", "contact_id"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"))
    rep_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    kind: Mapped[FollowUpKind] = mapped_column(enum_column(FollowUpKind))
    status: Mapped[FollowUpStatus] = mapped_column(enum_column(FollowUpStatus))
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    # An iCalendar-style rule such as "FREQ=MONTHLY;INTERVAL=1"; see domain/recurrence.py.
    recurrence_rule: Mapped[str | None] = mapped_column(String(200))
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("follow_up.id"))
    completed_at: Mapped[datetime | None] = mapped_column()
    result: Mapped[str | None] = mapped_column(Text)


class Complaint(Synced, Base):
    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_customer_id", "customer_id"),
        Index("ix_complaint_status_due_at", "status", "due_at"),
        Index("ix_complaint_contact_id", "contact_id"),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction"
        ),
    )

    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    category: Mapped[ComplaintCategory] = mapped_column(enum_column(ComplaintCategory))
    severity: Mapped[ComplaintSeverity] = mapped_column(enum_column(ComplaintSeverity))
    status: Mapped[ComplaintStatus] = mapped_column(enum_column(ComplaintStatus))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column()
    due_at: Mapped[datetime] = mapped_column()
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    satisfaction: Mapped[int | None] = mapped_column(Integer)


class ComplaintEvent(Synced, Base):
    """One move of a complaint along its workflow: who, when, from and to."""

    __tablename__ = "complaint_event"
    __table_args__ = (Index("ix_complaint_event_complaint_id", "complaint_id"),)

    complaint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("complaint.id"))
    from_status: Mapped[ComplaintStatus | None] = mapped_column(enum_column(ComplaintStatus))
    to_status: Mapped[ComplaintStatus] = mapped_column(enum_column(ComplaintStatus))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now)
    note: Mapped[str | None] = mapped_column(Text)


class Order(Synced, Base):
    __tablename__ = "sales_order"  # ORDER is an SQL keyword
    __table_args__ = (
        Index("ix_sales_order_customer_id_ordered_on", "customer_id", "ordered_on"),
        Index("ix_sales_order_ordered_on", "ordered_on"),
    )

    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    rep_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rep.id"))
    status: Mapped[OrderStatus] = mapped_column(enum_column(OrderStatus))
    ordered_on: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # Sum of the lines, kept by the order service so that analytics over a million
    # orders need not add up lines.
    total_minor: Mapped[int] = mapped_column(Integer, default=0)
    payment_due_on: Mapped[date | None] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.position"
    )


class OrderLine(Synced, Base):
    """A product line; returns and cancellations are lines with a negative quantity."""

    __tablename__ = "order_line"
    __table_args__ = (Index("ix_order_line_order_id", "order_id"),)

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales_order.id"))
    position: Mapped[int] = mapped_column(Integer)
    product_code: Mapped[str | None] = mapped_column(String(60))
    product_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    discount_minor: Mapped[int] = mapped_column(Integer, default=0)
    line_total_minor: Mapped[int] = mapped_column(Integer)

    order: Mapped[Order] = relationship(back_populates="lines")


class SurveyResponse(Synced, Base):
    __tablename__ = "survey_response"
    __table_args__ = (
        Index("ix_survey_response_customer_id", "customer_id"),
        CheckConstraint("score BETWEEN 0 AND 10", name="score"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    complaint_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("complaint.id"))
    kind: Mapped[SurveyKind] = mapped_column(enum_column(SurveyKind))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime] = mapped_column()


class PointsEntry(Synced, Base):
    """One line of a customer's loyalty points ledger; the balance is their sum."""

    __tablename__ = "points_entry"
    __table_args__ = (Index("ix_points_entry_customer_id", "customer_id"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    points: Mapped[int] = mapped_column(Integer)
    reason: Mapped[PointsReason] = mapped_column(enum_column(PointsReason))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sales_order.id"))
    note: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column()


class Coupon(Synced, Base):
    __tablename__ = "coupon"
    __table_args__ = (Index("ix_coupon_customer_id", "customer_id"),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    description: Mapped[str] = mapped_column(String(200))
    value_minor: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    redeemed_at: Mapped[datetime | None] = mapped_column()
    redeemed_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sales_order.id"))


class SavedSegment(Synced, Base):
    """A named customer filter, e.g. "华东 VIP 未回访"."""

    __tablename__ = "saved_segment"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Setting(Synced, Base):
    """A team-wide setting (complaint deadlines, points rule …), shared when syncing."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class DeviceState(Base):
    """This copy of the database's own identity. Never synchronised.

    `code_prefix` goes into human-facing numbers (KH-7Q3F-00012) so that numbers made
    offline on two laptops never collide.
    """

    __tablename__ = "device_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column()
    code_prefix: Mapped[str] = mapped_column(String(8))


class NumberSequence(Base):
    """Per-device counters behind customer codes, complaint and order numbers: the last
    value handed out in each series."""

    __tablename__ = "number_sequence"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


# Named for the query that must ask SQLite for it: SQLite looks a row id up in the table.
SEARCH_MATCH_ORDER_INDEX = "ix_customer_search_id_keys"


class CustomerSearch(Base):
    """The text the search index holds for one customer (see db/search_index.py).

    Kept in a plain table so that the same rows can feed SQLite FTS5 (through triggers in
    the migration) or another engine's text index.
    """

    __tablename__ = "customer_search"
    # Matches in the list's name order without reading the customers (see 0006), and
    # without reading the documents either (see 0008).
    __table_args__ = (
        Index("ix_customer_search_search_keys", "search_keys", "customer_id"),
        Index(SEARCH_MATCH_ORDER_INDEX, "id", "search_keys", "customer_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), unique=True)
    document: Mapped[str] = mapped_column(Text)
    # A copy of the customer's `search_keys`, written with the document. Nullable only
    # because SQLite cannot add a NOT NULL column without a default; always filled.
    search_keys: Mapped[str | None] = mapped_column(Text)


class SearchIndexState(Base):
    """Which version of the search-token rules the stored documents were made with.

    When the rules change (domain/search_text.py), the program rebuilds every document
    and search key at start-up; see db/search_index.py.
    """

    __tablename__ = "search_index_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    format_version: Mapped[int] = mapped_column(Integer)


class ImportBatch(Base):
    """One spreadsheet import as this copy recorded it, so it can be listed and undone.

    Local bookkeeping like DeviceState, hence no Synced mixin: the rows an import wrote
    travel by themselves (and an undo travels as their tombstones and edits), while the
    journal of previous values stays on the device that can undo it. Entity and policy
    are stored by value (ImportEntity, DuplicatePolicy).
    """

    __tablename__ = "import_batch"
    __table_args__ = (Index("ix_import_batch_created_at", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str | None] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(32))
    on_duplicate: Mapped[str] = mapped_column(String(32))
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    review_count: Mapped[int] = mapped_column(Integer, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime] = mapped_column()
    undone_at: Mapped[datetime | None] = mapped_column()


class ImportChange(Base):
    """One row an import created or updated; `previous` holds the overwritten values
    (column -> JSON-ready value) and `version_after` tells whether the row was edited since."""

    __tablename__ = "import_change"
    __table_args__ = (Index("ix_import_change_batch_id", "batch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("import_batch.id"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column()
    action: Mapped[str] = mapped_column(String(16))
    previous: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version_after: Mapped[int] = mapped_column(Integer)


class CustomerValue(Base):
    """One customer's value figures from the last recomputation (see services/value.py).

    Derived data like `customer_search`: each copy computes its own from the synchronised
    orders, so there is no Synced mixin. `segment` and the scores are NULL for a customer
    who never ordered; the index lets the customer list filter by segment.
    """

    __tablename__ = "customer_value"
    __table_args__ = (Index("ix_customer_value_segment", "segment", "customer_id"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    reference_day: Mapped[date] = mapped_column(Date)
    recency_days: Mapped[int | None] = mapped_column(Integer)
    frequency: Mapped[int] = mapped_column(Integer)
    monetary_minor: Mapped[int] = mapped_column(Integer)
    r_score: Mapped[int | None] = mapped_column(Integer)
    f_score: Mapped[int | None] = mapped_column(Integer)
    m_score: Mapped[int | None] = mapped_column(Integer)
    segment: Mapped[ValueSegment | None] = mapped_column(enum_column(ValueSegment))
    suggested_stage: Mapped[LifecycleStage] = mapped_column(enum_column(LifecycleStage))
    # The reason for the suggestion as {"template": ..., "params": {...}} (a Problem).
    stage_reason: Mapped[dict[str, Any]] = mapped_column(JSON)
    clv_forecast_minor: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    grade: Mapped[Grade] = mapped_column(enum_column(Grade))
    computed_at: Mapped[datetime] = mapped_column()


class ValueRun(Base):
    """One recomputation of every customer's value figures, newest last.

    The population's RFM borders and means are kept so that a single customer's figures
    can be brought up to date (after an order is entered) against the same population.
    """

    __tablename__ = "value_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference_day: Mapped[date] = mapped_column(Date)
    window_days: Mapped[int] = mapped_column(Integer)
    # RfmPopulation.to_json(); NULL when nobody had ever ordered.
    population: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A Decimal as text: SQLite has no exact decimal type.
    retention: Mapped[str] = mapped_column(String(16))
    customers: Mapped[int] = mapped_column(Integer)
    buyers: Mapped[int] = mapped_column(Integer)
    stage_changes: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column()
    computed_at: Mapped[datetime] = mapped_column()


# Every customer's purchase history for the value figures is read off this index alone,
# in customer and day order (db/repositories/value_facts.py): a walk of 1,000,000 orders
# without a sort or a lookup of each row. Status and deleted_at are held although the
# condition fixes them, because SQLite counts an index as covering only if it holds
# every column named.
LIVE_ORDER = "deleted_at IS NULL AND status <> 'cancelled'"
Index(
    "ix_sales_order_value_facts",
    Order.customer_id,
    Order.ordered_on,
    Order.total_minor,
    Order.payment_due_on,
    Order.paid_on,
    Order.status,
    Order.deleted_at,
    sqlite_where=text(LIVE_ORDER),
    postgresql_where=text(LIVE_ORDER),
)
