"""The database: engine, sessions, SQLite settings, schema versions and safe upgrades.

This module, ``db_copy`` (copies of the file through SQLite's backup API, integrity checks) and
``db_snapshot`` (the window's first look, read before SQLAlchemy is loaded) are the only ones
allowed to know that the embedded database is SQLite. Everything else goes
through SQLAlchemy and runs the same on PostgreSQL (the team server).

Schema versions are Alembic revisions (``coachdesk/migrations``). Opening a database:

* an empty or new file gets the current schema and is stamped with the head revision;
* a database at the head revision opens directly — Alembic is not even imported, to keep
  start-up fast;
* a database at an older known revision is first copied aside with SQLite's backup API, then
  upgraded (Alembic's SQLite DDL is not transactional, the copy is the way back);
* a database stamped with a revision this CoachDesk does not know was written by a newer
  version: it is refused with a clear message and left untouched.

A database is created only when the caller says so (``create=True``: the window's first run, the
demo, a new database the coach chose), never where a protected database is expected (see
``coachdesk.security.expected``), and a file that vanished is never recreated behind the
caller's back: SQLite itself opens an existing file with ``mode=rw``. ``read_only=True`` opens
for the commands that only read: nothing is created, upgraded or written.

The database file, its ``-wal``/``-shm`` and its keys file are private (``0600``): a new file is
created so before SQLite writes into it, an older one is tightened when opened.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, create_engine, event, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from coachdesk.db_copy import backup_database as backup_database
from coachdesk.db_copy import copy_through, sqlite_driver
from coachdesk.db_snapshot import SQLITE_MAGIC as SQLITE_MAGIC
from coachdesk.db_snapshot import check_plain_sqlite as check_plain_sqlite
from coachdesk.errors import UserError, explain_failure

# Every schema revision, oldest first, and the newest: in a module of their own, which the
# window's first look reads without loading SQLAlchemy.
from coachdesk.schema_revisions import HEAD_REVISION as HEAD_REVISION
from coachdesk.schema_revisions import SCHEMA_REVISIONS as SCHEMA_REVISIONS

log = logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 5000

# Same shape as the table Alembic maintains, so a database we stamp is one Alembic can upgrade.
_version_metadata = MetaData()
alembic_version = Table(
    "alembic_version",
    _version_metadata,
    Column("version_num", String(32), primary_key=True),
)


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy drive transactions itself (the begin hook below), see the
        # "Serializable isolation / Savepoints / Transactional DDL" notes of the pysqlite dialect.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:
            # Any write, even by mistake, fails instead of changing the file.
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        # Deleted rows are overwritten with zeros, not left in free pages: an erased or purged
        # person must not stay readable in the file (GDPR erasure).
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front, so two writers never deadlock half-way.
        if connection.get_execution_options().get("write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def defer_foreign_keys(connection: Any) -> None:
    """Check foreign keys at commit, not per statement (team mode applies the server's rows
    in the order they come, children possibly before their parents)."""
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not an SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(
            f"Impossible de lire la base de données « {path} » : {exc.strerror}.",
            hint="Vérifiez que le fichier existe et que vous avez le droit de le lire.",
        ) from exc
    if header != SQLITE_MAGIC:
        raise UserError(
            f"Le fichier « {path} » n'est pas une base CoachDesk lisible "
            "(fichier endommagé, chiffré ou d'un autre type).",
            hint="Le fichier n'a pas été modifié. Choisissez une autre base ou restaurez "
            "une sauvegarde.",
        )


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None when it has no CoachDesk tables."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(select(alembic_version.c.version_num)).scalar_one_or_none()


def checkpoint_wal(database: Database) -> None:
    """Fold the write-ahead log into the database file and empty it (TRUNCATE).

    After an erasure the erased rows' old pages may still sit in the ``-wal`` file; the
    checkpoint moves the zeroed pages (``secure_delete``) into the file and truncates the log.
    """
    if database.engine.dialect.name != "sqlite":
        return
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def fold_log_after_commit(database: Database, session: Session) -> None:
    """The commit of this write transaction (a large one: an import) returns once its changes
    are in the write-ahead log; the log is folded into the database file just after, on a
    second thread (:meth:`Database.fold_log_later`).

    SQLite folds the log into the file at the commit that leaves it longer than 1,000 pages:
    after 80,000 people imported, the commit waited 0.2 s for 64 MB of log to be copied. The
    folding is SQLite's own (a passive checkpoint) and comes as soon: a write meanwhile does
    not wait for it nor do it again, the log is not left full behind the import. Durability
    is what ``synchronous = NORMAL`` gives every write: the database is whole after a power
    cut, the last writes possibly undone, until the log is folded (and synced).
    """
    if database.engine.dialect.name != "sqlite":
        return
    driver: Any = session.connection().connection.driver_connection
    before = int(driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    driver.execute("PRAGMA wal_autocheckpoint = 0")
    ended = False

    def end(committed: bool) -> None:
        nonlocal ended
        if not ended:
            ended = True
            try:
                # The connection's own setting again, before it goes back to the pool.
                driver.execute(f"PRAGMA wal_autocheckpoint = {before}")
            except Exception as exc:  # a connection already broken: its own error is told
                log.warning("The log folding was not set back: %s", type(exc).__name__)
            if committed:
                database.fold_log_later()

    event.listen(session, "after_commit", lambda _session: end(True), once=True)
    event.listen(session, "after_rollback", lambda _session: end(False), once=True)


class Database:
    """An open CoachDesk database: its engine and session factories.

    Use ``read()`` for queries and ``write()`` for changes: each is one transaction, committed
    when the block ends, rolled back when it raises; on ``connection``, one the caller keeps
    out of the pool, when given. Each committed ``write()`` is announced
    (``coachdesk.changes``): the window shows every write in every tab without being told.

    ``key`` is the raw data key an encrypted database was opened with (None when plain): jobs
    that open their own connection in a worker process need it too.
    """

    def __init__(self, engine: Engine, path: Path | None, key: bytes | None = None) -> None:
        self.engine = engine
        self.path = path
        self.key = key
        self._read_factory = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_factory = sessionmaker(
            bind=engine.execution_options(write=True), expire_on_commit=False
        )
        # Team mode (coachdesk.sync): the outbox capture, looked up on the first write.
        self.team_capture: Any = None
        self._folding: threading.Thread | None = None

    @property
    def name(self) -> str:
        return self.path.name if self.path else self.engine.url.render_as_string()

    @contextmanager
    def read(self, connection: Connection | None = None) -> Iterator[Session]:
        with self._read_factory(**_on(connection, write=False)) as session:
            yield session

    @contextmanager
    def write(self, connection: Connection | None = None) -> Iterator[Session]:
        from coachdesk.changes import TransactionRecord

        record = TransactionRecord()
        with self._write_factory(**_on(connection, write=True)) as session:
            with session.begin():
                record.watch(session)
                if self.team_capture is None:
                    from coachdesk.sync.capture import team_capture

                    self.team_capture = team_capture(session) or False
                if self.team_capture:
                    # A database that joined a team records each change in its outbox, in
                    # this same transaction.
                    self.team_capture.attach(session)
                yield session
            # Committed: the window (and whoever listens) learns what changed, once.
            record.publish()

    def dispose(self) -> None:
        self.engine.dispose()  # (a log being folded finishes on its own connection)

    def fold_log_later(self) -> None:
        """:meth:`fold_log` on a second thread, nobody waiting (as SQLite does after a commit)."""
        self._folding = threading.Thread(target=self.fold_log, name="coachdesk-log")
        self._folding.start()

    def fold_log(self) -> None:
        """Fold the write-ahead log into the database file as far as readers allow (a passive
        checkpoint: nobody waits for it). Best effort: the next commit folds what is left."""
        if self.engine.dialect.name != "sqlite":
            return
        raw: Any = self.engine.raw_connection()
        driver = raw.driver_connection
        raw.detach()  # its own connection, closed when done, whatever happens to the pool
        try:
            driver.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception as exc:
            log.warning("The log was not folded into the file: %s", type(exc).__name__)
        finally:
            raw.close()

    def wait_for_log(self) -> None:
        """Return once the log being folded after a large write (if any) is folded."""
        if self._folding is not None:
            self._folding.join()

    def check_writable(self) -> None:
        """Refuse in French, before any work, a database whose file cannot be written.

        SQLite on a read-only file fails only when a change is committed: an export would
        have written its workbook by then, and could not note it in the history.
        """
        if self.path is None:
            return
        for candidate in (self.path, self.path.with_name(self.path.name + "-wal")):
            if candidate.exists() and not os.access(candidate, os.W_OK):
                raise explain_failure(
                    PermissionError(errno.EROFS, os.strerror(errno.EROFS), str(candidate)),
                    database=candidate,
                ) or UserError(f"La base « {self.path.name} » est en lecture seule.")


def _on(connection: Connection | None, **options: Any) -> dict[str, Any]:
    return {} if connection is None else {"bind": connection.execution_options(**options)}


def commits_seen(connection: Connection) -> int | None:
    """A number that changes once another connection commits (SQLite's ``data_version``,
    which the connection's own commits leave as it is); None on another database."""
    if connection.dialect.name != "sqlite":
        return None
    return int(connection.exec_driver_sql("PRAGMA data_version").scalar_one())


def _sqlite_uri(path: Path, mode: str) -> str:
    """The ``file:`` URI of ``path`` (any character, any byte of the file name, percent-encoded)
    with SQLite's open ``mode``: ``rwc`` may create the file, ``rw`` never does, ``ro`` reads."""
    uri = f"{Path(path).absolute().as_uri()}?mode={mode}"
    if mode == "ro" and not os.access(Path(path).absolute().parent, os.W_OK):
        # A read-only medium: SQLite could not create the -shm it needs; nobody can write
        # there, so the file is read as immutable.
        uri += "&immutable=1"
    return uri


def make_engine(
    path: Path, key: bytes | None = None, *, mode: str = "rwc", read_only: bool = False
) -> Engine:
    """Engine of the database at ``path``; with ``key``, an SQLCipher database (raw 32-byte key).

    ``mode`` is SQLite's open mode (see ``_sqlite_uri``); ``read_only`` makes every connection
    refuse writes (``PRAGMA query_only``) and leaves the journal mode as it is.
    """
    uri = _sqlite_uri(path, mode)
    if key is None:
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
        )
    else:
        import sqlcipher3
        from sqlalchemy.engine import URL

        from coachdesk.security.sqlcipher import raw_key_literal

        # The dialect sends ``PRAGMA key="<password>"`` on each connection; the password is the
        # checked hex literal of the raw key, so no key derivation is paid per connection.
        url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(key), database=str(path))
        engine = create_engine(
            url,
            creator=lambda: sqlcipher3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
        )
    _configure_sqlite(engine, read_only=read_only)
    return engine


def _stamp(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        _version_metadata.create_all(connection)
        connection.execute(alembic_version.delete())
        connection.execute(alembic_version.insert().values(version_num=revision))


def create_schema(engine: Engine) -> None:
    """Create the current schema in an empty database and stamp it with the head revision."""
    from coachdesk.models import Base

    with engine.begin() as connection:
        Base.metadata.create_all(connection)
    _stamp(engine, HEAD_REVISION)


def upgrade(path: Path, engine: Engine, from_revision: str, key: bytes | None = None) -> Path:
    """Copy the database aside, then run the Alembic migrations up to the head revision."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.avant-migration-{from_revision}-{stamp}{path.suffix}")
    if key is not None:
        # An encrypted copy travels with what opens it (the keys file of that moment).
        import shutil

        from coachdesk.files import fresh_private
        from coachdesk.security.crypto import sidecar_path

        keys = sidecar_path(backup)
        fresh_private(keys)
        shutil.copyfile(sidecar_path(path), keys)
    # Through the engine's own connection: the file is already open in this process.
    raw = engine.raw_connection()
    try:
        copy_through(raw.driver_connection, sqlite_driver(key), backup, key, path.name)
    finally:
        raw.close()
    log.info("database %s copied to %s before migrating from %s", path, backup, from_revision)

    # Imported here only: Alembic costs ~0.3 s and is needed only when a migration runs.
    from alembic import command

    from coachdesk.migrations import alembic_config

    with engine.connect() as connection:
        # Alembic changes a SQLite table by rebuilding it (copy, drop, rename). With foreign
        # keys enforced, dropping the old table would run its ON DELETE actions and empty its
        # children (calls, contracts…): enforcement is off while migrating, as SQLite's
        # "ALTER TABLE" page prescribes, and every key is checked before the commit.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    # Rolled back: the database stays at its revision, the copy aside whole.
                    raise RuntimeError(f"migration left a broken foreign key in {broken[0]}")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
    return backup


def open_database(
    path: Path,
    *,
    create: bool = True,
    key: bytes | None = None,
    read_only: bool = False,
    allow_plain: bool = False,
) -> Database:
    """Open (creating or upgrading when allowed) the CoachDesk database at ``path``.

    ``key`` is the raw data key of an encrypted (SQLCipher) database, as unwrapped by
    ``coachdesk.security``; without it the database is plain SQLite. ``create`` allows a missing
    or empty file to become a new database; ``read_only`` opens an existing database without
    ever writing to it (no schema, no upgrade, no journal change). ``allow_plain`` is for
    ``protect`` only: it opens a plain file where a protected one was expected, to protect it.

    Raises:
        UserError: the file is not a database, was written by a newer CoachDesk, is missing or
            empty while ``create`` is false, or is missing, empty or in clear where a protected
            database is expected. The file is left untouched in every case.
    """
    path = Path(path).absolute()
    if path.is_dir():
        raise UserError(f"« {path} » est un dossier, pas une base de données.")
    empty = not path.exists() or path.stat().st_size == 0
    _refuse_unprotected(path, key, empty, allow_plain)
    if empty and (read_only or not create):
        raise _missing_or_empty(path)
    if key is None:
        check_sqlite_file(path)
    else:
        from coachdesk.security.sqlcipher import check_encrypted_file

        check_encrypted_file(path)
    if empty:
        _create_file(path)
    else:
        _tighten(path)
    # A reader on a medium it cannot write to opens the file read-only (see _sqlite_uri).
    mode = "ro" if read_only and not os.access(path.parent, os.W_OK) else "rw"
    engine = make_engine(path, key, mode=mode, read_only=read_only)
    try:
        revision = current_revision(engine)
        if revision is None:
            with engine.connect() as connection:
                foreign_tables = inspect(connection).get_table_names()
            if foreign_tables:
                raise UserError(
                    f"Le fichier « {path} » est une base SQLite qui n'a pas été créée par "
                    "CoachDesk.",
                    hint="Le fichier n'a pas été modifié. Choisissez une autre base.",
                )
            if read_only:
                raise _missing_or_empty(path)
            create_schema(engine)
        elif revision != HEAD_REVISION:
            if revision not in SCHEMA_REVISIONS:
                raise UserError(
                    f"La base « {path.name} » a été enregistrée par une version plus récente "
                    f"de CoachDesk (schéma {revision}).",
                    hint="Elle n'a pas été modifiée. Installez la dernière version de CoachDesk "
                    "pour l'ouvrir.",
                )
            if read_only:
                raise UserError(
                    f"La base « {path.name} » vient d'une version précédente de CoachDesk et "
                    "doit d'abord être mise à jour.",
                    hint="Elle n'a pas été modifiée. Ouvrez-la une fois dans la fenêtre de "
                    "CoachDesk (une copie est faite avant la mise à jour), puis recommencez.",
                )
            if key is None:
                upgrade(path, engine, revision)
            else:
                upgrade(path, engine, revision, key=key)
    except UserError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        explained = _explain(path, exc)
        if explained is not None:
            raise explained from exc
        raise
    if empty:
        _tighten(path)
    if key is not None and not read_only:
        from coachdesk.security.expected import remember_protected

        remember_protected(path)
    return Database(engine, path, key)


def _refuse_unprotected(path: Path, key: bytes | None, empty: bool, allow_plain: bool) -> None:
    """Refuse a missing, empty or plain file where a protected database is expected."""
    from coachdesk.security.expected import protection_expected

    if not protection_expected(path):
        return
    from coachdesk.security.crypto import sidecar_path

    keys = sidecar_path(path)
    if keys.exists():
        why = f"son fichier de clés « {keys.name} » est à côté"
    else:
        why = "cet ordinateur l'a déjà ouverte protégée par une phrase de passe"
    if empty:
        state = "n'existe plus" if not path.exists() else "est vide (0 octet)"
        raise UserError(
            f"La base « {path} » {state}, alors qu'elle est protégée ({why}). CoachDesk ne "
            "crée pas de base en clair à sa place.",
            hint="Remettez le fichier de la base à sa place, ou restaurez une sauvegarde "
            "(« coachdesk restore » ou le menu Sécurité) ; pour commencer une autre base, "
            "choisissez un autre nom de fichier.",
        )
    if key is None and not allow_plain and not keys.exists() and check_plain_sqlite(path):
        raise UserError(
            f"La base « {path.name} » est en clair, alors que cet ordinateur l'a déjà ouverte "
            "protégée par une phrase de passe : le fichier a été remplacé.",
            hint="Elle n'a pas été ouverte. Si ce remplacement est voulu, protégez-la de nouveau "
            "(« coachdesk protect ») ; sinon restaurez la sauvegarde chiffrée.",
        )


def _missing_or_empty(path: Path) -> UserError:
    if not path.exists():
        return UserError(
            f"La base de données « {path} » n'existe pas.",
            hint="Vérifiez le chemin, ou créez une base de démonstration avec « coachdesk "
            "--db CHEMIN demo ».",
        )
    return UserError(
        f"La base de données « {path} » est vide : elle ne contient aucune donnée CoachDesk.",
        hint="Le fichier n'a pas été modifié. Vérifiez le chemin, ou restaurez une sauvegarde.",
    )


def _create_file(path: Path) -> None:
    """The new database's (empty) file, private from its first byte, in a private folder."""
    from coachdesk.files import create_private, private_dir

    if not path.parent.exists():
        private_dir(path.parent)
    try:
        create_private(path, exclusive=False)
    except OSError as exc:
        explained = explain_failure(exc, database=path)
        if explained is not None:
            raise explained from exc
        raise


def _tighten(path: Path) -> None:
    """Files of an existing database made private (``0644`` from older versions)."""
    from coachdesk.files import tighten
    from coachdesk.security.crypto import SIDECAR_SUFFIX

    for suffix in ("", "-wal", "-shm", SIDECAR_SUFFIX):
        tighten(path.with_name(path.name + suffix))


def _explain(path: Path, exc: BaseException) -> UserError | None:
    """A French message for a failure while opening: machine failures, damaged files."""
    explained = explain_failure(exc, database=path)
    if explained is not None:
        return explained
    from sqlalchemy.exc import DatabaseError

    if isinstance(exc, DatabaseError | sqlite3.DatabaseError):
        return UserError(
            f"La base de données « {path} » est illisible ou endommagée.",
            hint="Le fichier n'a pas été modifié. Restaurez une sauvegarde ou choisissez une "
            "autre base.",
        )
    return None


def open_protected(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    create: bool = True,
) -> Database:
    """Open a CoachDesk database, plain or protected.

    A protected database needs its passphrase (or recovery key); a wrong one raises
    ``UserError`` and the caller asks again. The file is never touched when it cannot be opened.
    """
    from coachdesk.security.sqlcipher import is_protected, missing_keys_file, unlock

    path = Path(path)
    if is_protected(path):
        key = unlock(path, passphrase=passphrase, recovery_key=recovery_key)
        return open_database(path, create=False, key=key)
    lost = missing_keys_file(path)
    if lost is not None:
        raise lost
    return open_database(path, create=create)
