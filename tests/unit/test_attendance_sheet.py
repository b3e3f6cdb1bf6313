"""The attendance sheet PDF, read back with pypdf."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from coachdesk.exports.attendance_sheet import write_attendance_sheet
from coachdesk.services.recruitment import AttendanceSheet


def test_every_name_on_a_numbered_page_with_date_and_place(tmp_path: Path) -> None:
    names = tuple(f"Personne{index:02d} Œdipe-Zoé" for index in range(40))
    sheet = AttendanceSheet("Promotion 2010", "Certificat professionnel",
                            datetime(2010, 3, 1, 9, 30), "Mission Locale, Montpellier", names)
    target = tmp_path / "feuille.pdf"
    write_attendance_sheet(target, sheet)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert "Feuille d'émargement" in text
        assert "Lundi 1er mars 2010 à 9 h 30" in text
        assert "Lieu : Mission Locale, Montpellier" in text
        assert "Promotion : Promotion 2010 — Certificat professionnel" in text
        assert f"Page {number} / 2" in text
    found = [name for name in names if any(name in text for text in pages)]
    assert found == list(names)
    assert not list(tmp_path.glob(".feuille-*"))  # no temporary file left behind
