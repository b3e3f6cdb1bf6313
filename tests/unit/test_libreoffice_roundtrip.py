"""LibreOffice opens our workbooks: accents, dates, formula-looking and escaped text survive,
and the weekly workbook prints with the names of its people on every page.

CI installs LibreOffice with ``.ci/install-libreoffice`` (and these tests fail there without
it); elsewhere they are skipped when ``soffice`` is absent.
"""

from __future__ import annotations

import collections
import csv
import glob
import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import openpyxl
import pypdf
import pytest

from coachdesk.db import open_database
from coachdesk.exports.profiles import Profile, ProfileColumn
from coachdesk.exports.weekly import export_weekly
from coachdesk.exports.weekly_scope import INCLUDE_LEFT, INCLUDE_WITHOUT_CONSENT, KIND
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.services.weeks import IsoWeek
from tests.unit.exports_sample import FORMULA_CITY, FORMULA_NAME, FORMULA_PHONE, build_sample

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# UTF-8 CSV, comma-separated, double quotes (DESIGN.md); the last field is the sheet to write
# (1 the first tab).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,{sheet}"

pytestmark = [
    pytest.mark.slow,
    # In CI LibreOffice is installed: a missing soffice there fails instead of skipping.
    pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                       reason="LibreOffice (soffice) n'est pas installé : lancez "
                       ".ci/install-libreoffice"),
]

# Everyone and their details, to see every kind of cell come back.
EVERYTHING = Profile(
    "tout", KIND, "Tout",
    tuple(ProfileColumn(key) for key in (
        "last_name", "first_name", "birth_date", "phone", "city", "last_action",
        "last_action_on")),
    options=frozenset({INCLUDE_LEFT, INCLUDE_WITHOUT_CONSENT}),
)


def test_weekly_workbook_survives_libreoffice(tmp_path: Path) -> None:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    try:
        build_sample(database)
        workbook = tmp_path / "hebdo.xlsx"
        export_weekly(database, workbook, week=IsoWeek(2010, 12), today=IsoWeek(2011, 2).monday,
                      profile=EVERYTHING)
    finally:
        database.dispose()

    rows = _as_csv(workbook, tmp_path, sheet=2)  # « Jeunes », after the Synthèse
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


def _convert(workbook: Path, tmp_path: Path, to: str, suffix: str) -> Path:
    """``workbook`` converted by LibreOffice with the filter ``to``."""
    assert SOFFICE is not None, "LibreOffice (soffice) is missing: run .ci/install-libreoffice"
    out_dir = tmp_path / suffix
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to,
         "--outdir", str(out_dir), str(workbook)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    # One sheet asked for by number is written as "<file>-<sheet>.csv".
    converted = sorted(out_dir.glob(f"{glob.escape(workbook.stem)}*.{suffix}"))
    assert len(converted) == 1, done.stdout + done.stderr
    return converted[0]


def _as_csv(workbook: Path, tmp_path: Path, sheet: int = 1) -> list[list[str]]:
    """A sheet of ``workbook`` (1: the first tab) as LibreOffice converts it to CSV."""
    converted = _convert(workbook, tmp_path, CSV_FILTER.format(sheet=sheet), "csv")
    with converted.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


# The footer of every printed page: the sheet's name, then « Page 3 sur 15 ».
FOOTER = re.compile(r"^(?P<sheet>.+) Page (?P<page>\d+) sur (?P<pages>\d+)$")


def test_every_printed_page_of_the_weekly_workbook_names_its_people(
    demo_path: Path, tmp_path: Path
) -> None:
    """Printed as a counsellor prints it (LibreOffice's PDF of the whole workbook): the
    Synthèse on the first page, then every page of people carries their names, and each
    person is on exactly as many pages as the sheet is pages wide — never split, never
    missing."""
    database = open_database(demo_path)
    workbook = tmp_path / "hebdo.xlsx"
    try:
        export_weekly(database, workbook, week=IsoWeek(2010, 52),
                      today=IsoWeek(2011, 2).monday)
    finally:
        database.dispose()
    pages = [page.extract_text() for page in pypdf.PdfReader(
        _convert(workbook, tmp_path, "pdf", "pdf")).pages]

    footers = [FOOTER.match(text.splitlines()[0]) for text in pages]
    assert all(footers), [text.splitlines()[0] for text in pages]
    sheets = [footer["sheet"] for footer in footers if footer]
    assert [int(footer["pages"]) for footer in footers if footer] == [len(pages)] * len(pages)
    # The tabs' order: the summary first, on one page.
    assert sheets[0] == "Synthèse" and sheets.count("Synthèse") == 1
    assert list(dict.fromkeys(sheets)) == ["Synthèse", "Jeunes", "Actions de la semaine",
                                           "Contrats"]
    assert "Personnes listées" in pages[0] and "Indicateur" in pages[0]

    book = openpyxl.load_workbook(workbook)
    for name in ("Jeunes", "Contrats"):
        sheet = book[name]
        people = [f"{last} {first}" for last, first
                  in sheet.iter_rows(min_row=2, max_col=2, values_only=True)]
        wide = len(sheet.col_breaks.brk) + 1
        mine = [text for text, printed in zip(pages, sheets, strict=True) if printed == name]
        assert len(mine) % wide == 0 and len(mine) >= wide
        on_pages: collections.Counter[str] = collections.Counter()
        for number, text in enumerate(mine, start=1):
            lines = text.splitlines()
            assert lines[1].startswith("Nom Prénom"), (name, number, lines[:2])
            named = {person for person in people
                     if any(line == person or line.startswith(person + " ") for line in lines)}
            assert named, f"page {number} of « {name} » shows no name"
            on_pages.update(named)
        for person in people:
            assert on_pages[person] == wide * people.count(person), (name, person)
    actions = [text for text, printed in zip(pages, sheets, strict=True)
               if printed == "Actions de la semaine"]
    assert actions and all("Jeune" in text for text in actions)
