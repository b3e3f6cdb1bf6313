"""``coachdesk print interview-sheets`` on a real database file, as a coach runs it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pypdf

from coachdesk.db import open_database
from coachdesk.services import employers as emp
from coachdesk.services import interviews, matching, offers
from tests.employers_fixtures import make_cohort, make_participant


def _run(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachdesk", "--db", str(db_path), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_week_with_interviews_gives_one_page_each(tmp_path: Path) -> None:
    db_path = tmp_path / "base.sqlite3"
    db = open_database(db_path)
    cohort = make_cohort(db)
    employer = emp.create_employer(db, emp.EmployerDraft(
        name="Société Générale d'Œnologie", city="Béziers",
    ))
    offer = offers.create_offer(db, cohort, offers.OfferDraft(
        employer_id=employer, title="Secrétaire", rome_code="M1607", received_on=date(2010, 4, 1),
    ))
    for index, (last, first) in enumerate((("Lefèvre", "Zoé"), ("Garçon", "Jérôme"))):
        person = make_participant(db, cohort, last, first)
        referral = matching.propose(db, offer, person, date(2010, 5, 3))
        interviews.schedule_interview(db, referral, interviews.InterviewDraft(
            datetime(2010, 5, 4 + index, 10, 0),
        ))
    db.dispose()

    out = tmp_path / "fiches semaine 18.pdf"
    result = _run(db_path, "print", "interview-sheets", "--week", "2010-W18", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 fiches de préparation (semaine 18 (du 3 au 9 mai 2010))" in result.stdout
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == 2
    assert "LEFÈVRE Zoé" in pages[0].extract_text()
    assert "GARÇON Jérôme" in pages[1].extract_text()

    ics = tmp_path / "agenda.ics"
    result = _run(db_path, "print", "interview-calendar", "--week", "2010-W18", "--out", str(ics))
    assert result.returncode == 0, result.stderr
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 2


def test_week_without_interviews_writes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "base.sqlite3"
    open_database(db_path).dispose()
    out = tmp_path / "fiches.pdf"
    result = _run(db_path, "print", "interview-sheets", "--week", "2010-W02", "--out", str(out))
    assert result.returncode == 1
    assert ("Aucun entretien de recrutement en semaine 2 (du 11 au 17 janvier 2010) : aucun "
            "fichier écrit.") in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    bad = _run(db_path, "print", "interview-sheets", "--week", "semaine 2", "--out", str(out))
    assert bad.returncode == 1 and "non reconnue : attendu AAAA-Wss" in bad.stderr
