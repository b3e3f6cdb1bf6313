"""Reminders a coach ticks done or postpones, and the follow-ups after an exit.

Two kinds of thing to do, one way to settle them:

* a coach's own **reminder** (``Reminder``), written from a person's file, a contract, an
  employer or the agenda (``agenda.add_reminder``);
* the **3- and 6-month follow-ups** after a person's first exit, which the agenda computes
  from the exit. The first time a coach ticks one done or postpones it, it is written as a
  ``Reminder`` pointing at the exit (``outcome_id``, ``follow_up_months``); from then on
  that row says its state and the computed one is no longer shown.

Anything not done whose day has passed is **overdue** and says by how much (« en retard de
3 jours »), counted to the database's day (``services.clock``). The agenda says it in the
week that holds that day (another week shows its items as they were planned), and carries
there, on that day, what is still overdue from the :data:`OVERDUE_CARRIED_DAYS` before it
(older ones stay listed, late, in the person's file).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, and_, func, or_, select, true, type_coerce
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Employer, Outcome, Participant, Reminder, codes, utcnow
from coachdesk.models.base import canonical_id
from coachdesk.services.agenda_items import AgendaItem
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_rules import add_months, fr_date
from coachdesk.services.text import person_name
from coachdesk.services.visits import EXIT_OUTCOMES, FOLLOW_UP_MONTHS

# What is not ticked stays in the current week's agenda, overdue, this long: about the three
# months until an exit's next follow-up is due (a years-old database would otherwise fill the
# week with what nobody ticked).
OVERDUE_CARRIED_DAYS = 90
# The agenda kinds a coach can tick done or postpone.
FOLLOW_UP_KINDS = ("post_exit_followup", "followup_overdue")
REMINDER_KINDS = ("reminder", "reminder_overdue")


@dataclass(frozen=True, slots=True)
class ReminderKey:
    """Which thing to settle: a stored reminder, or an exit's follow-up due on ``due_on``."""

    reminder_id: str | None = None
    outcome_id: str | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReminderLine:
    """A reminder or follow-up of one person, as the person's file lists them."""

    key: ReminderKey
    due_on: date
    text: str
    done_on: date | None
    done: bool
    overdue_days: int  # 0 when not overdue
    is_follow_up: bool

    @property
    def state(self) -> str:
        """In French: « fait le 12/12/2010 », « en retard de 3 jours », « à faire »."""
        if self.done:
            return f"fait le {fr_date(self.done_on)}" if self.done_on else "fait"
        if self.overdue_days:
            return overdue_phrase(self.overdue_days)
        return "à faire"


def overdue_phrase(days: int) -> str:
    """« en retard d'un jour », « en retard de 3 jours »."""
    return "en retard d'un jour" if days == 1 else f"en retard de {days} jours"


def follow_up_text(months: int, exit_on: date, exit_kind: str) -> str:
    return (f"Suivi à {months} mois après la sortie du {fr_date(exit_on)} "
            f"({codes.OUTCOME_KINDS.get(exit_kind, exit_kind)}).")


def key_of(item: AgendaItem) -> ReminderKey | None:
    """The reminder behind an agenda line, when the coach can tick it done or postpone it."""
    if item.record_table == "reminder":
        return ReminderKey(reminder_id=item.record_id)
    if item.record_table == "outcome" and item.kind in FOLLOW_UP_KINDS:
        return ReminderKey(outcome_id=item.record_id, due_on=item.due_on or item.day)
    return None


# --- settling ------------------------------------------------------------------------------------


def _stored(session: Session, key: ReminderKey) -> Reminder:
    """The reminder ``key`` names; a follow-up becomes one the first time it is settled."""
    if key.reminder_id is not None:
        reminder = session.get(Reminder, key.reminder_id)
        if reminder is None:
            raise UserError("Ce rappel n'existe plus : il a peut-être été supprimé.",
                            hint="Rechargez l'agenda.")
        return reminder
    outcome = session.get(Outcome, key.outcome_id) if key.outcome_id else None
    months = next((m for m in FOLLOW_UP_MONTHS
                   if outcome is not None and add_months(outcome.recorded_on, m) == key.due_on),
                  None)
    if outcome is None or months is None:
        raise UserError("Ce suivi après la sortie n'existe plus : la sortie a peut-être été "
                        "modifiée ou supprimée.", hint="Rechargez l'agenda.")
    existing = session.scalar(select(Reminder).where(Reminder.outcome_id == outcome.id,
                                                     Reminder.follow_up_months == months))
    if existing is not None:
        return existing
    reminder = Reminder(participant_id=outcome.participant_id, due_on=key.due_on,
                        text=follow_up_text(months, outcome.recorded_on, outcome.kind),
                        outcome_id=outcome.id, follow_up_months=months)
    session.add(reminder)
    return reminder


def mark_done(database: Database, key: ReminderKey, on: date | None = None) -> str:
    """Tick a reminder or a follow-up done, on ``on`` (by default the database's day), in one
    transaction; returns the reminder's id."""
    with database.write() as session:
        reminder = _stored(session, key)
        reminder.done = True
        reminder.done_on = on or clock_day(session)
        reminder.updated_at = utcnow()
        session.flush()
        return reminder.id


def reopen(database: Database, key: ReminderKey) -> None:
    """Untick a reminder ticked by mistake (one transaction)."""
    with database.write() as session:
        reminder = _stored(session, key)
        reminder.done = False
        reminder.done_on = None
        reminder.updated_at = utcnow()


def postpone(database: Database, key: ReminderKey, new_day: date) -> str:
    """Move a reminder or a follow-up to ``new_day`` (still to do), in one transaction."""
    with database.write() as session:
        today = clock_day(session)
        if new_day < today:
            raise UserError(
                f"La nouvelle date du rappel ({fr_date(new_day)}) est déjà passée.",
                hint=f"Choisissez aujourd'hui ({fr_date(today)}) ou un jour à venir.")
        reminder = _stored(session, key)
        reminder.due_on = new_day
        reminder.done = False
        reminder.done_on = None
        reminder.updated_at = utcnow()
        session.flush()
        return reminder.id


# --- reading -------------------------------------------------------------------------------------


def _first_exits(session: Session, *where: Any) -> list[Any]:
    """The exits (``where``) that are their person's first: the follow-ups count from it."""
    # Ids read as stored and made canonical here: ten times cheaper than the UUID type, on the
    # hundreds of exits a week of the agenda may read.
    candidates = [
        (canonical_id(outcome_id), canonical_id(person_id), kind, recorded_on, first, last)
        for outcome_id, person_id, kind, recorded_on, first, last in session.execute(
            select(type_coerce(Outcome.id, String), type_coerce(Outcome.participant_id, String),
                   Outcome.kind, Outcome.recorded_on, Participant.first_name,
                   Participant.last_name)
            .join(Participant, Participant.id == Outcome.participant_id)
            .where(Outcome.kind.in_(EXIT_OUTCOMES), *where)
        )
    ]
    if not candidates:
        return []
    earliest = {canonical_id(person_id): day for person_id, day in session.execute(
        select(type_coerce(Outcome.participant_id, String), func.min(Outcome.recorded_on))
        .where(Outcome.participant_id.in_({row[1] for row in candidates}),
               Outcome.kind.in_(EXIT_OUTCOMES))
        .group_by(Outcome.participant_id)
    )}
    seen: set[str] = set()
    first = []
    for row in candidates:
        if row[3] == earliest.get(row[1]) and row[1] not in seen:
            seen.add(row[1])
            first.append(row)
    return first


def _settled(session: Session, outcome_ids: Iterable[str]) -> set[tuple[str, int]]:
    """The follow-ups already written as reminders: (exit, months)."""
    return {(outcome_id, months) for outcome_id, months in session.execute(
        select(Reminder.outcome_id, Reminder.follow_up_months)
        .where(Reminder.outcome_id.in_(list(outcome_ids)))
    ) if outcome_id is not None and months is not None}


def person_reminders(
    database: Database, participant_id: str, today: date | None = None
) -> list[ReminderLine]:
    """A person's reminders and the follow-ups of their first exit, what is to do first."""
    with database.read() as session:
        today = today or clock_day(session)
        lines = [
            ReminderLine(ReminderKey(reminder_id=rid), due_on, text, done_on, done,
                         0 if done or due_on >= today else (today - due_on).days,
                         months is not None)
            for rid, due_on, text, done, done_on, months in session.execute(
                select(Reminder.id, Reminder.due_on, Reminder.text, Reminder.done,
                       Reminder.done_on, Reminder.follow_up_months)
                .where(Reminder.participant_id == participant_id))
        ]
        exits = _first_exits(session, Outcome.participant_id == participant_id)
        settled = _settled(session, [row[0] for row in exits])
        for outcome_id, _pid, kind, recorded_on, _first, _last in exits:
            for months in FOLLOW_UP_MONTHS:
                if (outcome_id, months) in settled:
                    continue
                day = add_months(recorded_on, months)
                lines.append(ReminderLine(
                    ReminderKey(outcome_id=outcome_id, due_on=day), day,
                    follow_up_text(months, recorded_on, kind), None, False,
                    max((today - day).days, 0), True))
    lines.sort(key=lambda line: (line.done, line.due_on))
    return lines


def _detail(text: str, due_on: date, done: bool, done_on: date | None,
            today: date | None) -> str:
    """``today``: the database's day when the week holds it (lateness is said then only)."""
    if done:
        return f"{text} Fait le {fr_date(done_on)}." if done_on else f"{text} Fait."
    if today is not None and due_on < today:
        return f"{text} — {overdue_phrase((today - due_on).days)} (prévu le {fr_date(due_on)})."
    return text


def reminder_agenda_items(
    session: Session, monday: date, sunday: date, cohort_id: str | None
) -> list[AgendaItem]:
    """The reminders and follow-ups of the week for the agenda, read in its transaction
    (shared on purpose): those due in the week, done or not, and — in the week that holds
    the database's day — those still overdue from before it."""
    today = clock_day(session)
    current = monday <= today <= sunday
    in_cohort = Participant.cohort_id == cohort_id if cohort_id else true()
    due: Any = Reminder.due_on.between(monday, sunday)
    if current:
        due = or_(due, and_(
            Reminder.due_on.between(today - timedelta(days=OVERDUE_CARRIED_DAYS), monday),
            Reminder.done.is_(False)))
    statement = (
        select(Reminder.id, Reminder.due_on, Reminder.text, Reminder.done, Reminder.done_on,
               Reminder.follow_up_months, Reminder.contract_id, Reminder.employer_id,
               Employer.name, Participant.id, Participant.first_name, Participant.last_name)
        .outerjoin(Participant, Participant.id == Reminder.participant_id)
        .outerjoin(Employer, Employer.id == Reminder.employer_id)
        .where(due)
    )
    if cohort_id:
        statement = statement.where(or_(Reminder.participant_id.is_(None), in_cohort))
    items = []
    for (rid, due_on, text, done, done_on, months, contract_id, employer_id, employer, pid,
         first, last) in session.execute(statement):
        late = current and not done and due_on < today
        kind = ("followup_overdue" if late else "post_exit_followup") if months else (
            "reminder_overdue" if late else "reminder")
        # Carried from an earlier week: to do today, said late. A reminder about an employer
        # and no one in particular names the employer (as it is called today).
        items.append(AgendaItem(today if late and due_on < monday else due_on, kind,
                                person_name(last, first) if pid else employer or "",
                                _detail(text, due_on, done, done_on, today if current else None),
                                pid, "reminder", rid, contract_id=contract_id, done=done,
                                due_on=due_on, employer_id=employer_id))
    return items + _follow_up_items(session, monday, sunday, today if current else None,
                                    in_cohort)


def _follow_up_items(
    session: Session, monday: date, sunday: date, today: date | None, in_cohort: Any
) -> list[AgendaItem]:
    """The 3- and 6-month follow-ups computed from the exits, not yet settled; ``today``
    when the week holds the database's day."""
    since = monday
    if today is not None:
        since = min(monday, today - timedelta(days=OVERDUE_CARRIED_DAYS))
    # Exits whose follow-ups may fall from ``since`` to Sunday (months differ in length).
    windows = [
        Outcome.recorded_on.between(add_months(since, -months) - timedelta(days=3),
                                    add_months(sunday, -months) + timedelta(days=3))
        for months in FOLLOW_UP_MONTHS
    ]
    exits = _first_exits(session, or_(*windows), in_cohort)
    settled = _settled(session, [row[0] for row in exits])
    items = []
    for outcome_id, pid, kind, recorded_on, first, last in exits:
        for months in FOLLOW_UP_MONTHS:
            day = add_months(recorded_on, months)
            if (outcome_id, months) in settled or not since <= day <= sunday:
                continue
            late = today is not None and day < today
            items.append(AgendaItem(
                today if late and today is not None and day < monday else day,
                "followup_overdue" if late else "post_exit_followup",
                person_name(last, first),
                _detail(follow_up_text(months, recorded_on, kind), day, False, None, today),
                pid, "outcome", outcome_id, due_on=day,
            ))
    return items
