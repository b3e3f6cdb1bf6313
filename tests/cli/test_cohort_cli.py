"""``coachdesk cohort create|edit|list``, ``coach`` and ``training-body``, from an empty
database, read back from stdout, stderr, the exit code and the database itself."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.cli import main
from coachdesk.db import open_database
from coachdesk.models import Cohort, CohortCoach


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_promotion_set_up_then_edited_and_archived_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "neuve.sqlite3"
    code, out, err = run(capsys, db, "cohort", "create", "--name", "Promo 2011",
                         "--start", "2011-05-25", "--create-database")
    assert code == 0, err
    assert out.startswith("Promotion créée : « Promo 2011 »")
    assert run(capsys, db, "coach", "add", "--name", "Claire  Vidal", "--phone",
               "0467001021")[:2] == (0, "Chargé·e ajouté·e : Claire Vidal.\n")
    assert run(capsys, db, "coach", "add", "--name", "Nadia Benali", "--structure",
               "MLJAM")[0] == 0
    assert run(capsys, db, "training-body", "add", "--name", "Cnam LR", "--uai",
               "0341234G", "--city", "Montpellier")[0] == 0

    code, out, err = run(
        capsys, db, "cohort", "edit", "promo 2011", "--name", "Promotion 2011 — APGPME",
        "--training", "Assistant de gestion de PME", "--training-body", "cnam lr",
        "--bilan-start", "2011-03-21", "--bilan-end", "2011-05-04", "--end", "2012-04-30",
        "--deadline", "2011-07-15", "--visit-interval", "4", "--target", "15",
        "--coach", "claire vidal", "--coach", "Nadia Benali", "--json")
    assert code == 0, err
    assert json.loads(out) | {"id": ""} == {
        "id": "", "name": "Promotion 2011 — APGPME",
        "training_title": "Assistant de gestion de PME", "training_body": "Cnam LR",
        "bilan_start_date": "2011-03-21", "bilan_end_date": "2011-05-04",
        "start_date": "2011-05-25", "end_date": "2012-04-30",
        "enrolment_deadline": "2011-07-15", "visit_interval_weeks": 4, "target_size": 15,
        "coaches": ["Claire Vidal", "Nadia Benali"], "archived": False,
    }
    database = open_database(db, create=False)
    with database.read() as session:
        cohort = session.scalars(select(Cohort)).one()
        assert (cohort.bilan_start_date, cohort.target_size) == (date(2011, 3, 21), 15)
        assert len(session.scalars(select(CohortCoach)).all()) == 2
    database.dispose()

    code, out, err = run(capsys, db, "cohort", "list")
    assert code == 0, err
    assert "« Promotion 2011 — APGPME »\n" in out
    assert "  Bilan : du 21/03/2011 au 04/05/2011\n" in out
    assert "  Chargé·es : Claire Vidal, Nadia Benali\n" in out

    code, out, err = run(capsys, db, "cohort", "edit", "Promotion 2011 — APGPME", "--archive")
    assert code == 0, err
    assert json.loads(run(capsys, db, "cohort", "list", "--json")[1]) == []
    listed = json.loads(run(capsys, db, "cohort", "list", "--all", "--json")[1])
    assert [(row["name"], row["archived"]) for row in listed] == [
        ("Promotion 2011 — APGPME", True)]


def test_the_rules_answer_in_french_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "base.sqlite3"
    assert run(capsys, db, "cohort", "create", "--name", "A", "--start", "2011-05-25",
               "--create-database")[0] == 0
    code, out, err = run(capsys, db, "cohort", "create", "--name", "B",
                         "--start", "2011-05-25", "--end", "2011-01-01")
    assert (code, out) == (1, "")
    assert "La formation ne peut pas finir avant d'avoir commencé." in err
    assert "Traceback" not in err
    code, _out, err = run(capsys, db, "cohort", "create", "--name", " a ", "--start",
                          "2011-05-25")
    assert code == 1 and "Une promotion s'appelle déjà « A »." in err
    code, _out, err = run(capsys, db, "cohort", "edit", "A", "--coach", "Personne")
    assert code == 1 and "Aucun·e chargé·e ne s'appelle « Personne »." in err
    code, _out, err = run(capsys, db, "cohort", "edit", "A", "--visit-interval", "40")
    assert code == 1 and "40 semaines n'est pas possible" in err
    listed = json.loads(run(capsys, db, "cohort", "list", "--json")[1])
    assert [(row["name"], row["visit_interval_weeks"], row["end_date"]) for row in listed] == [
        ("A", 6, None)]


def test_a_missing_database_is_not_created_without_asking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "absente.sqlite3"
    code, out, err = run(capsys, db, "cohort", "create", "--name", "A", "--start", "2011-05-25")
    assert code == 1 and out == "" and "Traceback" not in err
    assert not db.exists()
