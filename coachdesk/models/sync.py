"""What a laptop keeps to synchronise with its team server (coachdesk.sync uses them).

These tables are empty until the database joins a team: then ``sync_state`` holds its one row,
and every write adds its changes to ``sync_outbox`` in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, IdType, ShortText, utcnow


class SyncState(Base):
    """The team this database joined: server, device token, cursor and clock (one row)."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(400))
    device_id: Mapped[str] = mapped_column(IdType)
    # The device's secret: stored in the database, which is encrypted when protected.
    device_token: Mapped[str] = mapped_column(String(200))
    coach_id: Mapped[str] = mapped_column(IdType)
    coach_name: Mapped[str] = mapped_column(ShortText, default="")
    structure_id: Mapped[str] = mapped_column(IdType)
    structure_name: Mapped[str] = mapped_column(ShortText, default="")
    # The team's pseudonymisation key (hex), the same on every laptop of the team.
    team_key: Mapped[str] = mapped_column(String(128), default="")
    # Highest server sequence number whose changes this database holds.
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    joined_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime())
    # Hybrid logical clock: the last value issued, and the offset learnt from the server.
    clock_last: Mapped[str] = mapped_column(String(80), default="")
    clock_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    # Set by a restore: the next synchronisation reconciles the outbox and pulls everything.
    restored: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the last synchronisation could not run (an update needed…), shown until it can.
    blocked_message: Mapped[str] = mapped_column(Text, default="")


class SyncOutboxOp(Base):
    """One local change waiting for the server: a row inserted, updated or deleted."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_row", "table_name", "row_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Ids as dashed text, not the UUID type: writing 80,000 of them with an import costs a
    # conversion per value otherwise (measured: a third of the outbox's cost).
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    # Changes written by one transaction share it.
    txn_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    # The changed columns and their new values (JSON object); empty for a deletion.
    payload: Mapped[str] = mapped_column(Text, default="{}")
    hlc: Mapped[str] = mapped_column(String(80))
    # The server sequence this database had seen when the change was made.
    base_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    schema_revision: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)
    # 'pending' until the server answers; 'refused' stays visible with the server's reason.
    status: Mapped[str] = mapped_column(String(10), default="pending")
    refusal_code: Mapped[str] = mapped_column(String(40), default="")
    refusal_message: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A value that lost to another coach's change of the same field, kept until resolved."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(IdType, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(IdType, index=True)
    column_name: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str] = mapped_column(Text, default="null")
    lost_value: Mapped[str] = mapped_column(Text, default="null")
    lost_hlc: Mapped[str] = mapped_column(String(80), default="")
    lost_device: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(String(40), default="concurrent")
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncErased(Base):
    """A row the team erased (GDPR): never brought back on this laptop, not even by a restore."""

    __tablename__ = "sync_erased"

    row_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    erasure_id: Mapped[str] = mapped_column(IdType)
    erased_at: Mapped[datetime] = mapped_column(DateTime(), default=utcnow)
    # The server keeps each device's acknowledgement as evidence; sent until it got it.
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
