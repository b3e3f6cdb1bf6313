"""Sécurité ▸ Sauvegardes automatiques: a second folder typed and not saved is not lost without
a question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from coachdesk.ui.app_window.backup_settings import EXTRA_FOLDER_SETTING, BackupSettingsDialog
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[messages.Shown]]:
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    monkeypatch.setattr(messages, "answers", [])
    yield messages.last_messages


def test_cancel_after_typing_a_folder_asks_and_saving_it_does_not(
    qtbot: QtBot, tmp_path: Path, home: Path, quiet: list[messages.Shown]
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    usb = tmp_path / "clé"
    usb.mkdir()
    dialog = BackupSettingsDialog(settings, folder=tmp_path / "backups")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(usb))
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    messages.answers.append(False)
    cancel.click()
    assert dialog.isVisible() and dialog.folder.text() == str(usb)
    assert [shown.kind for shown in quiet] == ["question"]
    assert settings.value(EXTRA_FOLDER_SETTING) is None  # nothing saved
    # Saved, it closes without a question.
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible() and len(quiet) == 1
    assert settings.value(EXTRA_FOLDER_SETTING) == str(usb)
