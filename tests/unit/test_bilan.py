"""Bilan groups, calendar, attendance, group view, skill assessments and projects."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from coachdesk.errors import UserError
from coachdesk.models import BilanPart, ProfessionalProject
from coachdesk.services import bilan
from tests.employers_fixtures import cohort_id, db, make_participant  # noqa: F401

START, END = date(2010, 3, 22), date(2010, 6, 20)


def test_default_calendar_is_three_thirds(db, cohort_id) -> None:  # noqa: F811
    group_id = bilan.create_group(db, cohort_id=cohort_id, name="Groupe A", start_date=START,
                                  end_date=END)
    parts, sessions = bilan.group_calendar(db, group_id)
    assert [(p.label, p.start_date, p.end_date) for p in parts] == [
        ("Bilan", date(2010, 3, 22), date(2010, 4, 20)),  # 91 days: 30 + 30 + 31
        ("Remise à niveau", date(2010, 4, 21), date(2010, 5, 20)),
        ("Techniques de recherche d'emploi", date(2010, 5, 21), date(2010, 6, 20)),
    ]
    assert sessions == []
    bilan.plan_part(db, group_id, "tre", date(2010, 5, 24), date(2010, 6, 18))
    with db.read() as session:
        tre = session.execute(select(BilanPart).where(BilanPart.kind == "tre")).scalar_one()
    assert (tre.start_date, tre.end_date) == (date(2010, 5, 24), date(2010, 6, 18))
    with pytest.raises(UserError, match="hors des dates du groupe"):
        bilan.plan_part(db, group_id, "tre", date(2010, 5, 24), date(2010, 7, 1))
    assert bilan.list_groups(db, cohort_id)[0].name == "Groupe A"


def test_sessions_attendance_and_group_view(db, cohort_id) -> None:  # noqa: F811
    group_id = bilan.create_group(db, cohort_id=cohort_id, name="Groupe A", start_date=START,
                                  end_date=END)
    anais = make_participant(db, cohort_id, "Bénézech", "Anaïs")
    kevin = make_participant(db, cohort_id, "Roux", "Kévin")
    for person in (anais, kevin):
        bilan.add_member(db, group_id, person, START)
    with pytest.raises(UserError, match="fait déjà partie"):
        bilan.add_member(db, group_id, anais, START)

    first = bilan.add_session(db, group_id, part="bilan", held_on=date(2010, 3, 23),
                              title="Intérêts professionnels", trainer="Nadia")
    second = bilan.add_session(db, group_id, part="remise_a_niveau", held_on=date(2010, 4, 26),
                               title="Français écrit")
    with pytest.raises(UserError, match="hors de la partie « Bilan »"):
        bilan.add_session(db, group_id, part="bilan", held_on=date(2010, 5, 3))
    bilan.record_attendance(db, first, {anais: True, kevin: False})
    bilan.record_attendance(db, second, {anais: True, kevin: True})
    bilan.record_attendance(db, first, {kevin: True})  # a correction replaces the mark
    assert bilan.session_attendance(db, first) == {anais: True, kevin: True}
    _, sessions = bilan.group_calendar(db, group_id)
    assert [(s.title, s.present, s.absent) for s in sessions] == [
        ("Intérêts professionnels", 2, 0), ("Français écrit", 2, 0),
    ]

    bilan.set_skill_assessment(db, anais, bilan.SkillAssessmentDraft(
        "Français", score_before=8, score_after=14,
    ))
    project = bilan.add_project(db, anais, bilan.ProjectDraft(rome_code="M1607"))
    bilan.decide_project(db, project, "valide", date(2010, 5, 5), directly_employable=True)
    bilan.set_member_status(db, group_id, kevin, "abandon", date(2010, 4, 30))

    view = {row.first_name: row for row in bilan.group_overview(db, group_id, on=date(2010, 4, 1))}
    assert (view["Anaïs"].sessions_held, view["Anaïs"].sessions_attended) == (1, 1)
    assert view["Anaïs"].domains_assessed == 1
    assert view["Anaïs"].best_project == "valide" and view["Anaïs"].directly_employable
    assert view["Kévin"].status_label == "Abandon" and view["Kévin"].left_on == date(2010, 4, 30)
    assert view["Kévin"].best_project is None


def test_skill_assessments_with_gain_and_coach_domains(db, cohort_id) -> None:  # noqa: F811
    person = make_participant(db, cohort_id, "Garcia", "Inès")
    bilan.set_skill_assessment(db, person, bilan.SkillAssessmentDraft(
        "mathematiques", score_before=9, assessed_before_on=date(2010, 4, 22), score_after=13,
        assessed_after_on=date(2010, 5, 20),
    ))
    bilan.set_skill_assessment(db, person, bilan.SkillAssessmentDraft(
        "Anglais commercial", max_score=10, score_before=4,
    ))
    bilan.set_skill_assessment(db, person, bilan.SkillAssessmentDraft("FRANCAIS", score_before=11))
    bilan.set_skill_assessment(db, person, bilan.SkillAssessmentDraft(
        "Français", score_before=11, score_after=15,
    ))
    rows = bilan.list_skill_assessments(db, person)
    assert [(r.domain_label, r.gain) for r in rows] == [
        ("Français", 4), ("Mathématiques", 4), ("Anglais commercial", None),
    ]
    assert ("Anglais commercial", "Anglais commercial") in bilan.skill_domains(db)
    with pytest.raises(UserError, match="entre 0 et 20"):
        bilan.set_skill_assessment(db, person, bilan.SkillAssessmentDraft(
            "bureautique", score_before=25,
        ))


def test_projects_need_a_shipped_rome_code_and_a_dated_decision(db, cohort_id) -> None:  # noqa: F811
    person = make_participant(db, cohort_id, "Nguyen", "Lou")
    first = bilan.add_project(db, person, bilan.ProjectDraft(
        rome_code="m1607", job_title="Assistante de gestion",
    ))
    bilan.add_project(db, person, bilan.ProjectDraft(
        rome_code="M1601", decision="abandonne", decided_on=date(2010, 4, 2),
    ))
    with pytest.raises(UserError, match="indiquez la date"):
        bilan.decide_project(db, first, "a_retravailler", None)
    with pytest.raises(UserError, match="« Z1234 » n'est pas un code ROME connu"):
        bilan.add_project(db, person, bilan.ProjectDraft(rome_code="Z1234"))
    rows = bilan.list_projects(db, person)
    # Without a title, the project takes the ROME label.
    assert [(r.job_title, r.decision_label, r.rome_label) for r in rows] == [
        ("Assistante de gestion", "En cours", "Secrétaire"),
        ("Chargé / Chargée d'accueil", "Abandonné", "Chargé / Chargée d'accueil"),
    ]
    with db.read() as session:
        assert session.execute(select(ProfessionalProject.id)).all().__len__() == 2
