"""The main window: a cohort selector over five tabs, opened before the database is read."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    from coachdesk.services.agenda import AgendaItem
    from coachdesk.ui.bilan_tab import BilanTab
    from coachdesk.ui.cohort_tab import CohortTab
    from coachdesk.ui.contracts_tab import ContractsTab
    from coachdesk.ui.dashboard_tab import DashboardTab
    from coachdesk.ui.employers_tab import EmployersTab
    from coachdesk.ui.list_tab import ListTab
    from coachdesk.ui.lock import DatabaseLock


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
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> ListTab | None:
        """The tab if it was built already, without building it."""
        return self._tab

    def tab(self) -> ListTab:
        if self._tab is None:
            self._tab = self._factory()
            self._tab.set_database(self._database)
            self._tab.set_cohort(self._cohort_id)
            self._layout.addWidget(self._tab)
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
        window = self.window()
        if self._tab is None and getattr(window, "first_paint_time", 0) is not None:
            # Shown by the coach: build it right after this paint. (At start-up the window
            # builds its first tab once it has painted, so the frame appears at once.)
            QTimer.singleShot(0, self.tab)


def settings() -> QSettings:
    """CoachDesk's settings file, in the config folder (portable mode keeps it on the key).

    The file is private (``0600``): made so before Qt first writes it, which keeps the mode of
    the file it replaces; a file left ``0644`` by an older version is tightened.
    """
    from coachdesk.files import create_private, tighten

    path = paths.config_dir() / "coachdesk.ini"
    try:
        create_private(path)
    except FileExistsError:
        tighten(path)
    except OSError:  # a read-only settings folder: Qt keeps the settings in memory
        pass
    return QSettings(str(path), QSettings.Format.IniFormat)


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
        # The raw key of a protected database (None when plain) and the single-user lock.
        self.database_key: bytes | None = None
        self.database_lock: DatabaseLock | None = None
        self._painted = False
        self.first_paint_time: float | None = None
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
            TabSlot(self._make_dashboard_tab),
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

        self._pending_shortcuts: list[tuple[QAction, Callable[[], Any]]] = []
        self._shortcuts_built = False
        self._build_menus()
        self.cohort_selector.currentIndexChanged.connect(self._cohort_changed)
        # Right after the first paint: the lock, idle and backup helpers, then the shortcuts.
        self.first_painted.connect(self.finish_setup)
        self._restore_geometry()

    def _build_security(self) -> None:
        if hasattr(self, "locker"):
            return
        from coachdesk.ui.backup_settings import AutoBackup
        from coachdesk.ui.lock import IdleWatcher, WindowLocker, idle_minutes_setting

        self.locker = WindowLocker(
            self,
            hide_data=self._hide_data,
            show_data=self._cohort_changed,
            protected=lambda: self.database_key is not None,
            check_passphrase=self._check_passphrase,
        )
        self.locker.locked_changed.connect(self._locked_changed)
        self.idle = IdleWatcher(idle_minutes_setting(settings()), self)
        self.idle.idle.connect(self.lock)
        self.auto_backup = AutoBackup(settings, self)
        self.auto_backup.finished.connect(self._backup_finished)

    # The tabs, built on first use ------------------------------------------------------------
    def _make_dashboard_tab(self) -> ListTab:
        tab = _dashboard_tab()
        # Each item of the week's agenda opens its record.
        tab.agenda.open_record.connect(self.open_agenda_item)  # type: ignore[attr-defined]
        return tab

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
        self._shortcut_later(quit_action, lambda: QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_security_menus()
        self._build_export_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About CoachDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _shortcut_later(self, action: QAction, key: Callable[[], Any]) -> None:
        """Give ``action`` its shortcut once the window has painted.

        The first key sequence makes PySide6 build Python types for Qt's key enumerations
        (~25 ms): that is done after the first paint, with the window's other shortcuts.
        """
        self._pending_shortcuts.append((action, key))

    def _build_security_menus(self) -> None:
        from coachdesk.ui.lock import IDLE_CHOICES, idle_minutes_setting

        idle_minutes = idle_minutes_setting(settings())
        # Actions that show or change data: disabled while the window is locked.
        self.data_actions: list[QAction] = []

        def add(menu, text, slot, shortcut=None):  # type: ignore[no-untyped-def]
            action = QAction(text, self)
            if shortcut is not None:
                self._shortcut_later(action, lambda: shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        security = self.menuBar().addMenu(self.tr("&Security"))
        self.lock_action = add(security, self.tr("&Lock now"), self.lock, "Ctrl+L")
        # On the window too: Ctrl+L works wherever the focus is, menu bar shown or not.
        self.addAction(self.lock_action)
        idle_menu = security.addMenu(self.tr("Lock after inactivity"))
        group = QActionGroup(self)
        for minutes in IDLE_CHOICES:
            action = QAction(self.tr("%n minute(s)", "", minutes), self, checkable=True)
            action.setData(minutes)
            action.setChecked(minutes == idle_minutes)
            action.triggered.connect(lambda _on=False, m=minutes: self.set_idle_minutes(m))
            group.addAction(action)
            idle_menu.addAction(action)
        security.addSeparator()
        self.protect_action = add(security, self.tr("&Protect with a passphrase…"), self._protect)
        self.change_action = add(security, self.tr("&Change the passphrase…"), self._change)
        security.addSeparator()
        add(security, self.tr("Automatic &backups…"), self._backup_settings)
        add(security, self.tr("Back up &now"), self._backup_now)
        gdpr = self.menuBar().addMenu(self.tr("&GDPR"))
        add(gdpr, self.tr("&Retention period and purge…"), self._gdpr_retention)
        add(gdpr, self.tr("Right of &access: export a person's data…"), self._gdpr_access)
        add(gdpr, self.tr("&Erase a person…"), self._gdpr_erase)
        add(gdpr, self.tr("&Missing information/consent dates…"), self._gdpr_consent)
        self.data_actions = [*security.actions(), *gdpr.actions()]
        self.data_actions.remove(self.lock_action)
        self._update_security_actions()

    def finish_setup(self) -> None:
        """What waits for the first paint; done at once when data arrives before it."""
        self._build_security()
        self._build_shortcuts()
        self._build_current_tab()

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
        # Exports show data: disabled while the window is locked, like the security actions.
        self.data_actions.extend(action for action in menu.actions() if not action.isSeparator())
        self._update_security_actions()

    def _build_shortcuts(self) -> None:
        if self._shortcuts_built:
            return
        self._shortcuts_built = True
        for action, key in self._pending_shortcuts:
            action.setShortcut(QKeySequence(key()))
        self._pending_shortcuts.clear()
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
    def attach_database(
        self,
        database: Database,
        key: bytes | None = None,
        lock: DatabaseLock | None = None,
    ) -> None:
        """Show the data of ``database``: fill the cohort selector, then the visible tab.

        ``key`` is the data key of a protected database; ``lock`` the single-user lock held
        on it (released on close).
        """
        self.finish_setup()
        from coachdesk.services.cohorts import list_cohorts

        self.database = database
        self.database_key = key
        if lock is not None:
            self.database_lock = lock
        self.auto_backup.set_database(database.path, key)
        self._update_security_actions()
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
    def _build_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, TabSlot):
            current.tab()

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

    def open_agenda_item(self, item: AgendaItem) -> None:
        """Show the record behind an item of the week's agenda: a contract or an enrolment in
        the Suivi des contrats tab (selected), an interview in the Employeurs tab (selected, with
        its referral), a reminder or a follow-up in the person's file."""
        if item.record_table in ("contract", "enrolment"):
            self.show_tab(3)
            contracts = self.contracts_tab
            if item.contract_id is not None:
                contracts.select_contract(item.contract_id)
            elif item.participant_id is not None:
                contracts.select_participant(item.participant_id)
            return
        if item.record_table == "recruitment_interview":
            self.show_tab(2)
            self.employers_tab.select_interview(item.record_id)
            return
        self.show_tab(0)
        if item.participant_id is not None:
            self.cohort_tab.open_file(item.participant_id)

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

    # Security and GDPR ------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every personal datum until the passphrase (or a confirmation) is given."""
        if self.database is not None:
            self.locker.lock()

    def set_idle_minutes(self, minutes: int) -> None:
        from coachdesk.ui.lock import IDLE_SETTING

        self.idle.set_minutes(minutes)
        store = settings()
        store.setValue(IDLE_SETTING, minutes)
        store.sync()

    def _check_passphrase(self, text: str) -> None:
        from coachdesk.security import crypto

        assert self.database is not None and self.database.path is not None
        crypto.unlock_with_passphrase(self.database.path, text)

    def built_tabs(self) -> list[ListTab]:
        """The tabs built so far (a tab never shown holds no data)."""
        return [slot.built for slot in self.tab_list if slot.built is not None]

    def _hide_data(self) -> None:
        from coachdesk.ui.table_model import RowTableModel

        for tab in self.built_tabs():
            # Every list of the tab, the inner pages' too (contacts, prospecting, grids…).
            for view in {*tab.views, *tab.findChildren(QAbstractItemView)}:
                model = view.model()
                if isinstance(model, RowTableModel) or hasattr(model, "set_rows"):
                    model.set_rows([])
            tab.count_label.clear()
            chart = getattr(tab, "chart", None)
            if chart is not None:
                chart.set_lines([])

    def _locked_changed(self, locked: bool) -> None:
        self.tabs.setEnabled(not locked)
        # Cohort names may name a place or a partner: hidden too.
        toolbar = self.findChild(QToolBar, "cohortToolbar")
        if toolbar is not None:
            toolbar.setVisible(not locked)
        for action in self.data_actions:
            action.setEnabled(not locked)
        if locked:
            self.idle.pause()
            self.statusBar().showMessage(self.tr("Locked."))
        else:
            self.idle.resume()
            self._update_security_actions()
            self.statusBar().clearMessage()

    def _update_security_actions(self) -> None:
        has_db = self.database is not None and self.database.path is not None
        for action in self.data_actions:
            action.setEnabled(has_db)
        self.lock_action.setEnabled(has_db)
        self.protect_action.setEnabled(has_db and self.database_key is None)
        self.change_action.setEnabled(has_db and self.database_key is not None)

    def _protect(self) -> None:
        from coachdesk.db import open_database
        from coachdesk.security import sqlcipher
        from coachdesk.services import audit
        from coachdesk.ui import passphrase_dialog

        if self.database is None or self.database.path is None:
            return
        path = self.database.path
        passphrase = passphrase_dialog.ask_protection(self, path.name)
        if passphrase is None:
            return
        # The swap needs the database closed; the lock stays held meanwhile.
        self.database.dispose()
        try:
            recovery = sqlcipher.protect_database(path, passphrase)
        except Exception:
            self.attach_database(open_database(path, create=False))
            raise
        key = sqlcipher.unlock(path, passphrase=passphrase)
        database = open_database(path, create=False, key=key)
        with database.write() as session:
            audit.record(session, "protect", "Base chiffrée par phrase de passe")
        self.attach_database(database, key)
        passphrase_dialog.show_recovery_key(self, recovery, path.name)

    def _change(self) -> None:
        from coachdesk.services import audit
        from coachdesk.ui import passphrase_dialog

        if self.database is None or self.database.path is None or self.database_key is None:
            return
        from coachdesk.ui import messages

        if passphrase_dialog.ask_passphrase_change(self, self.database.path):
            with self.database.write() as session:
                audit.record(session, "passphrase_change", "Phrase de passe changée")
            messages.info(
                self,
                self.tr("Change the passphrase"),
                self.tr("Passphrase changed. The printed recovery key stays valid."),
            )

    def _backup_settings(self) -> None:
        from coachdesk.ui.backup_settings import BackupSettingsDialog

        BackupSettingsDialog(settings(), self.auto_backup.backup_now, self).exec()

    def _backup_now(self) -> None:
        self._backup_finished(self.auto_backup.backup_now() or self.tr("Nothing to back up."))

    def _backup_finished(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 15_000)

    def _selected_person(self) -> str | None:
        rows = self.cohort_tab.view.selectionModel().selectedRows()
        return self.cohort_tab.model.row_at(rows[0].row()).id if rows else None

    def _gdpr_retention(self) -> None:
        from coachdesk.ui.gdpr_dialogs import RetentionDialog

        if self.database is not None:
            RetentionDialog(self.database, self).exec()
            self._cohort_changed()

    def _gdpr_access(self) -> None:
        from coachdesk.ui.gdpr_dialogs import AccessExportDialog

        if self.database is not None:
            AccessExportDialog(
                self.database,
                self.current_cohort_id(),
                self._selected_person(),
                self,
                encrypted=self.database_key is not None,
            ).exec()

    def _gdpr_erase(self) -> None:
        from coachdesk.ui.gdpr_dialogs import ErasureDialog

        if self.database is not None:
            ErasureDialog(
                self.database, self.current_cohort_id(), self._selected_person(), self
            ).exec()
            self._cohort_changed()

    def _gdpr_consent(self) -> None:
        from coachdesk.ui.gdpr_dialogs import MissingConsentDialog

        if self.database is not None:
            MissingConsentDialog(self.database, self).exec()

    # Events -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint_time = time.time()
            # Leave the paint handler before doing any work.
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = settings()
        store.setValue("main_window/geometry", self.saveGeometry())
        store.sync()
        if self.database is not None:
            self.auto_backup.on_close()
            self.database.dispose()
        if self.database_lock is not None:
            self.database_lock.release()
        super().closeEvent(event)
