"""Team-wide settings: one JSON value per key in the `setting` table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import Setting


def _live_setting(session: Session, key: str) -> Setting | None:
    return session.execute(
        select(Setting).where(Setting.key == key, Setting.deleted_at.is_(None))
    ).scalar_one_or_none()


def get_value(session: Session, key: str) -> Any:
    """The stored value, or None when the setting was never made (or was removed)."""
    setting = _live_setting(session, key)
    return None if setting is None else setting.value


def put_value(session: Session, key: str, value: Any, now: datetime) -> None:
    setting = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    if setting is None:
        session.add(Setting(key=key, value=value, created_at=now, updated_at=now))
    else:
        # The key is unique, so a removed setting comes back to life in the same row.
        setting.value = value
        setting.deleted_at = None
        setting.updated_at = now
    session.flush()
