"""One database, one CoachDesk: the lock file beside the database, without Qt.

The window holds the lock for as long as a database is open, and every command that writes
takes it for its run. A second CoachDesk is refused with a French message naming the process
(and the computer) that holds the database.

The lock is an operating-system lock on ``<database>.lock`` (``flock`` on POSIX, a locked byte
range on Windows): the system releases it when its process ends, however it ends, so a lock
left by a CoachDesk that crashed on this computer never blocks the next one. The file also
holds the holder's process number and computer name, for the message; a file left by another
computer (a shared drive) is not taken over, since its system's lock does not reach here.

The lock is taken beside the database's real path (symlinks and relative paths resolved), so
two names of one database file cannot give two locks.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

from coachdesk.errors import UserError

LOCK_SUFFIX = ".lock"
APP_NAME = "CoachDesk"
# Windows locks byte ranges, and a locked range cannot be read by others: the lock is taken on
# a byte far beyond the holder's details, which stay readable.
_WINDOWS_LOCKED_BYTE = 1 << 20


def lock_path(database: Path | str) -> Path:
    """The lock file of ``database``: beside the real file, named ``<name>.lock``."""
    real = Path(database).resolve()
    return real.with_name(real.name + LOCK_SUFFIX)


def _try_lock(fd: int) -> bool:
    """Lock the open file without waiting; False when another CoachDesk holds it."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (a holder releasing its lock
    deletes the file: a lock taken on the deleted file would protect nothing)."""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (opened.st_dev, opened.st_ino)


class DatabaseLock:
    """The single-user lock of one database file (``<database>.lock`` beside it)."""

    def __init__(self, database: Path | str) -> None:
        self.database = Path(database).resolve()
        self.path = lock_path(self.database)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise ``UserError`` saying who has the database open.

        A folder that does not exist yet holds no database to protect: nothing to lock.
        """
        if self._fd is not None or not self.path.parent.is_dir():
            return
        # A few tries: the file may be deleted by a holder releasing it between our open and
        # our lock; the next try opens the new file.
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                raise self._cannot_create() from None
            if not _try_lock(fd):
                holder = self._holder(fd)
                os.close(fd)
                raise self._in_use(*holder)
            if sys.platform == "win32" or _same_file(fd, self.path):
                pid, host = self._holder(fd)
                if host and host != socket.gethostname():
                    # Left by CoachDesk on another computer (a database on a shared or
                    # removable drive): its system's lock does not reach us, so whether it
                    # still runs is unknown. As before, the coach decides.
                    _unlock(fd)
                    os.close(fd)
                    raise self._in_use(pid, host)
                self._write_holder(fd)
                self._fd = fd
                return
            _unlock(fd)
            os.close(fd)
        raise self._cannot_create()

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            # Deleted while still locked: whoever opens the name next creates a new file.
            self.path.unlink(missing_ok=True)
        _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":  # pragma: no cover - Windows cannot delete an open file
            # Another CoachDesk may have it open: it will take it or leave it.
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # The holder's details --------------------------------------------------------------------
    @staticmethod
    def _write_holder(fd: int) -> None:
        # The layout of Qt's lock files (process, application, computer), which earlier
        # CoachDesk versions wrote.
        details = f"{os.getpid()}\n{APP_NAME}\n{socket.gethostname()}\n".encode()
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, details)
        os.ftruncate(fd, len(details))

    @staticmethod
    def _holder(fd: int) -> tuple[int, str]:
        """Process number and computer of the CoachDesk holding the lock (0, "" if unknown)."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            lines = os.read(fd, 4096).decode("utf-8", "replace").splitlines()
        except OSError:
            return 0, ""
        try:
            pid = int(lines[0])
        except (IndexError, ValueError):
            pid = 0
        host = lines[2].strip() if len(lines) >= 3 else ""
        return pid, host

    def _in_use(self, pid: int, host: str) -> UserError:
        # Messages in French directly: the command line shows them too, without translator.
        if not host or host == socket.gethostname():
            return UserError(
                f"La base « {self.database.name} » est déjà ouverte dans un autre CoachDesk "
                f"(processus {pid} sur cet ordinateur).",
                hint="Utilisez la fenêtre CoachDesk déjà ouverte, ou attendez la fin de la "
                "commande en cours. Deux CoachDesk qui écrivent dans la même base se "
                "contrediraient.",
            )
        return UserError(
            f"La base « {self.database.name} » est déjà ouverte dans un autre CoachDesk "
            f"(processus {pid} sur l'ordinateur « {host} »).",
            hint="Fermez CoachDesk sur cet ordinateur. S'il n'utilise plus cette base (il s'est "
            f"arrêté brutalement), supprimez le fichier « {self.path.name} » et recommencez.",
        )

    def _cannot_create(self) -> UserError:
        return UserError(
            f"Impossible de créer le verrou « {self.path.name} » à côté de la base.",
            hint=f"Vérifiez que vous pouvez écrire dans le dossier « {self.path.parent} ».",
        )
