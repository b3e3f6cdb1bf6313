"""Employers: the directory, contact persons and tutors, and prospecting (offers: ``offers``).

Lists read selected columns through Core and return frozen dataclasses; what a coach types for
an employer, a contact person or a prospecting step arrives as one draft (``EmployerDraft``,
``ContactDraft``, ``ProspectingDraft``) and is written in one transaction. The SIRET and NAF
checks are ``checks``'. ``Employer.search_text`` (folded name, city and SIRET) is kept current on
every write so the directory is searched without case or accents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Contract, Employer, EmployerContact, JobOffer, ProspectingEvent, codes
from coachdesk.models.base import canonical_id
from coachdesk.services.checks import check_code, check_naf, check_siret, required_text
from coachdesk.services.clock import today_for
from coachdesk.services.contract_rules import (
    MAX_TRAINEES_PER_EMPLOYER_TUTOR,
    MAX_TRAINEES_PER_TUTOR,
    MIN_TUTOR_EXPERIENCE_YEARS,
)
from coachdesk.services.records import get_record
from coachdesk.services.text import employer_search_text, fold, person_name

# ---------------------------------------------------------------------------------------------
# Employers

@dataclass(frozen=True, slots=True)
class EmployerDraft:
    """An employer's record as the coach types it (the directory's form)."""

    name: str
    siret: str | None = None
    naf_code: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    size_band: str = ""
    collective_agreement: str = ""
    opco: str = ""
    reached_via: str | None = None  # a code of codes.EMPLOYER_REACHED_VIA
    notes: str = ""


_EMPLOYER_FIELDS = tuple(field.name for field in fields(EmployerDraft))


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


def _clean_employer(draft: EmployerDraft) -> EmployerDraft:
    """The draft ready to store: name required, SIRET and NAF checked, texts trimmed."""
    return EmployerDraft(
        name=required_text(draft.name, "Raison sociale"),
        siret=check_siret(draft.siret),
        naf_code=check_naf(draft.naf_code),
        address=draft.address.strip(),
        postcode=draft.postcode.strip(),
        city=draft.city.strip(),
        size_band=draft.size_band.strip(),
        collective_agreement=draft.collective_agreement.strip(),
        opco=draft.opco.strip(),
        reached_via=(check_code(draft.reached_via, codes.EMPLOYER_REACHED_VIA, "Mode de contact")
                     if draft.reached_via else None),
        notes=draft.notes.strip(),
    )


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


def _store_employer(employer: Employer, draft: EmployerDraft) -> None:
    for name in _EMPLOYER_FIELDS:
        setattr(employer, name, getattr(draft, name))
    employer.search_text = employer_search_text(draft.name, draft.city, draft.siret)


def create_employer(db: Database, draft: EmployerDraft) -> str:
    """Add an employer to the directory; returns its id.

    Raises:
        UserError: empty name, invalid SIRET or NAF code, SIRET already in the directory.
    """
    clean = _clean_employer(draft)
    with db.write() as session:
        _check_siret_unique(session, clean.siret, None)
        employer = Employer()
        _store_employer(employer, clean)
        session.add(employer)
        session.flush()
        return employer.id


def update_employer(db: Database, employer_id: str, draft: EmployerDraft) -> None:
    """Save the employer's form (every field of the draft), with create_employer's checks."""
    clean = _clean_employer(draft)
    with db.write() as session:
        employer = get_record(session, Employer, employer_id, "Entreprise")
        _check_siret_unique(session, clean.siret, employer_id)
        _store_employer(employer, clean)


def get_employer(db: Database, employer_id: str) -> EmployerDraft:
    """An employer's record as its form shows it."""
    columns = [getattr(Employer, name) for name in _EMPLOYER_FIELDS]
    with db.read() as session:
        row = session.execute(select(*columns).where(Employer.id == employer_id)).one_or_none()
    if row is None:
        raise UserError("Cette entreprise n'existe plus (supprimée entre-temps ?).")
    return EmployerDraft(**row._mapping)


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

@dataclass(frozen=True, slots=True)
class ContactDraft:
    """A contact person of an employer as the coach types them; a tutor says so."""

    last_name: str
    first_name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    is_tutor: bool = False
    is_employer_in_person: bool = False
    tutor_experience_years: int | None = None


_CONTACT_FIELDS = tuple(field.name for field in fields(ContactDraft))


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


def _clean_contact(draft: ContactDraft) -> ContactDraft:
    years = draft.tutor_experience_years
    if years is not None and (not isinstance(years, int) or years < 0):
        raise UserError(
            f"Expérience du tuteur : « {years} » n'est pas un nombre d'années valide.",
            hint="Indiquez un nombre entier d'années, 0 ou plus.",
        )
    return replace(
        draft,
        last_name=required_text(draft.last_name, "Nom du contact"),
        first_name=draft.first_name.strip(),
        role=draft.role.strip(),
        phone=draft.phone.strip(),
        email=draft.email.strip(),
        # The employer in person who follows a trainee is a tutor.
        is_tutor=draft.is_tutor or draft.is_employer_in_person,
    )


def add_contact(db: Database, employer_id: str, draft: ContactDraft) -> str:
    """A contact person (or tutor) of an employer; returns its id."""
    clean = _clean_contact(draft)
    with db.write() as session:
        get_record(session, Employer, employer_id, "Entreprise")
        contact = EmployerContact(
            employer_id=employer_id, **{name: getattr(clean, name) for name in _CONTACT_FIELDS}
        )
        session.add(contact)
        session.flush()
        return contact.id


def update_contact(db: Database, contact_id: str, draft: ContactDraft) -> None:
    """Save the contact person's form (every field of the draft)."""
    clean = _clean_contact(draft)
    with db.write() as session:
        contact = get_record(session, EmployerContact, contact_id, "Contact")
        for name in _CONTACT_FIELDS:
            setattr(contact, name, getattr(clean, name))


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
    on = on or today_for(db)
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


@dataclass(frozen=True, slots=True)
class ProspectingDraft:
    """One step of prospecting an employer, and the next step planned."""

    done_on: date
    channel: str  # a code of codes.PROSPECTING_CHANNELS
    author: str = ""
    outcome: str = ""
    next_step: str = ""
    next_step_on: date | None = None


def add_prospecting_event(db: Database, employer_id: str, draft: ProspectingDraft) -> str:
    """Log a prospecting contact with an employer; returns its id."""
    check_code(draft.channel, codes.PROSPECTING_CHANNELS, "Canal de prospection")
    if draft.next_step_on is not None and draft.next_step_on < draft.done_on:
        raise UserError(
            f"Prochaine étape : la date {draft.next_step_on:%d/%m/%Y} est antérieure au contact "
            f"du {draft.done_on:%d/%m/%Y}.",
            hint="La prochaine étape se situe le jour du contact ou après.",
        )
    with db.write() as session:
        get_record(session, Employer, employer_id, "Entreprise")
        event = ProspectingEvent(
            employer_id=employer_id, done_on=draft.done_on, channel=draft.channel,
            author=draft.author.strip(), outcome=draft.outcome.strip(),
            next_step=draft.next_step.strip(), next_step_on=draft.next_step_on,
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
    "ContactDraft", "ContactRow", "DirectoryStamp", "EmployerChoice", "EmployerDraft",
    "EmployerRow", "ProspectingDraft", "ProspectingRow", "add_contact", "add_prospecting_event",
    "create_employer", "directory_stamp", "employer_choice", "employer_search_text",
    "get_employer", "list_contacts", "list_employers", "list_prospecting",
    "next_prospecting_steps", "open_offer_counts", "search_employers",
    "search_words", "tutor_warnings", "update_contact", "update_employer",
]
