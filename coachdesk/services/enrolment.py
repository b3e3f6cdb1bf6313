"""Provisional enrolment in the training: final with a contract, lapsed at the deadline.

In 2010 the young people with a validated project were let into the training provisionally on
26/05; the place became final with a contrat de professionnalisation signed by the deadline
(15/07), and lapsed (caduque) without one. Only facts are stored: the day of the enrolment and,
when the coach set one, the person's own deadline (else the promotion's,
``Cohort.enrolment_deadline``). Whether a place is provisional, final or lapsed on a given day
is computed from those facts and the person's contracts each time it is read
(:func:`effective_status`, and its SQL twin :func:`provisional_on` for queries at scale), so a
place lapses on every database at its deadline and reading never writes.

Public services take the open ``Database`` and run their own transaction: :func:`enrol` (one
person or a selection, with :func:`check_enrolments`, what the window shows before), the deadline
of a person (:func:`change_deadline`), the solution found after a lapse
(:func:`record_solution`), and the rows the window lists (:func:`enrolment_board`,
:func:`enrolment_of`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    BilanMember,
    Cohort,
    Contract,
    Enrolment,
    Outcome,
    Participant,
    codes,
)
from coachdesk.services.contract_rules import RuleWarning, fr_date
from coachdesk.services.text import person_name

# The agenda warns 15 and 7 days before the deadline (and on the day itself).
DEADLINE_WARNING_DAYS = (15, 7)
ENROLMENT_RULE = (
    "L'inscription provisoire devient définitive à la signature du contrat de "
    "professionnalisation ; sans contrat signé à la date limite, elle devient caduque."
)
# The solutions a lapsed enrolment may end with (codes of codes.OUTCOME_KINDS), those the
# progress note names first: a job outside the programme, evening classes, continued support.
SOLUTION_KINDS: tuple[str, ...] = (
    "emploi_hors_dispositif",
    "cours_du_soir",
    "accompagnement_poursuivi",
    "poursuite_etudes_inscrit",
    "poursuite_etudes_souhait",
    "cdi",
    "cdd",
    "promesse_embauche_date",
    "perdu_de_vue",
)


# --- the rule -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnrolmentState:
    """Where an enrolment stands on a day."""

    status: str  # a code of codes.ENROLMENT_STATUSES
    deadline: date | None
    days_left: int | None  # days until the deadline while provisional
    warning: RuleWarning | None
    since: date  # the day this status began: enrolment, contract, or the day after the deadline

    @property
    def label(self) -> str:
        return codes.ENROLMENT_STATUSES[self.status]


def lapse_day(deadline: date) -> date:
    """The first day an enrolment without a contract is lapsed: the day after its deadline."""
    return deadline + timedelta(days=1)


def confirmation_day(
    enrolled_on: date, deadline: date | None, first_contract_on: date | None
) -> date | None:
    """The day the place becomes final: the first contract, when signed by the deadline.

    A contract signed before the enrolment makes it final on the day of the enrolment. A
    contract signed after the deadline confirms nothing: the place lapsed, and the coach moves
    the person's deadline if it should count.
    """
    if first_contract_on is None or (deadline is not None and first_contract_on > deadline):
        return None
    return max(enrolled_on, first_contract_on)


def effective_status(
    *,
    enrolled_on: date,
    deadline: date | None,
    first_contract_on: date | None,
    on: date,
) -> EnrolmentState:
    """The enrolment's status on ``on``, from the facts only (nothing stored is trusted).

    ``deadline`` is the person's (their own, else the promotion's); ``first_contract_on`` the
    day their first contract was signed (or started, when the signature date is unknown).
    Final from that day when it is no later than the deadline; lapsed from the day after the
    deadline otherwise; provisional before, with a warning from 15 days before the deadline.
    """
    confirmed = confirmation_day(enrolled_on, deadline, first_contract_on)
    if confirmed is not None and confirmed <= on:
        return EnrolmentState("confirmee", deadline, None, None, confirmed)
    if deadline is not None and on > deadline:
        if first_contract_on is not None and first_contract_on <= on:
            message = (
                f"Contrat signé le {fr_date(first_contract_on)}, après la date limite du "
                f"{fr_date(deadline)} : l'inscription est caduque. Repoussez la date limite "
                "de la personne pour la rendre définitive."
            )
            code = "enrolment_contract_after_deadline"
        else:
            message = (
                f"L'inscription provisoire est caduque faute de contrat au {fr_date(deadline)} "
                ": enregistrez la solution trouvée."
            )
            code = "enrolment_lapsed"
        return EnrolmentState("caduque", deadline, None, RuleWarning(code, message,
                                                                     ENROLMENT_RULE),
                              lapse_day(deadline))
    if deadline is None:
        return EnrolmentState("provisoire", None, None, None, enrolled_on)
    days_left = (deadline - on).days
    warning = None
    if days_left == 0:
        warning = RuleWarning(
            "enrolment_deadline_near",
            "C'est aujourd'hui la date limite : sans contrat signé ce jour, l'inscription "
            "provisoire devient caduque.",
            ENROLMENT_RULE,
        )
    elif days_left <= max(DEADLINE_WARNING_DAYS):
        warning = RuleWarning(
            "enrolment_deadline_near",
            f"Plus que {days_left} jour(s) pour signer un contrat : l'inscription provisoire "
            f"devient caduque après le {fr_date(deadline)}.",
            ENROLMENT_RULE,
        )
    return EnrolmentState("provisoire", deadline, days_left, warning, enrolled_on)


# --- the same rule in SQL, for the agenda and the workbooks at scale ------------------------------


def deadline_column() -> Any:
    """The enrolment's deadline in SQL: the person's own, else the promotion's.

    The statement must join ``Cohort`` on ``Enrolment.cohort_id``."""
    return func.coalesce(Enrolment.deadline_override, Cohort.enrolment_deadline)


def first_contract_column() -> Any:
    """The day the person's first contract was signed (or started), per enrolment row."""
    return (
        select(func.min(func.coalesce(Contract.signed_on, Contract.start_date)))
        .where(Contract.participant_id == Enrolment.participant_id)
        .scalar_subquery()
    )


def provisional_on(day: date) -> ColumnElement[bool]:
    """SQL: the enrolment is still provisional on ``day`` — what :func:`effective_status` says.

    Enrolled by then, its deadline not passed, and no contract signed by then (a contract
    signed by ``day``, itself no later than the deadline, would have made it final).
    The statement must join ``Cohort`` on ``Enrolment.cohort_id``.
    """
    deadline = deadline_column()
    first_contract = first_contract_column()
    return and_(
        Enrolment.enrolled_on <= day,
        or_(deadline.is_(None), deadline >= day),
        or_(first_contract.is_(None), first_contract > day),
    )


# --- enrolling --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnrolmentCheck:
    """Whether one person can be enrolled on the day asked, and why not (French)."""

    participant_id: str
    name: str
    deadline: date | None  # the deadline they would have
    refusal: str | None

    @property
    def can_enrol(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True, slots=True)
class EnrolmentChecks:
    """What the enrolment form shows: the promotion's dates and each person's check."""

    cohort_name: str
    promotion_deadline: date | None
    training_start: date
    people: tuple[EnrolmentCheck, ...]

    @property
    def enrollable(self) -> list[str]:
        return [check.participant_id for check in self.people if check.can_enrol]


def _person_checks(
    session: Session, participant_ids: Sequence[str], on: date, deadline: date | None
) -> list[tuple[EnrolmentCheck, str | None, date | None]]:
    """Each person's check, with their cohort and their promotion's deadline, in the order
    asked (unknown ids included, refused)."""
    wanted = list(dict.fromkeys(participant_ids))
    people = {
        row.id: row
        for row in session.execute(
            select(Participant.id, Participant.first_name, Participant.last_name,
                   Participant.is_adult, Participant.cohort_id, Cohort.name.label("cohort"),
                   Cohort.enrolment_deadline)
            .join(Cohort, Cohort.id == Participant.cohort_id)
            .where(Participant.id.in_(wanted))
        )
    }
    enrolled: dict[str, date] = {
        pid: day for pid, day in session.execute(
            select(Enrolment.participant_id, Enrolment.enrolled_on)
            .where(Enrolment.participant_id.in_(wanted))
        )
    }
    in_bilan: dict[str, tuple[date, str]] = {}
    for pid, cohort_id, started_on, status in session.execute(
        select(BilanMember.participant_id, BilanMember.cohort_id, BilanMember.started_on,
               BilanMember.status)
        .where(BilanMember.participant_id.in_(wanted))
        .order_by(BilanMember.started_on)
    ):
        person = people.get(pid)
        if person is not None and cohort_id == person.cohort_id:
            in_bilan[pid] = (started_on, status)  # the latest group they joined
    checks: list[tuple[EnrolmentCheck, str | None, date | None]] = []
    for asked in wanted:
        person = people.get(asked)
        if person is None:
            checks.append((EnrolmentCheck(asked, "", None,
                                          "Personne introuvable : elle a peut-être été "
                                          "supprimée."), None, None))
            continue
        name = person_name(person.last_name, person.first_name)
        own = deadline if deadline is not None else person.enrolment_deadline
        refusal = None
        bilan = in_bilan.get(person.id)
        if person.id in enrolled:
            refusal = (f"{name} est déjà inscrit·e à la formation depuis le "
                       f"{fr_date(enrolled[person.id])} : changez sa date limite plutôt que "
                       "de l'inscrire à nouveau.")
        elif bilan is None and not person.is_adult:
            refusal = (f"{name} n'est pas dans le bilan de la promotion « {person.cohort} » : "
                       "seuls les jeunes entrés en bilan (et les adultes) peuvent être inscrits "
                       "provisoirement.")
        elif bilan is not None and bilan[1] == "abandon":
            refusal = (f"{name} a abandonné le bilan : changez son statut dans le bilan pour "
                       "l'inscrire.")
        elif bilan is not None and on < bilan[0]:
            refusal = (f"{name} est entré·e en bilan le {fr_date(bilan[0])} : l'inscription du "
                       f"{fr_date(on)} ne peut pas précéder l'entrée en bilan.")
        elif own is None:
            refusal = (f"La promotion « {person.cohort} » n'a pas de date limite d'inscription "
                       f"provisoire : indiquez la date limite de {name}.")
        elif own < on:
            refusal = (f"La date limite de {name} ({fr_date(own)}) précède son inscription "
                       f"du {fr_date(on)} : choisissez une date limite plus tardive.")
        checks.append((EnrolmentCheck(person.id, name, own, refusal), person.cohort_id,
                       person.enrolment_deadline))
    return checks


def check_enrolments(
    database: Database, participant_ids: Sequence[str], on: date, *,
    deadline: date | None = None,
) -> EnrolmentChecks:
    """Whether each person can be enrolled on ``on`` (with ``deadline`` as their own deadline,
    else their promotion's), and the promotion's dates, for the form to show before saving."""
    with database.read() as session:
        checks = _person_checks(session, participant_ids, on, deadline)
        cohort_id = next((cohort for _check, cohort, _d in checks if cohort is not None), None)
        cohort = session.execute(
            select(Cohort.name, Cohort.enrolment_deadline, Cohort.start_date)
            .where(Cohort.id == cohort_id)
        ).first() if cohort_id is not None else None
    return EnrolmentChecks(
        cohort.name if cohort else "", cohort.enrolment_deadline if cohort else None,
        cohort.start_date if cohort else on, tuple(check for check, _c, _d in checks),
    )


def enrol(
    database: Database, participant_ids: Sequence[str], on: date, *,
    deadline: date | None = None,
) -> list[str]:
    """Enrol these people provisionally on ``on``, in one transaction: all of them, or none.

    ``deadline`` gives them a deadline of their own; None (or the promotion's date) follows
    the promotion's deadline, even if it changes later. Returns the new enrolments' ids.

    Raises:
        UserError: nobody was given, or someone cannot be enrolled (each one named, with the
            reason); nothing is written then.
    """
    if not participant_ids:
        raise UserError("Sélectionnez au moins une personne à inscrire.")
    with database.write() as session:
        checks = _person_checks(session, participant_ids, on, deadline)
        refused = [check for check, _cohort, _d in checks if check.refusal is not None]
        if len(refused) == 1 and len(checks) == 1:
            raise UserError(refused[0].refusal or "")
        if refused:
            raise UserError(
                f"Aucune inscription n'a été enregistrée : {len(refused)} personne(s) sur "
                f"{len(checks)} ne peuvent pas être inscrites.\n"
                + "\n".join(f"• {check.refusal}" for check in refused),
                hint="Retirez-les de la sélection, ou corrigez les dates, puis recommencez.",
            )
        rows = []
        for check, cohort_id, promotion_deadline in checks:
            rows.append(Enrolment(
                participant_id=check.participant_id, cohort_id=cohort_id, enrolled_on=on,
                status="provisoire",
                deadline_override=None if deadline in (None, promotion_deadline) else deadline,
            ))
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def change_deadline(
    database: Database, participant_ids: Sequence[str], deadline: date | None
) -> None:
    """Give these enrolled people their own deadline, or (None) the promotion's again.

    Moving a lapsed person's deadline past today makes the place provisional again; past the
    date of a contract signed late, final. One transaction: all of them, or none.

    Raises:
        UserError: someone is not enrolled, the deadline would precede an enrolment, or the
            promotion has no deadline to go back to.
    """
    if not participant_ids:
        raise UserError("Sélectionnez au moins une personne inscrite.")
    with database.write() as session:
        rows = session.execute(
            select(Enrolment, Participant.first_name, Participant.last_name, Cohort.name,
                   Cohort.enrolment_deadline)
            .join(Participant, Participant.id == Enrolment.participant_id)
            .join(Cohort, Cohort.id == Enrolment.cohort_id)
            .where(Enrolment.participant_id.in_(list(participant_ids)))
        ).all()
        found = {row[0].participant_id for row in rows}
        problems = []
        missing = [pid for pid in dict.fromkeys(participant_ids) if pid not in found]
        if missing:
            names = {
                pid: person_name(last, first) for pid, first, last in session.execute(
                    select(Participant.id, Participant.first_name, Participant.last_name)
                    .where(Participant.id.in_(missing))
                )
            }
            for pid in missing:
                problems.append(f"{names.get(pid, 'Cette personne')} n'est pas inscrit·e à la "
                                "formation : inscrivez-la d'abord.")
        for enrolment, first, last, cohort, promotion_deadline in rows:
            name = person_name(last, first)
            if deadline is None and promotion_deadline is None:
                problems.append(f"La promotion « {cohort} » n'a pas de date limite : indiquez "
                                f"celle de {name}.")
            elif deadline is not None and deadline < enrolment.enrolled_on:
                problems.append(f"{name} est inscrit·e depuis le "
                                f"{fr_date(enrolment.enrolled_on)} : la date limite ne peut "
                                "pas précéder l'inscription.")
        if problems:
            raise UserError("La date limite n'a pas été changée.\n"
                            + "\n".join(f"• {problem}" for problem in problems))
        for enrolment, _first, _last, _cohort, promotion_deadline in rows:
            enrolment.deadline_override = (
                None if deadline in (None, promotion_deadline) else deadline
            )


# --- the solution of a lapsed enrolment ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SolutionDraft:
    """What the coach records once a place lapsed: one or more solutions found, on a day."""

    kinds: tuple[str, ...]  # codes of SOLUTION_KINDS
    on: date
    expected_on: date | None = None  # a hire or studies starting later
    notes: str = ""


def record_solution(database: Database, participant_id: str, draft: SolutionDraft) -> list[str]:
    """Record the solutions found for a person whose place did not become final.

    Returns the ids of the outcomes written (one per solution), in one transaction.

    Raises:
        UserError: no solution ticked, the person is not enrolled or their place is final
            (a contract: its end is recorded in the contract follow-up), a date before the
            enrolment, or a solution already recorded for them.
    """
    if not draft.kinds:
        raise UserError("Cochez au moins une solution trouvée.")
    for kind in draft.kinds:
        if kind not in SOLUTION_KINDS:
            raise UserError(f"« {codes.OUTCOME_KINDS.get(kind, kind)} » n'est pas une solution "
                            "après une inscription caduque.",
                            hint="Choisissez parmi les solutions proposées.")
    if draft.expected_on is not None and draft.expected_on < draft.on:
        raise UserError(f"Champ « Embauche ou rentrée prévue » : le {fr_date(draft.expected_on)}"
                        f" précède la date de la solution ({fr_date(draft.on)}).")
    with database.write() as session:
        row = session.execute(
            select(Enrolment.enrolled_on, deadline_column(), first_contract_column(),
                   Participant.first_name, Participant.last_name)
            .join(Cohort, Cohort.id == Enrolment.cohort_id)
            .join(Participant, Participant.id == Enrolment.participant_id)
            .where(Enrolment.participant_id == participant_id)
        ).first()
        if row is None:
            raise UserError("Cette personne n'est pas inscrite à la formation : il n'y a pas "
                            "d'inscription caduque pour laquelle enregistrer une solution.")
        enrolled_on, deadline, contract_on, first, last = row
        name = person_name(last, first)
        confirmed = confirmation_day(enrolled_on, deadline, contract_on)
        if confirmed is not None:
            raise UserError(
                f"{name} a signé un contrat le {fr_date(contract_on)} : son inscription est "
                "définitive.",
                hint="Sa sortie s'enregistre dans l'onglet Suivi des contrats.",
            )
        if draft.on < enrolled_on:
            raise UserError(f"Champ « Date » : {name} est inscrit·e depuis le "
                            f"{fr_date(enrolled_on)} ; la solution ne peut pas précéder "
                            "l'inscription.")
        already = dict(session.execute(
            select(Outcome.kind, Outcome.recorded_on)
            .where(Outcome.participant_id == participant_id, Outcome.kind.in_(draft.kinds))
        ).all())
        if already:
            kind, day = next(iter(already.items()))
            raise UserError(f"La solution « {codes.OUTCOME_KINDS[kind]} » de {name} est déjà "
                            f"enregistrée (le {fr_date(day)}).",
                            hint="Décochez-la, ou corrigez celle qui existe.")
        outcomes = [
            Outcome(participant_id=participant_id, kind=kind, recorded_on=draft.on,
                    expected_on=draft.expected_on, notes=draft.notes.strip())
            for kind in dict.fromkeys(draft.kinds)
        ]
        session.add_all(outcomes)
        session.flush()
        return [outcome.id for outcome in outcomes]


# --- what the window lists --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnrolmentLine:
    """One person's place in the training as read on a day."""

    id: str
    participant_id: str
    participant: str
    enrolled_on: date
    state: EnrolmentState
    own_deadline: bool  # the coach gave this person a deadline other than the promotion's
    contract_on: date | None  # the first contract's signature (or start)
    solutions: tuple[str, ...]  # French labels of the outcomes recorded for the person

    @property
    def status_label(self) -> str:
        return self.state.label

    @property
    def has_outcome(self) -> bool:
        return bool(self.solutions)

    @property
    def needs_outcome(self) -> bool:
        """Lapsed for want of a contract, and no solution recorded yet."""
        return (self.state.status == "caduque" and not self.solutions
                and self.state.warning is not None
                and self.state.warning.code == "enrolment_lapsed")


def _lines(session: Session, where: Iterable[Any], on: date) -> list[EnrolmentLine]:
    rows = session.execute(
        select(Enrolment.id, Enrolment.participant_id, Participant.first_name,
               Participant.last_name, Enrolment.enrolled_on, Enrolment.deadline_override,
               deadline_column().label("deadline"), first_contract_column().label("contract_on"))
        .join(Participant, Participant.id == Enrolment.participant_id)
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(*where)
        .order_by(Participant.last_name, Participant.first_name)
    ).all()
    solutions: dict[str, list[str]] = defaultdict(list)
    people = [row.participant_id for row in rows]
    if people:
        for pid, kind in session.execute(
            select(Outcome.participant_id, Outcome.kind)
            .where(Outcome.participant_id.in_(people), Outcome.recorded_on <= on)
            .order_by(Outcome.recorded_on, Outcome.created_at)
        ):
            solutions[pid].append(codes.OUTCOME_KINDS.get(kind, kind))
    return [
        EnrolmentLine(
            row.id, row.participant_id, person_name(row.last_name, row.first_name),
            row.enrolled_on,
            effective_status(enrolled_on=row.enrolled_on, deadline=row.deadline,
                             first_contract_on=row.contract_on, on=on),
            row.deadline_override is not None, row.contract_on,
            tuple(solutions.get(row.participant_id, ())),
        )
        for row in rows
    ]


def enrolment_board(database: Database, cohort_id: str, on: date) -> list[EnrolmentLine]:
    """Every enrolment of the promotion as it stands on ``on``, by name."""
    with database.read() as session:
        return _lines(session, [Enrolment.cohort_id == cohort_id], on)


def enrolment_of(database: Database, participant_id: str, on: date) -> EnrolmentLine | None:
    """The person's enrolment as it stands on ``on`` (None when not enrolled)."""
    with database.read() as session:
        lines = _lines(session, [Enrolment.participant_id == participant_id], on)
    return lines[0] if lines else None
