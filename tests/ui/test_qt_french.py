"""Qt's own dialogs speak French: the file dialog's labels and buttons, the calendar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

# Words that only an untranslated Qt dialog would show.
ENGLISH = ("Look in", "Files of type", "File name", "Cancel", "Open", "Save", "Detail View")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _visible_words(dialog: QFileDialog) -> list[str]:
    words = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    words += [button.text() for button in dialog.findChildren(QPushButton) if button.text()]
    return [word.replace("&", "") for word in words]


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_qt_s_file_dialog_is_french_to_the_last_label(
    qtbot: QtBot, french: None, tmp_path, mode: QFileDialog.AcceptMode,
) -> None:
    dialog = QFileDialog(None, "Choisir un fichier", str(tmp_path), "Classeurs (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    words = _visible_words(dialog)
    assert "Voir dans :" in [word.replace("\xa0", " ") for word in words]
    assert "Fichiers de type :" in [word.replace("\xa0", " ") for word in words]
    english = [word for word in words if any(text in word for text in ENGLISH)]
    assert english == []


def test_without_the_translators_the_same_labels_are_english(qtbot: QtBot, tmp_path) -> None:
    # The test above can fail: without CoachDesk's catalogue Qt says these words in English.
    dialog = QFileDialog(None, "Choisir un fichier", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert any("Look in" in word for word in _visible_words(dialog))
