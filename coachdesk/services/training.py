"""The training, followed: where a person is trained, at which rhythm, their absences and
assessments as the training body reports them, and how it ends.

* A work-study training belongs to its contract (one per contract): its training body and
  qualification start as the promotion's, its dates as the contract's. Evening classes (cours
  du soir) followed beside a job are a training of the person with its own body, no contract.
* Absences (a day: hours or half-days, justified or not) and assessments (a day, a subject, a
  result in words and/or a grade on 20) are typed in the window or imported from the training
  body's sheet (``services.training_import``); both go through the checks here.
* The result — certificat obtenu, non obtenu, abandon — has its date, never after the
  database's day; the funnel counts « qualification obtenue » from it.

Each write is one transaction; reads return frozen rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Cohort,
    Contract,
    Participant,
    Training,
    TrainingAbsence,
    TrainingAssessment,
    TrainingBody,
    codes,
)
from coachdesk.services.checks import check_code, check_order
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_rules import fr_date
from coachdesk.services.records import get_record
from coachdesk.services.text import person_name

# A day holds at most two half-days, and a training day no more hours than this.
MAX_HALF_DAYS = 2
MAX_HOURS_A_DAY = 12
# Grades are on 20, as French training bodies give them.
GRADE_SCALE = 20


# --- drafts -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainingDraft:
    """A training as the coach records it.

    With ``contract_id`` it is the work-study training of that contract (mode ``alternance``);
    without, evening classes (``cours_du_soir``) beside a job. The rhythm is days a week at the
    training body and at work (« 2 j centre / 3 j entreprise »).
    """

    mode: str = "alternance"
    contract_id: str | None = None
    training_body_id: str | None = None
    qualification: str = ""
    start_date: date | None = None
    end_date: date | None = None
    days_at_training_body: int | None = None
    days_at_work: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class AbsenceDraft:
    """One day of absence: hours or half-days (one of the two), justified or not."""

    absent_on: date
    hours: float | None = None
    half_days: int | None = None
    justified: bool = False
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AssessmentDraft:
    """One assessment: its day, its subject, a result in words and/or a grade on 20."""

    assessed_on: date
    subject: str
    result: str = ""
    grade: float | None = None


# --- checks (shared with the import) ------------------------------------------------------------


def check_rhythm(days_at_training_body: int | None, days_at_work: int | None) -> None:
    for value, where in ((days_at_training_body, "au centre de formation"),
                         (days_at_work, "en entreprise")):
        if value is not None and not 0 <= value <= 7:
            raise UserError(f"Le nombre de jours {where} doit être compris entre 0 et 7.",
                            hint="Indiquez le rythme d'une semaine, par exemple 2 et 3.")
    if (days_at_training_body or 0) + (days_at_work or 0) > 7:
        raise UserError("Le rythme dépasse sept jours par semaine.",
                        hint="Indiquez les jours d'une semaine, par exemple 2 j au centre et "
                        "3 j en entreprise.")


def check_absence(draft: AbsenceDraft) -> None:
    """The rules of one absence, whatever its source (window or training body's sheet)."""
    if (draft.hours is None) == (draft.half_days is None):
        raise UserError("Indiquez la durée de l'absence en heures ou en demi-journées (l'une "
                        "des deux).", hint="Par exemple 3,5 heures, ou 1 demi-journée.")
    if draft.hours is not None and not 0 < draft.hours <= MAX_HOURS_A_DAY:
        raise UserError(f"Une absence dure de 0,5 à {MAX_HOURS_A_DAY} heures par jour.",
                        hint="Saisissez une ligne par jour d'absence.")
    if draft.half_days is not None and draft.half_days not in range(1, MAX_HALF_DAYS + 1):
        raise UserError("Une absence dure une ou deux demi-journées par jour.",
                        hint="Saisissez une ligne par jour d'absence.")


def check_assessment(draft: AssessmentDraft) -> None:
    if not draft.subject.strip():
        raise UserError("Indiquez la matière ou le module évalué.")
    if draft.grade is None and not draft.result.strip():
        raise UserError("Indiquez le résultat de l'évaluation ou sa note sur 20.")
    if draft.grade is not None and not 0 <= draft.grade <= GRADE_SCALE:
        raise UserError(f"La note doit être comprise entre 0 et {GRADE_SCALE}.",
                        hint="Une note sur un autre barème se ramène sur 20 (14/40 → 7).")


def check_in_period(day: date, period: tuple[date | None, date | None], what: str) -> None:
    start, end = period
    if (start is not None and day < start) or (end is not None and day > end):
        span = f"du {fr_date(start)}" if start else ""
        span += (" " if span else "") + (f"au {fr_date(end)}" if end else "")
        raise UserError(f"{what} du {fr_date(day)} est en dehors de la formation ({span}).",
                        hint="Vérifiez la date, ou les dates de la formation.")


def _period(session: Session, training: Training) -> tuple[date | None, date | None]:
    """The days the training runs: its own dates, else its contract's (until a rupture)."""
    start, end = training.start_date, training.end_date
    if training.contract_id is not None:
        contract = session.get(Contract, training.contract_id)
        if contract is not None:
            start = start or contract.start_date
            end = end or contract.rupture_on or contract.end_date
    return start, end


def _checked_training(session: Session, participant_id: str, draft: TrainingDraft,
                      ) -> dict[str, object]:
    check_code(draft.mode, codes.TRAINING_MODES, "Type de formation")
    if draft.contract_id is None and draft.mode == "alternance":
        raise UserError("Une formation en alternance se rattache à un contrat.",
                        hint="Choisissez le contrat dans l'onglet Suivi des contrats, ou "
                        "enregistrez des cours du soir.")
    if draft.contract_id is not None:
        contract = get_record(session, Contract, draft.contract_id, "Contrat")
        if contract.participant_id != participant_id:
            raise UserError("Ce contrat est celui d'une autre personne.")
        if draft.mode != "alternance":
            raise UserError("La formation d'un contrat de professionnalisation est en "
                            "alternance.", hint="Les cours du soir s'enregistrent sans contrat.")
    if draft.training_body_id is not None:
        get_record(session, TrainingBody, draft.training_body_id, "Organisme de formation")
    check_order(draft.start_date, draft.end_date,
                "La fin de la formation doit suivre son début.")
    check_rhythm(draft.days_at_training_body, draft.days_at_work)
    return {
        "mode": draft.mode, "contract_id": draft.contract_id,
        "training_body_id": draft.training_body_id,
        "qualification": draft.qualification.strip(), "start_date": draft.start_date,
        "end_date": draft.end_date, "days_at_training_body": draft.days_at_training_body,
        "days_at_work": draft.days_at_work, "notes": draft.notes.strip(),
    }


# --- writes ---------------------------------------------------------------------------------


def save_training(db: Database, participant_id: str, draft: TrainingDraft,
                  training_id: str | None = None) -> str:
    """Record or change a person's training; returns its id.

    A contract has one training: saving one for a contract that has it already changes it.
    """
    with db.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        values = _checked_training(session, participant_id, draft)
        training: Training | None = None
        if training_id is not None:
            training = get_record(session, Training, training_id, "Formation")
        elif draft.contract_id is not None:
            training = session.scalar(
                select(Training).where(Training.contract_id == draft.contract_id))
        if training is None:
            training = Training(participant_id=participant_id, **values)
            session.add(training)
        else:
            for name, value in values.items():
                setattr(training, name, value)
        _share_with_contract(session, training)
        session.flush()
        return training.id


def _share_with_contract(session: Session, training: Training) -> None:
    """A work-study training's body and start are the contract's CERFA ones (one fact, read
    in both places): what the coach sets here is set on the contract too."""
    if training.contract_id is None:
        return
    contract = session.get(Contract, training.contract_id)
    if contract is None:
        return
    if training.training_body_id is not None:
        contract.training_body_id = training.training_body_id
    if training.start_date is not None:
        contract.training_start_on = training.start_date


def set_training_result(db: Database, training_id: str, result: str | None,
                        result_on: date | None) -> None:
    """Record how the training ended (certificat obtenu, non obtenu, abandon) and when;
    ``None`` clears it (recorded by mistake)."""
    if result is None:
        result_on = None
    else:
        check_code(result, codes.TRAINING_RESULTS, "Résultat de la formation")
        if result_on is None:
            raise UserError("Indiquez la date du résultat (jury, ou départ de la formation).")
    with db.write() as session:
        training = get_record(session, Training, training_id, "Formation")
        if result_on is not None:
            if result_on > clock_day(session):
                raise UserError(f"Le résultat du {fr_date(result_on)} n'est pas encore connu : "
                                "la date est après aujourd'hui.",
                                hint="Enregistrez le résultat le jour où il est connu.")
            start, _end = _period(session, training)
            if start is not None and result_on < start:
                raise UserError(f"Le résultat du {fr_date(result_on)} est avant le début de la "
                                f"formation ({fr_date(start)}).", hint="Vérifiez la date.")
        training.result, training.result_on = result, result_on


def record_absence(db: Database, training_id: str, draft: AbsenceDraft) -> str:
    """Record one day of absence reported by the training body; returns its id."""
    check_absence(draft)
    with db.write() as session:
        training = get_record(session, Training, training_id, "Formation")
        check_in_period(draft.absent_on, _period(session, training), "L'absence")
        if session.scalar(select(TrainingAbsence.id).where(
                TrainingAbsence.training_id == training_id,
                TrainingAbsence.absent_on == draft.absent_on)) is not None:
            raise UserError(f"Une absence est déjà enregistrée le {fr_date(draft.absent_on)}.",
                            hint="Supprimez-la d'abord pour la remplacer.")
        absence = TrainingAbsence(
            training_id=training_id, absent_on=draft.absent_on, hours=draft.hours,
            half_days=draft.half_days, justified=draft.justified,
            reason=draft.reason.strip(), source="saisie")
        session.add(absence)
        session.flush()
        return absence.id


def record_assessment(db: Database, training_id: str, draft: AssessmentDraft) -> str:
    """Record one assessment at the training body; returns its id."""
    check_assessment(draft)
    with db.write() as session:
        training = get_record(session, Training, training_id, "Formation")
        check_in_period(draft.assessed_on, _period(session, training), "L'évaluation")
        subject = draft.subject.strip()
        if session.scalar(select(TrainingAssessment.id).where(
                TrainingAssessment.training_id == training_id,
                TrainingAssessment.assessed_on == draft.assessed_on,
                TrainingAssessment.subject == subject)) is not None:
            raise UserError(f"L'évaluation « {subject} » du {fr_date(draft.assessed_on)} est "
                            "déjà enregistrée.", hint="Supprimez-la d'abord pour la remplacer.")
        assessment = TrainingAssessment(
            training_id=training_id, assessed_on=draft.assessed_on, subject=subject,
            result=draft.result.strip(), grade=draft.grade, source="saisie")
        session.add(assessment)
        session.flush()
        return assessment.id


def delete_absence(db: Database, absence_id: str) -> None:
    with db.write() as session:
        session.delete(get_record(session, TrainingAbsence, absence_id, "Absence"))


def delete_assessment(db: Database, assessment_id: str) -> None:
    with db.write() as session:
        session.delete(get_record(session, TrainingAssessment, assessment_id, "Évaluation"))


# --- reads ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AbsenceLine:
    id: str
    absent_on: date
    hours: float | None
    half_days: int | None
    justified: bool
    reason: str
    source: str  # French label

    @property
    def duration(self) -> str:
        if self.hours is not None:
            return f"{self.hours:g} h".replace(".", ",")
        return f"{self.half_days} demi-journée" + ("s" if (self.half_days or 0) > 1 else "")


@dataclass(frozen=True, slots=True)
class AssessmentLine:
    id: str
    assessed_on: date
    subject: str
    result: str
    grade: float | None
    source: str  # French label


@dataclass(frozen=True, slots=True)
class TrainingFile:
    """A training as the window shows it, with its absences and assessments (oldest first)."""

    id: str
    participant_id: str
    participant: str
    contract_id: str | None
    mode: str
    training_body_id: str | None
    training_body: str
    qualification: str
    start_date: date | None
    end_date: date | None
    days_at_training_body: int | None
    days_at_work: int | None
    result: str | None
    result_on: date | None
    notes: str
    absences: tuple[AbsenceLine, ...]
    assessments: tuple[AssessmentLine, ...]

    @property
    def rhythm(self) -> str:
        """« 2 j centre / 3 j entreprise », or empty when not known."""
        if self.days_at_training_body is None and self.days_at_work is None:
            return ""
        return (f"{self.days_at_training_body or 0} j centre / "
                f"{self.days_at_work or 0} j entreprise")

    @property
    def result_label(self) -> str:
        return codes.TRAINING_RESULTS.get(self.result or "", "")

    @property
    def absence_summary(self) -> str:
        """« 3 absences (7,5 h et 1 demi-journée), dont 1 non justifiée »."""
        if not self.absences:
            return "Aucune absence"
        hours = sum(a.hours or 0 for a in self.absences)
        halves = sum(a.half_days or 0 for a in self.absences)
        parts = []
        if hours:
            parts.append(f"{hours:g} h".replace(".", ","))
        if halves:
            parts.append(f"{halves} demi-journée" + ("s" if halves > 1 else ""))
        unjustified = sum(1 for a in self.absences if not a.justified)
        count = len(self.absences)
        text = f"{count} absence" + ("s" if count > 1 else "") + f" ({' et '.join(parts)})"
        if unjustified:
            text += f", dont {unjustified} non justifiée" + ("s" if unjustified > 1 else "")
        return text


def _file(session: Session, training: Training) -> TrainingFile:
    person = session.get(Participant, training.participant_id)
    body = session.get(TrainingBody, training.training_body_id) if training.training_body_id \
        else None
    sources = codes.TRAINING_ENTRY_SOURCES
    absences = tuple(
        AbsenceLine(a.id, a.absent_on, a.hours, a.half_days, a.justified, a.reason,
                    sources[a.source])
        for a in session.scalars(select(TrainingAbsence)
                                 .where(TrainingAbsence.training_id == training.id)
                                 .order_by(TrainingAbsence.absent_on)))
    assessments = tuple(
        AssessmentLine(a.id, a.assessed_on, a.subject, a.result, a.grade, sources[a.source])
        for a in session.scalars(select(TrainingAssessment)
                                 .where(TrainingAssessment.training_id == training.id)
                                 .order_by(TrainingAssessment.assessed_on,
                                           TrainingAssessment.subject)))
    return TrainingFile(
        training.id, training.participant_id,
        person_name(person.last_name, person.first_name) if person else "",
        training.contract_id, training.mode, training.training_body_id,
        body.name if body else "", training.qualification, training.start_date,
        training.end_date, training.days_at_training_body, training.days_at_work,
        training.result, training.result_on, training.notes, absences, assessments)


def contract_training(db: Database, contract_id: str) -> TrainingFile | None:
    """The work-study training of a contract, or None when none is recorded yet."""
    with db.read() as session:
        training = session.scalar(select(Training).where(Training.contract_id == contract_id))
        return _file(session, training) if training is not None else None


def participant_trainings(db: Database, participant_id: str) -> list[TrainingFile]:
    """Every training of a person (work-study and evening classes), oldest first."""
    with db.read() as session:
        return [_file(session, t) for t in session.scalars(
            select(Training).where(Training.participant_id == participant_id)
            .order_by(Training.start_date, Training.created_at))]


def get_training(db: Database, training_id: str) -> TrainingFile:
    with db.read() as session:
        return _file(session, get_record(session, Training, training_id, "Formation"))


def contract_training_defaults(db: Database, contract_id: str) -> TrainingDraft:
    """What a contract's training starts as: the promotion's body and qualification, the
    contract's dates."""
    with db.read() as session:
        contract = get_record(session, Contract, contract_id, "Contrat")
        cohort = session.scalar(select(Cohort).join(
            Participant, Participant.cohort_id == Cohort.id)
            .where(Participant.id == contract.participant_id))
        return TrainingDraft(
            mode="alternance", contract_id=contract_id,
            training_body_id=contract.training_body_id or (
                cohort.training_body_id if cohort else None),
            qualification=cohort.training_title if cohort else "",
            start_date=contract.training_start_on or contract.start_date,
            end_date=contract.end_date)


def evening_classes_defaults(db: Database, participant_id: str) -> TrainingDraft:
    """Evening classes start as the promotion's body and qualification, from the database's
    day."""
    with db.read() as session:
        person = get_record(session, Participant, participant_id, "Personne")
        cohort = session.get(Cohort, person.cohort_id)
        return TrainingDraft(
            mode="cours_du_soir", training_body_id=cohort.training_body_id if cohort else None,
            qualification=cohort.training_title if cohort else "",
            start_date=clock_day(session))
