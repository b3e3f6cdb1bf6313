"""Setting up and running a team server (``coachdesk server …``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from coachdesk.errors import UserError


def engine_for(database_url: str) -> Engine:
    from sqlalchemy.exc import ArgumentError

    from coachdesk.server.app import make_engine

    url = database_url
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        return make_engine(url)
    except ArgumentError as error:
        raise UserError(
            "Adresse de base de données invalide.",
            hint="Attendu : postgresql://utilisateur:motdepasse@hôte/base",
        ) from error


def check_role(engine: Engine) -> None:
    """Refuse a role that row-level security does not bind (superuser, BYPASSRLS)."""
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect() as connection:
            superuser, bypass = connection.execute(text(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )).one()
    except OperationalError as error:
        raise UserError(
            "Impossible de joindre la base PostgreSQL de l'équipe.",
            hint="Vérifiez l'adresse, le mot de passe et que PostgreSQL est démarré.",
        ) from error
    if superuser or bypass:
        raise UserError(
            "Le serveur de l'équipe refuse de se connecter en super-utilisateur PostgreSQL : "
            "la sécurité par structure ne s'appliquerait pas.",
            hint="Créez un rôle ordinaire propriétaire de la base (voir docs/team-server.md).",
        )


def init_schema(engine: Engine, team_name: str) -> str:
    """Create or upgrade the team schema; the revision it is at."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from coachdesk.server import devices
    from coachdesk.server.migrations import VERSION_TABLE, alembic_config

    check_role(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        devices.ensure_team(connection, team_name)
        revision = MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE}).get_current_revision()
    return str(revision)


def check_schema(engine: Engine) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from coachdesk.server.migrations import VERSION_TABLE, alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE}).get_current_revision()
    if current != head:
        raise UserError(
            f"Le schéma de l'équipe n'est pas à jour ({current or 'absent'}, attendu {head}).",
            hint="Lancez d'abord « coachdesk server init --database-url … ».",
        )


def now() -> datetime:
    from coachdesk.models.base import utcnow

    return utcnow()


def add_coach(engine: Engine, name: str, structure: str, promotions: list[str]) -> dict[str, Any]:
    from coachdesk.server import devices

    with engine.begin() as connection:
        try:
            coach_id, code = devices.add_coach(connection, name, structure, promotions, now())
        except LookupError as error:
            raise UserError(
                f"La promotion « {error.args[0]} » n'existe pas encore sur le serveur.",
                hint="Un poste de l'équipe doit d'abord l'avoir créée et synchronisée.",
            ) from error
    return {"coach_id": coach_id, "code": code}
