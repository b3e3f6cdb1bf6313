"""Recruitment interviews, their preparation checklists, and what a printed sheet shows.

Coaches edit checklist templates; the default one is seeded from
``resources/checklists/default_fr.json``. Each interview gets its own copy of a template's items
to tick, with a note per item, so editing a template never changes an interview already planned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Coach,
    Employer,
    EmployerContact,
    InterviewChecklistItem,
    JobOffer,
    Participant,
    RecruitmentInterview,
    Referral,
    codes,
)
from coachdesk.paths import resource
from coachdesk.services.checks import check_code
from coachdesk.services.clock import clock_day
from coachdesk.services.matching import REFERRAL_PATH, move_referral_to
from coachdesk.services.records import get_record
from coachdesk.services.text import fold, person_name

# ---------------------------------------------------------------------------------------------
# Checklist templates


@dataclass(frozen=True, slots=True)
class TemplateRow:
    id: str
    name: str
    is_default: bool
    items: int


def default_checklist_file() -> tuple[str, list[str]]:
    """Name and items of the French default checklist shipped in resources/."""
    data = json.loads(resource("checklists", "default_fr.json").read_text(encoding="utf-8"))
    return str(data["name"]), [str(item) for item in data["items"]]


def _clean_labels(labels: Iterable[str]) -> list[str]:
    clean = [" ".join(label.split()) for label in labels]
    clean = [label for label in clean if label]
    if not clean:
        raise UserError("Une liste de préparation doit compter au moins un point.")
    too_long = [label for label in clean if len(label) > 200]
    if too_long:
        raise UserError(
            f"Le point « {too_long[0][:40]}… » dépasse 200 caractères.",
            hint="Raccourcissez-le, ou coupez-le en deux points.",
        )
    return clean


def ensure_default_template(db: Database) -> str:
    """The default template's id, seeding it from the shipped file on first use."""
    with db.read() as session:
        existing = session.execute(
            select(ChecklistTemplate.id).where(ChecklistTemplate.is_default.is_(True))
        ).scalar()
    if existing:
        return str(existing)
    with db.write() as session:
        existing = session.execute(
            select(ChecklistTemplate.id).where(ChecklistTemplate.is_default.is_(True))
        ).scalar()
        if existing:
            return str(existing)
        name, labels = default_checklist_file()
        return _save_template(session, None, name, labels, is_default=True)


def _save_template(
    session: Session, template_id: str | None, name: str, labels: list[str], *, is_default: bool
) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError("Le champ « Nom de la liste » est obligatoire.")
    clash = session.execute(
        select(ChecklistTemplate.id).where(ChecklistTemplate.name == name)
    ).scalar()
    if clash and clash != template_id:
        raise UserError(f"Une liste de préparation s'appelle déjà « {name} ».",
                        hint="Choisissez un autre nom.")
    if template_id is None:
        template = ChecklistTemplate(name=name, is_default=False)
        session.add(template)
        session.flush()
    else:
        template = get_record(session, ChecklistTemplate, template_id, "Modèle de liste")
        template.name = name
        session.execute(delete(ChecklistTemplateItem)
                        .where(ChecklistTemplateItem.template_id == template.id))
    for position, label in enumerate(labels, start=1):
        session.add(ChecklistTemplateItem(template_id=template.id, position=position,
                                          label=label))
    if is_default:
        session.execute(update(ChecklistTemplate).where(ChecklistTemplate.id != template.id)
                        .values(is_default=False))
        template.is_default = True
    session.flush()
    return str(template.id)


def save_template(
    db: Database, name: str, labels: Iterable[str], *, template_id: str | None = None,
    is_default: bool = False,
) -> str:
    """Create a template, or replace the name and items of an existing one; returns its id."""
    clean = _clean_labels(labels)
    with db.write() as session:
        return _save_template(session, template_id, name, clean, is_default=is_default)


def set_default_template(db: Database, template_id: str) -> None:
    """Make this template the one new interviews copy (the previous default stops being it)."""
    with db.write() as session:
        template = get_record(session, ChecklistTemplate, template_id, "Modèle de liste")
        session.execute(update(ChecklistTemplate).where(ChecklistTemplate.id != template.id)
                        .values(is_default=False))
        template.is_default = True


def delete_template(db: Database, template_id: str) -> None:
    """Remove a template; interviews already planned keep their own copy of its items.

    Raises:
        UserError: it is the default one (another must become the default first).
    """
    with db.write() as session:
        template = get_record(session, ChecklistTemplate, template_id, "Modèle de liste")
        if template.is_default:
            raise UserError(
                f"« {template.name} » est la liste par défaut : elle ne peut pas être supprimée.",
                hint="Choisissez d'abord une autre liste par défaut.",
            )
        session.execute(delete(ChecklistTemplateItem)
                        .where(ChecklistTemplateItem.template_id == template.id))
        session.delete(template)


def copy_name(db: Database, name: str) -> str:
    """A free template name for a copy of ``name``: « Copie de X », « Copie de X (2) »…"""
    base = f"Copie de {name}"[:190]
    with db.read() as session:
        taken = set(session.execute(select(ChecklistTemplate.name)).scalars())
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base} ({number})", number + 1
    return candidate


def list_templates(db: Database) -> list[TemplateRow]:
    with db.read() as session:
        return [
            TemplateRow(*row)
            for row in session.execute(
                select(ChecklistTemplate.id, ChecklistTemplate.name, ChecklistTemplate.is_default,
                       func.count(ChecklistTemplateItem.id))
                .outerjoin(ChecklistTemplateItem,
                           ChecklistTemplateItem.template_id == ChecklistTemplate.id)
                .group_by(ChecklistTemplate.id)
                .order_by(ChecklistTemplate.is_default.desc(), ChecklistTemplate.name)
            )
        ]


def template_labels(db: Database, template_id: str) -> list[str]:
    with db.read() as session:
        return list(session.execute(
            select(ChecklistTemplateItem.label)
            .where(ChecklistTemplateItem.template_id == template_id)
            .order_by(ChecklistTemplateItem.position)
        ).scalars())


# ---------------------------------------------------------------------------------------------
# Interviews


@dataclass(frozen=True, slots=True)
class ChecklistItemRow:
    id: str
    position: int
    label: str
    checked: bool
    checked_on: date | None
    note: str


@dataclass(frozen=True, slots=True)
class InterviewRow:
    id: str
    referral_id: str
    starts_at: datetime
    last_name: str
    first_name: str
    employer_name: str
    offer_title: str
    place: str
    contact_person: str
    outcome: str
    items_done: int
    items_total: int

    @property
    def outcome_label(self) -> str:
        return codes.INTERVIEW_OUTCOMES[self.outcome]


@dataclass(frozen=True, slots=True)
class InterviewDraft:
    """A recruitment interview as the coach plans it, and the checklist it copies (the default
    one when none is chosen)."""

    starts_at: datetime
    place: str = ""
    address: str = ""
    route_note: str = ""
    contact_person: str = ""
    template_id: str | None = None


def schedule_interview(
    db: Database, referral_id: str, draft: InterviewDraft, *, planned_on: date | None = None
) -> str:
    """A recruitment interview for a referral, with its own copy of a checklist template.

    The referral moves to « Entretien prévu » (dated ``planned_on``, today by default, never
    before the proposal) unless it is already further on.
    """
    template_id = draft.template_id or ensure_default_template(db)
    labels = template_labels(db, template_id)
    with db.write() as session:
        referral = get_record(session, Referral, referral_id, "Mise en relation")
        if referral.status in ("refus_employeur", "refus_jeune"):
            raise UserError(
                "Cette mise en relation est close "
                f"({codes.REFERRAL_STATUSES[referral.status]}) : pas d'entretien possible.",
                hint="Changez d'abord son statut si l'employeur a changé d'avis.",
            )
        interview = RecruitmentInterview(
            referral_id=referral_id, starts_at=draft.starts_at, place=draft.place.strip(),
            address=draft.address.strip(), route_note=draft.route_note.strip(),
            contact_person=draft.contact_person.strip(),
        )
        session.add(interview)
        session.flush()
        for position, label in enumerate(labels, start=1):
            session.add(InterviewChecklistItem(interview_id=interview.id, position=position,
                                               label=label))
        if REFERRAL_PATH.index(referral.status) < REFERRAL_PATH.index("entretien_prevu"):
            day = min(planned_on or clock_day(session), draft.starts_at.date())
            move_referral_to(referral, "entretien_prevu", max(day, referral.status_on))
        return str(interview.id)


def set_interview_outcome(
    db: Database, interview_id: str, outcome: str, notes: str | None = None
) -> None:
    """Record how the interview went; « retenu·e » and « non retenu·e » update the referral."""
    check_code(outcome, codes.INTERVIEW_OUTCOMES, "Issue de l'entretien")
    with db.write() as session:
        interview = get_record(session, RecruitmentInterview, interview_id, "Entretien")
        interview.outcome = outcome
        if notes is not None:
            interview.notes = notes
        referral = get_record(session, Referral, interview.referral_id, "Mise en relation")
        day = max(interview.starts_at.date(), referral.status_on)
        if outcome == "retenu":
            move_referral_to(referral, "retenu", day)
        elif outcome == "non_retenu":
            move_referral_to(referral, "refus_employeur", day)


def checklist(db: Database, interview_id: str) -> list[ChecklistItemRow]:
    with db.read() as session:
        return [
            ChecklistItemRow(*row)
            for row in session.execute(
                select(InterviewChecklistItem.id, InterviewChecklistItem.position,
                       InterviewChecklistItem.label, InterviewChecklistItem.checked,
                       InterviewChecklistItem.checked_on, InterviewChecklistItem.note)
                .where(InterviewChecklistItem.interview_id == interview_id)
                .order_by(InterviewChecklistItem.position)
            )
        ]


def tick_item(
    db: Database, item_id: str, checked: bool, *, on: date | None = None, note: str | None = None
) -> None:
    """Tick (or untick) one point of an interview's checklist, optionally with a note."""
    with db.write() as session:
        item = get_record(session, InterviewChecklistItem, item_id, "Point de la liste")
        item.checked = checked
        item.checked_on = (on or clock_day(session)) if checked else None
        if note is not None:
            item.note = note.strip()


def add_checklist_item(db: Database, interview_id: str, label: str) -> str:
    """One more point for this interview only (a question specific to this employer…)."""
    (clean,) = _clean_labels([label])
    with db.write() as session:
        get_record(session, RecruitmentInterview, interview_id, "Entretien")
        last = session.execute(
            select(func.max(InterviewChecklistItem.position))
            .where(InterviewChecklistItem.interview_id == interview_id)
        ).scalar() or 0
        item = InterviewChecklistItem(interview_id=interview_id, position=last + 1, label=clean)
        session.add(item)
        session.flush()
        return str(item.id)


def _interview_query() -> Any:
    done = (
        select(InterviewChecklistItem.interview_id,
               func.count().label("total"),
               func.sum(case((InterviewChecklistItem.checked.is_(True), 1), else_=0))
               .label("done"))
        .group_by(InterviewChecklistItem.interview_id)
        .subquery()
    )
    return (
        select(RecruitmentInterview.id, RecruitmentInterview.referral_id,
               RecruitmentInterview.starts_at, Participant.last_name, Participant.first_name,
               Employer.name, JobOffer.title, RecruitmentInterview.place,
               RecruitmentInterview.contact_person, RecruitmentInterview.outcome,
               func.coalesce(done.c.done, 0), func.coalesce(done.c.total, 0))
        .join(Referral, Referral.id == RecruitmentInterview.referral_id)
        .join(Participant, Participant.id == Referral.participant_id)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .outerjoin(done, done.c.interview_id == RecruitmentInterview.id)
        .order_by(RecruitmentInterview.starts_at)
    )


def list_interviews(
    db: Database, *, start: date | None = None, end: date | None = None,
    cohort_id: str | None = None, participant_id: str | None = None,
) -> list[InterviewRow]:
    """Interviews from ``start`` (included) to ``end`` (excluded), in time order."""
    query = _interview_query()
    if start:
        query = query.where(RecruitmentInterview.starts_at >= datetime.combine(start,
                                                                               datetime.min.time()))
    if end:
        query = query.where(RecruitmentInterview.starts_at < datetime.combine(end,
                                                                              datetime.min.time()))
    if cohort_id:
        query = query.where(JobOffer.cohort_id == cohort_id)
    if participant_id:
        query = query.where(Referral.participant_id == participant_id)
    with db.read() as session:
        return [InterviewRow(*row) for row in session.execute(query)]


# ---------------------------------------------------------------------------------------------
# What the printed preparation sheet shows


@dataclass(frozen=True, slots=True)
class CoachContact:
    """Who a young person calls before an interview, and at which number ("" when unknown)."""

    name: str
    phone: str = ""


@dataclass(frozen=True, slots=True)
class InterviewSheet:
    interview_id: str
    starts_at: datetime
    candidate: str
    candidate_phone: str
    employer_name: str
    employer_address: str
    place: str
    address: str
    route_note: str
    contact_person: str
    offer_title: str
    rome_code: str
    offer_city: str
    offer_start_on: date | None
    weekly_hours: float | None
    offer_description: str
    notes: str
    checklist: tuple[ChecklistItemRow, ...]
    # The person who receives the candidate ("NOM Prénom, role" when known as a contact of
    # the employer, else as typed) and the coach to call.
    recruiter: str = ""
    coach: CoachContact = CoachContact("")

    @property
    def meeting_address(self) -> str:
        """Where to go: the interview's place and its address, else the employer's address."""
        parts = [self.place, self.address or self.employer_address]
        return ", ".join(dict.fromkeys(part for part in parts if part))


def recruiter_of(contacts: Iterable[EmployerContact], typed: str) -> str:
    """Who receives the candidate, from what the coach typed and the employer's contacts.

    The coach types a name (« Mme Ducœur ») or a role (« Responsable administratif·ve »): a
    contact of the employer whose last name is in the text, or whose role is the text, is
    named as « NOM Prénom, role »; otherwise the text stays as typed. With nothing typed, the
    employer's only contact, or the one who is the employer in person, receives the candidate.
    """
    people = list(contacts)
    typed = " ".join(typed.split())

    def named(contact: EmployerContact) -> str:
        name = person_name(contact.last_name, contact.first_name)
        return f"{name}, {contact.role}" if contact.role else name

    words = set(fold(typed).replace("-", " ").split())
    by_name = [c for c in people
               if c.last_name and set(fold(c.last_name).replace("-", " ").split()) <= words]
    if len(by_name) == 1:
        return named(by_name[0])
    by_role = [c for c in people if c.role and fold(c.role) == fold(typed)]
    if typed and len(by_role) == 1:
        return named(by_role[0])
    if typed:
        return typed
    in_person = [c for c in people if c.is_employer_in_person]
    if len(in_person) == 1:
        return named(in_person[0])
    return named(people[0]) if len(people) == 1 else ""


def interview_sheets(db: Database, start: date, end: date) -> list[InterviewSheet]:
    """Everything the preparation sheets of the interviews from ``start`` to ``end`` show."""
    low = datetime.combine(start, datetime.min.time())
    high = datetime.combine(end, datetime.min.time())
    with db.read() as session:
        rows = session.execute(
            select(RecruitmentInterview.id, RecruitmentInterview.starts_at,
                   Participant.first_name, Participant.last_name, Participant.phone,
                   Employer.name, Employer.address, Employer.postcode, Employer.city,
                   RecruitmentInterview.place, RecruitmentInterview.address,
                   RecruitmentInterview.route_note, RecruitmentInterview.contact_person,
                   JobOffer.title, JobOffer.rome_code, JobOffer.city, JobOffer.start_on,
                   JobOffer.weekly_hours, JobOffer.description, RecruitmentInterview.notes,
                   Employer.id, Coach.name, Coach.phone)
            .join(Referral, Referral.id == RecruitmentInterview.referral_id)
            .join(Participant, Participant.id == Referral.participant_id)
            # The person's chargé·e, with the phone of their coach record.
            .outerjoin(Coach, Coach.id == Participant.coach_id)
            .join(JobOffer, JobOffer.id == Referral.offer_id)
            .join(Employer, Employer.id == JobOffer.employer_id)
            .where(RecruitmentInterview.starts_at >= low, RecruitmentInterview.starts_at < high)
            .order_by(RecruitmentInterview.starts_at, Participant.last_name)
        ).all()
        ids = [row[0] for row in rows]
        items: dict[str, list[ChecklistItemRow]] = {interview_id: [] for interview_id in ids}
        for item in session.execute(
            select(InterviewChecklistItem.interview_id, InterviewChecklistItem.id,
                   InterviewChecklistItem.position, InterviewChecklistItem.label,
                   InterviewChecklistItem.checked, InterviewChecklistItem.checked_on,
                   InterviewChecklistItem.note)
            .where(InterviewChecklistItem.interview_id.in_(ids))
            .order_by(InterviewChecklistItem.position)
        ):
            items[item[0]].append(ChecklistItemRow(*item[1:]))
        employers = {row[20] for row in rows}
        contacts: dict[str, list[EmployerContact]] = {employer: [] for employer in employers}
        for contact in session.scalars(
            select(EmployerContact).where(EmployerContact.employer_id.in_(employers))
            .order_by(EmployerContact.last_name, EmployerContact.first_name)
        ):
            contacts[contact.employer_id].append(contact)
        sheets = []
        for row in rows:
            employer_address = ", ".join(
                part for part in (row[6], f"{row[7]} {row[8]}".strip()) if part
            )
            sheets.append(InterviewSheet(
                interview_id=row[0], starts_at=row[1], candidate=person_name(row[3], row[2]),
                candidate_phone=row[4], employer_name=row[5], employer_address=employer_address,
                place=row[9], address=row[10], route_note=row[11], contact_person=row[12],
                offer_title=row[13], rome_code=row[14], offer_city=row[15],
                offer_start_on=row[16], weekly_hours=row[17], offer_description=row[18],
                notes=row[19], checklist=tuple(items[row[0]]),
                recruiter=recruiter_of(contacts[row[20]], row[12]),
                coach=CoachContact(row[21] or "", row[22] or ""),
            ))
    return sheets
