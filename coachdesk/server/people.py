"""A person across the team: every row about them, moving them to another structure, erasing them.

Both are explicit acts of the team's manager (``coachdesk server move``/``erase``): a move gives
the rows a new scope and sequence (laptops that no longer see them drop them); an erasure
deletes them and orders every laptop to purge them (GDPR), acknowledged device by device.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from coachdesk.server.access import (
    DeviceScope,
    admin_mode,
    lock_writers,
    save_counter,
    set_scope,
    table_of,
)
from coachdesk.sync.hlc import format_hlc
from coachdesk.sync.tables import person_descendants


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


def rescope(connection: Connection, table_name: str, row_id: str,
             before: tuple[str | None, str | None], after: tuple[str | None, str | None],
             seq: int, now: datetime, moved_hlc: str) -> None:
    """Give a row and all hanging from it a new scope and sequence; record the move.

    Laptops that no longer see the rows drop them (``moved_out`` in their pull); laptops that
    now see them receive them whole, their sequence numbers being new.
    """
    admin_mode(connection, True)
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
        connection.execute(table_of("sync_move").insert(), [{
            "id": str(uuid.uuid4()), "participant_id": row_id, "row_ids": all_ids,
            "from_structure_id": before[0], "from_cohort_id": before[1],
            "to_structure_id": after[0], "to_cohort_id": after[1], "moved_hlc": moved_hlc,
            "seq": seq, "moved_at": now,
        }])
    finally:
        admin_mode(connection, False)


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
    rescope(connection, "participant", participant_id, (row[2], row[0]), (structure_id, row[0]),
             seq, now, moved_hlc)
    set_scope(connection, None, admin=True)
    save_counter(connection, seq)
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
    connection.execute(table_of("sync_erasure").insert(), [{
        "id": erasure_id, "participant_id": participant_id, "row_ids": all_ids, "seq": seq,
        "sync_structure_id": scope[0], "sync_cohort_id": scope[1], "ordered_at": now,
    }])
    connection.execute(table_of("sync_erased_row").insert(),
                       [{"row_id": i, "erasure_id": erasure_id} for i in all_ids])
    save_counter(connection, seq)
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


def flag_duplicates(connection: Connection,
                    new_people: Sequence[tuple[dict[str, Any], int, str | None, str | None]],
                    now: datetime) -> None:
    """People created apart who may be one: same folded name and birth date.

    ``new_people``: each new person's values, sequence, structure and promotion.
    """
    from coachdesk.services.text import name_key

    if not new_people:
        return
    dates = sorted({values["birth_date"] for values, *_ in new_people})
    candidates = connection.execute(
        text("SELECT id::text, last_name, first_name, birth_date::text, cohort_id::text "
             "FROM participant WHERE birth_date = ANY(CAST(:dates AS date[]))"),
        {"dates": dates},
    ).all()
    by_key: dict[tuple[str, str], list[str]] = {}
    for row_id, last, first, born, _cohort in candidates:
        by_key.setdefault((name_key(f"{last}{first}"), born), []).append(row_id)
    found = []
    for values, seq, structure, cohort in new_people:
        key = (name_key(f"{values['last_name']}{values['first_name']}"), values["birth_date"])
        for other in by_key.get(key, []):
            if other != values["id"]:
                found.append({
                    "id": str(uuid.uuid4()), "participant_id": values["id"],
                    "same_as_id": other, "reason": "nom_et_naissance", "seq": seq,
                    "sync_structure_id": structure, "sync_cohort_id": cohort,
                    "created_at": now, "resolved": False,
                })
    if found:
        connection.execute(table_of("sync_duplicate").insert(), found)
