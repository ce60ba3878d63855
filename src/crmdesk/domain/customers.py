"""Customers as the rest of the program sees them: what a form edits, what a profile shows,
what a list row holds, and how the list is filtered and sorted."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from crmdesk.domain.enums import (
    CustomerKind,
    CustomerLevel,
    LifecycleStage,
    SourceChannel,
    ValueSegment,
)

NAME_MAX_LENGTH = 200
CODE_MAX_LENGTH = 40


@dataclass(frozen=True)
class TagRecord:
    id: uuid.UUID
    name: str
    color: str | None


@dataclass(frozen=True)
class CustomerDraft:
    """Everything a person edits on a customer. `code` None means "give it the next number"."""

    name: str
    kind: CustomerKind = CustomerKind.COMPANY
    code: str | None = None
    industry: str | None = None
    source: SourceChannel | None = None
    level: CustomerLevel = CustomerLevel.NORMAL
    lifecycle_stage: LifecycleStage = LifecycleStage.EXPLORATION
    # True when a person chose the stage; the suggestion from purchases leaves it alone.
    stage_pinned: bool = False
    owner_id: uuid.UUID | None = None
    phone: str | None = None
    phone_alt: str | None = None
    email: str | None = None
    wechat: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    address: str | None = None
    birthday: date | None = None
    referred_by_id: uuid.UUID | None = None
    notes: str | None = None
    # Team-defined extra fields; values are text, numbers, yes/no or empty.
    custom_fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class CustomerRecord:
    """One customer as stored, with the names a profile shows next to the ids."""

    id: uuid.UUID
    code: str
    name: str
    kind: CustomerKind
    industry: str | None
    source: SourceChannel | None
    level: CustomerLevel
    lifecycle_stage: LifecycleStage
    stage_pinned: bool
    owner_id: uuid.UUID | None
    owner_name: str | None
    phone: str | None
    phone_alt: str | None
    email: str | None
    wechat: str | None
    province: str | None
    city: str | None
    district: str | None
    address: str | None
    birthday: date | None
    referred_by_id: uuid.UUID | None
    referred_by_name: str | None
    notes: str | None
    custom_fields: Mapping[str, object]
    tags: tuple[TagRecord, ...]
    version: int
    created_at: datetime
    updated_at: datetime

    def to_draft(self) -> CustomerDraft:
        """The editable part, to change a few fields and save it back."""
        return CustomerDraft(
            name=self.name,
            kind=self.kind,
            code=self.code,
            industry=self.industry,
            source=self.source,
            level=self.level,
            lifecycle_stage=self.lifecycle_stage,
            stage_pinned=self.stage_pinned,
            owner_id=self.owner_id,
            phone=self.phone,
            phone_alt=self.phone_alt,
            email=self.email,
            wechat=self.wechat,
            province=self.province,
            city=self.city,
            district=self.district,
            address=self.address,
            birthday=self.birthday,
            referred_by_id=self.referred_by_id,
            notes=self.notes,
            custom_fields=dict(self.custom_fields),
        )


@dataclass(frozen=True)
class CustomerSummary:
    """One row of the customer list."""

    id: uuid.UUID
    code: str
    name: str
    kind: CustomerKind
    level: CustomerLevel
    lifecycle_stage: LifecycleStage
    owner_name: str | None
    phone: str | None
    email: str | None
    province: str | None
    city: str | None
    primary_contact_name: str | None
    tag_names: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    segment: ValueSegment | None = None  # from the last recomputation of customer value


class CustomerSort(StrEnum):
    """Keys the customer list sorts by (`PageRequest.sort_by`); the default is NAME."""

    NAME = "name"  # by pinyin, so 阿 comes before 张
    CODE = "code"
    CREATED = "created"
    UPDATED = "updated"
    LEVEL = "level"  # VIP first
    STAGE = "stage"  # along the lifecycle
    LOCATION = "location"  # province, then city
    OWNER = "owner"
    KIND = "kind"  # companies, then people
    PHONE = "phone"
    EMAIL = "email"
    SEGMENT = "segment"  # customers without a segment first, then the RFM segments in order
    CONTACT = "contact"  # by the primary contact's name, customers without one first
    TAGS = "tags"  # by the first tag's name, customers without tags first


@dataclass(frozen=True)
class CustomerFilter:
    """Which customers the list shows. Empty sets and None mean "any"; within one set any
    value matches (a customer with any of the tags), and the criteria all apply together."""

    search: str = ""
    lifecycle_stages: frozenset[LifecycleStage] = frozenset()
    segments: frozenset[ValueSegment] = frozenset()  # RFM value segments
    levels: frozenset[CustomerLevel] = frozenset()
    owner_ids: frozenset[uuid.UUID] = frozenset()
    tag_ids: frozenset[uuid.UUID] = frozenset()
    province: str | None = None
    city: str | None = None
    # True: only customers that have one; False: only those that do not.
    has_overdue_follow_up: bool | None = None
    has_open_complaint: bool | None = None
