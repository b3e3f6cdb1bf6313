"""The database: engine, sessions, SQLite settings, schema versions and safe upgrades.

This is the only module allowed to know that the embedded database is SQLite. Everything else
goes through SQLAlchemy and runs the same on PostgreSQL (the future team server).

Schema versions are Alembic revisions (``coachdesk/migrations``). Opening a database:

* an empty or new file gets the current schema and is stamped with the head revision;
* a database at the head revision opens directly — Alembic is not even imported, to keep
  start-up fast;
* a database at an older known revision is first copied aside with SQLite's backup API, then
  upgraded (Alembic's SQLite DDL is not transactional, the copy is the way back);
* a database stamped with a revision this CoachDesk does not know was written by a newer
  version: it is refused with a clear message and left untouched.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, create_engine, event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from coachdesk.errors import UserError

log = logging.getLogger(__name__)

# Every schema revision ever released, oldest first. A new migration appends its id here
# (a test checks this tuple against coachdesk/migrations/versions).
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0010")
HEAD_REVISION = SCHEMA_REVISIONS[-1]

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

# Same shape as the table Alembic maintains, so a database we stamp is one Alembic can upgrade.
_version_metadata = MetaData()
alembic_version = Table(
    "alembic_version",
    _version_metadata,
    Column("version_num", String(32), primary_key=True),
)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy drive transactions itself (the begin hook below), see the
        # "Serializable isolation / Savepoints / Transactional DDL" notes of the pysqlite dialect.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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


def checkpoint_wal(engine: Engine) -> None:
    """Copy the write-ahead log into the database and empty it: after an erasure, the erased
    rows' old pages must not linger in the -wal file."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


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


def backup_sqlite(source: Path, target: Path, key: bytes | None = None) -> None:
    """Consistent copy of a live SQLite database through the backup API (never a file copy).

    With ``key`` (an encrypted database) the copy is encrypted with the same key.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partiel")
    partial.unlink(missing_ok=True)
    if key is not None:
        from coachdesk.security.sqlcipher import backup_encrypted

        backup_encrypted(source, partial, key)
        partial.replace(target)
        return
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


class Database:
    """An open CoachDesk database: its engine and session factories.

    Use ``read()`` for queries and ``write()`` for changes: each is one transaction, committed
    when the block ends, rolled back when it raises.

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

    @property
    def name(self) -> str:
        return self.path.name if self.path else self.engine.url.render_as_string()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_factory() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write_factory() as session, session.begin():
            if self.team_capture is None:
                from coachdesk.sync.capture import team_capture

                self.team_capture = team_capture(self, session) or False
            if self.team_capture:
                # A database that joined a team records each change in its outbox, in this
                # same transaction.
                self.team_capture.attach(session)
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """Engine of the database at ``path``; with ``key``, an SQLCipher database (raw 32-byte key)."""
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
    else:
        from sqlalchemy.engine import URL
        from sqlalchemy.pool import QueuePool

        from coachdesk.security.sqlcipher import raw_key_literal

        # The dialect sends ``PRAGMA key="<password>"`` on each connection; the password is the
        # checked hex literal of the raw key, so no key derivation is paid per connection.
        url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(key), database=str(path))
        engine = create_engine(url, poolclass=QueuePool)
    _configure_sqlite(engine)
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
    backup_sqlite(path, backup, key)
    log.info("database %s copied to %s before migrating from %s", path, backup, from_revision)

    # Imported here only: Alembic costs ~0.3 s and is needed only when a migration runs.
    from alembic import command

    from coachdesk.migrations import alembic_config

    with engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "head")
    return backup


def open_database(path: Path, *, create: bool = True, key: bytes | None = None) -> Database:
    """Open (creating or upgrading when needed) the CoachDesk database at ``path``.

    ``key`` is the raw data key of an encrypted (SQLCipher) database, as unwrapped by
    ``coachdesk.security``; without it the database is plain SQLite.

    Raises:
        UserError: the file is not a database, was written by a newer CoachDesk, or does not
            exist while ``create`` is false. The file is left untouched in every case.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise UserError(
            f"La base de données « {path} » n'existe pas.",
            hint="Vérifiez le chemin, ou créez une base de démonstration avec « coachdesk "
            "--db CHEMIN demo ».",
        )
    if path.exists() and path.is_dir():
        raise UserError(f"« {path} » est un dossier, pas une base de données.")
    if key is None:
        check_sqlite_file(path)
    else:
        from coachdesk.security.sqlcipher import check_encrypted_file

        check_encrypted_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path, key)
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
            create_schema(engine)
        elif revision != HEAD_REVISION:
            if revision not in SCHEMA_REVISIONS:
                raise UserError(
                    f"La base « {path.name} » a été enregistrée par une version plus récente "
                    f"de CoachDesk (schéma {revision}).",
                    hint="Elle n'a pas été modifiée. Installez la dernière version de CoachDesk "
                    "pour l'ouvrir.",
                )
            if key is None:
                upgrade(path, engine, revision)
            else:
                upgrade(path, engine, revision, key=key)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - raw driver errors are wrapped below
        engine.dispose()
        raise _damaged(path, exc) from exc
    except UserError:
        engine.dispose()
        raise
    except Exception as exc:
        from sqlalchemy.exc import DatabaseError

        engine.dispose()
        if isinstance(exc, DatabaseError):
            raise _damaged(path, exc) from exc
        raise
    return Database(engine, path, key)


def _damaged(path: Path, exc: BaseException) -> UserError:
    return UserError(
        f"La base de données « {path} » est illisible ou endommagée ({exc}).",
        hint="Le fichier n'a pas été modifié. Restaurez une sauvegarde ou choisissez une "
        "autre base.",
    )
