"""Joining a team, synchronising, and what the status line says (no Qt).

``synchronise`` pushes the outbox in batches, then pulls what changed since the cursor and
applies it in ONE transaction. The rule for a row changed on both sides: a column with a
pending local change keeps its local value until the server has answered for it; the server's
answer to a push carries the winning values, so the laptop converges.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from coachdesk.errors import UserError
from coachdesk.models.base import canonical_id, utcnow
from coachdesk.sync.applier import CHUNK, Applier, model_tables
from coachdesk.sync.capture import APPLYING
from coachdesk.sync.clashes import clash_error, clashing_promotion
from coachdesk.sync.client import HttpTransport, SyncError
from coachdesk.sync.tables import PERSON_SCOPED, SYNCED

if TYPE_CHECKING:
    from coachdesk.db import Database

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 5000
SNAPSHOT_PAGE = 5000


# What talks to the server: tests pass one that cuts the network on purpose.
Transport = HttpTransport


@dataclass
class SyncReport:
    """What one synchronisation did, and what is left."""

    sent: int = 0
    received: int = 0
    conflicts: int = 0
    refused: int = 0
    erased: int = 0
    pending: int = 0
    open_conflicts: int = 0
    cursor: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def sentence(self) -> str:
        parts = [f"{self.sent} modification(s) envoyée(s)", f"{self.received} reçue(s)"]
        if self.conflicts:
            parts.append(f"{self.conflicts} nouveau(x) conflit(s)")
        if self.refused:
            parts.append(f"{self.refused} refusée(s) par le serveur")
        if self.erased:
            parts.append(f"{self.erased} personne(s) effacée(s) à la demande de l'équipe")
        return "Synchronisation terminée : " + ", ".join(parts) + "."


@dataclass
class SyncStatus:
    joined: bool
    server_url: str = ""
    coach_name: str = ""
    structure_name: str = ""
    last_sync_at: str | None = None
    pending: int = 0
    refused: int = 0
    open_conflicts: int = 0
    duplicates: int = 0
    cursor: int = 0
    blocked_message: str = ""
    refusals: list[dict[str, str]] | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _model_table(name: str) -> Table:
    return model_tables()[name]


def _state_row(session: Session) -> Any:
    state = _model_table("sync_state")
    return session.connection().execute(select(state)).first()


def _schema() -> str:
    from coachdesk.db import HEAD_REVISION

    return HEAD_REVISION


# -- the steps ----------------------------------------------------------------------------


def _transport(database: Database, transport: Transport | None) -> tuple[Transport, Any]:
    with database.read() as session:
        state = _state_row(session)
    if state is None:
        raise UserError(
            "Cette base n'a pas rejoint d'équipe.",
            hint="Rejoignez d'abord une équipe : coachdesk --db BASE sync join ADRESSE CODE",
        )
    chosen: Transport = transport or HttpTransport(state.server_url)
    return chosen, state


def join(database: Database, url: str, code: str,
         transport: Transport | None = None) -> dict[str, Any]:
    """Join a team with a one-time code: device token, snapshot, then the first push."""
    with database.read() as session:
        if _state_row(session) is not None:
            raise UserError("Cette base a déjà rejoint une équipe.",
                            hint="Lancez « sync » pour synchroniser.")
    chosen: Transport = transport or HttpTransport(url)
    try:
        return _join(database, url, code, chosen)
    finally:
        chosen.close()


def _join(database: Database, url: str, code: str, transport: Transport) -> dict[str, Any]:
    answer = transport.call("POST", "/join", body={"code": code}, schema=_schema())
    token = answer["token"]
    start = transport.call("GET", "/snapshot", token=token, schema=_schema())
    pages: list[tuple[str, bytes]] = []
    for table_name in start["tables"]:
        after = ""
        while True:
            raw = transport.request("GET", "/snapshot", token=token, schema=_schema(),
                                    query={"table": table_name, "after": after,
                                           "limit": SNAPSHOT_PAGE})
            page = json.loads(raw)
            if not page["rows"]:
                break
            pages.append((table_name, raw))
            if not page["more"]:
                break
            after = page["rows"][-1]["id"]
    with database.read() as session:
        clash = clashing_promotion(session, (row for table_name, raw in pages
                                             if table_name == "cohort"
                                             for row in json.loads(raw)["rows"]))
    if clash is not None:
        raise clash_error(clash, code_kept=_release_code(transport, token, code))
    received = 0
    with database.write() as session:
        session.info[APPLYING] = True
        connection = session.connection()
        state = _model_table("sync_state")
        connection.execute(insert(state).values(
            id=1, server_url=url, device_id=answer["device_id"], device_token=token,
            coach_id=answer["coach_id"], coach_name=answer["coach_name"],
            structure_id=answer["structure_id"], structure_name=answer["structure_name"],
            team_key=answer["team_key"], cursor=start["at"], joined_at=utcnow(),
            clock_last="", clock_offset_ms=0, restored=False, blocked_message="",
        ))
        _enqueue_local_rows(session, answer["structure_id"])
        applier = Applier(session)
        for table_name, raw in pages:
            rows = json.loads(raw)["rows"]
            if table_name == "sync_conflict":
                applier.conflicts(rows)
            else:
                applier.rows(table_name, rows)
        applier.finish(start["at"], int(answer["server_time"]))
        received = applier.received
    database.team_capture = None
    return {"team": answer["team_name"], "coach": answer["coach_name"],
            "structure": answer["structure_name"], "received": received}


def _release_code(transport: Transport, token: str, code: str) -> bool:
    """Give the join code back to the team so the coach can retry with it; False if refused or
    the server is unreachable (the coach is then told to ask for a new code)."""
    try:
        answer = transport.call("POST", "/join/release", token=token, body={"code": code},
                                schema=_schema())
    except (SyncError, UserError):
        return False
    return bool(answer.get("released"))


def _enqueue_local_rows(session: Session, structure_id: str) -> None:
    """What this database held before joining goes to the team as new rows."""
    from coachdesk.sync.capture import record_rows
    from coachdesk.sync.tables import dependency_rank

    connection = session.connection()
    tables = model_tables()
    participant = tables["participant"]
    connection.execute(update(participant).where(participant.c.structure_id.is_(None))
                       .values(structure_id=structure_id))
    session.info.pop(APPLYING, None)
    rank = dependency_rank()
    for table_name in sorted(SYNCED, key=lambda t: rank[t]):
        table = tables[table_name]
        rows = [dict(r) for r in connection.execute(select(table)).mappings()]
        if rows:
            record_rows(session, table_name, "insert", rows)
    session.info[APPLYING] = True


def synchronise(database: Database, transport: Transport | None = None) -> SyncReport:
    """Push the outbox, then pull and apply what changed; counts for the coach."""
    transport, state = _transport(database, transport)
    report = SyncReport()
    token = state.device_token
    try:
        if state.restored:
            _reconcile_after_restore(database, transport, token)
        _push_all(database, transport, token, report)
        _pull_all(database, transport, token, report)
        _acknowledge(database, transport, token)
    except SyncError as error:
        if error.code in ("update_required", "server_outdated", "unauthorized"):
            with database.write() as session:
                session.info[APPLYING] = True
                session.connection().execute(
                    update(_model_table("sync_state")).values(blocked_message=str(error)))
        raise
    finally:
        transport.close()
    current = status(database)
    report.pending = current.pending
    report.open_conflicts = current.open_conflicts
    report.cursor = current.cursor
    return report


def _reconcile_after_restore(database: Database, transport: Transport, token: str) -> None:
    """A restored laptop keeps only the outbox operations the server never received."""
    outbox = _model_table("sync_outbox")
    with database.read() as session:
        ids = [canonical_id(v) for v in session.execute(select(outbox.c.op_id)).scalars()]
    applied: list[str] = []
    for start in range(0, len(ids), 1000):
        answer = transport.call("POST", "/ops/applied", body={"ids": ids[start:start + 1000]},
                                token=token, schema=_schema())
        applied.extend(answer["applied"])
    with database.write() as session:
        session.info[APPLYING] = True
        connection = session.connection()
        for start in range(0, len(applied), CHUNK):
            connection.execute(delete(outbox).where(
                outbox.c.op_id.in_(applied[start:start + CHUNK])))
        connection.execute(update(_model_table("sync_state")).values(cursor=0, restored=False))


def _push_all(database: Database, transport: Transport, token: str, report: SyncReport) -> None:
    outbox = _model_table("sync_outbox")
    last_seq = 0
    while True:
        with database.read() as session:
            ops = session.execute(
                select(outbox).where(outbox.c.status == "pending", outbox.c.seq > last_seq)
                .order_by(outbox.c.seq).limit(PUSH_BATCH)).mappings().all()
        if not ops:
            return
        last_seq = ops[-1]["seq"]
        new_rows = _rows_of_inserts(database, ops)
        gone = [op["op_id"] for op in ops
                if op["kind"] == "insert" and (op["table_name"], op["row_id"]) not in new_rows]
        if gone:
            # Created then deleted before ever reaching the server: nothing to send.
            with database.write() as session:
                session.info[APPLYING] = True
                session.connection().execute(delete(outbox).where(outbox.c.op_id.in_(gone)))
            ops = [op for op in ops if op["op_id"] not in set(gone)]
            if not ops:
                continue
        body = {"ops": [{
            "id": op["op_id"], "table": op["table_name"], "row": op["row_id"],
            "kind": op["kind"],
            "values": (new_rows[(op["table_name"], op["row_id"])] if op["kind"] == "insert"
                       else json.loads(op["payload"] or "{}")),
            "hlc": op["hlc"], "base": op["base_seq"], "schema": op["schema_revision"],
        } for op in ops]}
        answer = transport.call("POST", "/push", body=body, token=token, schema=_schema())
        _apply_push_answer(database, answer, report)


def _rows_of_inserts(database: Database, ops: Sequence[Any]) -> dict[tuple[str, str], Any]:
    """The current values of the rows the insert operations of a batch create."""
    from coachdesk.sync.codec import encode

    wanted: dict[str, list[str]] = {}
    for op in ops:
        if op["kind"] == "insert":
            wanted.setdefault(op["table_name"], []).append(op["row_id"])
    found: dict[tuple[str, str], Any] = {}
    with database.read() as session:
        for table_name, ids in wanted.items():
            table = _model_table(table_name)
            for start in range(0, len(ids), CHUNK):
                for row in session.execute(select(table).where(
                        table.c.id.in_(ids[start:start + CHUNK]))).mappings():
                    values = {name: encode(value) for name, value in row.items()}
                    found[(table_name, canonical_id(row["id"]))] = values
    return found


def _apply_push_answer(database: Database, answer: dict[str, Any], report: SyncReport) -> None:
    outbox = _model_table("sync_outbox")
    with database.write() as session:
        applier = Applier(session)
        connection = applier.connection
        done: list[str] = []
        erased_rows: list[str] = []
        for result in answer["results"]:
            status = result["status"]
            if status in ("applied", "conflict"):
                done.append(result["id"])
                report.sent += 1
            elif result.get("code") == "erased":
                row = connection.execute(select(outbox.c.row_id).where(
                    outbox.c.op_id == result["id"])).scalar()
                if row is not None:
                    erased_rows.append(canonical_id(row))
                done.append(result["id"])
            else:
                report.refused += 1
                connection.execute(update(outbox).where(outbox.c.op_id == result["id"]).values(
                    status="refused", refusal_code=str(result.get("code") or ""),
                    refusal_message=str(result.get("message") or "")))
        for start in range(0, len(done), CHUNK):
            connection.execute(delete(outbox).where(outbox.c.op_id.in_(done[start:start + CHUNK])))
        for row_id in erased_rows:
            participant = _person_of(connection, row_id)
            applier.erase("", participant or row_id, [row_id])
        rows = answer.get("rows") or {}
        for table_name, table_rows in (rows.get("tables") or {}).items():
            applier.rows(table_name, table_rows)
        applier.deleted(rows.get("deleted") or [])
        applier.finish(None, int(answer["server_time"]))
        report.erased += applier.erased_people
    if erased_rows:
        from coachdesk.db import checkpoint_wal

        checkpoint_wal(database)


def _person_of(connection: Any, row_id: str) -> str | None:
    """The person a local row is about (walking up the person-scoped tables)."""
    tables = model_tables()
    for table_name in PERSON_SCOPED:
        table = tables[table_name]
        found = connection.execute(select(table).where(table.c.id == row_id)).mappings().first()
        if found is None:
            continue
        current_table, current = table_name, dict(found)
        while (link := PERSON_SCOPED[current_table]) is not None:
            column, parent_table = link
            parent_id = current.get(column)
            if parent_id is None:
                return None
            parent = tables[parent_table]
            row = connection.execute(select(parent).where(parent.c.id == parent_id)
                                     ).mappings().first()
            if row is None:
                return None
            current_table, current = parent_table, dict(row)
        return canonical_id(current["id"])
    return None


def _pull_all(database: Database, transport: Transport, token: str, report: SyncReport) -> None:
    with database.read() as session:
        cursor = int(_state_row(session).cursor)
    pages: list[bytes] = []
    while True:
        raw = transport.request("GET", "/pull", token=token, schema=_schema(),
                                query={"cursor": cursor, "limit": PULL_PAGE})
        page = json.loads(raw)
        pages.append(raw)
        cursor = int(page["cursor"])
        if not page["more"]:
            break
    erased_any = False
    with database.write() as session:
        applier = Applier(session)
        server_ms = None
        for raw in pages:
            page = json.loads(raw)
            applier.page(page)
            server_ms = int(page["server_time"])
        applier.finish(cursor, server_ms)
        report.received += applier.received
        report.conflicts += applier.new_conflicts
        report.erased += applier.erased_people
        erased_any = applier.erased_people > 0
    if erased_any:
        from coachdesk.db import checkpoint_wal

        checkpoint_wal(database)


def _acknowledge(database: Database, transport: Transport, token: str) -> None:
    erased = _model_table("sync_erased")
    with database.read() as session:
        ids = sorted({canonical_id(v) for v in session.execute(
            select(erased.c.erasure_id).where(erased.c.acknowledged.is_(False),
                                              erased.c.erasure_id != erased.c.row_id)).scalars()})
    if not ids:
        return
    transport.call("POST", "/erasures/ack", body={"ids": ids}, token=token, schema=_schema())
    with database.write() as session:
        session.info[APPLYING] = True
        session.connection().execute(update(erased).where(erased.c.erasure_id.in_(ids))
                                      .values(acknowledged=True))


def status(database: Database) -> SyncStatus:
    """Pending changes, refusals, open conflicts and the last synchronisation."""
    outbox = _model_table("sync_outbox")
    conflict = _model_table("sync_conflict")
    with database.read() as session:
        state = _state_row(session)
        if state is None:
            return SyncStatus(joined=False)
        counts: dict[str, int] = dict(session.execute(
            select(outbox.c.status, func.count()).group_by(outbox.c.status)).all())
        open_conflicts = dict(session.execute(
            select(conflict.c.reason == "duplicate", func.count())
            .where(conflict.c.resolved.is_(False)).group_by(conflict.c.reason == "duplicate")
        ).all())
        refusals = [
            {"table": r.table_name, "row": canonical_id(r.row_id), "code": r.refusal_code,
             "message": r.refusal_message}
            for r in session.execute(select(outbox).where(outbox.c.status == "refused")
                                     .order_by(outbox.c.seq).limit(50))
        ]
    last = state.last_sync_at
    return SyncStatus(
        joined=True, server_url=state.server_url, coach_name=state.coach_name,
        structure_name=state.structure_name,
        last_sync_at=last.isoformat(timespec="seconds") if isinstance(last, datetime) else None,
        pending=int(counts.get("pending", 0)), refused=int(counts.get("refused", 0)),
        open_conflicts=int(open_conflicts.get(False, 0)),
        duplicates=int(open_conflicts.get(True, 0)), cursor=int(state.cursor),
        blocked_message=state.blocked_message or "", refusals=refusals,
    )


def team_key(database: Database) -> bytes | None:
    """The team's pseudonymisation key when the database joined a team."""
    with database.read() as session:
        state = _state_row(session)
    if state is None or not state.team_key:
        return None
    return bytes.fromhex(state.team_key)


def mark_restored(database: Database, erased_ids: Iterable[str] = ()) -> None:
    """After a restore: purge what the team erased meanwhile, resync from the start next time."""
    with database.write() as session:
        if _state_row(session) is None:
            return
        applier = Applier(session)
        known = set(applier.erased)
        for row_id in sorted(set(erased_ids) - known):
            applier.erase("", row_id, [row_id])
        session.connection().execute(update(_model_table("sync_state")).values(restored=True))
    from coachdesk.db import checkpoint_wal

    checkpoint_wal(database)


def erased_ids(database: Database) -> list[str]:
    erased = _model_table("sync_erased")
    with database.read() as session:
        return [canonical_id(v) for v in session.execute(select(erased.c.row_id)).scalars()]


def after_restore(path: Any, key: bytes | None, previous_copy: Any) -> None:
    """A backup was just restored at ``path``: if it belongs to a team, the next
    synchronisation reconciles the outbox and pulls everything again, and the people the team
    erased meanwhile (known from the replaced database, ``previous_copy``) are purged now."""
    from coachdesk.db import open_database

    restored = open_database(path, create=False, key=key)
    try:
        with restored.read() as session:
            if _state_row(session) is None:
                return
        mark_restored(restored, _erased_in(previous_copy, key) if previous_copy else [])
    finally:
        restored.dispose()


def _erased_in(path: Any, key: bytes | None) -> list[str]:
    """The ids the replaced database knew as erased (none when it cannot be read)."""
    from sqlalchemy.exc import SQLAlchemyError

    from coachdesk.db import make_engine

    engine = make_engine(path, key)
    try:
        with engine.connect() as connection:
            erased = _model_table("sync_erased")
            return [canonical_id(v) for v in connection.execute(select(erased.c.row_id)).scalars()]
    except SQLAlchemyError:
        log.warning("the replaced database could not be read for its erased ids")
        return []
    finally:
        engine.dispose()


def conflicts(database: Database) -> list[dict[str, Any]]:
    """The open conflicts and possible duplicates, for a person to settle."""
    table = _model_table("sync_conflict")
    with database.read() as session:
        rows = session.execute(select(table).where(table.c.resolved.is_(False))
                               .order_by(table.c.seq)).mappings().all()
    return [{"id": canonical_id(r["id"]), "table": r["table_name"],
             "row": canonical_id(r["row_id"]), "column": r["column_name"],
             "kept": json.loads(r["kept_value"]), "lost": json.loads(r["lost_value"]),
             "reason": r["reason"]} for r in rows]


def resolve(database: Database, conflict_id: str, *, take_lost: bool) -> None:
    """Settle a conflict: keep the winning value, or put the lost one back (a new change).

    Both ways the conflict is marked settled for the whole team at the next synchronisation.
    """
    from coachdesk.sync.capture import _transaction

    table = _model_table("sync_conflict")
    with database.write() as session:
        conflict = session.execute(select(table).where(table.c.id == conflict_id)
                                   ).mappings().first()
        if conflict is None or conflict["resolved"]:
            raise UserError(f"Aucun conflit ouvert n'a l'identifiant « {conflict_id} ».")
        target = _model_table(conflict["table_name"])
        if take_lost and conflict["column_name"] and conflict["reason"] != "duplicate":
            from coachdesk.sync.codec import decode_row

            value = decode_row(target, {conflict["column_name"]: json.loads(
                conflict["lost_value"])})
            row_id = canonical_id(conflict["row_id"])
            exists = session.execute(select(target.c.id).where(target.c.id == row_id)).first()
            if exists is None:
                raise UserError("La fiche de ce conflit n'existe plus sur ce poste.")
            session.execute(update(target).where(target.c.id == row_id).values(value))
        txn = _transaction(session)
        connection = session.connection()
        connection.execute(insert(_model_table("sync_outbox")).values(
            op_id=txn.next_op_id(), txn_id=txn.txn_id, table_name="sync_conflict",
            row_id=canonical_id(conflict_id), kind="resolve", payload="", hlc=txn.hlc,
            base_seq=txn.base_seq, schema_revision=txn.schema_revision, created_at=utcnow(),
            status="pending", refusal_code="", refusal_message=""))
        connection.execute(update(table).where(table.c.id == conflict_id).values(resolved=True))
