"""Job offers collected for a cohort: record, edit, count and list them with filters.

Lists read selected columns and return frozen dataclasses; writes are one transaction each.
The employer's checks (its SIRET, the codes) live in ``employers``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Employer, JobOffer, codes
from coachdesk.services.checks import check_code, required_text
from coachdesk.services.records import get_record
from coachdesk.services.rome import check_rome_code
from coachdesk.services.text import fold

_OFFER_FIELDS = (
    "employer_id", "title", "rome_code", "city", "received_on", "start_on", "weekly_hours",
    "status", "source", "description",
)


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


def _clean_hours(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        hours = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        raise UserError(
            f"Durée hebdomadaire « {value} » : ce n'est pas un nombre d'heures."
        ) from None
    if not 0 < hours <= 48:
        raise UserError(
            f"Durée hebdomadaire « {value} » : elle doit être comprise entre 0 et 48 heures.",
        )
    # The column holds one decimal; the value travels as a float only to the driver.
    return float(hours.quantize(Decimal("0.1")))


def _clean_offer(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_OFFER_FIELDS)
    if unknown:
        raise TypeError(f"unknown offer fields: {sorted(unknown)}")
    clean = dict(fields)
    if "title" in clean:
        clean["title"] = required_text(clean["title"], "Intitulé du poste")
    if "rome_code" in clean:
        clean["rome_code"] = check_rome_code(clean["rome_code"], field="Code ROME de l'offre")
    if "status" in clean:
        check_code(clean["status"], codes.OFFER_STATUSES, "Statut de l'offre")
    if "source" in clean:
        check_code(clean["source"], codes.OFFER_SOURCES, "Source de l'offre")
    if "weekly_hours" in clean:
        clean["weekly_hours"] = _clean_hours(clean["weekly_hours"])
    if "city" in clean:
        clean["city"] = (clean["city"] or "").strip()
    return clean


def create_offer(
    db: Database,
    *,
    cohort_id: str,
    employer_id: str,
    title: str,
    rome_code: str,
    received_on: date,
    **fields: Any,
) -> str:
    """Record a job offer; returns its id. The town defaults to the employer's."""
    clean = _clean_offer({
        "employer_id": employer_id, "title": title, "rome_code": rome_code,
        "received_on": received_on, **fields,
    })
    with db.write() as session:
        employer = get_record(session, Employer, employer_id, "Entreprise")
        if not clean.get("city"):
            clean["city"] = employer.city
        offer = JobOffer(cohort_id=cohort_id, **clean)
        session.add(offer)
        session.flush()
        return offer.id


def update_offer(db: Database, offer_id: str, **fields: Any) -> None:
    clean = _clean_offer(fields)
    with db.write() as session:
        offer = get_record(session, JobOffer, offer_id, "Offre")
        for key, value in clean.items():
            setattr(offer, key, value)


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
