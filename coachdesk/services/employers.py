"""Employers: the directory, contact persons and tutors, and prospecting (offers: ``offers``).

Lists read selected columns through Core and return frozen dataclasses; writes are one
transaction each. ``Employer.search_text`` (folded name, city and SIRET) is kept current on every
write so the directory is searched without case or accents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Contract, Employer, EmployerContact, JobOffer, ProspectingEvent, codes
from coachdesk.models.base import canonical_id
from coachdesk.services.checks import check_code, check_naf, check_siret, required_text
from coachdesk.services.contract_rules import (
    MAX_TRAINEES_PER_EMPLOYER_TUTOR,
    MAX_TRAINEES_PER_TUTOR,
    MIN_TUTOR_EXPERIENCE_YEARS,
)
from coachdesk.services.records import get_record
from coachdesk.services.text import fold, person_name


def employer_search_text(name: str, city: str = "", siret: str | None = None) -> str:
    """The folded text an employer is found by, kept in ``Employer.search_text``."""
    parts = [fold(name), fold(city)]
    if siret:
        parts.append(siret)
    return " | ".join(part for part in parts if part)


# ---------------------------------------------------------------------------------------------
# Employers

_EMPLOYER_FIELDS = (
    "name", "siret", "naf_code", "address", "postcode", "city", "size_band",
    "collective_agreement", "opco", "reached_via", "notes",
)


@dataclass(frozen=True, slots=True)
class EmployerRow:
    id: str
    name: str
    siret: str | None
    naf_code: str
    city: str
    opco: str
    reached_via: str | None
    open_offers: int
    # The folded name, town and SIRET (Employer.search_text): the tab filters its loaded rows
    # on it as the coach types, and sorts names on its first part without folding again.
    search_text: str = ""

    @property
    def reached_via_label(self) -> str:
        return codes.EMPLOYER_REACHED_VIA.get(self.reached_via or "", "")

    @property
    def name_key(self) -> str:
        """The name folded (no case, no accents), as the directory sorts it."""
        return self.search_text.partition(" | ")[0] or fold(self.name)

    def matches(self, words: list[str]) -> bool:
        """Whether every folded word typed is in the search text (see :func:`search_words`)."""
        text = self.search_text
        return all(word in text for word in words)


@dataclass(frozen=True, slots=True)
class EmployerDetail:
    id: str
    name: str
    siret: str | None
    naf_code: str
    address: str
    postcode: str
    city: str
    size_band: str
    collective_agreement: str
    opco: str
    reached_via: str | None
    notes: str


def _clean_employer(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_EMPLOYER_FIELDS)
    if unknown:
        raise TypeError(f"unknown employer fields: {sorted(unknown)}")
    clean = dict(fields)
    if "name" in clean:
        clean["name"] = required_text(clean["name"], "Raison sociale")
    if "siret" in clean:
        clean["siret"] = check_siret(clean["siret"])
    if "naf_code" in clean:
        clean["naf_code"] = check_naf(clean["naf_code"])
    if clean.get("reached_via"):
        check_code(clean["reached_via"], codes.EMPLOYER_REACHED_VIA, "Mode de contact")
    elif "reached_via" in clean:
        clean["reached_via"] = None
    for key in ("address", "postcode", "city", "size_band", "collective_agreement", "opco",
                "notes"):
        if key in clean:
            clean[key] = (clean[key] or "").strip()
    return clean


def _check_siret_unique(session: Session, siret: str | None, employer_id: str | None) -> None:
    if siret is None:
        return
    query = select(Employer.name).where(Employer.siret == siret)
    if employer_id:
        query = query.where(Employer.id != employer_id)
    other = session.execute(query).scalar()
    if other is not None:
        raise UserError(
            f"SIRET {siret} : cet établissement est déjà enregistré (« {other} »).",
            hint="Ouvrez la fiche existante au lieu d'en créer une nouvelle.",
        )


def create_employer(db: Database, *, name: str, **fields: Any) -> str:
    """Add an employer to the directory; returns its id.

    Raises:
        UserError: empty name, invalid SIRET or NAF code, SIRET already in the directory.
    """
    clean = _clean_employer({"name": name, **fields})
    with db.write() as session:
        _check_siret_unique(session, clean.get("siret"), None)
        employer = Employer(**clean)
        employer.search_text = employer_search_text(
            employer.name, clean.get("city", ""), clean.get("siret")
        )
        session.add(employer)
        session.flush()
        return employer.id


def update_employer(db: Database, employer_id: str, **fields: Any) -> None:
    clean = _clean_employer(fields)
    with db.write() as session:
        employer = get_record(session, Employer, employer_id, "Entreprise")
        if "siret" in clean:
            _check_siret_unique(session, clean["siret"], employer_id)
        for key, value in clean.items():
            setattr(employer, key, value)
        employer.search_text = employer_search_text(employer.name, employer.city, employer.siret)


def get_employer(db: Database, employer_id: str) -> EmployerDetail:
    columns = [getattr(Employer, name) for name in ("id", *_EMPLOYER_FIELDS)]
    with db.read() as session:
        row = session.execute(select(*columns).where(Employer.id == employer_id)).one_or_none()
    if row is None:
        raise UserError("Cette entreprise n'existe plus (supprimée entre-temps ?).")
    return EmployerDetail(*row)


def search_words(search: str) -> list[str]:
    """The folded words of a directory search: an employer matches when it holds them all."""
    return fold(search).split()


def _open_offers_by_stored_id(session: Session) -> Counter[Any]:
    """Open offers per employer, keyed by the employer id as stored.

    Counted in Python over the open offers' employer ids: SQLite answers the GROUP BY through
    the employer_id index, one table lookup per offer, 4× slower at 20,000 offers.
    """
    return Counter(session.scalars(
        select(type_coerce(JobOffer.employer_id, String)).where(JobOffer.status == "ouverte")
    ))


def list_employers(db: Database, search: str = "", limit: int | None = None) -> list[EmployerRow]:
    """The directory, by name; ``search`` matches name, town or SIRET without case or accents."""
    query = select(
        # The id as stored, made canonical below (see models.base.canonical_id).
        type_coerce(Employer.id, String), Employer.name, Employer.siret, Employer.naf_code,
        Employer.city, Employer.opco, Employer.reached_via, Employer.search_text,
    ).order_by(Employer.search_text)
    for word in search_words(search):
        query = query.where(Employer.search_text.contains(word, autoescape=True))
    if limit:
        query = query.limit(limit)
    with db.read() as session:
        rows = session.execute(query).all()
        open_offers = _open_offers_by_stored_id(session)
    return [
        EmployerRow(canonical_id(stored), name, siret, naf, city, opco, reached_via,
                    open_offers[stored], search_text)
        for stored, name, siret, naf, city, opco, reached_via, search_text in rows
    ]


def open_offer_counts(db: Database) -> dict[str, int]:
    """The number of open offers of each employer that has one, by employer id."""
    with db.read() as session:
        counts = _open_offers_by_stored_id(session)
    return {canonical_id(employer): count for employer, count in counts.items()}


@dataclass(frozen=True, slots=True)
class DirectoryStamp:
    """What the directory rows were read from: each table's row count and latest change.

    Every write stamps ``updated_at`` (ORM and Core updates alike), so an insert or an update
    raises the latest change and a deletion lowers the count: equal stamps mean the rows read
    then are still right. ``employers`` covers the directory itself, ``offers`` its open-offer
    counts.
    """

    employers: tuple[int, datetime | None]
    offers: tuple[int, datetime | None]


def directory_stamp(db: Database) -> DirectoryStamp:
    """Two aggregate reads (a few ms at 10,000 employers and 20,000 offers)."""
    with db.read() as session:
        employers = session.execute(select(func.count(), func.max(Employer.updated_at))).one()
        offers = session.execute(select(func.count(), func.max(JobOffer.updated_at))).one()
    return DirectoryStamp((employers[0], employers[1]), (offers[0], offers[1]))


@dataclass(frozen=True, slots=True)
class EmployerChoice:
    """An employer as a picker shows it: « Transports Lirou — Saint-Jean-de-Védas »."""

    id: str
    name: str
    city: str

    def display(self) -> str:
        return f"{self.name} — {self.city}" if self.city else self.name


def search_employers(db: Database, search: str = "", limit: int = 50) -> list[EmployerChoice]:
    """At most ``limit`` employers whose folded search text holds every word typed, by name.

    Three columns, no join: cheap enough for each keystroke of a picker at 10,000 employers.
    """
    query = select(Employer.id, Employer.name, Employer.city).order_by(Employer.search_text)
    for word in fold(search).split():
        query = query.where(Employer.search_text.contains(word, autoescape=True))
    with db.read() as session:
        return [EmployerChoice(*row) for row in session.execute(query.limit(limit))]


def employer_choice(db: Database, employer_id: str) -> EmployerChoice | None:
    with db.read() as session:
        row = session.execute(select(Employer.id, Employer.name, Employer.city)
                              .where(Employer.id == employer_id)).first()
    return EmployerChoice(*row) if row else None


# ---------------------------------------------------------------------------------------------
# Contact persons and tutors

_CONTACT_FIELDS = (
    "last_name", "first_name", "role", "phone", "email", "is_tutor", "is_employer_in_person",
    "tutor_experience_years",
)


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: str
    employer_id: str
    last_name: str
    first_name: str
    role: str
    phone: str
    email: str
    is_tutor: bool
    is_employer_in_person: bool
    tutor_experience_years: int | None
    active_trainees: int
    warnings: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return person_name(self.last_name, self.first_name)


def _clean_contact(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    clean = dict(fields)
    if "last_name" in clean:
        clean["last_name"] = required_text(clean["last_name"], "Nom du contact")
    years = clean.get("tutor_experience_years")
    if years is not None and (not isinstance(years, int) or years < 0):
        raise UserError(
            f"Expérience du tuteur : « {years} » n'est pas un nombre d'années valide.",
            hint="Indiquez un nombre entier d'années, 0 ou plus.",
        )
    if clean.get("is_employer_in_person"):
        # The employer in person who follows a trainee is a tutor.
        clean["is_tutor"] = True
    return clean


def add_contact(db: Database, employer_id: str, *, last_name: str, **fields: Any) -> str:
    clean = _clean_contact({"last_name": last_name, **fields})
    with db.write() as session:
        get_record(session, Employer, employer_id, "Entreprise")
        contact = EmployerContact(employer_id=employer_id, **clean)
        session.add(contact)
        session.flush()
        return contact.id


def update_contact(db: Database, contact_id: str, **fields: Any) -> None:
    clean = _clean_contact(fields)
    with db.write() as session:
        contact = get_record(session, EmployerContact, contact_id, "Contact")
        for key, value in clean.items():
            setattr(contact, key, value)


def _active_contract(on: date) -> Any:
    """Contracts running on ``on``: started, not yet ended, not broken."""
    return and_(
        Contract.start_date <= on,
        or_(Contract.end_date.is_(None), Contract.end_date >= on),
        or_(Contract.rupture_on.is_(None), Contract.rupture_on > on),
    )


def tutor_warnings(
    is_tutor: bool,
    is_employer_in_person: bool,
    experience_years: int | None,
    active_trainees: int,
    *,
    adding: int = 0,
) -> tuple[str, ...]:
    """French sentences warning about the legal limits of a tutor (none when all is well).

    ``adding`` counts trainees about to be given to the tutor (a contract being written).
    """
    if not is_tutor:
        return ()
    warnings = []
    if experience_years is None:
        warnings.append(
            "Expérience du tuteur non renseignée : un tuteur doit justifier d'au moins deux ans "
            "d'expérience professionnelle."
        )
    elif experience_years < MIN_TUTOR_EXPERIENCE_YEARS:
        warnings.append(
            f"Le tuteur n'a que {experience_years} an{'s' if experience_years > 1 else ''} "
            "d'expérience : il en faut au moins deux."
        )
    limit = MAX_TRAINEES_PER_EMPLOYER_TUTOR if is_employer_in_person else MAX_TRAINEES_PER_TUTOR
    total = active_trainees + adding
    if total > limit:
        who = "L'employeur tuteur" if is_employer_in_person else "Un tuteur"
        warnings.append(
            f"{who} peut suivre au plus {limit} alternants : celui-ci en aurait {total}."
        )
    return tuple(warnings)


def list_contacts(
    db: Database, employer_id: str, *, on: date | None = None
) -> list[ContactRow]:
    """The contact persons of an employer, tutors with their trainees and warnings on ``on``."""
    on = on or date.today()
    trainees = (
        select(Contract.tutor_id, func.count().label("n"))
        .where(_active_contract(on), Contract.tutor_id.is_not(None))
        .group_by(Contract.tutor_id)
        .subquery()
    )
    query = (
        select(
            *[getattr(EmployerContact, name) for name in ("id", "employer_id", *_CONTACT_FIELDS)],
            func.coalesce(trainees.c.n, 0),
        )
        .outerjoin(trainees, trainees.c.tutor_id == EmployerContact.id)
        .where(EmployerContact.employer_id == employer_id)
        .order_by(EmployerContact.last_name, EmployerContact.first_name)
    )
    with db.read() as session:
        rows = session.execute(query).all()
    return [
        ContactRow(*row, tutor_warnings(row.is_tutor, row.is_employer_in_person,
                                        row.tutor_experience_years, row[-1]))
        for row in rows
    ]


# ---------------------------------------------------------------------------------------------
# Prospecting log


@dataclass(frozen=True, slots=True)
class ProspectingRow:
    id: str
    employer_id: str
    done_on: date
    channel: str
    author: str
    outcome: str
    next_step: str
    next_step_on: date | None

    @property
    def channel_label(self) -> str:
        return codes.PROSPECTING_CHANNELS.get(self.channel, self.channel)


def add_prospecting_event(
    db: Database,
    employer_id: str,
    *,
    done_on: date,
    channel: str,
    author: str = "",
    outcome: str = "",
    next_step: str = "",
    next_step_on: date | None = None,
) -> str:
    check_code(channel, codes.PROSPECTING_CHANNELS, "Canal de prospection")
    if next_step_on is not None and next_step_on < done_on:
        raise UserError(
            f"Prochaine étape : la date {next_step_on:%d/%m/%Y} est antérieure au contact du "
            f"{done_on:%d/%m/%Y}.",
            hint="La prochaine étape se situe le jour du contact ou après.",
        )
    with db.write() as session:
        get_record(session, Employer, employer_id, "Entreprise")
        event = ProspectingEvent(
            employer_id=employer_id, done_on=done_on, channel=channel, author=author.strip(),
            outcome=outcome.strip(), next_step=next_step.strip(), next_step_on=next_step_on,
        )
        session.add(event)
        session.flush()
        return event.id


_PROSPECTING_COLUMNS = (
    ProspectingEvent.id, ProspectingEvent.employer_id, ProspectingEvent.done_on,
    ProspectingEvent.channel, ProspectingEvent.author, ProspectingEvent.outcome,
    ProspectingEvent.next_step, ProspectingEvent.next_step_on,
)


def list_prospecting(db: Database, employer_id: str) -> list[ProspectingRow]:
    """The prospecting log of one employer, most recent first."""
    query = (
        select(*_PROSPECTING_COLUMNS)
        .where(ProspectingEvent.employer_id == employer_id)
        .order_by(ProspectingEvent.done_on.desc(), ProspectingEvent.created_at.desc())
    )
    with db.read() as session:
        return [ProspectingRow(*row) for row in session.execute(query)]


def next_prospecting_steps(db: Database, until: date) -> list[tuple[str, ProspectingRow]]:
    """(employer name, step) of every planned next step due by ``until``, soonest first."""
    query = (
        select(Employer.name, *_PROSPECTING_COLUMNS)
        .join(Employer, Employer.id == ProspectingEvent.employer_id)
        .where(ProspectingEvent.next_step_on.is_not(None), ProspectingEvent.next_step_on <= until)
        .order_by(ProspectingEvent.next_step_on)
    )
    with db.read() as session:
        return [(row[0], ProspectingRow(*row[1:])) for row in session.execute(query)]



__all__ = [
    "ContactRow", "DirectoryStamp", "EmployerChoice", "EmployerDetail", "EmployerRow",
    "ProspectingRow", "add_contact", "add_prospecting_event",
    "create_employer", "directory_stamp", "employer_choice", "employer_search_text",
    "get_employer", "list_contacts", "list_employers", "list_prospecting",
    "next_prospecting_steps", "open_offer_counts", "search_employers",
    "search_words", "tutor_warnings", "update_contact", "update_employer",
]
