"""LibreOffice opens our workbooks: accents, dates, formula-looking and escaped text survive.

CI installs LibreOffice with ``.ci/install-libreoffice``; elsewhere the test is skipped when
``soffice`` is absent.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from coachdesk.db import open_database
from coachdesk.exports.weekly import export_weekly
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.services.weeks import IsoWeek
from tests.unit.exports_sample import FORMULA_CITY, FORMULA_NAME, FORMULA_PHONE, build_sample

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# UTF-8 CSV, comma-separated, double quotes (DESIGN.md).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) n'est pas installé : "
                       "lancez .ci/install-libreoffice"),
]


def test_weekly_workbook_survives_libreoffice(tmp_path: Path) -> None:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    try:
        build_sample(database)
        workbook = tmp_path / "hebdo.xlsx"
        export_weekly(database, workbook, week=IsoWeek(2010, 12), today=IsoWeek(2011, 2).monday)
    finally:
        database.dispose()

    rows = _as_csv(workbook, tmp_path)
    header, people = rows[0], {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[:3] == ["Nom", "Prénom", "Date de naissance"]
    assert people["Élodie"]["Nom"] == "Lefèvre"
    assert people["Élodie"]["Date de naissance"] == "04/03/1991"
    assert people["Élodie"]["Date de la dernière action"] == "22/03/2010"
    assert people["Zoé"]["Nom"] == "N'Diaye"
    # Formula-looking text comes back as the very text typed, never as a computed value.
    assert people["Jérôme"]["Nom"] == FORMULA_NAME
    assert people["Zoé"]["Téléphone"] == FORMULA_PHONE
    assert people["Zoé"]["Ville"] == FORMULA_CITY


def test_text_dates_and_sheet_names_survive_libreoffice(tmp_path: Path) -> None:
    texts = ["_x0041_ n'est pas un A", "a\x0bb", "\r=1+1", "@SUM(A1:A2)", "<b>&amp;</b>",
             "Tab\tici", "Élodie Lefèvre"]
    workbook = tmp_path / "texte.xlsx"
    write_workbook(workbook, [Sheet(
        "L'équipe & co", [Column("a", "Texte"), Column("d", "Le", "datetime")],
        [(text, datetime(2010, 3, 22, 9, 30)) for text in texts],
    )])

    rows = _as_csv(workbook, tmp_path)
    assert rows[0] == ["Texte", "Le"]
    assert [row[0] for row in rows[1:]] == texts
    assert {row[1] for row in rows[1:]} == {"22/03/2010 09:30"}


def _as_csv(workbook: Path, tmp_path: Path) -> list[list[str]]:
    """The first sheet of ``workbook`` as LibreOffice converts it to CSV."""
    out_dir = tmp_path / "csv"
    profile = (tmp_path / "lo-profile").as_uri()
    assert SOFFICE is not None
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", CSV_FILTER,
         "--outdir", str(out_dir), str(workbook)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    converted = out_dir / f"{workbook.stem}.csv"
    assert converted.exists(), done.stdout + done.stderr
    with converted.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))
