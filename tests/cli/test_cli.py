"""The command line as a coach or a script runs it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.unit.test_funnel import PROGRESS_NOTE


def coachdesk(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_version() -> None:
    result = coachdesk("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("CoachDesk ")


def test_demo_refuses_an_existing_file_unless_forced_then_funnel_json_gives_the_note(
    tmp_path: Path,
) -> None:
    # One demo written (it takes seconds); a demo on a new path: tests/unit/test_permissions.py.
    path = tmp_path / "démo.sqlite3"
    path.write_bytes(b"pas touche")
    refused = coachdesk("--db", path, "demo")
    assert refused.returncode == 1
    assert "existe déjà" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert path.read_bytes() == b"pas touche"
    forced = coachdesk("--db", path, "demo", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Base de démonstration écrite" in forced.stdout
    assert path.read_bytes().startswith(b"SQLite format 3")
    report = coachdesk("--db", path, "report", "funnel", "--json")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout) == PROGRESS_NOTE  # stdout holds the JSON object only
    at_note = coachdesk("--db", path, "report", "funnel", "--json", "--as-of", "2010-12-31")
    assert json.loads(at_note.stdout) == PROGRESS_NOTE


def test_demo_uses_coachdesk_db_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.sqlite3"
    result = coachdesk("report", "funnel", "--json", env={"COACHDESK_DB": str(path)})
    assert result.returncode == 1 and "n'existe pas" in result.stderr
    assert not path.exists()


def test_funnel_table_in_french(demo_path: Path) -> None:
    result = coachdesk("--db", demo_path, "report", "funnel", "--as-of", "2010-12-31")
    assert result.returncode == 0, result.stderr
    assert "Situation au 31/12/2010" in result.stdout
    assert "Promotion 2010" in result.stdout
    line = next(x for x in result.stdout.splitlines() if x.startswith("Personnes retenues"))
    assert line.split()[-3:] == ["46", "94", "%"]


def test_errors_are_french_with_the_right_exit_codes(tmp_path: Path, demo_path: Path) -> None:
    unknown = coachdesk("--db", demo_path, "report", "funnel", "--cohort", "Promotion 1999")
    assert unknown.returncode == 1
    assert "Aucune promotion ne s'appelle « Promotion 1999 »" in unknown.stderr
    bad_date = coachdesk("--db", demo_path, "report", "funnel", "--as-of", "31/12/2010")
    assert bad_date.returncode == 1
    assert "Date « 31/12/2010 » non reconnue : attendu AAAA-MM-JJ" in bad_date.stderr
    missing = coachdesk("--db", tmp_path / "absente.sqlite3", "report", "funnel")
    assert missing.returncode == 1 and "n'existe pas" in missing.stderr
    assert not (tmp_path / "absente.sqlite3").exists()
    garbage = tmp_path / "abîmée.sqlite3"
    garbage.write_bytes(os.urandom(4096))
    before = garbage.read_bytes()
    damaged = coachdesk("--db", garbage, "report", "funnel")
    assert damaged.returncode == 1 and "n'a pas été modifié" in damaged.stderr
    assert garbage.read_bytes() == before
    for result in (unknown, bad_date, missing, damaged):
        assert "Traceback" not in result.stderr


def test_window_opens_on_a_fresh_demo_and_exits_cleanly(tmp_path: Path) -> None:
    env = {"COACHDESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = coachdesk("--demo", "--exit-when-ready", env=env)
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stderr and "ready" in result.stderr
    # The demo lives in the cache folder, never in the coach's data folder.
    assert not (tmp_path / "home" / "data" / "coachdesk.sqlite3").exists()
    assert list((tmp_path / "home" / "cache" / "demo-sessions").glob("demo-*.sqlite3"))



def test_output_piped_into_a_reader_that_stops_early(demo_path: Path) -> None:
    # `coachdesk … | true`: the reader is gone before CoachDesk writes its first line.
    command = (
        f'"{sys.executable}" -m coachdesk --db "{demo_path}" agenda --week 2010-W28 | true'
    )
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Erreur" not in result.stderr and "Traceback" not in result.stderr


def test_the_window_shows_a_plain_database_without_loading_what_it_does_not_need(
    demo_path: Path, tmp_path: Path
) -> None:
    """Start-up pays for what the first tab shows: opening a plain database loads neither the
    encryption (no passphrase to ask), nor the contact import and phonenumbers (the first form
    saved loads them), nor the services the demo is recorded with."""
    heavy = ("cryptography", "sqlcipher3", "phonenumbers",
             "coachdesk.ui.app_window.passphrase_dialog", "coachdesk.services.contact_import",
             "coachdesk.services.demo", "coachdesk.services.recruitment")
    program = (
        "import sys\n"
        f"sys.argv = ['coachdesk', '--db', {str(demo_path)!r}, '--exit-when-ready']\n"
        "from coachdesk.cli import main\n"
        "code = main()\n"
        f"print(sorted(m for m in sys.modules if m in {heavy!r}))\n"
        "raise SystemExit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120,
        env={**os.environ, "COACHDESK_HOME": str(tmp_path / "home"),
             "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stderr
    assert result.stdout.strip() == "[]"
