"""``coachdesk agenda`` on the demo's day: its reminders, follow-ups and notes, as JSON and
.ics, run as a coach would in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def coachdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )


def test_json_and_ics_hold_the_reminders_and_the_notes(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "semaine.ics"
    result = coachdesk(demo_db, "agenda", "--json", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    mine = {(item["date"], item["kind"], item["detail"]) for item in items
            if item["kind"] in ("reminder", "reminder_overdue", "journal", "followup_overdue")}
    assert ("2010-12-28", "reminder_overdue", "Demander ses bulletins de notes pour le dossier "
            "de BTS. — en retard de 3 jours (prévu le 28/12/2010).") in mine
    assert ("2010-12-30", "reminder", "Rappeler la tutrice pour le planning des cours de "
            "janvier. Fait le 30/12/2010.") in mine
    assert ("2010-12-31", "reminder", "Appeler le jeune au sujet des absences signalées par "
            "l'organisme de formation.") in mine
    assert any(kind == "journal" and day == "2010-12-29" and detail.startswith(
        "Courriel (Nadia Benali) — ") for day, kind, detail in mine)
    # The 3-month follow-ups of the three exits of 13/09/2010, never ticked.
    assert sum(item["kind"] == "followup_overdue" for item in items) == 3
    # The same lines in the calendar file, unfolded as a calendar application reads them.
    ics = target.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert ics.count("BEGIN:VEVENT") == len(items)
    assert "SUMMARY:Rappel en retard — " in ics
    assert "SUMMARY:Journal — " in ics
    assert "DESCRIPTION:Demander ses bulletins de notes pour le dossier de BTS. — en retard " \
           "de 3 jours (prévu le 28/12/2010)." in ics


def test_the_readable_table_says_late_reminders_in_french(demo_db: Path) -> None:
    result = coachdesk(demo_db, "agenda")
    assert result.returncode == 0, result.stderr
    assert "Rappel en retard" in result.stdout
    assert "Suivi après la sortie en retard" in result.stdout
    assert "en retard de 18 jours (prévu le 13/12/2010)" in result.stdout
