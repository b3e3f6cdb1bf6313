"""The first-run welcome: an empty database opens on two steps, a cohort then its contacts.

Shown instead of the tabs while nobody is listed in the database; the coach may leave it for
the tabs at any time (to enter people by hand, or begin with the employers). Each step says
whether it is done, and nothing on it is greyed out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.first_steps import FirstSteps

DONE = "✓"


class _Step(QFrame):
    """One numbered step: what to do, why, and its button."""

    def __init__(self, number: int, title: str, button: QPushButton) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.mark = QLabel(str(number))
        self.mark.setObjectName(f"step{number}Mark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setFixedWidth(36)
        font = self.mark.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.mark.setFont(font)
        self.title = QLabel(title)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.detail = QLabel()
        self.detail.setObjectName(f"step{number}Detail")
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.addWidget(self.mark)
        row.addLayout(text, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_done(self, done: bool, number: int) -> None:
        self.mark.setText(DONE if done else str(number))


class WelcomePage(QWidget):
    """Two steps to a first cohort: « Nouvelle promotion… », then « Importer des contacts… »."""

    def __init__(
        self,
        new_cohort: Callable[[], None],
        import_contacts: Callable[[], None],
        open_tabs: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to CoachDesk"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "This database is new: nobody is listed in it yet. Two steps start a cohort; "
            "everything else (information sessions, bilan, employers, contracts) follows "
            "from the people you list."))
        intro.setWordWrap(True)

        self.new_cohort_button = QPushButton(self.tr("New cohort…"))
        self.new_cohort_button.setObjectName("welcomeNewCohort")
        self.new_cohort_button.clicked.connect(new_cohort)
        self.import_button = QPushButton(self.tr("Import contacts…"))
        self.import_button.setObjectName("welcomeImport")
        self.import_button.clicked.connect(import_contacts)
        for button in (self.new_cohort_button, self.import_button):
            button.setMinimumWidth(220)
        self.cohort_step = _Step(1, self.tr("Create the cohort"), self.new_cohort_button)
        self.import_step = _Step(2, self.tr("Import its contacts"), self.import_button)

        tabs = QPushButton(self.tr("Go to the tabs"))
        tabs.setObjectName("welcomeOpenTabs")
        tabs.setFlat(True)
        tabs.setCursor(Qt.CursorShape.PointingHandCursor)
        # Drawn as a link: a way out, not a third step.
        tabs.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; "
                           "border: none; padding: 2px; }")
        tabs.clicked.connect(open_tabs)
        later = QLabel(self.tr("To enter people by hand, or to begin with the employers:"))
        footer = QHBoxLayout()
        footer.addWidget(later)
        footer.addWidget(tabs)
        footer.addStretch(1)

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(6)
        column.addWidget(self.cohort_step)
        column.addWidget(self.import_step)
        column.addSpacing(6)
        column.addLayout(footer)
        column.addStretch(1)
        # A readable column in the middle of a large window.
        content = QWidget()
        content.setMaximumWidth(760)
        content.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 36, 24, 24)
        outer.addStretch(1)
        outer.addWidget(content, 4)
        outer.addStretch(1)

    def show_steps(self, steps: FirstSteps, shown_cohort: str = "") -> None:
        """Say which steps are done; ``shown_cohort`` is the one the import would fill."""
        cohort = (shown_cohort or steps.cohorts[0]) if steps.cohorts else None
        self.cohort_step.set_done(cohort is not None, 1)
        self.import_step.set_done(steps.has_people, 2)
        if cohort is None:
            self.cohort_step.detail.setText(self.tr(
                "Its name, its training or certificate, its dates and the enrolment deadline."))
            self.import_step.detail.setText(self.tr(
                "The file of the university or of the Mission Locale, as they sent it (Excel, "
                "LibreOffice or CSV). Without a cohort, the import creates one named after the "
                "year, to complete later."))
            self.new_cohort_button.setText(self.tr("New cohort…"))
        else:
            self.cohort_step.detail.setText(
                self.tr("Cohort « %1 » created.").replace("%1", cohort))
            self.import_step.detail.setText(self.tr(
                "The file of the university or of the Mission Locale, as they sent it (Excel, "
                "LibreOffice or CSV), into « %1 ». Duplicates are recognised and never "
                "imported twice.").replace("%1", cohort))
            self.new_cohort_button.setText(self.tr("Another cohort…"))
