"""The coach's journal: dated notes in a person's file, searchable without accents.

A note says what happened (« appelé la tutrice, rappeler jeudi »): its day, its kind (appel,
entretien, visite, courriel, autre), the coach who wrote it, and optionally the contract or
the employer it is about. Notes show in the person's timeline, in the week's agenda and its
.ics, and are found by a search that ignores case and accents (``JournalEntry.search_text``,
folded on every write like the participants' names).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Coach, Contract, Employer, JournalEntry, Participant, codes, utcnow
from coachdesk.services.agenda_items import AgendaItem
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_rules import fr_date
from coachdesk.services.text import fold, person_name

# A search shorter than this would match nearly every note.
MIN_SEARCH_LENGTH = 2


@dataclass(frozen=True, slots=True)
class JournalDraft:
    """What a coach types for one note."""

    written_on: date
    kind: str
    text: str
    coach_id: str | None = None
    contract_id: str | None = None
    employer_id: str | None = None


@dataclass(frozen=True, slots=True)
class JournalLine:
    """One note as the lists show it."""

    id: str
    participant_id: str
    participant: str  # NOM Prénom
    written_on: date
    kind: str
    coach: str  # the author's name, "" when unknown
    text: str
    employer: str  # the employer the note is about (its own, or its contract's), "" if none
    draft: JournalDraft

    @property
    def kind_label(self) -> str:
        return codes.JOURNAL_KINDS.get(self.kind, self.kind)


def journal_search_text(text: str, kind: str) -> str:
    """The folded text a note is found by (its words and its kind's French name)."""
    return f"{fold(codes.JOURNAL_KINDS.get(kind, kind))} | {fold(text)}"


def _checked(session: Session, participant_id: str, draft: JournalDraft) -> dict[str, Any]:
    text = (draft.text or "").strip()
    if not text:
        raise UserError("Le texte de la note est obligatoire.",
                        hint="Écrivez ce qui s'est passé (appel, entretien, visite…).")
    if draft.kind not in codes.JOURNAL_KINDS:
        raise UserError(f"Type de note « {draft.kind} » inconnu.",
                        hint="Choisissez : " + ", ".join(codes.JOURNAL_KINDS.values()) + ".")
    today = clock_day(session)
    if draft.written_on > today:
        raise UserError(
            f"La date de la note ({fr_date(draft.written_on)}) est après aujourd'hui "
            f"({fr_date(today)}).",
            hint="Une note dit ce qui s'est passé : pour une chose à faire, créez un rappel.")
    if session.get(Participant, participant_id) is None:
        raise UserError("Cette personne n'existe plus : elle a peut-être été supprimée.",
                        hint="Rechargez la liste.")
    if draft.contract_id is not None:
        owner = session.scalar(select(Contract.participant_id)
                               .where(Contract.id == draft.contract_id))
        if owner != participant_id:
            raise UserError("Le contrat choisi pour la note n'est pas celui de cette personne.",
                            hint="Choisissez l'un de ses contrats, ou aucun.")
    if draft.employer_id is not None and session.get(Employer, draft.employer_id) is None:
        raise UserError("L'employeur choisi pour la note n'existe plus.",
                        hint="Choisissez un autre employeur, ou aucun.")
    return {"written_on": draft.written_on, "kind": draft.kind, "text": text,
            "coach_id": draft.coach_id, "contract_id": draft.contract_id,
            "employer_id": draft.employer_id,
            "search_text": journal_search_text(text, draft.kind)}


def add_journal_entry(database: Database, participant_id: str, draft: JournalDraft) -> str:
    """Write a note in a person's journal (one transaction); returns its id."""
    with database.write() as session:
        entry = JournalEntry(participant_id=participant_id,
                             **_checked(session, participant_id, draft))
        session.add(entry)
        session.flush()
        return entry.id


def _entry(session: Session, entry_id: str) -> JournalEntry:
    entry = session.get(JournalEntry, entry_id)
    if entry is None:
        raise UserError("Cette note n'existe plus : elle a peut-être été supprimée.",
                        hint="Rouvrez le dossier de la personne.")
    return entry


def update_journal_entry(database: Database, entry_id: str, draft: JournalDraft) -> None:
    """Save a note as edited (one transaction)."""
    with database.write() as session:
        entry = _entry(session, entry_id)
        for name, value in _checked(session, entry.participant_id, draft).items():
            setattr(entry, name, value)
        entry.updated_at = utcnow()


def delete_journal_entry(database: Database, entry_id: str) -> None:
    """Remove a note (one transaction)."""
    with database.write() as session:
        session.delete(_entry(session, entry_id))


def _lines(session: Session, *where: Any) -> list[JournalLine]:
    contract_employer = aliased(Employer)
    rows = session.execute(
        select(JournalEntry.id, JournalEntry.participant_id, Participant.last_name,
               Participant.first_name, JournalEntry.written_on, JournalEntry.kind, Coach.name,
               JournalEntry.text, Employer.name, contract_employer.name, JournalEntry.coach_id,
               JournalEntry.contract_id, JournalEntry.employer_id)
        .join(Participant, Participant.id == JournalEntry.participant_id)
        .outerjoin(Coach, Coach.id == JournalEntry.coach_id)
        .outerjoin(Employer, Employer.id == JournalEntry.employer_id)
        .outerjoin(Contract, Contract.id == JournalEntry.contract_id)
        .outerjoin(contract_employer, contract_employer.id == Contract.employer_id)
        .where(*where)
        .order_by(JournalEntry.written_on.desc(), JournalEntry.created_at.desc())
    ).all()
    return [
        JournalLine(entry_id, pid, person_name(last, first), written_on, kind, coach or "",
                    text, employer or contract_employer_name or "",
                    JournalDraft(written_on, kind, text, coach_id, contract_id, employer_id))
        for (entry_id, pid, last, first, written_on, kind, coach, text, employer,
             contract_employer_name, coach_id, contract_id, employer_id) in rows
    ]


def journal_of(database: Database, participant_id: str) -> list[JournalLine]:
    """A person's notes, newest first."""
    with database.read() as session:
        return _lines(session, JournalEntry.participant_id == participant_id)


def search_journal(
    database: Database, search: str, *, participant_id: str | None = None,
    cohort_id: str | None = None,
) -> list[JournalLine]:
    """The notes holding every word of ``search``, whatever their case and accents
    (« eleve » finds « Élève »), newest first; of one person, one promotion, or all."""
    words = fold(search).split()
    if len(" ".join(words)) < MIN_SEARCH_LENGTH:
        return journal_of(database, participant_id) if participant_id else []
    where: list[Any] = [JournalEntry.search_text.contains(word, autoescape=True)
                        for word in words]
    if participant_id is not None:
        where.append(JournalEntry.participant_id == participant_id)
    if cohort_id is not None:
        where.append(Participant.cohort_id == cohort_id)
    with database.read() as session:
        return _lines(session, *where)


# --- read inside the agenda's transaction ------------------------------------------------------


def journal_agenda_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    """The notes written during the week, for the week's agenda (shared on purpose: read in
    the agenda's one transaction)."""
    items = []
    for line in _lines(session, JournalEntry.written_on.between(monday, sunday),
                       Participant.cohort_id == cohort_id if cohort_id else true()):
        by = f" ({line.coach})" if line.coach else ""
        about = f" — {line.employer}" if line.employer else ""
        items.append(AgendaItem(line.written_on, "journal", line.participant,
                                f"{line.kind_label}{by}{about} : {line.text}",
                                line.participant_id, "journal_entry", line.id,
                                line.draft.contract_id))
    return items


def contract_choices(database: Database, participant_id: str) -> list[tuple[str, str]]:
    """The person's contracts a note may be about: (id, « Contrat chez X du JJ/MM/AAAA »)."""
    with database.read() as session:
        rows = session.execute(
            select(Contract.id, Employer.name, Contract.start_date)
            .join(Employer, Employer.id == Contract.employer_id)
            .where(Contract.participant_id == participant_id)
            .order_by(Contract.start_date)
        ).all()
    return [(contract_id, f"Contrat chez {employer} du {fr_date(start)}")
            for contract_id, employer, start in rows]
