"""Recording the programme's events: one function per thing a coach records.

Each function validates its input (raising UserError with a French message), adds the rows to
the given session and returns the new object's id. The caller owns the transaction
(``with database.write() as session:``), so several records can form one change — the demo
cohort and the window use exactly these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import UserError
from coachdesk.models import (
    Attendance,
    BilanAttendance,
    BilanGroup,
    BilanMember,
    BilanPart,
    BilanSession,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Cohort,
    Contract,
    Employer,
    EmployerContact,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    InterviewChecklistItem,
    JobOffer,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    ProspectingEvent,
    RecruitmentInterview,
    Referral,
    SelectionInterview,
    SkillAssessment,
    codes,
)
from coachdesk.services.text import fold, participant_search_text


def _require(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise UserError(
            f"Le champ « {field} » est obligatoire.", hint="Renseignez-le puis réessayez."
        )
    return text


def _code(value: str, vocabulary: dict[str, str], field: str) -> str:
    if value not in vocabulary:
        choices = ", ".join(vocabulary.values())
        raise UserError(
            f"Valeur inconnue pour « {field} » : « {value} ».",
            hint=f"Valeurs possibles : {choices}.",
        )
    return value


def _order(first: date | None, then: date | None, message: str) -> None:
    if first is not None and then is not None and then < first:
        raise UserError(message)


def add_cohort(
    session: Session,
    name: str,
    start_date: date,
    *,
    training_title: str = "",
    end_date: date | None = None,
    enrolment_deadline: date | None = None,
    visit_interval_weeks: int = 6,
) -> str:
    name = _require(name, "Nom de la promotion")
    _order(start_date, end_date, "La promotion ne peut pas finir avant d'avoir commencé.")
    if session.scalar(select(Cohort.id).where(Cohort.name == name)):
        raise UserError(
            f"Une promotion s'appelle déjà « {name} ».", hint="Choisissez un autre nom."
        )
    cohort = Cohort(
        name=name,
        training_title=training_title,
        start_date=start_date,
        end_date=end_date,
        enrolment_deadline=enrolment_deadline,
        visit_interval_weeks=visit_interval_weeks,
    )
    session.add(cohort)
    session.flush()
    return cohort.id


def add_participant(
    session: Session,
    cohort_id: str,
    last_name: str,
    first_name: str,
    *,
    listed_on: date,
    birth_date: date | None = None,
    is_adult: bool = False,
    phone: str = "",
    email: str = "",
    address: str = "",
    postcode: str = "",
    city: str = "",
    ine: str = "",
    university_track: str = "",
    bac_type: str | None = None,
    bac_series: str = "",
    bac_year: int | None = None,
    provenance: str = "universite",
    coach: str = "",
    consent_date: date | None = None,
    notes: str = "",
) -> str:
    last_name = _require(last_name, "Nom")
    first_name = _require(first_name, "Prénom")
    _code(provenance, codes.PROVENANCES, "Provenance")
    if bac_type is not None:
        _code(bac_type, codes.BAC_TYPES, "Type de bac")
    participant = Participant(
        cohort_id=cohort_id,
        last_name=last_name,
        first_name=first_name,
        birth_date=birth_date,
        is_adult=is_adult,
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        postcode=postcode.strip(),
        city=city.strip(),
        ine=ine.strip(),
        university_track=university_track.strip(),
        bac_type=bac_type,
        bac_series=bac_series.strip(),
        bac_year=bac_year,
        provenance=provenance,
        listed_on=listed_on,
        coach=coach,
        consent_date=consent_date,
        notes=notes,
        search_text=participant_search_text(last_name, first_name, phone, email),
    )
    session.add(participant)
    session.flush()
    return participant.id


def record_outreach(
    session: Session,
    participant_id: str,
    done_on: date,
    channel: str,
    outcome: str,
    *,
    author: str = "",
    campaign: str = "",
    recall_on: date | None = None,
    notes: str = "",
) -> str:
    _code(channel, codes.OUTREACH_CHANNELS, "Canal")
    _code(outcome, codes.OUTREACH_OUTCOMES, "Résultat")
    _order(done_on, recall_on, "La date de rappel doit suivre la date de l'appel.")
    row = Outreach(
        participant_id=participant_id,
        done_on=done_on,
        channel=channel,
        outcome=outcome,
        author=author,
        campaign=campaign,
        recall_on=recall_on,
        notes=notes,
    )
    session.add(row)
    session.flush()
    return row.id


def add_info_session(
    session: Session,
    cohort_id: str,
    starts_at: datetime,
    place: str,
    *,
    capacity: int | None = None,
    notes: str = "",
) -> str:
    if capacity is not None and capacity <= 0:
        raise UserError("La capacité d'une réunion doit être d'au moins une place.")
    row = InfoSession(
        cohort_id=cohort_id, starts_at=starts_at, place=place, capacity=capacity, notes=notes
    )
    session.add(row)
    session.flush()
    return row.id


def set_attendance(session: Session, session_id: str, participant_id: str, status: str) -> str:
    """Invite a person to an information session, or record whether they came."""
    _code(status, codes.ATTENDANCE_STATUSES, "Présence")
    info = session.get(InfoSession, session_id)
    person = session.get(Participant, participant_id)
    if info is None or person is None:
        raise UserError("Réunion ou personne introuvable : elle a peut-être été supprimée.")
    if info.cohort_id != person.cohort_id:
        raise UserError(
            "Cette personne appartient à une autre promotion que la réunion.",
            hint="Invitez-la à une réunion de sa propre promotion.",
        )
    row = session.scalar(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.participant_id == participant_id
        )
    )
    if row is None:
        row = Attendance(
            session_id=session_id,
            participant_id=participant_id,
            cohort_id=info.cohort_id,
            status=status,
        )
        session.add(row)
    else:
        row.status = status
    session.flush()
    return row.id


def record_selection_interview(
    session: Session,
    participant_id: str,
    held_on: date,
    *,
    decision: str | None = None,
    interviewer: str = "",
    motivation_notes: str = "",
) -> str:
    if decision is not None:
        _code(decision, codes.SELECTION_DECISIONS, "Décision")
    row = SelectionInterview(
        participant_id=participant_id,
        held_on=held_on,
        decision=decision,
        interviewer=interviewer,
        motivation_notes=motivation_notes,
    )
    session.add(row)
    session.flush()
    return row.id


def add_bilan_group(
    session: Session,
    cohort_id: str,
    name: str,
    parts: dict[str, tuple[date, date]],
) -> str:
    """A bilan group and the planned calendar of its three parts."""
    for kind, (start, end) in parts.items():
        _code(kind, codes.BILAN_PARTS, "Partie du bilan")
        _order(start, end, f"La partie « {codes.BILAN_PARTS[kind]} » finit avant de commencer.")
    start_date = min(start for start, _ in parts.values())
    end_date = max(end for _, end in parts.values())
    group = BilanGroup(
        cohort_id=cohort_id,
        name=_require(name, "Nom du groupe"),
        start_date=start_date,
        end_date=end_date,
    )
    session.add(group)
    session.flush()
    for kind, (start, end) in parts.items():
        session.add(BilanPart(group_id=group.id, kind=kind, start_date=start, end_date=end))
    session.flush()
    return group.id


def add_bilan_member(session: Session, group_id: str, participant_id: str, started_on: date) -> str:
    group = session.get(BilanGroup, group_id)
    person = session.get(Participant, participant_id)
    if group is None or person is None:
        raise UserError("Groupe de bilan ou personne introuvable.")
    if group.cohort_id != person.cohort_id:
        raise UserError("Cette personne appartient à une autre promotion que le groupe de bilan.")
    row = BilanMember(
        group_id=group_id,
        participant_id=participant_id,
        cohort_id=group.cohort_id,
        started_on=started_on,
    )
    session.add(row)
    session.flush()
    return row.id


def end_bilan(
    session: Session, group_id: str, participant_id: str, left_on: date, status: str = "termine"
) -> None:
    """Close a participant's bilan: completed (terminé) or given up (abandon)."""
    _code(status, codes.BILAN_STATUSES, "Statut du bilan")
    member = session.scalar(
        select(BilanMember).where(
            BilanMember.group_id == group_id, BilanMember.participant_id == participant_id
        )
    )
    if member is None:
        raise UserError("Cette personne ne fait pas partie de ce groupe de bilan.")
    if left_on < member.started_on:
        raise UserError("La fin du bilan ne peut pas précéder son début.")
    member.left_on = left_on
    member.status = status


def add_bilan_session(
    session: Session, group_id: str, part: str, held_on: date, title: str, *, trainer: str = ""
) -> str:
    _code(part, codes.BILAN_PARTS, "Partie du bilan")
    row = BilanSession(group_id=group_id, part=part, held_on=held_on, title=title, trainer=trainer)
    session.add(row)
    session.flush()
    return row.id


def set_bilan_attendance(
    session: Session, bilan_session_id: str, participant_id: str, present: bool
) -> None:
    session.add(
        BilanAttendance(session_id=bilan_session_id, participant_id=participant_id, present=present)
    )


def record_skill_assessment(
    session: Session,
    participant_id: str,
    domain: str,
    *,
    max_score: int = 20,
    score_before: int | None = None,
    assessed_before_on: date | None = None,
    score_after: int | None = None,
    assessed_after_on: date | None = None,
) -> str:
    for label, score in (("avant", score_before), ("après", score_after)):
        if score is not None and not 0 <= score <= max_score:
            raise UserError(f"Le score {label} remise à niveau doit être entre 0 et {max_score}.")
    row = SkillAssessment(
        participant_id=participant_id,
        domain=_require(domain, "Domaine"),
        max_score=max_score,
        score_before=score_before,
        assessed_before_on=assessed_before_on,
        score_after=score_after,
        assessed_after_on=assessed_after_on,
    )
    session.add(row)
    session.flush()
    return row.id


def record_project(
    session: Session,
    participant_id: str,
    job_title: str,
    rome_code: str,
    *,
    decision: str = "en_cours",
    decided_on: date | None = None,
    directly_employable: bool = False,
    notes: str = "",
) -> str:
    _code(decision, codes.PROJECT_DECISIONS, "Décision")
    code = rome_code.strip().upper()
    if len(code) != 5 or not (code[0].isalpha() and code[1:].isdigit()):
        raise UserError(
            f"Code ROME invalide : « {rome_code} ».",
            hint="Un code ROME est une lettre suivie de quatre chiffres, par exemple M1607.",
        )
    if decision != "en_cours" and decided_on is None:
        raise UserError("Une décision sur le projet doit être datée.")
    row = ProfessionalProject(
        participant_id=participant_id,
        job_title=_require(job_title, "Métier visé"),
        rome_code=code,
        decision=decision,
        decided_on=decided_on,
        directly_employable=directly_employable,
        notes=notes,
    )
    session.add(row)
    session.flush()
    return row.id


def add_employer(
    session: Session,
    name: str,
    *,
    siret: str | None = None,
    naf_code: str = "",
    address: str = "",
    postcode: str = "",
    city: str = "",
    size_band: str = "",
    collective_agreement: str = "",
    opco: str = "",
    reached_via: str | None = None,
) -> str:
    from stdnum.fr import siret as siret_rules

    name = _require(name, "Raison sociale")
    if siret:
        compact = siret_rules.compact(siret)
        if not siret_rules.is_valid(compact):
            raise UserError(
                f"Le SIRET « {siret} » de « {name} » n'est pas valide.",
                hint="Un SIRET a 14 chiffres et une clé de contrôle : vérifiez-le sur l'avis "
                "de situation de l'entreprise.",
            )
        siret = compact
    if reached_via is not None:
        _code(reached_via, codes.EMPLOYER_REACHED_VIA, "Origine du contact")
    row = Employer(
        name=name,
        siret=siret or None,
        naf_code=naf_code,
        address=address,
        postcode=postcode,
        city=city,
        size_band=size_band,
        collective_agreement=collective_agreement,
        opco=opco,
        reached_via=reached_via,
        search_text=" | ".join(filter(None, [fold(name), fold(city), siret or ""])),
    )
    session.add(row)
    session.flush()
    return row.id


def add_employer_contact(
    session: Session,
    employer_id: str,
    last_name: str,
    first_name: str = "",
    *,
    role: str = "",
    phone: str = "",
    email: str = "",
    is_tutor: bool = False,
    is_employer_in_person: bool = False,
    tutor_experience_years: int | None = None,
) -> str:
    row = EmployerContact(
        employer_id=employer_id,
        last_name=_require(last_name, "Nom"),
        first_name=first_name,
        role=role,
        phone=phone,
        email=email,
        is_tutor=is_tutor,
        is_employer_in_person=is_employer_in_person,
        tutor_experience_years=tutor_experience_years,
    )
    session.add(row)
    session.flush()
    return row.id


def record_prospecting(
    session: Session,
    employer_id: str,
    done_on: date,
    channel: str,
    *,
    author: str = "",
    outcome: str = "",
    next_step: str = "",
    next_step_on: date | None = None,
) -> str:
    _code(channel, codes.PROSPECTING_CHANNELS, "Canal")
    _order(done_on, next_step_on, "La prochaine étape doit suivre la date du contact.")
    row = ProspectingEvent(
        employer_id=employer_id,
        done_on=done_on,
        channel=channel,
        author=author,
        outcome=outcome,
        next_step=next_step,
        next_step_on=next_step_on,
    )
    session.add(row)
    session.flush()
    return row.id


def add_job_offer(
    session: Session,
    cohort_id: str,
    employer_id: str,
    title: str,
    rome_code: str,
    received_on: date,
    *,
    city: str = "",
    start_on: date | None = None,
    weekly_hours: float | None = None,
    status: str = "ouverte",
    source: str = "prospection",
    description: str = "",
) -> str:
    _code(status, codes.OFFER_STATUSES, "Statut de l'offre")
    _code(source, codes.OFFER_SOURCES, "Source de l'offre")
    row = JobOffer(
        cohort_id=cohort_id,
        employer_id=employer_id,
        title=_require(title, "Intitulé du poste"),
        rome_code=rome_code.strip().upper(),
        received_on=received_on,
        city=city,
        start_on=start_on,
        weekly_hours=weekly_hours,
        status=status,
        source=source,
        description=description,
    )
    session.add(row)
    session.flush()
    return row.id


def set_offer_status(session: Session, offer_id: str, status: str) -> None:
    _code(status, codes.OFFER_STATUSES, "Statut de l'offre")
    offer = session.get(JobOffer, offer_id)
    if offer is None:
        raise UserError("Offre introuvable : elle a peut-être été supprimée.")
    offer.status = status


def add_referral(session: Session, offer_id: str, participant_id: str, proposed_on: date) -> str:
    row = Referral(
        offer_id=offer_id,
        participant_id=participant_id,
        proposed_on=proposed_on,
        status="proposee",
        status_on=proposed_on,
    )
    session.add(row)
    session.flush()
    return row.id


def set_referral_status(session: Session, referral_id: str, status: str, on: date) -> None:
    _code(status, codes.REFERRAL_STATUSES, "Statut de la mise en relation")
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise UserError("Mise en relation introuvable : elle a peut-être été supprimée.")
    _order(referral.proposed_on, on, "Le nouveau statut ne peut pas précéder la proposition.")
    referral.status = status
    referral.status_on = on


def default_checklist_labels(session: Session) -> list[str]:
    template_id = session.scalar(
        select(ChecklistTemplate.id).where(ChecklistTemplate.is_default.is_(True))
    )
    if template_id is None:
        return []
    return list(
        session.scalars(
            select(ChecklistTemplateItem.label)
            .where(ChecklistTemplateItem.template_id == template_id)
            .order_by(ChecklistTemplateItem.position)
        )
    )


def add_checklist_template(
    session: Session, name: str, labels: Iterable[str], *, is_default: bool = False
) -> str:
    template = ChecklistTemplate(name=_require(name, "Nom de la liste"), is_default=is_default)
    session.add(template)
    session.flush()
    for position, label in enumerate(labels, start=1):
        session.add(ChecklistTemplateItem(template_id=template.id, position=position, label=label))
    session.flush()
    return template.id


def add_recruitment_interview(
    session: Session,
    referral_id: str,
    starts_at: datetime,
    *,
    place: str = "",
    address: str = "",
    route_note: str = "",
    contact_person: str = "",
) -> str:
    """A recruitment interview, with its own copy of the default preparation checklist."""
    interview = RecruitmentInterview(
        referral_id=referral_id,
        starts_at=starts_at,
        place=place,
        address=address,
        route_note=route_note,
        contact_person=contact_person,
    )
    session.add(interview)
    session.flush()
    for position, label in enumerate(default_checklist_labels(session), start=1):
        session.add(
            InterviewChecklistItem(interview_id=interview.id, position=position, label=label)
        )
    session.flush()
    return interview.id


def tick_checklist(session: Session, interview_id: str, positions: Iterable[int], on: date) -> None:
    wanted = set(positions)
    items = session.scalars(
        select(InterviewChecklistItem).where(InterviewChecklistItem.interview_id == interview_id)
    )
    for item in items:
        if item.position in wanted:
            item.checked = True
            item.checked_on = on


def set_interview_outcome(session: Session, interview_id: str, outcome: str) -> None:
    _code(outcome, codes.INTERVIEW_OUTCOMES, "Issue de l'entretien")
    interview = session.get(RecruitmentInterview, interview_id)
    if interview is None:
        raise UserError("Entretien introuvable : il a peut-être été supprimé.")
    interview.outcome = outcome


def enrol(session: Session, participant_id: str, enrolled_on: date) -> str:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("Personne introuvable : elle a peut-être été supprimée.")
    row = Enrolment(
        participant_id=participant_id, cohort_id=person.cohort_id, enrolled_on=enrolled_on
    )
    session.add(row)
    session.flush()
    return row.id


def _enrolment_of(session: Session, participant_id: str) -> Enrolment | None:
    return session.scalar(select(Enrolment).where(Enrolment.participant_id == participant_id))


def _check_contract_terms(
    *,
    start_date: date,
    end_date: date | None,
    contract_type: str,
    signed_on: date | None,
    workplace_siret: str | None,
    weekly_hours: float | None,
    training_hours: int | None,
    gross_monthly_pay_cents: int | None,
    branch_minimum_cents: int | None,
    sent_to_opco_on: date | None,
    opco_decision: str | None,
    opco_decision_on: date | None,
    trial_period_end_override: date | None,
) -> None:
    """The checks a contract's terms pass before they are stored, new or edited (French)."""
    _code(contract_type, codes.CONTRACT_TYPES, "Type de contrat")
    if contract_type == "cdd" and end_date is None:
        raise UserError("Un contrat à durée déterminée doit avoir une date de fin.")
    if end_date is not None and end_date <= start_date:
        raise UserError(
            "Le contrat ne peut pas finir avant d'avoir commencé.",
            hint="Vérifiez les dates de début et de fin.",
        )
    if trial_period_end_override is not None and trial_period_end_override < start_date:
        raise UserError(
            "Champ « Période d'essai » : la fin de la période d'essai précède le début du "
            "contrat.",
            hint="Vérifiez la date écrite dans le contrat, ou décochez-la.",
        )
    if workplace_siret is not None and (
        len(workplace_siret) != 14 or not workplace_siret.isdigit()
    ):
        raise UserError(
            f"Champ « SIRET du lieu de travail » : « {workplace_siret} » n'a pas 14 chiffres.",
            hint="Recopiez-le depuis les papiers de l'employeur, ou laissez-le vide.",
        )
    if weekly_hours is not None and not 0 < weekly_hours <= 48:
        raise UserError("Champ « Heures par semaine » : entre 1 et 48 heures.")
    if training_hours is not None and training_hours < 0:
        raise UserError("Champ « Heures de formation » : le nombre ne peut pas être négatif.")
    for cents, field in ((gross_monthly_pay_cents, "Salaire brut mensuel"),
                         (branch_minimum_cents, "Minimum conventionnel de branche")):
        if cents is not None and cents < 0:
            raise UserError(f"Champ « {field} » : le montant ne peut pas être négatif.")
    if opco_decision is not None:
        _code(opco_decision, codes.OPCO_DECISIONS, "Décision de l'OPCO")
    _order(
        sent_to_opco_on,
        opco_decision_on,
        "Champ « Date de la décision » : l'OPCO ne peut pas décider avant d'avoir reçu le "
        "contrat.",
    )


def record_contract(
    session: Session,
    participant_id: str,
    employer_id: str,
    start_date: date,
    *,
    end_date: date | None,
    contract_type: str = "cdd",
    signed_on: date | None = None,
    tutor_id: str | None = None,
    offer_id: str | None = None,
    workplace_siret: str | None = None,
    weekly_hours: float | None = 35,
    training_hours: int | None = None,
    job_title: str = "",
    rome_code: str = "",
    qualification: str = "",
    gross_monthly_pay_cents: int | None = None,
    branch_minimum_cents: int | None = None,
    opco: str = "",
    sent_to_opco_on: date | None = None,
    opco_decision: str | None = None,
    opco_decision_on: date | None = None,
    trial_period_end_override: date | None = None,
) -> str:
    """A signed contract; it confirms the person's provisional enrolment."""
    _check_contract_terms(
        start_date=start_date, end_date=end_date, contract_type=contract_type,
        signed_on=signed_on, workplace_siret=workplace_siret, weekly_hours=weekly_hours,
        training_hours=training_hours, gross_monthly_pay_cents=gross_monthly_pay_cents,
        branch_minimum_cents=branch_minimum_cents, sent_to_opco_on=sent_to_opco_on,
        opco_decision=opco_decision, opco_decision_on=opco_decision_on,
        trial_period_end_override=trial_period_end_override,
    )
    contract = Contract(
        participant_id=participant_id,
        employer_id=employer_id,
        tutor_id=tutor_id,
        offer_id=offer_id,
        workplace_siret=workplace_siret,
        contract_type=contract_type,
        signed_on=signed_on,
        start_date=start_date,
        end_date=end_date,
        weekly_hours=weekly_hours,
        training_hours=training_hours,
        job_title=job_title,
        rome_code=rome_code,
        qualification=qualification,
        gross_monthly_pay_cents=gross_monthly_pay_cents,
        branch_minimum_cents=branch_minimum_cents,
        opco=opco,
        sent_to_opco_on=sent_to_opco_on,
        opco_decision=opco_decision,
        opco_decision_on=opco_decision_on,
        trial_period_end_override=trial_period_end_override,
    )
    session.add(contract)
    enrolment = _enrolment_of(session, participant_id)
    if enrolment is not None and enrolment.status != "confirmee":
        enrolment.status = "confirmee"
        enrolment.confirmed_on = max(enrolment.enrolled_on, signed_on or start_date)
        enrolment.lapsed_on = None
    session.flush()
    return contract.id


def update_contract(
    session: Session,
    contract_id: str,
    employer_id: str,
    start_date: date,
    *,
    end_date: date | None,
    contract_type: str = "cdd",
    signed_on: date | None = None,
    tutor_id: str | None = None,
    workplace_siret: str | None = None,
    weekly_hours: float | None = 35,
    training_hours: int | None = None,
    job_title: str = "",
    rome_code: str = "",
    qualification: str = "",
    gross_monthly_pay_cents: int | None = None,
    branch_minimum_cents: int | None = None,
    opco: str = "",
    sent_to_opco_on: date | None = None,
    opco_decision: str | None = None,
    opco_decision_on: date | None = None,
    trial_period_end_override: date | None = None,
) -> None:
    """Change the terms of a recorded contract (its person stays), with record_contract's checks.

    Filled in weeks later too: the date sent to the OPCO, its decision and the decision date.
    The confirmed enrolment keeps the date of the person's first contract."""
    _check_contract_terms(
        start_date=start_date, end_date=end_date, contract_type=contract_type,
        signed_on=signed_on, workplace_siret=workplace_siret, weekly_hours=weekly_hours,
        training_hours=training_hours, gross_monthly_pay_cents=gross_monthly_pay_cents,
        branch_minimum_cents=branch_minimum_cents, sent_to_opco_on=sent_to_opco_on,
        opco_decision=opco_decision, opco_decision_on=opco_decision_on,
        trial_period_end_override=trial_period_end_override,
    )
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise UserError("Contrat introuvable : il a peut-être été supprimé.")
    if session.get(Employer, employer_id) is None:
        raise UserError("Employeur introuvable : il a peut-être été supprimé.",
                        hint="Choisissez un autre employeur.")
    if tutor_id is not None:
        tutor = session.get(EmployerContact, tutor_id)
        if tutor is None or tutor.employer_id != employer_id:
            raise UserError("Le tuteur choisi ne fait pas partie de cet employeur.",
                            hint="Choisissez un tuteur parmi les contacts de l'employeur.")
    if contract.rupture_on is not None and contract.rupture_on < start_date:
        raise UserError(
            f"Le contrat a été rompu le {contract.rupture_on:%d/%m/%Y} : il ne peut pas "
            "commencer après.",
            hint="Vérifiez la date de début.",
        )
    contract.employer_id = employer_id
    contract.tutor_id = tutor_id
    contract.workplace_siret = workplace_siret
    contract.contract_type = contract_type
    contract.signed_on = signed_on
    contract.start_date = start_date
    contract.end_date = end_date
    contract.weekly_hours = weekly_hours
    contract.training_hours = training_hours
    contract.job_title = job_title
    contract.rome_code = rome_code
    contract.qualification = qualification
    contract.gross_monthly_pay_cents = gross_monthly_pay_cents
    contract.branch_minimum_cents = branch_minimum_cents
    contract.opco = opco
    contract.sent_to_opco_on = sent_to_opco_on
    contract.opco_decision = opco_decision
    contract.opco_decision_on = opco_decision_on
    contract.trial_period_end_override = trial_period_end_override
    session.flush()
    enrolment = _enrolment_of(session, contract.participant_id)
    if enrolment is not None and enrolment.status == "confirmee":
        first = session.scalar(
            select(func.min(func.coalesce(Contract.signed_on, Contract.start_date)))
            .where(Contract.participant_id == contract.participant_id)
        )
        if first is not None:
            enrolment.confirmed_on = max(enrolment.enrolled_on, first)
    session.flush()


def record_rupture(
    session: Session,
    contract_id: str,
    rupture_on: date,
    rupture_by: str,
    reason_category: str,
    reason: str = "",
) -> None:
    _code(rupture_by, codes.RUPTURE_BY, "Rupture à l'initiative de")
    _code(reason_category, codes.RUPTURE_REASONS, "Motif de rupture")
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise UserError("Contrat introuvable : il a peut-être été supprimé.")
    if rupture_on < contract.start_date:
        raise UserError("La rupture ne peut pas précéder le début du contrat.")
    contract.rupture_on = rupture_on
    contract.rupture_by = rupture_by
    contract.rupture_reason_category = reason_category
    contract.rupture_reason = reason


def record_visit(
    session: Session,
    contract_id: str,
    *,
    kind: str = "visite",
    planned_on: date | None = None,
    done_on: date | None = None,
    author: str = "",
    met_people: str = "",
    rating: int | None = None,
    difficulty_categories: Iterable[str] = (),
    difficulties: str = "",
    actions: str = "",
    next_visit_on: date | None = None,
) -> str:
    _code(kind, codes.VISIT_KINDS, "Type de suivi")
    categories = list(difficulty_categories)
    for category in categories:
        _code(category, codes.DIFFICULTY_CATEGORIES, "Difficulté")
    if planned_on is None and done_on is None:
        raise UserError("Une visite doit avoir une date prévue ou une date de réalisation.")
    if rating is not None and not 1 <= rating <= 4:
        raise UserError("L'appréciation va de 1 (très difficile) à 4 (très bien).")
    _order(done_on, next_visit_on, "La prochaine visite doit suivre la visite réalisée.")
    row = FollowUpVisit(
        contract_id=contract_id,
        kind=kind,
        planned_on=planned_on,
        done_on=done_on,
        author=author,
        met_people=met_people,
        rating=rating,
        difficulty_categories=",".join(categories),
        difficulties=difficulties,
        actions=actions,
        next_visit_on=next_visit_on,
    )
    session.add(row)
    session.flush()
    return row.id


def record_outcome(
    session: Session,
    participant_id: str,
    kind: str,
    recorded_on: date,
    *,
    expected_on: date | None = None,
    notes: str = "",
) -> str:
    _code(kind, codes.OUTCOME_KINDS, "Solution")
    row = Outcome(
        participant_id=participant_id,
        kind=kind,
        recorded_on=recorded_on,
        expected_on=expected_on,
        notes=notes,
    )
    session.add(row)
    session.flush()
    return row.id
