"""Where a person's path ends (sortie, solution): a CDI or a hire promised, studies, a job found
outside the programme, evening classes, support continued… recorded in one transaction each.

The outcome arrives as one ``OutcomeDraft``; which outcomes mean the person has left the
programme is ``visits.EXIT_OUTCOMES``, what the funnel counts is ``funnel``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachdesk.db import Database
from coachdesk.models import Outcome, Participant, codes
from coachdesk.services.checks import check_code
from coachdesk.services.records import get_record


@dataclass(frozen=True, slots=True)
class OutcomeDraft:
    """A solution as the coach records it: what (a code of codes.OUTCOME_KINDS), on which day,
    from when for a hire promised or studies starting later, and a note."""

    kind: str
    recorded_on: date
    expected_on: date | None = None
    notes: str = ""


def record_outcome(db: Database, participant_id: str, draft: OutcomeDraft) -> str:
    """Record a solution (sortie) for a person; returns its id."""
    check_code(draft.kind, codes.OUTCOME_KINDS, "Solution")
    with db.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        outcome = Outcome(participant_id=participant_id, kind=draft.kind,
                          recorded_on=draft.recorded_on, expected_on=draft.expected_on,
                          notes=draft.notes.strip())
        session.add(outcome)
        session.flush()
        return outcome.id
