"""Follow-on promotions: a person enrolled in another promotion, their history kept whole.

Eight trainees of 2010 want a bac+2 the next year: they join next year's promotion without
leaving 2010's figures. Two ways, chosen by the coach:

* **Copy** (:func:`copy_to_cohort`, the usual way): a new file in the other promotion, linked
  to the person's file in this one (``Participant.follows_from_id``). The identity, contact
  details, school history, consent date and chargé·e are copied; nothing else is. Every event
  stays on the file it happened in, so each promotion's funnel, lists and exports count what
  happened in it, and each file's timeline shows the other's events too, labelled with their
  promotion (``participants.participant_timeline``). The contact import does the same for a
  person it finds in another promotion (it is not a duplicate there).
* **Move** (:func:`move_to_cohort`): the file itself changes promotion, with all its events
  (calls, selection interview, referrals, contracts…) — for a person entered in the wrong
  promotion. It is refused once the person attended an information session, a bilan group or
  holds an enrolment of their promotion: those belong to that promotion; copy instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Attendance, BilanMember, Cohort, Enrolment, Participant, utcnow
from coachdesk.services.text import person_name

# What a follow-on file takes from the earlier one: who the person is, not what happened.
COPIED_FIELDS = (
    "last_name", "first_name", "birth_date", "is_adult", "phone", "email", "address", "postcode",
    "city", "ine", "university_track", "bac_type", "bac_series", "bac_year", "provenance",
    "coach_id", "consent_date", "search_text",
)


@dataclass(frozen=True, slots=True)
class LinkedFile:
    """One file of a person followed in several promotions (``Participant.follows_from_id``)."""

    participant_id: str
    cohort_id: str
    cohort_name: str
    listed_on: date
    follows_from_id: str | None


def linked_files_in(session: Session, participant_id: str) -> list[LinkedFile]:
    """Every file of the person, theirs included, the earliest first: the files it follows on
    from and those following on from it, link after link (read in the caller's transaction).
    Empty when the person does not exist."""
    found: dict[str, LinkedFile] = {}
    asked: set[str] = set()
    frontier = {participant_id}
    columns = (Participant.id, Participant.cohort_id, Cohort.name, Participant.listed_on,
               Participant.follows_from_id)
    while frontier:
        asked |= frontier
        for row in session.execute(
            select(*columns).join(Cohort, Cohort.id == Participant.cohort_id).where(
                or_(Participant.id.in_(frontier), Participant.follows_from_id.in_(frontier)))
        ):
            found.setdefault(row.id, LinkedFile(*row))
        # Next, each file found and each earlier file named, not asked about yet.
        frontier = {
            neighbour for file in found.values()
            for neighbour in (file.participant_id, file.follows_from_id)
            if neighbour is not None and neighbour not in asked
        }
    return sorted(found.values(), key=lambda file: (file.listed_on, file.cohort_name))


def linked_files(database: Database, participant_id: str) -> list[LinkedFile]:
    """The person's files in every promotion, theirs included, the earliest first."""
    with database.read() as session:
        return linked_files_in(session, participant_id)


def _person(session: Session, participant_id: str) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("Cette personne n'existe plus : elle a peut-être été supprimée.",
                        hint="Rechargez la liste.")
    return person


def _target(session: Session, cohort_id: str, person: Participant) -> Cohort:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise UserError("La promotion choisie n'existe plus dans la base.",
                        hint="Choisissez-en une autre.")
    name = person_name(person.last_name, person.first_name)
    if cohort.id == person.cohort_id:
        raise UserError(f"{name} est déjà dans la promotion « {cohort.name} ».",
                        hint="Choisissez une autre promotion.")
    if any(file.cohort_id == cohort.id for file in linked_files_in(session, person.id)):
        raise UserError(f"{name} a déjà un dossier dans la promotion « {cohort.name} ».",
                        hint="Ouvrez ce dossier depuis la liste de cette promotion.")
    return cohort


def copy_to_cohort(database: Database, participant_id: str, cohort_id: str,
                   *, on: date | None = None) -> str:
    """Enrol the person in another promotion with a new file linked to this one (one
    transaction); returns the new file's id. ``on`` is the day they join it (today).

    Raises:
        UserError: the person or the promotion is gone, the promotion is the person's own, or
            the person already has a file there.
    """
    with database.write() as session:
        person = _person(session, participant_id)
        _target(session, cohort_id, person)
        copy = Participant(
            cohort_id=cohort_id, follows_from_id=person.id, listed_on=on or date.today(),
            **{name: getattr(person, name) for name in COPIED_FIELDS},
        )
        session.add(copy)
        session.flush()
        return copy.id


def move_to_cohort(database: Database, participant_id: str, cohort_id: str) -> None:
    """Move the person's file to another promotion with all its events (one transaction).

    Raises:
        UserError: as :func:`copy_to_cohort`, or the person took part in something of their
            promotion (information session, bilan group, enrolment): then copy instead.
    """
    with database.write() as session:
        person = _person(session, participant_id)
        cohort = _target(session, cohort_id, person)
        name = person_name(person.last_name, person.first_name)
        for table, what in (
            (Attendance, "a été invité·e à une réunion d'information"),
            (BilanMember, "fait partie d'un groupe de bilan"),
            (Enrolment, "a une inscription à la formation"),
        ):
            if session.scalar(select(table.id).where(table.participant_id == person.id)
                              .limit(1)) is not None:
                raise UserError(
                    f"{name} {what} de sa promotion actuelle : son dossier ne peut pas changer "
                    "de promotion.",
                    hint=f"Inscrivez-le ou la dans « {cohort.name} » avec un nouveau dossier "
                    "relié à celui-ci (« Inscrire dans une autre promotion… », choix "
                    "« nouveau dossier ») : l'historique reste lisible des deux côtés.")
        person.cohort_id = cohort_id
        person.updated_at = utcnow()
