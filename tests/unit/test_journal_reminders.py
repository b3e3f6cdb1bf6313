"""The coach's journal and reminders: notes found without accents, reminders ticked done or
postponed, what is overdue, the exits' follow-ups, the agenda, erasure and the upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from sqlalchemy import delete

from coachdesk.db import HEAD_REVISION, Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.access import write_access_workbook
from coachdesk.exports.ics import write_ics
from coachdesk.models import Contract, Employer
from coachdesk.services import clock, coaches, employers, gdpr, journal, reminders
from coachdesk.services.agenda import AgendaItem, add_reminder, compute_agenda
from coachdesk.services.participants import participant_timeline
from tests import builders as b

D = date
TODAY = D(2010, 12, 31)  # a Friday: its week runs from 27/12 to 02/01
NOTE_DAY = D(2010, 12, 28)
TESTS_DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def world(db: Database) -> tuple[Database, dict[str, str]]:
    """Élodie under contract at the Pharmacie, Bruno who left for a job on 10/09/2010, a coach;
    the database lives on 31/12/2010."""
    clock.set_clock(db, TODAY)
    cohort = b.cohort(db, "Promo test")
    elodie = b.person(db, cohort, "Lefèvre", "Élodie")
    bruno = b.person(db, cohort, "Martin", "Bruno")
    claire = coaches.create_coach(db, coaches.CoachDraft("Claire Vidal"))
    pharmacie = b.employer(db, "Pharmacie Sainte-Cécile")
    contract = b.contract(db, elodie, pharmacie, D(2010, 9, 6), end_date=D(2011, 8, 31),
                          signed_on=D(2010, 9, 1), weekly_hours=35, training_hours=400,
                          gross_monthly_pay_cents=107502)
    exit_id = b.outcome(db, bruno, "emploi_hors_dispositif", D(2010, 9, 10))
    return db, {"elodie": elodie, "bruno": bruno, "claire": claire, "pharmacie": pharmacie,
                "contract": contract, "exit": exit_id, "cohort": cohort}


def note(db: Database, person: str, text: str, on: date = NOTE_DAY, kind: str = "appel",
         **fields: str) -> str:
    return journal.add_journal_entry(db, person, journal.JournalDraft(on, kind, text, **fields))


def test_a_note_is_written_listed_and_found_without_accents(world: tuple) -> None:
    db, ids = world
    note(db, ids["elodie"], "Appelé la tutrice : Élodie s'intègre très bien.",
         coach_id=ids["claire"], contract_id=ids["contract"])
    note(db, ids["elodie"], "Entretien : veut préparer un BTS.", D(2010, 12, 20), "entretien")
    note(db, ids["bruno"], "Courriel de son employeur.", D(2010, 12, 21), "courriel",
         employer_id=ids["pharmacie"])
    lines = journal.journal_of(db, ids["elodie"])
    assert [(line.written_on, line.kind_label, line.coach) for line in lines] == [
        (D(2010, 12, 28), "Appel", "Claire Vidal"), (D(2010, 12, 20), "Entretien", "")]
    # The contract's employer is named with the note.
    assert lines[0].employer == "Pharmacie Sainte-Cécile"
    # No case, no accents: « elodie integre » finds « Élodie s'intègre », in every promotion.
    found = journal.search_journal(db, "ELODIE integre")
    assert [line.participant for line in found] == ["LEFÈVRE Élodie"]
    assert journal.search_journal(db, "tutrice", participant_id=ids["bruno"]) == []
    # The kind is searchable by its French name.
    assert [line.text for line in journal.search_journal(db, "courriel")] == [
        "Courriel de son employeur."]
    assert journal.search_journal(db, "bts", cohort_id=ids["cohort"])[0].kind == "entretien"


def test_a_note_can_be_edited_and_deleted(world: tuple) -> None:
    db, ids = world
    entry = note(db, ids["elodie"], "Appel manqué.")
    journal.update_journal_entry(db, entry, journal.JournalDraft(
        D(2010, 12, 29), "appel", "Appel à la tutrice : RAS."))
    (line,) = journal.journal_of(db, ids["elodie"])
    assert (line.written_on, line.text) == (D(2010, 12, 29), "Appel à la tutrice : RAS.")
    assert journal.search_journal(db, "manque") == []
    journal.delete_journal_entry(db, entry)
    assert journal.journal_of(db, ids["elodie"]) == []


def test_a_note_says_in_french_what_is_wrong(world: tuple) -> None:
    db, ids = world
    with pytest.raises(UserError, match="Le texte de la note est obligatoire"):
        note(db, ids["elodie"], "   ")
    with pytest.raises(UserError, match=r"La date de la note \(03/01/2011\) est après "
                       r"aujourd'hui \(31/12/2010\)") as raised:
        note(db, ids["elodie"], "Plus tard", D(2011, 1, 3))
    assert "créez un rappel" in (raised.value.hint or "")
    with pytest.raises(UserError, match="n'est pas celui de cette personne"):
        note(db, ids["bruno"], "Sur le contrat d'Élodie", contract_id=ids["contract"])
    with pytest.raises(UserError, match="Type de note « fax » inconnu"):
        note(db, ids["elodie"], "Télécopie", kind="fax")
    assert journal.journal_of(db, ids["elodie"]) == []


def test_notes_are_in_the_persons_timeline(world: tuple) -> None:
    db, ids = world
    note(db, ids["elodie"], "Appelé la tutrice.", coach_id=ids["claire"])
    events = participant_timeline(db, ids["elodie"])
    assert ("Journal : Appel", "Claire Vidal — Appelé la tutrice.") in [
        (event.title, event.detail) for event in events]


def test_a_reminder_is_ticked_done_postponed_and_says_when_it_is_late(world: tuple) -> None:
    db, ids = world
    late = add_reminder(db, ids["elodie"], D(2010, 12, 28), "Demander ses bulletins.")
    soon = add_reminder(db, ids["elodie"], D(2011, 1, 6), "Rappeler la tutrice.")
    lines = {line.text: line for line in reminders.person_reminders(db, ids["elodie"])}
    assert lines["Demander ses bulletins."].state == "en retard de 3 jours"
    assert lines["Rappeler la tutrice."].state == "à faire"
    reminders.mark_done(db, reminders.ReminderKey(reminder_id=late))
    lines = {line.text: line for line in reminders.person_reminders(db, ids["elodie"])}
    assert lines["Demander ses bulletins."].state == "fait le 31/12/2010"
    # Postponed: a new date, to do again; never to a day already gone.
    reminders.postpone(db, reminders.ReminderKey(reminder_id=late), D(2011, 1, 10))
    with pytest.raises(UserError, match=r"La nouvelle date du rappel \(30/12/2010\) est déjà "
                       "passée"):
        reminders.postpone(db, reminders.ReminderKey(reminder_id=soon), D(2010, 12, 30))
    lines = {line.text: line for line in reminders.person_reminders(db, ids["elodie"])}
    assert (lines["Demander ses bulletins."].due_on, lines["Demander ses bulletins."].state) == (
        D(2011, 1, 10), "à faire")
    assert lines["Rappeler la tutrice."].due_on == D(2011, 1, 6)
    assert reminders.overdue_phrase(1) == "en retard d'un jour"


def test_the_exit_follow_ups_are_overdue_then_ticked_done(world: tuple) -> None:
    db, ids = world
    # Bruno left on 10/09/2010: his 3-month follow-up was due on 10/12/2010.
    lines = reminders.person_reminders(db, ids["bruno"])
    assert [(line.due_on, line.state, line.is_follow_up) for line in lines] == [
        (D(2010, 12, 10), "en retard de 21 jours", True),
        (D(2011, 3, 10), "à faire", True)]
    items = [item for item in compute_agenda(db, D(2010, 12, 27))
             if item.participant == "MARTIN Bruno"]
    assert [(item.day, item.kind) for item in items] == [(TODAY, "followup_overdue")]
    assert "Suivi à 3 mois après la sortie du 10/09/2010" in items[0].detail
    assert "en retard de 21 jours (prévu le 10/12/2010)" in items[0].detail
    key = reminders.key_of(items[0])
    assert key == reminders.ReminderKey(outcome_id=ids["exit"], due_on=D(2010, 12, 10))
    reminders.mark_done(db, key, D(2010, 12, 31))
    assert [item for item in compute_agenda(db, D(2010, 12, 27))
            if item.participant == "MARTIN Bruno"] == []
    # The week it was due shows it done (not computed a second time).
    (done,) = [item for item in compute_agenda(db, D(2010, 12, 6))
               if item.participant == "MARTIN Bruno"]
    assert (done.kind, done.done, done.record_table) == ("post_exit_followup", True, "reminder")
    assert done.detail.endswith("Fait le 31/12/2010.")
    # Ticking it again is the same reminder; the 6-month one can be postponed.
    assert reminders.mark_done(db, key) == reminders.key_of(done).reminder_id  # type: ignore[union-attr]
    six = reminders.person_reminders(db, ids["bruno"])[0]
    assert six.due_on == D(2011, 3, 10)
    reminders.postpone(db, six.key, D(2011, 3, 21))
    assert [(line.due_on, line.state) for line in reminders.person_reminders(db, ids["bruno"])] == [
        (D(2011, 3, 21), "à faire"), (D(2010, 12, 10), "fait le 31/12/2010")]


def test_the_weeks_agenda_and_its_ics_hold_reminders_and_notes(
    world: tuple, tmp_path: Path
) -> None:
    db, ids = world
    add_reminder(db, ids["elodie"], D(2010, 12, 20), "Demander ses bulletins.")
    add_reminder(db, None, D(2010, 12, 31), "Relancer la Pharmacie Sainte-Cécile.")
    done = add_reminder(db, ids["elodie"], D(2010, 12, 29), "Rappeler la tutrice.")
    reminders.mark_done(db, reminders.ReminderKey(reminder_id=done), D(2010, 12, 29))
    note(db, ids["elodie"], "Appelé la tutrice : RAS.", coach_id=ids["claire"])
    items = compute_agenda(db, D(2010, 12, 27))
    mine = [(i.day, i.kind, i.participant, i.detail) for i in items
            if i.kind in ("reminder", "reminder_overdue", "journal")]
    assert mine == [
        (D(2010, 12, 28), "journal", "LEFÈVRE Élodie", "Appel (Claire Vidal) : Appelé la "
         "tutrice : RAS."),
        (D(2010, 12, 29), "reminder", "LEFÈVRE Élodie", "Rappeler la tutrice. Fait le "
         "29/12/2010."),
        # Late from an earlier week: carried to the database's day.
        (TODAY, "reminder_overdue", "LEFÈVRE Élodie", "Demander ses bulletins. — en retard "
         "de 11 jours (prévu le 20/12/2010)."),
        (TODAY, "reminder", "", "Relancer la Pharmacie Sainte-Cécile."),
    ]
    # Another week shows its own items as planned, without lateness.
    assert [(i.kind, i.detail) for i in compute_agenda(db, D(2010, 12, 20))
            if i.record_table == "reminder"] == [("reminder", "Demander ses bulletins.")]
    target = tmp_path / "semaine.ics"
    write_ics(items, target)
    text = Calendar.from_ical(target.read_bytes()).to_ical().decode()
    assert "SUMMARY:Rappel en retard — LEFÈVRE Élodie" in text
    assert "SUMMARY:Journal — LEFÈVRE Élodie" in text


def test_erasure_takes_the_notes_and_the_access_export_lists_them(
    world: tuple, tmp_path: Path
) -> None:
    db, ids = world
    note(db, ids["elodie"], "Appelé la tutrice : Zéphyrine va bien.", coach_id=ids["claire"])
    add_reminder(db, ids["elodie"], D(2011, 1, 4), "Rappeler Zéphyrine.")
    out = tmp_path / "acces.xlsx"
    write_access_workbook(db, ids["elodie"], out)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["Journal"].iter_rows(values_only=True))
    book.close()
    assert "Écrite le" in rows[0] and "Nature" in rows[0]
    assert [row[rows[0].index("Texte")] for row in rows[1:]] == [
        "Appelé la tutrice : Zéphyrine va bien."]
    assert rows[1][rows[0].index("Nature")] == "Appel"
    assert rows[1][rows[0].index("Chargé·e")] == "Claire Vidal"
    gdpr.erase_for_good(db, ids["elodie"])
    assert journal.search_journal(db, "zephyrine") == []
    with db.read() as session:
        assert gdpr.remaining_rows(session, [ids["elodie"]]) == {}
    assert b"Zephyrine" not in db.path.read_bytes() and b"zephyrine" not in db.path.read_bytes()


def test_a_reminder_made_from_an_employer_or_a_contract_stays_linked_to_it(world: tuple) -> None:
    db, ids = world
    about_employer = add_reminder(db, None, D(2010, 12, 29), "Relancer pour l'offre.",
                                  employer_id=ids["pharmacie"])
    about_contract = add_reminder(db, ids["elodie"], D(2010, 12, 30), "Appeler la tutrice.",
                                  contract_id=ids["contract"])

    def week() -> dict[str, AgendaItem]:
        return {item.record_id: item for item in compute_agenda(db, TODAY)}

    employer_item, contract_item = week()[about_employer], week()[about_contract]
    # No one in particular: the employer is named, as it is called today, and it opens.
    assert (employer_item.participant, employer_item.participant_id,
            employer_item.employer_id) == ("Pharmacie Sainte-Cécile", None, ids["pharmacie"])
    assert (contract_item.participant, contract_item.contract_id) == (
        "LEFÈVRE Élodie", ids["contract"])
    employers.update_employer(db, ids["pharmacie"],
                              employers.EmployerDraft(name="Pharmacie du Jeu de Paume"))
    assert week()[about_employer].participant == "Pharmacie du Jeu de Paume"
    # The contract and the employer deleted, the reminders stay, unlinked.
    with db.write() as session:
        session.execute(delete(Contract).where(Contract.id == ids["contract"]))
        session.execute(delete(Employer).where(Employer.id == ids["pharmacie"]))
    employer_item, contract_item = week()[about_employer], week()[about_contract]
    assert (employer_item.participant, employer_item.employer_id) == ("", None)
    assert (contract_item.participant, contract_item.contract_id) == ("LEFÈVRE Élodie", None)
    assert employer_item.detail.startswith("Relancer pour l'offre.")


def test_upgrade_from_the_first_release_keeps_reminders_and_takes_notes(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        with database.read() as session:
            person = session.connection().exec_driver_sql(
                "SELECT id FROM participant LIMIT 1").scalar()
        from coachdesk.models.base import canonical_id

        person = canonical_id(person)
        entry = journal.add_journal_entry(database, person, journal.JournalDraft(
            D(2010, 6, 1), "visite", "Visite en entreprise."))
        reminder = add_reminder(database, person, D(2010, 6, 8), "Rappeler.")
        reminders.mark_done(database, reminders.ReminderKey(reminder_id=reminder),
                            D(2010, 6, 9))
        assert [line.id for line in journal.search_journal(database, "visite")] == [entry]
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert connection.execute("SELECT kind, text FROM journal_entry").fetchall() == [
            ("visite", "Visite en entreprise.")]
        assert connection.execute("SELECT done, done_on FROM reminder").fetchall() == [
            (1, "2010-06-09")]
        # Revision 0021: a reminder made from a contract or an employer is linked to it.
        assert connection.execute(
            "SELECT contract_id, employer_id FROM reminder").fetchall() == [(None, None)]
    connection.close()


def test_the_week_carries_what_is_late_for_three_months_the_file_keeps_the_rest(
    world: tuple,
) -> None:
    db, ids = world
    add_reminder(db, ids["elodie"], D(2010, 10, 10), "Près de trois mois de retard.")
    add_reminder(db, ids["elodie"], D(2010, 9, 1), "Quatre mois de retard.")
    carried = [i.detail for i in compute_agenda(db, D(2010, 12, 27))
               if i.kind == "reminder_overdue"]
    assert carried == ["Près de trois mois de retard. — en retard de 82 jours (prévu le "
                       "10/10/2010)."]
    states = {line.text: line.state for line in reminders.person_reminders(db, ids["elodie"])}
    assert states["Quatre mois de retard."] == "en retard de 121 jours"
