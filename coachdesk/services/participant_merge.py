"""Duplicates by hand: a file typed in the window checked as the contact import checks a row,
and two files of one person merged into one (no Qt).

A public function takes the open ``Database`` first and runs its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, UniqueConstraint, delete, func, or_, select, update
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant, utcnow
from coachdesk.services import audit
from coachdesk.services.contact_import.columns import FIELDS
from coachdesk.services.contact_import.matching import FILLABLE, identity_keys, match_reason
from coachdesk.services.contact_import.normalise import normalise_phone, valid_email
from coachdesk.services.participants import (
    ParticipantData,
    ParticipantFile,
    get_participant,
)
from coachdesk.services.text import fold, participant_search_text, person_name


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A person already in the database whom a new file may be the same as."""

    participant_id: str
    name: str  # NOM Prénom
    birth_date: date | None
    cohort_name: str
    reason: str  # « mêmes nom, prénom et date de naissance »…


@dataclass(frozen=True)
class ParticipantReview:
    """What to tell the coach before a file is saved: people it may duplicate (a new file),
    and contact details that cannot be right (kept as typed if the coach insists)."""

    duplicates: tuple[PossibleDuplicate, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.duplicates and not self.problems


def contact_problems(data: ParticipantData) -> list[str]:
    """An impossible phone or e-mail, judged as the contact import judges them."""
    problems = []
    phone, email = (data.phone or "").strip(), (data.email or "").strip()
    if phone and normalise_phone(phone) is None:
        problems.append(f"Le téléphone « {phone} » n'est pas un numéro valide.")
    if email and not valid_email(email):
        problems.append(f"L'adresse « {email} » n'est pas une adresse de courriel valide.")
    return problems


def review_participant(
    database: Database, data: ParticipantData, *, participant_id: str | None = None
) -> ParticipantReview:
    """Check a file before it is saved, as the import checks a row.

    A new file (``participant_id`` None) is matched against everyone in the database with the
    import's own rule (:func:`~coachdesk.services.contact_import.matching.identity_keys`: the
    same INE, or the same folded names with the same birth date or e-mail); phone and e-mail
    go through the import's normalisers. Nothing is written.
    """
    duplicates: list[PossibleDuplicate] = []
    if participant_id is None and data.last_name.strip() and data.first_name.strip():
        duplicates = _possible_duplicates(database, data)
    return ParticipantReview(tuple(duplicates), tuple(contact_problems(data)))


def _possible_duplicates(database: Database, data: ParticipantData) -> list[PossibleDuplicate]:
    email, ine = (data.email or "").strip(), (data.ine or "").replace(" ", "").upper()
    keys = identity_keys(data.last_name, data.first_name, data.birth_date, email, ine)
    if not keys:
        return []
    # Whoever shares the birth date, the e-mail or the INE; the names are compared by the
    # import's keys, in Python (folding accents is not SQL's).
    candidates = []
    if data.birth_date is not None:
        candidates.append(Participant.birth_date == data.birth_date)
    if email:
        # (SQLite lowers ASCII letters only: the folded e-mail in the search text catches
        # « ÉLODIE@… » typed for « élodie@… ».)
        candidates.append(func.lower(Participant.email) == email.lower())
        candidates.append(Participant.search_text.contains(fold(email), autoescape=True))
    if ine:
        candidates.append(func.upper(func.replace(Participant.ine, " ", "")) == ine)
    with database.read() as session:
        rows = session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name,
                   Participant.birth_date, Participant.email, Participant.ine, Cohort.name)
            .join(Cohort, Cohort.id == Participant.cohort_id)
            .where(or_(*candidates))
            .order_by(Participant.last_name, Participant.first_name)
        ).all()
    found = []
    for row in rows:
        theirs = set(identity_keys(row.last_name, row.first_name, row.birth_date,
                                   row.email or "", row.ine or ""))
        shared = next((key for key in keys if key in theirs), None)
        if shared is not None:
            found.append(PossibleDuplicate(
                row.id, person_name(row.last_name, row.first_name), row.birth_date, row.name,
                match_reason(shared)))
    return found


@dataclass(frozen=True)
class MergeSide:
    """One of two files about to be merged, as the merge dialog shows it."""

    file: ParticipantFile
    cohort_name: str
    records: int  # calls, meetings, interviews, contracts… recorded about the person


def merge_sides(database: Database, first_id: str, second_id: str) -> tuple[MergeSide, MergeSide]:
    """The two files side by side, with how much is recorded about each."""
    sides = []
    for participant_id in (first_id, second_id):
        file = get_participant(database, participant_id)
        with database.read() as session:
            cohort_name = session.scalar(select(Cohort.name).where(Cohort.id == file.cohort_id))
            records = sum(
                session.scalar(select(func.count()).select_from(table)
                               .where(table.c.participant_id == participant_id)) or 0
                for table in _person_tables()
            )
        sides.append(MergeSide(file, cohort_name or "", records))
    return sides[0], sides[1]


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: records moved to the kept file, fields it completed."""

    moved: int
    twins_dropped: int
    filled: tuple[str, ...]


def merge_participants(database: Database, kept_id: str, merged_id: str) -> MergeResult:
    """Merge the file ``merged_id`` into ``kept_id``, in one transaction.

    Everything recorded about the merged person — calls, meetings, interviews, bilan, skills,
    projects, referrals, enrolment, contracts and their visits, outcomes, reminders — moves to
    the kept file; the kept file's empty fields take the merged file's values and its notes
    follow; then the merged file is deleted. Where both had the same record (the same
    information session, the same offer…) the kept one stays, and what hangs from the other
    (a referral's interviews) moves to it. The audit log says that two files were merged, by
    their ids only. In team mode the merge reaches the outbox like any write.

    Raises:
        UserError: the same file twice, a file that no longer exists, or two files in
            different cohorts.
    """
    if kept_id == merged_id:
        raise UserError("Choisissez deux fiches différentes à fusionner.")
    with database.write() as session:
        kept, merged = _person(session, kept_id), _person(session, merged_id)
        if kept.cohort_id != merged.cohort_id:
            raise UserError(
                "Ces deux fiches sont dans des promotions différentes : elles ne peuvent pas "
                "être fusionnées.",
                hint="Mettez d'abord les deux personnes dans la même promotion.",
            )
        moved = dropped = 0
        for table in _person_tables():
            dropped += _drop_twins(session, table, kept_id, merged_id)
            moving = session.scalar(select(func.count()).select_from(table)
                                    .where(table.c.participant_id == merged_id)) or 0
            if moving:
                session.execute(
                    update(table).where(table.c.participant_id == merged_id)
                    .values(participant_id=kept_id, updated_at=utcnow())
                )
            moved += moving
        filled = _complete(kept, merged)
        session.flush()
        session.delete(merged)
        session.flush()
        # Counted: every record the merged file had, now the kept file's (moved or merged
        # into its twin).
        audit.record(session, "participant_merge",
                     f"Fiche {merged_id} fusionnée dans la fiche {kept_id}",
                     count=moved + dropped)
    return MergeResult(moved, dropped, filled)


def _person(session: Session, participant_id: str) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise UserError("Cette fiche n'existe plus : elle a peut-être été supprimée ou déjà "
                        "fusionnée.", hint="Rechargez la liste.")
    return participant


def _person_tables() -> list[Table]:
    """Every table whose rows belong to one person (a ``participant_id`` pointing at them)."""
    from coachdesk.models import Base

    return [
        table for table in Base.metadata.sorted_tables
        if any(key.column.table.name == "participant" and key.parent.name == "participant_id"
               for key in table.foreign_keys)
    ]


def _drop_twins(session: Session, table: Table, kept_id: str, merged_id: str) -> int:
    """Delete the merged person's rows that the kept person has too (the same session, offer,
    domain…: a unique constraint with ``participant_id``); whatever pointed at a deleted row
    points at its twin instead. Returns how many were deleted."""
    dropped = 0
    for constraint in table.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [column.name for column in constraint.columns]
        if "participant_id" not in names:
            continue
        others = [table.c[name] for name in names if name != "participant_id"]

        def rows_of(person: str, others: list[Any] = others) -> dict[tuple[Any, ...], str]:
            return {tuple(row[1:]): row[0] for row in session.execute(
                select(table.c.id, *others).where(table.c.participant_id == person))}

        theirs = rows_of(kept_id)
        twins = [(row_id, theirs[key]) for key, row_id in rows_of(merged_id).items()
                 if key in theirs]
        for row_id, twin_id in twins:
            for child, key in _pointing_at(table):
                session.execute(update(child).where(child.c[key] == row_id)
                                .values({key: twin_id, "updated_at": utcnow()}))
            session.execute(delete(table).where(table.c.id == row_id))
        dropped += len(twins)
    return dropped


def _pointing_at(table: Table) -> list[tuple[Table, str]]:
    """(table, column) of the single-column foreign keys pointing at ``table``'s ids."""
    from coachdesk.models import Base

    return [
        (child, key.parent.name) for child in Base.metadata.sorted_tables
        for key in child.foreign_keys
        if key.column.table is table and key.column.name == "id"
        and key.constraint is not None and len(key.constraint.columns) == 1
    ]


# Fields of the file the import does not read, as the coach reads them.
_OTHER_FIELDS = {"consent_date": "Consentement", "coach_id": "Chargé·e"}


def _complete(kept: Participant, merged: Participant) -> tuple[str, ...]:
    """Fill the kept file's empty fields from the merged one; append its notes. Returns the
    French names of the fields filled."""
    filled = []
    for name in (*FILLABLE, "consent_date", "coach_id"):
        if _is_empty(getattr(kept, name)) and not _is_empty(getattr(merged, name)):
            setattr(kept, name, getattr(merged, name))
            filled.append(FIELDS.get(name) or _OTHER_FIELDS[name])
    if merged.notes.strip() and merged.notes.strip() not in kept.notes:
        kept.notes = "\n".join(part for part in (kept.notes.strip(), merged.notes.strip())
                               if part)
        filled.append(FIELDS["notes"])
    kept.search_text = participant_search_text(
        kept.last_name, kept.first_name, kept.phone, kept.email)
    kept.updated_at = utcnow()
    return tuple(filled)


def _is_empty(value: Any) -> bool:
    return value is None or value == ""
