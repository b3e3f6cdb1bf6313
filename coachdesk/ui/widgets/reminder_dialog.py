"""A reminder, from wherever the coach is: a person's file, a contract, an employer, the
agenda; and postponing one (a new day).

The reminder lands in the week's agenda and its .ics (``services.agenda.add_reminder``); what
it concerns (a contract's employer, an employer) starts its text, so the line says it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from coachdesk.services.contract_rules import fr_date
from coachdesk.ui.widgets.fields import date_edit, date_of
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.reminders import ReminderKey

# A new reminder is proposed a week ahead (« rappeler jeudi » is typed over it).
DEFAULT_DELAY_DAYS = 7


def laptop_coach_name(database: Database) -> str:
    """The name of the coach who uses this laptop (a reminder's author), or ""."""
    from coachdesk.services.coaches import list_coaches
    from coachdesk.ui.widgets.coach_picker import laptop_coach_id

    chosen = laptop_coach_id(database)
    return next((coach.name for coach in list_coaches(database) if coach.id == chosen), "")


class ReminderDialog(FormDialog):
    """A new reminder about a person (``participant_id``) or about no one (an employer)."""

    def __init__(
        self, database: Database, participant_id: str | None, today: date, *,
        who: str = "", about: str = "", contract_id: str | None = None,
        employer_id: str | None = None, parent: QWidget | None = None,
    ) -> None:
        """``who``: the person's (or the employer's) name for the title; ``about``: what the
        reminder concerns (« Contrat chez … »), written at the start of its text;
        ``contract_id``, ``employer_id``: the contract or the employer it is made from, linked
        to it."""
        title = self.tr("New reminder")
        named = who or about
        super().__init__(f"{title} — {named}" if named else title, parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("reminderDialog")
        self.database = database
        self.participant_id = participant_id
        self.contract_id = contract_id
        self.employer_id = employer_id
        self.due_on = date_edit(today + timedelta(days=DEFAULT_DELAY_DAYS), name="reminderDue")
        self.text = QPlainTextEdit()
        self.text.setObjectName("reminderText")
        self.text.setFixedHeight(80)
        self.text.setPlaceholderText(self.tr("e.g. Call the tutor back about the January "
                                             "timetable"))
        if about:
            self.text.setPlainText(f"{about} : ")
        self.form.addRow(self.tr("Due on"), self.due_on)
        self.form.addRow(self.tr("To do"), self.text)
        note = QLabel(self.tr("The reminder shows in the week's agenda and its calendar file; "
                              "tick it done or postpone it from the agenda or the person's file."))
        note.setWordWrap(True)
        self.add_to_body(note)
        self.text.setFocus()

    def save(self) -> str:
        from coachdesk.services.agenda import add_reminder

        due_on = date_of(self.due_on)
        assert due_on is not None  # a required date field
        return add_reminder(self.database, self.participant_id, due_on,
                            self.text.toPlainText(), laptop_coach_name(self.database),
                            contract_id=self.contract_id, employer_id=self.employer_id)


class PostponeDialog(FormDialog):
    """A reminder or a follow-up moved to a new day (to do again)."""

    def __init__(
        self, database: Database, key: ReminderKey, what: str, due_on: date, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Postpone a reminder"), parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("postponeDialog")
        self.database = database
        self.key = key
        explanation = QLabel(self.tr("%1 (due on %2)").replace("%1", what)
                             .replace("%2", fr_date(due_on)))
        explanation.setObjectName("postponedWhat")
        explanation.setWordWrap(True)
        self.new_day = date_edit(max(due_on, today) + timedelta(days=DEFAULT_DELAY_DAYS),
                                 name="postponeTo")
        self.form.addRow(explanation)
        self.form.addRow(self.tr("New date"), self.new_day)

    def save(self) -> str:
        from coachdesk.services.reminders import postpone

        new_day = date_of(self.new_day)
        assert new_day is not None
        return postpone(self.database, self.key, new_day)
