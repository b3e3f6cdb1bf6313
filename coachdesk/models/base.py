"""Declarative base shared by every table: UUID keys, timestamps, constraint names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from coachdesk.models.ids import canonical_id, new_id

__all__ = ["Base", "Entity", "IdType", "canonical_id", "new_id", "utcnow"]

# Named constraints let Alembic's batch mode (SQLite) find and alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite keeps no time zone; every timestamp we store is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


# Identifiers are held as canonical UUID strings in Python: cheap to hash, compare and pass
# to the UI; the column is a native UUID on PostgreSQL and CHAR(32) on SQLite.
IdType = Uuid(as_uuid=False)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Entity(Base):
    """Abstract parent of every table: a UUID key and creation/update timestamps."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(IdType, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(), default=utcnow, onupdate=utcnow, nullable=False
    )


def in_codes(column: str, codes: Iterable[str]) -> str:
    """SQL text of a CHECK constraint restricting a text column to known codes."""
    quoted = ", ".join(f"'{code}'" for code in codes)
    return f"{column} IN ({quoted})"


ShortText = String(200)
Code = String(40)
