"""Following a contract: its visit plan, its visits and calls, its rupture.

The plan: a first visit before the trial period ends, then one every N weeks (N is the cohort's
``visit_interval_weeks``) until the contract ends or breaks. A visit report may set the next
date itself; a visit planned and not yet done is the next one due. A visit report arrives as one
``VisitDraft`` and a rupture as one ``RuptureDraft``, each recorded in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Contract, FollowUpVisit, codes
from coachdesk.services.checks import check_code, check_order
from coachdesk.services.contract_draft import ContractDraft, draft_of
from coachdesk.services.contract_rules import fr_date, trial_period_end
from coachdesk.services.records import get_record

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


def rupture_notice(terms: ContractDraft, rupture_on: date) -> RuptureNotice:
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


# --- recording, one transaction each ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitDraft:
    """A visit or a call as the coach reports it: planned (``planned_on`` only) or done."""

    kind: str = "visite"
    planned_on: date | None = None
    done_on: date | None = None
    coach_id: str | None = None  # the coach record of the « Chargé·e de suivi »
    met_people: str = ""
    rating: int | None = None  # 1 (très difficile) to 4 (très bien)
    difficulty_categories: tuple[str, ...] = ()
    difficulties: str = ""
    actions: str = ""
    next_visit_on: date | None = None


def record_visit(db: Database, contract_id: str, draft: VisitDraft) -> str:
    """Record a visit or a call (planned or done) in one transaction; returns its id."""
    check_code(draft.kind, codes.VISIT_KINDS, "Type de suivi")
    for category in draft.difficulty_categories:
        check_code(category, codes.DIFFICULTY_CATEGORIES, "Difficulté")
    if draft.planned_on is None and draft.done_on is None:
        raise UserError("Une visite doit avoir une date prévue ou une date de réalisation.")
    if draft.rating is not None and not 1 <= draft.rating <= 4:
        raise UserError("L'appréciation va de 1 (très difficile) à 4 (très bien).")
    check_order(draft.done_on, draft.next_visit_on,
                "La prochaine visite doit suivre la visite réalisée.")
    with db.write() as session:
        get_record(session, Contract, contract_id, "Contrat")
        visit = FollowUpVisit(
            contract_id=contract_id,
            kind=draft.kind,
            planned_on=draft.planned_on,
            done_on=draft.done_on,
            coach_id=draft.coach_id or None,
            met_people=draft.met_people.strip(),
            rating=draft.rating,
            difficulty_categories=",".join(draft.difficulty_categories),
            difficulties=draft.difficulties.strip(),
            actions=draft.actions.strip(),
            next_visit_on=draft.next_visit_on,
        )
        session.add(visit)
        session.flush()
        return visit.id


@dataclass(frozen=True, slots=True)
class RuptureDraft:
    """How a contract ended early: on which day, at whose initiative, why."""

    rupture_on: date
    rupture_by: str  # a code of codes.RUPTURE_BY
    reason_category: str  # a code of codes.RUPTURE_REASONS
    reason: str = ""


def record_rupture(db: Database, contract_id: str, draft: RuptureDraft) -> RuptureNotice:
    """Record a rupture in one transaction; returns whether it was in the trial period and
    the reminders of what must be notified."""
    check_code(draft.rupture_by, codes.RUPTURE_BY, "Rupture à l'initiative de")
    check_code(draft.reason_category, codes.RUPTURE_REASONS, "Motif de rupture")
    with db.write() as session:
        contract = get_record(session, Contract, contract_id, "Contrat")
        if draft.rupture_on < contract.start_date:
            raise UserError("La rupture ne peut pas précéder le début du contrat.")
        if contract.end_date is not None and draft.rupture_on > contract.end_date:
            raise UserError(
                f"La rupture du {fr_date(draft.rupture_on)} est postérieure à la fin du contrat "
                f"({fr_date(contract.end_date)}).",
                hint="Un contrat arrivé à son terme n'est pas rompu : enregistrez plutôt une "
                "solution.",
            )
        contract.rupture_on = draft.rupture_on
        contract.rupture_by = draft.rupture_by
        contract.rupture_reason_category = draft.reason_category
        contract.rupture_reason = draft.reason.strip()
        return rupture_notice(draft_of(contract), draft.rupture_on)
