"""A push's staged rows and their side effects, and writing the rows in bulk.

A batch is merged in memory first (``RowState`` per row) and written in one statement per
table and kind; rows out of the coach's scope (a person moved away) are written with the
administrator's rights for that statement only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from coachdesk.server.access import admin_mode, table_of


@dataclass
class RowState:
    """A row as the batch leaves it: values, per-column clocks, scope, and what to write."""

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
class OpEffects:
    """What a change causes beside its row: conflicts, tombstones, erasures, moves."""

    conflicts: list[dict[str, Any]] = field(default_factory=list)
    tombstones: list[dict[str, Any]] = field(default_factory=list)
    erased: list[str] = field(default_factory=list)
    # (table, row id, old structure, old promotion, new structure, new promotion)
    rescopes: list[tuple[str, str, str | None, str | None, str | None, str | None]] = field(
        default_factory=list)


def write_rows(connection: Connection, states: Iterable[RowState]) -> None:
    """Write the changed rows of a batch: one statement per table and kind."""
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
        connection.execute(text(
            f"INSERT INTO {table_name} SELECT * FROM "
            f"jsonb_populate_record(NULL::{table_name}, CAST(:j AS jsonb))"), rows)
    for (table_name, privileged), rows in updates.items():
        columns = ", ".join(c.name for c in table_of(table_name).columns if c.name != "id")
        if privileged:
            admin_mode(connection, True)
        connection.execute(text(
            f"UPDATE {table_name} SET ({columns}) = (SELECT {columns} FROM "
            f"jsonb_populate_record(NULL::{table_name}, CAST(:j AS jsonb))) "
            "WHERE id = CAST(:id AS uuid)"), rows)
        if privileged:
            admin_mode(connection, False)
    for (table_name, privileged), rows in deletes.items():
        if privileged:
            admin_mode(connection, True)
        connection.execute(
            text(f"DELETE FROM {table_name} WHERE id = CAST(:id AS uuid)"), rows)
        if privileged:
            admin_mode(connection, False)
