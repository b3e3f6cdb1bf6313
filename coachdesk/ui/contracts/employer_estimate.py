"""The contracts tab's « Estimation employeur (PDF)… »: the selected contract's cost net of the
hiring aids in force at its start, written as the one-page PDF a coach gives the employer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages


def ask_estimate_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the estimate: a file dialog in the coach's Documents folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    title = QCoreApplication.translate("EmployerEstimate", "Save the employer estimate")
    kinds = QCoreApplication.translate("EmployerEstimate", "PDF documents (*.pdf)")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested),
                                                  kinds)
    return Path(chosen) if chosen else None


def print_employer_estimate(
    parent: QWidget, database: Database, contract_id: str,
    ask_path: Callable[[str], Path | None],
) -> Path | None:
    """Write the estimate of ``contract_id`` where the coach chooses; None when cancelled or
    refused (the French reason shown)."""
    from coachdesk.exports.employer_estimate import write_employer_estimate
    from coachdesk.services.employer_estimate import contract_estimate

    try:
        estimate = contract_estimate(database, contract_id)
        # No one's name in the file name: it ends up in recent-file lists.
        target = ask_path(f"estimation-employeur-{estimate.starts_on:%Y-%m-%d}.pdf")
        if target is None:
            return None
        write_employer_estimate(target, estimate)
    except UserError as error:
        messages.user_error(parent, error)
        return None
    title = QCoreApplication.translate("EmployerEstimate", "Employer estimate")
    saved = QCoreApplication.translate("EmployerEstimate", "Estimate saved: %1")
    messages.info(parent, title, saved.replace("%1", str(target)) + "\n" + estimate.summary_fr)
    return target
