"""The export jobs the window's worker process runs: files on disk, the log and the audit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk.db import open_database
from coachdesk.errors import UserError
from coachdesk.exports import jobs
from coachdesk.exports.profiles import Profile, ProfileColumn, save_profile
from coachdesk.models import AuditEvent, ExportLog
from coachdesk.services.audit import list_events


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def log_count(db_path: Path) -> int:
    database = open_database(db_path)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count(ExportLog.id))) or 0)
    finally:
        database.dispose()


def test_weekly_job_writes_logs_and_audits(
    demo_path: Path, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACHDESK_USER", "Claire Dubois")
    out = tmp_path / "Hebdo MLJAM.xlsx"
    steps: list[tuple[int, int, str]] = []
    done = jobs.weekly(str(demo_path), str(out), "2010-W25", None,
                       progress=lambda d, t, m: steps.append((d, t, m)),
                       is_cancelled=lambda: False)
    assert done is not None
    assert done.file_name == "Hebdo MLJAM.xlsx"
    assert done.detail.endswith("semaine 25 (du 21 au 27 juin 2010)")
    assert done.recipient == "Mission Locale"
    assert done.sha256 == sha256(out)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = sum(sheet.max_row - 1 for sheet in book.worksheets if sheet.title != "Synthèse")
    assert book.sheetnames == ["Synthèse", "Jeunes", "Actions de la semaine", "Contrats"]
    book.close()
    assert done.row_count >= rows > 100
    # Progress ends at the total, with a French message.
    assert steps[-1][0] == steps[-1][1] == done.row_count
    assert "lignes écrites" in steps[-1][2]

    database = open_database(demo_path)
    try:
        history = jobs.export_history(database)
        events = list_events(database)
    finally:
        database.dispose()
    assert [(h.kind_label, h.recipient, h.file_name, h.row_count, h.sha256)
            for h in history] == [("Classeur hebdomadaire", "Mission Locale",
                                   "Hebdo MLJAM.xlsx", done.row_count, done.sha256)]
    assert history[0].cohort.startswith("Promotion 2010")
    assert [(e.actor, e.action_label, e.detail, e.count) for e in events] == [
        ("Claire Dubois", "Export",
         "Classeur hebdomadaire pour Mission Locale : Hebdo MLJAM.xlsx", done.row_count)
    ]


def test_cancelled_job_writes_nothing_and_logs_nothing(demo_path: Path, tmp_path: Path,
                                                       home: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    # Cancelled once writing has begun: the first sheet's end sees it.
    answers = iter([False])
    done = jobs.weekly(str(demo_path), str(out), None, None, progress=lambda *a: None,
                       is_cancelled=lambda: next(answers, True))
    assert done is None
    assert not out.exists()
    assert not any(p.name.endswith(".partiel") for p in tmp_path.iterdir())
    # Cancelled before it started.
    assert jobs.evaluator(str(demo_path), str(out), progress=lambda *a: None,
                          is_cancelled=lambda: True) is None
    assert not out.exists()
    assert log_count(demo_path) == 0


def test_contract_job_uses_the_saved_profile(demo_path: Path, tmp_path: Path, home: Path) -> None:
    save_profile(Profile(
        "agefos", "contrats", "AGEFOS PME",
        (ProfileColumn("status"), ProfileColumn("last_name", "NOM DU JEUNE"),
         ProfileColumn("employer")),
        {"status": ("Rompu",)},
    ))
    out = tmp_path / "contrats.xlsx"
    done = jobs.contracts(str(demo_path), str(out), "agefos", None,
                          progress=lambda *a: None, is_cancelled=lambda: False)
    assert done is not None and done.recipient == "AGEFOS PME"
    sheet = openpyxl.load_workbook(out)["Contrats"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Statut", "NOM DU JEUNE", "Employeur")
    # The demo cohort has 3 broken contracts, as in the 2010 note.
    assert [row[0] for row in values[1:]] == ["Rompu"] * 3
    assert done.row_count == 3


def test_evaluator_and_progress_note_jobs(demo_path: Path, tmp_path: Path, home: Path) -> None:
    evaluated = jobs.evaluator(str(demo_path), str(tmp_path / "cereq.xlsx"), None,
                               progress=lambda *a: None, is_cancelled=lambda: False)
    assert evaluated is not None and evaluated.row_count > 275
    note = jobs.progress_note(str(demo_path), str(tmp_path / "note.xlsx"), None, None,
                              progress=lambda *a: None, is_cancelled=lambda: False)
    assert note is not None
    sheet = openpyxl.load_workbook(tmp_path / "note.xlsx").active
    assert sheet is not None
    indicators = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert "Contrats de professionnalisation signés" in indicators
    assert "Qualification obtenue (certificat)" in indicators
    assert note.row_count == 18
    database = open_database(demo_path)
    try:
        kinds = [row.kind_label for row in jobs.export_history(database)]
        with database.read() as session:
            audited = session.scalar(select(func.count(AuditEvent.id)))
    finally:
        database.dispose()
    assert sorted(kinds) == ["Export pseudonymisé (évaluateur)", "Note d'étape"]
    assert audited == 2


def test_missing_folder_is_a_french_error_and_nothing_is_logged(
    demo_path: Path, tmp_path: Path, home: Path
) -> None:
    out = tmp_path / "absent" / "hebdo.xlsx"
    with pytest.raises(UserError, match="n'existe pas"):
        jobs.weekly(str(demo_path), str(out), None, None, progress=lambda *a: None,
                    is_cancelled=lambda: False)
    assert log_count(demo_path) == 0
