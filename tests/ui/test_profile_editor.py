"""The export-profile editor: columns, order, labels and filters saved, then used by the export."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.exports.profiles import profiles_path
from coachdesk.ui.exports.dialogs import ContractListDialog, WeeklyExportDialog
from coachdesk.ui.exports.profile_editor import KEY_ROLE, ProfileEditor
from coachdesk.ui.widgets import background, messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def french(qtbot: QtBot, home: Path):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    messages.quiet = True
    messages.last_messages.clear()
    yield
    messages.quiet = False
    for translator in translators:
        app.removeTranslator(translator)


def keys_and_labels(editor: ProfileEditor, checked_only: bool = True) -> list[tuple[str, str]]:
    found = []
    for row in range(editor.column_list.count()):
        item = editor.column_list.item(row)
        if checked_only and item.checkState() != Qt.CheckState.Checked:
            continue
        found.append((item.data(KEY_ROLE), item.text()))
    return found


def test_profile_built_by_the_coach_shapes_the_contract_list(
    qtbot: QtBot, french: None, demo_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "run_in_process", False)
    database = open_database(demo_path)
    dialog = ContractListDialog(database, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QPushButton, "editProfiles"), Qt.MouseButton.LeftButton)
    editor = dialog.profile_editor
    assert editor.windowTitle() == "Profils d'export"
    # Starting from the OPCO profile: its columns are ticked, in its order.
    assert editor.name_edit.text() == "opco"
    assert keys_and_labels(editor)[:2] == [("last_name", "Nom"), ("first_name", "Prénom")]

    editor.name_edit.setText("agefos")
    editor.recipient_edit.setText("AGEFOS PME Languedoc-Roussillon")
    keep = {"last_name", "employer", "status", "rupture_on"}
    for row in range(editor.column_list.count()):
        item = editor.column_list.item(row)
        wanted = item.data(KEY_ROLE) in keep
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    # "Statut" goes first: the coach selects it and clicks "Monter" until it is on top.
    status_row = next(r for r in range(editor.column_list.count())
                      if editor.column_list.item(r).data(KEY_ROLE) == "status")
    editor.column_list.setCurrentRow(status_row)
    assert editor.up_button.text() == "Monter"
    for _ in range(status_row):
        qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    # Renamed label, as after a double-click in the list.
    editor.column_list.item(1).setText("NOM DU JEUNE")
    broken = editor.findChild(QCheckBox, "filter_status_Rompu")
    assert broken is not None
    broken.setChecked(True)
    editor.opco_filter.setText("AGEFOS PME ; OPCO EP")
    qtbot.mouseClick(editor.findChild(QPushButton, "saveProfile"), Qt.MouseButton.LeftButton)

    saved = json.loads(profiles_path().read_text(encoding="utf-8"))["agefos"]
    assert saved["recipient"] == "AGEFOS PME Languedoc-Roussillon"
    assert [c["key"] for c in saved["columns"]] == ["status", "last_name", "employer",
                                                     "rupture_on"]
    assert saved["columns"][1]["label"] == "NOM DU JEUNE"
    assert saved["filters"] == {"status": ["Rompu"], "opco": ["AGEFOS PME", "OPCO EP"]}
    # Back in the export dialog the new profile is selected, and the export follows it.
    assert dialog.profile.currentText() == "AGEFOS PME Languedoc-Roussillon"
    out = tmp_path / "agefos.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    rows = list(openpyxl.load_workbook(out)["Contrats"].iter_rows(values_only=True))
    assert rows[0] == ("Statut", "NOM DU JEUNE", "Employeur", "Rompu le")
    assert rows[1:] and all(row[0] == "Rompu" and row[3] is not None for row in rows[1:])
    assert dialog.last_result is not None
    assert dialog.last_result.recipient == "AGEFOS PME Languedoc-Roussillon"
    database.dispose()

    # Re-opened, the editor shows the saved profile as it was left.
    again = ProfileEditor("agefos")
    qtbot.addWidget(again)
    assert keys_and_labels(again) == [("status", "Statut"), ("last_name", "NOM DU JEUNE"),
                                      ("employer", "Employeur"), ("rupture_on", "Rompu le")]
    assert again.opco_filter.text() == "AGEFOS PME ; OPCO EP"


def test_profile_without_name_or_columns_is_refused_in_french(
    qtbot: QtBot, french: None
) -> None:
    editor = ProfileEditor("pole_emploi")
    qtbot.addWidget(editor)
    editor.name_edit.setText("  ")
    editor.save()
    assert messages.last_messages[-1].text.startswith("Donnez un nom au profil.")
    editor.name_edit.setText("vide")
    for row in range(editor.column_list.count()):
        editor.column_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    editor.save()
    assert messages.last_messages[-1].text == "Cochez au moins une colonne."
    assert not profiles_path().exists()


def test_weekly_profile_includes_the_others_and_their_phone(
    qtbot: QtBot, french: None, demo_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "run_in_process", False)
    database = open_database(demo_path)
    dialog = WeeklyExportDialog(database, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.week_day.setDate(QDate(2010, 6, 23))
    qtbot.mouseClick(dialog.findChild(QPushButton, "editProfiles"), Qt.MouseButton.LeftButton)
    editor = dialog.profile_editor
    # Starting from the Mission Locale's: no birth date, phone, e-mail nor address ticked,
    # and the names are no choice (first on every page).
    assert editor.name_edit.text() == "mission_locale"
    ticked = dict(keys_and_labels(editor))
    assert "last_name" not in dict(keys_and_labels(editor, checked_only=False))
    assert {"birth_date", "phone", "email", "address"}.isdisjoint(ticked)
    assert ticked["status"] == "Statut"
    note = editor.findChild(QLabel, "personalDataNote")
    assert note is not None and "ne les cochez que si elle les demande" in note.text()
    left = editor.findChild(QCheckBox, "option_include_left")
    without_consent = editor.findChild(QCheckBox, "option_include_without_consent")
    assert left is not None and without_consent is not None
    assert not left.isChecked() and not without_consent.isChecked()
    assert left.text() == "Aussi les personnes qui ne sont plus dans le dispositif"
    assert without_consent.text() == "Aussi les personnes sans consentement enregistré"

    editor.name_edit.setText("ml_tous")
    editor.recipient_edit.setText("Mission Locale (tous)")
    for row in range(editor.column_list.count()):
        item = editor.column_list.item(row)
        if item.data(KEY_ROLE) == "phone":
            item.setCheckState(Qt.CheckState.Checked)
            assert "Donnée personnelle" in item.toolTip()
    left.setChecked(True)
    without_consent.setChecked(True)
    qtbot.mouseClick(editor.findChild(QPushButton, "saveProfile"), Qt.MouseButton.LeftButton)

    saved = json.loads(profiles_path().read_text(encoding="utf-8"))["ml_tous"]
    assert saved["export"] == "hebdomadaire"
    assert saved["options"] == ["include_left", "include_without_consent"]
    assert "phone" in [c["key"] for c in saved["columns"]]
    assert dialog.profile.currentText() == "Mission Locale (tous)"
    assert dialog.profile_summary.text() == (
        "Toutes les personnes de la promotion. Données personnelles envoyées : Téléphone.")
    out = tmp_path / "tous.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(out)
    people = list(book["Jeunes"].iter_rows(values_only=True))
    assert people[0][:2] == ("Nom", "Prénom") and "Téléphone" in people[0]
    assert len(people) == 1 + 275  # everyone, the 75 « Pas intéressé·e » included
    assert dialog.last_result is not None
    assert dialog.last_result.recipient == "Mission Locale (tous)"
    database.dispose()


def test_closing_the_editor_with_a_column_unticked_asks_first(
    qtbot: QtBot, french: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = ProfileEditor("opco")
    qtbot.addWidget(editor)
    editor.show()
    # Starting from another profile is no change: it closes without a word.
    editor.chooser.setCurrentIndex(editor.chooser.findData("pole_emploi"))
    assert not editor.has_unsaved_changes()
    editor.column_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    monkeypatch.setattr(messages, "answers", [False])
    editor.reject()
    assert editor.isVisible()
    assert messages.last_messages[-1].kind == "question"
    assert messages.last_messages[-1].text.startswith("Fermer sans enregistrer ?")
    monkeypatch.setattr(messages, "answers", [True])
    editor.reject()
    assert not editor.isVisible()
    assert not profiles_path().exists()  # nothing saved
