"""The export commands as a coach runs them, on the 2010 demo database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest


def run(db: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACHDESK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("demo")
    db, home = folder / "demo.sqlite3", folder / "home"
    shutil.copyfile(demo_template, db)
    return db, home


def no_formula(book: openpyxl.Workbook) -> None:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"


def test_weekly(demo: tuple[Path, Path], tmp_path: Path) -> None:
    db, home = demo
    out = tmp_path / "hebdo.xlsx"
    done = run(db, "export", "weekly", "--out", str(out), "--week", "2010-W25", home=home)
    assert done.returncode == 0, done.stderr
    assert "Export écrit" in done.stdout and "SHA-256" in done.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Synthèse", "Jeunes", "Actions de la semaine", "Contrats"]
    people = book["Jeunes"]
    assert people["A1"].value == "Nom" and people["A1"].font.b
    assert people.freeze_panes == "A2"
    # The people still in the programme whose consent is recorded, said on the terminal too.
    listed = people.max_row - 1
    assert 100 < listed < 275
    assert f"Personnes listées : {listed} ; non listées : {275 - listed}" in done.stdout
    header = [cell.value for cell in people[1]]
    assert "Téléphone" not in header and "Date de naissance" not in header
    actions = list(book["Actions de la semaine"].iter_rows(min_row=2, values_only=True))
    assert actions and all(row[0].isocalendar()[:2] == (2010, 25) for row in actions)
    no_formula(book)


def test_weekly_with_a_saved_profile(demo: tuple[Path, Path], tmp_path: Path) -> None:
    from coachdesk.exports.profiles import Profile, ProfileColumn

    db, home = demo
    profile = Profile("tous", "hebdomadaire", "Mission Locale (tous)",
                      (ProfileColumn("last_name"), ProfileColumn("first_name"),
                       ProfileColumn("birth_date")),
                      options=frozenset({"include_left", "include_without_consent"}))
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profils-export.json").write_text(
        json.dumps({"tous": profile.to_json()}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "tous.xlsx"
    done = run(db, "export", "weekly", "--out", str(out), "--week", "2010-W25",
               "--profile", "tous", home=home)
    assert done.returncode == 0, done.stderr
    people = openpyxl.load_workbook(out)["Jeunes"]
    # 273 young contacts and the 2 adults, with their birth dates.
    assert people.max_row == 1 + 275
    assert [cell.value for cell in people[1]] == ["Nom", "Prénom", "Date de naissance"]
    birth = people["C2"]
    assert isinstance(birth.value, datetime) and birth.number_format == "dd/mm/yyyy"

    unknown = run(db, "export", "weekly", "--out", str(tmp_path / "x.xlsx"), "--profile",
                  "banque", home=home)
    assert unknown.returncode == 1
    assert "Aucun profil du classeur hebdomadaire ne s'appelle « banque »" in unknown.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_evaluator_contracts_and_note(demo: tuple[Path, Path], tmp_path: Path) -> None:
    db, home = demo
    evaluator = tmp_path / "cereq.xlsx"
    assert run(db, "export", "evaluator", "--out", str(evaluator), home=home).returncode == 0
    people = openpyxl.load_workbook(evaluator)["Participants"]
    assert people["A1"].value == "Pseudonyme" and people.max_row == 1 + 275
    # The places as computed today, after the dated events of every kind: 24 enrolled on
    # 26/05/2010, 13 made final by a contract, 11 lapsed on 16/07/2010.
    events = list(openpyxl.load_workbook(evaluator)["Événements"].iter_rows(values_only=True))
    places = [(row[1].date(), row[2]) for row in events[1:] if row[2].startswith("Inscription")]
    assert len(places) == 24 + 13 + 11
    assert sum(1 for _day, kind in places if kind == "Inscription confirmée") == 13
    assert {day for day, kind in places if kind == "Inscription caduque"} == {date(2010, 7, 16)}

    for recipient, column in (("opco", "Salaire brut mensuel"), ("pole_emploi", "Code ROME")):
        out = tmp_path / f"{recipient}.xlsx"
        done = run(db, "export", "contracts", "--out", str(out), "--recipient", recipient,
                   home=home)
        assert done.returncode == 0, done.stderr
        sheet = openpyxl.load_workbook(out)["Contrats"]
        header = [c.value for c in sheet[1]]
        assert column in header
        assert sheet.max_row == 1 + 13  # 11 young people's contracts and the 2 adults'

    note = tmp_path / "note.xlsx"
    done = run(db, "export", "progress-note", "--out", str(note), "--as-of", "2010-12-31",
               home=home)
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(note)["Note d'étape"]
    assert sheet["A1"].value == "Note d'étape sur l'expérimentation au 31/12/2010"
    figures = {row[1]: row[2] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert figures["Contacts du fichier (université, Mission Locale)"] == 273
    assert figures["Présents aux réunions d'information"] == 58
    assert figures["Personnes retenues pour le dispositif"] == 46
    assert figures["Contrats de professionnalisation signés"] == 11
    assert figures["… dont durant la période d'essai"] == 2
    assert figures["Jeunes souhaitant poursuivre leurs études à bac+2"] == 8
    rates = {row[1]: row[3] for row in sheet.iter_rows(min_row=5, values_only=True)}
    # The note's "plus de 84 %": 49 interviews out of 58 present.
    assert rates["Entretiens individuels de sélection"] == pytest.approx(49 / 58)


def test_errors_are_french_without_traceback(demo: tuple[Path, Path], tmp_path: Path) -> None:
    db, home = demo
    missing_folder = run(db, "export", "weekly", "--out", str(tmp_path / "absent" / "x.xlsx"),
                         home=home)
    assert missing_folder.returncode == 1
    assert "n'existe pas" in missing_folder.stderr and "Traceback" not in missing_folder.stderr
    bad_week = run(db, "export", "weekly", "--out", str(tmp_path / "x.xlsx"), "--week", "12",
                   home=home)
    assert bad_week.returncode == 1 and "Semaine « 12 » non reconnue" in bad_week.stderr
    bad_recipient = run(db, "export", "contracts", "--out", str(tmp_path / "x.xlsx"),
                        "--recipient", "banque", home=home)
    assert bad_recipient.returncode == 1 and "banque" in bad_recipient.stderr
    assert not (tmp_path / "x.xlsx").exists()
