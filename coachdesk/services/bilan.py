"""The three-month bilan: groups and their calendar, sessions and attendance, where each person
stands, skill assessments (positionnement) and professional projects.

Each write is one transaction; the scores of a domain arrive as one ``SkillAssessmentDraft`` and
a new project as one ``ProjectDraft``. A project's job must be in the ROME list
(``rome.check_rome_code``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    BilanAttendance,
    BilanGroup,
    BilanMember,
    BilanPart,
    BilanSession,
    Participant,
    ProfessionalProject,
    SkillAssessment,
    codes,
)
from coachdesk.services.checks import check_code
from coachdesk.services.records import get_record
from coachdesk.services.rome import check_rome_code, rome_label
from coachdesk.services.text import fold, person_name

PART_ORDER = tuple(codes.BILAN_PARTS)  # bilan, remise à niveau, TRE


def split_in_thirds(start: date, end: date) -> dict[str, tuple[date, date]]:
    """The default calendar: the bilan's days cut in three consecutive parts of equal length."""
    days = (end - start).days + 1
    if days < 3:
        raise UserError(
            f"Le bilan du {start:%d/%m/%Y} au {end:%d/%m/%Y} est trop court pour trois parties.",
            hint="La date de fin doit suivre la date de début d'au moins deux jours.",
        )
    first_end = start + timedelta(days=days // 3 - 1)
    second_end = start + timedelta(days=(2 * days) // 3 - 1)
    return {
        "bilan": (start, first_end),
        "remise_a_niveau": (first_end + timedelta(days=1), second_end),
        "tre": (second_end + timedelta(days=1), end),
    }


# ---------------------------------------------------------------------------------------------
# Groups and their calendar


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: str
    cohort_id: str
    name: str
    start_date: date
    end_date: date | None
    members: int


@dataclass(frozen=True, slots=True)
class PartRow:
    kind: str
    start_date: date
    end_date: date

    @property
    def label(self) -> str:
        return codes.BILAN_PARTS[self.kind]


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: str
    part: str
    held_on: date
    title: str
    trainer: str
    present: int
    absent: int

    @property
    def part_label(self) -> str:
        return codes.BILAN_PARTS[self.part]


def create_group(
    db: Database,
    *,
    cohort_id: str,
    name: str,
    start_date: date,
    end_date: date,
    parts: dict[str, tuple[date, date]] | None = None,
) -> str:
    """A bilan group with the calendar of its three parts (equal thirds unless given)."""
    name = name.strip()
    if not name:
        raise UserError("Le champ « Nom du groupe » est obligatoire.")
    if end_date < start_date:
        raise UserError(
            f"Groupe « {name} » : la fin ({end_date:%d/%m/%Y}) précède le début "
            f"({start_date:%d/%m/%Y})."
        )
    calendar = parts or split_in_thirds(start_date, end_date)
    with db.write() as session:
        group = BilanGroup(cohort_id=cohort_id, name=name, start_date=start_date,
                           end_date=end_date)
        session.add(group)
        session.flush()
        for kind, (part_start, part_end) in calendar.items():
            _set_part(session, group, kind, part_start, part_end)
        return group.id


def _set_part(session: Session, group: BilanGroup, kind: str, start: date, end: date) -> None:
    label = codes.BILAN_PARTS.get(check_code(kind, codes.BILAN_PARTS, "Partie du bilan"))
    if end < start:
        raise UserError(f"{label} : la fin ({end:%d/%m/%Y}) précède le début ({start:%d/%m/%Y}).")
    if start < group.start_date or (group.end_date and end > group.end_date):
        raise UserError(
            f"{label} : du {start:%d/%m/%Y} au {end:%d/%m/%Y}, hors des dates du groupe "
            f"« {group.name} ».",
            hint="Chaque partie se situe entre le début et la fin du bilan.",
        )
    part = session.execute(
        select(BilanPart).where(BilanPart.group_id == group.id, BilanPart.kind == kind)
    ).scalar_one_or_none()
    if part is None:
        session.add(BilanPart(group_id=group.id, kind=kind, start_date=start, end_date=end))
    else:
        part.start_date, part.end_date = start, end


def plan_part(db: Database, group_id: str, kind: str, start: date, end: date) -> None:
    with db.write() as session:
        group = get_record(session, BilanGroup, group_id, "Groupe de bilan")
        _set_part(session, group, kind, start, end)


def list_groups(db: Database, cohort_id: str) -> list[GroupRow]:
    members = (
        select(BilanMember.group_id, func.count().label("n"))
        .group_by(BilanMember.group_id).subquery()
    )
    query = (
        select(BilanGroup.id, BilanGroup.cohort_id, BilanGroup.name, BilanGroup.start_date,
               BilanGroup.end_date, func.coalesce(members.c.n, 0))
        .outerjoin(members, members.c.group_id == BilanGroup.id)
        .where(BilanGroup.cohort_id == cohort_id)
        .order_by(BilanGroup.start_date, BilanGroup.name)
    )
    with db.read() as session:
        return [GroupRow(*row) for row in session.execute(query)]


def group_calendar(db: Database, group_id: str) -> tuple[list[PartRow], list[SessionRow]]:
    """The three parts in order, and every session with its present/absent counts."""
    present = func.sum(case((BilanAttendance.present.is_(True), 1), else_=0))
    absent = func.sum(case((BilanAttendance.present.is_(False), 1), else_=0))
    with db.read() as session:
        parts = [
            PartRow(*row)
            for row in session.execute(
                select(BilanPart.kind, BilanPart.start_date, BilanPart.end_date)
                .where(BilanPart.group_id == group_id)
            )
        ]
        sessions = [
            SessionRow(row[0], row[1], row[2], row[3], row[4], int(row[5] or 0), int(row[6] or 0))
            for row in session.execute(
                select(BilanSession.id, BilanSession.part, BilanSession.held_on,
                       BilanSession.title, BilanSession.trainer, present, absent)
                .outerjoin(BilanAttendance, BilanAttendance.session_id == BilanSession.id)
                .where(BilanSession.group_id == group_id)
                .group_by(BilanSession.id)
                .order_by(BilanSession.held_on, BilanSession.title)
            )
        ]
    parts.sort(key=lambda part: PART_ORDER.index(part.kind))
    return parts, sessions


def add_member(db: Database, group_id: str, participant_id: str, started_on: date) -> str:
    with db.write() as session:
        group = get_record(session, BilanGroup, group_id, "Groupe de bilan")
        person = get_record(session, Participant, participant_id, "Personne")
        who = person_name(person.last_name, person.first_name)
        if person.cohort_id != group.cohort_id:
            raise UserError(f"{who} n'appartient pas à la promotion du groupe « {group.name} ».")
        already = session.execute(
            select(BilanMember.id).where(BilanMember.group_id == group_id,
                                         BilanMember.participant_id == participant_id)
        ).scalar()
        if already:
            raise UserError(f"{who} fait déjà partie du groupe « {group.name} ».")
        member = BilanMember(group_id=group_id, participant_id=participant_id,
                             cohort_id=group.cohort_id, started_on=started_on)
        session.add(member)
        session.flush()
        return member.id


def set_member_status(
    db: Database, group_id: str, participant_id: str, status: str, left_on: date | None = None
) -> None:
    """Mark a member as finished or dropped out (with the day), or back in progress."""
    check_code(status, codes.BILAN_STATUSES, "Statut dans le bilan")
    with db.write() as session:
        member = session.execute(
            select(BilanMember).where(BilanMember.group_id == group_id,
                                      BilanMember.participant_id == participant_id)
        ).scalar_one_or_none()
        if member is None:
            raise UserError("Cette personne ne fait pas partie du groupe de bilan.")
        if status != "en_cours" and left_on is None:
            raise UserError(f"Statut « {codes.BILAN_STATUSES[status]} » : indiquez la date.")
        if left_on is not None and left_on < member.started_on:
            raise UserError(
                f"Date de sortie du bilan : le {left_on:%d/%m/%Y} précède l'entrée du "
                f"{member.started_on:%d/%m/%Y}."
            )
        member.status = status
        member.left_on = None if status == "en_cours" else left_on


def add_session(
    db: Database, group_id: str, *, part: str, held_on: date, title: str = "", trainer: str = ""
) -> str:
    """A dated session of one part; it must fall inside that part's planned dates."""
    check_code(part, codes.BILAN_PARTS, "Partie du bilan")
    with db.write() as session:
        get_record(session, BilanGroup, group_id, "Groupe de bilan")
        planned = session.execute(
            select(BilanPart.start_date, BilanPart.end_date)
            .where(BilanPart.group_id == group_id, BilanPart.kind == part)
        ).one_or_none()
        label = codes.BILAN_PARTS[part]
        if planned is None:
            raise UserError(f"La partie « {label} » n'est pas encore planifiée pour ce groupe.")
        if not planned.start_date <= held_on <= planned.end_date:
            raise UserError(
                f"Séance du {held_on:%d/%m/%Y} : hors de la partie « {label} » "
                f"(du {planned.start_date:%d/%m/%Y} au {planned.end_date:%d/%m/%Y}).",
                hint="Choisissez une date dans la partie, ou modifiez le calendrier du groupe.",
            )
        row = BilanSession(group_id=group_id, part=part, held_on=held_on, title=title.strip(),
                           trainer=trainer.strip())
        session.add(row)
        session.flush()
        return row.id


def record_attendance(db: Database, session_id: str, presence: dict[str, bool]) -> None:
    """Who was present (True) or absent (False) at one session; replaces earlier marks."""
    with db.write() as session:
        bilan_session = get_record(session, BilanSession, session_id, "Séance")
        members = set(session.execute(
            select(BilanMember.participant_id).where(BilanMember.group_id == bilan_session.group_id)
        ).scalars())
        strangers = set(presence) - members
        if strangers:
            raise UserError("Une des personnes pointées ne fait pas partie du groupe de bilan.")
        existing = {
            mark.participant_id: mark
            for mark in session.execute(
                select(BilanAttendance).where(BilanAttendance.session_id == session_id)
            ).scalars()
        }
        for participant_id, present in presence.items():
            mark = existing.get(participant_id)
            if mark is None:
                session.add(BilanAttendance(session_id=session_id, participant_id=participant_id,
                                            present=present))
            else:
                mark.present = present


def session_attendance(db: Database, session_id: str) -> dict[str, bool]:
    with db.read() as session:
        return dict(session.execute(
            select(BilanAttendance.participant_id, BilanAttendance.present)
            .where(BilanAttendance.session_id == session_id)
        ).all())


# ---------------------------------------------------------------------------------------------
# Where each participant stands


@dataclass(frozen=True, slots=True)
class MemberStanding:
    participant_id: str
    last_name: str
    first_name: str
    status: str
    started_on: date
    left_on: date | None
    sessions_held: int
    sessions_attended: int
    domains_assessed: int
    best_project: str | None  # decision code of the most advanced project, None without one
    directly_employable: bool

    @property
    def status_label(self) -> str:
        return codes.BILAN_STATUSES[self.status]

    @property
    def attendance_rate(self) -> float | None:
        if not self.sessions_held:
            return None
        return self.sessions_attended / self.sessions_held


def group_overview(db: Database, group_id: str, *, on: date) -> list[MemberStanding]:
    """Where each member stands on ``on``: status, attendance so far, skills, best project."""
    decision_rank = case(
        (ProfessionalProject.decision == "valide", 3),
        (ProfessionalProject.decision == "en_cours", 2),
        (ProfessionalProject.decision == "a_retravailler", 1),
        else_=0,
    )
    with db.read() as session:
        held = session.execute(
            select(BilanSession.id).where(BilanSession.group_id == group_id,
                                          BilanSession.held_on <= on)
        ).scalars().all()
        attended = dict(session.execute(
            select(BilanAttendance.participant_id, func.count())
            .where(BilanAttendance.session_id.in_(held), BilanAttendance.present.is_(True))
            .group_by(BilanAttendance.participant_id)
        ).all()) if held else {}
        members = session.execute(
            select(BilanMember.participant_id, Participant.last_name, Participant.first_name,
                   BilanMember.status, BilanMember.started_on, BilanMember.left_on)
            .join(Participant, Participant.id == BilanMember.participant_id)
            .where(BilanMember.group_id == group_id)
            .order_by(Participant.last_name, Participant.first_name)
        ).all()
        ids = [row.participant_id for row in members]
        domains = dict(session.execute(
            select(SkillAssessment.participant_id, func.count())
            .where(SkillAssessment.participant_id.in_(ids))
            .group_by(SkillAssessment.participant_id)
        ).all())
        projects: dict[str, tuple[int, bool]] = {}
        for participant_id, rank, employable in session.execute(
            select(ProfessionalProject.participant_id, decision_rank,
                   ProfessionalProject.directly_employable)
            .where(ProfessionalProject.participant_id.in_(ids))
        ):
            best, any_employable = projects.get(participant_id, (-1, False))
            projects[participant_id] = (max(best, rank), any_employable or bool(employable))
    rank_to_decision = {3: "valide", 2: "en_cours", 1: "a_retravailler", 0: "abandonne"}
    return [
        MemberStanding(
            row.participant_id, row.last_name, row.first_name, row.status, row.started_on,
            row.left_on, len(held), attended.get(row.participant_id, 0),
            domains.get(row.participant_id, 0),
            rank_to_decision.get(projects.get(row.participant_id, (-1, False))[0]),
            projects.get(row.participant_id, (-1, False))[1],
        )
        for row in members
    ]


# ---------------------------------------------------------------------------------------------
# Skill assessments


@dataclass(frozen=True, slots=True)
class SkillRow:
    id: str
    domain: str
    max_score: int
    score_before: int | None
    assessed_before_on: date | None
    score_after: int | None
    assessed_after_on: date | None

    @property
    def domain_label(self) -> str:
        return codes.SKILL_DOMAINS.get(self.domain, self.domain)

    @property
    def gain(self) -> int | None:
        """Points gained through the remise à niveau (None until both scores are known)."""
        if self.score_before is None or self.score_after is None:
            return None
        return self.score_after - self.score_before


def domain_code(domain: str) -> str:
    """A standard domain's code for its code or French label; a coach's own domain kept as typed."""
    text = " ".join(domain.split())
    if not text:
        raise UserError("Le champ « Domaine » est obligatoire.")
    for code, label in codes.SKILL_DOMAINS.items():
        if fold(text) in (code, fold(label)):
            return code
    return text


@dataclass(frozen=True, slots=True)
class SkillAssessmentDraft:
    """The scores of one domain (a standard one, by code or label, or the coach's own) before
    and after the remise à niveau."""

    domain: str
    max_score: int = 20
    score_before: int | None = None
    assessed_before_on: date | None = None
    score_after: int | None = None
    assessed_after_on: date | None = None


def set_skill_assessment(db: Database, participant_id: str, draft: SkillAssessmentDraft) -> str:
    """Record (or correct) the scores of one domain for one person; returns the row's id."""
    code = domain_code(draft.domain)
    label = codes.SKILL_DOMAINS.get(code, code)
    if draft.max_score <= 0:
        raise UserError(f"{label} : le barème doit être positif.")
    for which, score in (("avant", draft.score_before), ("après", draft.score_after)):
        if score is not None and not 0 <= score <= draft.max_score:
            raise UserError(
                f"{label} : la note {which} remise à niveau ({score}) doit être comprise entre "
                f"0 et {draft.max_score}."
            )
    if (draft.assessed_before_on and draft.assessed_after_on
            and draft.assessed_after_on < draft.assessed_before_on):
        raise UserError(f"{label} : l'évaluation finale précède l'évaluation initiale.")
    with db.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        row = session.execute(
            select(SkillAssessment).where(SkillAssessment.participant_id == participant_id,
                                          SkillAssessment.domain == code)
        ).scalar_one_or_none()
        if row is None:
            row = SkillAssessment(participant_id=participant_id, domain=code)
            session.add(row)
        row.max_score = draft.max_score
        row.score_before, row.assessed_before_on = draft.score_before, draft.assessed_before_on
        row.score_after, row.assessed_after_on = draft.score_after, draft.assessed_after_on
        session.flush()
        return row.id


def list_skill_assessments(db: Database, participant_id: str) -> list[SkillRow]:
    """One row per domain: the standard domains first, in their usual order, then the others."""
    with db.read() as session:
        rows = [
            SkillRow(*row)
            for row in session.execute(
                select(SkillAssessment.id, SkillAssessment.domain, SkillAssessment.max_score,
                       SkillAssessment.score_before, SkillAssessment.assessed_before_on,
                       SkillAssessment.score_after, SkillAssessment.assessed_after_on)
                .where(SkillAssessment.participant_id == participant_id)
            )
        ]
    order = list(codes.SKILL_DOMAINS)
    rows.sort(key=lambda r: (order.index(r.domain) if r.domain in order else len(order),
                             fold(r.domain)))
    return rows


def skill_domains(db: Database) -> list[tuple[str, str]]:
    """(code, label) of the standard domains, then the domains coaches added, for a picker."""
    with db.read() as session:
        used = session.execute(select(SkillAssessment.domain).distinct()).scalars().all()
    extra = sorted((d for d in used if d not in codes.SKILL_DOMAINS), key=fold)
    return [*codes.SKILL_DOMAINS.items(), *((d, d) for d in extra)]


# ---------------------------------------------------------------------------------------------
# Professional projects


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: str
    participant_id: str
    job_title: str
    rome_code: str
    decision: str
    decided_on: date | None
    directly_employable: bool
    notes: str

    @property
    def decision_label(self) -> str:
        return codes.PROJECT_DECISIONS[self.decision]

    @property
    def rome_label(self) -> str:
        return rome_label(self.rome_code) or ""


def _check_decision(decision: str, decided_on: date | None) -> None:
    check_code(decision, codes.PROJECT_DECISIONS, "Décision sur le projet")
    if decision != "en_cours" and decided_on is None:
        raise UserError(
            f"Décision « {codes.PROJECT_DECISIONS[decision]} » : indiquez la date de la décision."
        )


@dataclass(frozen=True, slots=True)
class ProjectDraft:
    """A professional project: the target job from the ROME list and the decision on it."""

    rome_code: str
    job_title: str = ""  # the ROME label when left empty
    decision: str = "en_cours"  # a code of codes.PROJECT_DECISIONS
    decided_on: date | None = None
    directly_employable: bool = False
    notes: str = ""


def add_project(db: Database, participant_id: str, draft: ProjectDraft) -> str:
    """A target job from the ROME list for a person; returns the project's id."""
    code = check_rome_code(draft.rome_code, field="Projet professionnel, code ROME")
    _check_decision(draft.decision, draft.decided_on)
    with db.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        project = ProfessionalProject(
            participant_id=participant_id, rome_code=code,
            job_title=draft.job_title.strip() or (rome_label(code) or code),
            decision=draft.decision,
            decided_on=None if draft.decision == "en_cours" else draft.decided_on,
            directly_employable=draft.directly_employable, notes=draft.notes.strip(),
        )
        session.add(project)
        session.flush()
        return project.id


def decide_project(
    db: Database,
    project_id: str,
    decision: str,
    decided_on: date | None,
    *,
    directly_employable: bool | None = None,
) -> None:
    """Record the decision on a project (validé, à retravailler, abandonné) and its date."""
    _check_decision(decision, decided_on)
    with db.write() as session:
        project = get_record(session, ProfessionalProject, project_id, "Projet")
        project.decision = decision
        project.decided_on = None if decision == "en_cours" else decided_on
        if directly_employable is not None:
            project.directly_employable = directly_employable


def list_projects(db: Database, participant_id: str) -> list[ProjectRow]:
    with db.read() as session:
        return [
            ProjectRow(*row)
            for row in session.execute(
                select(ProfessionalProject.id, ProfessionalProject.participant_id,
                       ProfessionalProject.job_title, ProfessionalProject.rome_code,
                       ProfessionalProject.decision, ProfessionalProject.decided_on,
                       ProfessionalProject.directly_employable, ProfessionalProject.notes)
                .where(ProfessionalProject.participant_id == participant_id)
                .order_by(ProfessionalProject.created_at)
            )
        ]
