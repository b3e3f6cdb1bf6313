"""The coaches (chargé·es d'accompagnement) as records: create, edit, archive, list.

A participant's « Chargé·e », who made a call (« Appel passé par ») and who made a visit
(« Chargé·e de suivi ») point at a coach record. A coach who leaves is archived, never deleted:
the pickers no longer offer them, what they did still names them. Which coach uses this laptop
is the window's preference (an id in the settings file, no name), not stored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Coach, utcnow
from coachdesk.services.contact_import.normalise import normalise_phone, valid_email
from coachdesk.services.text import fold


@dataclass(frozen=True, slots=True)
class CoachDraft:
    """What a coach's record holds, as typed."""

    name: str
    phone: str = ""
    email: str = ""
    structure: str = ""


@dataclass(frozen=True, slots=True)
class CoachRow:
    """A coach as the lists and pickers show them."""

    id: str
    name: str
    phone: str
    email: str
    structure: str
    archived: bool

    @property
    def draft(self) -> CoachDraft:
        return CoachDraft(self.name, self.phone, self.email, self.structure)


def _checked(draft: CoachDraft) -> dict[str, str]:
    """The rules of a coach record: a name, a phone and an e-mail that can be used."""
    name = " ".join(draft.name.split())
    if not name:
        raise UserError("Le champ « Nom » du ou de la chargé·e est obligatoire.",
                        hint="Indiquez son prénom et son nom, puis enregistrez.")
    phone = draft.phone.strip()
    if phone:
        normalised = normalise_phone(phone)
        if normalised is None:
            raise UserError(f"Téléphone « {phone} » : ce numéro n'est pas valable.",
                            hint="Saisissez 10 chiffres (06 12 34 56 78) ou un numéro "
                            "international (+33 6 12 34 56 78).")
        phone = normalised
    email = draft.email.strip()
    if email and not valid_email(email):
        raise UserError(f"Courriel « {email} » : cette adresse n'est pas valable.",
                        hint="Vérifiez l'adresse (prenom.nom@exemple.fr).")
    return {"name": name, "phone": phone, "email": email,
            "structure": " ".join(draft.structure.split())}


def _check_name_free(session: Session, name: str, coach_id: str | None) -> None:
    wanted = fold(name)
    for other_id, other in session.execute(select(Coach.id, Coach.name)):
        if other_id != coach_id and fold(other) == wanted:
            raise UserError(f"Un·e chargé·e s'appelle déjà « {other} ».",
                            hint="Modifiez sa fiche plutôt que d'en créer une seconde, ou "
                            "distinguez les deux noms.")


def _load(session: Session, coach_id: str) -> Coach:
    coach = session.get(Coach, coach_id)
    if coach is None:
        raise UserError("Ce ou cette chargé·e n'existe plus dans la base.",
                        hint="Rechargez la liste des chargé·es.")
    return coach


def create_coach(database: Database, draft: CoachDraft) -> str:
    """Add a coach (one transaction); returns the new id."""
    values = _checked(draft)
    with database.write() as session:
        _check_name_free(session, values["name"], None)
        coach = Coach(**values)
        session.add(coach)
        session.flush()
        return coach.id


def update_coach(database: Database, coach_id: str, draft: CoachDraft) -> None:
    """Save a coach's record (one transaction)."""
    values = _checked(draft)
    with database.write() as session:
        coach = _load(session, coach_id)
        _check_name_free(session, values["name"], coach_id)
        for name, value in values.items():
            setattr(coach, name, value)


def archive_coach(database: Database, coach_id: str, *, archived: bool = True) -> None:
    """A coach who left (``archived``), or who came back (``archived=False``)."""
    with database.write() as session:
        coach = _load(session, coach_id)
        if archived and coach.archived_at is None:
            coach.archived_at = utcnow()
        elif not archived:
            coach.archived_at = None


def _row(row: Any) -> CoachRow:
    return CoachRow(id=row.id, name=row.name, phone=row.phone, email=row.email,
                    structure=row.structure, archived=row.archived_at is not None)


_COLUMNS = (Coach.id, Coach.name, Coach.phone, Coach.email, Coach.structure, Coach.archived_at)


def list_coaches(database: Database, *, include_archived: bool = False) -> list[CoachRow]:
    """The coaches by name (those who left only when ``include_archived``)."""
    with database.read() as session:
        query = select(*_COLUMNS)
        if not include_archived:
            query = query.where(Coach.archived_at.is_(None))
        rows = [_row(row) for row in session.execute(query)]
    rows.sort(key=lambda coach: fold(coach.name))
    return rows


def get_coach(database: Database, coach_id: str) -> CoachRow:
    with database.read() as session:
        row = session.execute(select(*_COLUMNS).where(Coach.id == coach_id)).first()
    if row is None:
        raise UserError("Ce ou cette chargé·e n'existe plus dans la base.",
                        hint="Rechargez la liste des chargé·es.")
    return _row(row)


def coach_names(database: Database) -> dict[str, str]:
    """Every coach's name by id, those who left included (lists name who did what)."""
    with database.read() as session:
        return dict(session.execute(select(Coach.id, Coach.name)).all())


def find_coach(database: Database, name: str) -> CoachRow:
    """The coach called ``name`` (case, accents and spaces aside), for the command line.

    Raises:
        UserError: nobody has that name.
    """
    wanted = fold(" ".join(name.split()))
    coaches = list_coaches(database, include_archived=True)
    for coach in coaches:
        if fold(coach.name) == wanted:
            return coach
    known = ", ".join(f"« {coach.name} »" for coach in coaches if not coach.archived)
    raise UserError(
        f"Aucun·e chargé·e ne s'appelle « {name} ».",
        hint=(f"Chargé·es de cette base : {known}. " if known else "")
        + "Ajoutez-le ou la avec « coachdesk coach add --name … ».",
    )
