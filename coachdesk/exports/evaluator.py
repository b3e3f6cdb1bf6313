"""The evaluator's (CEREQ) pseudonymised export: who went how far, without saying who.

Each person is named by a stable pseudonym, an HMAC-SHA256 of their identifier under a random
key created once in the configuration folder of this computer and never exported. Re-running
the export gives the same pseudonyms (the evaluator can follow people from one delivery to the
next); another computer, or a new key, gives others. No name, contact detail or free text leaves:
only codes translated to labels, dates of the funnel steps, an age band instead of the birth
date.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk import paths
from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.exports._common import as_day, latest_per_participant, log_export, recording
from coachdesk.exports.xlsx import (
    CancelCheck,
    Column,
    ExportResult,
    ProgressCallback,
    Sheet,
    write_workbook,
)
from coachdesk.models import (
    Attendance,
    BilanMember,
    Cohort,
    Contract,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    RecruitmentInterview,
    Referral,
    SelectionInterview,
    codes,
)
from coachdesk.services import enrolment as enrolments
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_terms import trial_period_end

KIND = "evaluateur"
RECIPIENT = "Évaluateur (CEREQ)"
KEY_FILE = "cle-pseudonymisation.bin"
KEY_BYTES = 32
STREAM_BATCH = 2000

AGE_BANDS = ((18, "Moins de 18 ans"), (21, "18-20 ans"), (24, "21-23 ans"),
             (26, "24-25 ans"), (200, "26 ans et plus"))

PARTICIPANT_COLUMNS = [
    Column("pseudonym", "Pseudonyme", width=20),
    Column("cohort", "Promotion", width=28),
    Column("is_adult", "Adulte", "bool", 8),
    Column("age_band", "Tranche d'âge à l'entrée", width=16),
    Column("provenance", "Provenance", width=22),
    Column("bac_type", "Type de bac", width=20),
    Column("bac_year", "Année du bac", "int", 10),
    Column("listed_on", "Entrée dans le fichier", "date", 12),
    Column("first_outreach_on", "Premier contact", "date", 12),
    Column("info_session_on", "Réunion d'information (présent·e)", "date", 12),
    Column("selection_on", "Entretien de sélection", "date", 12),
    Column("selection_decision", "Décision de sélection", width=14),
    Column("bilan_started_on", "Entrée en bilan", "date", 12),
    Column("bilan_status", "Issue du bilan", width=12),
    Column("project_validated_on", "Projet validé le", "date", 12),
    Column("project_rome", "Code ROME du projet", width=10),
    Column("directly_employable", "Directement employable", "bool", 10),
    Column("enrolled_on", "Inscription en formation", "date", 12),
    Column("enrolment_status", "Statut de l'inscription", width=12),
    Column("contract_start", "Début du contrat", "date", 12),
    Column("contract_end", "Fin prévue du contrat", "date", 12),
    Column("rupture_on", "Rupture le", "date", 12),
    Column("rupture_in_trial", "Rupture pendant l'essai", "bool", 10),
    Column("rupture_by", "Rupture à l'initiative de", width=16),
    Column("rupture_reason", "Motif de la rupture", width=20),
    Column("outcome", "Dernière sortie, solution", width=30),
    Column("outcome_on", "Date de la sortie", "date", 12),
]

EVENT_COLUMNS = [
    Column("pseudonym", "Pseudonyme", width=20),
    Column("on", "Date", "date", 12),
    Column("event", "Événement", width=30),
    Column("result", "Résultat", width=30),
]


def key_path() -> Path:
    return paths.config_dir() / KEY_FILE


def load_or_create_key(path: Path | None = None) -> bytes:
    """The pseudonymisation key of this computer, created at the first export.

    Created with exclusive creation (two exports racing cannot end up with two keys) and
    readable by its owner only.
    """
    path = path or key_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    if len(data) == KEY_BYTES:
        return data
    if data:
        raise UserError(
            f"La clé de pseudonymisation « {path} » est endommagée.",
            hint="Restaurez-la depuis une sauvegarde : sans elle, les pseudonymes changeront "
            "et l'évaluateur ne pourra plus suivre les personnes d'un envoi à l'autre.",
        )
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o600)
    except FileExistsError:
        return load_or_create_key(path)
    with os.fdopen(handle, "wb") as stream:
        stream.write(key)
    return key


class Pseudonymiser:
    """Stable pseudonyms ``P-`` + 16 hex digits of HMAC-SHA256(key, participant id)."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, participant_id: str) -> str:
        digest = hmac.new(self._key, participant_id.encode("ascii"), hashlib.sha256)
        return "P-" + digest.hexdigest()[:16]


def age_band(birth_date: date | None, on: date) -> str:
    if birth_date is None:
        return "Inconnue"
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    for limit, label in AGE_BANDS:
        if age < limit:
            return label
    return AGE_BANDS[-1][1]


def _label(vocabulary: dict[str, str], code: str | None) -> str | None:
    return vocabulary.get(code, code) if code else None


def participant_rows(
    session: Session, pseudonym: Pseudonymiser, cohort_id: str | None, on: date | None = None
) -> Iterator[tuple[Any, ...]]:
    """One row per person; the enrolment's status is the one it has on ``on`` (the database's
    day)."""
    on = on or clock_day(session)
    pid = Participant.id
    first_outreach = (
        select(Outreach.participant_id.label("participant_id"),
               func.min(Outreach.done_on).label("on"))
        .group_by(Outreach.participant_id).subquery()
    )
    first_meeting = (
        select(Attendance.participant_id.label("participant_id"),
               func.min(InfoSession.starts_at).label("on"))
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(Attendance.status == "present")
        .group_by(Attendance.participant_id).subquery()
    )
    selection = latest_per_participant(
        SelectionInterview.participant_id, SelectionInterview.held_on,
        SelectionInterview.held_on.label("selection_on"),
        SelectionInterview.decision.label("selection_decision"),
    )
    bilan = latest_per_participant(
        BilanMember.participant_id, BilanMember.started_on,
        BilanMember.started_on.label("bilan_on"), BilanMember.status.label("bilan_status"),
    )
    project = latest_per_participant(
        ProfessionalProject.participant_id, ProfessionalProject.decided_on,
        ProfessionalProject.decided_on.label("project_on"),
        ProfessionalProject.rome_code.label("project_rome"),
        ProfessionalProject.directly_employable.label("employable"),
        where=(ProfessionalProject.decision == "valide",),
    )
    contract = latest_per_participant(
        Contract.participant_id, Contract.start_date,
        Contract.contract_type, Contract.start_date, Contract.end_date,
        Contract.trial_period_end_override, Contract.rupture_on, Contract.rupture_by,
        Contract.rupture_reason_category,
    )
    outcome = latest_per_participant(
        Outcome.participant_id, Outcome.recorded_on,
        Outcome.kind.label("outcome_kind"), Outcome.recorded_on.label("outcome_on"),
    )
    statement = (
        select(
            pid, Cohort.name.label("cohort"), Participant.is_adult, Participant.birth_date,
            Participant.provenance, Participant.bac_type, Participant.bac_year,
            Participant.listed_on, first_outreach.c.on.label("outreach_on"),
            first_meeting.c.on.label("meeting_on"),
            selection.c.selection_on, selection.c.selection_decision,
            bilan.c.bilan_on, bilan.c.bilan_status,
            project.c.project_on, project.c.project_rome, project.c.employable,
            # One enrolment per person (in their own promotion): its facts, the status below.
            Enrolment.enrolled_on, enrolments.deadline_column().label("deadline"),
            enrolments.first_contract_column().label("first_contract_on"),
            contract.c.contract_type, contract.c.start_date, contract.c.end_date,
            contract.c.trial_period_end_override, contract.c.rupture_on, contract.c.rupture_by,
            contract.c.rupture_reason_category,
            outcome.c.outcome_kind, outcome.c.outcome_on,
        )
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .outerjoin(first_outreach, first_outreach.c.participant_id == pid)
        .outerjoin(first_meeting, first_meeting.c.participant_id == pid)
        .outerjoin(selection, selection.c.participant_id == pid)
        .outerjoin(bilan, bilan.c.participant_id == pid)
        .outerjoin(project, project.c.participant_id == pid)
        .outerjoin(Enrolment, Enrolment.participant_id == pid)
        .outerjoin(contract, contract.c.participant_id == pid)
        .outerjoin(outcome, outcome.c.participant_id == pid)
        # The pseudonymised export must not leak the alphabetical order of names: order by id.
        .order_by(Cohort.start_date, pid)
    )
    if cohort_id is not None:
        statement = statement.where(Participant.cohort_id == cohort_id)
    for r in session.execute(statement, execution_options={"yield_per": STREAM_BATCH}):
        in_trial = None
        if r.rupture_on is not None:
            trial_end = trial_period_end(
                r.contract_type, r.start_date, r.end_date, r.trial_period_end_override
            )
            in_trial = r.rupture_on <= trial_end
        yield (
            pseudonym(r.id), r.cohort, r.is_adult, age_band(r.birth_date, r.listed_on),
            _label(codes.PROVENANCES, r.provenance), _label(codes.BAC_TYPES, r.bac_type),
            r.bac_year, r.listed_on, r.outreach_on, as_day(r.meeting_on), r.selection_on,
            _label(codes.SELECTION_DECISIONS, r.selection_decision), r.bilan_on,
            _label(codes.BILAN_STATUSES, r.bilan_status), r.project_on, r.project_rome,
            r.employable, r.enrolled_on, _enrolment_status(r, on),
            r.start_date, r.end_date, r.rupture_on, in_trial,
            _label(codes.RUPTURE_BY, r.rupture_by),
            _label(codes.RUPTURE_REASONS, r.rupture_reason_category),
            _label(codes.OUTCOME_KINDS, r.outcome_kind), r.outcome_on,
        )


def _enrolment_status(row: Any, on: date) -> str | None:
    if row.enrolled_on is None:
        return None
    return enrolments.effective_status(
        enrolled_on=row.enrolled_on, deadline=row.deadline,
        first_contract_on=row.first_contract_on, on=on,
    ).label


def _enrolment_events(
    session: Session, pseudonym: Pseudonymiser, cohort_id: str | None, on: date
) -> Iterator[tuple[Any, ...]]:
    """The enrolment's events, computed like its status: provisional, final, lapsed."""
    statement = (
        select(Enrolment.participant_id, Enrolment.enrolled_on,
               enrolments.deadline_column().label("deadline"),
               enrolments.first_contract_column().label("first_contract_on"))
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .order_by(Enrolment.participant_id)
    )
    if cohort_id is not None:
        statement = statement.where(Enrolment.cohort_id == cohort_id)
    confirmed: list[tuple[Any, ...]] = []
    lapsed: list[tuple[Any, ...]] = []
    for person, enrolled_on, deadline, contract_on in session.execute(
        statement, execution_options={"yield_per": STREAM_BATCH}
    ):
        name = pseudonym(person)
        yield (name, enrolled_on, "Inscription en formation",
               codes.ENROLMENT_STATUSES["provisoire"])
        state = enrolments.effective_status(enrolled_on=enrolled_on, deadline=deadline,
                                            first_contract_on=contract_on, on=on)
        if state.status != "provisoire":
            (confirmed if state.status == "confirmee" else lapsed).append(
                (name, state.since, f"Inscription {state.label.lower()}", state.label)
            )
    yield from confirmed
    yield from lapsed


def event_rows(
    session: Session, pseudonym: Pseudonymiser, cohort_id: str | None, on: date | None = None
) -> Iterator[tuple[Any, ...]]:
    """One row per dated event of each person, by kind then person: codes only, no free text.

    The enrolment's events are those it has had by ``on`` (the database's day)."""
    def scoped(statement: Any) -> Any:
        if cohort_id is None:
            return statement
        return statement.join(Participant, Participant.id == statement.selected_columns[0]).where(
            Participant.cohort_id == cohort_id
        )

    today = on or clock_day(session)
    # The enrolment (statement None) is computed, not read: see _enrolment_events.
    queries: list[tuple[str, Any, dict[str, str] | None]] = [
        ("Prise de contact", select(Outreach.participant_id, Outreach.done_on, Outreach.outcome),
         codes.OUTREACH_OUTCOMES),
        ("Réunion d'information",
         select(Attendance.participant_id, InfoSession.starts_at, Attendance.status)
         .join(InfoSession, InfoSession.id == Attendance.session_id), codes.ATTENDANCE_STATUSES),
        ("Entretien de sélection",
         select(SelectionInterview.participant_id, SelectionInterview.held_on,
                SelectionInterview.decision), codes.SELECTION_DECISIONS),
        ("Entrée en bilan",
         select(BilanMember.participant_id, BilanMember.started_on, BilanMember.status),
         codes.BILAN_STATUSES),
        ("Décision sur le projet",
         select(ProfessionalProject.participant_id, ProfessionalProject.decided_on,
                ProfessionalProject.decision)
         .where(ProfessionalProject.decided_on.is_not(None)), codes.PROJECT_DECISIONS),
        ("Mise en relation",
         select(Referral.participant_id, Referral.proposed_on, Referral.status),
         codes.REFERRAL_STATUSES),
        ("Entretien de recrutement",
         select(Referral.participant_id, RecruitmentInterview.starts_at,
                RecruitmentInterview.outcome)
         .join(Referral, Referral.id == RecruitmentInterview.referral_id),
         codes.INTERVIEW_OUTCOMES),
        ("Inscription en formation", None, None),
        ("Début du contrat",
         select(Contract.participant_id, Contract.start_date, Contract.contract_type),
         codes.CONTRACT_TYPES),
        ("Rupture du contrat",
         select(Contract.participant_id, Contract.rupture_on, Contract.rupture_reason_category)
         .where(Contract.rupture_on.is_not(None)), codes.RUPTURE_REASONS),
        ("Visite de suivi",
         select(Contract.participant_id, FollowUpVisit.done_on, FollowUpVisit.kind)
         .join(Contract, Contract.id == FollowUpVisit.contract_id)
         .where(FollowUpVisit.done_on.is_not(None)), codes.VISIT_KINDS),
        ("Sortie, solution",
         select(Outcome.participant_id, Outcome.recorded_on, Outcome.kind), codes.OUTCOME_KINDS),
    ]
    for label, statement, vocabulary in queries:
        if statement is None:
            yield from _enrolment_events(session, pseudonym, cohort_id, today)
            continue
        rows = session.execute(
            scoped(statement).order_by(statement.selected_columns[0],
                                       statement.selected_columns[1]),
            execution_options={"yield_per": STREAM_BATCH},
        )
        for participant_id, day, code in rows:
            yield (pseudonym(participant_id), as_day(day), label,
                   _label(vocabulary, code) if vocabulary else code)


@dataclass(frozen=True)
class EvaluatorExport:
    result: ExportResult
    log_id: str


def export_evaluator(
    database: Database,
    out: Path | str,
    *,
    cohort_name: str | None = None,
    key_file: Path | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    password: str | None = None,
) -> EvaluatorExport:
    """Write the pseudonymised workbook (every cohort, or one) and log it.

    A database that joined a team uses the team's key, so every laptop gives the evaluator the
    same pseudonyms; otherwise this computer's own key.
    """
    from coachdesk.sync.engine import team_key

    shared_key = team_key(database) if key_file is None else None
    pseudonym = Pseudonymiser(shared_key or load_or_create_key(key_file))
    with database.read() as session:
        cohort_id = None
        if cohort_name is not None:
            from coachdesk.services.cohorts import find_cohort

            cohort_id = find_cohort(session, cohort_name).id
        count_people = select(func.count(Participant.id))
        if cohort_id is not None:
            count_people = count_people.where(Participant.cohort_id == cohort_id)
        expected = session.scalar(count_people)
        generated = datetime.combine(date.today(), time()).strftime("%d/%m/%Y")
        sheets = [
            Sheet("Participants", PARTICIPANT_COLUMNS,
                  participant_rows(session, pseudonym, cohort_id), expected_rows=expected),
            Sheet("Événements", EVENT_COLUMNS, event_rows(session, pseudonym, cohort_id)),
            Sheet("Lisez-moi", [Column("note", "Note", width=100)], [
                (f"Export pseudonymisé CoachDesk du {generated}.",),
                ("Chaque personne est désignée par un pseudonyme stable d'un envoi à "
                 "l'autre ; aucun nom, coordonnée ni texte libre n'est transmis.",),
                ("L'âge est donné par tranche, calculé à l'entrée dans le fichier de contacts.",),
            ]),
        ]
        result = write_workbook(out, sheets, progress=progress, is_cancelled=is_cancelled,
                                password=password)
    with recording(database, result) as session:
        log_id = log_export(session, kind=KIND, recipient=RECIPIENT, result=result,
                            cohort_id=cohort_id)
    return EvaluatorExport(result, log_id)
