"""Helpers of the team-mode tests: people, edits, a transport that cuts, server queries."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select, text

from coachdesk.db import Database
from coachdesk.models import Cohort, Participant
from coachdesk.sync.client import HttpTransport, SyncError

DAY_MS = 24 * 3600 * 1000
# Set per test (conftest): promotions are team-wide, so each test names its own.
COHORT_PREFIX = ["Promo"]


def add_person(db: Database, last: str = "Fabre", first: str = "Léa", *,
               cohort: str = "2010", phone: str = "0601020304",
               birth: date | None = date(1991, 3, 4)) -> str:
    cohort = f"{COHORT_PREFIX[0]} {cohort}"
    with db.write() as s:
        found = s.execute(select(Cohort.id).where(Cohort.name == cohort)).scalar()
        if found is None:
            c = Cohort(name=cohort, start_date=date(2010, 5, 26))
            s.add(c)
            s.flush()
            found = c.id
        person = Participant(cohort_id=found, last_name=last, first_name=first,
                             listed_on=date(2010, 2, 1), phone=phone, birth_date=birth)
        s.add(person)
        s.flush()
        return person.id


def edit(db: Database, person_id: str, **values: Any) -> None:
    with db.write() as s:
        person = s.get(Participant, person_id)
        assert person is not None
        for name, value in values.items():
            setattr(person, name, value)


def person(db: Database, person_id: str) -> Participant | None:
    with db.read() as s:
        return s.get(Participant, person_id)


def outbox(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        return [dict(r) for r in s.execute(text(
            "SELECT op_id, table_name, row_id, kind, payload, status, refusal_code, "
            "refusal_message FROM sync_outbox ORDER BY seq")).mappings()]


def server_rows(team: Any, sql: str, **params: Any) -> list[Any]:
    """A query on the server as its administrator (row-level security lifted)."""
    with team.engine.begin() as connection:
        connection.execute(text("SELECT set_config('coachdesk.admin', 'on', true)"))
        return list(connection.execute(text(sql), params).all())


class CuttingTransport(HttpTransport):
    """A real HTTP transport that cuts the network on chosen requests.

    ``plan(method, path, n)`` returns None (normal), "before" (the request never leaves) or
    "after" (the server answers, the answer is lost).
    """

    def __init__(self, base_url: str, plan: Callable[[str, str, int], str | None]) -> None:
        super().__init__(base_url)
        self.plan = plan
        self.count = 0
        self.log: list[tuple[str, str, str | None]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> bytes:
        self.count += 1
        action = self.plan(method, path, self.count)
        self.log.append((method, path, action))
        if action == "before":
            raise SyncError("coupure simulée avant l'envoi", code="unreachable")
        answer = super().request(method, path, **kwargs)
        if action == "after":
            raise SyncError("coupure simulée : réponse perdue", code="unreachable")
        return answer


def loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
