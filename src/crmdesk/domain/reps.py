"""Sales people (业务员) who own customers, follow-ups and complaints."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

NAME_MAX_LENGTH = 100


@dataclass(frozen=True)
class RepDraft:
    name: str
    phone: str | None = None
    email: str | None = None
    active: bool = True


@dataclass(frozen=True)
class RepRecord:
    id: uuid.UUID
    name: str
    phone: str | None
    email: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime
