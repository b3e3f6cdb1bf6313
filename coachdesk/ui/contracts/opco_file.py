"""The contracts tab's printing row, with « Dossier OPCO… »: the selected contract's every CERFA
field, in the form's order, written as a PDF and an xlsx side by side where the coach chooses
(``exports.opco_file``), to fill the OPCO's portal in one pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages


def ask_opco_file_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (the xlsx goes beside it): a file dialog in Documents."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    title = QCoreApplication.translate("OpcoFileAction", "Save the OPCO file")
    kinds = QCoreApplication.translate("OpcoFileAction", "PDF documents (*.pdf)")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested),
                                                  kinds)
    return Path(chosen) if chosen else None


class OpcoPasswordDialog(QDialog):
    """Asked before an OPCO file is written from a protected database: the password that
    protects both files (ticked by default; unticked, they are written in clear)."""

    def __init__(self, parent: QWidget) -> None:
        from coachdesk.ui.widgets.password_box import WorkbookPasswordBox

        super().__init__(parent)
        self.setObjectName("opcoPasswordDialog")
        self.setWindowTitle(self.tr("OPCO file"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The database is encrypted: the OPCO file (PDF and workbook) holds "
                               "the person's social security number. Protect both files with "
                               "this password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.password_box = WorkbookPasswordBox(True, self)
        layout.addWidget(self.password_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept_if_strong)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept_if_strong(self) -> None:
        weakness = self.password_box.weakness()
        if weakness is not None:
            messages.warn(self, self.tr("OPCO file"), weakness)
            return
        self.accept()


def ask_opco_password(parent: QWidget) -> tuple[bool, str | None]:
    """(go on, password): the coach's choice in :class:`OpcoPasswordDialog`."""
    dialog = OpcoPasswordDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.password_box.password()


class OpcoFileAction(QObject):
    """« Dossier OPCO… » on the selected contract of ``tab`` (the contracts tab)."""

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.setObjectName("opcoFileAction")
        self.tab = tab
        self.button = QPushButton(self.tr("OPCO file…"))
        self.button.setObjectName("opcoFile")
        self.button.setToolTip(self.tr("Every field of the CERFA in the form's order, as a PDF "
                                       "and an Excel workbook, to fill the OPCO's portal"))
        self.button.clicked.connect(self.write)
        # Tests replace it; the window asks with a file dialog.
        self.ask_path: Callable[[str], Path | None] = (
            lambda suggested: ask_opco_file_path(self.tab, suggested))
        self.ask_password: Callable[[], tuple[bool, str | None]] = (
            lambda: ask_opco_password(self.tab))

    def _protected(self) -> bool:
        """True when the open database is encrypted (the main window holds its key)."""
        return isinstance(getattr(self.tab.window(), "database_key", None), bytes)

    def write(self) -> tuple[Path, Path] | None:
        """Write the selected contract's OPCO file; None when nothing is selected, cancelled
        or refused (the French reason shown)."""
        from coachdesk.exports.opco_file import write_opco_pdf, write_opco_xlsx
        from coachdesk.services.cerfa import opco_file

        line = self.tab.current_contract()
        if line is None or self.tab.database is None:
            messages.info(self.tab, self.tr("OPCO file"),
                          self.tr("Select a contract in the list first."))
            return None
        try:
            file = opco_file(self.tab.database, line.id)
            # No one's name in the file name: it ends up in recent-file lists.
            target = self.ask_path(f"dossier-opco-{file.starts_on:%Y-%m-%d}.pdf")
            if target is None:
                return None
            password: str | None = None
            if self._protected():
                go_on, password = self.ask_password()
                if not go_on:
                    return None
            pdf = write_opco_pdf(target.with_suffix(".pdf"), file, password=password)
            xlsx = write_opco_xlsx(target.with_suffix(".xlsx"), file, password=password).path
        except UserError as error:
            messages.user_error(self.tab, error)
            return None
        saved = self.tr("OPCO file saved: %1 and %2.").replace("%1", str(pdf)).replace(
            "%2", xlsx.name)
        if password is not None:
            saved += "\n" + self.tr("Both files are protected by the password: give it by "
                                    "phone, never in the e-mail that carries them.")
        missing = file.missing
        if missing:
            saved += "\n" + self.tr("%1 field(s) still to fill in: %2.").replace(
                "%1", str(len(missing))).replace("%2", " ; ".join(missing))
        messages.info(self.tab, self.tr("OPCO file"), saved)
        return pdf, xlsx


def paper_row(tab: Any, *more: QWidget) -> QHBoxLayout:
    """The tab's second row of buttons: print the last visit, the employer's estimate, the OPCO
    file, set an alert aside, then ``more``."""
    row = QHBoxLayout()
    action = OpcoFileAction(tab)
    for button in (tab.print_button, tab.estimate_button, action.button,
                   tab.acknowledge_button, *more):
        row.addWidget(button)
    return row
