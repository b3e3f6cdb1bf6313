"""Hostile and oversized contact files, each refused or bounded before a reader holds them.

The files are built here as an attacker would: entities in the XML, lying zip sizes, cells far
apart, a spreadsheet of repeated cells, a 200 MB cell. Each goes through the shipped reader
(calamine, with its pre-scan); a file that could end the process runs in a child process.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant
from coachdesk.services.contact_import import import_contacts, limits

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "contacts"
UNIVERSITY = SAMPLES / "universite_2010.xlsx"
TODAY = date(2010, 2, 20)
SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "coachdesk.sqlite3")
    yield db
    db.dispose()


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def rewrite(target: Path, part: str, change, source: Path = UNIVERSITY) -> Path:  # type: ignore[no-untyped-def]
    """A copy of ``source`` with one part changed."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(
        target, "w", zipfile.ZIP_DEFLATED
    ) as copy:
        for entry in original.infolist():
            data = original.read(entry.filename)
            copy.writestr(entry.filename, change(data) if entry.filename == part else data)
    return target


def refused(database: Database, path: Path) -> UserError:
    with pytest.raises(UserError) as raised:
        import_contacts(database, path, today=TODAY)
    assert path.name in raised.value.message
    assert raised.value.hint
    assert count(database, Cohort) == 0 and count(database, Participant) == 0
    return raised.value


_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{level} "' + f"&lol{level - 1 if level > 1 else ''};" * 10 + '">'
        for level in range(1, 10)
    )
    + "]>\n"
).encode()


def test_entity_expansion_is_refused(database: Database, tmp_path: Path):
    path = rewrite(tmp_path / "rires.xlsx", SHEET,
                   lambda data: _LAUGHS + data.replace(b"<t>DUPONT</t>", b"<t>&lol9;</t>"))
    error = refused(database, path)
    assert "DTD" in error.message


def test_external_entity_is_refused_and_never_read(database: Database, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-DU-SERVEUR", encoding="utf-8")
    doctype = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM '
               f'"file://{secret}">]>\n').encode()
    path = rewrite(tmp_path / "externe.xlsx", SHEET,
                   lambda data: doctype + data.replace(b"<t>DUPONT</t>", b"<t>&xxe;</t>"))
    error = refused(database, path)
    assert "MOT-DE-PASSE" not in error.message + (error.hint or "")


def test_calamine_itself_refuses_entities_it_does_not_know(tmp_path: Path):
    """Without the pre-scan, calamine still expands nothing (what the pre-scan stands on)."""
    import python_calamine

    path = rewrite(tmp_path / "rires.xlsx", SHEET,
                   lambda data: _LAUGHS + data.replace(b"<t>DUPONT</t>", b"<t>&lol9;</t>"))
    with pytest.raises(python_calamine.CalamineError, match="entity"):
        python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)


def _big_cell_workbook(target: Path, size: int) -> Path:
    return rewrite(target, SHEET, lambda data: data.replace(
        b"<t>Montpellier</t>", b"<t>" + b"A" * size + b"</t>", 1))


def test_a_200_mb_cell_is_refused_before_reading(database: Database, tmp_path: Path):
    path = _big_cell_workbook(tmp_path / "cellule.xlsx", 200_000_000)
    assert path.stat().st_size < 1_000_000  # a few hundred KB on disk
    error = refused(database, path)
    assert "fois plus grosse" in error.message


def _declare_size(path: Path, part: str, size: int) -> None:
    """Make the zip directory lie about a part's uncompressed size (a zip bomb's trick)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name:
            struct.pack_into("<I", data, position + 24, size)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def test_a_zip_bomb_lying_about_its_size_is_stopped(database: Database, tmp_path: Path):
    # 30 MB behind a declared 5 KB: past the declared size is past it, whatever comes after.
    path = _big_cell_workbook(tmp_path / "bombe.xlsx", 30_000_000)
    _declare_size(path, SHEET, 5_000)
    error = refused(database, path)
    # calamine stops at the declared size, as the pre-scan does.
    assert "n'a pas pu être lu" in error.message or "n'a pas été lu" in error.message


def test_too_many_parts_are_refused(database: Database, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ZIP_ENTRIES", 5)
    error = refused(database, UNIVERSITY.parent / UNIVERSITY.name)
    assert "éléments" in error.message


def test_garbage_renamed_xlsx_is_refused(database: Database, tmp_path: Path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    refused(database, path)
    text = tmp_path / "liste.xlsx"
    text.write_text("Nom;Prénom\nDurand;Léa\n", encoding="utf-8")
    assert "n'a pas pu être lu" in refused(database, text).message


def test_a_long_cell_is_cut_with_a_warning_in_a_workbook(database: Database, tmp_path: Path):
    path = rewrite(tmp_path / "long.xlsx", SHEET, lambda data: data.replace(
        b"<t>Montpellier</t>", b"<t>" + "é".encode() * 40_000 + b"</t>", 1))
    report = import_contacts(database, path, today=TODAY)
    assert report.imported == 6
    [cut] = [w for w in report.warnings if w.field == "Ville"]
    assert cut.row == 4
    assert cut.message.startswith("Cellule de 40000 caractères : seuls les 32767 premiers")
    assert len(cut.value) == 61
    with database.read() as session:
        city = session.scalar(select(Participant.city).where(Participant.last_name == "DUPONT"))
    assert city == "é" * 32_767


def test_a_long_cell_is_cut_with_a_warning_in_a_csv(database: Database, tmp_path: Path):
    path = tmp_path / "long.csv"
    path.write_text("Nom;Prénom;Observations\nDurand;Léa;" + "x" * 50_000 + "\n",
                    encoding="utf-8")
    report = import_contacts(database, path, today=TODAY)
    assert [(w.row, w.field) for w in report.warnings] == [(2, "Observations")]
    with database.read() as session:
        assert len(session.scalar(select(Participant.notes))) == 32_767


def test_a_csv_with_a_200_mb_cell_is_refused_without_reading_it_whole(
    database: Database, tmp_path: Path
):
    path = tmp_path / "enorme.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('Nom;Prénom;Observations\nDurand;Léa;"')
        for _ in range(200):
            handle.write("x" * 999_999 + "\n")
        handle.write('"\n')
    error = refused(database, path)
    assert "131" in error.message and "caractères" in error.message


def test_a_csv_line_without_end_is_refused(database: Database, tmp_path: Path):
    path = tmp_path / "ligne.csv"
    path.write_text("Nom;Prénom\n" + "x;" * 2_000_000 + "\n", encoding="utf-8")
    error = refused(database, path)
    assert "une ligne y dépasse" in error.message


def _import_in_child(path: Path, database: Path) -> subprocess.CompletedProcess[str]:
    """Import in a child process: a reader that tried to hold the grid would end it."""
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(database), "import", "contacts",
         str(path), "--create", "--json"],
        capture_output=True, text=True, timeout=300, check=False,
    )


def test_cells_far_apart_are_streamed_not_held(tmp_path: Path):
    """Cells in A1 and XFD30000: calamine would ask for 15 GB; openpyxl streams the rows."""
    far = b'<row r="30000"><c r="XFD30000" t="inlineStr"><is><t>x</t></is></c></row>'
    path = rewrite(tmp_path / "loin.xlsx", SHEET,
                   lambda data: data.replace(b"</sheetData>", far + b"</sheetData>"))
    with zipfile.ZipFile(path) as archive:
        shape = limits.scan_sheet(archive, SHEET)
    assert shape.plain and shape.grid_cells == 30_000 * 16_384
    assert not shape.calamine_can_read
    result = _import_in_child(path, tmp_path / "base.sqlite3")
    assert result.returncode == 0, result.stderr
    assert '"imported": 6' in result.stdout


def test_cells_without_references_are_not_trusted(tmp_path: Path):
    hidden = b'<row r="3000000"><c\nr="XFD3000000"><v>1</v></c></row>'
    path = rewrite(tmp_path / "cache.xlsx", SHEET,
                   lambda data: data.replace(b"</sheetData>", hidden + b"</sheetData>"))
    with zipfile.ZipFile(path) as archive:
        assert not limits.scan_sheet(archive, SHEET).calamine_can_read


def test_a_spreadsheet_of_repeated_cells_is_refused(database: Database, tmp_path: Path):
    def repeat(content: bytes) -> bytes:
        start = content.index(b"<table:table-row")
        bomb = (b'<table:table-row table:number-rows-repeated="6000"><table:table-cell '
                b'table:number-columns-repeated="16384" office:value-type="string">'
                b"<text:p>x</text:p></table:table-cell></table:table-row>")
        return content[:start] + bomb + content[start:]

    path = rewrite(tmp_path / "repetitions.ods", "content.xml", repeat,
                   source=SAMPLES / "universite_2010.ods")
    error = refused(database, path)
    assert "6013 lignes et 16384 colonnes" in error.message


def test_sheet_scan_agrees_with_calamine_on_the_samples():
    import python_calamine

    with zipfile.ZipFile(UNIVERSITY) as archive:
        shape = limits.scan_sheet(archive, SHEET)
    sheet = python_calamine.CalamineWorkbook.from_path(str(UNIVERSITY)).get_sheet_by_index(0)
    assert shape.plain and shape.calamine_can_read
    assert shape.last_row == sheet.end[0] + 1 == 13
    assert shape.grid_cells >= sheet.height * sheet.width


def test_previews_are_checked_like_imports(tmp_path: Path):
    """The wizard's preview streams a workbook's first rows: after the same checks."""
    from coachdesk.services.contact_import import preview_table

    laughs = rewrite(tmp_path / "rires.xlsx", SHEET,
                     lambda data: _LAUGHS + data.replace(b"<t>DUPONT</t>", b"<t>&lol9;</t>"))
    # Sizes well past the compression-ratio floor: the same refusals as the import's own tests
    # (200 and 300 MB there), in a tenth of the time.
    big = _big_cell_workbook(tmp_path / "cellule.xlsx", 20_000_000)
    bomb = _big_cell_workbook(tmp_path / "bombe.xlsx", 30_000_000)
    _declare_size(bomb, SHEET, 5_000)
    for path, words in ((laughs, "DTD"), (big, "fois plus grosse"), (bomb, "n'a pas")):
        with pytest.raises(UserError) as raised:
            preview_table(path)
        assert words in raised.value.message and path.name in raised.value.message


def test_the_quick_look_vouches_for_the_samples_with_the_scans_last_row():
    with zipfile.ZipFile(UNIVERSITY) as archive:
        assert limits.bounded_rows(archive, SHEET) == limits.scan_sheet(archive, SHEET).last_row


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="XFD30000"><v>1</v></c>',  # a column past Z: the grid could span 16,384 of them
        b'<c r="A300000"><v>1</v></c>',  # 26 columns of 300,000 rows: too many cells to vouch
        b'<c r="A12345678"><v>1</v></c>',
        b'<c s="1" r="A4"><v>1</v></c>',  # the reference not first
        b"<c><v>1</v></c>",  # no reference: calamine counts it where it lies
        b'<x:c r="A4"><v>1</v></x:c>',  # a prefixed tag
    ],
)
def test_the_quick_look_does_not_vouch_for_a_cell_it_cannot_bound(cell: bytes, tmp_path: Path):
    path = rewrite(tmp_path / "cellule.xlsx", SHEET, lambda data: data.replace(
        b"</sheetData>", b'<row r="300000">' + cell + b"</row></sheetData>"))
    with zipfile.ZipFile(path) as archive:
        assert limits.bounded_rows(archive, SHEET) is None


def test_the_quick_look_vouches_for_a_long_sheet_of_26_columns(tmp_path: Path):
    path = rewrite(tmp_path / "longue.xlsx", SHEET, lambda data: data.replace(
        b"</sheetData>", b'<row r="299999"><c r="Z299999"><v>1</v></c></row></sheetData>'))
    with zipfile.ZipFile(path) as archive:
        assert limits.bounded_rows(archive, SHEET) == 299_999
        shape = limits.scan_sheet(archive, SHEET)
    assert shape.calamine_can_read and shape.grid_cells <= limits.MAX_GRID_CELLS


def test_a_sheet_loaded_while_the_scan_runs_goes_to_openpyxl_when_the_scan_says_so(
    database: Database, tmp_path: Path
):
    """Rows numbered out of order: within calamine's grid (the quick look lets it load), but
    not a form the scan vouches for, so openpyxl reads it, as before."""
    def swap(data: bytes) -> bytes:
        return data.replace(b'<row r="5"', b'<row r="4"', 1)

    path = rewrite(tmp_path / "desordre.xlsx", SHEET, swap)
    with zipfile.ZipFile(path) as archive:
        assert limits.bounded_rows(archive, SHEET) is not None
        assert not limits.scan_sheet(archive, SHEET).calamine_can_read
    from coachdesk.services.contact_import import reader, workbooks

    loaded: list[str] = []
    real_rows = workbooks.OpenpyxlWorkbook.rows

    def openpyxl_rows(self, name):  # type: ignore[no-untyped-def]
        loaded.append(name)
        return real_rows(self, name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workbooks.OpenpyxlWorkbook, "rows", openpyxl_rows)
        report = import_contacts(database, path, today=TODAY)
    assert loaded, "the rows came from calamine"
    assert reader.workbook_engine == "calamine"
    with database.read() as session:
        assert session.scalar(select(func.count(Participant.id))) == report.imported > 0
