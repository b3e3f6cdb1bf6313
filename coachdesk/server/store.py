"""The team server's push: one batch of a device's changes merged on one PostgreSQL connection.

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

Reading (pull, snapshot) is ``server.reading``; moves and erasures of a person are
``server.people``; devices, coaches and join codes are ``server.devices``.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from coachdesk.server.access import (
    SYNC_COLUMNS,
    DeviceScope,
    Refusal,
    admin_mode,
    column_default,
    data_columns,
    foreign_keys,
    load_rows,
    lock_writers,
    refusal_of,
    save_counter,
    set_scope,
    table_of,
)
from coachdesk.server.people import flag_duplicates, rescope
from coachdesk.server.staging import OpEffects, RowState, write_rows
from coachdesk.sync.hlc import clamp, device_of, format_hlc
from coachdesk.sync.tables import (
    DERIVED,
    PERSON_SCOPED,
    SERVER_MANAGED,
    SILENT_COLUMNS,
    SYNCED,
)


class Push:
    """One batch of operations from one device, in one transaction."""

    def __init__(self, connection: Connection, scope: DeviceScope, now: datetime, now_ms: int,
                 *, slow: bool = False) -> None:
        self.connection = connection
        self.scope = scope
        self.now = now
        self.now_ms = now_ms
        self.slow = slow
        self.state: dict[tuple[str, str], RowState | None] = {}
        self.hidden: dict[tuple[str, str], dict[str, Any]] = {}
        self.erased: set[str] = set()
        self.moves: dict[str, str] = {}
        self.refs: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.effects = OpEffects()
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
            for row_id, row in load_rows(self.connection, table_name, sorted(ids)).items():
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
                admin_mode(self.connection, True)
                try:
                    for hidden_table in {t for t, _ in rest}:
                        hidden_ids = [r for t, r in rest if t == hidden_table]
                        for row_id, row in load_rows(self.connection, hidden_table,
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
                    admin_mode(self.connection, False)
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
            for fk in foreign_keys(op["table"]):
                first = values.get(fk.column_keys[0])
                if isinstance(first, str):
                    wanted.setdefault(fk.referred_table.name, set()).add(first)
        for table_name, ids in wanted.items():
            todo = [i for i in ids if (table_name, i) not in self.state]
            loaded = load_rows(self.connection, table_name, sorted(todo))
            for row_id in todo:
                self.refs[(table_name, row_id)] = loaded.get(row_id)

    def _row_state(self, table_name: str, row: dict[str, Any]) -> RowState:
        values = {k: v for k, v in row.items() if k not in SYNC_COLUMNS}
        return RowState(table_name, values, dict(row.get("sync_clock") or {}),
                         int(row["sync_seq"]), row.get("sync_structure_id"),
                         row.get("sync_cohort_id"), exists=True)

    def _current(self, table_name: str, row_id: str) -> dict[str, Any] | None:
        """A row as it stands in this batch: staged, or as loaded."""
        key = (table_name, row_id)
        if key in self.state:
            state = self.state[key]
            return None if state is None or state.deleted else state.values
        if key not in self.refs:
            self.refs[key] = load_rows(self.connection, table_name, [row_id]).get(row_id)
        return self.refs[key]

    def _scope_of(self, table_name: str, row_id: str) -> tuple[str | None, str | None] | None:
        key = (table_name, row_id)
        state = self.state.get(key)
        if state is not None and not state.deleted:
            return state.structure, state.cohort
        if key in self.state:
            return None
        if key not in self.refs:
            self.refs[key] = load_rows(self.connection, table_name, [row_id]).get(row_id)
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
            if isinstance(state, RowState) and not state.deleted:
                state.deleted = True
                state.dirty = True
                state.seq = self._next_seq()
                self.effects.tombstones.append({
                    "table_name": table_name, "row_id": row_id, "seq": state.seq,
                    "sync_structure_id": state.structure, "sync_cohort_id": state.cohort,
                })
            return result
        if state is None or (isinstance(state, RowState) and state.deleted):
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
        assert isinstance(state, RowState)
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
        table = table_of(table_name)
        row: dict[str, Any] = {}
        for name in data_columns(table):
            if name in values:
                row[name] = values[name]
            else:
                row[name] = column_default(table.c[name])
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
        self.state[(table_name, row_id)] = RowState(
            table_name, row, clock, seq, structure, cohort, exists=False, dirty=True)
        return result

    def _update(self, op: dict[str, Any], state: RowState, values: dict[str, Any], hlc: str,
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
        if any(fk.column_keys[0] in changed for fk in foreign_keys(table_name)):
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
                   state: RowState | None = None) -> tuple[str | None, str | None]:
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
        for fk in foreign_keys(table_name):
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

    def _write_effects(self, effects: OpEffects) -> None:
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
            connection.execute(table_of("sync_conflict").insert(), [
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
            rescope(connection, table_name, row_id, (old_s, old_c), (new_s, new_c), self.seq,
                     self.now, format_hlc(self.now_ms, 0, "server"))

    def _write_one(self, key: tuple[str, str]) -> None:
        state = self.state.get(key)
        if state is None:
            return
        was_new = not state.exists
        if state.deleted and was_new:
            state.dirty = False
            return
        write_rows(self.connection, [state])

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
        total = OpEffects()
        for op in ops:
            if op["id"] in recorded:
                row = recorded[op["id"]]
                results.append({"id": op["id"], "status": row.status, "code": row.code,
                                "message": row.message, "repeat": True})
                continue
            key = (op["table"], op["row"])
            saved = copy.deepcopy(self.state[key]) if key in self.state else _MISSING
            saved_seq = self.seq
            self.effects = OpEffects()
            try:
                outcome = self.apply(op)
                if self.slow:
                    with connection.begin_nested():
                        self._write_one(key)
                        self._write_effects(self.effects)
                        self.effects.rescopes.clear()
            except (Refusal, DBAPIError) as error:
                refusal = error if isinstance(error, Refusal) else refusal_of(error)
                erased = self.effects.erased
                self.effects = OpEffects(erased=erased)
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
            write_rows(self.connection, [s for s in self.state.values() if s is not None])
            self._write_effects(total)
        if applied_rows:
            connection.execute(table_of("sync_applied_op").insert(), applied_rows)
        if fresh:
            self._find_duplicates()
        save_counter(connection, self.seq)
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
            for row_id, row in load_rows(self.connection, table_name, ids).items():
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
        """People created apart who may be one (``people.flag_duplicates``)."""
        flag_duplicates(self.connection, [
            (s.values, s.seq, s.structure, s.cohort) for (t, _), s in self.state.items()
            if t == "participant" and s is not None and s.seq > 0
            and s.values.get("birth_date") and not s.deleted
            and s.clock.get("last_name", [None, -1])[1] == s.seq
        ], self.now)


_MISSING: Any = object()


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

