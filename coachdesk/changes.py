"""What the writes changed: one notification after every committed write transaction.

Every write goes through ``Database.write()`` (the one write path), which records here what
its transaction touched and, once it is committed, publishes one :class:`Change` to whoever
subscribed — the window, which then shows the truth in every tab, count and selector (the
idea of Anki's ``operation_did_execute``). Nothing to remember at the call sites: a service
that writes is announced because it wrote.

What a transaction touched is read from SQLAlchemy, at two levels:

* every INSERT, UPDATE or DELETE statement run on the transaction's connection names its
  table (ORM flushes, ``session.execute`` statements, bulk Core inserts alike);
* ORM objects flushed name their rows, and the person they belong to (``participant_id``),
  so a list of 80,000 people can refresh the few rows that changed. A statement with a WHERE
  clause leaves its rows unknown, and a delete may cascade in the database: the tables that
  hang from a deleted row are counted as changed, rows unknown.

Work done in a worker process (the contact import) is collected there and published again
in the window's process when the job ends (``coachdesk.ui.widgets.background``).

No Qt here: subscribers are plain callables, called in the thread that committed.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # SQLAlchemy loads with the database, after the window's first paint: only named here.
    from sqlalchemy.orm import Session, UOWTransaction
    from sqlalchemy.sql.dml import Insert

log = logging.getLogger(__name__)

# The table an SQL text writes to.
_WRITES = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)

# Tables the window never shows: what CoachDesk notes about its own work (history of exports
# and backups, the team outbox). Writing only these changes nothing a coach sees in a tab.
BOOKKEEPING = frozenset({
    "audit_event", "export_log", "database_identity",
    "sync_state", "sync_outbox", "sync_conflict", "sync_erased",
})


@dataclass(frozen=True)
class Change:
    """What one or more committed write transactions changed.

    ``rows`` holds, per table, the ids written when they are known. ``people`` are the
    participants concerned: whose own row, or a row of theirs (``participant_id``), was
    written, or deleted with them. A table in ``unknown_people`` was written in a way that
    does not say whom it concerns (a statement with a WHERE clause, a session's date moved):
    whatever reads it must be read again whole. ``everything`` means the extent is unknown (a
    restore, raw SQL): show everything again.
    """

    serial: int
    tables: frozenset[str] = frozenset()
    rows: dict[str, frozenset[str]] = field(default_factory=dict)
    unknown_people: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    everything: bool = False

    def touches(self, tables: Iterable[str] | None = None) -> bool:
        """Whether a view reading ``tables`` (None: any table a coach sees) must refresh."""
        if self.everything:
            return True
        if tables is None:
            return bool(self.tables - BOOKKEEPING)
        return not self.tables.isdisjoint(tables)

    def people_touched(self, tables: Iterable[str]) -> frozenset[str] | None:
        """The participants whose data in ``tables`` changed, or None when that is not known:
        then everything read from ``tables`` must be read again."""
        wanted = set(tables)
        if self.everything or not self.unknown_people.isdisjoint(wanted):
            return None
        return self.people if not self.tables.isdisjoint(wanted) else frozenset()

    def merged(self, other: Change) -> Change:
        """Both changes as one (the window announces the writes of one action together)."""
        rows = dict(self.rows)
        for table, ids in other.rows.items():
            rows[table] = rows.get(table, frozenset()) | ids
        return Change(
            serial=max(self.serial, other.serial),
            tables=self.tables | other.tables,
            rows=rows,
            unknown_people=self.unknown_people | other.unknown_people,
            people=self.people | other.people,
            everything=self.everything or other.everything,
        )

    def as_plain(self) -> dict[str, Any]:
        """Plain values, to travel from a worker process (the serial is given on arrival)."""
        return {
            "tables": sorted(self.tables),
            "rows": {table: sorted(ids) for table, ids in self.rows.items()},
            "unknown_people": sorted(self.unknown_people),
            "people": sorted(self.people),
            "everything": self.everything,
        }


# --- the notification ----------------------------------------------------------------------------

Subscriber = Callable[[Change], None]

_lock = threading.Lock()
_serial = 0
_subscribers: list[Subscriber] = []


def current_serial() -> int:
    """The serial of the last change published: a view that reads the database after taking
    it shows every change up to it."""
    return _serial


def subscribe(subscriber: Subscriber) -> Callable[[], None]:
    """Call ``subscriber`` with every change published from now on; returns the way out."""
    with _lock:
        _subscribers.append(subscriber)

    def unsubscribe() -> None:
        with _lock:
            if subscriber in _subscribers:
                _subscribers.remove(subscriber)

    return unsubscribe


def _next_serial() -> int:
    global _serial
    with _lock:
        _serial += 1
        return _serial


def publish(
    *,
    tables: Iterable[str] = (),
    rows: Mapping[str, Iterable[str]] | None = None,
    unknown_people: Iterable[str] = (),
    people: Iterable[str] = (),
    everything: bool = False,
) -> Change:
    """Announce a committed change to every subscriber (``Database.write()`` does it; so does
    the window for work it cannot see, such as a database restored from a backup)."""
    change = Change(
        serial=_next_serial(),
        tables=frozenset(tables),
        rows={table: frozenset(ids) for table, ids in (rows or {}).items()},
        unknown_people=frozenset(unknown_people),
        people=frozenset(people),
        everything=everything,
    )
    with _lock:
        subscribers = list(_subscribers)
    for subscriber in subscribers:
        try:
            subscriber(change)
        except Exception as exc:
            # The write is committed whatever a listener does: never report it as failed.
            log.warning("change listener failed: %s", type(exc).__name__)
    return change


def publish_plain(values: dict[str, Any]) -> Change:
    """Publish a change received as :meth:`Change.as_plain` values (from a worker process)."""
    return publish(
        tables=values.get("tables", ()),
        rows=values.get("rows") or {},
        unknown_people=values.get("unknown_people", ()),
        people=values.get("people", ()),
        everything=bool(values.get("everything")),
    )


@contextmanager
def collected() -> Iterator[list[Change]]:
    """The changes published while the block runs (a worker process sends them back)."""
    seen: list[Change] = []
    unsubscribe = subscribe(seen.append)
    try:
        yield seen
    finally:
        unsubscribe()


def merge_all(changes: Iterable[Change]) -> Change | None:
    merged: Change | None = None
    for change in changes:
        merged = change if merged is None else merged.merged(change)
    return merged


# --- what one transaction touched ----------------------------------------------------------------


class TransactionRecord:
    """Collects, while a write transaction runs, the tables, rows and people it touches."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.rows: dict[str, set[str]] = {}
        self.unknown_people: set[str] = set()
        self.deleted_from: set[str] = set()
        self.people: set[str] = set()
        self.raw_sql = False
        self._flushing = False

    def watch(self, session: Session) -> None:
        from sqlalchemy import event

        event.listen(session, "after_begin", self._began)
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    # The connection's statements: the tables.
    def _began(self, _session: Session, _transaction: Any, connection: Any) -> None:
        from sqlalchemy import event

        event.listen(connection, "after_execute", self._executed)
        event.listen(connection, "after_cursor_execute", self._driver_executed)

    def _driver_executed(
        self, _connection: Any, _cursor: Any, statement: str, _parameters: Any, context: Any,
        _executemany: bool,
    ) -> None:
        if getattr(context, "compiled", None) is None:
            # SQL given to the driver as it is (the import's fast INSERT): its table only.
            self._raw(statement)

    def _raw(self, statement: str) -> None:
        """SQL text: the table it writes, whom it concerns unknown."""
        found = _WRITES.match(statement)
        if found is None:
            if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
                self.raw_sql = True  # its extent cannot be read from here
            return
        table = found.group(1)
        self.tables.add(table)
        self.unknown_people.add(table)
        if statement.lstrip()[:6].upper() == "DELETE":
            self.deleted_from.add(table)

    def _executed(
        self, _connection: Any, statement: Any, multiparams: Any, params: Any, *_rest: Any
    ) -> None:
        from sqlalchemy.sql.dml import Delete, Insert, UpdateBase

        if not isinstance(statement, UpdateBase):
            self._raw(str(getattr(statement, "text", "")))
            return
        table = getattr(statement.table, "name", None)
        if table is None:
            self.raw_sql = True
            return
        self.tables.add(table)
        if isinstance(statement, Delete):
            self.deleted_from.add(table)
        if self._flushing:
            return  # the flushed objects say which rows (after_flush)
        if isinstance(statement, Insert):
            self._inserted(table, statement, multiparams, params)
        else:
            # An UPDATE or DELETE with a WHERE clause: whom it concerns is not known here.
            self.unknown_people.add(table)

    def _inserted(self, table: str, statement: Insert, multiparams: Any, params: Any) -> None:
        given: list[dict[str, Any]] = (
            multiparams if isinstance(multiparams, list) and multiparams
            else [params] if isinstance(params, dict) and params
            else [_literal_values(statement)]
        )
        if not all("id" in row for row in given):
            self.unknown_people.add(table)
            return
        self.rows.setdefault(table, set()).update(str(row["id"]) for row in given)
        if table == "participant":
            self.people.update(str(row["id"]) for row in given)
        elif "participant_id" in statement.table.c:
            if all("participant_id" in row for row in given):
                self.people.update(str(row["participant_id"]) for row in given
                                   if row["participant_id"] is not None)
            else:
                self.unknown_people.add(table)
        # Other new rows concern nobody yet: no one's row can point at them.

    # The ORM objects flushed: their rows and their people.
    def _before_flush(self, _session: Session, _context: UOWTransaction, _objects: Any) -> None:
        self._flushing = True

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        from sqlalchemy import inspect as sa_inspect

        self._flushing = False
        for objects in (session.new, session.dirty, session.deleted):
            for obj in objects:
                state = sa_inspect(obj)
                table = state.mapper.local_table.name
                row_id = state.dict.get("id") or (state.identity or (None,))[0]
                if row_id is not None:
                    self.rows.setdefault(table, set()).add(str(row_id))
                if table == "participant" and row_id is not None:
                    self.people.add(str(row_id))
                elif "participant_id" in state.mapper.columns:
                    history = state.attrs["participant_id"].history
                    for person in (*history.added, *history.unchanged, *history.deleted):
                        if person is not None:
                            self.people.add(str(person))
                elif obj not in session.new:
                    # A session moved or a group deleted: whom it concerns is not known here.
                    self.unknown_people.add(table)

    def publish(self) -> Change | None:
        """Announce what the committed transaction changed (nothing when it wrote nothing)."""
        if not self.tables and not self.raw_sql:
            return None
        tables = set(self.tables)
        unknown = set(self.unknown_people)
        # A delete may cascade in the database: whatever hangs from the deleted rows changed,
        # and concerns the same people when those are known.
        for table in self.deleted_from:
            people_known = table not in unknown and _has_person(table)
            for dependent in _dependent_tables([table]):
                tables.add(dependent)
                if not people_known:
                    unknown.add(dependent)
        return publish(
            tables=tables,
            rows=self.rows,
            unknown_people=unknown,
            people=self.people,
            everything=self.raw_sql,
        )


def _literal_values(statement: Insert) -> dict[str, Any]:
    """An INSERT's own ``.values(...)`` given as plain values (bound parameters)."""
    values: dict[str, Any] = {}
    for key, value in (statement._values or {}).items():
        name = key if isinstance(key, str) else key.key
        if getattr(value, "__visit_name__", None) == "bindparam":
            values[name] = value.value
    return values


def _has_person(table: str) -> bool:
    from coachdesk.models import Base

    columns = Base.metadata.tables[table].c
    return table == "participant" or "participant_id" in columns


@functools.cache
def _pointing() -> dict[str, frozenset[str]]:
    """Each table, and the tables whose foreign keys point at it."""
    from coachdesk.models import Base

    pointing: dict[str, set[str]] = {}
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            pointing.setdefault(key.column.table.name, set()).add(table.name)
    return {table: frozenset(children) for table, children in pointing.items()}


def _dependent_tables(tables: Iterable[str]) -> set[str]:
    """The tables whose rows point, directly or through others, at rows of ``tables``."""
    pointing = _pointing()
    found: set[str] = set()
    todo = list(tables)
    while todo:
        for child in pointing.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found
