"""``coachdesk letters`` and ``coachdesk report sources`` on a real database
file, as a coach runs them."""

from __future__ import annotations

import email
import json
import stat
import subprocess
import sys
from datetime import date, datetime
from email.policy import default as default_policy
from pathlib import Path

import pypdf

from coachdesk.db import open_database
from coachdesk.services import coaches, recruitment
from coachdesk.services.clock import set_clock
from tests import builders


def _run(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachdesk", "--db", str(db_path), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    try:
        set_clock(db, date(2010, 2, 15))
        cohort = builders.cohort(db, training_title="Assistant de gestion")
        coaches.create_coach(db, coaches.CoachDraft("Claire Martin", phone="04 67 00 00 01",
                                                    email="claire@cnam.example"))
        builders.person(db, cohort, "Lefèvre", "Zoé", email="zoe@example.org",
                        address="1 rue Haute", postcode="34000", city="Montpellier")
        builders.person(db, cohort, "Noël", "Théo", provenance="mission_locale",
                        email="theo@example.org")
        recruitment.create_info_session(db, cohort, datetime(2010, 3, 2, 14), "Cnam")
    finally:
        db.dispose()
    return path


def test_letters_as_pdf_then_e_mails_recorded_as_a_campaign(tmp_path: Path) -> None:
    db_path = _database(tmp_path)
    listing = _run(db_path, "letters", "templates")
    assert listing.returncode == 0, listing.stderr
    assert "Relance — objet :" in listing.stdout and "{téléphone_chargé}" in listing.stdout

    refused = _run(db_path, "letters", "write", "--template", "invitation a une reunion "
                   "d'information", "--pdf", str(tmp_path / "x.pdf"))
    assert refused.returncode == 1
    assert "parle d'une réunion d'information : choisissez laquelle" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "x.pdf").exists()

    pdf = tmp_path / "invitations.pdf"
    done = _run(db_path, "letters", "write", "--template", "Invitation à une réunion "
                "d'information", "--session", "2010-03-02", "--signed-by", "claire martin",
                "--pdf", str(pdf))
    assert done.returncode == 0, done.stderr
    assert f"2 lettre(s) et 1 étiquette(s) écrites dans {pdf}." in done.stdout
    assert "1 personne(s) sans adresse postale complète" in done.stderr
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf).pages]
    assert len(pages) == 3
    assert "Bonjour Zoé Lefèvre," in pages[0] and "Bonjour Théo Noël," in pages[1]
    assert "04 67 00 00 01" in pages[1]

    folder = tmp_path / "courriels"
    sent = _run(db_path, "letters", "write", "--template", "Relance", "--session",
                "2010-03-02", "--eml", str(folder), "--record-campaign", "Relance de mars")
    assert sent.returncode == 0, sent.stderr
    assert "2 brouillon(s) de courriel écrits" in sent.stdout
    assert "Campagne « Relance de mars » enregistrée pour 2 personne(s)." in sent.stdout
    files = sorted(folder.iterdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)
    message = email.message_from_bytes(files[1].read_bytes(), policy=default_policy)
    assert message["To"].addresses[0].addr_spec == "theo@example.org"
    assert message["Subject"] == "Votre place à la réunion d'information du mardi 2 mars 2010"

    report = _run(db_path, "report", "sources", "--as-of", "2010-02-20", "--json")
    assert report.returncode == 0, report.stderr
    figures = json.loads(report.stdout)
    assert figures["campaigns"] == {"Relance de mars": {
        "people": 2, "contacted": 2, "answered": 0, "came": 0, "enrolled": 0}}
    assert figures["sources"]["Mission Locale"]["contacted"] == 1
    # The relance of those who have not answered: both of them.
    again = _run(db_path, "letters", "write", "--template", "Relance", "--session",
                 "2010-03-02", "--campaign", "Relance de mars", "--unanswered", "--pdf",
                 str(tmp_path / "relance.pdf"))
    assert again.returncode == 0, again.stderr
    assert "2 lettre(s)" in again.stdout
