"""Job offers collected for a cohort: record, edit, count and list them with filters.

Lists read selected columns and return frozen dataclasses; an offer as the coach types it is one
``OfferDraft``, written in one transaction. Its job must be in the ROME list
(``rome.check_rome_code``); a filled or cancelled offer is the same offer with another status.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Employer, JobOffer, codes
from coachdesk.services.checks import check_code, required_text
from coachdesk.services.records import get_record
from coachdesk.services.rome import check_rome_code
from coachdesk.services.text import fold


@dataclass(frozen=True, slots=True)
class OfferDraft:
    """A job offer as the coach types it."""

    employer_id: str
    title: str
    rome_code: str
    received_on: date
    city: str = ""  # the employer's town when left empty
    start_on: date | None = None
    weekly_hours: Decimal | None = None
    status: str = "ouverte"  # a code of codes.OFFER_STATUSES
    source: str = "prospection"  # a code of codes.OFFER_SOURCES
    description: str = ""


_OFFER_FIELDS = tuple(field.name for field in fields(OfferDraft))


@dataclass(frozen=True, slots=True)
class OfferRow:
    id: str
    cohort_id: str
    employer_id: str
    employer_name: str
    title: str
    rome_code: str
    city: str
    received_on: date
    start_on: date | None
    weekly_hours: float | None
    status: str
    source: str

    @property
    def status_label(self) -> str:
        return codes.OFFER_STATUSES.get(self.status, self.status)

    @property
    def source_label(self) -> str:
        return codes.OFFER_SOURCES.get(self.source, self.source)


def _clean_hours(value: Decimal | None) -> float | None:
    if value is None:
        return None
    if not 0 < value <= 48:
        raise UserError(
            f"Durée hebdomadaire « {value} » : elle doit être comprise entre 0 et 48 heures.",
        )
    # The column holds one decimal; the value travels as a float only to the driver.
    return float(value.quantize(Decimal("0.1")))


def _clean_offer(draft: OfferDraft) -> dict[str, Any]:
    """The columns to store, checked: title required, ROME code in the list, known codes."""
    return {
        "employer_id": draft.employer_id,
        "title": required_text(draft.title, "Intitulé du poste"),
        "rome_code": check_rome_code(draft.rome_code, field="Code ROME de l'offre"),
        "received_on": draft.received_on,
        "city": draft.city.strip(),
        "start_on": draft.start_on,
        "weekly_hours": _clean_hours(draft.weekly_hours),
        "status": check_code(draft.status, codes.OFFER_STATUSES, "Statut de l'offre"),
        "source": check_code(draft.source, codes.OFFER_SOURCES, "Source de l'offre"),
        "description": draft.description.strip(),
    }


def create_offer(db: Database, cohort_id: str, draft: OfferDraft) -> str:
    """Record a job offer of the cohort; returns its id. The town defaults to the employer's."""
    clean = _clean_offer(draft)
    with db.write() as session:
        employer = get_record(session, Employer, draft.employer_id, "Entreprise")
        if not clean["city"]:
            clean["city"] = employer.city
        offer = JobOffer(cohort_id=cohort_id, **clean)
        session.add(offer)
        session.flush()
        return offer.id


def update_offer(db: Database, offer_id: str, draft: OfferDraft) -> None:
    """Save the offer's form (every field of the draft): its status too (pourvue, annulée…)."""
    clean = _clean_offer(draft)
    with db.write() as session:
        offer = get_record(session, JobOffer, offer_id, "Offre")
        get_record(session, Employer, draft.employer_id, "Entreprise")
        for key, value in clean.items():
            setattr(offer, key, value)


def get_offer(db: Database, offer_id: str) -> OfferDraft:
    """An offer as its form shows it."""
    columns = [getattr(JobOffer, name) for name in _OFFER_FIELDS]
    with db.read() as session:
        row = session.execute(select(*columns).where(JobOffer.id == offer_id)).one_or_none()
    if row is None:
        raise UserError("Offre introuvable : la fiche a peut-être été supprimée entre-temps.")
    values = dict(row._mapping)
    hours = values["weekly_hours"]
    values["weekly_hours"] = None if hours is None else Decimal(str(hours))
    return OfferDraft(**values)


def count_offers(db: Database, cohort_id: str) -> int:
    """How many job offers the cohort has collected (all statuses)."""
    with db.read() as session:
        return session.execute(
            select(func.count()).select_from(JobOffer).where(JobOffer.cohort_id == cohort_id)
        ).scalar_one()


def list_offers(
    db: Database,
    *,
    cohort_id: str | None = None,
    status: str | None = None,
    rome_code: str | None = None,
    city: str | None = None,
    employer_id: str | None = None,
) -> list[OfferRow]:
    """Job offers, newest first, filtered by status, ROME code (or family prefix) and town.

    The town matches without case or accents ("beziers" finds "Béziers"); a ROME filter of three
    characters selects a whole family.
    """
    query = (
        select(
            JobOffer.id, JobOffer.cohort_id, JobOffer.employer_id,
            Employer.name.label("employer_name"), JobOffer.title,
            JobOffer.rome_code, JobOffer.city, JobOffer.received_on, JobOffer.start_on,
            JobOffer.weekly_hours, JobOffer.status, JobOffer.source,
        )
        .join(Employer, Employer.id == JobOffer.employer_id)
        .order_by(JobOffer.received_on.desc(), JobOffer.title)
    )
    if cohort_id:
        query = query.where(JobOffer.cohort_id == cohort_id)
    if employer_id:
        query = query.where(JobOffer.employer_id == employer_id)
    if status:
        query = query.where(JobOffer.status == check_code(status, codes.OFFER_STATUSES, "Statut"))
    if rome_code:
        code = rome_code.strip().upper()
        if len(code) == 5:
            query = query.where(JobOffer.rome_code == code)
        else:
            query = query.where(JobOffer.rome_code.startswith(code, autoescape=True))
    with db.read() as session:
        rows = [OfferRow(**row._mapping) for row in session.execute(query)]
    if city:
        # A handful of offers per cohort: the town is compared folded in Python, since SQL LIKE
        # ignores the case of ASCII letters only (see DESIGN.md).
        wanted = fold(city)
        rows = [row for row in rows if wanted in fold(row.city)]
    return rows
