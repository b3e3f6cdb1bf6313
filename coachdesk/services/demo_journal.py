"""The demo's journal and reminders: what the coaches noted in the last weeks of 2010.

On the demo's day (Friday 31 December 2010) its agenda shows a reminder three days late, one
ticked done the day before, one due that day, and the week's notes; the 3-month follow-ups
of the September exits are overdue (``services.reminders``). Recorded through the services
the window calls, as a coach would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from coachdesk.db import Database
from coachdesk.services import agenda, journal, reminders
from coachdesk.services.demo_data import COACHES


def record_journal(
    db: Database, people: Sequence[str], contract_ids: Sequence[str],
    coach_ids: Mapping[str, str],
) -> None:
    """``people``: those who signed a contract, in order, with ``contract_ids`` (the first
    three were broken); ``coach_ids``: each coach's record by name."""
    claire, julien, nadia = (coach_ids[name] for name in COACHES)
    intern, student, absent = people[3], people[4], people[5]

    def note(person: str, on: date, kind: str, text: str, coach: str,
             contract: str | None = None) -> None:
        journal.add_journal_entry(db, person, journal.JournalDraft(
            written_on=on, kind=kind, text=text, coach_id=coach, contract_id=contract))

    note(intern, date(2010, 12, 15), "visite",
         "Visite chez l'employeur avec la tutrice : le jeune tient seul l'accueil le matin.",
         claire, contract_ids[3])
    note(intern, date(2010, 12, 28), "appel",
         "Appelé la tutrice : bonne intégration, prend des initiatives. Rappeler jeudi pour "
         "le planning des cours de janvier.", claire, contract_ids[3])
    called_back = agenda.add_reminder(
        db, intern, date(2010, 12, 30),
        "Rappeler la tutrice pour le planning des cours de janvier.", "Claire Vidal")
    reminders.mark_done(db, reminders.ReminderKey(reminder_id=called_back), date(2010, 12, 30))

    note(student, date(2010, 12, 20), "entretien",
         "Entretien au centre : veut préparer un BTS en alternance à la rentrée ; doit "
         "apporter ses bulletins de l'année dernière.", julien)
    agenda.add_reminder(db, student, date(2010, 12, 28),
                        "Demander ses bulletins de notes pour le dossier de BTS.", "Julien Roux")

    note(absent, date(2010, 12, 29), "courriel",
         "Courriel de l'organisme de formation : deux absences non justifiées en décembre.",
         nadia, contract_ids[5])
    agenda.add_reminder(db, absent, date(2010, 12, 31),
                        "Appeler le jeune au sujet des absences signalées par l'organisme de "
                        "formation.", "Nadia Benali")
