from __future__ import annotations

from datetime import date

from sqlalchemy import select

from coachdesk.models import Cohort, Participant
from coachdesk.sync import engine


def test_smoke(team_server, laptop_factory) -> None:
    a = laptop_factory("Alice")
    b = laptop_factory("Bruno")
    with a.write() as s:
        c = Cohort(name="Promo 2010", start_date=date(2010, 5, 26))
        s.add(c)
        s.flush()
        s.add(Participant(cohort_id=c.id, last_name="Fabre", first_name="Léa",
                          listed_on=date(2010, 2, 1), phone="0601020304"))
    report = engine.synchronise(a)
    print(report)
    report = engine.synchronise(b)
    print(report)
    with b.read() as s:
        people = s.execute(select(Participant.last_name, Participant.phone)).all()
    assert people == [("Fabre", "0601020304")]
