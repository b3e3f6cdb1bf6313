"""``coachdesk --db PATH import training FILE``: the training body's sheet, as a coach runs it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from coachdesk.db import open_database
from coachdesk.services import training_bodies
from coachdesk.services.training import contract_training_defaults, save_training
from tests import builders as b


def coachdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def _database(path: Path) -> None:
    database = open_database(path)
    try:
        body = training_bodies.create_training_body(
            database, training_bodies.TrainingBodyDraft(name="Cnam"))
        cohort = b.cohort(database, "Promo 2010", training_body_id=body)
        person = b.person(database, cohort, "Arnaud", "Léa", birth_date=date(1990, 4, 2))
        employer = b.employer(database, "Imprimerie des Arceaux")
        contract = b.contract(database, person, employer, date(2010, 6, 1),
                              end_date=date(2011, 4, 30))
        save_training(database, person, contract_training_defaults(database, contract))
    finally:
        database.dispose()


def test_french_summary_then_json_then_nothing_twice(tmp_path: Path) -> None:
    db = tmp_path / "coachdesk.sqlite3"
    _database(db)
    sheet = tmp_path / "assiduite.csv"
    sheet.write_text(
        "Nom;Prénom;Date de naissance;Date;Nature;Heures;Demi-journées;Justifiée;Matière;"
        "Note sur 20\n"
        "Arnaud;Léa;02/04/1990;04/10/2010;absence;3,5;;oui;;\n"
        "Arnaud;Léa;02/04/1990;10/12/2010;évaluation;;;;Comptabilité;13,5\n"
        "Arnaud;Léa;02/04/1990;11/12/2010;absence;;;;;\n",
        encoding="utf-8")
    trial = coachdesk(db, "import", "training", str(sheet), "--dry-run")
    assert trial.returncode == 0, trial.stderr
    assert "1 absences et 1 évaluations seraient importées, 0 déjà enregistrées, 1 lignes " \
        "refusées." in trial.stdout
    assert ("« assiduite.csv », ligne 4, colonne « Demi-journées » : Indiquez la durée de "
            "l'absence en heures ou en demi-journées") in trial.stdout
    assert "Essai à blanc : rien n'a été enregistré." in trial.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM training_absence").fetchone() == (0,)

    done = coachdesk(db, "import", "training", str(sheet), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["absences"], report["assessments"], report["already_recorded"]) == (1, 1, 0)
    assert [(r["row"], r["column"]) for r in report["rejected"]] == [(4, "Demi-journées")]
    with sqlite3.connect(db) as connection:
        assert connection.execute(
            "SELECT absent_on, hours, justified, source FROM training_absence").fetchall() == [
            ("2010-10-04", 3.5, 1, "import")]
        assert connection.execute(
            "SELECT subject, grade FROM training_assessment").fetchall() == [
            ("Comptabilité", 13.5)]

    again = coachdesk(db, "import", "training", str(sheet))
    assert again.returncode == 0, again.stderr
    assert "0 absences et 0 évaluations importées, 2 déjà enregistrées" in again.stdout


def test_a_file_that_is_not_a_sheet_fails_in_french(tmp_path: Path) -> None:
    db = tmp_path / "coachdesk.sqlite3"
    _database(db)
    sheet = tmp_path / "liste.csv"
    sheet.write_text("Nom;Prénom;Nature\nArnaud;Léa;absence\n", encoding="utf-8")
    result = coachdesk(db, "import", "training", str(sheet))
    assert result.returncode == 1
    assert "Le fichier « liste.csv » n'a pas de colonne « Date »" in result.stderr
    assert "Traceback" not in result.stderr
