"""The first-run welcome: an empty database opens on two steps, a cohort then its contacts.

Shown instead of the tabs while nobody is listed in the database; the coach may leave it for
the tabs at any time (to enter people by hand, or begin with the employers). Each step says
whether it is done, and nothing on it is greyed out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox, QStackedWidget

    from coachdesk.db import Database
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


class WelcomeWindow(Protocol):
    """What the welcome needs of the main window (which is one)."""

    database: Database | None

    @property
    def pages(self) -> QStackedWidget: ...

    @property
    def tabs(self) -> QWidget: ...

    @property
    def new_cohort_action(self) -> QAction: ...

    @property
    def cohort_selector(self) -> QComboBox: ...

    @property
    def cohort_tab(self) -> Any: ...


class FirstRun:
    """When the window shows the welcome: while nobody is listed in its database, until the
    coach leaves it for the tabs (then not again until another database is opened)."""

    def __init__(self, window: WelcomeWindow) -> None:
        self.window = window
        self.page: WelcomePage | None = None
        self.left = False

    def shown(self) -> bool:
        return self.page is not None and self.window.pages.currentWidget() is self.page

    def show_if_new(self) -> None:
        """The welcome in place of the tabs while nobody is listed (and the coach did not
        leave it); once people are listed, the tabs show them."""
        from coachdesk.services.first_steps import first_steps

        window = self.window
        if window.database is None or self.left:
            return
        steps = first_steps(window.database)
        if steps.has_people:
            self.leave()
            return
        if self.page is None:
            self.page = WelcomePage(
                new_cohort=window.new_cohort_action.trigger,
                import_contacts=lambda: window.cohort_tab.open_import(),
                open_tabs=self.leave,
            )
            window.pages.addWidget(self.page)
        self.page.show_steps(steps, window.cohort_selector.currentText())
        window.pages.setCurrentWidget(self.page)

    def leave(self) -> None:
        self.left = True
        self.window.pages.setCurrentWidget(self.window.tabs)
