"""The contract lists for the OPCO (formerly OPCA, AGEFOS PME) and France Travail (Pôle emploi
until 2024).

One query gives every column a partner may receive; a profile (built in, or saved by the coach
under the recipient's name) chooses the columns, their order, their labels and the rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.exports._common import alphabetical, log_export, recording
from coachdesk.exports.profiles import Profile, ProfileColumn, apply_profile, load_profiles
from coachdesk.exports.xlsx import (
    CancelCheck,
    Column,
    ExportResult,
    ProgressCallback,
    Sheet,
    write_workbook,
)
from coachdesk.models import Contract, Employer, EmployerContact, Participant, codes
from coachdesk.services.clock import today_for
from coachdesk.services.contract_terms import trial_period_end
from coachdesk.services.text import person_name

KIND = "contrats"
STREAM_BATCH = 2000

CONTRACT_LIST_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("birth_date", "Date de naissance", "date", 12),
    Column("ine", "INE", width=14),
    Column("employer", "Employeur", width=26),
    Column("siret", "SIRET", width=16),
    Column("naf_code", "Code NAF", width=8),
    Column("employer_city", "Ville de l'employeur", width=16),
    Column("tutor", "Tuteur", width=20),
    Column("contract_type", "Type de contrat", width=10),
    Column("job_title", "Poste", width=22),
    Column("rome_code", "Code ROME", width=9),
    Column("qualification", "Qualification visée", width=22),
    Column("signed_on", "Signé le", "date", 12),
    Column("start_date", "Début", "date", 12),
    Column("end_date", "Fin prévue", "date", 12),
    Column("trial_end", "Fin de la période d'essai", "date", 12),
    Column("weekly_hours", "Heures par semaine", "decimal", 9),
    Column("training_hours", "Heures de formation", "int", 9),
    Column("gross_pay", "Salaire brut mensuel", "money_cents", 12),
    Column("opco", "OPCO", width=14),
    Column("sent_to_opco_on", "Envoyé à l'OPCO le", "date", 12),
    Column("opco_decision", "Décision de l'OPCO", width=12),
    Column("opco_decision_on", "Décision le", "date", 12),
    Column("status", "Statut", width=12),
    Column("rupture_on", "Rompu le", "date", 12),
    Column("rupture_in_trial", "Rupture pendant l'essai", "bool", 10),
    Column("rupture_by", "Rupture à l'initiative de", width=16),
    Column("rupture_reason", "Motif de la rupture", width=20),
]


def _profile(name: str, recipient: str, keys: str, **labels: str) -> Profile:
    return Profile(name, KIND, recipient,
                   tuple(ProfileColumn(key, labels.get(key)) for key in keys.split()))


DEFAULT_PROFILES: dict[str, Profile] = {
    "opco": _profile(
        "opco", "OPCO",
        "last_name first_name birth_date employer siret naf_code tutor contract_type job_title "
        "qualification signed_on start_date end_date trial_end weekly_hours training_hours "
        "gross_pay opco sent_to_opco_on opco_decision opco_decision_on status rupture_on "
        "rupture_by",
    ),
    "pole_emploi": _profile(
        "pole_emploi", "France Travail (ex-Pôle emploi)",
        "last_name first_name birth_date ine employer siret employer_city contract_type "
        "job_title rome_code start_date end_date status rupture_on",
        ine="Identifiant (INE)",
    ),
}


def _status(start: date, end: date | None, rupture_on: date | None, day: date) -> str:
    if rupture_on is not None and rupture_on <= day:
        return "Rompu"
    if start > day:
        return "À venir"
    if end is not None and end < day:
        return "Terminé"
    return "En cours"


def contract_list_rows(
    session: Session, cohort_id: str | None, day: date
) -> Iterator[tuple[Any, ...]]:
    tutor = aliased(EmployerContact)
    statement = (
        select(
            Participant.last_name, Participant.first_name, Participant.birth_date,
            Participant.ine, Employer.name.label("employer"),
            func.coalesce(Contract.workplace_siret, Employer.siret).label("siret"),
            Employer.naf_code, Employer.city.label("employer_city"),
            tutor.last_name.label("tutor_last"), tutor.first_name.label("tutor_first"),
            Contract.contract_type, Contract.job_title, Contract.rome_code,
            Contract.qualification, Contract.signed_on, Contract.start_date, Contract.end_date,
            Contract.trial_period_end_override, Contract.weekly_hours, Contract.training_hours,
            Contract.gross_monthly_pay_cents, Contract.opco, Employer.opco.label("employer_opco"),
            Contract.sent_to_opco_on, Contract.opco_decision, Contract.opco_decision_on,
            Contract.rupture_on, Contract.rupture_by, Contract.rupture_reason_category,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .outerjoin(tutor, tutor.id == Contract.tutor_id)
        .order_by(*alphabetical(), Contract.start_date)
    )
    if cohort_id is not None:
        statement = statement.where(Participant.cohort_id == cohort_id)
    for r in session.execute(statement, execution_options={"yield_per": STREAM_BATCH}):
        trial_end = trial_period_end(
            r.contract_type, r.start_date, r.end_date, r.trial_period_end_override
        )
        tutor_name = person_name(r.tutor_last, r.tutor_first)
        yield (
            person_name(r.last_name, None), r.first_name, r.birth_date, r.ine or None,
            r.employer, r.siret,
            r.naf_code or None, r.employer_city or None, tutor_name or None,
            codes.CONTRACT_TYPES.get(r.contract_type, r.contract_type), r.job_title or None,
            r.rome_code or None, r.qualification or None, r.signed_on, r.start_date, r.end_date,
            trial_end, r.weekly_hours, r.training_hours, r.gross_monthly_pay_cents,
            r.opco or r.employer_opco or None, r.sent_to_opco_on,
            codes.OPCO_DECISIONS.get(r.opco_decision) if r.opco_decision else None,
            r.opco_decision_on, _status(r.start_date, r.end_date, r.rupture_on, day),
            r.rupture_on,
            r.rupture_on <= trial_end if r.rupture_on is not None else None,
            codes.RUPTURE_BY.get(r.rupture_by) if r.rupture_by else None,
            codes.RUPTURE_REASONS.get(r.rupture_reason_category)
            if r.rupture_reason_category else None,
        )


def find_profile(recipient: str, saved: dict[str, Profile] | None = None) -> Profile:
    """The coach's saved profile of that name, else the built-in one."""
    saved = load_profiles() if saved is None else saved
    profile = saved.get(recipient) or DEFAULT_PROFILES.get(recipient)
    if profile is None or profile.export != KIND:
        names = sorted({*DEFAULT_PROFILES, *(n for n, p in saved.items() if p.export == KIND)})
        raise UserError(
            f"Aucun profil d'export de contrats ne s'appelle « {recipient} ».",
            hint="Profils disponibles : " + ", ".join(names) + ".",
        )
    return profile


def export_contracts(
    database: Database,
    out: Path | str,
    *,
    recipient: str = "opco",
    cohort_name: str | None = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    password: str | None = None,
) -> ExportResult:
    """Write the contract list for a recipient (its profile decides columns and rows); log it."""
    profile = find_profile(recipient)
    day = today or today_for(database)
    with database.read() as session:
        cohort_id = None
        if cohort_name is not None:
            from coachdesk.services.cohorts import find_cohort

            cohort_id = find_cohort(session, cohort_name).id
        sheet = Sheet("Contrats", CONTRACT_LIST_COLUMNS,
                      contract_list_rows(session, cohort_id, day))
        result = write_workbook(out, [apply_profile(sheet, profile)], progress=progress,
                                is_cancelled=is_cancelled, password=password)
    with recording(database, result) as session:
        log_export(session, kind=KIND, recipient=profile.recipient, result=result,
                   cohort_id=cohort_id, summary={"profile": profile.name})
    return result
