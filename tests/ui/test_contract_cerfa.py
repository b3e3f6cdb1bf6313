"""The contract dialog's CERFA fields and missing list, and « Dossier OPCO… » of the contracts
tab, on the demo: what a coach sees and what lands on disk."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Contract, Participant
from coachdesk.ui.contracts.contract_dialog import ContractDialog
from coachdesk.ui.contracts.opco_file import OpcoFileAction
from coachdesk.ui.contracts.tab import ContractsTab
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path, home: Path):  # type: ignore[no-untyped-def]
    database = open_database(demo_path)
    yield database
    database.dispose()


@pytest.fixture
def tab(qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    widget = ContractsTab(database)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    with database.read() as session:
        widget.set_cohort(session.scalar(select(Participant.cohort_id)))
    widget.set_today(date(2010, 12, 31))
    yield widget
    for translator in translators:
        app.removeTranslator(translator)


def _contract_of(database: Database, last_name: str) -> str:
    with database.read() as session:
        contract_id = session.scalar(
            select(Contract.id).join(Participant, Participant.id == Contract.participant_id)
            .where(Participant.last_name == last_name).order_by(Contract.start_date))
    assert contract_id is not None
    return contract_id


def test_the_dialog_lists_what_is_missing_and_still_saves_the_draft(
    tab: ContractsTab, database: Database
) -> None:
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.row_at(r).participant == "URBAIN Dylan")
    contract_id = tab.model.row_at(row).id
    dialog = ContractDialog(database, tab.cohort_id or "", tab.smic, date(2010, 12, 31), tab,
                            contract_id=contract_id)
    missing = dialog.cerfa.missing_label
    assert dialog.cerfa.missing == []
    assert missing.text().endswith("Tous les champs demandés par le CERFA sont remplis.</p>")
    assert dialog.cerfa.idcc.text() and len(dialog.cerfa.nir.text()) == 15
    dialog.cerfa.idcc.clear()
    dialog.cerfa.classification.clear()
    dialog.cerfa.situation_before.setCurrentIndex(0)
    assert dialog.cerfa.missing == [
        "Code IDCC de la convention collective applicable",
        "Situation avant ce contrat",
        "Classification de l'emploi dans la convention collective",
    ]
    assert "3 champ(s) du CERFA encore vide(s) :" in missing.text()
    assert "<li>Situation avant ce contrat</li>" in missing.text()
    # Missing fields never block saving: the coach completes them later.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    with database.read() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None
        assert (contract.classification, contract.situation_before) == ("", None)
    # A wrong identifier is refused in French and the dialog stays open with what was typed.
    again = ContractDialog(database, tab.cohort_id or "", tab.smic, date(2010, 12, 31), tab,
                           contract_id=contract_id)
    again.show()
    again.cerfa.rncp_code.setText("R-12")
    again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert again.isVisible()
    assert messages.last_messages[-1].text.startswith("Champ « Code RNCP » : « R-12 »")
    again.close()


def test_the_opco_file_of_the_selected_contract(
    tab: ContractsTab, database: Database, tmp_path: Path
) -> None:
    action = tab.findChild(OpcoFileAction)
    assert action is not None and action.button.text() == "Dossier OPCO…"
    tab.view.clearSelection()
    assert action.write() is None
    assert messages.last_messages[-1].text == "Sélectionnez d'abord un contrat dans la liste."
    contract_id = _contract_of(database, "Urbain")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == contract_id)
    tab.view.selectRow(row)
    asked: list[str] = []
    action.ask_path = lambda suggested: asked.append(suggested) or tmp_path / suggested
    action.button.click()
    # Dated by the contract's start, never named after the person (recent-file lists).
    assert len(asked) == 1 and asked[0].startswith("dossier-opco-2010-")
    assert asked[0].endswith(".pdf") and "rbain" not in asked[0]
    pdf = tmp_path / asked[0]
    xlsx = pdf.with_suffix(".xlsx")
    assert messages.last_messages[-1].text == (
        f"Dossier OPCO enregistré : {pdf} et {xlsx.name}.")
    for written in (pdf, xlsx):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "Urbain" in " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    try:
        values = {row[1]: row[3] for row in workbook.active.iter_rows(values_only=True)
                  if isinstance(row[1], int)}
    finally:
        workbook.close()
    assert values[18] == "Urbain" and values[20] == "Dylan"
    assert list(values) == list(range(1, 87))


def test_a_new_contract_shows_the_persons_stored_cerfa_facts_and_keeps_them(
    tab: ContractsTab, database: Database
) -> None:
    """A second contract for a person: the NIR stored with the first one is shown, follows the
    person chosen, and saving the new contract keeps it."""
    with database.read() as session:
        person_id, nir = session.execute(
            select(Participant.id, Participant.nir).join(
                Contract, Contract.participant_id == Participant.id)
            .where(Contract.rupture_on.is_not(None)).order_by(Participant.last_name)).first()
    assert len(nir) == 15
    dialog = ContractDialog(database, tab.cohort_id or "", tab.smic, date(2010, 12, 31), tab)
    first = dialog.participant.currentData()
    with database.read() as session:
        first_nir = session.scalar(select(Participant.nir).where(Participant.id == first))
    assert dialog.cerfa.nir.text() == first_nir
    dialog.participant.setCurrentIndex(dialog.participant.findData(person_id))
    assert dialog.cerfa.nir.text() == nir
    assert dialog.cerfa.training_body.currentText() == "Cnam Languedoc-Roussillon"
    assert dialog.cerfa.declaration_number.text() == "91340512334"
    dialog.close()


def test_from_a_protected_database_the_opco_file_is_protected_or_cancelled(
    tab: ContractsTab, database: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    """The window holds a key: the coach is asked for the password, both files are encrypted;
    cancelling writes nothing."""
    import msoffcrypto

    from coachdesk.ui.contracts.opco_file import OpcoPasswordDialog

    action = tab.findChild(OpcoFileAction)
    assert action is not None
    tab.window().database_key = b"k" * 32  # what the main window holds once unlocked
    contract_id = _contract_of(database, "Urbain")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == contract_id)
    tab.view.selectRow(row)
    out = tmp_path / "sortie"
    out.mkdir()
    action.ask_path = lambda suggested: out / suggested
    action.ask_password = lambda: (False, None)
    assert action.write() is None
    assert list(out.iterdir()) == []
    # The dialog proposes a strong password, ticked by default.
    dialog = OpcoPasswordDialog(tab)
    qtbot.addWidget(dialog)
    proposed = dialog.password_box.password()
    assert proposed and dialog.password_box.weakness() is None
    action.ask_password = lambda: (True, proposed)
    written = action.write()
    assert written is not None
    pdf, xlsx = written
    assert "protégés par le mot de passe" in messages.last_messages[-1].text
    reader = PdfReader(pdf)
    assert reader.is_encrypted and reader.decrypt(proposed).name != "NOT_DECRYPTED"
    assert "Urbain" in " ".join(page.extract_text() for page in reader.pages)
    with xlsx.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
