"""Matching participants and job offers by ROME code, and the referrals (mises en relation).

An offer's candidates are the people of its cohort holding a *validated* project with the same
ROME code (best match) or the same ROME family (same letter and two digits), minus those already
in a running contract. All of it is one SQL query over indexed columns, so it keeps quick at
80,000 participants (see benchmarks/matching.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, or_, select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Contract,
    Employer,
    JobOffer,
    Participant,
    ProfessionalProject,
    Referral,
    codes,
)
from coachdesk.services.checks import check_code
from coachdesk.services.clock import clock_day
from coachdesk.services.records import get_record
from coachdesk.services.rome import rome_family
from coachdesk.services.text import person_name

# How close a project is to an offer: the ROME code itself, or only its family.
SAME_CODE = "code"
SAME_FAMILY = "famille"
MATCH_LABELS = {SAME_CODE: "Même métier (code ROME)", SAME_FAMILY: "Même famille de métiers"}


def _in_contract(on: date) -> Any:
    """True for a participant whose contract runs on ``on`` (signed, not ended, not broken)."""
    return exists().where(
        Contract.participant_id == Participant.id,
        Contract.start_date <= on,
        or_(Contract.end_date.is_(None), Contract.end_date >= on),
        or_(Contract.rupture_on.is_(None), Contract.rupture_on > on),
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    participant_id: str
    last_name: str
    first_name: str
    city: str
    project_id: str
    job_title: str
    rome_code: str
    match: str  # SAME_CODE or SAME_FAMILY
    directly_employable: bool
    referral_status: str | None  # where an earlier referral to this offer stands, if any

    @property
    def match_label(self) -> str:
        return MATCH_LABELS[self.match]

    @property
    def referral_label(self) -> str:
        return codes.REFERRAL_STATUSES.get(self.referral_status or "", "")


def candidates_for_offer(
    db: Database, offer_id: str, *, on: date | None = None, limit: int | None = None
) -> list[Candidate]:
    """People of the offer's cohort to propose: same ROME code first, then same family.

    Within each group, the directly employable come first, then by name. People in a running
    contract on ``on`` (today by default) are left out. Someone with several matching projects
    appears once, with the best one.
    """
    with db.read() as session:
        on = on or clock_day(session)
        offer = get_record(session, JobOffer, offer_id, "Offre")
        family = rome_family(offer.rome_code)
        rank = case((ProfessionalProject.rome_code == offer.rome_code, 0), else_=1)
        query = (
            select(
                Participant.id, Participant.last_name, Participant.first_name, Participant.city,
                ProfessionalProject.id, ProfessionalProject.job_title,
                ProfessionalProject.rome_code, rank.label("rank"),
                ProfessionalProject.directly_employable, Referral.status,
            )
            .join(ProfessionalProject, ProfessionalProject.participant_id == Participant.id)
            .outerjoin(Referral, and_(Referral.participant_id == Participant.id,
                                      Referral.offer_id == offer_id))
            .where(
                Participant.cohort_id == offer.cohort_id,
                ProfessionalProject.decision == "valide",
                ProfessionalProject.rome_code.startswith(family, autoescape=True),
                ~_in_contract(on),
            )
            .order_by(rank, ProfessionalProject.directly_employable.desc(),
                      Participant.last_name, Participant.first_name)
        )
        rows = session.execute(query).all()
    seen: set[str] = set()
    candidates = []
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        candidates.append(Candidate(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6],
            SAME_CODE if row.rank == 0 else SAME_FAMILY, bool(row[8]), row[9],
        ))
        if limit and len(candidates) >= limit:
            break
    return candidates


@dataclass(frozen=True, slots=True)
class OfferMatch:
    offer_id: str
    employer_name: str
    title: str
    rome_code: str
    city: str
    start_on: date | None
    match: str
    referral_status: str | None

    @property
    def match_label(self) -> str:
        return MATCH_LABELS[self.match]


def offers_for_participant(db: Database, participant_id: str) -> list[OfferMatch]:
    """Open offers of the person's cohort fitting one of their validated projects."""
    with db.read() as session:
        person = get_record(session, Participant, participant_id, "Personne")
        codes_held = set(session.execute(
            select(ProfessionalProject.rome_code).where(
                ProfessionalProject.participant_id == participant_id,
                ProfessionalProject.decision == "valide",
            )
        ).scalars())
        if not codes_held:
            return []
        families = {rome_family(code) for code in codes_held}
        query = (
            select(JobOffer.id, Employer.name, JobOffer.title, JobOffer.rome_code, JobOffer.city,
                   JobOffer.start_on, Referral.status)
            .join(Employer, Employer.id == JobOffer.employer_id)
            .outerjoin(Referral, and_(Referral.offer_id == JobOffer.id,
                                      Referral.participant_id == participant_id))
            .where(
                JobOffer.cohort_id == person.cohort_id,
                JobOffer.status == "ouverte",
                or_(*(JobOffer.rome_code.startswith(f, autoescape=True) for f in families)),
            )
            .order_by(JobOffer.received_on.desc())
        )
        rows = session.execute(query).all()
    matches = [
        OfferMatch(r[0], r[1], r[2], r[3], r[4], r[5],
                   SAME_CODE if r[3] in codes_held else SAME_FAMILY, r[6])
        for r in rows
    ]
    matches.sort(key=lambda m: m.match != SAME_CODE)  # stable: newest first within each
    return matches


# ---------------------------------------------------------------------------------------------
# Referrals

# The usual path of a referral; the two refusals may end it at any step.
REFERRAL_PATH = ("proposee", "cv_envoye", "entretien_prevu", "retenu")


@dataclass(frozen=True, slots=True)
class ReferralRow:
    id: str
    offer_id: str
    offer_title: str
    employer_name: str
    participant_id: str
    last_name: str
    first_name: str
    proposed_on: date
    status: str
    status_on: date
    notes: str

    @property
    def status_label(self) -> str:
        return codes.REFERRAL_STATUSES[self.status]


def propose(
    db: Database, offer_id: str, participant_id: str, proposed_on: date, notes: str = ""
) -> str:
    """Propose a person for an offer (mise en relation); returns the referral's id."""
    with db.write() as session:
        offer = get_record(session, JobOffer, offer_id, "Offre")
        person = get_record(session, Participant, participant_id, "Personne")
        who = person_name(person.last_name, person.first_name)
        if offer.status != "ouverte":
            raise UserError(
                f"L'offre « {offer.title} » est {codes.OFFER_STATUSES[offer.status].lower()} : "
                f"impossible d'y proposer {who}.",
                hint="Rouvrez l'offre si elle est de nouveau disponible.",
            )
        if offer.cohort_id != person.cohort_id:
            raise UserError(f"{who} n'appartient pas à la promotion de l'offre « {offer.title} ».")
        already = session.execute(
            select(Referral.status).where(Referral.offer_id == offer_id,
                                          Referral.participant_id == participant_id)
        ).scalar()
        if already is not None:
            raise UserError(
                f"{who} a déjà été proposé·e pour l'offre « {offer.title} » "
                f"(statut : {codes.REFERRAL_STATUSES[already]}).",
            )
        referral = Referral(offer_id=offer_id, participant_id=participant_id,
                            proposed_on=proposed_on, status="proposee", status_on=proposed_on,
                            notes=notes)
        session.add(referral)
        session.flush()
        return referral.id


def move_referral_to(referral: Referral, status: str, on: date) -> None:
    """Give a referral (in an open session) its new status from ``on``; the recruitment
    interviews move it too (planned, then hired or refused)."""
    check_code(status, codes.REFERRAL_STATUSES, "Statut de la mise en relation")
    if on < referral.proposed_on:
        raise UserError(
            f"Statut « {codes.REFERRAL_STATUSES[status]} » : le {on:%d/%m/%Y} précède la "
            f"proposition du {referral.proposed_on:%d/%m/%Y}."
        )
    referral.status = status
    referral.status_on = on


def set_referral_status(
    db: Database, referral_id: str, status: str, on: date, notes: str | None = None
) -> None:
    """Move a referral to a status (CV envoyé, entretien prévu, retenu·e, refus…) on a date."""
    with db.write() as session:
        referral = get_record(session, Referral, referral_id, "Mise en relation")
        move_referral_to(referral, status, on)
        if notes is not None:
            referral.notes = notes


def list_referrals(
    db: Database, *, offer_id: str | None = None, participant_id: str | None = None,
    cohort_id: str | None = None,
) -> list[ReferralRow]:
    query = (
        select(Referral.id, Referral.offer_id, JobOffer.title, Employer.name,
               Referral.participant_id, Participant.last_name, Participant.first_name,
               Referral.proposed_on, Referral.status, Referral.status_on, Referral.notes)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .join(Participant, Participant.id == Referral.participant_id)
        .order_by(Referral.proposed_on.desc(), Participant.last_name)
    )
    if offer_id:
        query = query.where(Referral.offer_id == offer_id)
    if participant_id:
        query = query.where(Referral.participant_id == participant_id)
    if cohort_id:
        query = query.where(JobOffer.cohort_id == cohort_id)
    with db.read() as session:
        return [ReferralRow(*row) for row in session.execute(query)]
