"""Every message the window shows goes through here: information, warnings, errors, questions.

Tests read ``last_messages`` instead of patching QMessageBox: when ``quiet`` is set (tests), no
dialog opens and the message is only recorded; a question is then answered yes, or with the
next of ``answers`` when a test put some there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk.errors import UserError


@dataclass(frozen=True)
class Shown:
    kind: str
    title: str
    text: str


last_messages: list[Shown] = []
quiet = False
# The answers a quiet test gives to the next questions, in order (then yes).
answers: list[bool] = []


def _quiet_answer() -> bool:
    return answers.pop(0) if answers else True


def _show(kind: str, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    last_messages.append(Shown(kind, title, text))
    if quiet:
        return
    icon = {
        "info": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "error": QMessageBox.Icon.Critical,
    }[kind]
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    _show("info", parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show("warning", parent, title, text)


def user_error(parent: QWidget | None, error: UserError) -> None:
    """A problem the coach can fix: the service's French message, and its hint."""
    title = QApplication.translate("Messages", "CoachDesk")
    _show("warning", parent, title, str(error))


def unexpected_error(parent: QWidget | None, report_text: str, report_path: str) -> None:
    title = QApplication.translate("Messages", "Unexpected error")
    text = QApplication.translate(
        "Messages",
        "Something went wrong. Nothing was saved half-way.\n"
        "The details below were written to {path}; please send that file to the CoachDesk team.",
    ).format(path=report_path)
    _show("error", parent, title, text, details=report_text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    last_messages.append(Shown("question", title, text))
    if quiet:
        return _quiet_answer()
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def discard_changes(parent: QWidget | None, title: str) -> bool:
    """A form with changes is being closed: lose them? The safe answer is the default."""
    text = QApplication.translate(
        "Messages", "Close without saving? What you changed in this form will be lost."
    )
    last_messages.append(Shown("question", title, text))
    if quiet:
        return _quiet_answer()
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    discard = box.addButton(QApplication.translate("Messages", "Close without saving"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QApplication.translate("Messages", "Go back to the form"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
