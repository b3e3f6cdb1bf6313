"""Declarative base shared by every table: UUID keys, timestamps, constraint names."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let Alembic's batch mode (SQLite) find and alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh random identifier: stable across laptops, safe for later synchronisation."""
    return str(uuid.uuid4())


def canonical_id(value: object) -> str:
    """An id as read raw from the database, in the form the ORM gives (dashed UUID text).

    Stored as 32 hex digits on SQLite, as a native UUID on PostgreSQL. Formatting it here is
    ten times cheaper per row than SQLAlchemy's ``str(uuid.UUID(value))``, which cost more
    than the query itself on lists of 10,000 rows.
    """
    if isinstance(value, str):
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value
    return str(value)


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
