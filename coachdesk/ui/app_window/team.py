"""Team mode in the window: Fichier ▸ Rejoindre une équipe…, Synchroniser, Conflits…, and the
status line ("synchronisé il y a 4 min · 3 modifications à envoyer · 1 conflit").

The window runs the same steps as ``coachdesk sync join`` and ``coachdesk sync``
(``coachdesk.sync.team``) in the worker process of ``ui/widgets/background``: the coach keeps
working while the laptop synchronises, and the status line says so. The status line reads
``engine.status`` (counts only, no personal data); it is hidden while the database has not
joined a team.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu

from coachdesk.ui.widgets.enabling import explain_enabled

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.sync.engine import SyncStatus
    from coachdesk.sync.team import Joined, SyncOutcome
    from coachdesk.ui.widgets.background import BackgroundJob

log = logging.getLogger(__name__)

# How often the status line reads the counts again (and "il y a 4 min" moves on).
REFRESH_MS = 30_000


class TeamActions(QObject):
    """The team menu entries and the status line of one main window."""

    # Data came from the team (a synchronisation, a join, a settled conflict): the window
    # shows it again.
    data_changed = Signal()
    # A synchronisation or a join started (True) or ended: the window does not swap the
    # database's file (restore, protect) meanwhile.
    running_changed = Signal(bool)

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.database: Database | None = None
        self.database_key: bytes | None = None
        self.job: BackgroundJob | None = None
        # How the last synchronisation of this session stopped, if it did ("" when it ran).
        self.problem = ""
        self.offline = False
        # While the window is locked nothing is shown nor started.
        self.locked = False
        self.join_action = QAction(self.tr("&Join a team…"), self)
        self.join_action.setObjectName("joinTeamAction")
        self.join_action.triggered.connect(lambda _checked=False: self.join())
        self.sync_action = QAction(self.tr("&Synchronise"), self)
        self.sync_action.setObjectName("synchroniseAction")
        self.sync_action.triggered.connect(lambda _checked=False: self.synchronise())
        self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
        self.conflicts_action.setObjectName("conflictsAction")
        self.conflicts_action.triggered.connect(lambda _checked=False: self.show_conflicts())
        for action in self.actions:
            menu.addAction(action)
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        self.status_label.hide()
        window.statusBar().addPermanentWidget(self.status_label)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self.refresh()

    def _tick(self) -> None:
        """The timed refresh: only for a window on screen (a closed window's database may be
        gone or rewritten), and a failed read waits for the next tick rather than interrupt
        the coach — the next action on the database says what is wrong."""
        if not self.window.isVisible():
            return
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self.refresh()
        except SQLAlchemyError as error:
            log.info("team status not read: %s", type(error).__name__)

    @property
    def actions(self) -> list[QAction]:
        return [self.join_action, self.sync_action, self.conflicts_action]

    @property
    def running(self) -> bool:
        return self.job is not None

    def set_database(self, database: Database | None, key: bytes | None = None) -> None:
        self.database, self.database_key = database, key
        self.problem, self.offline = "", False
        self.refresh()
        if database is not None:
            self._timer.start()
        else:
            self._timer.stop()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.refresh()

    def current_status(self) -> SyncStatus | None:
        if self.database is None:
            return None
        from coachdesk.sync import engine

        return engine.status(self.database)

    def refresh(self) -> None:
        """Read the counts again; set the status line and which actions make sense."""
        status = self.current_status()
        joined = status is not None and status.joined
        free = not self.locked and not self.running
        # Greyed, each says why (status tip and tooltip).
        why = (self.tr("No database is open.") if status is None
               else self.tr("The window is locked.") if self.locked
               else self.tr("The laptop is synchronising: wait until it is done.")
               if self.running else self.tr("This database is not part of a team: join one "
                                            "first (File ▸ Join a team…)."))
        explain_enabled(self.join_action, status is not None and not joined and free,
                        self.tr("This database already belongs to a team.")
                        if joined and free else why)
        explain_enabled(self.sync_action, joined and free, why)
        explain_enabled(self.conflicts_action, joined and not self.locked, why)
        if status is None or not joined:
            self.status_label.hide()
            return
        self.status_label.setText(self.status_text(status))
        self.status_label.setToolTip(
            self.tr("Team server: %1 — %2, %3").replace("%1", status.server_url)
            .replace("%2", status.structure_name).replace("%3", status.coach_name)
            + (f"\n{self.problem}" if self.problem else "")
            + (f"\n{status.blocked_message}" if status.blocked_message else "")
        )
        self.status_label.show()

    def status_text(self, status: SyncStatus, now: datetime | None = None) -> str:
        """One line: when the last synchronisation ran, what waits, what went wrong."""
        if self.running:
            parts = [self.tr("synchronising…")]
        elif status.blocked_message:
            parts = [self.tr("synchronisation blocked (see the tooltip)")]
        elif self.problem:
            parts = [self.tr("offline") if self.offline else self.tr("synchronisation failed")]
        else:
            parts = []
        parts.append(self.last_sync_text(status.last_sync_at, now))
        parts.append(self.tr("%n change(s) to send", "", status.pending))
        if status.open_conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.open_conflicts))
        if status.duplicates:
            parts.append(self.tr("%n possible duplicate(s)", "", status.duplicates))
        if status.refused:
            parts.append(self.tr("%n change(s) refused", "", status.refused))
        return " · ".join(parts)

    def last_sync_text(self, last: str | None, now: datetime | None = None) -> str:
        if not last:
            return self.tr("never synchronised")
        moment = datetime.fromisoformat(last)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        minutes = int(((now or datetime.now(UTC)) - moment).total_seconds() // 60)
        if minutes < 1:
            return self.tr("synchronised just now")
        if minutes < 60:
            return self.tr("synchronised %n min ago", "", minutes)
        if minutes < 24 * 60:
            return self.tr("synchronised %n h ago", "", minutes // 60)
        return self.tr("synchronised on %1").replace(
            "%1", f"{moment.astimezone():%d/%m/%Y %H:%M}")

    # Joining -------------------------------------------------------------------------------
    def join(self, url: str | None = None, code: str | None = None) -> bool:
        """Ask the server's address and the one-time code, then join in the worker process.

        ``url`` and ``code`` skip the dialog (tests)."""
        from coachdesk.ui.app_window.team_dialogs import JoinTeamDialog
        from coachdesk.ui.widgets import background

        database = self.database
        if database is None or database.path is None or self.running:
            return False
        if url is None or code is None:
            dialog = JoinTeamDialog(self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            url, code = dialog.address(), dialog.code()
        self.job = background.run_job(
            self.window, "coachdesk.sync.team.join_job",
            (str(database.path), self.database_key, url, code),
            self.tr("Joining the team…"), self._joined)
        self._watch(self.job)
        return True

    def _joined(self, result: Joined) -> None:
        from coachdesk.ui.widgets import messages

        messages.info(
            self.window, self.tr("Join a team"),
            self.tr("This laptop joined the team « %1 » (%2, %3): %n record(s) received.", "",
                    result.received)
            .replace("%1", result.team).replace("%2", result.structure)
            .replace("%3", result.coach)
            + " " + self.tr("%n change(s) of this laptop sent to the team.", "", result.sent))
        self.data_changed.emit()

    # Synchronising -------------------------------------------------------------------------
    def synchronise(self) -> bool:
        """Send this laptop's changes, then receive the team's, without holding the window."""
        from coachdesk.ui.widgets import background

        database = self.database
        if database is None or database.path is None or self.running or self.locked:
            return False
        self.job = background.run_job(
            self.window, "coachdesk.sync.team.synchronise_job",
            (str(database.path), self.database_key), self.tr("Synchronising…"),
            self._synchronised)
        # The coach keeps working meanwhile: the status line, not a dialog, says it runs.
        self.job.dialog.setMinimumDuration(2**31 - 1)
        self._watch(self.job)
        return True

    def _watch(self, job: BackgroundJob) -> None:
        job.ended.connect(self._ended)
        # A job run inline (tests) has already ended when run_job returns.
        if getattr(job, "_finished", False):
            self._ended()
        else:
            self.refresh()
            self.running_changed.emit(True)

    def _ended(self) -> None:
        self.job = None
        self.refresh()
        self.running_changed.emit(False)

    def _synchronised(self, outcome: SyncOutcome) -> None:
        from coachdesk.ui.widgets import messages

        self.problem, self.offline = outcome.message, outcome.offline
        report = outcome.report
        if report is None:
            # Offline is no error to acknowledge: the status line says it, its tooltip why.
            if not outcome.offline:
                messages.warn(self.window, self.tr("Synchronise"), outcome.message)
            return
        self.window.statusBar().showMessage(report.sentence(), 15_000)
        self.data_changed.emit()

    # Conflicts -----------------------------------------------------------------------------
    def show_conflicts(self) -> QDialog | None:
        from coachdesk.ui.app_window.team_dialogs import ConflictsDialog

        if self.database is None:
            return None
        dialog = ConflictsDialog(self.database, self.window)
        dialog.settled.connect(self._settled)
        dialog.open()
        return dialog

    def _settled(self) -> None:
        self.refresh()
        self.data_changed.emit()

