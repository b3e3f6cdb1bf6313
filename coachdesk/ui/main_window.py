"""The main window: a cohort selector over five tabs, opened before the database is read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coachdesk import paths

if TYPE_CHECKING:
    from collections.abc import Callable

    from coachdesk.db import Database
    from coachdesk.ui.bilan_tab import BilanTab
    from coachdesk.ui.cohort_tab import CohortTab
    from coachdesk.ui.contracts_tab import ContractsTab
    from coachdesk.ui.dashboard_tab import DashboardTab
    from coachdesk.ui.employers_tab import EmployersTab
    from coachdesk.ui.list_tab import ListTab


def _cohort_tab() -> ListTab:
    from coachdesk.ui.cohort_tab import CohortTab

    return CohortTab(None)


def _bilan_tab() -> ListTab:
    from coachdesk.ui.bilan_tab import BilanTab

    return BilanTab(None)


def _employers_tab() -> ListTab:
    from coachdesk.ui.employers_tab import EmployersTab

    return EmployersTab(None)


def _contracts_tab() -> ListTab:
    from coachdesk.ui.contracts_tab import ContractsTab

    return ContractsTab(None)


def _dashboard_tab() -> ListTab:
    from coachdesk.ui.dashboard_tab import DashboardTab

    return DashboardTab(None)


class TabSlot(QWidget):
    """A tab's place in the window, built the first time it is shown.

    Start-up then pays only for the visible tab (its module, its widgets); the slot keeps the
    database and cohort choices and hands them to the tab when it exists.
    """

    def __init__(self, factory: Callable[[], ListTab]) -> None:
        super().__init__()
        self._factory = factory
        self._tab: ListTab | None = None
        self._database: Database | None = None
        self._cohort_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def tab(self) -> ListTab:
        if self._tab is None:
            self._tab = self._factory()
            self._tab.set_database(self._database)
            self._tab.set_cohort(self._cohort_id)
            self.layout().addWidget(self._tab)
            if self.isVisible():
                # Shown now rather than at the next event loop turn, so it loads its data at once.
                self._tab.show()
        return self._tab

    def set_database(self, database: Database | None) -> None:
        self._database = database
        if self._tab is not None:
            self._tab.set_database(database)

    def set_cohort(self, cohort_id: str | None) -> None:
        self._cohort_id = cohort_id
        if self._tab is not None:
            self._tab.set_cohort(cohort_id)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._tab is None:
            # Right after this paint: the window's frame appears first, the tab a moment later.
            QTimer.singleShot(0, self.tab)


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

        self.tab_list: list[TabSlot] = [
            TabSlot(_cohort_tab),
            TabSlot(_bilan_tab),
            TabSlot(_employers_tab),
            TabSlot(_contracts_tab),
            TabSlot(_dashboard_tab),
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
        self._restore_geometry()

    # The tabs, built on first use ------------------------------------------------------------
    @property
    def cohort_tab(self) -> CohortTab:
        return self.tab_list[0].tab()  # type: ignore[return-value]

    @property
    def bilan_tab(self) -> BilanTab:
        return self.tab_list[1].tab()  # type: ignore[return-value]

    @property
    def employers_tab(self) -> EmployersTab:
        return self.tab_list[2].tab()  # type: ignore[return-value]

    @property
    def contracts_tab(self) -> ContractsTab:
        return self.tab_list[3].tab()  # type: ignore[return-value]

    @property
    def dashboard_tab(self) -> DashboardTab:
        return self.tab_list[4].tab()  # type: ignore[return-value]

    # Set-up -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_export_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About CoachDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_export_menu(self) -> None:
        # Dialog classes named, not imported: nothing of the exports loads before first use.
        menu = self.menuBar().addMenu(self.tr("E&xports"))
        menu.setObjectName("exportsMenu")
        for text, dialog_name in (
            (self.tr("Mission Locale &weekly workbook…"), "WeeklyExportDialog"),
            (self.tr("&Evaluator export (pseudonymised)…"), "EvaluatorExportDialog"),
            (self.tr("&Contract list (OPCO, Pôle Emploi)…"), "ContractListDialog"),
            (self.tr("&Progress note (Note d'étape)…"), "ProgressNoteDialog"),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, name=dialog_name: self.open_export(name))
        menu.addSeparator()
        menu.addAction(self.tr("Export p&rofiles…")).triggered.connect(self.open_profiles)
        menu.addAction(self.tr("Export &history…")).triggered.connect(self.open_export_history)

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
        from coachdesk.ui import messages

        messages.warn(self, "CoachDesk", text)

    def current_cohort_id(self) -> str | None:
        value = self.cohort_selector.currentData()
        return str(value) if value else None

    def _cohort_changed(self) -> None:
        cohort_id = self.current_cohort_id()
        for tab in self.tab_list:
            tab.set_cohort(cohort_id)

    # Actions ----------------------------------------------------------------------------------
    def show_tab(self, index: int) -> ListTab:
        """Bring a tab to the front (building it if needed) and return it."""
        self.tabs.setCurrentIndex(index)
        return self.tab_list[index].tab()

    def _find(self) -> None:
        self.show_tab(0)
        self.cohort_tab.focus_search()

    def _create_new(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, TabSlot):
            current.tab().create_new()

    def open_export(self, dialog_name: str) -> QDialog | None:
        """Open an export dialog (a class of ui.export_dialogs) on the selected cohort."""
        from coachdesk.ui import export_dialogs, messages

        if self.database is None:
            messages.warn(self, "CoachDesk", self.tr("No database open."))
            return None
        dialog_class = getattr(export_dialogs, dialog_name)
        return self._open_dialog(dialog_class(self.database, self.current_cohort_id(), self))

    def open_profiles(self) -> QDialog:
        from coachdesk.ui.profile_editor import ProfileEditor

        return self._open_dialog(ProfileEditor(None, self))

    def open_export_history(self) -> QDialog | None:
        from coachdesk.ui import messages
        from coachdesk.ui.export_history import ExportHistoryDialog

        if self.database is None:
            messages.warn(self, "CoachDesk", self.tr("No database open."))
            return None
        return self._open_dialog(ExportHistoryDialog(self.database, self))

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _about(self) -> None:
        from coachdesk import __version__
        from coachdesk.ui import messages

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
