"""Generated messy contact files: the import never crashes and accounts for every data row.

Every row after the header is imported, a duplicate, rejected, or blank. The default example count
keeps the normal run short; CI sets ``COACHDESK_HYPOTHESIS_EXAMPLES=1000``.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.db import Database, open_database
from coachdesk.services.contact_import import import_contacts, reader, workbooks

EXAMPLES = int(os.environ.get("COACHDESK_HYPOTHESIS_EXAMPLES", "40"))

# Characters a worksheet can hold (XML 1.0 forbids most control characters).
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=12,
)
_MESSY_TEXT = st.sampled_from([
    "", " ", "  ", "Élodie", "ÉLODIE ", "el odie", "Dupont", "dupont", "N'Guyen", "=cmd",
    "+33", "-1", "@x", "06 12 34 56 78", "612345678", "+33 7 81 23 45 67", "12", "0612",
    "a@b.fr", "pas-un-mail", "31/02/1999", "12/03/1991", "05/06/93", "1991-03-12", "36526",
    "ES", "Bac pro", "STG", "1234567890A", "1234567890a", "ligne\nsuivante", "a;b,c\td",
    '"guillemets"', "Œuvre", "ß", "中文",
])
_CELL = st.one_of(
    st.none(),
    _MESSY_TEXT,
    _TEXT,
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.booleans(),
)
_HEADERS = [
    "NOM", "Nom de famille", "Prénom", "PRENOM", "Né(e) le", "Date de naissance", "Tél.",
    "Portable", "Courriel", "E-mail", "Filière", "Série du bac", "INE", "Adresse", "CP", "Ville",
    "Type de bac", "Année du bac", "Observations", "Boursier", "", "Colonne 12",
]


@st.composite
def contact_tables(draw: st.DrawFn) -> tuple[list[str], list[list[object]], list[list[object]]]:
    """(header, title rows, data rows): at least a last-name and a first-name column."""
    extra = draw(st.lists(st.sampled_from(_HEADERS), max_size=6))
    header = ["Nom", "Prénom", *extra]
    header = draw(st.permutations(header))
    width = len(header)
    titles = draw(st.lists(
        st.sampled_from([["Liste des décrocheurs"], [], ["Extraction", None, "2010"]]),
        max_size=3,
    ))
    rows = draw(st.lists(
        st.one_of(
            st.lists(_CELL, min_size=width, max_size=width),
            st.just([None] * width),
            st.lists(_MESSY_TEXT, min_size=1, max_size=width + 2),  # ragged
        ),
        max_size=14,
    ))
    return header, titles, rows


@pytest.fixture(autouse=True, params=workbooks.ENGINES)
def workbook_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with the shipped reader (calamine) and with openpyxl, the reference."""
    monkeypatch.setattr(reader, "workbook_engine", request.param)
    return str(request.param)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    # One database for the whole module: earlier examples only add duplicates, and the
    # invariant must hold against a database that already knows people too.
    db = open_database(tmp_path_factory.mktemp("property") / "coachdesk.sqlite3")
    yield db
    db.dispose()


def _check(database: Database, path: Path, expected_rows: int) -> None:
    report = import_contacts(database, path, cohort="Propriété")
    assert report.data_rows == expected_rows
    assert (report.imported + len(report.duplicates) + len(report.rejected)
            + report.blank_rows) == expected_rows


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(table=contact_tables(), separator=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_csv_rows_are_all_accounted_for(database, table, separator, encoding):
    header, titles, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    for title in titles:
        writer.writerow([_csv_cell(v) for v in title])
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    text = buffer.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        path.write_bytes(data)
        _check(database, path, len(rows))


Table = tuple[list[str], list[list[object]], list[list[object]]]


def check_xlsx(database: Database, table: Table) -> None:
    """The xlsx property, run by ``test_contact_import_property_xlsx_*`` (one file per reader,
    so that the test runner's two workers share the longest property runs)."""
    header, titles, rows = table
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Liste"
    for title in titles:
        sheet.append(title or [None])
    sheet.append(header)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, not a formula
    # openpyxl writes a (possibly empty) row element for every appended row, blank ones too.
    stored = len(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.xlsx"
        workbook.save(path)
        _check(database, path, stored)
