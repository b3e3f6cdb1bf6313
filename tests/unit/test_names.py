"""One way to name a person in one string: NOM Prénom, everywhere a name is shown."""

from __future__ import annotations

from datetime import date

from coachdesk.db import Database
from coachdesk.services import recruitment
from coachdesk.services.agenda import add_reminder, compute_agenda
from coachdesk.services.text import person_name
from tests import builders as b


def test_last_name_in_capitals_then_first_name() -> None:
    assert person_name("Lefèvre", "Élodie") == "LEFÈVRE Élodie"
    assert person_name(" n'Guyen ", "Théo") == "N'GUYEN Théo"
    assert person_name("Martin", "") == "MARTIN"
    assert person_name(None, "Léa") == "Léa"


def test_the_call_sheet_and_the_agenda_name_people_the_same_way(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", date(2010, 2, 1))
    person = b.person(db, cohort, "Lefèvre", "Élodie", phone="06 12 34 56 78")
    add_reminder(db, person, date(2010, 7, 13), "Rappeler")
    (call,) = recruitment.call_queue(db, cohort, date(2010, 7, 12))
    agenda = compute_agenda(db, date(2010, 7, 12))
    assert call.name == "LEFÈVRE Élodie"
    assert [item.participant for item in agenda] == ["LEFÈVRE Élodie"]
