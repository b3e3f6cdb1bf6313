"""Provisional enrolment in the training: confirmed by a contract, lapsed at the cohort deadline.

In 2010 the young people with a validated project were let into the training provisionally; the
place became definitive with a signed contract, and lapsed (caduque) at a deadline without one.
The effective status at any date is computed here from the stored facts, so an enrolment lapses
"by itself" even before anyone stores the change; ``lapse_overdue_enrolments`` stores it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Enrolment, Participant
from coachdesk.services.contract_rules import RuleWarning, fr_date
from coachdesk.services.records import get_record

DEADLINE_WARNING_DAYS = (15, 7)
ENROLMENT_RULE = (
    "L'inscription provisoire devient définitive à la signature du contrat de "
    "professionnalisation ; sans contrat à la date limite de la promotion, elle devient caduque."
)


@dataclass(frozen=True, slots=True)
class EnrolmentState:
    status: str  # a code of codes.ENROLMENT_STATUSES
    deadline: date | None
    days_left: int | None  # days until the deadline while provisional
    warning: RuleWarning | None


def effective_status(
    *,
    stored_status: str,
    confirmed_on: date | None,
    lapsed_on: date | None,
    deadline: date | None,
    first_contract_on: date | None,
    on: date,
) -> EnrolmentState:
    """The enrolment's status on ``on``, whatever was stored.

    A contract signed (or started) on or before ``on`` confirms it; past the deadline without
    one it is caduque; otherwise provisional, with a warning 15 and 7 days before the deadline.
    """
    known = [d for d in (confirmed_on, first_contract_on) if d is not None]
    contract_on = min(known) if known else None
    if contract_on is not None and contract_on <= on:
        return EnrolmentState("confirmee", deadline, None, None)
    if (lapsed_on is not None and lapsed_on <= on) or (deadline is not None and on > deadline):
        return EnrolmentState(
            "caduque",
            deadline,
            None,
            RuleWarning(
                "enrolment_lapsed",
                "L'inscription provisoire est caduque faute de contrat"
                + (f" au {fr_date(deadline)}" if deadline else "")
                + " : enregistrez la solution trouvée.",
                ENROLMENT_RULE,
            ),
        )
    if deadline is None:
        return EnrolmentState(stored_status if stored_status != "caduque" else "provisoire",
                              None, None, None)
    days_left = (deadline - on).days
    warning = None
    if days_left <= max(DEADLINE_WARNING_DAYS):
        warning = RuleWarning(
            "enrolment_deadline_near",
            f"Plus que {days_left} jour(s) pour signer un contrat : l'inscription provisoire "
            f"devient caduque après le {fr_date(deadline)}.",
            ENROLMENT_RULE,
        )
    return EnrolmentState("provisoire", deadline, days_left, warning)


def enrol(db: Database, participant_ids: Iterable[str], enrolled_on: date) -> list[str]:
    """Enrol people provisionally in their cohort's training, in one transaction; returns the
    enrolments' ids. Someone already enrolled keeps their enrolment."""
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise UserError("Aucune personne n'est sélectionnée.",
                        hint="Sélectionnez les personnes à inscrire.")
    with db.write() as session:
        ids = []
        for participant_id in people:
            person = get_record(session, Participant, participant_id, "Personne")
            existing = session.scalar(
                select(Enrolment.id).where(Enrolment.participant_id == participant_id)
            )
            if existing is not None:
                ids.append(existing)
                continue
            enrolment = Enrolment(participant_id=participant_id, cohort_id=person.cohort_id,
                                  enrolled_on=enrolled_on)
            session.add(enrolment)
            session.flush()
            ids.append(enrolment.id)
        return ids
