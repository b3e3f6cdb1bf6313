"""The audit log: who did which sensitive thing, when (exports, purges, erasures, restores).

Entries name no participant: a purge or an erasure is logged by kind and count, so the log can
be kept after the people it speaks of are gone.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.models import AuditEvent

# The action codes written in AuditEvent.action, with their French labels.
ACTIONS = {
    "export": "Export",
    "access_export": "Export du droit d'accès",
    "purge": "Purge (durée de conservation)",
    "erasure": "Effacement d'une personne",
    "backup": "Sauvegarde",
    "restore": "Restauration",
    "protect": "Protection par phrase de passe",
    "passphrase_change": "Changement de phrase de passe",
    "participant_merge": "Fusion de deux fiches",
}


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    action_label: str
    detail: str
    count: int


def current_actor() -> str:
    """Who is at the keyboard: the COACHDESK_USER setting, else the system account name."""
    configured = os.environ.get("COACHDESK_USER", "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no account name on some systems
        return ""


def record(
    session: Session, action: str, detail: str = "", count: int = 0, actor: str | None = None
) -> str:
    """Add one audit entry to the caller's transaction; returns its id."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(
        actor=current_actor() if actor is None else actor,
        action=action,
        detail=detail,
        count=count,
    )
    session.add(event)
    session.flush()
    return event.id


def list_events(database: Database, limit: int | None = None) -> list[AuditRow]:
    """The audit log, newest first."""
    with database.read() as session:
        statement = select(
            AuditEvent.created_at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.detail,
            AuditEvent.count,
        ).order_by(AuditEvent.created_at.desc(), AuditEvent.id)
        if limit is not None:
            statement = statement.limit(limit)
        return [
            AuditRow(
                at=row.created_at,
                actor=row.actor,
                action=row.action,
                action_label=ACTIONS.get(row.action, row.action),
                detail=row.detail,
                # Row.count is the tuple method: read the column by name.
                count=row._mapping["count"],
            )
            for row in session.execute(statement)
        ]
