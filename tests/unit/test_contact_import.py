"""The contact import on the sample files: what lands in the database and what the coach is told."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant
from coachdesk.services.contact_import import (
    ImportCancelled,
    import_contacts,
    preview_table,
    reader,
    recognise,
    workbooks,
)
from coachdesk.services.contact_import.normalise import normalise_phone, parse_date
from coachdesk.services.contact_import.reader import decode_text, detect_separator

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "contacts"
UNIVERSITY = SAMPLES / "universite_2010.xlsx"
TODAY = date(2010, 2, 20)


@pytest.fixture(autouse=True, params=workbooks.ENGINES)
def workbook_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with the shipped reader (calamine) and with openpyxl, the reference."""
    monkeypatch.setattr(reader, "workbook_engine", request.param)
    return str(request.param)


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "coachdesk.sqlite3")
    yield db
    db.dispose()


def people(db: Database) -> dict[str, dict]:
    with db.read() as session:
        rows = session.execute(select(Participant.__table__)).mappings().all()
    return {f"{row['last_name']} {row['first_name']}": dict(row) for row in rows}


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("NOM", "last_name"), ("Nom de famille", "last_name"), ("Last name", "last_name"),
        ("Prénom", "first_name"), ("PRENOM", "first_name"), ("Né(e) le", "birth_date"),
        ("Date de naissance", "birth_date"), ("Tél.", "phone"), ("Portable", "phone"),
        ("Courriel", "email"), ("E-mail", "email"), ("Filière", "university_track"),
        ("Série du bac", "bac_series"), ("INE", "ine"), ("N° INE", "ine"),
        ("Adresse", "address"), ("CP", "postcode"), ("Ville", "city"), ("Boursier", None),
    ],
)
def test_column_names_are_recognised_without_case_or_accents(label: str, field: str | None):
    assert recognise(label) == field


def test_university_workbook_imports_with_excel_row_numbers(database: Database):
    report = import_contacts(database, UNIVERSITY, cohort="Promo 2010", today=TODAY)

    assert (report.sheet, report.header_row, report.data_rows) == ("Décrocheurs L1", 3, 10)
    assert report.imported == 6
    assert [(d.row, d.same_as_row, d.filled) for d in report.duplicates] == [
        (9, 4, ("Code postal",))
    ]
    assert [(r.row, r.reason) for r in report.rejected] == [
        (8, "Ligne sans le nom : non importée."),
        (13, "Ligne sans le nom et le prénom : non importée."),
    ]
    assert report.blank_rows == 1
    assert [(w.row, w.field, w.value) for w in report.warnings] == [
        (7, "Courriel", "pas-un-mail"), (10, "Né(e) le", "31/02/1999"), (10, "Tél.", "12"),
    ]
    assert report.unrecognised_columns == ("Boursier",)

    stored = people(database)
    assert set(stored) == {
        "DUPONT Élodie", "MARTIN Lucas", "=cmd +Jean", "LEFÈVRE Zoé", "N'GUYEN Anh",
        "BERNARD Inès",
    }
    elodie = stored["DUPONT Élodie"]
    assert elodie["phone"] == "06 12 34 56 78"  # Excel had dropped the leading 0
    assert elodie["birth_date"] == date(1991, 3, 12)
    assert elodie["postcode"] == "34000"  # filled by the duplicate of row 9
    assert elodie["ine"] == "1234567890A"
    assert elodie["bac_type"] == "general" and elodie["bac_series"] == "ES"
    assert elodie["source_file"] == "universite_2010.xlsx"
    assert elodie["source_sheet"] == "Décrocheurs L1"
    assert elodie["listed_on"] == TODAY and elodie["imported_at"] is not None
    assert elodie["provenance"] == "universite"
    assert elodie["search_text"] == (
        "dupont | elodie | elodie dupont | 0612345678 | elodie.dupont@exemple.fr"
    )
    formula = stored["=cmd +Jean"]
    assert formula["birth_date"] == date(1990, 5, 7)  # serial number 33000
    assert formula["email"] == "pas-un-mail"
    assert formula["postcode"] == "01000"
    assert formula["bac_type"] == "professionnel"
    assert stored["MARTIN Lucas"]["birth_date"] == date(1990, 5, 12)
    assert stored["MARTIN Lucas"]["bac_type"] == "technologique"
    assert stored["N'GUYEN Anh"]["phone"] == "07 81 23 45 67"
    assert stored["N'GUYEN Anh"]["birth_date"] == date(1992, 7, 1)
    assert stored["BERNARD Inès"]["birth_date"] == date(1993, 6, 5)
    zoe = stored["LEFÈVRE Zoé"]
    assert zoe["birth_date"] is None and zoe["phone"] == "12"
    assert "31/02/1999" in zoe["notes"]
    with database.read() as session:
        assert session.scalars(select(Cohort.name)).all() == ["Promo 2010"]


def test_second_import_of_the_same_file_imports_nobody(database: Database):
    import_contacts(database, UNIVERSITY, today=TODAY)
    again = import_contacts(database, UNIVERSITY, today=TODAY)
    assert again.imported == 0
    assert len(again.duplicates) == 7
    assert all(d.participant_id is not None for d in again.duplicates if d.row != 9)
    assert count(database, Participant) == 6
    assert count(database, Cohort) == 1


def test_duplicate_against_database_fills_empty_fields(database: Database, tmp_path: Path):
    import_contacts(database, UNIVERSITY, today=TODAY)
    update = tmp_path / "complement.csv"
    update.write_text("Nom;Prénom;Date de naissance;Ville;Portable\n"
                      "Bernard;Ines;05/06/1993;Sète;0611111111\n"
                      "Dupont;Elodie;12/03/1991;Nîmes;\n", encoding="utf-8")
    report = import_contacts(database, update, today=TODAY)
    assert report.imported == 0
    assert [d.filled for d in report.duplicates] == [("Téléphone", "Ville"), ()]
    stored = people(database)
    assert stored["BERNARD Inès"]["city"] == "Sète"
    assert stored["BERNARD Inès"]["phone"] == "06 11 11 11 11"
    assert "0611111111" in stored["BERNARD Inès"]["search_text"]
    assert stored["DUPONT Élodie"]["city"] == "Montpellier"  # never overwritten


@pytest.mark.parametrize(
    ("name", "header", "sizes"),
    [
        ("mission_locale_utf8_bom.csv", 3, (2, 1, 1, 1)),
        ("mission_locale_cp1252.csv", 1, (3, 0, 0, 0)),
        ("export_tabulations.csv", 1, (2, 1, 0, 1)),
    ],
)
def test_csv_files_in_every_encoding_and_separator(
    database: Database, name: str, header: int, sizes: tuple[int, int, int, int]
):
    report = import_contacts(database, SAMPLES / name, provenance="mission_locale", today=TODAY)
    assert report.header_row == header
    assert (report.imported, len(report.duplicates), len(report.rejected),
            report.blank_rows) == sizes
    assert all(p["provenance"] == "mission_locale" for p in people(database).values())


def test_csv_line_numbers_and_multiline_fields(database: Database):
    report = import_contacts(database, SAMPLES / "mission_locale_utf8_bom.csv", today=TODAY)
    # The address of Roux spans lines 5-6, so the blank row is line 7 and Petit line 8.
    assert [(r.row, r.reason) for r in report.rejected] == [
        (8, "Ligne sans le prénom : non importée.")
    ]
    assert [(d.row, d.same_as_row) for d in report.duplicates] == [(9, 4)]
    stored = people(database)
    assert stored["Roux Chloé"]["address"] == "Résidence Les Pins\r\nBât. B"
    assert stored["Garcia Théo"]["address"] == "12, rue de l'Aiguillerie"
    assert stored["Garcia Théo"]["phone"] == "06 11 22 33 55"


def test_windows_1252_file_keeps_its_accents(database: Database):
    import_contacts(database, SAMPLES / "mission_locale_cp1252.csv", today=TODAY)
    stored = people(database)
    assert set(stored) == {"Lefèvre Maëlle", "Bœuf Jérôme", "Øster Noé"}
    assert stored["Bœuf Jérôme"]["phone"] == "06 12 00 00 02"
    assert stored["Øster Noé"]["phone"] == "+41 22 555 12 34"
    assert stored["Bœuf Jérôme"]["bac_type"] == "technologique"


def test_dry_run_writes_nothing(database: Database):
    report = import_contacts(database, UNIVERSITY, dry_run=True, today=TODAY)
    assert report.imported == 6 and report.cohort_created and report.cohort_name == "2010"
    assert count(database, Participant) == 0
    assert count(database, Cohort) == 0


def test_default_cohort_is_the_most_recent(database: Database):
    import_contacts(database, SAMPLES / "mission_locale_cp1252.csv", cohort="Ancienne",
                    today=TODAY)
    report = import_contacts(database, UNIVERSITY, today=TODAY)
    assert report.cohort_name == "Ancienne" and not report.cohort_created


def test_cancelled_import_writes_nothing(database: Database, tmp_path: Path):
    big = tmp_path / "grand.csv"
    big.write_text("Nom;Prénom\n" + "".join(f"Nom{i};Prénom{i}\n" for i in range(2000)),
                   encoding="utf-8")
    ticks: list[tuple[int, int | None]] = []
    with pytest.raises(ImportCancelled):
        import_contacts(database, big, progress=lambda done, total: ticks.append((done, total)),
                        cancel=lambda: len(ticks) >= 2, today=TODAY)
    assert ticks and ticks[0][1] == 2001
    assert count(database, Participant) == 0
    assert count(database, Cohort) == 0


def test_mapping_overrides_recognition(database: Database, tmp_path: Path):
    odd = tmp_path / "odd.csv"
    odd.write_text("Nom;Prénom;Contact;Ville\nDurand;Léa;0612345678;Sète\n", encoding="utf-8")
    preview = preview_table(odd)
    assert [c.label for c in preview.unrecognised] == ["Contact"]
    report = import_contacts(database, odd, mapping={"Contact": "phone", 3: None}, today=TODAY)
    assert report.imported == 1
    stored = people(database)["Durand Léa"]
    assert (stored["phone"], stored["city"]) == ("06 12 34 56 78", "")


def test_preview_shows_columns_and_first_rows():
    preview = preview_table(UNIVERSITY, limit=3)
    assert preview.header_row == 3
    assert [c.field for c in preview.columns][:5] == [
        "last_name", "first_name", "birth_date", "phone", "email"
    ]
    assert [number for number, _row in preview.rows] == [4, 5, 7]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ne contient aucune donnée"),
        (b"Titre\nun;deux;trois\n1;2;3\n", "Aucune colonne « Nom » et « Prénom »"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97-2003"),
        (b"PK\x03\x04 broken zip", "n'a pas pu être lu"),
    ],
)
def test_unreadable_files_leave_the_database_untouched(
    database: Database, tmp_path: Path, content: bytes, message: str
):
    suffix = ".xlsx" if content.startswith((b"PK", b"\xd0")) else ".csv"
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(content)
    with pytest.raises(UserError) as raised:
        import_contacts(database, path, today=TODAY)
    assert message in str(raised.value)
    assert path.name in str(raised.value)
    assert count(database, Cohort) == 0


def test_xls_asks_to_save_as_xlsx(database: Database, tmp_path: Path):
    old = tmp_path / "ancien.xls"
    shutil.copy(SAMPLES / "mission_locale_cp1252.csv", old)
    with pytest.raises(UserError) as raised:
        import_contacts(database, old, today=TODAY)
    assert "(.xlsx)" in raised.value.hint


def test_header_found_on_another_sheet(database: Database, tmp_path: Path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Lisez-moi"
    workbook.active["A1"] = "Ce fichier contient la liste"
    data = workbook.create_sheet("Liste")
    data.append(["Nom", "Prénom"])
    data.append(["Durand", "Léa"])
    path = tmp_path / "deux_feuilles.xlsx"
    workbook.save(path)
    report = import_contacts(database, path, today=TODAY)
    assert (report.sheet, report.imported) == ("Liste", 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01/02/1990", date(1990, 2, 1)), ("1.2.1990", date(1990, 2, 1)),
        ("01/02/90", date(1990, 2, 1)), ("01/02/05", date(2005, 2, 1)),
        ("1990-02-01", date(1990, 2, 1)), (32905, date(1990, 2, 1)), ("32905", date(1990, 2, 1)),
        ("1990-02-01 00:00:00", date(1990, 2, 1)), ("30/02/1990", None), ("demain", None),
        (True, None),
    ],
)
def test_dates(value, expected):
    assert parse_date(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (612345678, "06 12 34 56 78"), ("06-12-34-56-78", "06 12 34 56 78"),
        ("+33 (0)6 12 34 56 78", "06 12 34 56 78"), ("0033 4 67 12 34 56", "04 67 12 34 56"),
        ("0012345678", None), ("06 12", None), ("1234567890", None), ("rappeler", None),
    ],
)
def test_phones(value, expected):
    assert normalise_phone(value) == expected


def test_encoding_and_separator_detection():
    assert decode_text("é".encode("cp1252")) == "é"
    assert decode_text(b"\xef\xbb\xbf" + "é".encode()) == "é"
    assert detect_separator("Liste\nNom;Prénom;Ville\nA;B;Sète, Hérault\n") == ";"
    assert detect_separator("Nom,Prénom\nA,B\n") == ","
    assert detect_separator("Nom\tPrénom\tVille\nA\tB\tC\n") == "\t"
