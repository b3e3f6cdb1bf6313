"""The audit log lists who did what, and how many records it touched."""

from __future__ import annotations

from coachdesk.services import audit


def test_audit_list_shows_the_recorded_count(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as session:
        audit.record(session, "export", "Classeur hebdomadaire, semaine 2010-W28", count=275)
    events = audit.list_events(db)
    assert len(events) == 1
    assert events[0].count == 275
    assert events[0].detail == "Classeur hebdomadaire, semaine 2010-W28"
    assert events[0].actor
