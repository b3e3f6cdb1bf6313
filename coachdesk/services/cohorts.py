"""Promotions (cohorts): their set-up, created, edited and archived from the window and the
command line, and the choice of the one a screen or a command works on.

What a coach types for a promotion arrives as one :class:`CohortDraft`; its rules live in
:func:`_checked` and apply to every path (the window's dialog, ``coachdesk cohort``, the
contact import creating the promotion it imports into, the demo). An archived promotion is
hidden from the window's selector and from the « most recent promotion » default; it is still
found by its name and keeps all its data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Coach, Cohort, CohortCoach, TrainingBody, utcnow
from coachdesk.services.checks import required_text
from coachdesk.services.text import fold

# Follow-up visits are planned every N weeks (the database allows 1 to 26).
VISIT_INTERVAL_RANGE = (1, 26)
MAX_TARGET_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class CohortDraft:
    """A promotion's set-up, as the coach types it.

    ``start_date`` and ``end_date`` are the training's dates; ``training_title`` names the
    certificate or training prepared; ``coach_ids`` are the coaches in charge.
    """

    name: str
    start_date: date
    training_title: str = ""
    training_body_id: str | None = None
    bilan_start_date: date | None = None
    bilan_end_date: date | None = None
    end_date: date | None = None
    enrolment_deadline: date | None = None
    visit_interval_weeks: int = 6
    target_size: int | None = None
    coach_ids: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class CohortRow:
    id: str
    name: str
    training_title: str
    start_date: date
    end_date: date | None
    enrolment_deadline: date | None
    archived: bool = False


@dataclass(frozen=True, slots=True)
class CohortDetails:
    """A promotion as its edit form and ``coachdesk cohort list`` show it."""

    id: str
    draft: CohortDraft
    archived: bool
    training_body: str = ""
    coaches: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        draft = self.draft

        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.id, "name": draft.name, "training_title": draft.training_title,
            "training_body": self.training_body or None,
            "bilan_start_date": day(draft.bilan_start_date),
            "bilan_end_date": day(draft.bilan_end_date),
            "start_date": day(draft.start_date), "end_date": day(draft.end_date),
            "enrolment_deadline": day(draft.enrolment_deadline),
            "visit_interval_weeks": draft.visit_interval_weeks,
            "target_size": draft.target_size, "coaches": list(self.coaches),
            "archived": self.archived,
        }


# --- the rules of a promotion --------------------------------------------------------------------


def _in_order(first: date | None, then: date | None, message: str, hint: str) -> None:
    if first is not None and then is not None and then < first:
        raise UserError(message, hint=hint)


def _checked(draft: CohortDraft) -> dict[str, Any]:
    """The promotion's columns from a draft, or a French UserError naming the field."""
    name = " ".join(required_text(draft.name, "Nom de la promotion").split())
    _in_order(draft.start_date, draft.end_date,
              "La formation ne peut pas finir avant d'avoir commencé.",
              "Vérifiez les dates de début et de fin de la formation (JJ/MM/AAAA).")
    _in_order(draft.bilan_start_date, draft.bilan_end_date,
              "Le bilan ne peut pas finir avant d'avoir commencé.",
              "Vérifiez les dates de début et de fin du bilan (JJ/MM/AAAA).")
    _in_order(draft.enrolment_deadline, draft.end_date,
              "La date limite des inscriptions provisoires tombe après la fin de la formation.",
              "Choisissez une date limite avant la fin de la formation (le 15 juillet, en "
              "2010).")
    low, high = VISIT_INTERVAL_RANGE
    if not low <= draft.visit_interval_weeks <= high:
        raise UserError(
            f"Intervalle entre deux visites : {draft.visit_interval_weeks} semaines n'est pas "
            "possible.", hint=f"Choisissez entre {low} et {high} semaines (6 par défaut).")
    if draft.target_size is not None and not 1 <= draft.target_size <= MAX_TARGET_SIZE:
        raise UserError(f"Effectif visé : « {draft.target_size} » n'est pas un nombre de places "
                        "possible.", hint="Indiquez un nombre entier de places, 1 ou plus.")
    return {
        "name": name,
        "training_title": " ".join(draft.training_title.split()),
        "training_body_id": draft.training_body_id or None,
        "bilan_start_date": draft.bilan_start_date,
        "bilan_end_date": draft.bilan_end_date,
        "start_date": draft.start_date,
        "end_date": draft.end_date,
        "enrolment_deadline": draft.enrolment_deadline,
        "visit_interval_weeks": draft.visit_interval_weeks,
        "target_size": draft.target_size,
        "notes": draft.notes.strip(),
    }


def _check_references(session: Session, values: dict[str, Any], coach_ids: tuple[str, ...]
                      ) -> None:
    body = values["training_body_id"]
    if body is not None and session.get(TrainingBody, body) is None:
        raise UserError("L'organisme de formation choisi n'existe plus dans la base.",
                        hint="Choisissez-en un autre dans la liste.")
    found = set(session.scalars(select(Coach.id).where(Coach.id.in_(coach_ids))))
    if len(found) != len(set(coach_ids)):
        raise UserError("Un·e des chargé·es choisi·es n'existe plus dans la base.",
                        hint="Choisissez à nouveau les chargé·es de la promotion.")


def _check_name_free(session: Session, name: str, cohort_id: str | None) -> None:
    wanted = fold(name)
    for other_id, other in session.execute(select(Cohort.id, Cohort.name)):
        if other_id != cohort_id and fold(other) == wanted:
            raise UserError(f"Une promotion s'appelle déjà « {other} ».",
                            hint="Choisissez un autre nom.")


def _load(session: Session, cohort_id: str) -> Cohort:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise UserError("Cette promotion n'existe plus dans la base.",
                        hint="Choisissez une autre promotion.")
    return cohort


def _set_coaches(session: Session, cohort_id: str, coach_ids: tuple[str, ...]) -> None:
    wanted = list(dict.fromkeys(coach_ids))
    current = set(session.scalars(
        select(CohortCoach.coach_id).where(CohortCoach.cohort_id == cohort_id)))
    gone = current - set(wanted)
    if gone:
        session.execute(delete(CohortCoach).where(
            CohortCoach.cohort_id == cohort_id, CohortCoach.coach_id.in_(gone)))
    session.add_all(CohortCoach(cohort_id=cohort_id, coach_id=coach_id)
                    for coach_id in wanted if coach_id not in current)


# --- writing --------------------------------------------------------------------------------------


def create_cohort(database: Database, draft: CohortDraft) -> str:
    """Create a promotion (one transaction); returns its id.

    Raises:
        UserError: a rule of :func:`_checked` is broken, or the name is taken.
    """
    with database.write() as session:
        return add_cohort(session, draft)


def add_cohort(session: Session, draft: CohortDraft) -> str:
    """:func:`create_cohort` within a write transaction of the caller's (the contact import's,
    whose promotion is written with its people or not at all); returns its id."""
    values = _checked(draft)
    _check_name_free(session, values["name"], None)
    _check_references(session, values, draft.coach_ids)
    cohort = Cohort(**values)
    session.add(cohort)
    session.flush()
    _set_coaches(session, cohort.id, draft.coach_ids)
    return cohort.id


def update_cohort(database: Database, cohort_id: str, draft: CohortDraft) -> None:
    """Save a promotion's set-up, its coaches in charge included (one transaction)."""
    values = _checked(draft)
    with database.write() as session:
        cohort = _load(session, cohort_id)
        _check_name_free(session, values["name"], cohort_id)
        _check_references(session, values, draft.coach_ids)
        for name, value in values.items():
            setattr(cohort, name, value)
        _set_coaches(session, cohort_id, draft.coach_ids)


def archive_cohort(database: Database, cohort_id: str, *, archived: bool = True) -> None:
    """Archive a promotion (``archived=False`` brings it back): it leaves the selector and the
    « most recent promotion » default; nothing of it is deleted."""
    with database.write() as session:
        cohort = _load(session, cohort_id)
        if archived and cohort.archived_at is None:
            cohort.archived_at = utcnow()
        elif not archived:
            cohort.archived_at = None


# --- reading --------------------------------------------------------------------------------------


def list_cohorts(session: Session, *, include_archived: bool = True) -> list[CohortRow]:
    """The promotions, the most recent first (archived ones only with ``include_archived``)."""
    query = select(
        Cohort.id, Cohort.name, Cohort.training_title, Cohort.start_date, Cohort.end_date,
        Cohort.enrolment_deadline, Cohort.archived_at,
    ).order_by(Cohort.start_date.desc(), Cohort.name)
    if not include_archived:
        query = query.where(Cohort.archived_at.is_(None))
    return [
        CohortRow(row.id, row.name, row.training_title, row.start_date, row.end_date,
                  row.enrolment_deadline, archived=row.archived_at is not None)
        for row in session.execute(query)
    ]


def cohort_choices(database: Database, *, include_archived: bool = False) -> list[CohortRow]:
    """The promotions a selector offers, the most recent first, read in its own transaction
    (:func:`list_cohorts` reads within a larger one). Archived ones only when asked."""
    with database.read() as session:
        return list_cohorts(session, include_archived=include_archived)


def get_cohort(database: Database, cohort_id: str) -> CohortDetails:
    """A promotion's whole set-up (its edit form)."""
    with database.read() as session:
        return _details(session, _load(session, cohort_id))


def cohort_details(database: Database, *, include_archived: bool = False
                   ) -> list[CohortDetails]:
    """Every promotion's set-up, the most recent first (``coachdesk cohort list``)."""
    with database.read() as session:
        query = select(Cohort).order_by(Cohort.start_date.desc(), Cohort.name)
        if not include_archived:
            query = query.where(Cohort.archived_at.is_(None))
        return [_details(session, cohort) for cohort in session.scalars(query)]


def _details(session: Session, cohort: Cohort) -> CohortDetails:
    coaches = list(session.execute(
        select(Coach.id, Coach.name).join(CohortCoach, CohortCoach.coach_id == Coach.id)
        .where(CohortCoach.cohort_id == cohort.id)
    ).all())
    coaches.sort(key=lambda row: fold(row.name))
    body = (session.scalar(select(TrainingBody.name).where(
        TrainingBody.id == cohort.training_body_id)) if cohort.training_body_id else None)
    draft = CohortDraft(
        name=cohort.name, start_date=cohort.start_date, training_title=cohort.training_title,
        training_body_id=cohort.training_body_id, bilan_start_date=cohort.bilan_start_date,
        bilan_end_date=cohort.bilan_end_date, end_date=cohort.end_date,
        enrolment_deadline=cohort.enrolment_deadline,
        visit_interval_weeks=cohort.visit_interval_weeks, target_size=cohort.target_size,
        coach_ids=tuple(row.id for row in coaches), notes=cohort.notes,
    )
    return CohortDetails(cohort.id, draft, cohort.archived_at is not None, body or "",
                         tuple(row.name for row in coaches))


def find_cohort(session: Session, name: str | None) -> CohortRow:
    """The cohort called ``name`` (archived or not), or the most recent one still running
    when no name is given.

    Raises:
        UserError: there is no such cohort, or no cohort at all.
    """
    cohorts = list_cohorts(session)
    if not cohorts:
        raise UserError(
            "La base ne contient encore aucune promotion.",
            hint="Créez-en une (« Nouvelle promotion… » dans la fenêtre, ou « coachdesk "
            "cohort create ») ou importez un fichier de contacts.",
        )
    if name is None:
        running = [cohort for cohort in cohorts if not cohort.archived]
        return (running or cohorts)[0]
    for cohort in cohorts:
        if cohort.name == name:
            return cohort
    wanted = fold(name)
    for cohort in cohorts:
        if fold(cohort.name) == wanted:
            return cohort
    known = ", ".join(f"« {c.name} »" for c in cohorts)
    raise UserError(
        f"Aucune promotion ne s'appelle « {name} ».",
        hint=f"Promotions de cette base : {known}.",
    )
