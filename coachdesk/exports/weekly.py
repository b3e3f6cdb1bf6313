"""The weekly workbook for the Mission Locale: the cohort's people, the week's actions, the
contracts, and the funnel with what changed since the previous weekly export.

Every query selects columns (SQLAlchemy Core rows, never ORM objects) and the participant list
is streamed to the writer, so an 80,000-person cohort is written in flat memory. The « Jeunes »
sheet is read in ``weekly_people``, the week's actions in ``weekly_actions``; this module holds
the contracts, the summary and the workbook itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.exports._common import (
    STREAM_BATCH,
    alphabetical,
    log_export,
    previous_export,
    recording,
)
from coachdesk.exports.weekly_actions import ACTION_COLUMNS, week_actions
from coachdesk.exports.weekly_people import PEOPLE_COLUMNS, people_rows
from coachdesk.exports.xlsx import (
    CancelCheck,
    Column,
    ExportResult,
    ProgressCallback,
    Sheet,
    write_workbook,
)
from coachdesk.models import Contract, Employer, EmployerContact, FollowUpVisit, Participant, codes
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.contract_terms import RUNNING_STATUSES, contract_status, trial_period_end
from coachdesk.services.funnel import FUNNEL_LABELS, FUNNEL_STAGES, Funnel, compute_funnel
from coachdesk.services.text import person_name
from coachdesk.services.weeks import IsoWeek

KIND = "hebdomadaire"
RECIPIENT = "Mission Locale"

CONTRACT_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("employer", "Employeur", width=24),
    Column("siret", "SIRET", width=16),
    Column("tutor", "Tuteur", width=20),
    Column("contract_type", "Type de contrat", width=10),
    Column("job_title", "Poste", width=22),
    Column("signed_on", "Signé le", "date", 12),
    Column("start_date", "Début", "date", 12),
    Column("end_date", "Fin prévue", "date", 12),
    Column("trial_end", "Fin de la période d'essai", "date", 12),
    Column("status", "Statut", width=16),
    Column("rupture_on", "Rompu le", "date", 12),
    Column("rupture_in_trial", "Rupture pendant l'essai", "bool", 10),
    Column("rupture_by", "Rupture à l'initiative de", width=18),
    Column("rupture_reason", "Motif de la rupture", width=22),
    Column("opco", "OPCO", width=14),
    Column("opco_decision", "Décision de l'OPCO", width=12),
    Column("next_visit_on", "Prochaine visite", "date", 12),
]

SUMMARY_COLUMNS = [
    Column("indicator", "Indicateur", width=52),
    Column("count", "Nombre", "int", 10),
    Column("rate", "Taux de conversion", "percent", 12),
    Column("previous", "Export précédent", "int", 12),
    Column("change", "Évolution", "int", 10),
]


@dataclass(frozen=True)
class WeeklyExport:
    """What was exported: the file, the week, the cohort, the funnel and the log entry."""

    result: ExportResult
    week: IsoWeek
    cohort_id: str
    cohort_name: str
    funnel: Funnel
    log_id: str


# --- "Contrats" -------------------------------------------------------------------------------

def contract_rows(session: Session, cohort_id: str, day: date) -> Iterator[tuple[Any, ...]]:
    """Every contract of the cohort's participants, with trial period end and next visit."""
    tutor = aliased(EmployerContact)
    planned = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.planned_on).label("planned"))
        .where(FollowUpVisit.done_on.is_(None), FollowUpVisit.planned_on > day)
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    announced = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.next_visit_on).label("announced"))
        .where(FollowUpVisit.next_visit_on > day)
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    statement = (
        select(
            Participant.last_name, Participant.first_name, Employer.name.label("employer"),
            func.coalesce(Contract.workplace_siret, Employer.siret).label("siret"),
            tutor.last_name.label("tutor_last"), tutor.first_name.label("tutor_first"),
            Contract.contract_type, Contract.job_title, Contract.signed_on, Contract.start_date,
            Contract.end_date, Contract.trial_period_end_override, Contract.rupture_on,
            Contract.rupture_by, Contract.rupture_reason_category, Contract.opco,
            Employer.opco.label("employer_opco"), Contract.opco_decision,
            planned.c.planned, announced.c.announced,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .outerjoin(tutor, tutor.id == Contract.tutor_id)
        .outerjoin(planned, planned.c.contract_id == Contract.id)
        .outerjoin(announced, announced.c.contract_id == Contract.id)
        .where(
            Participant.cohort_id == cohort_id,
            func.coalesce(Contract.signed_on, Contract.start_date) <= day,
        )
        .order_by(*alphabetical(), Contract.start_date)
    )
    for r in session.execute(statement, execution_options={"yield_per": STREAM_BATCH}):
        trial_end = trial_period_end(
            r.contract_type, r.start_date, r.end_date, r.trial_period_end_override
        )
        status = contract_status(r.start_date, r.end_date, r.rupture_on, day)
        in_trial = r.rupture_on <= trial_end if r.rupture_on is not None else None
        next_visit = None
        if status in RUNNING_STATUSES:
            candidates = [d for d in (r.planned, r.announced) if d is not None]
            next_visit = min(candidates) if candidates else None
        yield (
            r.last_name, r.first_name, r.employer, r.siret,
            person_name(r.tutor_last, r.tutor_first) or None,
            codes.CONTRACT_TYPES.get(r.contract_type, r.contract_type), r.job_title,
            r.signed_on, r.start_date, r.end_date, trial_end, status, r.rupture_on, in_trial,
            codes.RUPTURE_BY.get(r.rupture_by, r.rupture_by) if r.rupture_by else None,
            codes.RUPTURE_REASONS.get(r.rupture_reason_category, r.rupture_reason_category)
            if r.rupture_reason_category else None,
            r.opco or r.employer_opco,
            codes.OPCO_DECISIONS.get(r.opco_decision, r.opco_decision)
            if r.opco_decision else None,
            next_visit,
        )


# --- "Synthèse" -------------------------------------------------------------------------------

def summary_rows(
    funnel: Funnel, previous: dict[str, int] | None
) -> list[tuple[Any, ...]]:
    """The funnel, each figure with its conversion rate and its change since the last export."""
    figures = funnel.figures()
    stages = dict(FUNNEL_STAGES)
    rows = []
    for key, label in FUNNEL_LABELS.items():
        count = figures[key]
        rate = funnel.conversion(key) if stages.get(key) else None
        before = previous.get(key) if previous else None
        change = count - before if isinstance(before, int) else None
        rows.append((label, count, rate, before, change))
    return rows


def _week_reference_day(week: IsoWeek, today: date) -> date:
    """The day the sheets describe: the week's Sunday, or today for the current week."""
    return min(week.sunday, max(today, week.monday))


def export_weekly(
    database: Database,
    out: Path | str,
    *,
    week: IsoWeek | None = None,
    cohort_name: str | None = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    password: str | None = None,
) -> WeeklyExport:
    """Write the Mission Locale's weekly workbook and log it.

    Args:
        week: the ISO week (default: the current week).
        cohort_name: the cohort (default: the latest one).
        today: the current day (tests pin it).
        password: encrypt the workbook with it (``xlsx.write_workbook``).

    Raises:
        UserError: no such cohort, or the file cannot be written.
    """
    today = today or date.today()
    week = week or IsoWeek.of(today)
    day = _week_reference_day(week, today)
    target = Path(out)
    with database.read() as session:
        cohort = find_cohort(session, cohort_name)
        funnel = compute_funnel(session, cohort.id, day)
        previous = previous_export(session, KIND, cohort.id)
        previous_figures = previous.summary.get("funnel") if previous else None
        expected = session.scalar(
            select(func.count(Participant.id)).where(
                Participant.cohort_id == cohort.id, Participant.listed_on <= day
            )
        )
        period = (
            f"Semaine {week.code}, du {week.monday:%d/%m/%Y} au {week.sunday:%d/%m/%Y}"
        )
        if previous is not None:
            previously = (
                f"Évolution depuis l'export du {previous.exported_at:%d/%m/%Y} "
                f"({previous.file_name})"
            )
        else:
            previously = "Premier export hebdomadaire de cette promotion"
        sheets = [
            Sheet("Jeunes", PEOPLE_COLUMNS, people_rows(session, cohort.id, day),
                  expected_rows=expected),
            Sheet("Actions de la semaine", ACTION_COLUMNS, week_actions(session, cohort.id, week)),
            Sheet("Contrats", CONTRACT_COLUMNS, contract_rows(session, cohort.id, day)),
            Sheet(
                "Synthèse", SUMMARY_COLUMNS,
                summary_rows(funnel, previous_figures if isinstance(previous_figures, dict)
                             else None),
                title_lines=[
                    f"{cohort.name} — situation au {day:%d/%m/%Y}", period, previously,
                ],
            ),
        ]
        result = write_workbook(target, sheets, progress=progress, is_cancelled=is_cancelled,
                                password=password)
    with recording(database, result) as session:
        log_id = log_export(
            session, kind=KIND, recipient=RECIPIENT, result=result, cohort_id=cohort.id,
            summary={"week": week.code, "as_of": day.isoformat(), "funnel": funnel.figures()},
        )
    return WeeklyExport(result, week, cohort.id, cohort.name, funnel, log_id)
