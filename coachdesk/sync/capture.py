"""The outbox: every change of a team database recorded in the transaction that makes it.

``Database.write()`` calls ``team_capture`` once, then ``attach`` on each write session of a
database that joined a team; a database that never joined pays one query on its first write
and nothing after. Three ways a service writes, three hooks:

* ORM objects (``session.add``, attribute changes, ``session.delete``): ``after_flush`` reads
  each object's changed columns;
* statements run through ``session.execute`` (bulk inserts of the contact import, ``update``
  and ``delete`` with a WHERE clause, bulk updates by primary key): ``do_orm_execute`` runs
  the statement itself and records the rows it touched;
* Core statements run on a bare connection: call ``record_rows`` with the rows written.

Changes made while applying what the server sent are not recorded (``APPLYING`` in the
session's info).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, event, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from coachdesk.models.base import canonical_id, new_id, utcnow
from coachdesk.sync.codec import encode
from coachdesk.sync.hlc import Clock
from coachdesk.sync.tables import SYNCED

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import ExecutionContext

APPLYING = "coachdesk.sync.applying"
_TXN = "coachdesk.sync.txn"
_CHUNK = 500


@dataclass
class _Transaction:
    """What one write transaction shares: its id, its clock value, the cursor it started from."""

    txn_id: str = field(default_factory=new_id)
    hlc: str = ""
    base_seq: int = 0
    # The database's schema revision (always the code's own: an older one is upgraded when
    # opened), which tells the server how to read the operations.
    schema_revision: str = ""
    # Operation ids follow each other from a random start: unique, and cheap to index.
    _next: int = field(default_factory=lambda: uuid.uuid4().int & ~((1 << 40) - 1))

    def next_op_id(self) -> str:
        self._next += 1
        return canonical_id(f"{self._next:032x}")


def _outbox() -> Table:
    from coachdesk.models.sync import SyncOutboxOp

    return cast(Table, SyncOutboxOp.__table__)  # a declarative class's table is a Table


def _state() -> Table:
    from coachdesk.models.sync import SyncState

    return cast(Table, SyncState.__table__)  # a declarative class's table is a Table


def is_joined(session: Session) -> bool:
    """Whether this database joined a team."""
    state = _state()
    return session.connection().execute(select(state.c.id)).first() is not None


class TeamCapture:
    """Records the writes of one team database into its outbox."""

    def attach(self, session: Session) -> None:
        session.info[_TXN] = None
        event.listen(session, "after_flush", _after_flush)
        event.listen(session, "do_orm_execute", _do_orm_execute)


def team_capture(session: Session) -> TeamCapture | None:
    """A capture for the session's database when it joined a team, else None (the database
    asks once)."""
    return TeamCapture() if is_joined(session) else None


def _transaction(session: Session) -> _Transaction:
    """The transaction's shared values, taking a clock value on its first change."""
    current = session.info.get(_TXN)
    if isinstance(current, _Transaction):
        return current
    state = _state()
    connection = session.connection()
    row = connection.execute(
        select(state.c.device_id, state.c.cursor, state.c.clock_last, state.c.clock_offset_ms)
    ).one()
    clock = Clock(device=uuid.UUID(canonical_id(row.device_id)).hex, last=row.clock_last,
                  offset_ms=row.clock_offset_ms)
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    current = _Transaction(hlc=clock.tick(), base_seq=row.cursor, schema_revision=revision)
    connection.execute(state.update().values(clock_last=clock.last))
    session.info[_TXN] = current
    return current


def record_rows(
    session: Session, table_name: str, kind: str, rows: Sequence[dict[str, Any]]
) -> None:
    """Add ``rows`` (each with its ``id``) of ``table_name`` to the outbox.

    ``kind`` is ``insert`` (only the id is read: the row's values are read when pushed),
    ``update`` (the changed columns and their new values) or ``delete`` (only the id). Does
    nothing on a database that never joined a team, on a local-only table, or while applying
    the server's changes.
    """
    if not rows or table_name not in SYNCED or session.info.get(APPLYING):
        return
    if _TXN not in session.info and not is_joined(session):
        return
    txn = _transaction(session)
    outbox = _outbox()
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=encode).encode
    now = utcnow()
    records = [{
        "op_id": txn.next_op_id(), "txn_id": txn.txn_id, "table_name": table_name,
        "row_id": canonical_id(row["id"]), "kind": kind,
        # A new row's values are read when it is pushed (it stays whole-row pending until
        # then, so nothing from the server overwrites it): an import of 80,000 people costs
        # no JSON here. An update keeps the values it wrote.
        "payload": dumps(row) if kind == "update" else "",
        "hlc": txn.hlc, "base_seq": txn.base_seq, "schema_revision": txn.schema_revision,
        "created_at": now, "status": "pending", "refusal_code": "", "refusal_message": "",
    } for row in rows]
    connection = session.connection()
    for start in range(0, len(records), 5000):
        connection.execute(insert(outbox), records[start:start + 5000])


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    if session.info.get(APPLYING):
        return
    from sqlalchemy import inspect as sa_inspect

    inserts: dict[str, list[dict[str, Any]]] = {}
    updates: dict[str, list[dict[str, Any]]] = {}
    deletes: dict[str, list[dict[str, Any]]] = {}
    for obj in session.new:
        state = sa_inspect(obj)
        table_name = state.mapper.local_table.name
        if table_name in SYNCED:
            inserts.setdefault(table_name, []).append(
                {attr.key: state.dict.get(attr.key) for attr in state.mapper.column_attrs}
            )
    for obj in session.dirty:
        state = sa_inspect(obj)
        table_name = state.mapper.local_table.name
        if table_name not in SYNCED:
            continue
        changed: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.added:
                changed[attr.key] = history.added[0]
        if changed:
            # Columns set by the flush itself (updated_at) have no history: read their value.
            for column in state.mapper.local_table.columns:
                if column.onupdate is not None and column.key in state.dict:
                    changed[column.key] = state.dict[column.key]
            changed["id"] = state.dict.get("id") or state.identity[0]
            updates.setdefault(table_name, []).append(changed)
    for obj in session.deleted:
        state = sa_inspect(obj)
        table_name = state.mapper.local_table.name
        if table_name in SYNCED:
            deletes.setdefault(table_name, []).append({"id": state.identity[0]})
    for kind, groups in (("insert", inserts), ("update", updates), ("delete", deletes)):
        for table_name, rows in groups.items():
            record_rows(session, table_name, kind, rows)


def _statement_table(statement: Any) -> Table | None:
    table = getattr(statement, "table", None)
    return table if isinstance(table, Table) and table.name in SYNCED else None


def _do_orm_execute(state: ORMExecuteState) -> Any:
    session = state.session
    if session.info.get(APPLYING) or not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement = state.statement
    table = _statement_table(statement)
    if table is None:
        return None
    if isinstance(statement, Insert):
        return _capture_insert(state, table, statement)
    if isinstance(statement, Update):
        return _capture_update(state, table, statement)
    if isinstance(statement, Delete):
        return _capture_delete(state, table, statement)
    return None


def _literal_values(statement: Insert | Update) -> dict[str, Any] | None:
    """The statement's own ``.values(...)`` as plain values, or None when one is an expression."""
    values: dict[str, Any] = {}
    for key, value in (statement._values or {}).items():
        name = key if isinstance(key, str) else key.key
        literal = getattr(value, "value", None)
        if getattr(value, "__visit_name__", None) != "bindparam" or callable(literal):
            return None
        values[name] = literal
    return values


def _with_defaults(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` completed with the Python-side defaults the insert would apply."""
    for column in table.columns:
        if column.name in row or column.default is None:
            continue
        default = column.default
        if isinstance(default, ScalarElementColumnDefault):
            row[column.name] = default.arg
        elif isinstance(default, CallableColumnDefault):
            # SQLAlchemy wraps our argument-less defaults (new_id, utcnow) to take an
            # execution context, which they never read.
            row[column.name] = default.arg(cast("ExecutionContext", None))
    return row


def _capture_insert(state: ORMExecuteState, table: Table, statement: Insert) -> Any:
    values = _literal_values(statement)
    params = state.parameters
    if values is None or getattr(statement, "_multi_values", None):
        raise NotImplementedError(
            "team mode records inserts given as parameters or literal values only"
        )
    if isinstance(params, list):
        rows = [{**values, **row} for row in params] if values else params
        names = set(rows[0]) if rows else set()
        if any(c.name not in names and c.default is not None for c in table.columns) or any(
            len(row) != len(names) for row in rows
        ):
            rows = [_with_defaults(table, dict(row)) for row in rows]
        # The contact import gives every column of every row: its rows go through untouched.
        result = state.invoke_statement(params=rows) if rows is not params else (
            state.invoke_statement())
    else:
        if params is not None and not isinstance(params, Mapping):
            raise NotImplementedError("team mode records rows given as a list or one mapping")
        given = {**values, **(params or {})}
        row = _with_defaults(table, dict(given))
        rows = [row]
        # The defaults computed here are the ones written: they join the statement.
        extra = {name: value for name, value in row.items() if name not in given}
        result = state.invoke_statement(statement=statement.values(**extra) if extra
                                        else statement)
    record_rows(state.session, table.name, "insert", rows)
    return result


def _ids_matching(session: Session, table: Table, statement: Update | Delete) -> list[str]:
    where = statement.whereclause
    query = select(table.c.id) if where is None else select(table.c.id).where(where)
    return [canonical_id(value) for value in session.connection().execute(query).scalars()]


def _reread(session: Session, table: Table, ids: Iterable[str],
            names: set[str]) -> list[dict[str, Any]]:
    """The current values of ``names`` for the rows ``ids`` (after the statement ran)."""
    columns = [table.c.id, *(table.c[name] for name in sorted(names) if name != "id")]
    id_list = list(ids)
    rows: list[dict[str, Any]] = []
    connection = session.connection()
    for start in range(0, len(id_list), _CHUNK):
        chunk = id_list[start:start + _CHUNK]
        rows.extend(dict(r._mapping) for r in connection.execute(
            select(*columns).where(table.c.id.in_(chunk))
        ))
    return rows


def _set_columns(table: Table, statement: Update, params: Any) -> set[str]:
    names: set[str] = set()
    for key in (statement._values or {}):
        names.add(key if isinstance(key, str) else key.key)
    if isinstance(params, list):
        for row in params:
            names.update(row)
    elif isinstance(params, dict):
        names.update(name for name in params if name in table.c)
    names.update(c.name for c in table.columns if c.onupdate is not None)
    names.discard("id")
    return {name for name in names if name in table.c}


def _capture_update(state: ORMExecuteState, table: Table, statement: Update) -> Any:
    session = state.session
    params = state.parameters
    if isinstance(params, list) and statement.whereclause is None:
        # Bulk UPDATE by primary key: one parameter set per row.
        ids = [canonical_id(row["id"]) for row in params]
    else:
        ids = _ids_matching(session, table, statement)
    names = _set_columns(table, statement, params)
    result = state.invoke_statement()
    record_rows(session, table.name, "update", _reread(session, table, ids, names))
    return result


def _capture_delete(state: ORMExecuteState, table: Table, statement: Delete) -> Any:
    session = state.session
    ids = _ids_matching(session, table, statement)
    result = state.invoke_statement()
    record_rows(session, table.name, "delete", [{"id": row_id} for row_id in ids])
    return result
