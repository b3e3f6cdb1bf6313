"""Devices, coaches and join codes: who may synchronise with the team server.

A coach is given a one-time join code; a laptop trades it for a device token (only its hash is
kept). A token's life restarts with use and ends when the device is revoked.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from coachdesk.models.base import utcnow
from coachdesk.server.access import (
    AuthError,
    DeviceScope,
    set_scope,
    table_of,
    token_hash,
)

JOIN_CODE_DAYS = 7
DEVICE_TOKEN_DAYS = 90
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


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
    connection.execute(table_of("join_code").insert(), [{
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
    connection.execute(table_of("device").insert(), [{
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


def release_code(connection: Connection, scope: DeviceScope, code: str, now: datetime) -> bool:
    """Give back the join code this device was just made with, when the laptop could not join.

    The laptop checks the team's promotions only once it holds a token; when one clashes with
    its own it joins nothing. The device is revoked and the code can serve again until it
    expires, so the coach renames the promotion and retries without a new code. Only the
    device the code made (same coach, created when the code was used) can give it back.
    """
    row = connection.execute(text(
        "SELECT j.used_at, d.created_at FROM join_code j JOIN device d "
        "ON d.coach_id = j.coach_id AND d.id = CAST(:device AS uuid) "
        "WHERE j.code_hash = :h FOR UPDATE OF j"),
        {"h": token_hash(_normal_code(code)), "device": scope.device_id}).first()
    if row is None or row[0] is None or row[0] != row[1]:
        return False
    connection.execute(text("UPDATE join_code SET used_at = NULL WHERE code_hash = :h"),
                       {"h": token_hash(_normal_code(code))})
    return revoke_device(connection, scope.device_id, now)


def ensure_structure(connection: Connection, name: str, now: datetime) -> str:
    found = connection.execute(text("SELECT id::text FROM structure WHERE name = :n"),
                               {"n": name}).scalar()
    if found:
        return str(found)
    structure_id = str(uuid.uuid4())
    connection.execute(table_of("structure").insert(),
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
    connection.execute(table_of("coach_account").insert(), [{
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
        connection.execute(table_of("team").insert(), [{
            "id": 1, "name": name, "pseudonym_key": secrets.token_hex(32), "created_at": utcnow(),
        }])
