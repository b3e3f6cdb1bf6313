"""The main window: a cohort selector over five tabs, opened before the database is read."""

from __future__ import annotations

import importlib
import logging
import time
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from coachdesk.ui.app_window import tab_slot
from coachdesk.ui.app_window.database_actions import DatabaseActions
from coachdesk.ui.app_window.promotion_actions import PromotionActions
from coachdesk.ui.app_window.tab_slot import TabSlot
from coachdesk.ui.app_window.team import TeamActions
from coachdesk.ui.app_window.welcome import FirstRun
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.settings import settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from coachdesk.changes import Change
    from coachdesk.database_lock import DatabaseLock
    from coachdesk.db import Database
    from coachdesk.services.agenda import AgendaItem
    from coachdesk.ui.bilan.tab import BilanTab
    from coachdesk.ui.cohort.tab import CohortTab
    from coachdesk.ui.contracts.tab import ContractsTab
    from coachdesk.ui.dashboard.tab import DashboardTab
    from coachdesk.ui.employers.tab import EmployersTab
    from coachdesk.ui.widgets.list_tab import ListTab


def help_dialog() -> ModuleType:
    """The guide and the about box, loaded when first asked for, not before the window paints."""
    return importlib.import_module("coachdesk.ui.app_window.help_dialog")


class MainWindow(QMainWindow):
    """Tabs Cohorte, Bilan, Employeurs, Suivi des contrats and Tableau de bord.

    The window paints first and reads the database right after (``attach_database``), so the
    coach sees CoachDesk at once even when the database is large or must be prepared.
    """

    first_painted = Signal()
    database_ready = Signal()
    # After the window showed a write (every tab, count and selector): the Change.
    data_changed = Signal(object)

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
        self.cohort_selector.setPlaceholderText(self.tr("No cohort yet"))
        toolbar.addWidget(self.cohort_selector)
        self.addToolBar(toolbar)

        self.tab_list: list[TabSlot] = [
            TabSlot(self._make_cohort_tab),
            TabSlot(tab_slot.make_bilan_tab),
            TabSlot(tab_slot.make_employers_tab),
            TabSlot(tab_slot.make_contracts_tab),
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
        # The tabs, or the first-run welcome in their place while nobody is listed.
        self.pages = QStackedWidget()
        self.pages.setObjectName("mainPages")
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self.first_run = FirstRun(self)
        self.statusBar().showMessage(self.tr("Opening the database…"))
        # Said for as long as it is true, discreetly: a plain database of personal data.
        self.protection_status = QLabel(self.tr("Database not protected by a passphrase"))
        self.protection_status.setObjectName("protectionStatus")
        self.protection_status.setToolTip(
            self.tr("Anybody with this laptop or a copy of its files can read the data. "
                    "Security ▸ Protect with a passphrase…")
        )
        self.protection_status.hide()
        self.statusBar().addPermanentWidget(self.protection_status)
        # The identity of the open database (its backup folder), read once when it opens.
        self.database_identity: Any = None

        self._pending_shortcuts: list[tuple[QAction, Callable[[], Any]]] = []
        self._shortcuts_built = False
        # Protect, change the passphrase, back up, restore: the database's file (its own module).
        self.database_actions = DatabaseActions(self, self)
        self._build_menus()
        # Every committed write, wherever it was made, reaches the selector (and every tab,
        # each listening for itself).
        change_relay().changed.connect(self._show_change)
        self._hearing_changes = True
        self.cohort_selector.currentIndexChanged.connect(self._cohort_changed)
        # Right after the first paint: the lock, idle and backup helpers, then the shortcuts.
        self.first_painted.connect(self.finish_setup)
        self._restore_geometry()

    def _build_security(self) -> None:
        if hasattr(self, "locker"):
            return
        from coachdesk.ui.app_window.backup_settings import AutoBackup
        from coachdesk.ui.app_window.lock import (
            IdleWatcher,
            WindowLocker,
            clear_views,
            idle_minutes_setting,
        )

        self.locker = WindowLocker(
            self,
            hide_data=lambda: clear_views(self.built_tabs()),
            show_data=self._show_data,
            protected=lambda: self.database_key is not None,
            check_passphrase=self._check_passphrase,
        )
        self.locker.locked_changed.connect(self._locked_changed)
        self.idle = IdleWatcher(idle_minutes_setting(settings()), self)
        self.idle.idle.connect(self.lock)
        self.auto_backup = AutoBackup(settings, self)
        self.auto_backup.finished.connect(self.database_actions.backup_finished)
        self.auto_backup.damaged.connect(self.database_actions.database_damaged)

    # The tabs, built on first use ------------------------------------------------------------
    def _make_cohort_tab(self) -> ListTab:
        tab = cast("CohortTab", tab_slot.make_cohort_tab())
        tab.show_cohort.connect(self.show_cohort_named)
        return tab

    def _make_dashboard_tab(self) -> ListTab:
        tab = tab_slot.make_dashboard_tab()
        # Each item of the week's agenda opens its record.
        tab.agenda.open_record.connect(self.open_agenda_item)
        return tab

    @property
    def cohort_tab(self) -> CohortTab:
        return cast("CohortTab", self.tab_list[0].tab())

    @property
    def bilan_tab(self) -> BilanTab:
        return cast("BilanTab", self.tab_list[1].tab())

    @property
    def employers_tab(self) -> EmployersTab:
        return cast("EmployersTab", self.tab_list[2].tab())

    @property
    def contracts_tab(self) -> ContractsTab:
        return cast("ContractsTab", self.tab_list[3].tab())

    @property
    def dashboard_tab(self) -> DashboardTab:
        return cast("DashboardTab", self.tab_list[4].tab())

    # Set-up -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        # Join a team, Synchronise, Conflicts… and the status line of team mode.
        self.team = TeamActions(self, file_menu)
        self.team.data_changed.connect(self.reload_data)
        self.team.running_changed.connect(lambda _running: self._update_security_actions())
        file_menu.addSeparator()
        from coachdesk.ui.app_window.new_cohort import new_cohort_action

        # « Nouvelle promotion… », from the menu and from the first-run welcome alike.
        self.new_cohort_action = new_cohort_action(self, self, file_menu)
        self.restore_action = file_menu.addAction(
            self.tr("&Restore a backup…"), lambda: self.database_actions.restore_backup())
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.setEnabled(False)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        self._shortcut_later(quit_action, lambda: "Ctrl+Q")  # as the guide says, on every system
        self.promotion_actions = PromotionActions(self, self)
        self._build_security_menus()
        self._build_export_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("CoachDesk &guide"), self.open_guide)
        guide.setObjectName("guideAction")
        self._shortcut_later(guide, lambda: "F1")
        help_menu.addAction(self.tr("&About CoachDesk"), lambda: help_dialog().show_about(self))

    def _shortcut_later(self, action: QAction, key: Callable[[], Any]) -> None:
        """Give ``action`` its shortcut once the window has painted.

        The first key sequence makes PySide6 build Python types for Qt's key enumerations
        (~25 ms): that is done after the first paint, with the window's other shortcuts.
        """
        self._pending_shortcuts.append((action, key))

    def _build_security_menus(self) -> None:
        from coachdesk.ui.app_window.lock import IDLE_CHOICES, idle_minutes_setting

        idle_minutes = idle_minutes_setting(settings())
        # Actions that show or change data: disabled while the window is locked.
        self.data_actions: list[QAction] = []

        def add(
            menu: QMenu, text: str, slot: Callable[[], Any], shortcut: str | None = None
        ) -> QAction:
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
        actions = self.database_actions
        self.protect_action = add(security, self.tr("&Protect with a passphrase…"), actions.protect)
        self.change_action = add(
            security, self.tr("&Change the passphrase…"), actions.change_passphrase
        )
        security.addSeparator()
        add(security, self.tr("Automatic &backups…"), actions.backup_settings)
        add(security, self.tr("Back up &now"), actions.backup_now)
        gdpr = self.menuBar().addMenu(self.tr("&GDPR"))

        def opener(which: str) -> Callable[[], None]:
            return lambda: self._gdpr(which)

        for text, which in (
            (self.tr("&Retention period and purge…"), "retention"),
            (self.tr("Right of &access: export a person's data…"), "access"),
            (self.tr("&Erase a person…"), "erase"),
            (self.tr("&Missing information/consent dates…"), "consent"),
        ):
            add(gdpr, text, opener(which))
        self.data_actions = [*security.actions(), *gdpr.actions()]
        self.data_actions.remove(self.lock_action)
        self._update_security_actions()

    def finish_setup(self) -> None:
        """What waits for the first paint; done at once when data arrives before it."""
        self._build_security()
        self._build_shortcuts()
        self._build_current_tab()

    def _build_export_menu(self) -> None:
        from coachdesk.ui.app_window.export_menu import ExportMenu

        # Exports show data: disabled while the window is locked, like the security actions.
        self.data_actions.extend(ExportMenu(self, self).actions)
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
            shortcut.activated.connect(lambda index=number: self.show_tab(index))
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
        *,
        first_run: bool = False,
    ) -> None:
        """Show the data of ``database``: fill the cohort selector, then the visible tab.

        ``key`` is the data key of a protected database; ``lock`` the single-user lock held
        on it (released on close). ``first_run``: the coach's database was just created, and
        protecting it is proposed once.
        """
        self.finish_setup()
        from coachdesk.services.backups import identity_of

        self.database = database
        self.database_key = key
        if lock is not None:
            self.database_lock = lock
        self.database_identity = identity_of(database)
        self.auto_backup.set_database(database)
        self._update_security_actions()
        self.protection_status.setVisible(key is None and not self.database_identity.is_demo)
        self.setWindowTitle(f"CoachDesk — {database.name}")
        for tab in self.tab_list:
            tab.set_database(database)
        self.first_run.left = False
        self.reload_data(keep_cohort=False)
        self.team.set_database(database, key)
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(database.path)))
        self.database_ready.emit()
        if first_run and key is None and not self.database_identity.is_demo:
            QTimer.singleShot(0, self.database_actions.offer_protection)

    def detach_database(self) -> None:
        """Close the open database (its engine) before its file is replaced or rewritten; the
        single-user lock stays held."""
        self.auto_backup.set_database(None)
        self.team.set_database(None)
        if self.database is not None:
            self.database.dispose()

    def show_database_error(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("No database open."))
        self.setWindowTitle("CoachDesk")
        from coachdesk.ui.widgets import messages

        messages.warn(self, "CoachDesk", text)

    def reload_data(self, *, keep_cohort: bool = True) -> None:
        """Read the promotions again (the chosen one stays chosen) and every tab's data: a
        database opened, or the team's changes brought in by the synchronisation's process."""
        if not keep_cohort:
            self.cohort_selector.blockSignals(True)
            self.cohort_selector.clear()
            self.cohort_selector.blockSignals(False)
        before = self.current_cohort_id()
        self.refresh_cohorts()
        if self.current_cohort_id() == before:  # (else refresh_cohorts told the tabs)
            self._cohort_changed()
        self.first_run.show_if_new()

    def current_cohort_id(self) -> str | None:
        value = self.cohort_selector.currentData()
        return str(value) if value else None

    def refresh_cohorts(self, select: str | None = None) -> None:
        """Read the cohorts again into the selector, keeping the one shown (or showing
        ``select``, a cohort id); with none shown yet, the most recent one is."""
        if self.database is None:
            return
        shown = self.current_cohort_id()
        wanted = select or shown
        # (label, id): archived ones too, marked, under Promotion ▸ Show archived promotions.
        cohorts = self.promotion_actions.selector_items(self.database)
        selector = self.cohort_selector
        listed = [(selector.itemText(i), selector.itemData(i)) for i in range(selector.count())]
        if listed != cohorts:
            selector.blockSignals(True)
            selector.clear()
            for label, cohort_id in cohorts:
                selector.addItem(label, cohort_id)
            selector.blockSignals(False)
        index = selector.findData(wanted) if wanted else -1
        selector.blockSignals(True)
        selector.setCurrentIndex(index if index >= 0 else (0 if cohorts else -1))
        selector.blockSignals(False)
        if self.current_cohort_id() != shown:
            self._cohort_changed()

    def show_cohort_named(self, name: str) -> None:
        """Show the cohort called ``name`` (contacts were just imported into it)."""
        from coachdesk.services.cohorts import cohort_choices

        if self.database is None:
            return
        wanted = next((c.id for c in cohort_choices(self.database) if c.name == name), None)
        self.refresh_cohorts(select=wanted)

    def _show_change(self, change: Change) -> None:
        """A write was committed (a dialog, the import, a GDPR action…): the selector is read
        again when cohorts changed. Each tab hears it too (``ListTab.data_changed``) and
        reloads at once when visible, or when next shown."""
        if self.database is None:
            return
        if hasattr(self, "locker") and self.locker.locked:
            # Nothing is shown while locked: unlocking reads every view again (_show_data).
            return
        if change.touches({"cohort"}):
            self.refresh_cohorts()
        if change.touches({"cohort", "participant"}):
            self.first_run.show_if_new()
        self.data_changed.emit(change)

    def _cohort_changed(self) -> None:
        cohort_id = self.current_cohort_id()
        for tab in self.tab_list:
            tab.set_cohort(cohort_id)
        if self.first_run.shown():
            self.first_run.show_if_new()  # (it names the cohort the import would fill)

    # Actions ----------------------------------------------------------------------------------
    def _build_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, TabSlot):
            current.tab()

    def show_tab(self, index: int) -> ListTab:
        """Bring a tab to the front (building it if needed) and return it."""
        self.first_run.leave()
        self.tabs.setCurrentIndex(index)
        return self.tab_list[index].tab()

    def _find(self) -> None:
        self.show_tab(0)
        self.cohort_tab.focus_search()

    def _create_new(self) -> None:
        self.first_run.leave()
        current = self.tabs.currentWidget()
        if isinstance(current, TabSlot):
            current.tab().create_new()

    def open_agenda_item(self, item: AgendaItem) -> None:
        """Show the record behind an agenda item: a contract or an enrolment (Suivi des contrats),
        an interview or an employer's reminder (Employeurs), else the person's file."""
        if item.record_table in ("contract", "enrolment"):
            self.show_tab(3)
            if item.contract_id is not None:
                self.contracts_tab.select_contract(item.contract_id)
            elif item.participant_id is not None:
                self.contracts_tab.select_participant(item.participant_id)
        elif item.record_table == "recruitment_interview":
            self.show_tab(2)
            self.employers_tab.select_interview(item.record_id)
        elif item.participant_id is None and item.employer_id is not None:
            self.show_tab(2)
            self.employers_tab.show_employer(item.employer_id)
        else:
            self.show_tab(0)
            if item.participant_id is not None:
                self.cohort_tab.open_file(item.participant_id)

    def open_guide(self) -> QWidget:
        """Aide ▸ Guide de CoachDesk (F1): the French guide, beside the window."""
        return cast("QWidget", help_dialog().show_guide(self))

    # Security and GDPR ------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every personal datum until the passphrase (or a confirmation) is given."""
        if self.database is not None:
            self.locker.lock()

    def set_idle_minutes(self, minutes: int) -> None:
        from coachdesk.ui.app_window.lock import IDLE_SETTING

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

    def _show_data(self) -> None:
        """Unlocked: every view read again, with whatever was written meanwhile."""
        self.refresh_cohorts()
        self._cohort_changed()

    def _locked_changed(self, locked: bool) -> None:
        self.pages.setEnabled(not locked)
        # Cohort names may name a place or a partner: hidden too.
        toolbar = self.findChild(QToolBar, "cohortToolbar")
        if toolbar is not None:
            toolbar.setVisible(not locked)
        for action in self.data_actions:
            action.setEnabled(not locked)
        self.team.set_locked(locked)
        if locked:
            self.idle.pause()
            self.statusBar().showMessage(self.tr("Locked."))
        else:
            self.idle.resume()
            self._update_security_actions()
            self.statusBar().clearMessage()

    def _update_security_actions(self) -> None:
        has_db = self.database is not None and self.database.path is not None
        no_db = self.tr("No database is open.")
        for action in self.data_actions:
            explain_enabled(action, has_db, no_db)
        explain_enabled(self.lock_action, has_db, no_db)
        # The database's file is not swapped while the laptop synchronises.
        syncing = self.tr("The laptop is synchronising with the team: wait until it is done.")
        ready = has_db and not self.team.running
        why = no_db if not has_db else syncing
        explain_enabled(self.protect_action, ready and self.database_key is None,
                        why if not ready else self.tr(
                            "The database is already protected by a passphrase."))
        explain_enabled(self.change_action, ready and self.database_key is not None,
                        why if not ready else self.tr(
                            "The database has no passphrase yet: protect it first."))
        explain_enabled(self.restore_action, ready, why)
        self.team.refresh()

    def _gdpr(self, which: str) -> None:
        from coachdesk.ui.app_window.gdpr_dialogs import open_gdpr_dialog

        open_gdpr_dialog(self, which)

    # Events -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint_time = time.time()
            # Leave the paint handler before doing any work.
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Whatever fails on the way out (a full disk, a damaged file), the database is disposed
        # and its lock released: nothing escapes from here.
        try:
            store = settings()
            store.setValue("main_window/geometry", self.saveGeometry())
            store.sync()
        except Exception as exc:
            log.warning("window geometry not saved: %s", type(exc).__name__)
        if self.database is not None:
            try:
                if hasattr(self, "auto_backup"):
                    self.auto_backup.on_close()
            except Exception as exc:
                log.warning("last backup failed on close: %s", type(exc).__name__)
            try:
                self.database.dispose()
            except Exception as exc:
                log.warning("database not disposed cleanly: %s", type(exc).__name__)
        if self._hearing_changes:
            self._hearing_changes = False
            change_relay().changed.disconnect(self._show_change)
        if self.database_lock is not None:
            try:
                self.database_lock.release()
            except Exception as exc:
                log.warning("lock not released: %s", type(exc).__name__)
        super().closeEvent(event)
