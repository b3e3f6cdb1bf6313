"""The week's agenda ("Cette semaine"), computed from the data.

One query per kind of item, each reading only the rows that can fall in the week (indexed date
ranges, selected columns, no ORM objects), then the dates are computed with the same rules the
contract follow-up uses. Visits overdue are those due before the week starts and still not done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import String, and_, case, func, or_, select, true, type_coerce
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Cohort,
    Contract,
    Employer,
    Enrolment,
    FollowUpVisit,
    JobOffer,
    Participant,
    RecruitmentInterview,
    Referral,
    Reminder,
    codes,
)
from coachdesk.models.base import canonical_id
from coachdesk.services import contract_rules as rules
from coachdesk.services import enrolment
from coachdesk.services.agenda_items import (
    AgendaItem as AgendaItem,  # the window imports it from here
)
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.contract_rules import fr_date
from coachdesk.services.enrolment import DEADLINE_WARNING_DAYS
from coachdesk.services.journal import journal_agenda_items
from coachdesk.services.pay_changes import pay_rises
from coachdesk.services.reminders import reminder_agenda_items
from coachdesk.services.text import person_name
from coachdesk.services.visits import (
    RUPTURE_NOTIFY_OPCO_DAYS,
    next_visit_due,
    rupture_notice,
)
from coachdesk.services.weeks import week_start

MAX_FOLLOW_UP_MONTHS = 25
# A trial period ends at most two months after the start (CDI), unless the contract says more.
TRIAL_HORIZON = timedelta(days=62)
KINDS = {
    "trial_period_end": "Fin de période d'essai",
    "visit_due": "Visite à faire",
    "visit_overdue": "Visite en retard",
    "enrolment_deadline": "Date limite d'inscription",
    "recruitment_interview": "Entretien de recrutement",
    "opco_deadline": "Échéance OPCO",
    "contract_end": "Fin de contrat",
    "pay_rise": "Hausse du salaire minimum",
    "rupture_notice": "Suite d'une rupture",
    "post_exit_followup": "Suivi après la sortie",
    "reminder": "Rappel",
    "reminder_overdue": "Rappel en retard",
    "followup_overdue": "Suivi après la sortie en retard",
    "journal": "Journal",
}
# Sort order within a day: what is late or final first.
_KIND_ORDER = {kind: position for position, kind in enumerate(
    ("visit_overdue", "reminder_overdue", "followup_overdue", "enrolment_deadline",
     "trial_period_end", "opco_deadline",
     "rupture_notice", "contract_end", "pay_rise", "recruitment_interview", "visit_due",
     "post_exit_followup", "reminder", "journal")
)}


def compute_agenda(
    database: Database, monday: date, *, cohort_id: str | None = None
) -> list[AgendaItem]:
    """Every item of the week starting ``monday`` (a Monday), sorted by day."""
    monday = week_start(monday)
    sunday = monday + timedelta(days=6)
    items: list[AgendaItem] = []
    with database.read() as session:
        items += _contract_items(session, monday, sunday, cohort_id)
        items += _end_items(session, monday, sunday, cohort_id)
        items += [
            AgendaItem(rise.day, "pay_rise", rise.participant, rise.detail, rise.participant_id,
                       "contract", rise.contract_id, rise.contract_id)
            for rise in pay_rises(session, monday, sunday, _in_cohort(cohort_id))
        ]
        items += _enrolment_items(session, monday, sunday, cohort_id)
        items += _interview_items(session, monday, sunday, cohort_id)
        # The coach's reminders, the follow-ups after an exit, and the journal's notes.
        items += reminder_agenda_items(session, monday, sunday, cohort_id)
        items += journal_agenda_items(session, monday, sunday, cohort_id)
    items.sort(key=lambda item: (item.day, _KIND_ORDER[item.kind], item.starts_at or
                                 datetime.min, item.participant))
    return items


def _in_cohort(cohort_id: str | None) -> Any:
    return Participant.cohort_id == cohort_id if cohort_id else true()


def _contract_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    # Contracts running during the week (or whose trial ended in it): one read of their columns.
    running = and_(
        # Indexed range: a contrat de professionnalisation (or the professionalisation action of
        # a CDI) lasts at most 24 months, so older contracts have nothing left to follow.
        Contract.start_date.between(rules.add_months(monday, -MAX_FOLLOW_UP_MONTHS), sunday),
        or_(Contract.end_date.is_(None), Contract.end_date >= monday),
        or_(Contract.rupture_on.is_(None), Contract.rupture_on >= monday),
        _in_cohort(cohort_id),
    )
    # Each contract's visits summed up in SQL (grouped aggregates, never every visit row), which
    # keeps the agenda of an 80,000-participant database under 100 ms (benchmarks/agenda.py).
    # First pass, over the visits of the running contracts: the last visit done before the
    # week, the first one done during it, and the earliest visit still open as the week starts.
    # When that open visit comes after the last one done, it is the next one due and nothing
    # else is needed; otherwise a second pass reads the date set by the last report and the
    # earliest open visit planned after it (see visits.next_visit_due).
    running_contract = select(Contract.id).where(running)
    if cohort_id:
        running_contract = running_contract.join(
            Participant, Participant.id == Contract.participant_id
        )
    done_before = case((FollowUpVisit.done_on < monday, FollowUpVisit.done_on))
    done_in_week = case((FollowUpVisit.done_on.between(monday, sunday), FollowUpVisit.done_on))

    def still_open(v: Any) -> Any:
        return and_(v.planned_on.is_not(None), or_(v.done_on.is_(None), v.done_on >= monday))

    first_pass = (
        select(
            FollowUpVisit.contract_id.label("contract_id"),
            func.max(done_before).label("last_done"),
            func.min(done_in_week).label("first_in_week"),
            func.min(case((still_open(FollowUpVisit), FollowUpVisit.planned_on)))
            .label("first_open"),
        )
        .where(FollowUpVisit.contract_id.in_(running_contract))
        .group_by(FollowUpVisit.contract_id)
        .cte("visit_summary")  # read twice below, computed once
    )
    open_after_last_done = and_(
        first_pass.c.first_open.is_not(None),
        or_(first_pass.c.last_done.is_(None), first_pass.c.first_open >= first_pass.c.last_done),
    )
    visit = aliased(FollowUpVisit)
    second_pass = (
        select(
            visit.contract_id.label("contract_id"),
            func.max(case((visit.done_on == first_pass.c.last_done, visit.next_visit_on)))
            .label("next_on"),
            func.min(case((and_(still_open(visit), or_(
                first_pass.c.last_done.is_(None), visit.planned_on >= first_pass.c.last_done
            )), visit.planned_on))).label("next_planned"),
        )
        .join(first_pass, first_pass.c.contract_id == visit.contract_id)
        # Only the contracts that need it, found first, then their visits by index.
        .where(visit.contract_id.in_(
            select(first_pass.c.contract_id).where(~open_after_last_done)
        ))
        .group_by(visit.contract_id)
        .subquery()
    )
    next_planned = case(
        (open_after_last_done, first_pass.c.first_open), else_=second_pass.c.next_planned
    ).label("next_planned")
    summary = _Summary(first_pass.c.last_done, second_pass.c.next_on, next_planned,
                       first_pass.c.first_in_week)
    # The contracts that may give an item, found first; their person, promotion and employer
    # are then read for those only (a third of the running contracts give nothing).
    giving = (
        select(
            Contract.id.label("contract_id"), Contract.participant_id, Contract.employer_id,
            Contract.contract_type, Contract.start_date, Contract.end_date,
            Contract.trial_period_end_override, Contract.rupture_on, Contract.sent_to_opco_on,
            Contract.opco_decision, summary.last_done.label("last_done"),
            summary.next_on.label("next_on"), summary.next_planned.label("next_planned"),
            summary.first_in_week.label("first_in_week"),
        )
        .outerjoin(first_pass, first_pass.c.contract_id == Contract.id)
        .outerjoin(second_pass, second_pass.c.contract_id == Contract.id)
        .where(running, _may_give_an_item(summary, monday, sunday))
    )
    if cohort_id:
        giving = giving.join(Participant, Participant.id == Contract.participant_id)
    found = giving.cte("giving").prefix_with("MATERIALIZED")
    rows = session.execute(
        select(
            # Ids as stored, made canonical only for the contracts that give an item.
            type_coerce(found.c.contract_id, String).label("contract_id"),
            type_coerce(found.c.participant_id, String).label("person_id"),
            found.c.contract_type, found.c.start_date, found.c.end_date,
            found.c.trial_period_end_override, found.c.rupture_on, found.c.sent_to_opco_on,
            found.c.opco_decision, Participant.first_name, Participant.last_name,
            Cohort.visit_interval_weeks, Employer.name, found.c.last_done, found.c.next_on,
            found.c.next_planned, found.c.first_in_week,
        )
        .select_from(found)
        .join(Participant, Participant.id == found.c.participant_id)
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .join(Employer, Employer.id == found.c.employer_id)
    ).all()
    return _contract_row_items(rows, monday, sunday)


def _contract_row_items(rows: Sequence[Any], monday: date, sunday: date) -> list[AgendaItem]:
    """The items of the contracts read: trial period end, OPCO deadlines, visit due or late.

    Per row, only what may fall in the week is computed: the contract's terms are built (for
    the trial period and the OPCO rules) only when one of their dates can be in it.
    """
    items: list[AgendaItem] = []
    send_delay = timedelta(days=rules.OPCO_SEND_DAYS)
    answer_delay = timedelta(days=rules.OPCO_ANSWER_DAYS)
    trial_from = monday - TRIAL_HORIZON
    trial_ends: dict[tuple[date, str, date | None, date | None], date] = {}
    for (contract_id, participant_id, contract_type, start, end, override, rupture_on, sent_on,
         decision, first, last, interval, employer, last_done_on, next_on,
         planned_on, done_in_week) in rows:
        # The trial period matters when it may end this week or when no visit was done yet
        # (the first visit comes before it ends); skipping it otherwise saves time at scale.
        needs_trial = last_done_on is None or override is not None or start >= trial_from
        # OPCO: sending due within five days of the start, answer within twenty days
        # (rules.opco_send_deadline, rules.opco_answer_deadline), when that day is in the week.
        opco_in_week = (monday <= start + send_delay <= sunday if sent_on is None
                        else monday <= sent_on + answer_delay <= sunday)
        terms = ContractDraft(
            start_date=start, contract_type=contract_type, end_date=end,
            trial_period_end_override=override, sent_to_opco_on=sent_on,
            opco_decision=decision,
        ) if opco_in_week else None
        trial_end = None
        if needs_trial:
            # Contracts of a promotion often share their dates: each trial computed once.
            trial_key = (start, contract_type, end, override)
            trial_end = trial_ends.get(trial_key)
            if trial_end is None:
                trial_end = trial_ends[trial_key] = rules.trial_period_end(terms or ContractDraft(
                    start_date=start, contract_type=contract_type, end_date=end,
                    trial_period_end_override=override))
        found: list[tuple[date, str, str]] = []
        at = f"chez {employer}"
        if trial_end is not None and monday <= trial_end <= sunday and (
            rupture_on is None or rupture_on > trial_end
        ):
            kind_label = codes.CONTRACT_TYPES[contract_type]
            found.append((trial_end, "trial_period_end",
                          f"Fin de la période d'essai {at} ({kind_label} débuté le "
                          f"{fr_date(start)})."))
        if opco_in_week and terms is not None:
            send_by = rules.opco_send_deadline(terms)
            if sent_on is None and monday <= send_by <= sunday:
                found.append((send_by, "opco_deadline",
                              f"Le contrat {at} doit être transmis à l'OPCO au plus tard ce "
                              "jour."))
            answer_by = rules.opco_answer_deadline(terms)
            if answer_by is not None and sent_on is not None and not rules.opco_answered(
                terms
            ) and monday <= answer_by <= sunday:
                found.append((answer_by, "opco_deadline",
                              f"L'OPCO doit répondre pour le contrat {at} (transmis le "
                              f"{fr_date(sent_on)}) ; sans réponse, son silence vaut "
                              "acceptation."))
        # Visits: the next one due as the week starts, from the last done before it and the
        # next planned; a visit done during the week still shows, marked as done.
        due = next_visit_due(
            # Without trial_end a visit was done: the plan goes on from it, not from the trial.
            trial_end=trial_end or start, interval_weeks=interval, last_done_on=last_done_on,
            next_visit_on=next_on, next_planned_on=planned_on,
            last_day=rupture_on if rupture_on is not None else end,
        )
        if due is None or due > sunday:
            pass
        elif due < monday:
            if done_in_week is None:  # else caught up during the week
                found.append((due, "visit_overdue",
                              f"Visite de suivi {at} en retard de {(monday - due).days} "
                              f"jour(s) (prévue le {fr_date(due)})."))
        else:
            first_visit = " (première visite, avant la fin de la période d'essai)" if (
                last_done_on is None) else ""
            made = f" Faite le {fr_date(done_in_week)}." if done_in_week else ""
            found.append((due, "visit_due", f"Visite de suivi {at}{first_visit}.{made}"))
        if found:
            who = person_name(last, first)
            person = canonical_id(participant_id)
            contract = canonical_id(contract_id)
            items += [AgendaItem(day, kind, who, detail, person, "contract", contract, contract)
                      for day, kind, detail in found]
    return items


class _Summary(NamedTuple):
    """The SQL expressions of a contract's visit summary."""

    last_done: Any
    next_on: Any
    next_planned: Any
    first_in_week: Any


# A contract's end is announced a month ahead, to prepare what comes next (hire, studies).
END_NOTICE_MONTHS = 1
_RUPTURE_BY_TEXT = {"employeur": "par l'employeur ", "jeune": "par le jeune ",
                    "commun": "d'un commun accord "}


def _end_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    """Contract ends (a month ahead, then on the day) and the notices a rupture calls for, each
    by its legal delay (``visits.rupture_notice``: the OPCO within 30 days)."""
    notice_from, notice_to = (rules.add_months(monday, END_NOTICE_MONTHS),
                              rules.add_months(sunday, END_NOTICE_MONTHS))
    ruptured_from = monday - timedelta(days=RUPTURE_NOTIFY_OPCO_DAYS)
    rows = session.execute(
        # Ids as stored, made canonical for the items only.
        select(type_coerce(Contract.id, String), type_coerce(Contract.participant_id, String),
               Contract.contract_type, Contract.start_date,
               Contract.end_date, Contract.trial_period_end_override, Contract.rupture_on,
               Contract.rupture_by, Participant.first_name, Participant.last_name, Employer.name)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(
            # Indexed range, as for the running contracts: older ones have nothing left here.
            Contract.start_date.between(
                rules.add_months(monday, -MAX_FOLLOW_UP_MONTHS - END_NOTICE_MONTHS), sunday),
            _in_cohort(cohort_id), or_(
            and_(Contract.rupture_on.is_(None), or_(
                Contract.end_date.between(monday, sunday),
                Contract.end_date.between(notice_from, notice_to))),
            Contract.rupture_on.between(ruptured_from, sunday),
        ))
    ).all()
    items: list[AgendaItem] = []
    for (contract_id, person_id, contract_type, start, end, override, rupture_on, rupture_by,
         first, last, employer) in rows:
        who = person_name(last, first)

        def item(day: date, kind: str, detail: str, *, _who: str = who, _pid: str = person_id,
                 _cid: str = contract_id) -> AgendaItem:
            contract = canonical_id(_cid)
            return AgendaItem(day, kind, _who, detail, canonical_id(_pid), "contract", contract,
                              contract)

        if rupture_on is not None:
            by = _RUPTURE_BY_TEXT.get(rupture_by or "", "")
            terms = ContractDraft(start_date=start, contract_type=contract_type, end_date=end,
                                  trial_period_end_override=override)
            for day, what in rupture_notice(terms, rupture_on).reminders:
                if monday <= day <= sunday:
                    items.append(item(day, "rupture_notice",
                                      f"Contrat chez {employer} rompu {by}le "
                                      f"{fr_date(rupture_on)}. {what}"))
            continue
        if end is None:
            continue
        if monday <= end <= sunday:
            items.append(item(end, "contract_end",
                              f"Fin du contrat chez {employer} ce jour : enregistrez la sortie."))
        announced = rules.add_months(end, -END_NOTICE_MONTHS)
        if monday <= announced <= sunday:
            items.append(item(announced, "contract_end",
                              f"Le contrat chez {employer} se termine dans un mois, le "
                              f"{fr_date(end)} : préparez la suite (embauche, études)."))
    return items


def _may_give_an_item(summary: _Summary, monday: date, sunday: date) -> Any:
    """Contracts that may have an item this week; the others are not even read.

    Exact, not a guess: a contract gives nothing when its trial period cannot end this week,
    no OPCO deadline falls in it, and its next visit is due after Sunday — which SQL knows
    when a visit is planned after Sunday, or when the last report set a date after Sunday
    (``visits.next_visit_due`` takes the planned visit first, then the report's date).
    """
    trial_may_end = or_(
        Contract.trial_period_end_override.between(monday, sunday),
        and_(Contract.trial_period_end_override.is_(None),
             Contract.start_date >= monday - TRIAL_HORIZON),
    )
    opco_due = or_(
        and_(Contract.sent_to_opco_on.is_(None),
             Contract.start_date.between(monday - timedelta(days=rules.OPCO_SEND_DAYS),
                                         sunday - timedelta(days=rules.OPCO_SEND_DAYS))),
        and_(Contract.sent_to_opco_on.between(monday - timedelta(days=rules.OPCO_ANSWER_DAYS),
                                              sunday - timedelta(days=rules.OPCO_ANSWER_DAYS)),
             or_(Contract.opco_decision.is_(None),
                 Contract.opco_decision.not_in(("accepte", "refuse")))),
    )
    visit_may_be_due = or_(
        summary.next_planned <= sunday,
        and_(summary.next_planned.is_(None),
             or_(summary.next_on.is_(None), summary.next_on <= sunday)),
    )
    return or_(trial_may_end, opco_due, visit_may_be_due)


def _enrolment_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    """D-15, D-7 and the deadline itself for each place still provisional on that day.

    The deadline is the person's own or the promotion's; the places read are those whose
    deadline falls within 15 days after the week starts: through the promotions with such a
    deadline, then through the people's own deadlines (indexed), never every enrolment.
    """
    horizon = sunday + timedelta(days=max(DEADLINE_WARNING_DAYS))
    columns = (
        # Ids as stored (canonical form below): a promotion may have thousands of enrolments.
        type_coerce(Enrolment.id, String).label("enrolment_id"),
        type_coerce(Participant.id, String).label("person_id"),
        Participant.first_name, Participant.last_name, Enrolment.enrolled_on,
        Enrolment.deadline_override, enrolment.first_contract_column().label("contract_on"),
    )

    def read(*where: Any) -> list[Any]:
        return list(session.execute(
            select(*columns).join(Participant, Participant.id == Enrolment.participant_id)
            .where(*where)
        ))

    promotions = session.execute(
        select(Cohort.id, Cohort.enrolment_deadline).where(
            Cohort.enrolment_deadline.between(monday, horizon),
            Cohort.id == cohort_id if cohort_id else true())
    ).all()
    people: list[tuple[Any, date]] = []
    for promotion, promotion_deadline in promotions:
        assert promotion_deadline is not None  # selected by its range
        # By the promotion's index, those following its deadline (an "IS NULL" on the person's
        # own deadline would make SQLite walk that index over every enrolment instead).
        people += [(row, promotion_deadline) for row in read(Enrolment.cohort_id == promotion)
                   if row.deadline_override is None]
    people += [(row, row.deadline_override) for row in read(
        Enrolment.deadline_override.between(monday, horizon),
        Enrolment.cohort_id == cohort_id if cohort_id else true())]
    # Per deadline, its days in the week (D-15, D-7, the day itself) and what they say.
    warnings: dict[date, list[tuple[date, str]]] = {}
    items: list[AgendaItem] = []
    for (enrolment_id, pid, first, last, enrolled_on, _own, contract_on), deadline in people:
        days = warnings.get(deadline)
        if days is None:
            days = warnings[deadline] = [
                (deadline - timedelta(days=left), _deadline_detail(deadline, left))
                for left in (*DEADLINE_WARNING_DAYS, 0)
                if monday <= deadline - timedelta(days=left) <= sunday
            ]
        if not days:
            continue
        final = enrolment.confirmation_day(enrolled_on, deadline, contract_on)
        for day, detail in days:
            # Still provisional that day (enrolment.effective_status): enrolled, not yet final.
            if enrolled_on <= day and (final is None or final > day):
                items.append(AgendaItem(day, "enrolment_deadline", person_name(last, first),
                                        detail, canonical_id(pid), "enrolment",
                                        canonical_id(enrolment_id)))
    return items


def _deadline_detail(deadline: date, left: int) -> str:
    if left == 0:
        return ("Date limite : sans contrat signé ce jour, l'inscription provisoire devient "
                "caduque.")
    return (f"Plus que {left} jours pour signer un contrat : l'inscription provisoire devient "
            f"caduque après le {fr_date(deadline)}.")


def _interview_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    rows = session.execute(
        select(
            RecruitmentInterview.id, RecruitmentInterview.starts_at, RecruitmentInterview.place,
            RecruitmentInterview.outcome, Participant.id, Participant.first_name,
            Participant.last_name, JobOffer.title, Employer.name,
        )
        .join(Referral, Referral.id == RecruitmentInterview.referral_id)
        .join(Participant, Participant.id == Referral.participant_id)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(
            RecruitmentInterview.starts_at >= datetime.combine(monday, time.min),
            RecruitmentInterview.starts_at < datetime.combine(sunday + timedelta(days=1), time.min),
            _in_cohort(cohort_id),
        )
    ).all()
    items = []
    for interview_id, starts_at, place, outcome, pid, first, last, title, employer in rows:
        where = f", {place}" if place else ""
        state = "" if outcome == "a_venir" else f" — {codes.INTERVIEW_OUTCOMES[outcome]}"
        items.append(AgendaItem(
            starts_at.date(), "recruitment_interview", person_name(last, first),
            f"{starts_at:%H:%M} : entretien chez {employer} pour « {title} »{where}{state}.",
            pid, "recruitment_interview", interview_id, starts_at=starts_at,
        ))
    return items


def planned_visits(
    database: Database, *, cohort_id: str | None = None, since: date | None = None
) -> list[AgendaItem]:
    """The follow-up visits and calls planned for contracts and not done yet, by date.

    These are the appointments a coach fixed (``FollowUpVisit.planned_on``), for the calendar
    exported to a phone; ``since`` leaves out those planned before that day.
    """
    statement = (
        select(FollowUpVisit.id, FollowUpVisit.planned_on, FollowUpVisit.kind, Contract.id,
               Participant.id, Participant.first_name, Participant.last_name, Employer.name)
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(FollowUpVisit.planned_on.is_not(None), FollowUpVisit.done_on.is_(None),
               _in_cohort(cohort_id))
        .order_by(FollowUpVisit.planned_on, Participant.last_name)
    )
    if since is not None:
        statement = statement.where(FollowUpVisit.planned_on >= since)
    with database.read() as session:
        rows = session.execute(statement).all()
    return [
        AgendaItem(
            planned_on, "visit_due", person_name(last, first),
            f"Suivi du contrat chez {employer} ({codes.VISIT_KINDS.get(kind, kind).lower()}).",
            pid, "follow_up_visit", visit_id, contract_id,
        )
        for visit_id, planned_on, kind, contract_id, pid, first, last, employer in rows
        if planned_on is not None  # always: selected so
    ]


def add_reminder(
    database: Database, participant_id: str | None, due_on: date, text: str, author: str = "",
    *, contract_id: str | None = None, employer_id: str | None = None,
) -> str:
    """A coach's own dated reminder (about a person or not; made from a contract or an
    employer, linked to it), in one transaction; it shows in the week's agenda."""
    text = (text or "").strip()
    if not text:
        raise UserError("Le texte du rappel est obligatoire.", hint="Écrivez ce qu'il faut faire.")
    with database.write() as session:
        reminder = Reminder(participant_id=participant_id, due_on=due_on, text=text,
                            author=author.strip(), contract_id=contract_id,
                            employer_id=employer_id)
        session.add(reminder)
        session.flush()
        return reminder.id
