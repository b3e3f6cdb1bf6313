"""The "Protect the workbook with a password" box of every export dialog.

Checked by default when the open database is protected (encrypted): a workbook drawn from it
then travels protected too, unless the coach unticks the box, and the plain-workbook warning
comes back. The box proposes a strong password made to be read on the phone
(``workbook_password.propose_password``); the coach may type another one, judged by the same
rule as the command line's. The password lives in the widget for the time of the dialog, is
handed to the export job and kept nowhere.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WorkbookPasswordBox(QGroupBox):
    """A checkable group: the proposed password, "Propose another", and how to give it (not
    copied to the clipboard, where clipboard managers would keep it)."""

    def __init__(self, protected_database: bool, parent: QWidget | None = None) -> None:
        from coachdesk.exports.workbook_password import propose_password

        super().__init__(self.tr("Protect the workbook with a password"), parent)
        self.setObjectName("workbookPassword")
        self.setCheckable(True)
        self.setChecked(protected_database)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.password_edit = QLineEdit(propose_password())
        self.password_edit.setObjectName("exportPassword")
        self.password_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.password_edit.setAccessibleName(self.tr("Workbook password"))
        row.addWidget(self.password_edit, 1)
        another = QPushButton(self.tr("Propose another"))
        another.setObjectName("proposePassword")
        another.clicked.connect(lambda: self.password_edit.setText(propose_password()))
        row.addWidget(another)
        layout.addLayout(row)
        self.advice = QLabel(self.tr(
            "Excel and LibreOffice ask for this password to open the workbook. Give it to the "
            "recipient by phone (or in person), never in the e-mail that carries the workbook. "
            "CoachDesk keeps it nowhere: note it before exporting."
        ))
        self.advice.setObjectName("passwordAdvice")
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)

    def password(self) -> str | None:
        """The password to protect the workbook with, or None for a plain workbook."""
        return self.password_edit.text() if self.isChecked() else None

    def weakness(self) -> str | None:
        """Why the typed password is too easy to guess (French), None when it will do."""
        from coachdesk.exports.workbook_password import password_weakness

        password = self.password()
        return password_weakness(password) if password is not None else None
