"""The shared xlsx writer: what a partner sees when opening the file, and what lands on disk."""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree
from openpyxl.utils.escape import unescape

from coachdesk.errors import UserError
from coachdesk.exports import xlsx
from coachdesk.exports.xlsx import Column, ExportCancelled, Sheet, write_workbook

DANGEROUS = [
    "=HYPERLINK(\"http://evil.example\",\"clic\")",
    "+33 6 12 34 56 78",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]

COLUMNS = [
    Column("name", "Nom"),
    Column("born", "Date de naissance", "date"),
    Column("seen", "Vu le", "datetime"),
    Column("pay", "Salaire", "money_cents"),
    Column("count", "Nombre", "int"),
    Column("adult", "Adulte", "bool"),
]


def sample_rows() -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        ("Élodie Lefèvre", date(1991, 3, 4), datetime(2010, 3, 22, 9, 30), 123456, 3, False),
        ("Zoé N'Diaye", None, None, None, None, True),
    ]
    rows += [(text, None, None, None, 0, None) for text in DANGEROUS]
    return rows


def test_workbook_reads_back_with_dates_header_and_no_formula(tmp_path: Path) -> None:
    target = tmp_path / "jeunes.xlsx"
    result = write_workbook(target, [Sheet("Jeunes", COLUMNS, sample_rows())])

    assert result.row_count == len(sample_rows())
    assert result.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    book = openpyxl.load_workbook(target)
    sheet = book["Jeunes"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Nom", "Date de naissance", "Vu le", "Salaire", "Nombre", "Adulte"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{len(sample_rows()) + 1}"
    assert sheet.column_dimensions["A"].width > 10
    # "Date de naissance" wraps on two lines in its column: the header row is that high.
    assert sheet.row_dimensions[1].height == 30
    # No styled empty rows after the data.
    assert sheet.max_row == len(sample_rows()) + 1

    born = sheet["B2"]
    assert born.is_date and born.value == datetime(1991, 3, 4)
    assert born.number_format == "dd/mm/yyyy"
    assert sheet["C2"].value == datetime(2010, 3, 22, 9, 30)
    assert sheet["C2"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["D2"].value == pytest.approx(1234.56)
    assert sheet["A2"].value == "Élodie Lefèvre"
    assert sheet["F2"].value == "Non" and sheet["F3"].value == "Oui"
    assert sheet["B3"].value is None

    for row_number, text in enumerate(DANGEROUS, start=4):
        cell = sheet.cell(row_number, 1)
        # The file holds control characters in their OOXML escaped form (_x000D_), which Excel
        # and LibreOffice decode; openpyxl decodes it for shared strings only, not for the
        # inline strings of a streamed workbook, hence the explicit unescape here.
        assert unescape(cell.value) == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def test_title_lines_sit_above_a_frozen_header(tmp_path: Path) -> None:
    target = tmp_path / "note.xlsx"
    write_workbook(
        target,
        [Sheet("Note", [Column("a", "Indicateur"), Column("b", "Nombre", "int")],
               [("Contacts", 273)], title_lines=["Note d'étape", "Au 31/12/2010"])],
    )
    sheet = openpyxl.load_workbook(target)["Note"]
    assert sheet["A1"].value == "Note d'étape"
    assert sheet["A4"].value == "Indicateur"
    assert sheet.freeze_panes == "A5"
    assert sheet["B5"].value == 273


def test_replaces_an_existing_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"old")
    write_workbook(target, [Sheet("A", [Column("a", "A")], [("x",)])])
    assert target.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


def test_cancelling_leaves_no_file_and_keeps_the_previous_one(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"previous export")
    seen: list[int] = []

    def cancel_after_first_tick() -> bool:
        return bool(seen)

    rows = (("ligne", n) for n in range(10_000))
    with pytest.raises(ExportCancelled) as caught:
        write_workbook(
            target,
            [Sheet("A", [Column("a", "A"), Column("n", "N", "int")], rows, expected_rows=10_000)],
            progress=lambda done, total: seen.append(done),
            is_cancelled=cancel_after_first_tick,
        )
    assert "export.xlsx" in caught.value.message
    assert seen == [2000]
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    ticks: list[tuple[int, int | None]] = []
    result = write_workbook(
        tmp_path / "p.xlsx",
        [Sheet("A", [Column("n", "N", "int")], ((n,) for n in range(4500)), expected_rows=4500)],
        progress=lambda done, total: ticks.append((done, total)),
    )
    assert result.row_count == 4500
    assert ticks == [(2000, 4500), (4000, 4500), (4500, 4500)]


def test_a_failure_while_writing_leaves_no_file(tmp_path: Path) -> None:
    def broken_rows():  # type: ignore[no-untyped-def]
        yield ("ok",)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_workbook(tmp_path / "x.xlsx", [Sheet("A", [Column("a", "A")], broken_rows())])
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_french_message(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "export.xlsx"
    with pytest.raises(UserError) as caught:
        write_workbook(target, [Sheet("A", [Column("a", "A")], [])])
    assert "export.xlsx" in caught.value.message
    assert "n'existe pas" in caught.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_unwritable_folder_is_a_french_message(tmp_path: Path) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError) as caught:
            write_workbook(folder / "export.xlsx", [Sheet("A", [Column("a", "A")], [])])
    finally:
        folder.chmod(0o700)
    assert "accès refusé" in caught.value.message
    assert caught.value.hint


def test_target_open_in_excel_is_a_french_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to replace a file Excel holds open; reproduce that refusal here.
    target = tmp_path / "hebdo.xlsx"
    target.write_bytes(b"open in Excel")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError) as caught:
        write_workbook(target, [Sheet("A", [Column("a", "A")], [("x",)])])
    assert "hebdo.xlsx" in caught.value.message
    assert "ouvert" in caught.value.message
    assert "Fermez" in (caught.value.hint or "")
    assert target.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hebdo.xlsx"]


def test_text_columns_write_every_value_as_text_and_skip_only_empty_ones(tmp_path: Path) -> None:
    target = tmp_path / "texte.xlsx"
    columns = [Column("a", "A"), Column("b", "B"), Column("c", "C"), Column("d", "D")]
    rows = [
        (0, False, date(2010, 3, 22), Decimal("-1.5")),
        ("", None, "  espaces  ", "ok"),
    ]
    write_workbook(target, [Sheet("Texte", columns, rows)])

    sheet = openpyxl.load_workbook(target)["Texte"]
    assert [cell.value for cell in sheet[2]] == ["0", "Non", "22/03/2010", "-1.5"]
    assert all(cell.data_type == "s" for cell in sheet[2])
    # A number that turns into text beginning with "-" is inert text too.
    assert sheet["D2"].quotePrefix and not sheet["A2"].quotePrefix
    assert [cell.value for cell in sheet[3]] == [None, None, "  espaces  ", "ok"]
    assert sheet.max_row == 3


def test_the_package_is_well_formed_and_holds_no_formula(tmp_path: Path) -> None:
    target = tmp_path / "paquet.xlsx"
    write_workbook(target, [
        Sheet("Jeunes", COLUMNS, sample_rows()),
        Sheet("Vide", [Column("a", "A")], []),
        Sheet("Note", [Column("a", "A")], [("x",)], title_lines=["Titre"]),
    ])

    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        # Where file-type sniffers look for it.
        assert names[0] == "[Content_Types].xml"
        parts = {name: ElementTree.fromstring(package.read(name)) for name in names}
    types = parts["[Content_Types].xml"]
    overridden = {element.get("PartName") for element in types if element.get("PartName")}
    assert overridden == {f"/{name}" for name in names if name.endswith(".xml")
                          and name != "[Content_Types].xml"}
    sheets = [f"xl/worksheets/sheet{n}.xml" for n in (1, 2, 3)]
    for name in sheets:
        assert not [e for e in parts[name].iter() if e.tag.endswith("}f")], name
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    dimensions = [parts[name].find(f"{main}dimension").get("ref") for name in sheets]
    assert dimensions == [f"A1:F{len(sample_rows()) + 1}", "A1", "A1:A4"]
    defined = [(e.get("localSheetId"), e.text)
               for e in parts["xl/workbook.xml"].iter(f"{main}definedName")]
    assert defined == [("0", f"'Jeunes'!$A$1:$F${len(sample_rows()) + 1}"),
                       ("1", "'Vide'!$A$1:$A$1"), ("2", "'Note'!$A$3:$A$4"),
                       ("0", "'Jeunes'!$1:$1"), ("1", "'Vide'!$1:$1"), ("2", "'Note'!$3:$3")]


def test_printed_in_landscape_with_the_header_atop_every_page(tmp_path: Path) -> None:
    target = tmp_path / "impression.xlsx"
    wide = [Column(f"c{n}", f"Colonne {n}", width=25) for n in range(18)]
    write_workbook(target, [
        Sheet("Note", [Column("a", "Phase", width=30), Column("b", "Indicateur", width=40),
                       Column("c", "Nombre", "int"), Column("d", "Taux", "percent", 12)],
              [("1) Repérage", "Contacts", 273, 1.0)], title_lines=["Note d'étape"]),
        Sheet("Large", wide, [tuple("x" * 18)]),
    ])
    book = openpyxl.load_workbook(target)
    for sheet, header in ((book["Note"], 3), (book["Large"], 1)):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
        # A set scale, not "fit to N pages": Excel ignores manual page breaks on those.
        assert not sheet.sheet_properties.pageSetUpPr or \
            not sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${header}:${header}"
        assert sheet.print_title_cols is None  # no column names a person here
        assert sheet.page_setup.pageOrder == "overThenDown"
        assert sheet.oddFooter.left.text == "&A"  # the sheet's name
        assert sheet.oddFooter.right.text == "Page &P sur &N"
    # A short table prints at full size on one page; a wide one stays legible (at least
    # 70 %), its columns split into page-wide groups at set places.
    assert book["Note"].page_setup.scale == 100
    assert not book["Note"].col_breaks.brk
    large = book["Large"]
    assert 70 <= large.page_setup.scale <= 100
    groups = [brk.id for brk in large.col_breaks.brk]
    assert len(groups) >= 2 and groups == sorted(groups)


def _people(count: int, contracts_of: dict[int, int]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for n in range(count):
        rows.extend((f"NOM{n:03d}", f"Prénom {n}", f"détail {k}", "x" * 20, "y" * 20)
                    for k in range(contracts_of.get(n, 1)))
    return rows


def test_every_printed_page_names_its_people_and_never_splits_one(tmp_path: Path) -> None:
    target = tmp_path / "personnes.xlsx"
    columns = [Column("last", "Nom", width=18), Column("first", "Prénom", width=16),
               Column("detail", "Détail", width=30),
               *[Column(f"c{n}", f"Colonne {n}", width=24) for n in range(8)]]
    # 120 people, some with three rows (three contracts): a page ends between people only.
    contracts_of = {n: 3 for n in range(0, 120, 7)}
    rows = [(*row[:3], *(["z" * 10] * 8)) for row in _people(120, contracts_of)]
    write_workbook(target, [Sheet("Contrats", columns, rows, identity_columns=2,
                                  title_lines=["Titre", "Sous-titre"])])

    sheet = openpyxl.load_workbook(target)["Contrats"]
    header = 4  # two title lines, a blank line, then the header
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.print_title_cols == "$A:$B"  # the names, at the left of every page
    breaks = [brk.id for brk in sheet.row_breaks.brk]
    assert len(breaks) >= 3, "120 people do not fit on three pages"
    names = [(row[0], row[1]) for row in sheet.iter_rows(min_row=header + 1, max_col=2,
                                                         values_only=True)]
    first_data = header + 1
    for last_row in breaks:
        before, after = names[last_row - first_data], names[last_row + 1 - first_data]
        assert before != after, f"page break at row {last_row} splits {before}"
    pages = [first_data - 1, *breaks, sheet.max_row]
    lengths = [b - a for a, b in itertools.pairwise(pages)]
    # Full pages alike (a person of three rows may end one up to two rows early); the first
    # page shorter by the title lines it also holds.
    middle = lengths[1:-1]
    assert max(middle) - min(middle) <= 2
    assert lengths[0] < max(middle) <= lengths[0] + 5
    assert [brk.id for brk in sheet.col_breaks.brk], "eleven wide columns need two pages"
    assert all(brk.id > 2 for brk in sheet.col_breaks.brk)


def test_tabs_in_another_order_than_written(tmp_path: Path) -> None:
    target = tmp_path / "ordre.xlsx"
    counted: list[int] = []

    def people() -> Iterator[tuple[str]]:
        for n in range(3):
            counted.append(n)
            yield (f"Personne {n}",)

    write_workbook(target, [
        Sheet("Personnes", [Column("name", "Nom")], people(), identity_columns=1),
        # Written after the people it counts, shown first.
        Sheet("Synthèse", [Column("what", "Quoi"), Column("n", "Nombre", "int")],
              (("Personnes", len(counted)) for _ in range(1))),
    ], tabs=["Synthèse", "Personnes"])

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Synthèse", "Personnes"]
    assert book["Synthèse"]["B2"].value == 3
    assert book["Personnes"].print_title_cols == "$A:$A"
    assert book["Synthèse"].print_title_cols is None
    assert book["Synthèse"].views.sheetView[0].tabSelected
    assert not book["Personnes"].views.sheetView[0].tabSelected
    with pytest.raises(ValueError):
        write_workbook(tmp_path / "x.xlsx", [Sheet("A", [Column("a", "A")], [])], tabs=["B"])


def test_text_comes_back_exactly_as_typed(tmp_path: Path) -> None:
    target = tmp_path / "texte.xlsx"
    texts = ["_x0041_ n'est pas un A", "a\x0bb", "nul\x00", "<b>&amp;</b>", "Tab\tici",
             "deux\nlignes", "  espaces  "]
    write_workbook(target, [Sheet("Texte", [Column("a", "A")], [(t,) for t in texts])])

    sheet = openpyxl.load_workbook(target)["Texte"]
    assert [unescape(row[0].value) for row in sheet.iter_rows(min_row=2)] == texts


def test_excel_limits_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "limites.xlsx"
    columns = [Column("a", "A"), Column("d", "D", "date")]
    write_workbook(target, [
        Sheet("L'équipe & co", columns, [("x" * 40_000, date(1899, 5, 1)),
                                         ("y", date(1900, 3, 1))]),
        Sheet("History", columns, []),
    ])
    book = openpyxl.load_workbook(target)
    # Excel keeps "History" for itself; an apostrophe or an ampersand is fine.
    assert book.sheetnames == ["L'équipe & co", "History (2)"]
    sheet = book["L'équipe & co"]
    # Excel holds 32,767 characters a cell: the end is cut, and says so.
    assert len(sheet["A2"].value) == 32_767 and sheet["A2"].value.endswith("…")
    # Excel has no date before 1900: such a date is written as the text a reader expects.
    assert sheet["B2"].value == "01/05/1899"
    assert sheet["B3"].value == datetime(1900, 3, 1)

    monkeypatch.setattr(xlsx, "MAX_ROWS", 5)
    with pytest.raises(UserError) as caught:
        write_workbook(tmp_path / "trop.xlsx",
                       [Sheet("Jeunes", [Column("a", "A")], [("x",)] * 5)])
    assert "« Jeunes » dépasse 5 lignes" in caught.value.message
    assert caught.value.hint
    assert sorted(p.name for p in tmp_path.iterdir()) == ["limites.xlsx"]
