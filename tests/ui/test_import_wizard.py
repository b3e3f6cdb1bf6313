"""The import wizard: file, columns, preview, import in a worker process, French summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from coachdesk.db import open_database
from coachdesk.models import Participant
from coachdesk.security import sqlcipher
from coachdesk.ui.cohort.import_wizard import ImportWizard
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db
from tests.ui import cohort_support

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows

CONTACTS = """Liste MLJAM — jeunes niveau bac+1
NOM;Prénom;Né(e) le;Portable perso;Courriel;Lycée d'origine
DUPONT;Marie;12/05/1990;612345678;marie@exemple.fr;Joffre
;Paul;01/01/1991;0611111111;;Mermoz
Dupont;MARIE;12/05/1990;;;Joffre
MARTIN;Léa;31/02/1990;0622222222;lea@exemple;Clemenceau

GARCIA;Inès;03/04/1989;0633333333;ines@exemple.fr;Joffre
"""


def open_wizard(qtbot: QtBot, database, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(database, "Promotion 2010")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    return wizard


def test_map_preview_import_and_summary(qtbot: QtBot, cohort, tmp_path: Path) -> None:
    database, cohort_id = cohort
    path = tmp_path / "mljam.csv"
    path.write_text(CONTACTS, encoding="cp1252")
    wizard = open_wizard(qtbot, database, path)
    wizard.file_page.provenance.setCurrentIndex(
        wizard.file_page.provenance.findText("Mission Locale"))
    wizard.next()
    page = wizard.columns_page
    assert wizard.currentPage() is page
    assert page.subTitle() == "Titres de colonnes trouvés à la ligne 2 de mljam.csv."
    assert page.summary.text().startswith("4 colonnes reconnues. 2 colonnes non reconnues")
    assert page.combos[3].currentText() == "Ignorer cette colonne"
    page.combos[3].setCurrentIndex(page.combos[3].findText("Téléphone"))
    wizard.next()
    preview = wizard.preview_page.model
    headers = [preview.headerData(c, wizard.preview_page.view.horizontalHeader().orientation())
               for c in range(preview.columnCount())]
    assert headers == ["Ligne", "Nom", "Prénom", "Date de naissance", "Téléphone", "Courriel"]
    assert [preview.index(r, 0).data() for r in range(preview.rowCount())] == [
        "3", "4", "5", "6", "8"]
    assert preview.index(0, 4).data() == "612345678"
    assert "« Promotion 2010 »" in wizard.preview_page.note.text()
    wizard.next()  # « Importer »: runs in the worker process
    qtbot.waitUntil(lambda: wizard.import_page.finished_, timeout=30_000)
    summary = wizard.import_page.summary.toPlainText()
    assert summary.splitlines()[:4] == [
        "3 personnes importées dans la promotion « Promotion 2010 ».",
        "1 doublon, non importé une seconde fois.",
        "1 ligne rejetée.",
        "2 avertissements à vérifier.",
    ]
    assert "ligne 4 : Ligne sans le nom : non importée." in summary
    assert "ligne 6, « Né(e) le » = « 31/02/1990 »" in summary
    assert "ligne 6, « Courriel » = « lea@exemple »" in summary
    assert "ligne 5 : Dupont MARIE (mêmes nom, prénom et date de naissance) — même " \
           "personne qu'en ligne 3" in summary
    with database.read() as session:
        people = session.execute(
            select(Participant.last_name, Participant.phone, Participant.provenance,
                   Participant.source_file, Participant.cohort_id, Participant.birth_date)
            .order_by(Participant.created_at, Participant.last_name)).all()
    imported = [tuple(p) for p in people if p.source_file]
    assert sorted(imported) == [
        ("DUPONT", "06 12 34 56 78", "mission_locale", "mljam.csv", cohort_id, date(1990, 5, 12)),
        ("GARCIA", "06 33 33 33 33", "mission_locale", "mljam.csv", cohort_id, date(1989, 4, 3)),
        ("MARTIN", "06 22 22 22 22", "mission_locale", "mljam.csv", cohort_id, None),
    ]


def test_cancel_during_the_import_writes_nothing(qtbot: QtBot, cohort, tmp_path: Path) -> None:
    database, _cohort_id = cohort
    path = tmp_path / "gros.csv"
    lines = ["Nom;Prénom;Téléphone"] + [
        f"NOM{index};Prénom{index};06{index:08d}" for index in range(60_000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    wizard = open_wizard(qtbot, database, path)
    wizard.next()
    wizard.next()
    wizard.next()
    job = wizard.job
    assert job is not None
    # The progress dialog shows up after half a second; the coach clicks « Annuler ».
    qtbot.waitUntil(job.dialog.isVisible, timeout=20_000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annuler"
    cancel.click()
    qtbot.waitUntil(lambda: wizard.import_page.finished_, timeout=30_000)
    assert wizard.import_page.summary.toPlainText() == "Import annulé : rien n'a été enregistré."
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 4


def test_import_into_a_protected_database(
    qtbot: QtBot, home: Path, french: None, tmp_path: Path
) -> None:
    """The worker process opens the encrypted database with the key the window unlocked."""
    path = tmp_path / "suivi.sqlite3"
    make_plain_db(path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    try:
        contacts = tmp_path / "mljam.csv"
        contacts.write_text(CONTACTS, encoding="utf-8")
        wizard = open_wizard(qtbot, database, contacts)
        wizard.file_page.cohort.setText("Promotion chiffrée")
        wizard.next()
        wizard.next()
        wizard.next()  # « Importer »: the worker process opens the protected database
        qtbot.waitUntil(lambda: wizard.import_page.finished_, timeout=30_000)
        summary = wizard.import_page.summary.toPlainText()
        assert summary.splitlines()[:2] == [
            "3 personnes importées dans la promotion « Promotion chiffrée ». (nouvelle "
            "promotion)",
            "1 doublon, non importé une seconde fois.",
        ]
        with database.read() as session:
            names = session.execute(
                select(Participant.last_name, Participant.first_name, Participant.source_file)
                .where(Participant.source_file == "mljam.csv")
                .order_by(Participant.last_name)).all()
            total = session.scalar(select(func.count()).select_from(Participant))
        assert [tuple(row) for row in names] == [
            ("DUPONT", "Marie", "mljam.csv"), ("GARCIA", "Inès", "mljam.csv"),
            ("MARTIN", "Léa", "mljam.csv"),
        ]
        assert total == 3 + 3  # the three people already there, and the three imported
    finally:
        database.dispose()
    # Still encrypted on disk: neither the people already there nor the new ones in clear.
    assert not sqlcipher.is_plain_sqlite(path)
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("suivi.sqlite3*") if p.is_file())
    assert SECRET_LAST_NAME.encode() not in stored and b"GARCIA" not in stored
