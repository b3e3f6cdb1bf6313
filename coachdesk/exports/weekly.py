"""The weekly workbook for the Mission Locale: the summary, the cohort's people, the week's
actions and the contracts, as of the exported week.

What a counsellor gets, in this order of tabs:

* « Synthèse »: the funnel with what changed since the previous weekly export, then what this
  workbook holds — how many people it lists, how many it leaves out and why (by default only
  the people still in the programme whose consent is recorded, ``weekly_scope``), and how its
  contracts add up to the funnel's figures (young people and adults apart);
* « Jeunes », « Actions de la semaine », « Contrats »: the people listed, and what happened to
  them, as known at the end of the week — for a past week, a rupture dated after the week is
  not shown, the contract was running.

Printed, every page names its people (``xlsx_print``). Every query selects columns (SQLAlchemy
Core rows, never ORM objects) and the people are streamed to the writer, so an 80,000-person
cohort is written in flat memory: the people's sheet decides who is listed while it is written,
the next sheets keep only them, and the Synthèse, counted from all of them, is written last and
shown first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.exports._common import (
    STREAM_BATCH,
    PreviousExport,
    alphabetical,
    log_export,
    previous_export,
    recording,
)
from coachdesk.exports.profiles import Profile
from coachdesk.exports.weekly_actions import ACTION_COLUMNS, week_actions
from coachdesk.exports.weekly_people import PEOPLE_COLUMNS, people_rows
from coachdesk.exports.weekly_scope import (
    IDENTITY_KEYS,
    KIND,
    REASON_WORDS,
    Listing,
    find_weekly_profile,
)
from coachdesk.exports.xlsx import (
    CancelCheck,
    Column,
    ExportResult,
    ProgressCallback,
    Sheet,
    write_workbook,
)
from coachdesk.models import Contract, Employer, EmployerContact, FollowUpVisit, Participant, codes
from coachdesk.services.clock import today_for
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.contract_terms import RUNNING_STATUSES, contract_status, trial_period_end
from coachdesk.services.funnel import FUNNEL_LABELS, FUNNEL_STAGES, Funnel, compute_funnel
from coachdesk.services.text import person_name
from coachdesk.services.weeks import IsoWeek, week_label

RECIPIENT = "Mission Locale"

SUMMARY, PEOPLE, ACTIONS, CONTRACTS = "Synthèse", "Jeunes", "Actions de la semaine", "Contrats"
# The tabs as a counsellor reads them; the sheets are written with the summary last.
TABS = (SUMMARY, PEOPLE, ACTIONS, CONTRACTS)

CONTRACT_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("public", "Public", width=8),
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
    Column("indicator", "Indicateur", width=58),
    Column("count", "Nombre", "int", 10),
    Column("rate", "Taux de conversion", "percent", 12),
    Column("previous", "Export précédent", "int", 12),
    Column("change", "Évolution", "int", 10),
]

@dataclass(frozen=True)
class WeeklyExport:
    """What was exported: the file, the week, the cohort, the funnel, who was listed, the log
    entry."""

    result: ExportResult
    week: IsoWeek
    cohort_id: str
    cohort_name: str
    funnel: Funnel
    log_id: str
    listed: int = 0
    left_out: dict[str, int] | None = None


@dataclass
class ContractCount:
    """The contracts of the exported week, counted while the « Contrats » sheet is written."""

    young: int = 0
    adult: int = 0
    young_people: int = 0
    not_listed: int = 0

    @property
    def listed(self) -> int:
        return self.young + self.adult - self.not_listed


# --- "Contrats" -------------------------------------------------------------------------------

def contract_rows(
    session: Session, cohort_id: str, day: date, *, listed: set[str] | None = None,
    count: ContractCount | None = None, past_week: bool = False,
) -> Iterator[tuple[Any, ...]]:
    """The contracts of the cohort signed by ``day``, as they stood on that day, with their
    trial period end and next visit.

    Args:
        listed: the people the workbook lists (None: everyone); the others' contracts are
            counted in ``count``, not written.
        past_week: ``day`` is in the past: a rupture or an OPCO decision dated after it was not
            known yet (the contract shows as running, the OPCO's answer as awaited).
    """
    tutor = aliased(EmployerContact)
    # A visit planned for after the day, not done by then.
    planned = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.planned_on).label("planned"))
        .where(FollowUpVisit.planned_on > day,
               (FollowUpVisit.done_on.is_(None)) | (FollowUpVisit.done_on > day))
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    # The next visit announced at a visit done by the day.
    announced = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.next_visit_on).label("announced"))
        .where(FollowUpVisit.next_visit_on > day,
               (FollowUpVisit.done_on.is_(None)) | (FollowUpVisit.done_on <= day))
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    statement = (
        select(
            Participant.id, Participant.is_adult,
            Participant.last_name, Participant.first_name, Employer.name.label("employer"),
            func.coalesce(Contract.workplace_siret, Employer.siret).label("siret"),
            tutor.last_name.label("tutor_last"), tutor.first_name.label("tutor_first"),
            Contract.contract_type, Contract.job_title, Contract.signed_on, Contract.start_date,
            Contract.end_date, Contract.trial_period_end_override, Contract.rupture_on,
            Contract.rupture_by, Contract.rupture_reason_category, Contract.opco,
            Employer.opco.label("employer_opco"), Contract.sent_to_opco_on,
            Contract.opco_decision, Contract.opco_decision_on,
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
    young_people: set[str] = set()
    for r in session.execute(statement, execution_options={"yield_per": STREAM_BATCH}):
        if count is not None:
            if r.is_adult:
                count.adult += 1
            else:
                count.young += 1
                young_people.add(r.id)
                count.young_people = len(young_people)
        if listed is not None and r.id not in listed:
            if count is not None:
                count.not_listed += 1
            continue
        rupture_on = r.rupture_on
        if past_week and rupture_on is not None and rupture_on > day:
            rupture_on = None
        decision, decided_on = r.opco_decision, r.opco_decision_on
        if past_week and decided_on is not None and decided_on > day:
            decision = "en_attente" if r.sent_to_opco_on and r.sent_to_opco_on <= day else None
        trial_end = trial_period_end(
            r.contract_type, r.start_date, r.end_date, r.trial_period_end_override
        )
        status = contract_status(r.start_date, r.end_date, rupture_on, day)
        in_trial = rupture_on <= trial_end if rupture_on is not None else None
        next_visit = None
        if status in RUNNING_STATUSES:
            candidates = [d for d in (r.planned, r.announced) if d is not None]
            next_visit = min(candidates) if candidates else None
        yield (
            r.last_name, r.first_name, "Adulte" if r.is_adult else "Jeune", r.employer, r.siret,
            person_name(r.tutor_last, r.tutor_first) or None,
            codes.CONTRACT_TYPES.get(r.contract_type, r.contract_type), r.job_title,
            r.signed_on, r.start_date, r.end_date, trial_end, status, rupture_on, in_trial,
            codes.RUPTURE_BY.get(r.rupture_by, r.rupture_by)
            if rupture_on and r.rupture_by else None,
            codes.RUPTURE_REASONS.get(r.rupture_reason_category, r.rupture_reason_category)
            if rupture_on and r.rupture_reason_category else None,
            r.opco or r.employer_opco,
            codes.OPCO_DECISIONS.get(decision, decision) if decision else None,
            next_visit,
        )


# --- "Synthèse" -------------------------------------------------------------------------------

# The certificate comes at the end of the training (the note d'étape and the dashboard count
# it); one more line would push the Synthèse onto a second printed page in LibreOffice.
NOT_IN_WEEKLY_SUMMARY = frozenset({"qualifications_obtained"})


def summary_rows(
    funnel: Funnel, previous: dict[str, int] | None
) -> list[tuple[Any, ...]]:
    """The funnel, each figure with its conversion rate and its change since the last export."""
    figures = funnel.figures()
    stages = dict(FUNNEL_STAGES)
    rows = []
    for key, label in FUNNEL_LABELS.items():
        if key in NOT_IN_WEEKLY_SUMMARY:
            continue
        value = figures[key]
        rate = funnel.conversion(key) if stages.get(key) else None
        before = previous.get(key) if previous else None
        change = value - before if isinstance(before, int) else None
        rows.append((label, value, rate, before, change))
    return rows


def workbook_rows(listing: Listing, contracts: ContractCount) -> list[tuple[Any, ...]]:
    """What the workbook's other sheets hold, in figures that add up (read once they are
    written)."""
    rows: list[tuple[Any, ...]] = [
        (None,) * 5,
        ("Ce classeur", None, None, None, None),
        (f"Personnes listées dans la feuille « {PEOPLE} »", len(listing.listed)),
        ("… dont adultes (colonne « Public »)", listing.listed_adults),
        ("Personnes non listées", sum(listing.left_out.values())),
    ]
    rows += [(f"… {REASON_WORDS[reason][1]}", listing.left_out[reason])
             for reason in REASON_WORDS if listing.left_out.get(reason)]
    rows += [
        ("Contrats signés, jeunes et adultes", contracts.young + contracts.adult),
        ("… dont contrats de jeunes", contracts.young),
        ("… dont contrats d'adultes (colonne « Public »)", contracts.adult),
        (f"Contrats listés dans la feuille « {CONTRACTS} »", contracts.listed),
        ("Contrats non listés (personne non listée)", contracts.not_listed),
    ]
    return [(*row, *(None,) * (5 - len(row))) for row in rows]


def _plural(count: int, one: str, several: str) -> str:
    return f"{count} {several if count > 1 else one}"


def listing_line(listing: Listing, profile: Profile) -> str:
    """The Synthèse's sentence on who the workbook lists and who it leaves out, and why."""
    everyone = listing.everyone
    line = (f"Personnes listées : {len(listing.listed)} sur {everyone} "
            f"(profil « {profile.recipient} »).")
    left_out = listing.left_out_words()
    if left_out:
        line += " Non listées : " + ", ".join(left_out) + "."
    return line + " Les chiffres de la synthèse comptent toutes les personnes."


def contracts_line(contracts: ContractCount, funnel: Funnel) -> str:
    """How the « Contrats » sheet adds up to the funnel's « Contrats … signés »."""
    signed = contracts.young + contracts.adult
    young = _plural(contracts.young, "de jeune", "de jeunes")
    if contracts.young_people != contracts.young:
        young += f" ({_plural(contracts.young_people, 'personne', 'personnes')})"
    line = (
        f"Contrats : {_plural(signed, 'signé', 'signés')}, {young} (la ligne "
        f"« {FUNNEL_LABELS['contracts_signed']} » compte "
        f"{_plural(funnel.contracts_signed, 'jeune', 'jeunes')}) et "
        f"{_plural(contracts.adult, 'd’adulte', 'd’adultes')} (« Adulte » dans la colonne "
        f"« Public ») ; {_plural(contracts.listed, 'listé', 'listés')} dans la feuille "
        f"« {CONTRACTS} »"
    )
    if contracts.not_listed:
        line += (f", {_plural(contracts.not_listed, 'non listé', 'non listés')} "
                 "(personne non listée)")
    return line + "."


def week_words(week: IsoWeek) -> str:
    """« semaine 28 (du 12 au 18 juillet 2010) »: the week as CoachDesk writes it everywhere."""
    return week_label(week)


def _week_reference_day(week: IsoWeek, today: date) -> date:
    """The day the sheets describe: the week's Sunday, or today for the current week."""
    return min(week.sunday, max(today, week.monday))


# --- The workbook -----------------------------------------------------------------------------

def people_columns(profile: Profile) -> list[Column]:
    """The « Jeunes » columns a profile gives: the names first (printed on every page), then
    the profile's columns in its order, under its labels.

    Raises:
        UserError: the profile names a column the sheet does not have.
    """
    known = {column.key: column for column in PEOPLE_COLUMNS}
    unknown = [c.key for c in profile.columns if c.key not in known]
    if unknown:
        raise UserError(
            f"Le profil d'export « {profile.name} » cite des colonnes inconnues : "
            f"{', '.join(unknown)}.",
            hint="Colonnes disponibles : " + ", ".join(known) + ".",
        )
    labels = {c.key: c.label for c in profile.columns}
    keys = [*IDENTITY_KEYS, *(c.key for c in profile.columns if c.key not in IDENTITY_KEYS)]
    return [Column(key, labels.get(key) or known[key].label, known[key].kind, known[key].width)
            for key in keys]


@dataclass
class WeeklySheets:
    """The workbook's sheets in writing order, with what they count as they are written."""

    sheets: list[Sheet]
    listing: Listing
    contracts: ContractCount


def weekly_sheets(
    session: Session,
    cohort_id: str,
    cohort_name: str,
    week: IsoWeek,
    day: date,
    *,
    today: date,
    profile: Profile,
    funnel: Funnel,
    previous: PreviousExport | None,
) -> WeeklySheets:
    """The sheets of the weekly workbook, their rows still to be read (``write_workbook``
    reads them in this order: the people, their actions, their contracts, then the summary
    of them all)."""
    past_week = day < today
    listing = Listing.for_profile(profile)
    contracts = ContractCount()
    columns = people_columns(profile)
    position = {column.key: index for index, column in enumerate(PEOPLE_COLUMNS)}
    pick = itemgetter(*(position[column.key] for column in columns))
    people = map(pick, people_rows(session, cohort_id, day, listing=listing,
                                   past_week=past_week))
    expected = session.scalar(
        select(func.count(Participant.id)).where(
            Participant.cohort_id == cohort_id, Participant.listed_on <= day
        )
    )
    previous_figures = previous.summary.get("funnel") if previous else None
    if previous is not None:
        previously = (f"Évolution depuis l'export du {previous.exported_at:%d/%m/%Y} "
                      f"({previous.file_name})")
    else:
        previously = "Premier export hebdomadaire de cette promotion"

    def titles() -> Iterator[str]:
        # Read when the summary is written, after the sheets it counts.
        yield cohort_name
        yield f"Situation au {day:%d/%m/%Y}, {week_words(week)}"
        yield previously
        yield listing_line(listing, profile)
        yield contracts_line(contracts, funnel)

    def summary() -> Iterator[tuple[Any, ...]]:
        yield from summary_rows(funnel, previous_figures
                                if isinstance(previous_figures, dict) else None)
        yield from workbook_rows(listing, contracts)

    sheets = [
        Sheet(PEOPLE, columns, people, expected_rows=expected,
              identity_columns=len(IDENTITY_KEYS)),
        Sheet(ACTIONS, ACTION_COLUMNS, week_actions(session, cohort_id, week, listing.listed)),
        Sheet(CONTRACTS, CONTRACT_COLUMNS,
              contract_rows(session, cohort_id, day, listed=listing.listed, count=contracts,
                            past_week=past_week),
              identity_columns=len(IDENTITY_KEYS)),
        Sheet(SUMMARY, SUMMARY_COLUMNS, summary(), title_lines=titles()),
    ]
    return WeeklySheets(sheets, listing, contracts)


def export_weekly(
    database: Database,
    out: Path | str,
    *,
    week: IsoWeek | None = None,
    cohort_name: str | None = None,
    today: date | None = None,
    profile: str | Profile | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    password: str | None = None,
) -> WeeklyExport:
    """Write the Mission Locale's weekly workbook and log it.

    Args:
        week: the ISO week (default: the current week).
        cohort_name: the cohort (default: the latest one).
        today: the current day (tests pin it).
        profile: a weekly profile or its name (default: the Mission Locale's, see
            ``weekly_scope``).
        password: encrypt the workbook with it (``xlsx.write_workbook``).

    Raises:
        UserError: no such cohort or profile, or the file cannot be written.
    """
    today = today or today_for(database)
    week = week or IsoWeek.of(today)
    day = _week_reference_day(week, today)
    if not isinstance(profile, Profile):
        profile = find_weekly_profile(profile)
    target = Path(out)
    with database.read() as session:
        cohort = find_cohort(session, cohort_name)
        funnel = compute_funnel(session, cohort.id, day)
        previous = previous_export(session, KIND, cohort.id)
        built = weekly_sheets(session, cohort.id, cohort.name, week, day, today=today,
                              profile=profile, funnel=funnel, previous=previous)
        result = write_workbook(target, built.sheets, progress=progress,
                                is_cancelled=is_cancelled, tabs=TABS, password=password)
    listing = built.listing
    with recording(database, result) as session:
        log_id = log_export(
            session, kind=KIND, recipient=profile.recipient, result=result, cohort_id=cohort.id,
            summary={"week": week.code, "as_of": day.isoformat(), "funnel": funnel.figures(),
                     "profile": profile.name, "listed": len(listing.listed),
                     "left_out": dict(listing.left_out)},
        )
    return WeeklyExport(result, week, cohort.id, cohort.name, funnel, log_id,
                        len(listing.listed), dict(listing.left_out))

