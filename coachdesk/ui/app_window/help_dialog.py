"""Aide ▸ Guide de CoachDesk: a short French guide, offline, shipped in resources/help.

The guide is Markdown (``resources/help/guide_fr.md``), shown by Qt's own text browser: the
keyboard shortcuts of the window, of the call sheet and of the forms, then the main steps of
the programme as a coach does them. A test checks that the window's shortcuts it lists are the
ones the window defines.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from coachdesk import paths

GUIDE = ("help", "guide_fr.md")


def guide_text() -> str:
    """The guide, or a French sentence saying it is missing (a damaged installation)."""
    try:
        return paths.resource(*GUIDE).read_text(encoding="utf-8")
    except OSError:
        return ("# Guide de CoachDesk\n\nLe guide n'a pas été trouvé dans l'installation : "
                "lancez « coachdesk diagnostic » et transmettez le résultat à l'assistance.")


class GuideDialog(QDialog):
    """The guide in a window of its own, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("CoachDesk guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def show_guide(window: QWidget) -> GuideDialog:
    """The guide beside ``window``: the one already open is brought to the front."""
    existing = window.findChild(GuideDialog)
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = GuideDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_about(parent: QWidget) -> None:
    """Aide ▸ À propos de CoachDesk: the version and what CoachDesk is for."""
    from coachdesk import __version__
    from coachdesk.ui.widgets import messages

    messages.info(
        parent,
        QCoreApplication.translate("AboutBox", "About CoachDesk"),
        QCoreApplication.translate(
            "AboutBox",
            "CoachDesk %1\nThe coaches' desk: from the dropouts' contact file to a lasting "
            "work-study contract.",
        ).replace("%1", __version__),
    )
