from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coachdesk.models import Participant
from coachdesk.sync import engine
from tests.sync.support import add_person, server_rows


def test_a_person_created_on_one_laptop_reaches_the_other(team_server: Any,
                                                           laptop_factory: Any) -> None:
    a, b = laptop_factory("Alice"), laptop_factory("Bruno")
    add_person(a, "Fabre", "Léa", phone="0601020304")
    assert engine.synchronise(a).sent == 2
    assert engine.synchronise(b).received == 2
    with b.read() as s:
        people = s.execute(select(Participant.last_name, Participant.phone)).all()
    assert people == [("Fabre", "0601020304")]


def test_a_row_created_and_deleted_offline_never_reaches_the_server(
    team_server: Any, laptop_factory: Any
) -> None:
    a = laptop_factory("Alice")
    gone = add_person(a, "Éphémère", "Eve")
    with a.write() as s:
        s.delete(s.get(Participant, gone))
    report = engine.synchronise(a)
    assert report.pending == 0
    assert server_rows(team_server, "SELECT count(*) FROM participant WHERE id = CAST(:i AS uuid)",
                       i=gone) == [(0,)]
