"""The Cohorte tab's participants: the as-you-type search, the file, and the timeline.

The list itself is :func:`coachdesk.services.lists.participant_rows`, read once per reload;
a keystroke filters those rows in memory (``participant_list.search_rows``) on the folded
``search_text`` each row carries: at 80,000 people that beats a query per keystroke
(``benchmarks/cohort_search.py``). Writes are one transaction each and keep ``search_text``
current.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Attendance,
    BilanGroup,
    BilanMember,
    Coach,
    Cohort,
    Contract,
    Employer,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    JobOffer,
    JournalEntry,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    RecruitmentInterview,
    Referral,
    Reminder,
    SelectionInterview,
    SkillAssessment,
    codes,
    utcnow,
)
from coachdesk.services import enrolment as enrolments
from coachdesk.services.clock import clock_day
from coachdesk.services.follow_on import LinkedFile, linked_files_in
from coachdesk.services.text import participant_search_text


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


# --- the participant file ----------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantData:
    """The editable fields of a participant, as the file form holds them."""

    last_name: str
    first_name: str
    birth_date: date | None = None
    is_adult: bool = False
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    ine: str = ""
    university_track: str = ""
    bac_type: str | None = None
    bac_series: str = ""
    bac_year: int | None = None
    provenance: str = "universite"
    # The coach record of the person's chargé·e d'accompagnement.
    coach_id: str | None = None
    consent_date: date | None = None
    notes: str = ""


_DATA_FIELDS = tuple(item.name for item in fields(ParticipantData))


@dataclass(frozen=True)
class ParticipantFile:
    """A participant's file: the editable data and where it came from."""

    id: str
    cohort_id: str
    data: ParticipantData
    listed_on: date
    source_file: str
    source_sheet: str
    imported_at: datetime | None


def _checked(data: ParticipantData) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in _DATA_FIELDS}
    for name in ("last_name", "first_name", "phone", "email", "address", "postcode", "city",
                 "ine", "university_track", "bac_series"):
        values[name] = (values[name] or "").strip()
    if not values["last_name"] or not values["first_name"]:
        missing = "Nom" if not values["last_name"] else "Prénom"
        raise UserError(f"Le champ « {missing} » est obligatoire.",
                        hint="Renseignez-le puis enregistrez à nouveau.")
    if values["provenance"] not in codes.PROVENANCES:
        raise UserError(f"Provenance inconnue : « {values['provenance']} ».")
    if values["bac_type"] is not None and values["bac_type"] not in codes.BAC_TYPES:
        raise UserError(f"Type de bac inconnu : « {values['bac_type']} ».")
    values["coach_id"] = values["coach_id"] or None
    if values["birth_date"] is not None and values["birth_date"] > date.today():
        raise UserError("La date de naissance est dans le futur.",
                        hint="Vérifiez la date (JJ/MM/AAAA).")
    if values["phone"]:
        # (phonenumbers and the contact import's rules: loaded with the first form saved, not
        # when the window opens on the list of people.)
        from coachdesk.services.contact_import.normalise import normalise_phone

        # A valid number is stored in French format; anything else is kept as typed.
        values["phone"] = normalise_phone(values["phone"]) or values["phone"]
    values["search_text"] = participant_search_text(
        values["last_name"], values["first_name"], values["phone"], values["email"]
    )
    return values


def create_participant(
    database: Database, cohort_id: str, data: ParticipantData, *, listed_on: date | None = None
) -> str:
    """Add a person to a cohort (one transaction); returns the new id."""
    values = _checked(data)
    with database.write() as session:
        participant = Participant(
            cohort_id=cohort_id, listed_on=listed_on or clock_day(session), **values
        )
        session.add(participant)
        session.flush()
        return participant.id


def _load(session: Session, participant_id: str) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise UserError("Cette personne n'existe plus : elle a peut-être été supprimée.",
                        hint="Rechargez la liste.")
    return participant


def update_participant(database: Database, participant_id: str, data: ParticipantData) -> None:
    """Save the file form (one transaction), search text included."""
    values = _checked(data)
    with database.write() as session:
        participant = _load(session, participant_id)
        for name, value in values.items():
            setattr(participant, name, value)
        participant.updated_at = utcnow()


def delete_participant(database: Database, participant_id: str) -> None:
    """Delete a person and everything recorded about them (one transaction)."""
    with database.write() as session:
        session.delete(_load(session, participant_id))


def get_participant(database: Database, participant_id: str) -> ParticipantFile:
    with database.read() as session:
        row = session.execute(
            select(Participant.__table__).where(Participant.id == participant_id)
        ).mappings().first()
        if row is None:
            raise UserError("Cette personne n'existe plus : elle a peut-être été supprimée.",
                            hint="Rechargez la liste.")
        return ParticipantFile(
            id=row["id"], cohort_id=row["cohort_id"],
            data=ParticipantData(**{name: row[name] for name in _DATA_FIELDS}),
            listed_on=row["listed_on"], source_file=row["source_file"],
            source_sheet=row["source_sheet"], imported_at=row["imported_at"],
        )


# --- the timeline --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated thing that happened to a person, in French, from whichever tab recorded it.

    ``cohort`` names the promotion of another file of the same person (a follow-on
    promotion) the event was recorded in; empty for the file's own events.
    """

    on: date
    kind: str
    title: str
    detail: str = ""
    cohort: str = ""


def _label(vocabulary: dict[str, str], code: str | None) -> str:
    return vocabulary.get(code or "", code or "")


def participant_timeline(
    database: Database, participant_id: str, on: date | None = None
) -> list[TimelineEvent]:
    """Everything recorded about a person across every table, oldest first: in this file, and
    in the person's other files when they were followed in several promotions; and what
    follows from it by ``on`` (the database's day): a provisional enrolment that lapsed."""
    with database.read() as session:
        files = linked_files_in(session, participant_id)
        if not any(file.participant_id == participant_id for file in files):
            raise UserError("Cette personne n'existe plus : elle a peut-être été supprimée.")
        today = on or clock_day(session)
        coaches = dict(session.execute(select(Coach.id, Coach.name)).all())
        names = {file.participant_id: file.cohort_name for file in files}
        events: list[TimelineEvent] = []
        for file in files:
            own = file.participant_id == participant_id
            found = list(_file_events(session, file, names, coaches, today))
            events += found if own else [replace(e, cohort=file.cohort_name) for e in found]
        order = {kind: index for index, kind in enumerate(_KIND_ORDER)}
        events.sort(key=lambda event: (event.on, order.get(event.kind, len(order))))
        return events


def _file_events(session: Session, file: LinkedFile, cohort_names: dict[str, str],
                 coaches: dict[str, str], today: date) -> Iterable[TimelineEvent]:
    person = session.execute(
        select(Participant.source_file, Participant.provenance)
        .where(Participant.id == file.participant_id)
    ).one()
    if file.follows_from_id is not None:
        earlier = cohort_names.get(file.follows_from_id, "")
        yield TimelineEvent(
            file.listed_on, "contact", f"Inscription dans la promotion « {file.cohort_name} »",
            f"suite de la promotion « {earlier} »" if earlier else "")
    if file.follows_from_id is None or person.source_file:
        yield TimelineEvent(
            file.listed_on, "contact", "Entrée dans le fichier de contacts",
            " — ".join(part for part in (_label(codes.PROVENANCES, person.provenance),
                                         person.source_file) if part),
        )
    yield from _events(session, file.participant_id, coaches, today)


_KIND_ORDER = (
    "contact", "outreach", "information", "selection", "bilan", "skills", "project",
    "referral", "recruitment", "enrolment", "contract", "visit", "rupture", "outcome",
    "reminder", "journal",
)


def _events(session: Session, person: str, coaches: dict[str, str], today: date
            ) -> Iterable[TimelineEvent]:
    row: Any  # one query per table, each with its own columns
    for row in session.execute(
        select(Outreach.done_on, Outreach.channel, Outreach.outcome, Outreach.coach_id,
               Outreach.recall_on, Outreach.notes).where(Outreach.participant_id == person)
    ):
        detail = " — ".join(part for part in (
            coaches.get(row.coach_id or "", ""),
            f"à rappeler le {row.recall_on:%d/%m/%Y}" if row.recall_on else "",
            row.notes) if part)
        title = (f"{_label(codes.OUTREACH_CHANNELS, row.channel)} : "
                 f"{_label(codes.OUTREACH_OUTCOMES, row.outcome)}")
        yield TimelineEvent(row.done_on, "outreach", title, detail)
    for row in session.execute(
        select(InfoSession.starts_at, InfoSession.place, Attendance.status)
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(Attendance.participant_id == person)
    ):
        status = _label(codes.ATTENDANCE_STATUSES, row.status)
        yield TimelineEvent(row.starts_at.date(), "information",
                            f"Réunion d'information : {status}", row.place)
    for row in session.execute(
        select(SelectionInterview.held_on, SelectionInterview.decision,
               SelectionInterview.interviewer, SelectionInterview.motivation_notes)
        .where(SelectionInterview.participant_id == person)
    ):
        decision = _label(codes.SELECTION_DECISIONS, row.decision) or "décision à venir"
        yield TimelineEvent(row.held_on, "selection", f"Entretien de sélection : {decision}",
                            " — ".join(p for p in (row.interviewer, row.motivation_notes) if p))
    for row in session.execute(
        select(BilanMember.started_on, BilanMember.left_on, BilanMember.status, BilanGroup.name)
        .join(BilanGroup, BilanGroup.id == BilanMember.group_id)
        .where(BilanMember.participant_id == person)
    ):
        yield TimelineEvent(row.started_on, "bilan", "Début du bilan d'orientation", row.name)
        if row.left_on is not None:
            yield TimelineEvent(row.left_on, "bilan",
                                f"Fin du bilan : {_label(codes.BILAN_STATUSES, row.status)}",
                                row.name)
    for row in session.execute(
        select(SkillAssessment.domain, SkillAssessment.max_score, SkillAssessment.score_before,
               SkillAssessment.assessed_before_on, SkillAssessment.score_after,
               SkillAssessment.assessed_after_on)
        .where(SkillAssessment.participant_id == person)
    ):
        domain = _label(codes.SKILL_DOMAINS, row.domain)
        if row.assessed_before_on is not None:
            yield TimelineEvent(row.assessed_before_on, "skills", f"Positionnement : {domain}",
                                f"{row.score_before}/{row.max_score}")
        if row.assessed_after_on is not None:
            yield TimelineEvent(row.assessed_after_on, "skills",
                                f"Après remise à niveau : {domain}",
                                f"{row.score_after}/{row.max_score}")
    for row in session.execute(
        select(ProfessionalProject.job_title, ProfessionalProject.rome_code,
               ProfessionalProject.decision, ProfessionalProject.decided_on,
               ProfessionalProject.created_at)
        .where(ProfessionalProject.participant_id == person)
    ):
        yield TimelineEvent(
            row.decided_on or row.created_at.date(), "project",
            f"Projet professionnel : {_label(codes.PROJECT_DECISIONS, row.decision)}",
            f"{row.job_title} ({row.rome_code})",
        )
    for row in session.execute(
        select(Referral.id, Referral.proposed_on, Referral.status, Referral.status_on,
               JobOffer.title, Employer.name)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(Referral.participant_id == person)
    ):
        offer = f"{row.title} — {row.name}"
        yield TimelineEvent(row.proposed_on, "referral", "Mise en relation", offer)
        if row.status != "proposee":
            status = _label(codes.REFERRAL_STATUSES, row.status)
            yield TimelineEvent(row.status_on, "referral", f"Mise en relation : {status}", offer)
    for row in session.execute(
        select(RecruitmentInterview.starts_at, RecruitmentInterview.outcome,
               RecruitmentInterview.place, Employer.name)
        .join(Referral, Referral.id == RecruitmentInterview.referral_id)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(Referral.participant_id == person)
    ):
        yield TimelineEvent(
            row.starts_at.date(), "recruitment",
            f"Entretien de recrutement : {_label(codes.INTERVIEW_OUTCOMES, row.outcome)}",
            f"{row.name} à {row.starts_at:%H:%M}" + (f", {row.place}" if row.place else ""),
        )
    for row in session.execute(
        select(Enrolment.enrolled_on, enrolments.deadline_column().label("deadline"),
               enrolments.first_contract_column().label("first_contract_on"))
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(Enrolment.participant_id == person)
    ):
        # Final or lapsed by the enrolment's rule; a lapse shows once its day has come.
        limit = f"date limite le {row.deadline:%d/%m/%Y}" if row.deadline else ""
        yield TimelineEvent(row.enrolled_on, "enrolment", "Inscription provisoire à la formation",
                            limit)
        final = enrolments.confirmation_day(row.enrolled_on, row.deadline, row.first_contract_on)
        if final is not None:
            yield TimelineEvent(final, "enrolment", "Inscription confirmée",
                                "contrat signé avant la date limite")
        elif row.deadline is not None and enrolments.lapse_day(row.deadline) <= today:
            yield TimelineEvent(enrolments.lapse_day(row.deadline), "enrolment",
                                "Inscription caduque", "pas de contrat signé à la date limite")
    for row in session.execute(
        select(Contract.id, Contract.contract_type, Contract.start_date, Contract.end_date,
               Contract.rupture_on, Contract.rupture_by, Contract.rupture_reason, Employer.name)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(Contract.participant_id == person)
    ):
        contract_type = _label(codes.CONTRACT_TYPES, row.contract_type)
        yield TimelineEvent(
            row.start_date, "contract",
            f"Début du contrat de professionnalisation ({contract_type})",
            row.name + (f", fin prévue le {row.end_date:%d/%m/%Y}" if row.end_date else ""),
        )
        if row.rupture_on is not None:
            yield TimelineEvent(row.rupture_on, "rupture",
                                f"Rupture du contrat : {_label(codes.RUPTURE_BY, row.rupture_by)}",
                                row.rupture_reason)
    for row in session.execute(
        select(FollowUpVisit.kind, FollowUpVisit.planned_on, FollowUpVisit.done_on,
               FollowUpVisit.coach_id, FollowUpVisit.difficulties, FollowUpVisit.actions)
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .where(Contract.participant_id == person)
    ):
        kind = _label(codes.VISIT_KINDS, row.kind)
        coach = coaches.get(row.coach_id or "", "")
        if row.done_on is not None:
            yield TimelineEvent(row.done_on, "visit", kind, " — ".join(
                p for p in (coach, row.difficulties, row.actions) if p))
        elif row.planned_on is not None:
            yield TimelineEvent(row.planned_on, "visit", f"{kind} prévue", coach)
    for row in session.execute(
        select(Outcome.kind, Outcome.recorded_on, Outcome.expected_on, Outcome.notes)
        .where(Outcome.participant_id == person)
    ):
        detail = " — ".join(p for p in (
            f"prévue le {row.expected_on:%d/%m/%Y}" if row.expected_on else "", row.notes) if p)
        yield TimelineEvent(row.recorded_on, "outcome",
                            f"Sortie : {_label(codes.OUTCOME_KINDS, row.kind)}", detail)
    for row in session.execute(
        select(Reminder.due_on, Reminder.text, Reminder.done)
        .where(Reminder.participant_id == person)
    ):
        yield TimelineEvent(row.due_on, "reminder",
                            "Rappel" + (" (fait)" if row.done else ""), row.text)
    for row in session.execute(
        select(JournalEntry.written_on, JournalEntry.kind, JournalEntry.text, JournalEntry.coach_id)
        .where(JournalEntry.participant_id == person)
    ):
        yield TimelineEvent(row.written_on, "journal",
                            f"Journal : {_label(codes.JOURNAL_KINDS, row.kind)}",
                            " — ".join(p for p in (coaches.get(row.coach_id or "", ""), row.text)
                                       if p))
