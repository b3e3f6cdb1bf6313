"""``coachdesk --db PATH agenda`` run as a coach would, in a subprocess."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from coachdesk.services.agenda import KINDS


@pytest.fixture(scope="module")
def demo_db(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agenda") / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def coachdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )


def test_json_is_only_a_list_of_items(demo_db: Path) -> None:
    result = coachdesk(demo_db, "agenda", "--week", "2010-W28", "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert all(set(item) == {"date", "kind", "participant", "detail"} for item in items)
    assert all(item["kind"] in KINDS for item in items)
    deadline = [i for i in items if i["kind"] == "enrolment_deadline"]
    assert deadline and {i["date"] for i in deadline} == {"2010-07-15"}
    assert any(i["kind"] == "trial_period_end" and i["date"] == "2010-07-13" for i in items)


def test_readable_french_table_and_ics(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "semaine.ics"
    result = coachdesk(demo_db, "agenda", "--week", "2010-w27", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    assert "Agenda de la semaine 27 (du 5 au 11 juillet 2010)" in result.stdout
    assert "Fin de période d'essai" in result.stdout
    assert "06/07/2010" in result.stdout
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert target.read_bytes().count(b"BEGIN:VEVENT") == result.stdout.count("/2010  ")


@pytest.mark.parametrize(
    ("week", "said"),
    [
        ("semaine 28", "Semaine « semaine 28 » non reconnue : attendu AAAA-Wss"),
        ("2010-28", "Semaine « 2010-28 » non reconnue : attendu AAAA-Wss"),
        ("2010-W99", "La semaine « 2010-W99 » n'existe pas : l'année 2010 compte 52 semaines"),
        ("2010-W53", "La semaine « 2010-W53 » n'existe pas : l'année 2010 compte 52 semaines"),
        ("9999-W52", "La semaine « 9999-W52 » est hors des dates possibles."),
        ("0000-W01", "La semaine « 0000-W01 » est hors des dates possibles."),
    ],
)
def test_bad_week_is_a_french_error(demo_db: Path, week: str, said: str) -> None:
    before = demo_db.read_bytes()
    result = coachdesk(demo_db, "agenda", "--week", week, "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Erreur : {said}")
    assert "Traceback" not in result.stderr and "inattendue" not in result.stderr
    assert demo_db.read_bytes() == before


def test_empty_week(demo_db: Path) -> None:
    result = coachdesk(demo_db, "agenda", "--week", "2009-W01")
    assert result.returncode == 0
    assert "Rien de prévu cette semaine." in result.stdout
    assert json.loads(coachdesk(demo_db, "agenda", "--week", "2009-W01", "--json").stdout) == []


def test_the_demos_summer_deadline_warnings(demo_db: Path, tmp_path: Path) -> None:
    """The 22 young people and 2 adults enrolled on 26/05/2010 (deadline 15/07/2010): D-15 and
    D-7 for those still without a contract that day, then the deadline for the 11 who never
    signed one; computed on a database where no lapse is stored, and written to the .ics."""
    seen = {}
    for week, day, detail in (
        ("2010-W26", "2010-06-30", "Plus que 15 jours pour signer un contrat : l'inscription "
                                   "provisoire devient caduque après le 15/07/2010."),
        ("2010-W27", "2010-07-08", "Plus que 7 jours pour signer un contrat : l'inscription "
                                   "provisoire devient caduque après le 15/07/2010."),
        ("2010-W28", "2010-07-15", "Date limite : sans contrat signé ce jour, l'inscription "
                                   "provisoire devient caduque."),
    ):
        result = coachdesk(demo_db, "agenda", "--week", week, "--json")
        assert result.returncode == 0, result.stderr
        deadline = [i for i in json.loads(result.stdout) if i["kind"] == "enrolment_deadline"]
        assert {(i["date"], i["detail"]) for i in deadline} == {(day, detail)}
        seen[week] = {i["participant"] for i in deadline}
    # Signed contracts leave the list week after week; nobody new appears.
    assert [len(seen[w]) for w in ("2010-W26", "2010-W27", "2010-W28")] == [14, 13, 11]
    assert seen["2010-W28"] <= seen["2010-W27"] <= seen["2010-W26"]
    result = coachdesk(demo_db, "agenda", "--week", "2010-W29", "--json")
    assert not [i for i in json.loads(result.stdout) if i["kind"] == "enrolment_deadline"]
    target = tmp_path / "semaine-27.ics"
    result = coachdesk(demo_db, "agenda", "--week", "2010-W27", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").count("SUMMARY:Date limite d'inscription") == 13
    with sqlite3.connect(demo_db) as connection:
        stored = connection.execute(
            "SELECT count(*) FROM enrolment WHERE lapsed_on IS NOT NULL OR status = 'caduque'"
        ).fetchone()
    connection.close()
    assert stored == (0,)


def test_without_a_week_the_demo_shows_the_week_of_its_own_day(demo_db: Path) -> None:
    """The demo lives on Friday 31/12/2010: its agenda opens on that week, not this year's."""
    result = coachdesk(demo_db, "agenda")
    assert result.returncode == 0, result.stderr
    assert "Agenda de la semaine 52 (du 27 décembre 2010 au 2 janvier 2011)" in result.stdout
    as_json = coachdesk(demo_db, "agenda", "--json")
    assert as_json.returncode == 0, as_json.stderr
    items = json.loads(as_json.stdout)
    assert items and all("2010-12-27" <= item["date"] <= "2011-01-02" for item in items)
    # The SMIC rise of 01/01/2011 on each of the ten running contracts, none on a broken one.
    rises = [item for item in items if item["kind"] == "pay_rise"]
    assert len(rises) == 10 and {item["date"] for item in rises} == {"2011-01-01"}
    assert {"WEBER Pauline", "SALLES Anthony", "LAURENS Manon"}.isdisjoint(
        item["participant"] for item in rises)
    urbain = next(item for item in rises if item["participant"] == "URBAIN Dylan")
    assert urbain["detail"] == (
        "Chez Sud Logistique Services, le salaire minimum passe à 1\u202f092,00 € (80 % du "
        "SMIC, 21 à 25 ans) : l'employeur relève le salaire prévu (941,00 € brut par mois).")


def test_the_day_of_a_database_is_read_and_set_from_the_command_line(tmp_path: Path) -> None:
    from coachdesk.db import open_database

    base = tmp_path / "copie.sqlite3"
    open_database(base).dispose()
    shown = coachdesk(base, "jour")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == f"La base vit le {date.today():%d/%m/%Y}.\n"
    fixed = coachdesk(base, "jour", "--fixer", "2010-12-31")
    assert (fixed.returncode, fixed.stdout) == (0, "La base vit le 31/12/2010.\n")
    week = coachdesk(base, "agenda")
    assert "semaine 52 (du 27 décembre 2010 au 2 janvier 2011)" in week.stdout
    wrong = coachdesk(base, "jour", "--fixer", "2010-02-30")
    assert wrong.returncode != 0 and "Date « 2010-02-30 » non reconnue" in wrong.stderr
    back = coachdesk(base, "jour", "--aujourdhui")
    assert back.stdout == f"La base vit le {date.today():%d/%m/%Y}.\n"
