"""Interviews, their checklists from editable templates, the PDF sheet read back, the .ics."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from icalendar import Calendar
from sqlalchemy import select

from coachdesk.errors import UserError
from coachdesk.exports.ics_interviews import write_interviews_ics
from coachdesk.exports.interview_sheet import write_interview_sheets
from coachdesk.models import Employer, EmployerContact, Participant
from coachdesk.services import bilan, interviews, matching, offers
from coachdesk.services import employers as emp
from coachdesk.services.coaches import CoachDraft, create_coach, update_coach
from coachdesk.services.weeks import IsoWeek
from tests.employers_fixtures import cohort_id, db, make_participant  # noqa: F401


def _interview(db, cohort_id, when=datetime(2010, 5, 11, 14, 30)):  # noqa: F811
    employer = emp.create_employer(db, emp.EmployerDraft(
        name="Boulangerie Lefèvre & Cœur", city="Pézenas", address="3 place de l'Église",
        postcode="34120",
    ))
    offer = offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=employer, title="Assistant·e de gestion", rome_code="M1607",
        received_on=date(2010, 4, 1), weekly_hours=Decimal(35),
        description="Prime de 150 € ; l’équipe œuvre en boutique.",
    ))
    person = make_participant(db, cohort_id, "Bénézech", "Anaïs")
    bilan.add_project(db, person, bilan.ProjectDraft(
        rome_code="M1607", decision="valide", decided_on=date(2010, 5, 3),
    ))
    referral = matching.propose(db, offer, person, date(2010, 5, 3))
    interview = interviews.schedule_interview(db, referral, interviews.InterviewDraft(
        when, place="Boutique", address="3 place de l'Église, Pézenas",
        route_note="Bus 102 depuis Montpellier, arrêt « Pézenas centre ».",
        contact_person="Mme Françoise Ducœur",
    ), planned_on=date(2010, 5, 4))
    return referral, interview


def test_default_checklist_is_seeded_copied_and_ticked(db, cohort_id) -> None:  # noqa: F811
    _, interview = _interview(db, cohort_id)
    name, labels = interviews.default_checklist_file()
    assert name == "Préparation à l'entretien de recrutement" and len(labels) >= 10
    items = interviews.checklist(db, interview)
    assert [item.label for item in items] == labels
    assert matching.list_referrals(db)[0].status_label == "Entretien prévu"

    # Editing the template afterwards does not change the interview's own copy.
    template = interviews.list_templates(db)[0]
    interviews.save_template(db, template.name, ["Un seul point"], template_id=template.id,
                             is_default=True)
    assert len(interviews.checklist(db, interview)) == len(labels)

    interviews.tick_item(db, items[0].id, True, on=date(2010, 5, 9), note="Site web lu")
    interviews.tick_item(db, items[2].id, True, on=date(2010, 5, 10))
    rows = interviews.list_interviews(db, start=date(2010, 5, 10), end=date(2010, 5, 17))
    assert [(r.first_name, r.items_done, r.items_total) for r in rows] == [
        ("Anaïs", 2, len(labels)),
    ]
    interviews.set_interview_outcome(db, interview, "retenu", notes="Début le 1er juin")
    assert matching.list_referrals(db)[0].status_label == "Retenu·e"
    with pytest.raises(UserError, match="au moins un point"):
        interviews.save_template(db, "Vide", ["  "])


def test_pdf_sheet_reads_back_with_accents_and_ticks(db, cohort_id, tmp_path: Path) -> None:  # noqa: F811
    _, interview = _interview(db, cohort_id)
    items = interviews.checklist(db, interview)
    interviews.tick_item(db, items[1].id, True, on=date(2010, 5, 9))
    interviews.tick_item(db, items[3].id, True, on=date(2010, 5, 10))
    week = IsoWeek.parse("2010-W19")
    sheets = interviews.interview_sheets(db, week.monday, week.next_monday)
    out = tmp_path / "sorties" / "fiches.pdf"
    out.parent.mkdir()
    assert write_interview_sheets(out, sheets) == 1
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Fiche de préparation à l'entretien", "Mardi 11 mai 2010 à 14 h 30",
                     "BÉNÉZECH Anaïs", "Boulangerie Lefèvre & Cœur",
                     "Vous serez reçu·e par Mme Françoise Ducœur",
                     "Heure 14 h 30 : présentez-vous dix minutes avant",
                     "Adresse Boutique, 3 place de l'Église, Pézenas",
                     "Bus 102 depuis Montpellier, arrêt « Pézenas centre ».",
                     "Prime de 150 € ; l’équipe œuvre en boutique.", "M1607 – Secrétaire",
                     "Ma préparation (2 sur", items[1].label, items[3].label):
        assert expected in text, expected
    assert text.count("Fait le") == 2
    assert "Fait le 09/05" in text and "Fait le 10/05" in text
    assert list(out.parent.iterdir()) == [out]  # no temporary file left


def test_iso_week_and_ics(db, cohort_id, tmp_path: Path) -> None:  # noqa: F811
    week = IsoWeek.parse("2010-W18")
    assert (week.monday, week.sunday, week.next_monday) == (
        date(2010, 5, 3), date(2010, 5, 9), date(2010, 5, 10))
    with pytest.raises(UserError, match="« 2010-W60 » n'existe pas : l'année 2010 compte 52"):
        IsoWeek.parse("2010-W60")
    _interview(db, cohort_id)
    week = IsoWeek.parse("2010-W19")
    sheets = interviews.interview_sheets(db, week.monday, week.next_monday)
    path = tmp_path / "entretiens.ics"
    write_interviews_ics(path, sheets, stamp=datetime(2010, 5, 1, 8, 0))
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Entretien BÉNÉZECH Anaïs – Boulangerie Lefèvre & Cœur"
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime(2010, 5, 11, 14, 30)
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Paris"
    assert "Pézenas" in str(event["location"])


def _contacts(db, employer_id: str) -> None:  # noqa: F811
    """The baker in person, and her accountant."""
    with db.write() as session:
        session.add_all([
            EmployerContact(employer_id=employer_id, last_name="Ducœur", first_name="Françoise",
                            role="Gérante", is_employer_in_person=True),
            EmployerContact(employer_id=employer_id, last_name="Roux", first_name="Paul",
                            role="Comptable"),
        ])


def test_the_sheet_names_the_recruiter_the_time_and_the_coach_to_call(
    db, cohort_id, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    _interview(db, cohort_id, when=datetime(2010, 5, 11, 9, 5))
    claire = create_coach(db, CoachDraft("Claire  Vidal"))
    with db.write() as session:
        employer_id = session.scalars(select(Employer.id)).one()
        participant = session.scalars(select(Participant)).one()
        participant.coach_id = claire
    _contacts(db, employer_id)
    week = IsoWeek.parse("2010-W19")
    (sheet,) = interviews.interview_sheets(db, week.monday, week.next_monday)
    # « Mme Françoise Ducœur » as typed is the baker: named as the contacts list her.
    assert sheet.recruiter == "DUCŒUR Françoise, Gérante"
    assert sheet.coach == interviews.CoachContact("Claire Vidal", "")
    out = tmp_path / "fiche.pdf"
    write_interview_sheets(out, [sheet])
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Heure 9 h 05 : présentez-vous dix minutes avant" in text
    assert "Vous serez reçu·e par DUCŒUR Françoise, Gérante" in text
    assert "Adresse Boutique, 3 place de l'Église, Pézenas" in text
    assert "Votre chargé·e Claire Vidal" in text
    assert ("En cas d'imprévu, appelez Claire Vidal, votre chargé·e d'accompagnement, avant "
            "l'heure du rendez-vous.") in text

    # The coach's number, once the coach record gives it, is printed beside the name.
    update_coach(db, claire, CoachDraft("Claire Vidal", phone="0611223344"))
    (sheet,) = interviews.interview_sheets(db, week.monday, week.next_monday)
    write_interview_sheets(out, [sheet])
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Votre chargé·e Claire Vidal – 06 11 22 33 44" in text
    assert ("appelez Claire Vidal, votre chargé·e d'accompagnement, au 06 11 22 33 44 avant "
            "l'heure du rendez-vous.") in text


def test_who_receives_the_candidate() -> None:
    baker = EmployerContact(last_name="Ducœur", first_name="Françoise", role="Gérante",
                            is_employer_in_person=True)
    accountant = EmployerContact(last_name="Roux", first_name="Paul",
                                 role="Responsable administratif·ve")
    both = [baker, accountant]
    # A name typed, with or without civility, accents or case: the contact of that name.
    assert interviews.recruiter_of(both, "Mme DUCOEUR") == "DUCŒUR Françoise, Gérante"
    assert interviews.recruiter_of(both, "M. Paul Roux") == (
        "ROUX Paul, Responsable administratif·ve")
    # A role typed (what the demo's coaches typed): the one contact holding it.
    assert interviews.recruiter_of(both, "responsable administratif·ve") == (
        "ROUX Paul, Responsable administratif·ve")
    # Someone the coach knows and the contacts do not: as typed.
    assert interviews.recruiter_of(both, "Mme Rouxel, DRH") == "Mme Rouxel, DRH"
    # Nothing typed: the employer in person, or the only contact, else no one.
    assert interviews.recruiter_of(both, "") == "DUCŒUR Françoise, Gérante"
    assert interviews.recruiter_of([accountant], "  ") == (
        "ROUX Paul, Responsable administratif·ve")
    accountant_too = EmployerContact(last_name="Vidal", first_name="Léa", role="Comptable")
    assert interviews.recruiter_of([accountant, accountant_too], "") == ""


def test_the_demos_interview_sheets_name_a_person_not_a_job_title(
    demo_path: Path, tmp_path: Path
) -> None:
    from coachdesk.db import open_database

    database = open_database(demo_path)
    try:
        sheets = interviews.interview_sheets(database, date(2010, 5, 1), date(2010, 6, 1))
    finally:
        database.dispose()
    assert sheets
    for sheet in sheets:
        assert sheet.contact_person == "Responsable administratif·ve"  # as the coach typed
        name, role = sheet.recruiter.split(", ")
        assert role == "Responsable administratif·ve" and name.split()[0].isupper(), sheet
        assert sheet.coach.name in ("Claire Vidal", "Julien Roux", "Nadia Benali")
    out = tmp_path / "mai.pdf"
    assert write_interview_sheets(out, sheets) == len(sheets)
    for page, sheet in zip(pypdf.PdfReader(out).pages, sheets, strict=True):
        text = " ".join(page.extract_text().split())
        assert f"Vous serez reçu·e par {sheet.recruiter}" in text
        assert f"appelez {sheet.coach.name}, votre chargé·e d'accompagnement" in text
