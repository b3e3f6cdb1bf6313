"""Aide ▸ À propos de CoachDesk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def show_about(parent: QWidget) -> None:
    from coachdesk import __version__
    from coachdesk.ui.widgets import messages

    messages.info(
        parent,
        QCoreApplication.translate("MainWindow", "About CoachDesk"),
        QCoreApplication.translate(
            "MainWindow",
            "CoachDesk %1\nThe coaches' desk: from the dropouts' contact file to a lasting "
            "work-study contract.",
        ).replace("%1", __version__),
    )
