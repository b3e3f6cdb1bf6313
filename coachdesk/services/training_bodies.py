"""Training bodies (organismes de formation) as records: the body a promotion is trained by.

The CERFA of a contrat de professionnalisation names the training body by its SIRET and its
UAI; both are checked here, once, for every path (the window, the command line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, TrainingBody
from coachdesk.services.checks import check_siret
from coachdesk.services.contact_import.normalise import normalise_postcode
from coachdesk.services.text import fold

# The key letter of a UAI: the remainder of its seven digits divided by 23, as a letter of
# this alphabet (I, O and Q are left out, too easily read as 1 and 0). 0753471R: 753471 = 23
# × 32759 + 14, and the fifteenth letter is R.
UAI_KEY_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_UAI = re.compile(r"(\d{7})([A-Z])")


def check_uai(value: str | None) -> str | None:
    """The UAI (seven digits and a key letter) written ``0753471R``; None when empty.

    Raises:
        UserError: not seven digits and a letter, or a key letter that does not match.
    """
    text = "".join((value or "").split()).upper()
    if not text:
        return None
    match = _UAI.fullmatch(text)
    if match is None:
        raise UserError(
            f"UAI « {value} » : attendu sept chiffres suivis d'une lettre, par exemple "
            "0753471R.",
            hint="L'UAI (ancien numéro RNE) figure sur la fiche de l'organisme dans "
            "l'annuaire de l'Éducation nationale ou sur sa déclaration d'activité.",
        )
    digits, letter = match.groups()
    expected = UAI_KEY_LETTERS[int(digits) % 23]
    if letter != expected:
        raise UserError(
            f"UAI « {value} » : la lettre de contrôle devrait être {expected}, un chiffre ou "
            "la lettre a sans doute été mal recopié.",
            hint="Recopiez l'UAI depuis un document de l'organisme de formation.",
        )
    return text


@dataclass(frozen=True, slots=True)
class TrainingBodyDraft:
    """What a training body's record holds, as typed."""

    name: str
    siret: str = ""
    uai: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""


@dataclass(frozen=True, slots=True)
class TrainingBodyRow:
    id: str
    name: str
    siret: str | None
    uai: str | None
    address: str
    postcode: str
    city: str

    @property
    def draft(self) -> TrainingBodyDraft:
        return TrainingBodyDraft(self.name, self.siret or "", self.uai or "", self.address,
                                 self.postcode, self.city)


def _checked(draft: TrainingBodyDraft) -> dict[str, Any]:
    name = " ".join(draft.name.split())
    if not name:
        raise UserError("Le champ « Nom » de l'organisme de formation est obligatoire.",
                        hint="Indiquez sa raison sociale, puis enregistrez.")
    return {
        "name": name,
        "siret": check_siret(draft.siret),
        "uai": check_uai(draft.uai),
        "address": " ".join(draft.address.split()),
        "postcode": normalise_postcode(draft.postcode),
        "city": " ".join(draft.city.split()),
    }


def _check_name_free(session: Session, name: str, body_id: str | None) -> None:
    wanted = fold(name)
    for other_id, other in session.execute(select(TrainingBody.id, TrainingBody.name)):
        if other_id != body_id and fold(other) == wanted:
            raise UserError(f"Un organisme de formation s'appelle déjà « {other} ».",
                            hint="Modifiez sa fiche plutôt que d'en créer une seconde.")


def _load(session: Session, body_id: str) -> TrainingBody:
    body = session.get(TrainingBody, body_id)
    if body is None:
        raise UserError("Cet organisme de formation n'existe plus dans la base.",
                        hint="Rechargez la liste des organismes.")
    return body


def create_training_body(database: Database, draft: TrainingBodyDraft) -> str:
    """Add a training body (one transaction); returns the new id."""
    values = _checked(draft)
    with database.write() as session:
        _check_name_free(session, values["name"], None)
        body = TrainingBody(**values)
        session.add(body)
        session.flush()
        return body.id


def update_training_body(database: Database, body_id: str, draft: TrainingBodyDraft) -> None:
    """Save a training body's record (one transaction)."""
    values = _checked(draft)
    with database.write() as session:
        body = _load(session, body_id)
        _check_name_free(session, values["name"], body_id)
        for name, value in values.items():
            setattr(body, name, value)


def delete_training_body(database: Database, body_id: str) -> None:
    """Delete a training body no promotion is trained by (one transaction).

    Raises:
        UserError: a promotion points at it (its name is given).
    """
    with database.write() as session:
        body = _load(session, body_id)
        used_by = session.scalars(
            select(Cohort.name).where(Cohort.training_body_id == body_id).order_by(Cohort.name)
        ).all()
        if used_by:
            raise UserError(
                f"L'organisme « {body.name} » forme la promotion « {used_by[0]} » : il ne peut "
                "pas être supprimé.",
                hint="Choisissez d'abord un autre organisme dans cette promotion "
                "(Modifier la promotion…).",
            )
        session.delete(body)


_COLUMNS = (TrainingBody.id, TrainingBody.name, TrainingBody.siret, TrainingBody.uai,
            TrainingBody.address, TrainingBody.postcode, TrainingBody.city)


def list_training_bodies(database: Database) -> list[TrainingBodyRow]:
    """Every training body, by name."""
    with database.read() as session:
        rows = [TrainingBodyRow(*row) for row in session.execute(select(*_COLUMNS))]
    rows.sort(key=lambda body: fold(body.name))
    return rows


def get_training_body(database: Database, body_id: str) -> TrainingBodyRow:
    with database.read() as session:
        row = session.execute(select(*_COLUMNS).where(TrainingBody.id == body_id)).first()
    if row is None:
        raise UserError("Cet organisme de formation n'existe plus dans la base.",
                        hint="Rechargez la liste des organismes.")
    return TrainingBodyRow(*row)


def find_training_body(database: Database, name: str) -> TrainingBodyRow:
    """The training body called ``name`` (case and accents aside), for the command line.

    Raises:
        UserError: no body has that name.
    """
    wanted = fold(" ".join(name.split()))
    bodies = list_training_bodies(database)
    for body in bodies:
        if fold(body.name) == wanted:
            return body
    known = ", ".join(f"« {body.name} »" for body in bodies)
    raise UserError(
        f"Aucun organisme de formation ne s'appelle « {name} ».",
        hint=(f"Organismes de cette base : {known}. " if known else "")
        + "Ajoutez-le avec « coachdesk training-body add --name … ».",
    )
