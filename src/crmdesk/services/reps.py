"""Sales reps: enough to create them and pick one as a customer's owner."""

from __future__ import annotations

import builtins
import uuid

from crmdesk.db.engine import Database
from crmdesk.db.models import Rep
from crmdesk.db.repositories.records import find_live
from crmdesk.db.repositories.reps import list_reps, rep_record
from crmdesk.domain.clock import Clock, system_clock
from crmdesk.domain.contact_details import check_email, check_phone
from crmdesk.domain.errors import NotFoundError
from crmdesk.domain.reps import NAME_MAX_LENGTH, RepDraft, RepRecord
from crmdesk.domain.validation import Problems


class RepService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, draft: RepDraft) -> RepRecord:
        p = Problems()
        name = p.required_text("name", draft.name, max_length=NAME_MAX_LENGTH)
        phone = check_phone(p, "phone", draft.phone)
        email = check_email(p, "email", draft.email)
        p.raise_if_any()
        now = self._clock()
        with self._database.unit_of_work() as uow:
            rep = Rep(
                name=name,
                phone=phone,
                email=email,
                active=draft.active,
                created_at=now,
                updated_at=now,
            )
            uow.session.add(rep)
            uow.session.flush()
            record = rep_record(rep)
            uow.commit()
        return record

    def get(self, rep_id: uuid.UUID) -> RepRecord:
        with self._database.unit_of_work(write=False) as uow:
            rep = find_live(uow.session, Rep, rep_id)
            if rep is None:
                raise NotFoundError("Sales rep", rep_id)
            return rep_record(rep)

    def list(self, *, include_inactive: bool = False) -> builtins.list[RepRecord]:
        """Reps by name; those who left (inactive) only when asked for."""
        with self._database.unit_of_work(write=False) as uow:
            reps = list_reps(uow.session, include_inactive=include_inactive)
            return [rep_record(rep) for rep in reps]
