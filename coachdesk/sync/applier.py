"""Applying what the team server sends to the laptop, in one write transaction (no Qt).

Rows, deletions, erasures, moves out of the coach's scope, conflicts and duplicate candidates
arrive in pages (``Applier.page``); capture is switched off while they are applied, so nothing
received goes back to the outbox. A column with a pending local change keeps its local value
until the server has answered for it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coachdesk.models.base import canonical_id, utcnow
from coachdesk.sync.capture import APPLYING
from coachdesk.sync.codec import decode_row
from coachdesk.sync.hlc import Clock
from coachdesk.sync.tables import DERIVED, SYNCED, person_descendants

log = logging.getLogger(__name__)

# Ids per statement when rows are read or deleted by id.
CHUNK = 500


def model_tables() -> dict[str, Table]:
    from coachdesk.models import Base

    return {name: table for name, table in Base.metadata.tables.items()}


def _executor(connection: Any, statement: Any) -> Callable[[list[dict[str, Any]]], Any]:
    """Runs one statement for a list of rows."""
    return lambda rows: connection.execute(statement, rows)


class Applier:
    """Applies server rows to the laptop inside one write transaction, capture switched off."""

    def __init__(self, session: Session) -> None:
        from coachdesk.db import defer_foreign_keys

        self.session = session
        session.info[APPLYING] = True
        self.connection = session.connection()
        defer_foreign_keys(self.connection)
        self.tables = model_tables()
        self.outbox = self.tables["sync_outbox"]
        erased = self.tables["sync_erased"]
        self.erased = {canonical_id(r) for r in self.connection.execute(select(erased.c.row_id))
                       .scalars()}
        self.received = 0
        self.new_conflicts = 0
        self.erased_people = 0
        self.acks: list[str] = []
        # Rows the laptop's own rules refuse for now (``_held``): id → sequence number.
        self.held: dict[str, int] = {}

    def pending(self, ids: Sequence[str]) -> dict[str, set[str] | None]:
        """Row id → columns with a pending local change (None: the whole row is pending)."""
        found: dict[str, set[str] | None] = {}
        outbox = self.outbox
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start:start + CHUNK])
            for row_id, kind, payload in self.connection.execute(
                select(outbox.c.row_id, outbox.c.kind, outbox.c.payload)
                .where(outbox.c.status == "pending", outbox.c.row_id.in_(chunk))
            ):
                key = canonical_id(row_id)
                if kind in ("insert", "delete"):
                    found[key] = None
                elif key not in found or found[key] is not None:
                    columns = found.get(key) or set()
                    columns.update(json.loads(payload))
                    columns.discard("id")
                    found[key] = columns
        return found

    def rows(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        table = self.tables.get(table_name)
        if table is None or table_name not in SYNCED or not rows:
            return
        rows = [r for r in rows if r["id"] not in self.erased]
        ids = [r["id"] for r in rows]
        pending = self.pending(ids)
        existing: set[str] = set()
        for start in range(0, len(ids), CHUNK):
            existing.update(canonical_id(v) for v in self.connection.execute(
                select(table.c.id).where(table.c.id.in_(ids[start:start + CHUNK]))).scalars())
        inserts: list[dict[str, Any]] = []
        updates: dict[frozenset[str], list[dict[str, Any]]] = {}
        partial: list[str] = []
        seqs = {r["id"]: int(r.get("_seq") or 0) for r in rows}
        for row in rows:
            row_id = row["id"]
            if self.held and any(isinstance(v, str) and v in self.held for v in row.values()):
                # Hangs from a row held back: held back with it (foreign keys hold).
                self.held[row_id] = seqs[row_id]
                continue
            columns = pending.get(row_id, set())
            if columns is None:
                continue
            values = decode_row(table, row)
            if row_id not in existing:
                if row_id in pending:
                    continue
                inserts.append(values)
                continue
            if columns:
                values = {k: v for k, v in values.items() if k not in columns}
                partial.append(row_id)
            values["_id"] = values.pop("id")
            updates.setdefault(frozenset(values), []).append(values)
        if inserts:
            by_keys: dict[frozenset[str], list[dict[str, Any]]] = {}
            for values in inserts:
                by_keys.setdefault(frozenset(values), []).append(values)
            for group in by_keys.values():
                self._write(group, "id", seqs, _executor(self.connection, insert(table)))
        from sqlalchemy import bindparam

        for keys, group in updates.items():
            names = sorted(k for k in keys if k != "_id")
            if not names:
                continue
            statement = (update(table).where(table.c.id == bindparam("_id"))
                         .values({name: bindparam(name) for name in names}))
            self._write(group, "_id", seqs, _executor(self.connection, statement))
        if partial and table_name in DERIVED:
            self._rederive(table, partial)
        self.received += len(rows) - len(self.held.keys() & seqs.keys())

    def _write(self, group: list[dict[str, Any]], key: str, seqs: dict[str, int],
               write: Callable[[list[dict[str, Any]]], Any]) -> None:
        """Write rows of the team; a row this laptop's own rules refuse is held back.

        The same fact recorded here and on another laptop before either synced (the same
        alert set aside, the same day of absence, a template of the same name) makes two rows
        with one unique value: the server refused this laptop's row, and the coach sees that
        refusal. Until the coach settles it, the team's row waits: the cursor stays before it
        (``finish``), so it arrives at the first synchronisation after.
        """
        try:
            with self.connection.begin_nested():
                write(group)
            return
        except IntegrityError:
            pass
        for values in group:
            try:
                with self.connection.begin_nested():
                    write([values])
            except IntegrityError:
                row_id = canonical_id(values[key])
                self.held[row_id] = next((seq for i, seq in seqs.items()
                                          if canonical_id(i) == row_id), 0)

    def _rederive(self, table: Table, ids: list[str]) -> None:
        column, sources, compute = DERIVED[table.name]
        for row in self.connection.execute(
            select(table.c.id, *(table.c[s] for s in sorted(sources))).where(table.c.id.in_(ids))
        ).mappings():
            self.connection.execute(update(table).where(table.c.id == row["id"])
                                    .values({column: compute(dict(row))}))

    def deleted(self, pairs: Iterable[Sequence[str]]) -> None:
        pairs = list(pairs)
        pending = self.pending([p[1] for p in pairs])
        for table_name, row_id in pairs:
            table = self.tables.get(table_name)
            if table is None or row_id in pending:
                continue
            self.connection.execute(delete(table).where(table.c.id == row_id))
            self.received += 1

    def local_subtree(self, participant_ids: Sequence[str]) -> dict[str, list[str]]:
        children = person_descendants()
        found: dict[str, list[str]] = {"participant": list(participant_ids)}
        queue = ["participant"]
        while queue:
            parent = queue.pop()
            for child, column in children.get(parent, []):
                table = self.tables[child]
                ids = [canonical_id(v) for v in self.connection.execute(
                    select(table.c.id).where(table.c[column].in_(found[parent]))).scalars()]
                if ids:
                    found.setdefault(child, []).extend(ids)
                    queue.append(child)
        return found

    def erase(self, erasure_id: str, participant_id: str, server_ids: Iterable[str]) -> None:
        """Purge a person the team erased: rows, pending changes, conflicts; remember the ids."""
        if participant_id not in self.erased:
            self.erased_people += 1
        subtree = self.local_subtree([participant_id])
        ids = {i for found in subtree.values() for i in found} | set(server_ids)
        for table_name in reversed(list(subtree)):
            table = self.tables[table_name]
            for start in range(0, len(subtree[table_name]), CHUNK):
                chunk = subtree[table_name][start:start + CHUNK]
                self.connection.execute(delete(table).where(table.c.id.in_(chunk)))
        id_list = sorted(ids)
        conflict = self.tables["sync_conflict"]
        erased = self.tables["sync_erased"]
        for start in range(0, len(id_list), CHUNK):
            chunk = id_list[start:start + CHUNK]
            self.connection.execute(delete(self.outbox).where(self.outbox.c.row_id.in_(chunk)))
            self.connection.execute(delete(conflict).where(conflict.c.row_id.in_(chunk)))
            known = {canonical_id(v) for v in self.connection.execute(
                select(erased.c.row_id).where(erased.c.row_id.in_(chunk))).scalars()}
            if erasure_id and known:
                # Purged earlier on a refused push: now the order's id is known, to acknowledge.
                self.connection.execute(update(erased).where(
                    erased.c.row_id.in_(sorted(known)), erased.c.erasure_id == erased.c.row_id
                ).values(erasure_id=erasure_id))
            fresh = [{"row_id": i, "erasure_id": erasure_id or i, "erased_at": utcnow(),
                      "acknowledged": False} for i in chunk if i not in known]
            if fresh:
                self.connection.execute(insert(erased), fresh)
        self.erased.update(ids)
        if erasure_id:
            self.acks.append(erasure_id)

    def moved_out(self, participant_id: str, row_ids: Iterable[str]) -> None:
        """A person now followed by another structure: their rows leave this laptop."""
        subtree = self.local_subtree([participant_id])
        ids = {i for found in subtree.values() for i in found} | set(row_ids)
        pending = self.pending(sorted(ids))
        for table_name in reversed(list(subtree)):
            table = self.tables[table_name]
            keep = [i for i in subtree[table_name] if i in pending]
            gone = [i for i in subtree[table_name] if i not in pending]
            if keep:
                log.warning("%d row(s) of a person moved away keep pending changes", len(keep))
            for start in range(0, len(gone), CHUNK):
                self.connection.execute(
                    delete(table).where(table.c.id.in_(gone[start:start + CHUNK])))
        self.received += 1

    def conflicts(self, conflicts: Iterable[dict[str, Any]]) -> None:
        table = self.tables["sync_conflict"]
        for c in conflicts:
            if c["row"] in self.erased:
                continue
            values = {
                "table_name": c["table"], "row_id": c["row"], "column_name": c["column"],
                "kept_value": json.dumps(c.get("kept"), ensure_ascii=False),
                "lost_value": json.dumps(c.get("lost"), ensure_ascii=False),
                "lost_hlc": c.get("lost_hlc") or "", "lost_device": c.get("lost_device") or "",
                "reason": c.get("reason") or "concurrent", "seq": int(c.get("seq") or 0),
                "resolved": bool(c.get("resolved")),
            }
            done = self.connection.execute(
                update(table).where(table.c.id == c["id"]).values(values)).rowcount
            if not done:
                self.connection.execute(insert(table).values(id=c["id"], **values))
                if not values["resolved"]:
                    self.new_conflicts += 1

    def duplicates(self, duplicates: Iterable[dict[str, Any]]) -> None:
        self.conflicts({
            "id": d["id"], "table": "participant", "row": d["participant"], "column": "",
            "kept": d["same_as"], "lost": None, "reason": "duplicate", "seq": 0,
            "resolved": bool(d.get("resolved")),
        } for d in duplicates)

    def page(self, page: dict[str, Any]) -> None:
        """One page of ``/pull``: tables in foreign-key order, then deletions and orders."""
        from coachdesk.sync.tables import dependency_rank

        rank = dependency_rank()
        for table_name in sorted(page.get("tables", {}), key=lambda t: rank.get(t, 99)):
            self.rows(table_name, page["tables"][table_name])
        self.deleted(page.get("deleted", []))
        for order in page.get("erasures", []):
            self.erase(order["id"], order["participant"], order.get("rows") or [])
        for move in page.get("moved_out", []):
            self.moved_out(move["participant"], move.get("rows") or [])
        self.conflicts(page.get("conflicts", []))
        self.duplicates(page.get("duplicates", []))

    def finish(self, cursor: int | None, server_ms: int | None) -> None:
        state = self.tables["sync_state"]
        values: dict[str, Any] = {"last_sync_at": utcnow(), "blocked_message": ""}
        if cursor is not None and self.held:
            log.warning("%d row(s) of the team held back until a refused change is settled",
                        len(self.held))
            cursor = min(cursor, min(self.held.values()) - 1)
        if cursor is not None:
            values["cursor"] = cursor
        if server_ms is not None:
            row = self.connection.execute(select(state.c.device_id, state.c.clock_last)).one()
            clock = Clock(device=canonical_id(row.device_id).replace("-", ""), last=row.clock_last)
            clock.observe_server(server_ms)
            values["clock_offset_ms"] = clock.offset_ms
            values["clock_last"] = clock.last
        self.connection.execute(update(state).values(values))

