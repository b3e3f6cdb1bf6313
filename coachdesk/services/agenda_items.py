"""One line of the week's agenda (``services.agenda``), built by the agenda, the reminders
and the journal alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing due in the week, with what the window needs to open its record."""

    day: date
    kind: str  # a key of KINDS
    participant: str  # display name, "" for a reminder about no one
    detail: str  # French
    participant_id: str | None
    record_table: str  # "contract", "enrolment", "recruitment_interview", "outcome", "reminder"
    record_id: str
    contract_id: str | None = None
    starts_at: datetime | None = None  # recruitment interviews have a time
    done: bool = False  # a reminder or follow-up ticked done (services.reminders)
    due_on: date | None = None  # its own day, when shown on another (overdue, carried over)
    employer_id: str | None = None  # a reminder made from an employer

    def as_json(self) -> dict[str, str]:
        return {
            "date": self.day.isoformat(),
            "kind": self.kind,
            "participant": self.participant,
            "detail": self.detail,
        }
