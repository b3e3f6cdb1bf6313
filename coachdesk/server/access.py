"""Who is asking and what they may see, and the ground every team-server module stands on.

A device's scope (``DeviceScope``) becomes row-level-security settings of the transaction
(``set_scope``); writers are serialised by one advisory lock (``lock_writers``), so sequence
numbers are handed out in commit order. A change a rule refuses is a ``Refusal``: a code and a
French sentence for the coach (``refusal_of`` names PostgreSQL's refusals). Rows are read as
JSON (``load_rows``), never converted in Python.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, ForeignKeyConstraint, Table, text
from sqlalchemy.exc import DBAPIError

from coachdesk.server.schema import metadata
from coachdesk.sync.codec import encode

LOCK_KEY = 7_261_926_731
PAGE_LIMIT = 5000
SYNC_COLUMNS = ("sync_seq", "sync_clock", "sync_structure_id", "sync_cohort_id")

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


def admin_mode(connection: Connection, on: bool) -> None:
    connection.execute(text("SELECT set_config('coachdesk.admin', :v, true)"),
                       {"v": "on" if on else ""})


def lock_writers(connection: Connection) -> int:
    """Serialise writers for this transaction; the last sequence number handed out."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    return int(connection.execute(text("SELECT last_seq FROM sync_counter WHERE id = 1"))
               .scalar_one())


def save_counter(connection: Connection, seq: int) -> None:
    connection.execute(text("UPDATE sync_counter SET last_seq = :seq WHERE id = 1"), {"seq": seq})


def table_of(name: str) -> Table:
    return metadata.tables[name]


def data_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in SYNC_COLUMNS]


def load_rows(connection: Connection, table_name: str,
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


def column_default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if getattr(default, "is_scalar", False):
        return encode(default.arg)
    if getattr(default, "is_callable", False):
        return encode(default.arg(None))
    return None




def foreign_keys(table_name: str) -> list[ForeignKeyConstraint]:
    return sorted((c for c in table_of(table_name).constraints
                   if isinstance(c, ForeignKeyConstraint)), key=lambda c: str(c.name or ""))


def refusal_of(error: DBAPIError) -> Refusal:
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

