"""The « Documents » list of a participant file, a contract and an employer: add, open in the
system's viewer through a private copy, delete; refusals said in French."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.models import Contract, Enrolment, FollowUpVisit
from coachdesk.services.documents import (
    MAX_DOCUMENT_BYTES,
    DocumentFile,
    DocumentOwner,
    add_document,
    list_documents,
)
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.contracts.contract_dialog import ContractDialog
from coachdesk.ui.employers.dialogs import EmployerDialog
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.documents import DocumentsPanel
from tests import builders as b
from tests.ui import cohort_support
from tests.ui.cohort_support import person_id

cohort, french = cohort_support.cohort, cohort_support.french
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows

PDF = b"%PDF-1.4\n% un CV\n%%EOF\n"
LEFT = Qt.MouseButton.LeftButton


def _cells(panel: DocumentsPanel) -> list[list[str]]:
    model = panel.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_the_participant_file_adds_opens_and_deletes_documents(
    qtbot: QtBot, cohort, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, cohort_id = cohort
    person = person_id(database, "Martin")
    dialog = ParticipantFileDialog(database, cohort_id, person)
    qtbot.addWidget(dialog)
    panel = dialog.documents
    assert panel.title() == "Documents"
    assert [panel.add_button.text(), panel.open_button.text(), panel.delete_button.text()] == [
        "Ajouter…", "Ouvrir", "Supprimer"]
    assert panel.note.text().startswith("Aucun document pour l'instant")
    assert not panel.open_button.isEnabled()
    assert panel.open_button.toolTip() == "Choisissez d'abord un document dans la liste."

    chosen = tmp_path / "CV Lucas Martin.pdf"
    chosen.write_bytes(PDF)
    monkeypatch.setattr(panel, "choose_file", lambda: chosen)
    qtbot.mouseClick(panel.add_button, LEFT)
    today = f"{date.today():%d/%m/%Y}"  # a coach's database lives on today
    assert _cells(panel) == [["CV Lucas Martin.pdf", "Personne", today]]
    header = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["Document", "Rattaché à", "Ajouté le"]
    assert panel.note.text() == "Double-cliquez sur un document pour l'ouvrir."

    # Open: a private copy under a neutral name, handed to the system's viewer.
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.view.selectRow(0)
    assert panel.open_button.isEnabled()
    assert panel.note.text() == (f"CV Lucas Martin.pdf — PDF, {len(PDF)} octets, ajouté le "
                                 f"{today} (Personne).")
    qtbot.mouseClick(panel.open_button, LEFT)
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.read_bytes() == PDF
    assert copy.name.startswith("document-") and copy.suffix == ".pdf"
    assert "Martin" not in str(copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700

    # A file too big is refused, in French, naming the file and the limit.
    big = tmp_path / "scan.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-")
        out.truncate(MAX_DOCUMENT_BYTES + 1)
    monkeypatch.setattr(panel, "choose_file", lambda: big)
    messages.last_messages.clear()
    qtbot.mouseClick(panel.add_button, LEFT)
    (refusal,) = messages.last_messages
    assert refusal.text.startswith("Le fichier « scan.pdf » pèse 20,1 Mo : un document gardé "
                                   "dans CoachDesk ne peut pas dépasser 20 Mo.")
    assert panel.model.rowCount() == 1

    # Delete, after a question.
    messages.last_messages.clear()
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert messages.last_messages[0].kind == "question"
    assert "« CV Lucas Martin.pdf »" in messages.last_messages[0].text
    assert panel.model.rowCount() == 0
    assert list_documents(database, DocumentOwner("participant", person)) == []


def test_a_new_file_says_to_save_first(qtbot: QtBot, cohort) -> None:
    database, cohort_id = cohort
    dialog = ParticipantFileDialog(database, cohort_id)
    qtbot.addWidget(dialog)
    panel = dialog.documents
    assert not panel.add_button.isEnabled()
    assert panel.note.text() == ("Enregistrez d'abord cette fiche ; ses documents viendront "
                                 "ensuite.")


def test_the_employer_dialog_lists_its_documents_and_a_viewer_missing_is_said(
    qtbot: QtBot, cohort, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _cohort_id = cohort
    employer = b.employer(database, "Boulangerie Ducroquet")
    add_document(database, DocumentOwner("employer", employer), DocumentFile("kbis.pdf", PDF))
    dialog = EmployerDialog(database, employer)
    qtbot.addWidget(dialog)
    panel = dialog.findChild(DocumentsPanel)
    assert panel is not None
    assert [row[0] for row in _cells(panel)] == ["kbis.pdf"]
    assert _cells(panel)[0][1] == "Employeur"
    # A new employer has no list yet.
    new = EmployerDialog(database)
    qtbot.addWidget(new)
    assert new.findChild(DocumentsPanel) is None

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    messages.last_messages.clear()
    panel.view.selectRow(0)
    panel.open_selected()
    (said,) = messages.last_messages
    assert said.text.startswith("Aucun programme de cet ordinateur n'ouvre les documents « PDF »")


def test_a_recorded_contract_shows_its_documents_and_its_visits(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, qtmodeltester: ModelTester
) -> None:
    from coachdesk.db import open_database
    from coachdesk.services.smic import load_smic_table

    database = open_database(demo_path)
    try:
        with database.read() as session:
            contract, cohort_id, visit = session.execute(
                select(Contract.id, Enrolment.cohort_id, FollowUpVisit.id)
                .join(Enrolment, Enrolment.participant_id == Contract.participant_id)
                .join(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)
                .limit(1)
            ).one()
        add_document(database, DocumentOwner("contract", contract),
                     DocumentFile("CERFA signé.pdf", PDF))
        add_document(database, DocumentOwner("visit", visit),
                     DocumentFile("compte rendu.pdf", PDF))
        dialog = ContractDialog(database, cohort_id, load_smic_table(), date(2010, 12, 31),
                                contract_id=contract)
        qtbot.addWidget(dialog)
        panel = dialog.findChild(DocumentsPanel)
        assert panel is not None
        cells = _cells(panel)
        assert sorted((row[0], row[1][:6]) for row in cells) == [
            ("CERFA signé.pdf", "Contra"), ("compte rendu.pdf", "Visite")]
        qtmodeltester.check(panel.model)
        # A contract being recorded has none yet.
        new = ContractDialog(database, cohort_id, load_smic_table(), date(2010, 12, 31))
        qtbot.addWidget(new)
        assert new.findChild(DocumentsPanel) is None
    finally:
        database.dispose()


def test_the_right_of_access_window_says_where_the_documents_went(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, tmp_path: Path
) -> None:
    from coachdesk.db import open_database
    from coachdesk.ui.app_window.gdpr_dialogs import AccessExportDialog

    database = open_database(demo_path)
    try:
        with database.read() as session:
            person, cohort_id = session.execute(
                select(Contract.participant_id, Enrolment.cohort_id)
                .join(Enrolment, Enrolment.participant_id == Contract.participant_id).limit(1)
            ).one()
        add_document(database, DocumentOwner("participant", person), DocumentFile("CV.pdf", PDF))
        dialog = AccessExportDialog(database, cohort_id, encrypted=False)
        qtbot.addWidget(dialog)
        assert dialog.picker.select(person)
        out = tmp_path / "acces.xlsx"
        dialog.out.setText(str(out))
        messages.last_messages.clear()
        dialog.export_button.click()
        folder = tmp_path / "acces-documents"
        assert (f"Les documents de la personne sont dans le dossier {folder} (1 fichier)."
                in messages.last_messages[-1].text)
        assert [p.read_bytes() for p in folder.iterdir()] == [PDF]
    finally:
        database.dispose()


def test_the_right_of_access_window_protects_the_documents_with_the_password(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from pypdf.errors import WrongPasswordError

    from coachdesk.db import open_database
    from coachdesk.ui.app_window.gdpr_dialogs import AccessExportDialog

    cv = b"%PDF-1.4\n% CANARY-WINDOW-CV\n%%EOF\n"
    database = open_database(demo_path)
    try:
        with database.read() as session:
            person, cohort_id = session.execute(
                select(Contract.participant_id, Enrolment.cohort_id)
                .join(Enrolment, Enrolment.participant_id == Contract.participant_id).limit(1)
            ).one()
        document = add_document(database, DocumentOwner("participant", person),
                                DocumentFile("CV.pdf", cv))
        # From an encrypted database the export is protected by default.
        dialog = AccessExportDialog(database, cohort_id, encrypted=True)
        qtbot.addWidget(dialog)
        assert dialog.picker.select(person)
        assert dialog.password_box.isChecked()
        password = dialog.password_box.password_edit.text()
        remise = tmp_path / "remise"
        remise.mkdir()
        dialog.out.setText(str(remise / "acces.xlsx"))
        messages.last_messages.clear()
        dialog.export_button.click()
        protected = remise / "acces-documents.pdf"
        text = messages.last_messages[-1].text
        assert (f"Le document de la personne (1 fichier) est joint au PDF {protected}, protégé "
                "par le même mot de passe que le classeur : un lecteur PDF le montre parmi les "
                "pièces jointes du fichier.") in text
        assert f"protégé par le mot de passe {password}" in text
        assert "PAS chiffré" not in text and "ne les protège pas" not in text
        assert sorted(p.name for p in remise.iterdir()) == ["acces-documents.pdf", "acces.xlsx"]
        assert not any(b"CANARY" in p.read_bytes() for p in remise.iterdir())
        assert PdfReader(protected, password=password).attachments == {
            f"document-{document[:8]}.pdf": [cv]}
        with pytest.raises(WrongPasswordError):
            PdfReader(protected, password="pas-le-bon-mot-de-passe-7")

        # The coach unticks the password: the folder in clear, and the warning says so.
        dialog.password_box.setChecked(False)
        dialog.export_button.click()
        text = messages.last_messages[-1].text
        assert (f"Les documents de la personne sont dans le dossier {remise / 'acces-documents'}"
                " (1 fichier).") in text
        assert ("Ce classeur et le dossier des documents ne sont PAS chiffrés, contrairement à "
                "la base.") in text
        assert sorted(p.name for p in remise.iterdir()) == ["acces-documents", "acces.xlsx"]
    finally:
        database.dispose()


def test_from_a_person_a_document_goes_to_their_contract_or_a_visit(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coachdesk.db import open_database

    database = open_database(demo_path)
    try:
        with database.read() as session:
            person, contract, start, visit, visited = session.execute(
                select(Contract.participant_id, Contract.id, Contract.start_date,
                       FollowUpVisit.id, FollowUpVisit.done_on)
                .join(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)
                .where(FollowUpVisit.done_on.is_not(None)).limit(1)
            ).one()
        panel = DocumentsPanel(database, DocumentOwner("participant", person))
        qtbot.addWidget(panel)
        panel.show()
        labels = [panel.target.itemText(i) for i in range(panel.target.count())]
        assert labels[:2] == ["Personne", f"Contrat du {start:%d/%m/%Y}"]
        assert f"Visite du {visited:%d/%m/%Y}" in labels
        assert panel.target.isVisible() and panel.target_label.text() == "Rattacher à"

        report = tmp_path / "compte rendu.pdf"
        report.write_bytes(PDF)
        monkeypatch.setattr(panel, "choose_file", lambda: report)
        panel.target.setCurrentIndex(panel.target.findData(f"visit:{visit}"))
        panel.add_button.click()
        assert _cells(panel) == [["compte rendu.pdf", f"Visite du {visited:%d/%m/%Y}",
                                  "31/12/2010"]]
        assert [row.file_name for row in list_documents(
            database, DocumentOwner("visit", visit))] == ["compte rendu.pdf"]
        assert list_documents(database, DocumentOwner("contract", contract))  # its visits too

        # An employer's list has one place only: no choice shown.
        with database.read() as session:
            employer = session.scalar(select(Contract.employer_id).where(
                Contract.id == contract))
        alone = DocumentsPanel(database, DocumentOwner("employer", employer))
        qtbot.addWidget(alone)
        alone.show()
        assert not alone.target.isVisible()
    finally:
        database.dispose()
