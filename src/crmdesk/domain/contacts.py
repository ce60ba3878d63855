"""Contact people of a customer (联系人): what a form edits and what is shown."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

NAME_MAX_LENGTH = 100


@dataclass(frozen=True)
class ContactDraft:
    """Everything a person edits on a contact. A customer's first contact becomes primary
    whatever `is_primary` says, so that every customer with contacts has one."""

    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    birthday: date | None = None
    is_primary: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class ContactRecord:
    id: uuid.UUID
    customer_id: uuid.UUID
    name: str
    title: str | None
    phone: str | None
    email: str | None
    wechat: str | None
    birthday: date | None
    is_primary: bool
    notes: str | None
    version: int
    created_at: datetime
    updated_at: datetime

    def to_draft(self) -> ContactDraft:
        return ContactDraft(
            name=self.name,
            title=self.title,
            phone=self.phone,
            email=self.email,
            wechat=self.wechat,
            birthday=self.birthday,
            is_primary=self.is_primary,
            notes=self.notes,
        )
