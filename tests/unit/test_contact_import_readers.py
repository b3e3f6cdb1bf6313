"""calamine against openpyxl: the same import, to the row, on every sample and on generated files.

openpyxl is the reader the import was built and proven on; calamine replaces it for speed. Each
file is imported once through each reader and the reports (counts, rejected rows with their
numbers, warnings, duplicates) and the stored people must be identical. The spreadsheet (.ods)
and Excel 97-2003 (.xls) copies of the university sample, made by LibreOffice, must give the
xlsx's report. The default example count keeps the normal run short; CI sets
``COACHDESK_HYPOTHESIS_EXAMPLES=1000``.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.models import Participant
from coachdesk.services.contact_import import ImportReport, import_contacts, preview_table, reader

EXAMPLES = int(os.environ.get("COACHDESK_HYPOTHESIS_EXAMPLES", "40"))
DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLES = DATA / "contacts"
TODAY = date(2010, 2, 20)
_VOLATILE = {"id", "cohort_id", "created_at", "updated_at", "imported_at"}


def _import(path: Path, engine: str, folder: Path, **options: Any) -> tuple[ImportReport, list]:
    saved = reader.workbook_engine
    reader.workbook_engine = engine
    database = open_database(folder / f"{engine}.sqlite3")
    try:
        report = import_contacts(database, path, cohort="Promo", today=TODAY, **options)
        return report, _stored(database)
    finally:
        reader.workbook_engine = saved
        database.dispose()


def _stored(database: Database) -> list[dict[str, Any]]:
    with database.read() as session:
        rows = session.execute(select(Participant.__table__)).mappings().all()
    return sorted(
        ({key: value for key, value in row.items() if key not in _VOLATILE} for row in rows),
        key=lambda row: (row["last_name"], row["first_name"], row["notes"]),
    )


def _contact_files() -> list[Path]:
    return sorted(
        path for path in DATA.rglob("*")
        if path.suffix.lower() in {".xlsx", ".xlsm", ".csv", ".txt", ".tsv"}
    )


@pytest.mark.parametrize("path", _contact_files(), ids=lambda path: path.name)
def test_every_sample_file_gives_the_same_import(path: Path, tmp_path: Path):
    expected, expected_people = _import(path, "openpyxl", tmp_path)
    report, people = _import(path, "calamine", tmp_path)
    assert report == expected
    assert people == expected_people
    assert report.imported > 0


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_libreoffice_copies_give_the_xlsx_import(suffix: str, tmp_path: Path):
    expected, expected_people = _import(SAMPLES / "universite_2010.xlsx", "openpyxl", tmp_path)
    report, people = _import(SAMPLES / f"universite_2010{suffix}", "calamine", tmp_path)
    assert (report.data_rows, report.imported, report.blank_rows) == (10, 6, 1)
    assert report.rejected == expected.rejected
    assert report.warnings == expected.warnings
    assert report.duplicates == expected.duplicates
    assert report.unrecognised_columns == expected.unrecognised_columns
    assert report.file_name == f"universite_2010{suffix}"
    for person in people:
        person["source_file"] = "universite_2010.xlsx"
    assert people == expected_people


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_libreoffice_copies_preview_like_the_wizard_expects(suffix: str):
    preview = preview_table(SAMPLES / f"universite_2010{suffix}", limit=3)
    assert (preview.sheet, preview.header_row) == ("Décrocheurs L1", 3)
    assert [number for number, _row in preview.rows] == [4, 5, 7]
    # Phones Excel turned into numbers read as the coach typed them, not 612345678.0.
    phone = preview.rows[0][1][3]
    assert (type(phone), phone) == (int, 612345678)
    assert preview.rows[0][1][8] is None  # the empty postcode


# --- generated workbooks ------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=12,
)
_MESSY_TEXT = st.sampled_from([
    " ", "Élodie", "ÉLODIE ", "Dupont", "dupont", "N'Guyen", "06 12 34 56 78", "612345678",
    "+33 7 81 23 45 67", "0033 6 12 34 56 78", "12", "a@b.fr", "pas-un-mail", "31/02/1999",
    "12/03/1991", "05/06/93", "1991-03-12", "1991-03-12 00:00:00", "36526", "ES", "Bac pro",
    "STG", "1234567890A", "ligne\nsuivante", "Œuvre", "ß", "中文", "x" * 40_000,
])
_ERRORS = ("#N/A", "#DIV/0!")
_DATE_FORMATS = ["DD/MM/YYYY", "yyyy-mm-dd", "d/m/yy h:mm", "hh:mm", "[h]:mm:ss"]
_CELL = st.one_of(
    st.none(),
    _MESSY_TEXT,
    _TEXT,
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.tuples(
        st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
        st.sampled_from(_DATE_FORMATS),
    ),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.times(),
    st.sampled_from(["=A1+1", "=SUM(B2:B3)", *_ERRORS]),
    st.booleans(),
)
_HEADERS = [
    "NOM", "Nom de famille", "Prénom", "PRENOM", "Né(e) le", "Date de naissance", "Tél.",
    "Portable", "Courriel", "E-mail", "Filière", "Série du bac", "INE", "Adresse", "CP", "Ville",
    "Type de bac", "Année du bac", "Observations", "Boursier", "", "Colonne 12",
]


@st.composite
def workbooks_as_coaches_get_them(draw: st.DrawFn) -> dict[str, Any]:
    extra = draw(st.lists(st.sampled_from(_HEADERS), max_size=6))
    header = draw(st.permutations(["Nom", "Prénom", *extra]))
    width = len(header)
    rows = draw(st.lists(
        st.one_of(
            st.lists(_CELL, min_size=width, max_size=width),
            st.just([None] * width),
            st.lists(_CELL, min_size=1, max_size=width + 2),  # ragged
        ),
        max_size=12,
    ))
    return {
        "header": header,
        "rows": rows,
        "blank_rows_above": draw(st.integers(0, 3)),
        "first_column": draw(st.integers(1, 3)),
        "title": draw(st.booleans()),
        "trailing_blank_rows": draw(st.integers(0, 3)),
        "styled_cell_below": draw(st.booleans()),
        "epoch_1904": draw(st.booleans()),
        "active_sheet": draw(st.integers(0, 1)),
    }


def _after_1904(value: Any) -> Any:
    """A date Excel's 1904 calendar can hold: its day 0 is 01/01/1904 and earlier days do not
    exist (Excel shows ####; day 0 reads back as the time 00:00:00). Earlier dates move on by
    eight years, keeping their day."""
    moment = value[0] if isinstance(value, tuple) else value
    if not isinstance(moment, date):
        return value
    day = moment.date() if isinstance(moment, datetime) else moment
    if day >= date(1904, 1, 2):
        return value
    moved = moment.replace(year=moment.year + 8)
    return (moved, value[1]) if isinstance(value, tuple) else moved


def _write_workbook(path: Path, spec: dict[str, Any]) -> None:
    workbook = openpyxl.Workbook()
    if spec["epoch_1904"]:
        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "Liste"
    notes = workbook.create_sheet("Notes")
    notes["A1"] = "Fichier transmis par le SCUIO"
    workbook.active = spec["active_sheet"]
    column = spec["first_column"]
    row_number = 1 + spec["blank_rows_above"]
    if spec["title"]:
        sheet.cell(row_number, column, "Liste des décrocheurs")
        sheet.merge_cells(start_row=row_number, start_column=column, end_row=row_number,
                          end_column=column + len(spec["header"]) - 1)
        row_number += 1
    for offset, label in enumerate(spec["header"]):
        sheet.cell(row_number, column + offset, label or None)
    for values in spec["rows"]:
        row_number += 1
        for offset, value in enumerate(values):
            cell = sheet.cell(row_number, column + offset)
            if spec["epoch_1904"]:
                value = _after_1904(value)
            if isinstance(value, tuple):
                cell.value, cell.number_format = value
            elif value in _ERRORS:
                cell.value = value
                cell.data_type = "e"  # an error value (#N/A…)
            elif isinstance(value, date | time | timedelta):
                cell.value = value
            else:
                cell.value = value
        if not values:
            sheet.cell(row_number, column)  # an empty row element
    for _ in range(spec["trailing_blank_rows"]):
        row_number += 1
        sheet.cell(row_number, column).number_format = "0.00"  # styled, no value
    if spec["styled_cell_below"]:
        sheet.cell(row_number + 5, column + 2).number_format = "DD/MM/YYYY"
    workbook.save(path)


_SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(tmp_path_factory.mktemp("readers") / "coachdesk.sqlite3")
    yield db
    db.dispose()


@_SETTINGS
@given(spec=workbooks_as_coaches_get_them())
def test_generated_workbooks_give_the_same_report(empty_database: Database, spec):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.xlsx"
        _write_workbook(path, spec)
        reports = {}
        for engine in ("openpyxl", "calamine"):
            saved = reader.workbook_engine
            reader.workbook_engine = engine
            try:
                reports[engine] = import_contacts(
                    empty_database, path, dry_run=True, today=TODAY
                )
            finally:
                reader.workbook_engine = saved
    assert reports["calamine"] == reports["openpyxl"]


@pytest.mark.parametrize("path", [p for p in _contact_files() if p.suffix == ".xlsx"],
                         ids=lambda path: path.name)
def test_the_streamed_preview_finds_the_table_the_import_reads(path: Path):
    preview = preview_table(path)
    with reader.open_table(path) as table:  # calamine, as the import reads it
        assert (preview.sheet, preview.header_row, preview.columns) == (
            table.sheet, table.header_row, table.columns)
        first = [(number, list(row)) for number, row in table.rows if not
                 reader.row_is_blank(row)][: len(preview.rows)]
    assert [number for number, _row in preview.rows] == [number for number, _row in first]


def test_both_readers_see_the_same_columns_when_the_sheet_is_wider(tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Prénom"])
    sheet.append(["Durand", "Léa", None, None, "note hors tableau"])
    path = tmp_path / "large.xlsx"
    workbook.save(path)
    columns = {}
    for engine in ("openpyxl", "calamine"):
        saved = reader.workbook_engine
        reader.workbook_engine = engine
        try:
            with reader.open_table(path) as table:
                columns[engine] = table.columns
        finally:
            reader.workbook_engine = saved
    assert columns["calamine"] == columns["openpyxl"]
    assert [column.label for column in columns["calamine"]] == ["Nom", "Prénom"]


# --- CSV: read as a stream, as it was read whole ------------------------------------------


def _csv_rows_read_whole(path: Path) -> tuple[int, tuple[Any, ...], list]:
    """The CSV table as the import read it before streaming: the whole text decoded at once."""
    import csv
    import io
    from itertools import islice

    text = reader.decode_text(path.read_bytes())

    def numbered(separator: str):  # type: ignore[no-untyped-def]
        records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        previous = 0
        for record in records:
            yield previous + 1, tuple(record)
            previous = records.line_num

    for separator in reader.separators_by_likelihood(text):
        rows = numbered(separator)
        try:
            table = reader._table_from_rows(path.name, "", rows, None, None)
        except csv.Error:
            continue
        if table is not None:
            return table.header_row, table.columns, list(table.rows)
    return 0, (), list(islice(numbered(reader.separators_by_likelihood(text)[0]), 5))


@_SETTINGS
@given(
    header=st.permutations(["Nom", "Prénom", "Ville", "Tél."]),
    titles=st.lists(st.sampled_from(["Liste des décrocheurs", "", "Extraction;2010"]),
                    max_size=3),
    rows=st.lists(st.lists(st.one_of(_MESSY_TEXT, _TEXT), min_size=1, max_size=5), max_size=12),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_streamed_csv_reads_as_the_whole_text_did(
    header, titles, rows, separator, encoding, newline
):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator=newline)
    for title in titles:
        writer.writerow([title])
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        path.write_bytes(data)
        header_row, columns, expected = _csv_rows_read_whole(path)
        with reader.open_table(path) as table:
            assert (table.header_row, table.columns) == (header_row, columns)
            assert list(table.rows) == expected
