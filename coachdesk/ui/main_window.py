"""The main window: a cohort selector over five tabs, opened before the database is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from coachdesk import paths
from coachdesk.ui import messages
from coachdesk.ui.bilan_tab import BilanTab
from coachdesk.ui.cohort_tab import CohortTab
from coachdesk.ui.contracts_tab import ContractsTab
from coachdesk.ui.dashboard_tab import DashboardTab
from coachdesk.ui.employers_tab import EmployersTab
from coachdesk.ui.list_tab import ListTab

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.agenda import AgendaItem


def settings() -> QSettings:
    """CoachDesk's settings file, in the config folder (portable mode keeps it on the key)."""
    return QSettings(str(paths.config_dir() / "coachdesk.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """Tabs Cohorte, Bilan, Employeurs, Suivi des contrats and Tableau de bord.

    The window paints first and reads the database right after (``attach_database``), so the
    coach sees CoachDesk at once even when the database is large or must be prepared.
    """

    first_painted = Signal()
    database_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self._painted = False
        self.setWindowTitle("CoachDesk")
        self.setMinimumSize(760, 480)

        toolbar = QToolBar(self.tr("Cohort"))
        toolbar.setObjectName("cohortToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Cohort:") + " "))
        self.cohort_selector = QComboBox()
        self.cohort_selector.setObjectName("cohortSelector")
        self.cohort_selector.setMinimumContentsLength(48)
        self.cohort_selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        toolbar.addWidget(self.cohort_selector)
        self.addToolBar(toolbar)

        self.cohort_tab = CohortTab(None)
        self.bilan_tab = BilanTab(None)
        self.employers_tab = EmployersTab(None)
        self.contracts_tab = ContractsTab(None)
        self.dashboard_tab = DashboardTab(None)
        self.tab_list: list[ListTab] = [
            self.cohort_tab,
            self.bilan_tab,
            self.employers_tab,
            self.contracts_tab,
            self.dashboard_tab,
        ]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        titles = [
            self.tr("Cohort"),
            self.tr("Bilan"),
            self.tr("Employers"),
            self.tr("Contract follow-up"),
            self.tr("Dashboard"),
        ]
        for tab, title in zip(self.tab_list, titles, strict=True):
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage(self.tr("Opening the database…"))

        self._build_menus()
        self._build_shortcuts()
        self.cohort_selector.currentIndexChanged.connect(self._cohort_changed)
        self.dashboard_tab.agenda.open_record.connect(self.open_agenda_item)
        self._restore_geometry()

    # Set-up -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About CoachDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_shortcuts(self) -> None:
        for number in range(len(self.tab_list)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda index=number: self.tabs.setCurrentIndex(index))
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._find)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self._create_new)

    def _restore_geometry(self) -> None:
        geometry = settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    # Database ---------------------------------------------------------------------------------
    def attach_database(self, database: Database) -> None:
        """Show the data of ``database``: fill the cohort selector, then the visible tab."""
        from coachdesk.services.cohorts import list_cohorts

        self.database = database
        self.setWindowTitle(f"CoachDesk — {database.name}")
        for tab in self.tab_list:
            tab.set_database(database)
        with database.read() as session:
            cohorts = list_cohorts(session)
        self.cohort_selector.blockSignals(True)
        self.cohort_selector.clear()
        for cohort in cohorts:
            self.cohort_selector.addItem(cohort.name, cohort.id)
        self.cohort_selector.blockSignals(False)
        self._cohort_changed()
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(database.path)))
        self.database_ready.emit()

    def show_database_error(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("No database open."))
        self.setWindowTitle("CoachDesk")
        messages.warn(self, "CoachDesk", text)

    def current_cohort_id(self) -> str | None:
        value = self.cohort_selector.currentData()
        return str(value) if value else None

    def _cohort_changed(self) -> None:
        cohort_id = self.current_cohort_id()
        for tab in self.tab_list:
            tab.set_cohort(cohort_id)

    # Actions ----------------------------------------------------------------------------------
    def _find(self) -> None:
        self.tabs.setCurrentWidget(self.cohort_tab)
        self.cohort_tab.focus_search()

    def _create_new(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ListTab):
            current.create_new()

    def open_agenda_item(self, item: AgendaItem) -> None:
        """Show the record behind an item of the week's agenda, in its tab, selected."""
        if item.record_table in ("contract", "enrolment"):
            self.tabs.setCurrentWidget(self.contracts_tab)
            if item.contract_id is not None:
                self.contracts_tab.select_contract(item.contract_id)
            elif item.participant_id is not None:
                self.contracts_tab.select_participant(item.participant_id)
            return
        if item.record_table == "recruitment_interview":
            self.tabs.setCurrentWidget(self.employers_tab)
            return
        self.tabs.setCurrentWidget(self.cohort_tab)
        if item.participant_id is not None:
            self._select_participant(item.participant_id)

    def _select_participant(self, participant_id: str) -> None:
        tab = self.cohort_tab
        tab.search.clear()
        tab.stage_filter.setCurrentIndex(0)
        tab.apply_filter()
        for row in range(tab.model.rowCount()):
            if tab.model.row_at(row).id == participant_id:
                index = tab.model.index(row, 0)
                tab.view.selectRow(row)
                tab.view.scrollTo(index)
                tab.view.setFocus()
                return

    def _about(self) -> None:
        from coachdesk import __version__

        messages.info(
            self,
            self.tr("About CoachDesk"),
            self.tr(
                "CoachDesk %1\nThe coaches' desk: from the dropouts' contact file to a lasting "
                "work-study contract."
            ).replace("%1", __version__),
        )

    # Events -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Leave the paint handler before doing any work.
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = settings()
        store.setValue("main_window/geometry", self.saveGeometry())
        store.sync()
        if self.database is not None:
            self.database.dispose()
        super().closeEvent(event)
