"""The evaluator's pseudonymised export: nobody identifiable, the same pseudonyms every time."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from coachdesk import paths
from coachdesk.db import Database, open_database
from coachdesk.exports.evaluator import (
    KEY_FILE,
    Pseudonymiser,
    age_band,
    export_evaluator,
    load_or_create_key,
)
from tests.unit.exports_sample import FORMULA_NAME, build_sample


@pytest.fixture
def db(tmp_path: Path, home: Path) -> Database:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    build_sample(database)
    yield database
    database.dispose()


def all_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(value) for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True) for value in row if value is not None
    )


def test_no_name_contact_or_free_text_leaves(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cereq.xlsx"
    export_evaluator(db, out)
    text = all_text(out)
    for secret in ("Lefèvre", "Élodie", "N'Diaye", "Zoé", FORMULA_NAME, "Jérôme", "Benali",
                   "06 12 34 56 78", "+33", "@exemple.fr", "Montpellier", "Claire", "1991",
                   "Garrigue", "Bonnet"):
        assert secret not in text, secret


def test_rows_dates_bands_and_outcomes(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cereq.xlsx"
    export_evaluator(db, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Participants", "Événements", "Lisez-moi"]
    rows = list(book["Participants"].iter_rows(values_only=True))
    header, people = rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert "Pseudonyme" in header and "Tranche d'âge à l'entrée" in header
    assert len(people) == 8  # both cohorts
    assert all(p["Pseudonyme"].startswith("P-") for p in people)
    assert len({p["Pseudonyme"] for p in people}) == 8
    with_contract = [p for p in people if p["Rupture le"] is not None]
    assert len(with_contract) == 1
    broken = with_contract[0]
    assert broken["Rupture le"] == datetime(2010, 6, 20)
    assert broken["Rupture pendant l'essai"] == "Oui"
    assert broken["Début du contrat"] == datetime(2010, 6, 7)
    assert book["Participants"]["H2"].number_format == "dd/mm/yyyy"
    studies = [p for p in people if p["Dernière sortie, solution"]
               == "Souhaite poursuivre ses études (bac+2)"]
    assert len(studies) == 1 and studies[0]["Projet validé le"] == datetime(2010, 5, 5)
    assert studies[0]["Tranche d'âge à l'entrée"] == "18-20 ans"

    events = list(book["Événements"].iter_rows(values_only=True))
    assert events[0] == ("Pseudonyme", "Date", "Événement", "Résultat")
    pseudonyms = {p["Pseudonyme"] for p in people}
    assert all(row[0] in pseudonyms for row in events[1:])
    assert ("Rupture du contrat", "Fin de période d'essai") in {(r[2], r[3]) for r in events[1:]}


def test_pseudonyms_are_stable_and_depend_on_the_key(db: Database, tmp_path: Path) -> None:
    first, again, other = tmp_path / "1.xlsx", tmp_path / "2.xlsx", tmp_path / "3.xlsx"
    export_evaluator(db, first)
    export_evaluator(db, again)
    key = paths.config_dir() / KEY_FILE
    assert key.stat().st_size == 32
    key.unlink()
    export_evaluator(db, other)

    def pseudonyms(path: Path) -> list[str]:
        sheet = openpyxl.load_workbook(path)["Participants"]
        return sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))

    assert pseudonyms(first) == pseudonyms(again)
    assert not set(pseudonyms(first)) & set(pseudonyms(other))
    # The key never travels with the export.
    assert key.read_bytes().hex() not in all_text(other)


def test_key_is_created_once(tmp_path: Path) -> None:
    path = tmp_path / "config" / "key.bin"
    key = load_or_create_key(path)
    assert load_or_create_key(path) == key
    assert Pseudonymiser(key)("abc") == Pseudonymiser(key)("abc")
    assert Pseudonymiser(key)("abc") != Pseudonymiser(b"x" * 32)("abc")


@pytest.mark.parametrize(
    ("born", "on", "band"),
    [(date(1990, 5, 17), date(2010, 5, 16), "18-20 ans"),
     (date(1990, 5, 17), date(2010, 5, 17), "18-20 ans"),
     (date(1989, 5, 17), date(2010, 5, 17), "21-23 ans"),
     (date(1970, 1, 2), date(2010, 2, 15), "26 ans et plus"),
     (None, date(2010, 2, 15), "Inconnue")],
)
def test_age_band(born: date | None, on: date, band: str) -> None:
    assert age_band(born, on) == band
