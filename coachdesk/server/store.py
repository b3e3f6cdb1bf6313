"""The team server's rules on one PostgreSQL connection: push, pull, snapshot, erasure, moves.

**PostgreSQL decides.** A push takes ``pg_advisory_xact_lock(LOCK_KEY)`` first: writers are
serialised, and the sequence numbers they hand out are in commit order (a plain sequence
commits out of order, and "pull since cursor" would skip the late one). Each accepted change
gets the next number; the row keeps it in ``sync_seq`` and, per column, in ``sync_clock``.

**Merging a change.** A column changed by another device since the sequence the laptop had
seen (``base``) is a concurrent edit: the higher hybrid logical clock wins and the other
value is kept in ``sync_conflict``. Different columns merge silently.

**Refusals are typed.** A change a rule refuses (a constraint, a person erased, a row out of
the coach's scope) comes back with a code and a French sentence, and the rest of the batch
applies: the batch is written first in one go; when PostgreSQL refuses it, it is replayed one
change at a time, each in a savepoint, to name the culprits.

Row values stay JSON from end to end: PostgreSQL reads and writes them with
``row_to_json``/``jsonb_populate_record``, so no value is converted in Python on the server.
"""

from __future__ import annotations

import copy
import hashlib
import json
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, ForeignKeyConstraint, Table, text
from sqlalchemy.exc import DBAPIError

from coachdesk.models.base import utcnow
from coachdesk.server.schema import metadata
from coachdesk.sync.codec import encode
from coachdesk.sync.hlc import clamp, device_of, format_hlc
from coachdesk.sync.tables import (
    DERIVED,
    PERSON_SCOPED,
    SERVER_MANAGED,
    SILENT_COLUMNS,
    SYNCED,
    person_descendants,
)

LOCK_KEY = 7_261_926_731
PAGE_LIMIT = 5000
DEVICE_TOKEN_DAYS = 90
JOIN_CODE_DAYS = 7
SYNC_COLUMNS = ("sync_seq", "sync_clock", "sync_structure_id", "sync_cohort_id")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

REFUSALS = {
    "erased": "Cette personne a été effacée par l'équipe (RGPD) : la modification n'a pas été "
    "appliquée et ses données sont retirées de ce poste.",
    "parent_missing": "La fiche à laquelle cette modification se rattache n'existe plus dans "
    "l'équipe (supprimée depuis un autre poste) : la modification n'a pas été appliquée.",
    "unknown_row": "Cette fiche n'existe pas sur le serveur de l'équipe (sa création a été "
    "refusée) : corrigez-la sur ce poste, puis synchronisez à nouveau.",
    "duplicate": "Une autre fiche de l'équipe a déjà cette valeur, qui doit être unique "
    "({constraint}) : modifiez l'une des deux, puis synchronisez à nouveau.",
    "rule": "Le serveur de l'équipe refuse cette modification, contraire à la règle "
    "« {constraint} » : corrigez la fiche, puis synchronisez à nouveau.",
    "bad_value": "Une valeur de cette modification n'a pas le format attendu : corrigez la "
    "fiche, puis synchronisez à nouveau.",
    "missing_value": "Une information obligatoire manque ({constraint}) : complétez la fiche, "
    "puis synchronisez à nouveau.",
    "out_of_scope": "Cette fiche n'est pas (ou plus) suivie par votre structure : la "
    "modification n'a pas été appliquée. Voyez avec la structure qui suit la personne.",
}
_UNIQUE_NAMES = {
    "uq_cohort_name": "nom de promotion",
    "uq_checklist_template_name": "nom de liste de préparation",
}


class AuthError(Exception):
    """A device that may not synchronise: HTTP status and a French sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Refusal(Exception):
    def __init__(self, code: str, constraint: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.constraint = constraint

    @property
    def message(self) -> str:
        name = _UNIQUE_NAMES.get(self.constraint, self.constraint)
        return REFUSALS[self.code].format(constraint=name)


@dataclass(frozen=True)
class DeviceScope:
    """Who is asking: the device, its coach, and what they may see."""

    device_id: str
    coach_id: str
    coach_name: str
    structure_id: str
    structure_name: str
    cohorts: tuple[str, ...] = ()

    @property
    def device_hex(self) -> str:
        return uuid.UUID(self.device_id).hex


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def set_scope(connection: Connection, scope: DeviceScope | None, *, admin: bool = False) -> None:
    """SET LOCAL the row-level-security settings of this transaction."""
    connection.execute(
        text(
            "SELECT set_config('coachdesk.structure', :structure, true), "
            "set_config('coachdesk.cohorts', :cohorts, true), "
            "set_config('coachdesk.admin', :admin, true)"
        ),
        {
            "structure": scope.structure_id if scope else "",
            "cohorts": ",".join(scope.cohorts) if scope else "",
            "admin": "on" if admin else "",
        },
    )


def _admin(connection: Connection, on: bool) -> None:
    connection.execute(text("SELECT set_config('coachdesk.admin', :v, true)"),
                       {"v": "on" if on else ""})


def lock_writers(connection: Connection) -> int:
    """Serialise writers for this transaction; the last sequence number handed out."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    return int(connection.execute(text("SELECT last_seq FROM sync_counter WHERE id = 1"))
               .scalar_one())


def _save_counter(connection: Connection, seq: int) -> None:
    connection.execute(text("UPDATE sync_counter SET last_seq = :seq WHERE id = 1"), {"seq": seq})


def _table(name: str) -> Table:
    return metadata.tables[name]


def _data_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in SYNC_COLUMNS]


def _load_rows(connection: Connection, table_name: str,
               ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = connection.execute(
        text(f"SELECT row_to_json(t)::text FROM {table_name} t "
             "WHERE id = ANY(CAST(:ids AS uuid[]))"),
        {"ids": list(ids)},
    ).scalars()
    loaded = (json.loads(row) for row in rows)
    return {row["id"]: row for row in loaded}


def _default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if getattr(default, "is_scalar", False):
        return encode(default.arg)
    if getattr(default, "is_callable", False):
        return encode(default.arg(None))
    return None


@dataclass
class _RowState:
    table: str
    values: dict[str, Any]
    clock: dict[str, list[Any]]
    seq: int
    structure: str | None
    cohort: str | None
    exists: bool
    deleted: bool = False
    privileged: bool = False
    dirty: bool = False


@dataclass
class _OpEffects:
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    tombstones: list[dict[str, Any]] = field(default_factory=list)
    erased: list[str] = field(default_factory=list)
    # (table, row id, old structure, old promotion, new structure, new promotion)
    rescopes: list[tuple[str, str, str | None, str | None, str | None, str | None]] = field(
        default_factory=list)


class Push:
    """One batch of operations from one device, in one transaction."""

    def __init__(self, connection: Connection, scope: DeviceScope, now: datetime, now_ms: int,
                 *, slow: bool = False) -> None:
        self.connection = connection
        self.scope = scope
        self.now = now
        self.now_ms = now_ms
        self.slow = slow
        self.state: dict[tuple[str, str], _RowState | None] = {}
        self.hidden: dict[tuple[str, str], dict[str, Any]] = {}
        self.erased: set[str] = set()
        self.moves: dict[str, str] = {}
        self.refs: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.effects = _OpEffects()
        self.seq = 0
        self.max_hlc = ""

    # -- loading -----------------------------------------------------------------------

    def _prefetch(self, ops: Sequence[dict[str, Any]]) -> None:
        by_table: dict[str, set[str]] = {}
        for op in ops:
            if op["table"] in SYNCED:
                by_table.setdefault(op["table"], set()).add(op["row"])
        found: set[tuple[str, str]] = set()
        for table_name, ids in by_table.items():
            for row_id, row in _load_rows(self.connection, table_name, sorted(ids)).items():
                self.state[(table_name, row_id)] = self._row_state(table_name, row)
                found.add((table_name, row_id))
        missing = [(t, r) for t, ids in by_table.items() for r in ids if (t, r) not in found]
        if missing:
            tombstoned = self.connection.execute(
                text("SELECT table_name, row_id::text FROM sync_tombstone "
                     "WHERE row_id = ANY(CAST(:ids AS uuid[]))"),
                {"ids": [r for _, r in missing]},
            ).all()
            for table_name, row_id in tombstoned:
                self.state[(table_name, row_id)] = None
            rest = [(t, r) for t, r in missing if (t, r) not in self.state]
            if rest:
                # Rows that exist but that this coach may not see (a person moved away).
                _admin(self.connection, True)
                try:
                    for hidden_table in {t for t, _ in rest}:
                        hidden_ids = [r for t, r in rest if t == hidden_table]
                        for row_id, row in _load_rows(self.connection, hidden_table,
                                                      hidden_ids).items():
                            self.hidden[(hidden_table, row_id)] = row
                    moved = self.connection.execute(
                        text("SELECT r.row_id, m.moved_hlc FROM sync_move m, "
                             "jsonb_array_elements_text(m.row_ids) AS r(row_id) "
                             "WHERE m.from_structure_id = CAST(:s AS uuid) "
                             "AND r.row_id = ANY(:ids)"),
                        {"s": self.scope.structure_id, "ids": [r for _, r in rest]},
                    ).all()
                finally:
                    _admin(self.connection, False)
                for row_id, moved_hlc in moved:
                    self.moves[row_id] = max(self.moves.get(row_id, ""), moved_hlc)
        ids = {op["row"] for op in ops}
        for op in ops:
            for value in (op.get("values") or {}).values():
                if isinstance(value, str) and len(value) == 36 and value.count("-") == 4:
                    ids.add(value)
        self.erased = {
            str(r) for r in self.connection.execute(
                text("SELECT row_id::text FROM sync_erased_row "
                     "WHERE row_id = ANY(CAST(:ids AS uuid[]))"),
                {"ids": sorted(ids)},
            ).scalars()
        }
        self._prefetch_refs(ops)

    def _prefetch_refs(self, ops: Sequence[dict[str, Any]]) -> None:
        wanted: dict[str, set[str]] = {}
        for op in ops:
            if op["table"] not in SYNCED:
                continue
            values = op.get("values") or {}
            for fk in _foreign_keys(op["table"]):
                first = values.get(fk.column_keys[0])
                if isinstance(first, str):
                    wanted.setdefault(fk.referred_table.name, set()).add(first)
        for table_name, ids in wanted.items():
            todo = [i for i in ids if (table_name, i) not in self.state]
            loaded = _load_rows(self.connection, table_name, sorted(todo))
            for row_id in todo:
                self.refs[(table_name, row_id)] = loaded.get(row_id)

    def _row_state(self, table_name: str, row: dict[str, Any]) -> _RowState:
        values = {k: v for k, v in row.items() if k not in SYNC_COLUMNS}
        return _RowState(table_name, values, dict(row.get("sync_clock") or {}),
                         int(row["sync_seq"]), row.get("sync_structure_id"),
                         row.get("sync_cohort_id"), exists=True)

    def _current(self, table_name: str, row_id: str) -> dict[str, Any] | None:
        """A row as it stands in this batch: staged, or as loaded."""
        key = (table_name, row_id)
        if key in self.state:
            state = self.state[key]
            return None if state is None or state.deleted else state.values
        if key not in self.refs:
            self.refs[key] = _load_rows(self.connection, table_name, [row_id]).get(row_id)
        return self.refs[key]

    def _scope_of(self, table_name: str, row_id: str) -> tuple[str | None, str | None] | None:
        key = (table_name, row_id)
        state = self.state.get(key)
        if state is not None and not state.deleted:
            return state.structure, state.cohort
        if key in self.state:
            return None
        if key not in self.refs:
            self.refs[key] = _load_rows(self.connection, table_name, [row_id]).get(row_id)
        row = self.refs[key]
        if row is None:
            return None
        return row.get("sync_structure_id"), row.get("sync_cohort_id")

    # -- merging -----------------------------------------------------------------------

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def apply(self, op: dict[str, Any]) -> dict[str, Any]:
        table_name, row_id, kind = op["table"], op["row"], op["kind"]
        if table_name == "sync_conflict" and kind == "resolve":
            return self._resolve(row_id)
        if table_name not in SYNCED or kind not in ("insert", "update", "delete"):
            raise Refusal("rule", constraint=f"{table_name}/{kind}")
        hlc, clamped = clamp(op["hlc"], self.now_ms)
        if hlc > self.max_hlc:
            self.max_hlc = hlc
        key = (table_name, row_id)
        values = dict(op.get("values") or {})
        if row_id in self.erased or any(v in self.erased for v in values.values()
                                        if isinstance(v, str)):
            # Never brought back: nor this row, nor anything hanging from it later.
            self.erased.add(row_id)
            self.effects.erased.append(row_id)
            raise Refusal("erased")
        if key in self.hidden and key not in self.state:
            hidden = self.hidden[key]
            moved_hlc = self.moves.get(row_id, "")
            if not moved_hlc or hlc >= moved_hlc:
                raise Refusal("out_of_scope")
            # Changed here before the person moved away: the change is applied (the agreed
            # rule), the row stays where it went.
            moved_state = self._row_state(table_name, hidden)
            moved_state.privileged = True
            self.state[key] = moved_state
        state = self.state.get(key, _MISSING)
        result: dict[str, Any] = {"status": "applied", "clamped": clamped}
        if kind == "delete":
            if isinstance(state, _RowState) and not state.deleted:
                state.deleted = True
                state.dirty = True
                state.seq = self._next_seq()
                self.effects.tombstones.append({
                    "table_name": table_name, "row_id": row_id, "seq": state.seq,
                    "sync_structure_id": state.structure, "sync_cohort_id": state.cohort,
                })
            return result
        if state is None or (isinstance(state, _RowState) and state.deleted):
            # Deleted elsewhere: the values are kept as conflicts for a person to see.
            seq = self._next_seq()
            for column, value in values.items():
                if column in SILENT_COLUMNS or column == "id":
                    continue
                self.effects.conflicts.append(self._conflict(
                    table_name, row_id, column, None, value, "", hlc, op, "deleted", seq,
                    (self.scope.structure_id, None),
                ))
            result["status"] = "conflict"
            return result
        if state is _MISSING:
            if kind == "update":
                raise Refusal("unknown_row")
            return self._insert(op, table_name, row_id, values, hlc, result)
        assert isinstance(state, _RowState)
        return self._update(op, state, values, hlc, result)

    def _resolve(self, conflict_id: str) -> dict[str, Any]:
        """A person settled a conflict (the value they chose is an ordinary change)."""
        seq = self._next_seq()
        done = self.connection.execute(text(
            "UPDATE sync_conflict SET resolved_at = :now, seq = :seq "
            "WHERE id = CAST(:id AS uuid) AND resolved_at IS NULL"),
            {"now": self.now, "seq": seq, "id": conflict_id}).rowcount
        if not done:
            self.seq -= 1
        return {"status": "applied"}

    def _insert(self, op: dict[str, Any], table_name: str, row_id: str,
                values: dict[str, Any], hlc: str, result: dict[str, Any]) -> dict[str, Any]:
        table = _table(table_name)
        row: dict[str, Any] = {}
        for name in _data_columns(table):
            if name in values:
                row[name] = values[name]
            else:
                row[name] = _default(table.c[name])
        row["id"] = row_id
        for name in SERVER_MANAGED.get(table_name, ()):
            row[name] = None
        self._derive(table_name, row)
        for column in table.columns:
            if column.name in row and row[column.name] is None and not column.nullable:
                raise Refusal("missing_value", constraint=column.name)
        seq = self._next_seq()
        structure, cohort = self._scope_for(table_name, row)
        if table_name == "participant":
            row["structure_id"] = structure
        self._check_references(table_name, row)
        clock = {name: [hlc, seq] for name in row if name != "id"}
        self.state[(table_name, row_id)] = _RowState(
            table_name, row, clock, seq, structure, cohort, exists=False, dirty=True)
        return result

    def _update(self, op: dict[str, Any], state: _RowState, values: dict[str, Any], hlc: str,
                result: dict[str, Any]) -> dict[str, Any]:
        table_name = state.table
        managed = SERVER_MANAGED.get(table_name, frozenset())
        derived = DERIVED.get(table_name)
        base = int(op.get("base") or 0)
        device = self.scope.device_hex
        seq = 0
        changed: set[str] = set()
        for column, value in values.items():
            if column == "id" or column in managed or column not in state.values:
                continue
            if derived is not None and column == derived[0]:
                continue
            current = state.values.get(column)
            clock = state.clock.get(column)
            concurrent = (
                clock is not None and int(clock[1]) > base and device_of(clock[0]) != device
                and current != value and column not in SILENT_COLUMNS
            )
            if concurrent and clock is not None:
                seq = seq or self._next_seq()
                if hlc > clock[0]:
                    self.effects.conflicts.append(self._conflict(
                        table_name, state.values["id"], column, value, current, hlc, clock[0],
                        None, "concurrent", seq, (state.structure, state.cohort),
                        lost_device=device_of(clock[0]),
                    ))
                else:
                    self.effects.conflicts.append(self._conflict(
                        table_name, state.values["id"], column, current, value, clock[0], hlc,
                        op, "concurrent", seq, (state.structure, state.cohort),
                    ))
                    result["status"] = "conflict"
                    continue
            elif column in SILENT_COLUMNS and clock is not None and hlc < clock[0]:
                continue
            if current != value:
                seq = seq or self._next_seq()
                state.values[column] = value
                state.clock[column] = [hlc, seq]
                changed.add(column)
        if not changed:
            if seq:
                state.seq = seq
            return result
        if derived is not None and changed & derived[1]:
            self._derive(table_name, state.values)
        state.seq = seq
        state.dirty = True
        if any(fk.column_keys[0] in changed for fk in _foreign_keys(table_name)):
            self._check_references(table_name, state.values)
            structure, cohort = self._scope_for(table_name, state.values, state)
            if (structure, cohort) != (state.structure, state.cohort):
                self.effects.rescopes.append((table_name, state.values["id"], state.structure,
                                              state.cohort, structure, cohort))
                state.structure, state.cohort = structure, cohort
        return result

    def _derive(self, table_name: str, row: dict[str, Any]) -> None:
        derived = DERIVED.get(table_name)
        if derived is not None:
            row[derived[0]] = derived[2](row)

    def _scope_for(self, table_name: str, row: dict[str, Any],
                   state: _RowState | None = None) -> tuple[str | None, str | None]:
        if table_name not in PERSON_SCOPED:
            return None, None
        if table_name == "participant":
            structure = state.structure if state is not None else self.scope.structure_id
            return structure, row.get("cohort_id")
        link = PERSON_SCOPED[table_name]
        assert link is not None
        parent_id = row.get(link[0])
        if parent_id is None:
            return self.scope.structure_id, None
        scope = self._scope_of(link[1], parent_id)
        if scope is None:
            raise Refusal("erased" if parent_id in self.erased else "parent_missing")
        return scope

    def _check_references(self, table_name: str, row: dict[str, Any]) -> None:
        for fk in _foreign_keys(table_name):
            local = [row.get(name) for name in fk.column_keys]
            if any(value is None for value in local):
                continue
            referred = fk.referred_table.name
            parent = self._current(referred, str(local[0]))
            if parent is None:
                raise Refusal("erased" if local[0] in self.erased else "parent_missing")
            remote = [element.column.name for element in fk.elements]
            if [parent.get(name) for name in remote] != local:
                raise Refusal("rule", constraint=str(fk.name or ""))

    def _conflict(self, table_name: str, row_id: str, column: str, kept: Any, lost: Any,
                  kept_hlc: str, lost_hlc: str, op: dict[str, Any] | None, reason: str,
                  seq: int, scope: tuple[str | None, str | None],
                  lost_device: str = "") -> dict[str, Any]:
        device = lost_device or (self.scope.device_hex if op is not None else "")
        return {
            "id": str(uuid.uuid4()), "table_name": table_name, "row_id": row_id,
            "column_name": column, "kept_value": json.dumps(kept),
            "lost_value": json.dumps(lost), "kept_hlc": kept_hlc, "lost_hlc": lost_hlc,
            "lost_device": str(uuid.UUID(device)) if device and len(device) == 32 else None,
            "reason": reason, "seq": seq, "sync_structure_id": scope[0],
            "sync_cohort_id": scope[1], "created_at": self.now,
        }

    # -- writing -----------------------------------------------------------------------

    def _write_state(self, states: Iterable[_RowState]) -> None:
        inserts: dict[str, list[dict[str, Any]]] = {}
        updates: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        deletes: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        for state in states:
            if not state.dirty:
                continue
            if state.deleted:
                if state.exists:
                    deletes.setdefault((state.table, state.privileged), []).append(
                        {"id": state.values["id"]})
                continue
            record = {**state.values, "sync_seq": state.seq, "sync_clock": state.clock,
                      "sync_structure_id": state.structure, "sync_cohort_id": state.cohort}
            payload = {"j": json.dumps(record, ensure_ascii=False), "id": state.values["id"]}
            if state.exists:
                updates.setdefault((state.table, state.privileged), []).append(payload)
            else:
                inserts.setdefault(state.table, []).append(payload)
            state.exists = True
            state.dirty = False
        for table_name, rows in inserts.items():
            self.connection.execute(text(
                f"INSERT INTO {table_name} SELECT * FROM "
                f"jsonb_populate_record(NULL::{table_name}, CAST(:j AS jsonb))"), rows)
        for (table_name, privileged), rows in updates.items():
            columns = ", ".join(c.name for c in _table(table_name).columns if c.name != "id")
            if privileged:
                _admin(self.connection, True)
            self.connection.execute(text(
                f"UPDATE {table_name} SET ({columns}) = (SELECT {columns} FROM "
                f"jsonb_populate_record(NULL::{table_name}, CAST(:j AS jsonb))) "
                "WHERE id = CAST(:id AS uuid)"), rows)
            if privileged:
                _admin(self.connection, False)
        for (table_name, privileged), rows in deletes.items():
            if privileged:
                _admin(self.connection, True)
            self.connection.execute(
                text(f"DELETE FROM {table_name} WHERE id = CAST(:id AS uuid)"), rows)
            if privileged:
                _admin(self.connection, False)

    def _write_effects(self, effects: _OpEffects) -> None:
        connection = self.connection
        if effects.tombstones:
            connection.execute(text(
                "INSERT INTO sync_tombstone (table_name, row_id, seq, sync_structure_id, "
                "sync_cohort_id, deleted_at) VALUES (:table_name, :row_id, :seq, "
                ":sync_structure_id, :sync_cohort_id, :now) ON CONFLICT (table_name, row_id) "
                "DO UPDATE SET seq = EXCLUDED.seq"),
                [{**t, "now": self.now} for t in effects.tombstones])
            people = [t for t in effects.tombstones if t["table_name"] == "participant"]
            if people:
                # One of two possible duplicates is gone (merged into the other): settled.
                connection.execute(text(
                    "UPDATE sync_duplicate SET resolved = true, seq = :seq "
                    "WHERE participant_id = CAST(:row_id AS uuid) "
                    "OR same_as_id = CAST(:row_id AS uuid)"), people)
        if effects.conflicts:
            connection.execute(_table("sync_conflict").insert(), [
                {**c, "kept_value": json.loads(c["kept_value"]),
                 "lost_value": json.loads(c["lost_value"])} for c in effects.conflicts])
        if effects.erased:
            connection.execute(text(
                "INSERT INTO sync_erased_row (row_id, erasure_id) "
                "SELECT CAST(:row AS uuid), e.erasure_id FROM sync_erased_row e "
                "WHERE e.row_id = ANY(CAST(:erased AS uuid[])) LIMIT 1 "
                "ON CONFLICT DO NOTHING"),
                [{"row": r, "erased": sorted(self.erased)} for r in effects.erased])
        for table_name, row_id, old_s, old_c, new_s, new_c in effects.rescopes:
            _rescope(connection, table_name, row_id, (old_s, old_c), (new_s, new_c), self.seq,
                     self.now, format_hlc(self.now_ms, 0, "server"))

    def _write_one(self, key: tuple[str, str]) -> None:
        state = self.state.get(key)
        if state is None:
            return
        was_new = not state.exists
        if state.deleted and was_new:
            state.dirty = False
            return
        self._write_state([state])

    # -- the batch ---------------------------------------------------------------------

    def run(self, ops: Sequence[dict[str, Any]]) -> dict[str, Any]:
        connection = self.connection
        self.seq = lock_writers(connection)
        set_scope(connection, self.scope)
        if self.slow:
            connection.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
        recorded = {
            str(row.op_id): row for row in connection.execute(
                text("SELECT op_id::text AS op_id, status, code, message FROM sync_applied_op "
                     "WHERE op_id = ANY(CAST(:ids AS uuid[]))"),
                {"ids": [op["id"] for op in ops]},
            )
        }
        fresh = [op for op in ops if op["id"] not in recorded]
        self._prefetch(fresh)
        results: list[dict[str, Any]] = []
        applied_rows: list[dict[str, Any]] = []
        total = _OpEffects()
        for op in ops:
            if op["id"] in recorded:
                row = recorded[op["id"]]
                results.append({"id": op["id"], "status": row.status, "code": row.code,
                                "message": row.message, "repeat": True})
                continue
            key = (op["table"], op["row"])
            saved = copy.deepcopy(self.state[key]) if key in self.state else _MISSING
            saved_seq = self.seq
            self.effects = _OpEffects()
            try:
                outcome = self.apply(op)
                if self.slow:
                    with connection.begin_nested():
                        self._write_one(key)
                        self._write_effects(self.effects)
                        self.effects.rescopes.clear()
            except (Refusal, DBAPIError) as error:
                refusal = error if isinstance(error, Refusal) else _refusal_of(error)
                erased = self.effects.erased
                self.effects = _OpEffects(erased=erased)
                if saved is _MISSING:
                    self.state.pop(key, None)
                else:
                    self.state[key] = saved
                self.seq = saved_seq
                if self.slow and erased:
                    with connection.begin_nested():
                        self._write_effects(self.effects)
                outcome = {"status": "refused", "code": refusal.code, "message": refusal.message}
            outcome["id"] = op["id"]
            results.append(outcome)
            for name in ("conflicts", "tombstones", "erased", "rescopes"):
                getattr(total, name).extend(getattr(self.effects, name))
            applied_rows.append({
                "op_id": op["id"], "device_id": self.scope.device_id, "table_name": op["table"],
                "row_id": op["row"], "seq": self.seq, "status": outcome["status"],
                "code": outcome.get("code", ""), "message": outcome.get("message", ""),
                "applied_at": self.now,
            })
        if not self.slow:
            self._write_state([s for s in self.state.values() if s is not None])
            self._write_effects(total)
        if applied_rows:
            connection.execute(_table("sync_applied_op").insert(), applied_rows)
        if fresh:
            self._find_duplicates()
        _save_counter(connection, self.seq)
        return {
            "results": results,
            "rows": self._touched_rows(ops),
            "server_time": self.now_ms,
            "server_hlc": self.max_hlc,
            "cursor_hint": self.seq,
        }

    def _touched_rows(self, ops: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """The server's truth for every row the batch named, so the laptop converges."""
        keys = {(op["table"], op["row"]) for op in ops}
        rows: dict[str, list[dict[str, Any]]] = {}
        deleted: list[list[str]] = []
        unknown = [k for k in keys if k not in self.state]
        by_table: dict[str, list[str]] = {}
        for table_name, row_id in unknown:
            by_table.setdefault(table_name, []).append(row_id)
        for table_name, ids in by_table.items():
            if table_name not in SYNCED:
                continue
            for row_id, row in _load_rows(self.connection, table_name, ids).items():
                self.state[(table_name, row_id)] = self._row_state(table_name, row)
        for key in sorted(keys):
            state = self.state.get(key)
            if state is None or state.deleted or state.privileged:
                if key in self.state:
                    deleted.append(list(key))
                continue
            rows.setdefault(key[0], []).append({**state.values, "_seq": state.seq})
        return {"tables": rows, "deleted": deleted}

    def _find_duplicates(self) -> None:
        """People created apart who may be one: same folded name and birth date."""
        from coachdesk.services.text import name_key

        new_people = [s for (t, _), s in self.state.items()
                      if t == "participant" and s is not None and s.seq > 0
                      and s.values.get("birth_date") and not s.deleted
                      and s.clock.get("last_name", [None, -1])[1] == s.seq]
        if not new_people:
            return
        dates = sorted({s.values["birth_date"] for s in new_people})
        candidates = self.connection.execute(
            text("SELECT id::text, last_name, first_name, birth_date::text, cohort_id::text "
                 "FROM participant WHERE birth_date = ANY(CAST(:dates AS date[]))"),
            {"dates": dates},
        ).all()
        by_key: dict[tuple[str, str], list[str]] = {}
        for row_id, last, first, born, _cohort in candidates:
            by_key.setdefault((name_key(f"{last}{first}"), born), []).append(row_id)
        found = []
        for state in new_people:
            values = state.values
            key = (name_key(f"{values['last_name']}{values['first_name']}"), values["birth_date"])
            for other in by_key.get(key, []):
                if other != values["id"]:
                    found.append({
                        "id": str(uuid.uuid4()), "participant_id": values["id"],
                        "same_as_id": other, "reason": "nom_et_naissance", "seq": state.seq,
                        "sync_structure_id": state.structure, "sync_cohort_id": state.cohort,
                        "created_at": self.now, "resolved": False,
                    })
        if found:
            self.connection.execute(_table("sync_duplicate").insert(), found)


_MISSING: Any = object()


def _foreign_keys(table_name: str) -> list[ForeignKeyConstraint]:
    return sorted((c for c in _table(table_name).constraints
                   if isinstance(c, ForeignKeyConstraint)), key=lambda c: str(c.name or ""))


def _refusal_of(error: DBAPIError) -> Refusal:
    original = error.orig
    state = getattr(original, "sqlstate", "") or ""
    diag = getattr(original, "diag", None)
    constraint = getattr(diag, "constraint_name", None) or getattr(diag, "column_name", None) or ""
    if state == "23505":
        return Refusal("duplicate", constraint)
    if state == "23503":
        return Refusal("parent_missing", constraint)
    if state == "23502":
        return Refusal("missing_value", constraint)
    if state == "23514":
        return Refusal("rule", constraint)
    if state == "42501":
        return Refusal("out_of_scope")
    if state.startswith("22"):
        return Refusal("bad_value")
    raise error


def push(connection_factory: Any, scope: DeviceScope, ops: Sequence[dict[str, Any]],
         now: datetime, now_ms: int) -> dict[str, Any]:
    """Apply a batch: first in one go, and when PostgreSQL refuses it, one change at a time."""
    from sqlalchemy.exc import IntegrityError

    try:
        with connection_factory() as connection:
            return Push(connection, scope, now, now_ms).run(ops)
    except (IntegrityError, DBAPIError) as error:
        state = getattr(error.orig, "sqlstate", "") or ""
        if not (state.startswith("23") or state.startswith("22") or state == "42501"):
            raise
    with connection_factory() as connection:
        return Push(connection, scope, now, now_ms, slow=True).run(ops)


# -- subtrees, moves and erasures ---------------------------------------------------------


def person_rows(connection: Connection, row_id: str,
                table_name: str = "participant") -> dict[str, list[str]]:
    """Table → ids of a row and every row hanging from it (a person and all about them)."""
    children = person_descendants()
    found: dict[str, list[str]] = {table_name: [row_id]}
    queue = [table_name]
    while queue:
        parent = queue.pop()
        for child, column in children.get(parent, []):
            ids = [str(r) for r in connection.execute(
                text(f"SELECT id::text FROM {child} "
                     f"WHERE {column} = ANY(CAST(:ids AS uuid[]))"),
                {"ids": found[parent]},
            ).scalars()]
            if ids:
                found.setdefault(child, []).extend(ids)
                queue.append(child)
    return found


def _rescope(connection: Connection, table_name: str, row_id: str,
             before: tuple[str | None, str | None], after: tuple[str | None, str | None],
             seq: int, now: datetime, moved_hlc: str) -> None:
    """Give a row and all hanging from it a new scope and sequence; record the move.

    Laptops that no longer see the rows drop them (``moved_out`` in their pull); laptops that
    now see them receive them whole, their sequence numbers being new.
    """
    _admin(connection, True)
    try:
        rows = person_rows(connection, row_id, table_name)
        for name, ids in rows.items():
            connection.execute(text(
                f"UPDATE {name} SET sync_structure_id = CAST(:s AS uuid), "
                "sync_cohort_id = CAST(:c AS uuid), sync_seq = :seq "
                "WHERE id = ANY(CAST(:ids AS uuid[]))"),
                {"s": after[0], "c": after[1], "seq": seq, "ids": ids})
        all_ids = [i for ids in rows.values() for i in ids]
        connection.execute(text(
            "UPDATE sync_conflict SET sync_structure_id = CAST(:s AS uuid), "
            "sync_cohort_id = CAST(:c AS uuid), seq = :seq "
            "WHERE row_id = ANY(CAST(:ids AS uuid[]))"),
            {"s": after[0], "c": after[1], "seq": seq, "ids": all_ids})
        connection.execute(_table("sync_move").insert(), [{
            "id": str(uuid.uuid4()), "participant_id": row_id, "row_ids": all_ids,
            "from_structure_id": before[0], "from_cohort_id": before[1],
            "to_structure_id": after[0], "to_cohort_id": after[1], "moved_hlc": moved_hlc,
            "seq": seq, "moved_at": now,
        }])
    finally:
        _admin(connection, False)


def move_person(connection: Connection, participant_id: str, structure_id: str, now: datetime,
                now_ms: int) -> int:
    """Move a person (and everything about them) to another structure: an explicit act."""
    seq = lock_writers(connection) + 1
    set_scope(connection, None, admin=True)
    row = connection.execute(
        text("SELECT sync_cohort_id::text, sync_clock, sync_structure_id::text FROM participant "
             "WHERE id = CAST(:id AS uuid)"), {"id": participant_id}).first()
    if row is None:
        raise LookupError(participant_id)
    moved_hlc = format_hlc(now_ms, 0, "server")
    clock = dict(row[1] or {})
    clock["structure_id"] = [moved_hlc, seq]
    connection.execute(text(
        "UPDATE participant SET structure_id = CAST(:s AS uuid), sync_clock = CAST(:c AS jsonb) "
        "WHERE id = CAST(:id AS uuid)"),
        {"s": structure_id, "c": json.dumps(clock), "id": participant_id})
    _rescope(connection, "participant", participant_id, (row[2], row[0]), (structure_id, row[0]),
             seq, now, moved_hlc)
    set_scope(connection, None, admin=True)
    _save_counter(connection, seq)
    return seq


def erase_person(connection: Connection, participant_id: str, now: datetime) -> str:
    """GDPR erasure: delete a person's rows and conflicts, order every laptop to purge them."""
    seq = lock_writers(connection) + 1
    set_scope(connection, None, admin=True)
    scope = connection.execute(
        text("SELECT sync_structure_id::text, sync_cohort_id::text FROM participant "
             "WHERE id = CAST(:id AS uuid)"), {"id": participant_id}).first()
    if scope is None:
        raise LookupError(participant_id)
    rows = person_rows(connection, participant_id)
    all_ids = [i for ids in rows.values() for i in ids]
    erasure_id = str(uuid.uuid4())
    connection.execute(text("DELETE FROM sync_conflict WHERE row_id = ANY(CAST(:ids AS uuid[]))"),
                       {"ids": all_ids})
    connection.execute(text(
        "DELETE FROM sync_duplicate WHERE participant_id = CAST(:id AS uuid) "
        "OR same_as_id = CAST(:id AS uuid)"), {"id": participant_id})
    connection.execute(text("DELETE FROM participant WHERE id = CAST(:id AS uuid)"),
                       {"id": participant_id})
    connection.execute(_table("sync_erasure").insert(), [{
        "id": erasure_id, "participant_id": participant_id, "row_ids": all_ids, "seq": seq,
        "sync_structure_id": scope[0], "sync_cohort_id": scope[1], "ordered_at": now,
    }])
    connection.execute(_table("sync_erased_row").insert(),
                       [{"row_id": i, "erasure_id": erasure_id} for i in all_ids])
    _save_counter(connection, seq)
    return erasure_id


def acknowledge_erasures(connection: Connection, scope: DeviceScope, ids: Sequence[str],
                         now: datetime) -> None:
    if ids:
        set_scope(connection, scope)
        connection.execute(text(
            "INSERT INTO sync_erasure_ack (erasure_id, device_id, acked_at) "
            "SELECT e.id, CAST(:device AS uuid), :now FROM sync_erasure e "
            "WHERE e.id = ANY(CAST(:ids AS uuid[])) ON CONFLICT DO NOTHING"),
            {"device": scope.device_id, "now": now, "ids": list(ids)})


def applied_ops(connection: Connection, scope: DeviceScope, ids: Sequence[str]) -> list[str]:
    """Which of these operation ids the server has received (a restored laptop asks)."""
    return [str(r) for r in connection.execute(
        text("SELECT op_id::text FROM sync_applied_op WHERE op_id = ANY(CAST(:ids AS uuid[]))"),
        {"ids": list(ids)},
    ).scalars()]


# -- reading -----------------------------------------------------------------------------


def _rows_json(connection: Connection, table_name: str, where: str, params: dict[str, Any],
               order: str = "sync_seq", limit: int | None = None) -> list[str]:
    columns = ", ".join(_data_columns(_table(table_name)))
    limit_sql = f" LIMIT {int(limit)}" if limit else ""
    return list(connection.execute(text(
        f"SELECT row_to_json(x)::text FROM (SELECT {columns}, sync_seq AS _seq FROM {table_name} "
        f"WHERE {where} ORDER BY {order}{limit_sql}) x"), params).scalars())


_SYNCED_ORDER = tuple(sorted(SYNCED))
_EXTRA_SEQ_TABLES = ("sync_tombstone", "sync_conflict", "sync_erasure", "sync_move",
                     "sync_duplicate")


def pull(connection: Connection, scope: DeviceScope, cursor: int, now_ms: int,
         limit: int = PAGE_LIMIT) -> str:
    """What this coach may see that changed after ``cursor``, as JSON text (one page)."""
    set_scope(connection, scope)
    last = int(connection.execute(text("SELECT last_seq FROM sync_counter WHERE id = 1"))
               .scalar_one())
    if last <= cursor:
        return json.dumps({"tables": {}, "deleted": [], "conflicts": [], "erasures": [],
                           "moved_out": [], "duplicates": [], "cursor": last, "more": False,
                           "server_time": now_ms})
    # Where this page ends: the sequence of the limit-th change visible to this coach (one
    # query over every table).
    branches = " UNION ALL ".join(
        f"(SELECT {column} AS seq FROM {name} WHERE {column} > :c AND {column} <= :last "
        f"ORDER BY {column} LIMIT :limit)"
        for name, column in [*((t, "sync_seq") for t in sorted(SYNCED)),
                             *((t, "seq") for t in _EXTRA_SEQ_TABLES)])
    seqs = list(connection.execute(
        text(f"SELECT seq FROM ({branches}) s ORDER BY seq LIMIT :limit1"),
        {"c": cursor, "last": last, "limit": limit, "limit1": limit + 1}).scalars())
    more = len(seqs) > limit
    upto = seqs[limit - 1] if more else last
    params = {"c": cursor, "u": upto}
    by_table: dict[str, list[str]] = {}
    if seqs:
        rows_sql = " UNION ALL ".join(
            f"SELECT {index} AS t, row_to_json(x)::text AS j FROM (SELECT "
            f"{', '.join(_data_columns(_table(name)))}, sync_seq AS _seq FROM {name} "
            "WHERE sync_seq > :c AND sync_seq <= :u) x"
            for index, name in enumerate(_SYNCED_ORDER))
        for index, row in connection.execute(text(rows_sql), params):
            by_table.setdefault(_SYNCED_ORDER[index], []).append(row)
    parts = [f"{json.dumps(name)}:[{','.join(rows)}]" for name, rows in by_table.items()]
    deleted = connection.execute(text(
        "SELECT table_name, row_id::text FROM sync_tombstone WHERE seq > :c AND seq <= :u "
        "ORDER BY seq"), params).all()
    conflicts = _conflicts(connection, "seq > :c AND seq <= :u", params)
    erasures = connection.execute(text(
        "SELECT id::text, participant_id::text, row_ids FROM sync_erasure "
        "WHERE seq > :c AND seq <= :u ORDER BY seq"), params).all()
    moved_out = connection.execute(text(
        "SELECT participant_id::text, row_ids FROM sync_move WHERE seq > :c AND seq <= :u "
        "AND coachdesk_visible(from_structure_id, from_cohort_id) "
        "AND NOT coachdesk_visible(to_structure_id, to_cohort_id) ORDER BY seq"), params).all()
    duplicates = connection.execute(text(
        "SELECT id::text, participant_id::text, same_as_id::text, reason, resolved "
        "FROM sync_duplicate WHERE seq > :c AND seq <= :u ORDER BY seq"), params).all()
    body = {
        "deleted": [list(row) for row in deleted],
        "conflicts": conflicts,
        "erasures": [{"id": e[0], "participant": e[1], "rows": e[2]} for e in erasures],
        "moved_out": [{"participant": m[0], "rows": m[1]} for m in moved_out],
        "duplicates": [{"id": d[0], "participant": d[1], "same_as": d[2], "reason": d[3],
                        "resolved": d[4]} for d in duplicates],
        "cursor": upto,
        "more": more,
        "server_time": now_ms,
    }
    head = json.dumps(body, ensure_ascii=False)
    return "{" + f"\"tables\":{{{','.join(parts)}}}," + head[1:]


def _conflicts(connection: Connection, where: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    rows = connection.execute(text(
        "SELECT id::text, table_name, row_id::text, column_name, kept_value, lost_value, "
        f"lost_hlc, lost_device::text, reason, seq, resolved_at IS NOT NULL FROM sync_conflict "
        f"WHERE {where} ORDER BY seq"), params).all()
    return [{"id": r[0], "table": r[1], "row": r[2], "column": r[3], "kept": r[4], "lost": r[5],
             "lost_hlc": r[6], "lost_device": r[7] or "", "reason": r[8], "seq": r[9],
             "resolved": r[10]} for r in rows]


def snapshot_page(connection: Connection, scope: DeviceScope, table_name: str, after: str,
                  limit: int) -> str:
    """One keyset page of a table's current rows (by id), as JSON text."""
    set_scope(connection, scope)
    if table_name == "sync_conflict":
        conflicts = _conflicts(connection, "resolved_at IS NULL AND id > CAST(:a AS uuid)",
                               {"a": after or "00000000-0000-0000-0000-000000000000"})
        return json.dumps({"rows": conflicts, "more": False})
    if table_name not in SYNCED:
        raise KeyError(table_name)
    rows = _rows_json(connection, table_name, "id > CAST(:a AS uuid)",
                      {"a": after or "00000000-0000-0000-0000-000000000000"},
                      order="id", limit=limit)
    more = "true" if len(rows) == limit else "false"
    return f"{{\"rows\":[{','.join(rows)}],\"more\":{more}}}"


def snapshot_start(connection: Connection, scope: DeviceScope) -> dict[str, Any]:
    """The sequence a snapshot stands at, and the tables with rows for this coach (in
    foreign-key order), so a laptop asks only for those."""
    from coachdesk.sync.tables import dependency_rank

    set_scope(connection, scope)
    rank = dependency_rank()
    order = sorted(SYNCED, key=rank.__getitem__)
    counts = connection.execute(text(" UNION ALL ".join(
        f"SELECT {index}, count(*) FROM {name}" for index, name in enumerate(order)))).all()
    tables = [order[index] for index, count in counts if count]
    open_conflicts = connection.execute(
        text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")).scalar()
    return {"at": last_seq(connection),
            "tables": [*tables, *(["sync_conflict"] if open_conflicts else [])],
            "counts": {order[index]: count for index, count in counts if count}}


def last_seq(connection: Connection) -> int:
    return int(connection.execute(text("SELECT last_seq FROM sync_counter WHERE id = 1"))
               .scalar_one())


# -- devices, coaches, codes --------------------------------------------------------------


def authenticate(connection: Connection, secret: str, now: datetime,
                 laptop_schema: str = "") -> DeviceScope:
    """The device holding ``secret``, its expiry pushed back; refused when revoked or expired."""
    row = connection.execute(text(
        "SELECT d.id::text, d.revoked_at, d.expires_at, c.id::text, c.name, c.cohort_scope, "
        "c.disabled_at, s.id::text, s.name, d.last_seen_at, d.laptop_schema "
        "FROM device d JOIN coach_account c ON c.id = d.coach_id "
        "JOIN structure s ON s.id = c.structure_id WHERE d.token_hash = :h"),
        {"h": token_hash(secret)}).first()
    if row is None:
        raise AuthError(401, "Ce poste n'est pas reconnu par le serveur de l'équipe : "
                        "rejoignez l'équipe avec un nouveau code (sync join).")
    if row[1] is not None or row[6] is not None:
        raise AuthError(401, "Ce poste a été retiré de l'équipe : il ne peut plus se "
                        "synchroniser. Demandez un nouveau code au responsable de l'équipe.")
    if row[2] < now:
        raise AuthError(401, "L'accès de ce poste à l'équipe a expiré faute de "
                        "synchronisation : demandez un nouveau code au responsable de l'équipe.")
    if row[9] is None or row[9] < now - timedelta(hours=1) or row[10] != laptop_schema:
        # The token's life restarts with use (a lost laptop's token dies unused); written at
        # most hourly, not on every request.
        connection.execute(text(
            "UPDATE device SET last_seen_at = :now, expires_at = :exp, laptop_schema = :schema "
            "WHERE id = CAST(:id AS uuid)"),
            {"now": now, "exp": now + timedelta(days=DEVICE_TOKEN_DAYS),
             "schema": laptop_schema, "id": row[0]})
    cohorts = tuple(c for c in (row[5] or "").split(",") if c)
    return DeviceScope(row[0], row[3], row[4], row[7], row[8], cohorts)


def new_join_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _normal_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def issue_code(connection: Connection, coach_id: str, now: datetime) -> str:
    code = new_join_code()
    connection.execute(_table("join_code").insert(), [{
        "code_hash": token_hash(_normal_code(code)), "coach_id": coach_id,
        "expires_at": now + timedelta(days=JOIN_CODE_DAYS), "used_at": None,
    }])
    return code


def redeem_code(connection: Connection, code: str, now: datetime,
                laptop_schema: str) -> dict[str, Any]:
    """Trade a one-time join code for a device token."""
    row = connection.execute(text(
        "SELECT j.coach_id::text, j.expires_at, j.used_at FROM join_code j "
        "WHERE j.code_hash = :h FOR UPDATE"), {"h": token_hash(_normal_code(code))}).first()
    if row is None or row[2] is not None:
        raise AuthError(403, "Ce code d'accès est inconnu ou a déjà servi : demandez-en un "
                        "nouveau au responsable de l'équipe.")
    if row[1] < now:
        raise AuthError(403, "Ce code d'accès a expiré : demandez-en un nouveau au "
                        "responsable de l'équipe.")
    secret = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    connection.execute(text("UPDATE join_code SET used_at = :now WHERE code_hash = :h"),
                       {"now": now, "h": token_hash(_normal_code(code))})
    connection.execute(_table("device").insert(), [{
        "id": device_id, "coach_id": row[0], "token_hash": token_hash(secret),
        "created_at": now, "expires_at": now + timedelta(days=DEVICE_TOKEN_DAYS),
        "revoked_at": None, "last_seen_at": now, "laptop_schema": laptop_schema,
    }])
    scope = authenticate(connection, secret, now, laptop_schema)
    team = connection.execute(text("SELECT name, pseudonym_key FROM team WHERE id = 1")).one()
    return {
        "device_id": device_id, "token": secret, "coach_id": scope.coach_id,
        "coach_name": scope.coach_name, "structure_id": scope.structure_id,
        "structure_name": scope.structure_name, "team_name": team[0], "team_key": team[1],
    }


def ensure_structure(connection: Connection, name: str, now: datetime) -> str:
    found = connection.execute(text("SELECT id::text FROM structure WHERE name = :n"),
                               {"n": name}).scalar()
    if found:
        return str(found)
    structure_id = str(uuid.uuid4())
    connection.execute(_table("structure").insert(),
                       [{"id": structure_id, "name": name, "created_at": now}])
    return structure_id


def add_coach(connection: Connection, name: str, structure_name: str,
              promotions: Sequence[str], now: datetime) -> tuple[str, str]:
    """A coach account in a structure (limited to some promotions or not), and a join code."""
    structure_id = ensure_structure(connection, structure_name, now)
    set_scope(connection, None, admin=True)
    cohort_ids = []
    for promotion in promotions:
        found = connection.execute(text("SELECT id::text FROM cohort WHERE name = :n"),
                                   {"n": promotion}).scalar()
        if found is None:
            raise LookupError(promotion)
        cohort_ids.append(str(found))
    coach_id = str(uuid.uuid4())
    connection.execute(_table("coach_account").insert(), [{
        "id": coach_id, "name": name, "structure_id": structure_id,
        "cohort_scope": ",".join(cohort_ids), "created_at": now, "disabled_at": None,
    }])
    return coach_id, issue_code(connection, coach_id, now)


def revoke_device(connection: Connection, device_id: str, now: datetime) -> bool:
    result = connection.execute(text(
        "UPDATE device SET revoked_at = :now WHERE id = CAST(:id AS uuid) AND revoked_at IS NULL"),
        {"now": now, "id": device_id})
    return bool(result.rowcount)


def ensure_team(connection: Connection, name: str) -> None:
    exists = connection.execute(text("SELECT 1 FROM team WHERE id = 1")).first()
    if exists is None:
        connection.execute(_table("team").insert(), [{
            "id": 1, "name": name, "pseudonym_key": secrets.token_hex(32), "created_at": utcnow(),
        }])
