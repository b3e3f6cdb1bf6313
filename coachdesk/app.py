"""Start the window: Qt application, French translations, error hook, then the database.

The window is shown before anything heavy is imported or read; the database is opened (and
the demo prepared, with ``--demo``) right after its first paint.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from coachdesk import paths
from coachdesk.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

    from coachdesk.db import Database
    from coachdesk.ui.app_window.first_look_view import FirstLookReader
    from coachdesk.ui.app_window.main_window import MainWindow

TRANSLATION_FILE = "coachdesk_fr.qm"


def install_translators(app: QApplication) -> list[QTranslator]:
    """French for Qt's own widgets (qtbase_fr) and for CoachDesk's strings."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    installed = []
    qt_translator = QTranslator(app)
    if qt_translator.load(
        "qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    ours = QTranslator(app)
    if ours.load(str(paths.resource("i18n", TRANSLATION_FILE))):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def _install_error_hook(app: QApplication) -> None:
    """Unexpected errors become a dialog with a copyable report, and a log entry.

    A full disk, a read-only medium, a failing disk or a damaged database is no unexpected
    error: the coach reads what happened and what to do, in French, and no report is written.
    Reports hold no personal data (``coachdesk.logs``).
    """
    from coachdesk.errors import explain_failure
    from coachdesk.logs import format_report, write_crash_report
    from coachdesk.ui.widgets import messages

    def hook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        window = app.activeWindow()
        database = getattr(getattr(window, "database", None), "path", None)
        explained = explain_failure(exc, database=database)
        if explained is not None:
            messages.user_error(window, explained)
            return
        path = write_crash_report(exc_type, exc, tb)
        messages.unexpected_error(
            window,
            format_report(exc_type, exc, tb),
            str(path) if path is not None else QCoreApplication.translate(
                "App", "(the report could not be written: is the disk full?)"
            ),
        )

    sys.excepthook = hook


def _creation_allowed(window: QWidget, path: Path, chosen: bool) -> bool:
    """May a database be created at ``path``? Yes on the first run with the coach's own
    database; for a file named on the command line that does not exist, the coach says so."""
    if path.exists() or not chosen:
        return True
    from coachdesk.ui.widgets import messages

    return messages.confirm(
        window,
        QCoreApplication.translate("App", "New database"),
        QCoreApplication.translate(
            "App", "The database « %1 » does not exist. Create a new, empty database there?"
        ).replace("%1", str(path)),
    )


def database_path(db_path: Path | None, demo: bool) -> Path:
    """The database the window opens: ``db_path``, the coach's own (None), or a fresh copy of
    the demo."""
    if demo:
        from coachdesk.services.demo_sessions import fresh_demo_copy

        return fresh_demo_copy()
    return (db_path if db_path is not None else paths.default_db_path()).absolute()


def open_in_window(
    window: MainWindow,
    db_path: Path | None,
    demo: bool,
    on_shown: Callable[[], None] | None = None,
    early: FirstLookReader | None = None,
) -> None:
    """Open the window's database: ``db_path``, the coach's own (None), or a fresh demo copy.

    A plain database's list is shown before the database is opened (``first_look``):
    ``on_shown`` is then called once it is painted. ``early``: that path and list, read since
    CoachDesk started.

    A database is created only on purpose: the first run on the coach's own database, the
    demo, or a new file the coach agrees to create. A protected database that went missing is
    refused by ``open_database``, never recreated. Whatever goes wrong is said in French.
    """
    from coachdesk.database_lock import DatabaseLock
    from coachdesk.db_snapshot import check_plain_sqlite
    from coachdesk.ui.app_window.first_look_view import forget_first_look, show_first_look

    lock = None
    path: Path | None = None
    first_run = False
    # The database and its data key (None when it is plain).
    opened: tuple[Database, bytes | None] | None = None
    try:
        path = early.path() if early is not None else database_path(db_path, demo)
        if _creation_allowed(window, path, chosen=db_path is not None and not demo):
            if not path.parent.exists():
                from coachdesk.files import private_dir

                # The first run: the coach's data folder, so the new database is locked too.
                private_dir(path.parent)
            # One database, one CoachDesk: refuse before reading anything.
            lock = DatabaseLock(path)
            lock.acquire()
            first_run = not demo and not path.exists()
            # A plain database (the demo, one never protected) opens with nothing to ask: the
            # encryption and its dialogs are not even loaded.
            if check_plain_sqlite(path):
                # The list first, straight from the file; then the database behind it.
                if (not first_run and show_first_look(window, path, early)
                        and on_shown is not None):
                    on_shown()
                from coachdesk.db import open_database

                opened = (open_database(path, create=True), None)
            else:
                from coachdesk.ui.app_window.passphrase_dialog import open_interactively

                asked = open_interactively(window, path)
                opened = None if asked is None else (asked.database, asked.key)
        if opened is None:
            if lock is not None:
                lock.release()
            forget_first_look(window)
            window.show_database_error(
                QCoreApplication.translate("App", "The database was not opened.")
            )
        else:
            window.attach_database(*opened, lock, first_run=first_run)
    except UserError as error:
        if lock is not None:
            lock.release()
        forget_first_look(window)
        window.show_database_error(str(error))
    except Exception as exc:
        # A full disk or a read-only medium while opening: said in French, like any other
        # reason the database could not be opened.
        from coachdesk.errors import explain_failure

        if lock is not None:
            lock.release()
        explained = explain_failure(exc, database=path)
        forget_first_look(window)
        if explained is None:
            raise
        window.show_database_error(str(explained))


def run(db_path: Path | None = None, demo: bool = False, exit_when_ready: bool = False) -> int:
    """Open the window on ``db_path`` (default database if None) or on a fresh demo copy."""
    from coachdesk.logs import setup_logging
    from coachdesk.ui.app_window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("CoachDesk")
    app.setApplicationDisplayName("CoachDesk")
    # The taskbar and window icon; on Wayland the desktop entry (packaging/) is matched by name.
    app.setWindowIcon(QIcon(str(paths.resource("icons", "coachdesk.png"))))
    app.setDesktopFileName("coachdesk")
    install_translators(app)
    from coachdesk.ui.widgets.wheel_guard import install_field_wheel_guard

    install_field_wheel_guard(app)
    from coachdesk.ui.widgets.collector import MainThreadCollector

    # Cycles are collected by this thread only: other threads run Python beside the window.
    MainThreadCollector(app)
    setup_logging()
    _install_error_hook(app)

    from coachdesk.ui.app_window.first_look_view import FirstLookReader

    window = MainWindow()

    def open_database() -> None:
        if exit_when_ready:
            painted = window.first_paint_time or time.time()
            print(f"painted {painted:.6f}", file=sys.stderr, flush=True)
        from coachdesk.services.document_copies import remove_stale_copies

        remove_stale_copies()  # documents a crashed CoachDesk left open in a viewer
        shown: list[float] = []
        open_in_window(window, db_path, demo, on_shown=lambda: shown.append(time.time()),
                       early=early)
        # What start-up built (modules, Qt's wrappers, the models' mapping, the list) lives as
        # long as the window: Python's cycle collector no longer walks it. Its full passes
        # then take a few milliseconds, not a tenth of a second in the middle of the coach's
        # work (measured while the Cohorte list reads 80,000 whole rows in the background).
        gc.freeze()
        if exit_when_ready:
            # Ready once the data is painted, not merely read ("ready"); "working" once the
            # database is open behind it and every action works.
            window.repaint()
            working = time.time()
            print(f"ready {shown[0] if shown else working:.6f}", file=sys.stderr, flush=True)
            print(f"working {working:.6f}", file=sys.stderr, flush=True)
            window.close()
            app.quit()

    window.first_painted.connect(open_database)
    window.show()
    # The list is read from the file while the window paints.
    early = FirstLookReader(lambda: database_path(db_path, demo))
    try:
        return app.exec()
    finally:
        from coachdesk.services.document_copies import remove_session_copies

        remove_session_copies()  # the copies this session opened in a viewer
