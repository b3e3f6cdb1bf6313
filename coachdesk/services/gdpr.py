"""GDPR duties: retention and purge, right of access, erasure, information/consent dates.

* **Last contact**: the latest dated event about a person, across every table (listing in the
  contact file, outreach, meetings, interviews, bilan, projects, referrals, contracts, visits,
  outcomes, consent). Future dates (a contract still running) count: the person is still
  followed.
* **Retention**: by default two years after the last contact, as the CNIL's reference framework
  for the support of young people recommends; the number of years is a parameter.
* **Purge** deletes the people past retention and logs only how many, never who.
* **Erasure** deletes one person from every table. Rows referring to a person are removed by the
  database's ``ON DELETE CASCADE`` foreign keys; ``erase`` then checks nothing is left.
* **Right of access**: everything known about one person, one sheet per kind of record
  (``access_report``); ``coachdesk.exports.access`` writes it as a workbook, and the person's
  documents beside it.
* After an erasure or a purge the write-ahead log is checkpointed and emptied
  (``erase_for_good``, ``purge_for_good``): the erased rows' old pages do not stay in ``-wal``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, delete, func, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Attendance,
    BilanAttendance,
    BilanMember,
    BilanSession,
    Coach,
    Cohort,
    Contract,
    Document,
    DocumentContent,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    InterviewChecklistItem,
    JournalEntry,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    RecruitmentInterview,
    Referral,
    Reminder,
    SelectionInterview,
    SkillAssessment,
    Training,
    TrainingAbsence,
    TrainingAssessment,
    codes,
)
from coachdesk.services import audit, enrolment
from coachdesk.services.clock import clock_day
from coachdesk.services.documents import documents_in, documents_of_people, neutral_name
from coachdesk.services.follow_on import linked_files_in

DEFAULT_RETENTION_YEARS = 2


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


# (participant column, dated column, joins) — each gives, per person, a date they were in contact.
def _dated_sources() -> list[Any]:
    direct: list[tuple[Any, Any]] = [
        (Participant.id, Participant.listed_on),
        (Participant.id, Participant.consent_date),
        (Participant.id, Participant.imported_at),
        (Outreach.participant_id, Outreach.done_on),
        (SelectionInterview.participant_id, SelectionInterview.held_on),
        (BilanMember.participant_id, BilanMember.started_on),
        (BilanMember.participant_id, BilanMember.left_on),
        (SkillAssessment.participant_id, SkillAssessment.assessed_before_on),
        (SkillAssessment.participant_id, SkillAssessment.assessed_after_on),
        (ProfessionalProject.participant_id, ProfessionalProject.decided_on),
        (Referral.participant_id, Referral.proposed_on),
        (Referral.participant_id, Referral.status_on),
        (Enrolment.participant_id, Enrolment.enrolled_on),
        (Enrolment.participant_id, Enrolment.confirmed_on),
        (Enrolment.participant_id, Enrolment.lapsed_on),
        (Contract.participant_id, Contract.signed_on),
        (Contract.participant_id, Contract.start_date),
        (Contract.participant_id, Contract.end_date),
        (Contract.participant_id, Contract.rupture_on),
        (Outcome.participant_id, Outcome.recorded_on),
        (JournalEntry.participant_id, JournalEntry.written_on),
        (Training.participant_id, Training.end_date),
        (Training.participant_id, Training.result_on),
    ]
    statements = [
        select(person, func.max(day)).where(day.is_not(None)).group_by(person)
        for person, day in direct
    ]
    statements += [
        select(Attendance.participant_id, func.max(InfoSession.starts_at))
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(Attendance.status == "present")
        .group_by(Attendance.participant_id),
        select(BilanAttendance.participant_id, func.max(BilanSession.held_on))
        .join(BilanSession, BilanSession.id == BilanAttendance.session_id)
        .where(BilanAttendance.present.is_(True))
        .group_by(BilanAttendance.participant_id),
        select(Referral.participant_id, func.max(RecruitmentInterview.starts_at))
        .join(Referral, Referral.id == RecruitmentInterview.referral_id)
        .group_by(Referral.participant_id),
        select(Contract.participant_id, func.max(FollowUpVisit.done_on))
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .where(FollowUpVisit.done_on.is_not(None))
        .group_by(Contract.participant_id),
    ]
    return statements


def last_contact_dates(session: Session) -> dict[str, date]:
    """Each person's last contact date (every person has one: the day they were listed)."""
    latest: dict[str, date] = {}
    for statement in _dated_sources():
        for person, value in session.execute(statement):
            day = _as_date(value)
            if day is not None and (person not in latest or day > latest[person]):
                latest[person] = day
    return latest


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class PurgeCandidate:
    participant_id: str
    last_name: str
    first_name: str
    cohort_name: str
    last_contact: date
    kept_until: date


def purge_candidates(
    database: Database, today: date, years: int = DEFAULT_RETENTION_YEARS
) -> list[PurgeCandidate]:
    """Who the retention rule would purge today: last contact more than ``years`` ago."""
    with database.read() as session:
        return _purge_candidates(session, today, years)


def _purge_candidates(session: Session, today: date, years: int) -> list[PurgeCandidate]:
    if years < 1:
        raise UserError("La durée de conservation doit être d'au moins un an.")
    latest = last_contact_dates(session)
    rows = session.execute(
        select(Participant.id, Participant.last_name, Participant.first_name, Cohort.name)
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .order_by(Participant.last_name, Participant.first_name)
    )
    result = []
    for person_id, last_name, first_name, cohort_name in rows:
        kept_until = _add_years(latest[person_id], years)
        if kept_until < today:
            result.append(
                PurgeCandidate(
                    person_id, last_name, first_name, cohort_name, latest[person_id], kept_until
                )
            )
    return result


def _delete_people(session: Session, ids: list[str]) -> int:
    """Delete people and everything about them; returns how many rows went in all."""
    if not ids:
        return 0
    before = _row_total(session)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # Reminders are the one link that is optional; the cascade covers them, but a reminder
        # is about the person, so remove it explicitly too (PostgreSQL and SQLite alike).
        session.execute(delete(Reminder).where(Reminder.participant_id.in_(chunk)))
        # Their documents, attached to them, their contracts or visits: the bytes first.
        documents = select(Document.id).where(documents_of_people(chunk))
        session.execute(
            delete(DocumentContent).where(DocumentContent.document_id.in_(documents)))
        session.execute(delete(Document).where(documents_of_people(chunk)))
        session.execute(delete(Participant).where(Participant.id.in_(chunk)))
    session.flush()
    left = remaining_rows(session, ids)
    if left:
        raise RuntimeError(f"rows left after erasure: {left}")
    return before - _row_total(session)


_PERSON_TABLES: list[tuple[str, Any]] = [
    ("participant", Participant.id),
    ("reminder", Reminder.participant_id),
    ("journal_entry", JournalEntry.participant_id),
    ("outreach", Outreach.participant_id),
    ("attendance", Attendance.participant_id),
    ("selection_interview", SelectionInterview.participant_id),
    ("bilan_member", BilanMember.participant_id),
    ("bilan_attendance", BilanAttendance.participant_id),
    ("skill_assessment", SkillAssessment.participant_id),
    ("professional_project", ProfessionalProject.participant_id),
    ("referral", Referral.participant_id),
    ("enrolment", Enrolment.participant_id),
    ("contract", Contract.participant_id),
    ("outcome", Outcome.participant_id),
    ("training", Training.participant_id),
]


def _row_total(session: Session) -> int:
    total = 0
    for _name, column in _PERSON_TABLES:
        total += session.scalar(select(func.count()).select_from(column.table)) or 0
    for table in (FollowUpVisit, RecruitmentInterview, InterviewChecklistItem, TrainingAbsence,
                  TrainingAssessment, Document, DocumentContent):
        total += session.scalar(select(func.count()).select_from(table)) or 0
    return total


def remaining_rows(session: Session, ids: Iterable[str]) -> dict[str, int]:
    """Rows still about these people, per table (empty after an erasure)."""
    ids = list(ids)
    left = {}
    for name, column in _PERSON_TABLES:
        count = session.scalar(select(func.count()).where(column.in_(ids))) or 0
        if count:
            left[name] = count
    documents = session.scalar(select(func.count()).where(documents_of_people(ids))) or 0
    if documents:
        left["document"] = documents
    return left


def purge(
    session: Session, today: date, years: int = DEFAULT_RETENTION_YEARS
) -> int:
    """Delete everyone past retention; the audit log keeps only the count and the rule."""
    candidates = _purge_candidates(session, today, years)
    rows = _delete_people(session, [c.participant_id for c in candidates])
    audit.record(
        session,
        "purge",
        f"Règle : {years} ans après le dernier contact ; purge du {today:%d/%m/%Y} ; "
        f"{rows} lignes supprimées",
        count=len(candidates),
    )
    return len(candidates)


def erase(session: Session, participant_id: str) -> int:
    """Erase one person from every table (right to erasure), their files in other promotions
    too (``services.follow_on``); returns the rows removed."""
    files = linked_files_in(session, participant_id)
    if not files:
        raise UserError(
            f"Aucune personne n'a l'identifiant « {participant_id} ».",
            hint="Copiez l'identifiant depuis la fiche de la personne.",
        )
    rows = _delete_people(session, [file.participant_id for file in files])
    audit.record(session, "erasure", f"Effacement d'une personne ({rows} lignes)", count=1)
    return rows


# --- information / consent ----------------------------------------------------------------


@dataclass(frozen=True)
class MissingConsent:
    participant_id: str
    last_name: str
    first_name: str
    cohort_name: str
    listed_on: date
    source_file: str


def missing_consent(database: Database) -> list[MissingConsent]:
    """People with no recorded information/consent date."""
    with database.read() as session:
        return _missing_consent(session)


def _missing_consent(session: Session) -> list[MissingConsent]:
    rows = session.execute(
        select(
            Participant.id,
            Participant.last_name,
            Participant.first_name,
            Cohort.name,
            Participant.listed_on,
            Participant.source_file,
        )
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Participant.consent_date.is_(None))
        .order_by(Cohort.name, Participant.last_name, Participant.first_name)
    )
    return [MissingConsent(*row) for row in rows]


# --- right of access ----------------------------------------------------------------------

_SKIPPED_COLUMNS = {"id", "participant_id", "cohort_id", "search_text", "updated_at"}
_LABELS = {
    "created_at": "Enregistré le",
    "last_name": "Nom",
    "first_name": "Prénom",
    "birth_date": "Date de naissance",
    "is_adult": "Adulte",
    "phone": "Téléphone",
    "email": "Courriel",
    "address": "Adresse",
    "postcode": "Code postal",
    "city": "Ville",
    "ine": "INE",
    "university_track": "Filière universitaire",
    "bac_type": "Type de bac",
    "bac_series": "Série du bac",
    "bac_year": "Année du bac",
    "provenance": "Provenance",
    "listed_on": "Inscrit·e au fichier le",
    "coach_id": "Chargé·e",
    "follows_from_id": "Suite du dossier (identifiant)",
    "source_file": "Fichier d'origine",
    "source_sheet": "Feuille d'origine",
    "imported_at": "Importé le",
    "consent_date": "Date d'information / consentement",
    "notes": "Notes",
    "done_on": "Date",
    "channel": "Canal",
    "outcome": "Résultat",
    "campaign": "Campagne",
    "recall_on": "À rappeler le",
    "status": "Statut",
    "held_on": "Date",
    "interviewer": "Reçu·e par",
    "decision": "Décision",
    "motivation_notes": "Motivation",
    "started_on": "Début",
    "left_on": "Sortie",
    "domain": "Domaine",
    "job_title": "Métier",
    "rome_code": "Code ROME",
    "decided_on": "Décidé le",
    "proposed_on": "Proposée le",  # une mise en relation
    "status_on": "Statut au",
    "enrolled_on": "Inscrit·e le",
    "confirmed_on": "Confirmée le",
    "lapsed_on": "Caduque le",
    "start_date": "Début",
    "end_date": "Fin",
    "signed_on": "Signé le",
    "rupture_on": "Rupture le",
    "rupture_reason": "Motif de rupture",
    "kind": "Nature",
    "recorded_on": "Enregistré le",
    "expected_on": "Prévu le",
    "due_on": "Échéance",
    "text": "Texte",
    "done": "Fait",
    "starts_at": "Date et heure",
    "place": "Lieu",
    "planned_on": "Prévue le",
    "difficulties": "Difficultés",
    "actions": "Actions",
    "present": "Présent·e",
    "written_on": "Écrite le",
    "follow_up_months": "Suivi à (mois)",
    "mode": "Type de formation",
    "contract_id": "Contrat (identifiant)",
    "training_body_id": "Organisme de formation (identifiant)",
    "qualification": "Qualification préparée",
    "days_at_training_body": "Jours au centre par semaine",
    "days_at_work": "Jours en entreprise par semaine",
    "result": "Résultat",
    "result_on": "Résultat le",
    "training_id": "Formation (identifiant)",
    "absent_on": "Absent·e le",
    "hours": "Heures",
    "half_days": "Demi-journées",
    "justified": "Justifiée",
    "reason": "Motif",
    "source": "Origine",
    "assessed_on": "Évalué·e le",
    "subject": "Matière",
    "grade": "Note sur 20",
}
_VOCABULARIES = {
    ("participant", "provenance"): codes.PROVENANCES,
    ("participant", "bac_type"): codes.BAC_TYPES,
    ("outreach", "channel"): codes.OUTREACH_CHANNELS,
    ("outreach", "outcome"): codes.OUTREACH_OUTCOMES,
    ("attendance", "status"): codes.ATTENDANCE_STATUSES,
    ("selection_interview", "decision"): codes.SELECTION_DECISIONS,
    ("bilan_member", "status"): codes.BILAN_STATUSES,
    ("professional_project", "decision"): codes.PROJECT_DECISIONS,
    ("referral", "status"): codes.REFERRAL_STATUSES,
    ("enrolment", "status"): codes.ENROLMENT_STATUSES,
    ("contract", "contract_type"): codes.CONTRACT_TYPES,
    ("contract", "rupture_by"): codes.RUPTURE_BY,
    ("contract", "rupture_reason_category"): codes.RUPTURE_REASONS,
    ("outcome", "kind"): codes.OUTCOME_KINDS,
    ("follow_up_visit", "kind"): codes.VISIT_KINDS,
    ("journal_entry", "kind"): codes.JOURNAL_KINDS,
    ("recruitment_interview", "outcome"): codes.INTERVIEW_OUTCOMES,
    ("training", "mode"): codes.TRAINING_MODES,
    ("training", "result"): codes.TRAINING_RESULTS,
    ("training_absence", "source"): codes.TRAINING_ENTRY_SOURCES,
    ("training_assessment", "source"): codes.TRAINING_ENTRY_SOURCES,
}
_SHEETS: list[tuple[str, Any]] = [
    ("Prises de contact", Outreach),
    ("Réunions d'information", Attendance),
    ("Entretiens de sélection", SelectionInterview),
    ("Bilan", BilanMember),
    ("Présences au bilan", BilanAttendance),
    ("Positionnement", SkillAssessment),
    ("Projets professionnels", ProfessionalProject),
    ("Mises en relation", Referral),
    ("Contrats", Contract),
    ("Sorties", Outcome),
    ("Formations", Training),
    ("Rappels", Reminder),
    ("Journal", JournalEntry),
]


def _columns(model: Any) -> list[Column[Any]]:
    return [c for c in model.__table__.columns if c.name not in _SKIPPED_COLUMNS]


def _cell(table: str, column: str, value: Any, coaches: dict[str, str]) -> Any:
    if column == "coach_id":
        return coaches.get(value or "", "")
    if isinstance(value, bool):
        return "oui" if value else "non"
    vocabulary = _VOCABULARIES.get((table, column))
    if vocabulary and value in vocabulary:
        return vocabulary[value]
    return value


def _rows(session: Session, model: Any, where: Any) -> tuple[list[str], list[list[Any]]]:
    columns = _columns(model)
    table = model.__tablename__
    headers = [_LABELS.get(c.name, c.name.replace("_", " ").capitalize()) for c in columns]
    coaches = dict(session.execute(select(Coach.id, Coach.name)).all())
    rows = [
        [_cell(table, c.name, value, coaches) for c, value in zip(columns, row, strict=True)]
        for row in session.execute(select(*columns).where(where))
    ]
    return headers, rows


Sheet = tuple[list[str], list[list[Any]]]


def _enrolment_sheet(session: Session, participant_ids: list[str]) -> Sheet:
    """The place in the training (in each of the person's files) as it stands today, computed
    as everywhere else (what earlier versions stored about it is not said: it may be out of
    date)."""
    headers = ["Inscrit·e le", "Date limite", "Date limite propre à la personne",
               "Statut aujourd'hui", "Depuis le", "Enregistré le"]
    rows = []
    today = clock_day(session)  # the database's day (the demo's is 31/12/2010)
    for enrolled_on, own, deadline, contract_on, created_at in session.execute(
        select(Enrolment.enrolled_on, Enrolment.deadline_override,
               enrolment.deadline_column(), enrolment.first_contract_column(),
               Enrolment.created_at)
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(Enrolment.participant_id.in_(participant_ids))
    ):
        state = enrolment.effective_status(enrolled_on=enrolled_on, deadline=deadline,
                                           first_contract_on=contract_on, on=today)
        rows.append([enrolled_on, deadline, "oui" if own else "non", state.label, state.since,
                     created_at])
    return headers, rows


def access_report(session: Session, participant_id: str) -> dict[str, Sheet]:
    """Everything known about one person: sheet title → (headers, rows)."""
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError(f"Aucune personne n'a l'identifiant « {participant_id} ».")
    headers, rows = _rows(session, Participant, Participant.id == participant_id)
    cohort = session.get(Cohort, person.cohort_id)
    identity: list[list[Any]] = [
        ["Identifiant", participant_id], ["Promotion", cohort.name if cohort else ""]
    ]
    identity += [[label, value] for label, value in zip(headers, rows[0], strict=True)]
    latest = last_contact_dates(session).get(participant_id)
    identity.append(["Dernier contact", latest])
    # The same person followed in other promotions: their files are theirs too.
    files = linked_files_in(session, participant_id)
    identity += [["Dossier dans une autre promotion", f"{file.cohort_name} ({file.participant_id})"]
                 for file in files if file.participant_id != participant_id]
    ids = [file.participant_id for file in files]
    report: dict[str, Sheet] = {
        "Personne": (["Rubrique", "Valeur"], identity)
    }
    for title, model in _SHEETS:
        report[title] = _rows(session, model, model.participant_id.in_(ids))
        if model is Referral:
            report["Inscriptions"] = _enrolment_sheet(session, ids)
    contract_ids = select(Contract.id).where(Contract.participant_id.in_(ids))
    report["Visites de suivi"] = _rows(
        session, FollowUpVisit, FollowUpVisit.contract_id.in_(contract_ids)
    )
    training_ids = select(Training.id).where(Training.participant_id.in_(ids))
    report["Absences en formation"] = _rows(
        session, TrainingAbsence, TrainingAbsence.training_id.in_(training_ids))
    report["Évaluations en formation"] = _rows(
        session, TrainingAssessment, TrainingAssessment.training_id.in_(training_ids))
    referral_ids = select(Referral.id).where(Referral.participant_id.in_(ids))
    report["Entretiens de recrutement"] = _rows(
        session, RecruitmentInterview, RecruitmentInterview.referral_id.in_(referral_ids)
    )
    report["Documents"] = (
        ["Nom du fichier", "Type", "Taille", "Ajouté le", "Rattaché à", "Copie jointe"],
        [[row.file_name, row.kind, row.size_label, row.added_on, row.attached_to,
          neutral_name(row.id, row.extension)]
         for row in documents_in(session, documents_of_people(ids))],
    )
    return report


# --- erasing for good -----------------------------------------------------------------------


def _after_deletion(database: Database) -> None:
    # The old pages of the deleted rows may still be in the write-ahead log: fold it into the
    # file (where secure_delete zeroed them) and empty it. Copies kept beside the database
    # before a restore or a migration are rotated away like backups.
    from coachdesk.db import checkpoint_wal
    from coachdesk.services.backups import rotate_side_copies

    checkpoint_wal(database)
    if database.path is not None:
        rotate_side_copies(database.path)


def erase_for_good(database: Database, participant_id: str) -> int:
    """Erase one person (one transaction), then leave nothing of them in the write-ahead log."""
    with database.write() as session:
        rows = erase(session, participant_id)
    _after_deletion(database)
    return rows


def purge_for_good(database: Database, today: date, years: int = DEFAULT_RETENTION_YEARS) -> int:
    """Purge everyone past retention (one transaction), then empty the write-ahead log."""
    with database.write() as session:
        count = purge(session, today, years)
    _after_deletion(database)
    return count
