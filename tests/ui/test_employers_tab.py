"""The Employeurs tab on the demo database, driven as a coach would; each test checks the
database or the file written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select as sql_select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Contract, FollowUpVisit, Participant
from coachdesk.services import employers, interviews, matching, offers
from coachdesk.services.cohorts import list_cohorts
from coachdesk.ui.employers.tab import EmployersTab
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.fields import set_date

# The offscreen platform cannot pass a window's size hints on; harmless, logged on every dialog.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_path)
    yield db
    db.dispose()


@pytest.fixture
def cohort_id(database: Database) -> str:
    with database.read() as session:
        return list_cohorts(session)[0].id


@pytest.fixture
def tab(qtbot: QtBot, qapp: QApplication, database: Database, cohort_id: str,
        monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    widget = EmployersTab(database)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_cohort(cohort_id)
    widget.show()
    yield widget
    for translator in translators:
        qapp.removeTranslator(translator)


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select(view, model, test) -> object:  # type: ignore[no-untyped-def]
    for number, row in enumerate(model.rows()):
        if test(row):
            view.setCurrentIndex(model.index(number, 0))
            return row
    raise AssertionError("no such row")


def test_new_employer_with_siret_checked_next_to_the_field(
    tab: EmployersTab, qtbot: QtBot, database: Database
) -> None:
    count = tab.employer_model.rowCount()
    tab.create_new()  # Ctrl+N
    dialog = tab.dialog
    assert dialog.windowTitle() == "Nouvel employeur"
    qtbot.keyClicks(dialog.name, "Cabinet Vautrin Conseil")
    qtbot.keyClicks(dialog.siret, "732 829 320 00075")
    qtbot.keyClicks(dialog.city, "Montpellier")
    assert dialog.siret_error.isVisible()
    assert "la clé de contrôle est fausse" in dialog.siret_error.text()
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # nothing lost: the form stays open
    assert dialog.name.text() == "Cabinet Vautrin Conseil"
    assert not employers.list_employers(database, "Vautrin")
    dialog.siret.selectAll()
    qtbot.keyClicks(dialog.siret, "73282932000074")
    dialog.reached_via.setCurrentIndex(dialog.reached_via.findData("relais_opco"))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    (saved,) = employers.list_employers(database, "vautrin")
    assert (saved.siret, saved.city, saved.reached_via) == ("73282932000074", "Montpellier",
                                                            "relais_opco")
    assert tab.employer_model.rowCount() == count + 1
    assert tab.selected_employer().id == saved.id

    # Edit it: the town changes, the rest is kept.
    click(qtbot, tab.edit_employer_button)
    dialog = tab.dialog
    assert dialog.siret.text() == "73282932000074"
    dialog.city.selectAll()
    qtbot.keyClicks(dialog.city, "Lattes")
    click(qtbot, dialog.ok_button)
    assert employers.get_employer(database, saved.id).city == "Lattes"


def test_directory_search_ignores_case_and_accents(tab: EmployersTab, qtbot: QtBot) -> None:
    qtbot.keyClicks(tab.search, "ecusson")
    qtbot.waitUntil(lambda: tab.employer_model.rowCount() == 1)
    assert tab.employer_model.row_at(0).name == "Agence immobilière Écusson"


def test_tutor_warnings_and_prospecting_log(tab: EmployersTab, qtbot: QtBot,
                                           database: Database) -> None:
    employer = select(tab.employer_view, tab.employer_model,
                      lambda r: r.name == "Optique Comédie")
    contacts_before = tab.contact_model.rowCount()
    click(qtbot, tab.add_contact_button)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.last_name, "Pons")
    qtbot.keyClicks(dialog.first_name, "Anne")
    qtbot.mouseClick(dialog.is_tutor, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.is_tutor.height() // 2))
    dialog.experience.setValue(1)
    assert dialog.warnings.isVisible()
    assert "il en faut au moins deux" in dialog.warnings.text()
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    contacts = employers.list_contacts(database, employer.id)
    anne = next(c for c in contacts if c.last_name == "Pons")
    assert (anne.is_tutor, anne.tutor_experience_years) == (True, 1)
    assert tab.contact_model.rowCount() == contacts_before + 1
    assert "PONS Anne : Le tuteur n'a que 1 an d'expérience" in tab.tutor_warnings.text()

    # Prospecting: a next step dated before the contact is refused, then fixed.
    tab.employer_detail.setCurrentIndex(1)
    before = tab.prospecting_model.rowCount()
    click(qtbot, tab.prospecting_button)
    dialog = tab.dialog
    dialog.done_on.setDate(QDate(2010, 6, 10))
    dialog.channel.setCurrentIndex(dialog.channel.findData("visite"))
    qtbot.keyClicks(dialog.outcome, "Accord pour accueillir un alternant en septembre.")
    qtbot.keyClicks(dialog.next_step, "Envoyer les CV")
    dialog.next_step_on.setDate(QDate(2010, 6, 1))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "antérieure au contact du 10/06/2010" in dialog.error.text()
    dialog.next_step_on.setDate(QDate(2010, 6, 15))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    latest = employers.list_prospecting(database, employer.id)[0]
    assert (latest.done_on, latest.channel, latest.next_step, latest.next_step_on) == (
        date(2010, 6, 10), "visite", "Envoyer les CV", date(2010, 6, 15))
    assert tab.prospecting_model.rowCount() == before + 1


def test_offers_filter_by_status_rome_and_town(tab: EmployersTab, qtbot: QtBot) -> None:
    assert tab.offer_model.rowCount() == 40
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Ouverte"))
    open_offers = tab.offer_model.rowCount()
    assert 0 < open_offers < 40
    assert {r.status_label for r in tab.offer_model.rows()} == {"Ouverte"}
    tab.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(tab.rome_filter, "M1607")
    qtbot.waitUntil(lambda: tab.offer_model.rowCount() < 40)
    assert {r.rome_code for r in tab.offer_model.rows()} == {"M1607"}
    tab.rome_filter.clear()
    qtbot.keyClicks(tab.rome_filter, "m16")  # a family, in lower case
    qtbot.waitUntil(lambda: len({r.rome_code for r in tab.offer_model.rows()}) > 1)
    assert {r.rome_code[:3] for r in tab.offer_model.rows()} == {"M16"}
    tab.rome_filter.clear()
    qtbot.keyClicks(tab.town_filter, "nimes")
    qtbot.waitUntil(lambda: {r.city for r in tab.offer_model.rows()} == {"Nîmes"})
    assert 0 < tab.offer_model.rowCount() < 40


def test_new_offer_with_its_rome_job(tab: EmployersTab, qtbot: QtBot, database: Database,
                                     cohort_id: str) -> None:
    employer = select(tab.employer_view, tab.employer_model,
                      lambda r: r.name == "Transports Lirou")
    tab.pages.setCurrentIndex(1)
    click(qtbot, tab.new_offer_button)
    dialog = tab.dialog
    assert dialog.employer.current_name() == "Transports Lirou"
    qtbot.keyClicks(dialog.title, "Assistant exploitation")
    qtbot.keyClicks(dialog.rome.search, "agent administratif")
    qtbot.waitUntil(lambda: dialog.rome.model.rowCount() >= 1)
    dialog.rome.search.setFocus()
    qtbot.keyClick(dialog.rome.search, Qt.Key.Key_Return)  # takes the first job found
    assert dialog.rome.code() == "M1602"
    dialog.received_on.setDate(QDate(2010, 6, 2))
    dialog.hours.setValue(35)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    saved = offers.list_offers(database, cohort_id=cohort_id, employer_id=employer.id)
    new = next(o for o in saved if o.title == "Assistant exploitation")
    assert (new.rome_code, new.city, new.received_on, new.weekly_hours, new.status) == (
        "M1602", "Saint-Jean-de-Védas", date(2010, 6, 2), 35.0, "ouverte")
    assert tab.offer_model.rowCount() == 41


def test_matching_referral_interview_checklist_and_documents(
    tab: EmployersTab, qtbot: QtBot, database: Database, cohort_id: str, tmp_path: Path
) -> None:
    # An open offer: its candidates, same ROME code first, then the same family.
    tab.pages.setCurrentIndex(1)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("ouverte"))
    offer = select(tab.offer_view, tab.offer_model, lambda r: r.rome_code == "M1607")
    click(qtbot, tab.candidates_button)
    dialog = tab.dialog
    rows = dialog.model.rows()
    assert rows and rows[0].match == matching.SAME_CODE
    kinds = [r.match for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k != matching.SAME_CODE)
    assert {r.rome_code[:3] for r in rows} == {"M16"}
    assert dialog.model.index(0, 1).data() == "Même métier (code ROME)"
    chosen = next(r for r in rows if r.referral_status is None)
    dialog.select(chosen.participant_id)
    dialog.proposed_on.setDate(QDate(2010, 6, 7))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    (referral,) = matching.list_referrals(database, offer_id=offer.id,
                                          participant_id=chosen.participant_id)
    assert (referral.status, referral.proposed_on) == ("proposee", date(2010, 6, 7))

    # The same person's open offers: the coach proposes a second one.
    click(qtbot, tab.person_offers_button)
    dialog = tab.dialog
    dialog.person.setCurrentIndex(dialog.person.findData(chosen.participant_id))
    assert dialog.model.rowCount() >= 1
    assert all(r.match in (matching.SAME_CODE, matching.SAME_FAMILY)
               for r in dialog.model.rows())
    other = next(n for n, r in enumerate(dialog.model.rows()) if r.offer_id != offer.id)
    dialog.view.setCurrentIndex(dialog.model.index(other, 0))
    dialog.proposed_on.setDate(QDate(2010, 6, 8))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert len(matching.list_referrals(database, participant_id=chosen.participant_id)) >= 2

    # The referral moves on: CV sent.
    tab.pages.setCurrentIndex(2)
    select(tab.referral_view, tab.referral_model, lambda r: r.id == referral.id)
    click(qtbot, tab.referral_status_button)
    dialog = tab.dialog
    assert dialog.status.currentData() == "cv_envoye"  # the next usual step
    dialog.on.setDate(QDate(2010, 6, 9))
    click(qtbot, dialog.ok_button)
    (referral,) = matching.list_referrals(database, offer_id=offer.id,
                                          participant_id=chosen.participant_id)
    assert (referral.status, referral.status_on) == ("cv_envoye", date(2010, 6, 9))

    # A recruitment interview, with its own copy of the default checklist.
    select(tab.referral_view, tab.referral_model, lambda r: r.id == referral.id)
    click(qtbot, tab.plan_interview_button)
    dialog = tab.dialog
    dialog.starts_at.setDateTime(QDateTime(QDate(2010, 6, 14), datetime(2010, 6, 14, 10).time()))
    qtbot.keyClicks(dialog.contact_person, "Mme Garrigues")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    (interview,) = interviews.list_interviews(database, participant_id=chosen.participant_id,
                                              start=date(2010, 6, 14), end=date(2010, 6, 15))
    assert interview.contact_person == "Mme Garrigues"
    assert interview.items_total == len(interviews.default_checklist_file()[1])
    (referral,) = matching.list_referrals(database, offer_id=offer.id,
                                          participant_id=chosen.participant_id)
    assert referral.status == "entretien_prevu"

    # Preparation: tick the first point with the keyboard, note on the second, then outcome.
    select(tab.interview_view, tab.interview_model, lambda r: r.id == interview.id)
    # The week of the sheets follows the interview chosen, said as a coach reads a week.
    assert tab.week.text() == "14/06/2010"
    assert tab.week_button.toolTip() == "Semaine 24 (du 14 au 20 juin 2010)"
    click(qtbot, tab.checklist_button)
    dialog = tab.dialog
    assert dialog.progress.text() == f"0 points faits sur {interview.items_total}"
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.progress.text() == f"1 points faits sur {interview.items_total}"
    note = dialog.model.index(1, 3)
    # An editor in a table closes when its window loses focus: work in the active dialog.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.view.visualRect(note).center())
    qtbot.keyClick(dialog.view, Qt.Key.Key_F2)
    (editor,) = dialog.view.viewport().findChildren(QLineEdit)
    qtbot.keyClicks(editor, "Imprimer deux exemplaires")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.items[1].note == "Imprimer deux exemplaires")
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.new_item, "Demander le planning des cours")
    qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return adds the point, it does not close the dialog
    items = interviews.checklist(database, interview.id)
    # Ticked on the demo's day, not the calendar's.
    assert items[0].checked and items[0].checked_on == date(2010, 12, 31)
    assert items[1].note == "Imprimer deux exemplaires" and not items[1].checked
    assert items[-1].label == "Demander le planning des cours"
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("retenu"))
    qtbot.keyClicks(dialog.notes, "Bon contact, commence le 1er septembre")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    (referral,) = matching.list_referrals(database, offer_id=offer.id,
                                          participant_id=chosen.participant_id)
    assert referral.status == "retenu"
    row = next(r for r in tab.interview_model.rows() if r.id == interview.id)
    assert (row.outcome, row.items_done) == ("retenu", 1)

    # The preparation sheet of this interview, read back from the PDF.
    select(tab.interview_view, tab.interview_model, lambda r: r.id == interview.id)
    sheet = tab.print_sheet(tmp_path / "fiche.pdf")
    assert sheet is not None
    text = PdfReader(sheet).pages[0].extract_text()
    assert "Fiche de préparation à l'entretien" in text
    assert f"{interview.last_name.upper()} {interview.first_name}" in text
    assert "Mme Garrigues" in text and "Imprimer deux exemplaires" in text
    assert len(PdfReader(sheet).pages) == 1

    # The sheets of the week of 3 May 2010: one page per interview.
    set_date(tab.week, date(2010, 5, 5))
    expected = len(interviews.interview_sheets(database, date(2010, 5, 3), date(2010, 5, 10)))
    week = tab.print_week(tmp_path / "semaine.pdf")
    assert week is not None and len(PdfReader(week).pages) == expected > 0
    assert messages.last_messages[-1].text.endswith(f"écrites dans {week}.")
    # A week without interviews: a clear message, no file.
    set_date(tab.week, date(2010, 1, 11))
    assert tab.print_week(tmp_path / "vide.pdf") is None
    assert not (tmp_path / "vide.pdf").exists()
    assert messages.last_messages[-1].text.startswith(
        "Aucun entretien de recrutement en semaine 2 (du 11 au 17 janvier 2010) : aucun fichier "
        "écrit.")

    # The calendar of the cohort's interviews and of the follow-up visits planned for its
    # contracts, read back.
    ics = tab.export_calendar(tmp_path / "entretiens.ics")
    assert ics is not None
    content = ics.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Paris:20100614T100000" in content
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    timed = [e for e in events if isinstance(e.decoded("dtstart"), datetime)]
    all_day = [e for e in events if not isinstance(e.decoded("dtstart"), datetime)]
    assert len(timed) == tab.interview_model.rowCount()
    with database.read() as session:
        planned = session.execute(
            sql_select(FollowUpVisit.planned_on, Participant.first_name, Participant.last_name)
            .join(Contract, Contract.id == FollowUpVisit.contract_id)
            .join(Participant, Participant.id == Contract.participant_id)
            .where(FollowUpVisit.planned_on.is_not(None), FollowUpVisit.done_on.is_(None),
                   Participant.cohort_id == cohort_id)
        ).all()
    assert planned  # the demo plans visits after the last one done
    assert sorted((e.decoded("dtstart"), str(e["summary"])) for e in all_day) == sorted(
        (day, f"Visite à faire — {last.upper()} {first}") for day, first, last in planned)
    assert all("Suivi du contrat chez" in str(e["description"]) for e in all_day)
    assert messages.last_messages[-1].text.startswith(
        f"{len(timed)} entretiens et {len(planned)} visites de suivi écrits dans")


def test_directory_search_filters_the_loaded_rows_and_keeps_the_selection(
    tab: EmployersTab, qtbot: QtBot, database: Database
) -> None:
    everyone = [row.name for row in tab.employer_model.rows()]
    assert everyone == [row.name for row in employers.list_employers(database)]
    lirou = select(tab.employer_view, tab.employer_model, lambda r: r.name == "Transports Lirou")
    # Each keystroke narrows the list at once, in the same order, the selection kept.
    for letter in "lirou":
        qtbot.keyClick(tab.search, letter)
        shown = [row.name for row in tab.employer_model.rows()]
        expected = [row.name for row in employers.list_employers(database, tab.search.text())]
        assert shown == expected
    assert tab.employer_model.rowCount() == 1
    assert tab.selected_employer().id == lirou.id
    assert "Transports Lirou" in tab.employer_heading.text()
    assert tab.count_label.text().startswith("1 employeur — ")
    # A town typed in capitals and a SIRET fragment find the same rows as the database search.
    for search in ("SAINT-JEAN", str(lirou.siret)[:6] if lirou.siret else "lirou", "zzz"):
        tab.search.setText(search)
        assert [r.id for r in tab.employer_model.rows()] == [
            r.id for r in employers.list_employers(database, search)]
    tab.search.clear()
    assert [row.name for row in tab.employer_model.rows()] == everyone


def test_sorting_the_directory_keeps_the_selected_employer(tab: EmployersTab) -> None:
    select(tab.employer_view, tab.employer_model, lambda r: r.name == "Optique Comédie")
    tab.employer_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by town
    towns = [row.city for row in tab.employer_model.rows()]
    assert towns == sorted(towns, key=lambda town: (not town, town.lower()
                                                    .replace("é", "e").replace("è", "e")))
    assert tab.selected_employer().name == "Optique Comédie"
    tab.employer_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [row.name for row in tab.employer_model.rows()]
    assert names == sorted(names, key=lambda n: n.lower().replace("é", "e").replace("É", "e"),
                           reverse=True)
    assert tab.selected_employer().name == "Optique Comédie"
    assert tab.employer_view.currentIndex().row() == names.index("Optique Comédie")


def test_changes_made_elsewhere_show_when_coming_back(
    tab: EmployersTab, database: Database, cohort_id: str
) -> None:
    lirou = select(tab.employer_view, tab.employer_model, lambda r: r.name == "Transports Lirou")
    # An offer of this employer filled elsewhere: its open offers counted again.
    offer = offers.create_offer(database, cohort_id, offers.OfferDraft(
        employer_id=lirou.id, title="Magasinier", rome_code="N1103", received_on=date(2010, 6, 1),
    ))
    tab.reload()
    open_before = tab.selected_employer().open_offers
    assert open_before >= 1
    tab.hide()
    filled = replace(offers.get_offer(database, offer), status="pourvue")
    offers.update_offer(database, offer, filled)
    employers.add_contact(database, lirou.id, employers.ContactDraft(
        last_name="Ferrand", first_name="Luc",
    ))
    other = next(r for r in tab.employer_model.rows() if r.id != lirou.id)
    renamed = replace(employers.get_employer(database, other.id), name="Zygomatique Conseil")
    employers.update_employer(database, other.id, renamed)
    tab.set_cohort(cohort_id)  # as the main window does when data changed
    tab.show()
    rows = {row.id: row for row in tab.employer_model.rows()}
    assert rows[lirou.id].open_offers == open_before - 1
    assert rows[other.id].name == "Zygomatique Conseil"
    assert tab.employer_model.rows()[-1].id == other.id  # sorted by name again
    assert tab.selected_employer().id == lirou.id
    assert "FERRAND Luc" in [c.full_name for c in tab.contact_model.rows()]
    # Nothing changed: the rows shown are kept as they are.
    kept = tab.employer_model.rows()
    tab.reload()
    assert all(a is b for a, b in zip(tab.employer_model.rows(), kept, strict=True))


def test_a_cohort_with_many_offers_reads_them_when_their_page_is_shown(
    tab: EmployersTab, qtbot: QtBot, database: Database, cohort_id: str,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    import coachdesk.ui.employers.offers_page as offers_page

    monkeypatch.setattr(offers_page, "EAGER_OFFERS_LIMIT", 10)
    tab = EmployersTab(database)
    qtbot.addWidget(tab)
    tab.set_cohort(cohort_id)
    tab.show()
    assert tab.employer_model.rowCount() > 0
    assert tab.offer_model.rowCount() == 0 and tab.referral_model.rowCount() == 0
    assert "offre" not in tab.count_label.text()
    tab.pages.setCurrentIndex(1)
    assert tab.offer_model.rowCount() == 40
    assert tab.count_label.text().endswith("40 offres d'emploi affichées")
    tab.pages.setCurrentIndex(2)
    assert tab.referral_model.rowCount() > 0 and tab.interview_model.rowCount() > 0


def test_every_page_speaks_french_plurals_included(tab: EmployersTab) -> None:
    """The pages are parts of one tab: their messages, plural ones too, are translated."""
    assert tab.tr("%n interview(s)", "", 2) == "2 entretiens"
    assert tab.tr("%n sheet(s) written to %1.", "", 1) == "1 fiche écrite dans %1."
    assert tab.tr("Change the status…") == "Changer le statut…"
    assert tab.tr("%n employer(s)", "", 3) == "3 employeurs"
