"""The demo's agenda, week by week, is exactly the one recorded in tests/data.

Every item of every week the demo fills (and the weeks around), for the whole programme and
for each promotion: its day, kind, person, text, the record it opens, its time, done mark and
own day, in the order the window shows them. The recording was taken before the agenda's
queries were made faster; any change to what a coach reads in "Cette semaine" fails here.
Record identifiers are random in each demo, so the line names the record's table only.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.models import Cohort
from coachdesk.services.agenda import compute_agenda

EXPECTED = Path(__file__).parents[1] / "recorded" / "agenda-demo-weeks.txt"
FIRST_MONDAY = date(2010, 3, 29)
LAST_MONDAY = date(2011, 8, 29)


def agenda_lines(database: Database) -> list[str]:
    """One line per item, week after week, then the same weeks promotion by promotion."""
    with database.read() as session:
        cohorts = [(None, "")] + [
            (cohort_id, name) for cohort_id, name in session.execute(
                select(Cohort.id, Cohort.name).order_by(Cohort.name))
        ]
    lines = []
    for cohort_id, cohort_name in cohorts:
        monday = FIRST_MONDAY
        while monday <= LAST_MONDAY:
            for item in compute_agenda(database, monday, cohort_id=cohort_id):
                lines.append("\t".join((
                    monday.isoformat(), cohort_name, item.day.isoformat(), item.kind,
                    item.participant, item.detail,
                    "person" if item.participant_id else "no one", item.record_table,
                    "contract" if item.contract_id else "",
                    item.starts_at.isoformat() if item.starts_at else "",
                    "done" if item.done else "",
                    item.due_on.isoformat() if item.due_on else "",
                )))
            monday += timedelta(weeks=1)
    return lines


def test_the_demo_weeks_show_the_recorded_items(demo_path: Path) -> None:
    database = open_database(demo_path, create=False)
    try:
        lines = agenda_lines(database)
    finally:
        database.dispose()
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    # The recording covers every kind the demo can show, so a kind lost would be seen.
    assert len(expected) > 300
    assert {line.split("\t")[3] for line in expected} >= {
        "visit_due", "visit_overdue", "trial_period_end", "contract_end",
        "rupture_notice", "enrolment_deadline", "recruitment_interview", "pay_rise",
        "post_exit_followup", "reminder",
    }
    for index, (got, want) in enumerate(zip(lines, expected, strict=False)):
        assert got == want, f"line {index + 1} of {EXPECTED.name}"
    assert len(lines) == len(expected)
