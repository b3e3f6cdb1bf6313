"""Following a contract: its visit plan, its rupture, post-exit follow-ups, its checks.

The plan: a first visit before the trial period ends, then one every N weeks (N is the cohort's
``visit_interval_weeks``) until the contract ends or breaks. A visit report may set the next
date itself; a visit planned and not yet done is the next one due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Contract
from coachdesk.services import recording
from coachdesk.services.contract_rules import (
    ContractTerms,
    fr_date,
    trial_period_end,
)

FOLLOW_UP_MONTHS = (3, 6)
# Outcomes that mean the person has left the programme (the others are still followed).
EXIT_OUTCOMES = frozenset({
    "promesse_cdi", "promesse_embauche_date", "cdi", "cdd", "poursuite_etudes_inscrit",
    "emploi_hors_dispositif", "cours_du_soir", "perdu_de_vue",
})
RUPTURE_NOTIFY_OPCO_DAYS = 30


def follow_up_end(end_date: date | None, rupture_on: date | None) -> date | None:
    """Last day visits are due: the rupture, else the contract's end (None: open-ended CDI)."""
    if rupture_on is not None:
        return rupture_on
    return end_date


def next_visit_due(
    *,
    trial_end: date,
    interval_weeks: int,
    last_done_on: date | None,
    next_visit_on: date | None,
    next_planned_on: date | None,
    last_day: date | None,
) -> date | None:
    """When the next visit is due, or None when the follow-up is over.

    Args:
        last_done_on: the latest visit or call done.
        next_visit_on: the next date set by that visit's report.
        next_planned_on: the earliest visit planned after it and not done yet.
    """
    if last_done_on is None:
        due = trial_end  # the first visit comes before the trial period ends
    else:
        due = next_visit_on or last_done_on + timedelta(weeks=interval_weeks)
    # A visit the coach planned after the last one done is the one due, whatever the plan says.
    if next_planned_on is not None and (last_done_on is None or next_planned_on >= last_done_on):
        due = next_planned_on
    if last_day is not None and due > last_day:
        return None
    return due


def ended_in_trial(rupture_on: date | None, trial_end: date) -> bool:
    """A rupture on or before the trial period's last day happened "during the trial period"."""
    return rupture_on is not None and rupture_on <= trial_end


@dataclass(frozen=True, slots=True)
class RuptureNotice:
    in_trial: bool
    trial_end: date
    # (by when, what must be done), in date order.
    reminders: tuple[tuple[date, str], ...]


def rupture_notice(terms: ContractTerms, rupture_on: date) -> RuptureNotice:
    """What a rupture means and what must be notified, by whom and by when."""
    trial_end = trial_period_end(terms)
    in_trial = ended_in_trial(rupture_on, trial_end)
    reminders = [
        (
            rupture_on,
            "L'employeur remet au jeune son certificat de travail, l'attestation France Travail "
            "et le solde de tout compte.",
        ),
        (
            rupture_on + timedelta(days=RUPTURE_NOTIFY_OPCO_DAYS),
            f"L'employeur informe l'OPCO de la rupture dans les {RUPTURE_NOTIFY_OPCO_DAYS} jours"
            " (ainsi que la DREETS et l'URSSAF).",
        ),
        (
            rupture_on + timedelta(days=7),
            "Prévenez le centre de formation et la Mission Locale, puis proposez une nouvelle "
            "mise en relation ou enregistrez une solution.",
        ),
    ]
    return RuptureNotice(in_trial, trial_end, tuple(sorted(reminders)))


# --- reading a contract for the checks -------------------------------------------------------


def _cents(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value) / 100


def contract_terms_of(row: Any) -> ContractTerms:
    """ContractTerms from a Contract row (ORM object or Core row with the same names)."""
    return ContractTerms(
        contract_type=row.contract_type,
        start_date=row.start_date,
        end_date=row.end_date,
        trial_period_end_override=row.trial_period_end_override,
        weekly_hours=None if row.weekly_hours is None else Decimal(str(row.weekly_hours)),
        training_hours=row.training_hours,
        gross_monthly_pay=_cents(row.gross_monthly_pay_cents),
        branch_minimum=_cents(row.branch_minimum_cents),
        sent_to_opco_on=row.sent_to_opco_on,
        opco_decision=row.opco_decision,
        opco_decision_on=row.opco_decision_on,
    )


# --- recording, one transaction each ------------------------------------------------------------


def save_visit(database: Database, contract_id: str, **report: Any) -> str:
    """Record a visit or a call (planned or done) in one transaction."""
    with database.write() as session:
        if session.get(Contract, contract_id) is None:
            raise UserError("Contrat introuvable : il a peut-être été supprimé.")
        return recording.record_visit(session, contract_id, **report)


def save_rupture(
    database: Database,
    contract_id: str,
    rupture_on: date,
    rupture_by: str,
    reason_category: str,
    reason: str = "",
) -> RuptureNotice:
    """Record a rupture in one transaction; returns whether it was in the trial period and
    the reminders of what must be notified."""
    with database.write() as session:
        contract = session.get(Contract, contract_id)
        if contract is None:
            raise UserError("Contrat introuvable : il a peut-être été supprimé.")
        if contract.end_date is not None and rupture_on > contract.end_date:
            raise UserError(
                f"La rupture du {fr_date(rupture_on)} est postérieure à la fin du contrat "
                f"({fr_date(contract.end_date)}).",
                hint="Un contrat arrivé à son terme n'est pas rompu : enregistrez plutôt une "
                "solution.",
            )
        recording.record_rupture(session, contract_id, rupture_on, rupture_by, reason_category,
                                 reason)
        return rupture_notice(contract_terms_of(contract), rupture_on)
