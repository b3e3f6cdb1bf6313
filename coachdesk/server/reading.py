"""What a coach's laptop reads from the team server: pages of changes after a cursor, snapshots.

Every read runs under the device's scope (row-level security), and rows leave as the JSON text
PostgreSQL wrote (``row_to_json``), never converted in Python.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from coachdesk.server.access import (
    PAGE_LIMIT,
    DeviceScope,
    data_columns,
    set_scope,
    table_of,
)
from coachdesk.sync.tables import (
    SYNCED,
)


def _rows_json(connection: Connection, table_name: str, where: str, params: dict[str, Any],
               order: str = "sync_seq", limit: int | None = None) -> list[str]:
    columns = ", ".join(data_columns(table_of(table_name)))
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
            f"{', '.join(data_columns(table_of(name)))}, sync_seq AS _seq FROM {name} "
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

