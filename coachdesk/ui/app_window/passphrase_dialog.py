"""Passphrases in the window: unlocking a protected database, choosing a new passphrase,
showing the recovery key once, and the overlay of a locked window.

A wrong passphrase never closes a dialog: the French message shows under the field and the
coach types again. Nothing here writes to a database it could not open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.security import crypto

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from coachdesk.db import Database

ERROR_STYLE = "color: #b00020;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, error: UserError) -> None:
    label.setText(str(error))
    label.show()


class _BusyCursor:
    """Key derivation takes a few tenths of a second: show it."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class UnlockDialog(QDialog):
    """Asks the passphrase (or the recovery key) of a protected database until it is right."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self.key: bytes | None = None
        self.used_recovery_key = False
        self.setWindowTitle(self.tr("Protected database"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr("The database « %1 » is protected by a passphrase.").replace(
                "%1", self.database.name
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.field_label = QLabel(self.tr("Passphrase:"))
        layout.addWidget(self.field_label)
        self.secret = QLineEdit()
        self.secret.setObjectName("passphraseField")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.secret)
        self.recovery = QCheckBox(self.tr("I forgot my passphrase: use the printed recovery key"))
        self.recovery.setObjectName("useRecoveryKey")
        self.recovery.toggled.connect(self._recovery_toggled)
        layout.addWidget(self.recovery)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        layout.addWidget(buttons)

    def _recovery_toggled(self, on: bool) -> None:
        self.field_label.setText(
            self.tr("Recovery key (groups of 4 characters):") if on else self.tr("Passphrase:")
        )
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.secret.clear()
        self.error.hide()
        self.secret.setFocus()

    def accept(self) -> None:
        from coachdesk.security import sqlcipher

        text = self.secret.text()
        use_recovery = self.recovery.isChecked()
        try:
            with _BusyCursor():
                if use_recovery:
                    self.key = sqlcipher.unlock(self.database, recovery_key=text)
                else:
                    self.key = sqlcipher.unlock(self.database, passphrase=text)
        except UserError as error:
            _show_error(self.error, error)
            self.secret.selectAll()
            self.secret.setFocus()
            return
        self.used_recovery_key = use_recovery
        super().accept()


class NewPassphraseDialog(QDialog):
    """A new passphrase typed twice (and the current one first, when changing it)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        title: str = "",
        intro: str = "",
        check_current: Callable[[str], Any] | None = None,
        offer_new_key: bool = False,
    ) -> None:
        super().__init__(parent)
        self.passphrase = ""
        self._check_current = check_current
        self.setWindowTitle(title or self.tr("New passphrase"))
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        self.current = QLineEdit()
        self.current.setObjectName("currentPassphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        if check_current is not None:
            form.addRow(self.tr("Current passphrase:"), self.current)
        self.first = QLineEdit()
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("confirmPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("New passphrase:"), self.first)
        form.addRow(self.tr("Type it again:"), self.second)
        layout.addLayout(form)
        self.advice = QLabel(
            self.tr(
                "At least %1 characters, and hard to guess: a sentence easy to remember, for "
                "example four unrelated words. Repeated letters, keyboard rows, dates and "
                "common words are refused."
            ).replace("%1", str(crypto.MIN_PASSPHRASE_LENGTH))
        )
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.new_key = QCheckBox(
            self.tr(
                "Also change the data key (if an old keys file or passphrase may have been "
                "seen): the database and its backups are re-encrypted, and a new recovery key "
                "is shown"
            )
        )
        self.new_key.setObjectName("newDataKey")
        self.new_key.setVisible(offer_new_key)
        layout.addWidget(self.new_key)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            if self._check_current is not None:
                with _BusyCursor():
                    self._check_current(self.current.text())
            crypto.check_passphrase(self.first.text())
            if self.first.text() != self.second.text():
                raise UserError(
                    self.tr("The two passphrases typed are not the same."),
                    hint=self.tr("Type the new passphrase again in both fields."),
                )
        except UserError as error:
            _show_error(self.error, error)
            return
        self.passphrase = self.first.text()
        super().accept()


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, to print or copy out; closes only when the coach says so."""

    def __init__(self, recovery_key: str, database_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.database_name = database_name
        self.setWindowTitle(self.tr("Recovery key — shown only once"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Print this recovery key, or copy it out by hand, and keep it apart from the "
                "laptop. If the passphrase is forgotten, it is the only way back into « %1 »: "
                "nobody, not even the CoachDesk team, can open the database without one or "
                "the other. CoachDesk will not show it again."
            ).replace("%1", database_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel(recovery_key)
        self.key_label.setObjectName("recoveryKey")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_label.setMinimumHeight(56)
        layout.addWidget(self.key_label)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._print)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self._copy)
        self.done_box = QCheckBox(self.tr("I have printed or copied out the key and keep it apart"))
        self.done_box.setObjectName("keptRecoveryKey")
        layout.addWidget(self.done_box)
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.done_box.toggled.connect(self.close_button.setEnabled)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reject(self) -> None:
        if self.done_box.isChecked():
            super().reject()

    def sheet_text(self) -> str:
        """The printed sheet, as plain text."""
        return (
            self.tr("CoachDesk recovery key")
            + "\n\n"
            + self.tr("Database: %1").replace("%1", self.database_name)
            + "\n\n"
            + self.recovery_key
            + "\n\n"
            + self.tr(
                "Keep this sheet apart from the computer. If the passphrase is forgotten, this "
                "key opens the database and lets you choose a new passphrase."
            )
        )

    def print_to(self, printer: QPrinter) -> None:
        document = QTextDocument()
        document.setPlainText(self.sheet_text())
        document.setDefaultFont(QFont("sans-serif", 14))
        document.print_(printer)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.recovery_key)


class UnlockOverlay(QFrame):
    """Opaque cover of a locked window: asks the passphrase, or a confirmation without one."""

    unlocked = Signal()

    def __init__(
        self, protected: bool, check: Callable[[str], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.protected = protected
        self._check = check
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        # A fixed width lets the wrapped explanation take the height it needs.
        box.setFixedWidth(520)
        layout = QVBoxLayout(box)
        title = QLabel(self.tr("CoachDesk is locked"))
        title_font = title.font()
        title_font.setPointSize(title_font.pointSize() + 6)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        if protected:
            text = self.tr("Type the passphrase of the database to show its data again.")
        else:
            text = self.tr(
                "This database has no passphrase: anybody at this computer can unlock it. "
                "Protect it from the Security menu."
            )
        self.explanation = QLabel(text)
        self.explanation.setObjectName("lockExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation.setMinimumHeight(self.explanation.heightForWidth(480))
        layout.addSpacing(8)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockPassphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Passphrase"))
        self.secret.returnPressed.connect(self.try_unlock)
        self.secret.setVisible(protected)
        layout.addWidget(self.secret)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        row = QVBoxLayout()
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(2)

    def focus_input(self) -> None:
        (self.secret if self.protected else self.button).setFocus()

    def try_unlock(self) -> None:
        if self.protected:
            try:
                with _BusyCursor():
                    self._check(self.secret.text())
            except UserError as error:
                self.secret.clear()
                _show_error(self.error, error)
                self.secret.setFocus()
                return
        self.secret.clear()
        self.unlocked.emit()


# --- flows of the window ------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    database: Database
    key: bytes | None


def open_interactively(parent: QWidget | None, path: Path) -> Opened | None:
    """Open ``path`` for the window, asking the passphrase of a protected database.

    Returns None when the coach cancels. A protected database is opened with ``create=False``:
    a file that could not be opened is never recreated or overwritten.
    """
    from coachdesk.db import open_database
    from coachdesk.security import sqlcipher

    path = Path(path)
    if not sqlcipher.is_protected(path):
        lost = sqlcipher.missing_keys_file(path)
        if lost is not None:
            raise lost
        return Opened(open_database(path, create=True), None)
    dialog = UnlockDialog(path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.key is None:
        return None
    key = dialog.key
    if dialog.used_recovery_key:
        choose = NewPassphraseDialog(
            parent,
            title=QApplication.translate("PassphraseFlow", "Choose a new passphrase"),
            intro=QApplication.translate(
                "PassphraseFlow",
                "The recovery key opened the database. Choose a new passphrase now; the "
                "recovery key stays valid.",
            ),
        )
        if choose.exec() == QDialog.DialogCode.Accepted:
            crypto.set_passphrase(path, key, choose.passphrase)
    return Opened(open_database(path, create=False, key=key), key)


def ask_protection(parent: QWidget | None, database_name: str) -> str | None:
    """The passphrase that will protect the database, or None when the coach cancels."""
    dialog = NewPassphraseDialog(
        parent,
        title=QApplication.translate("PassphraseFlow", "Protect with a passphrase"),
        intro=QApplication.translate(
            "PassphraseFlow",
            "« %1 » will be encrypted: without the passphrase (or the recovery key shown next) "
            "nobody can read it, on this laptop or on a copy. Its backups are encrypted too.",
        ).replace("%1", database_name),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase


def show_recovery_key(parent: QWidget | None, recovery_key: str, database_name: str) -> None:
    dialog = RecoveryKeyDialog(recovery_key, database_name, parent)
    dialog.exec()


@dataclass(frozen=True)
class PassphraseChange:
    passphrase: str
    new_key: bool


def ask_passphrase_change(parent: QWidget | None, database: Path) -> PassphraseChange | None:
    """The new passphrase of ``database`` (the current one is asked first), and whether the
    data key changes too; None when the coach cancels. Nothing is changed here."""
    dialog = NewPassphraseDialog(
        parent,
        title=QApplication.translate("PassphraseFlow", "Change the passphrase"),
        intro=QApplication.translate(
            "PassphraseFlow", "The recovery key already printed stays valid, unless the data "
            "key changes too."
        ),
        check_current=lambda text: crypto.unlock_with_passphrase(database, text),
        offer_new_key=True,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return PassphraseChange(dialog.passphrase, dialog.new_key.isChecked())


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the window encrypts or rewrites a database."""
    with _BusyCursor():
        yield
