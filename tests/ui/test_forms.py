"""The one form-dialog base and the shared date fields: what the coach sees on a bad entry."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.fields import NO_DATE, date_edit, date_of, set_date
from coachdesk.ui.widgets.forms import FormDialog

# A dialog without a parent is a window: the offscreen platform cannot pass its size hints on.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class _NameDialog(FormDialog):
    def __init__(self) -> None:
        super().__init__("Nom")
        self.name = QLineEdit()
        self.form.addRow("Nom", self.name)
        self.written: list[str] = []

    def save(self) -> str | None:
        if not self.name.text():
            raise UserError("Le champ « Nom » est obligatoire.", hint="Saisissez un nom.")
        self.written.append(self.name.text())
        return "id-1"


def test_a_bad_entry_shows_its_message_and_its_hint_once_and_keeps_what_was_typed(
    qtbot: QtBot,
) -> None:
    dialog = _NameDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Le champ « Nom » est obligatoire.\nSaisissez un nom."
    dialog.name.setText("Lefèvre")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["id-1"]
    assert not dialog.isVisible()
    assert (dialog.written, dialog.saved_id) == (["Lefèvre"], "id-1")


def test_a_form_that_asks_for_it_says_the_error_in_a_message_box(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])

    class Boxed(_NameDialog):
        ERRORS_IN_A_MESSAGE_BOX = True

    dialog = Boxed()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.error.isVisible()
    assert [shown.text for shown in messages.last_messages] == [
        "Le champ « Nom » est obligatoire.\nSaisissez un nom."
    ]


def test_date_fields_read_jj_mm_aaaa_and_an_optional_one_may_stay_empty(qtbot: QtBot) -> None:
    required = date_edit(date(2010, 2, 22), name="heldOn")
    optional = date_edit(optional=True)
    for edit in (required, optional):
        qtbot.addWidget(edit)
    assert required.objectName() == "heldOn" and required.text() == "22/02/2010"
    assert date_of(required) == date(2010, 2, 22)
    assert optional.text() == "—" and date_of(optional) is None
    set_date(optional, date(1990, 5, 17))
    assert date_of(optional) == date(1990, 5, 17)
    set_date(optional, None)
    assert optional.date() == NO_DATE and date_of(optional) is None
    assert date_of(date_edit()) == QDate.currentDate().toPython()
