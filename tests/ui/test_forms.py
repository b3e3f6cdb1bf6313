"""The one form-dialog base and the shared date fields: what the coach sees on a bad entry, dates
typed as coaches write them, a wheel that changes no field without the focus, and a form that
asks before losing what was typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
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


# Forms that cannot slip ------------------------------------------------------------------------
@pytest.fixture
def french(qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[messages.Shown]:
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    monkeypatch.setattr(messages, "answers", [])
    return messages.last_messages


def _active(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active one: focus and keys then go where a coach's do."""
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


class _DateDialog(FormDialog):
    def __init__(self) -> None:
        super().__init__("Contrat")
        self.name = QLineEdit()
        self.start = date_edit(date(2011, 1, 3), name="start")
        self.hours = QSpinBox()
        self.hours.setRange(0, 3000)
        self.hours.setValue(400)
        self.form.addRow("Nom", self.name)
        self.form.addRow("Début", self.start)
        self.form.addRow("Heures de formation", self.hours)
        self.saved_dates: list[date | None] = []

    def save(self) -> str | None:
        self.saved_dates.append(date_of(self.start))
        return "id"


@pytest.mark.parametrize("typed", ["05072010", "5/7/2010", "05/07/2010", "5.7.10", "050710",
                                   "5-7-2010", "2010-07-05", " 5 7 2010 "])
def test_a_date_is_typed_as_coaches_write_it_after_select_all(
    qtbot: QtBot, typed: str
) -> None:
    field = date_edit(date(2011, 1, 3))
    _active(qtbot, field)
    field.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.line, typed.strip())
    # Taken as soon as it is a whole date, before the coach leaves the field.
    assert date_of(field) == date(2010, 7, 5)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.text() == "05/07/2010" and field.text_error() is None


def test_a_click_in_a_date_then_typing_replaces_the_whole_date(qtbot: QtBot) -> None:
    window = QWidget()
    other = QLineEdit(window)
    field = date_edit(date(2011, 1, 3))
    field.setParent(window)
    field.move(0, 40)
    _active(qtbot, window)
    other.setFocus()
    # A click in the middle of the year (the part a coach would not mean to edit alone).
    middle = QPoint(field.line.cursorRect().right() - 12, field.line.height() // 2)
    qtbot.mouseClick(field.line, Qt.MouseButton.LeftButton, pos=middle)
    assert field.line.hasFocus() and field.line.selectedText() == "03/01/2011"
    qtbot.keyClicks(field.line, "5/7/2010")
    assert date_of(field) == date(2010, 7, 5)
    # A second click places the cursor, to correct one digit.
    qtbot.mouseClick(field.line, Qt.MouseButton.LeftButton, pos=middle)
    assert not field.line.hasSelectedText()


def test_arrow_keys_move_a_day_and_page_keys_a_month_and_the_calendar_picks(
    qtbot: QtBot,
) -> None:
    field = date_edit(date(2010, 7, 5))
    _active(qtbot, field)
    field.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_Up)
    assert date_of(field) == date(2010, 7, 6)
    qtbot.keyClick(field.line, Qt.Key.Key_PageDown)
    assert date_of(field) == date(2010, 6, 6)
    with qtbot.waitSignal(field.dateChanged) as changed:
        field.calendarWidget().clicked.emit(QDate(2010, 7, 14))
    assert changed.args == [QDate(2010, 7, 14)] and field.text() == "14/07/2010"


def test_a_date_that_does_not_exist_is_said_with_its_field_and_nothing_is_saved(
    qtbot: QtBot, french: None
) -> None:
    dialog = _DateDialog()
    _active(qtbot, dialog)
    dialog.start.setFocus()
    qtbot.keyClick(dialog.start.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.start.line, "31/02/2010")
    qtbot.keyClick(dialog.start.line, Qt.Key.Key_Tab)
    # Kept as typed, in red, with the reason in its tooltip; the last good date is kept.
    assert dialog.start.text() == "31/02/2010" and "color" in dialog.start.line.styleSheet()
    assert dialog.start.line.toolTip().startswith("« 31/02/2010 » n'est pas une date")
    assert date_of(dialog.start) == date(2011, 1, 3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_dates == []
    assert dialog.error.text() == (
        "Début : « 31/02/2010 » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple "
        "05/07/2010.")
    dialog.start.line.setText("28022010")
    dialog.start.line.editingFinished.emit()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_dates == [date(2010, 2, 28)] and not dialog.isVisible()


def test_the_wheel_over_a_field_without_focus_changes_nothing_and_scrolls_the_form(
    qtbot: QtBot,
) -> None:
    # The case: scrolling over a long form changed « Heures de formation » from 400
    # to 376. Here the fields sit in a scroll area taller than the dialog, like the contract's.
    dialog = QDialog()
    area = QScrollArea(dialog)
    inner = QWidget()
    form = QFormLayout(inner)
    name = QLineEdit()
    form.addRow("Nom", name)
    hours, combo, day = QSpinBox(), QComboBox(), date_edit(date(2010, 7, 5))
    hours.setRange(0, 3000)
    hours.setValue(400)
    combo.addItems(["CDD", "CDI", "Intérim"])
    for label, field in (("Heures de formation", hours), ("Contrat", combo), ("Début", day)):
        form.addRow(label, field)
    for row in range(30):
        form.addRow(f"Ligne {row}", QLineEdit())
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(360, 300)
    dialog.resize(360, 300)
    _active(qtbot, dialog)
    name.setFocus()
    for field in (hours, combo, day):
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus
        area.verticalScrollBar().setValue(0)
        centre = field.mapTo(dialog, field.rect().center())
        for _turn in range(3):
            QTest.wheelEvent(dialog.windowHandle(), centre, QPoint(0, -120))
        assert (hours.value(), combo.currentText(), date_of(day)) == (
            400, "CDD", date(2010, 7, 5))
        assert name.hasFocus()  # the wheel took no focus
        assert area.verticalScrollBar().value() > 0  # the form scrolled instead
    # In the field (clicked, or reached with Tab), the wheel does change it.
    area.verticalScrollBar().setValue(0)
    hours.setFocus()
    QTest.wheelEvent(dialog.windowHandle(), hours.mapTo(dialog, hours.rect().center()),
                     QPoint(0, 120))
    assert hours.value() == 401


# Closing a form with changes asks first --------------------------------------------------------
def _close_by(dialog: FormDialog, how: str, qtbot: QtBot) -> None:
    if how == "cancel":
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()  # the window's close button


@pytest.mark.parametrize("how", ["cancel", "escape", "close button"])
def test_closing_a_form_with_changes_asks_first(
    qtbot: QtBot, quiet: list[messages.Shown], how: str
) -> None:
    dialog = _DateDialog()
    _active(qtbot, dialog)
    # Unchanged: it closes without a word.
    _close_by(dialog, how, qtbot)
    assert not dialog.isVisible() and quiet == []
    dialog = _DateDialog()
    _active(qtbot, dialog)
    dialog.hours.setValue(376)
    messages.answers.append(False)  # « Revenir au formulaire »
    _close_by(dialog, how, qtbot)
    assert dialog.isVisible() and dialog.hours.value() == 376
    assert [(shown.kind, shown.title) for shown in quiet] == [("question", "Contrat")]
    messages.answers.append(True)  # « Fermer sans enregistrer »
    _close_by(dialog, how, qtbot)
    assert not dialog.isVisible() and dialog.saved_dates == []


def test_a_change_undone_or_a_search_typed_is_no_change(
    qtbot: QtBot, quiet: list[messages.Shown]
) -> None:
    dialog = _DateDialog()
    _active(qtbot, dialog)
    dialog.name.setText("Lefèvre")
    assert dialog.has_unsaved_changes()
    dialog.name.clear()
    assert not dialog.has_unsaved_changes()
    dialog.reject()
    assert not dialog.isVisible() and quiet == []


def test_the_question_is_in_french(qtbot: QtBot, french: None, quiet: list) -> None:
    dialog = _DateDialog()
    _active(qtbot, dialog)
    dialog.name.setText("x")
    dialog.reject()
    assert quiet[-1].text == (
        "Fermer sans enregistrer ? Ce que vous avez modifié dans ce formulaire sera perdu.")
