"""The team server's tables: the programme's tables plus sync columns, and the team's own.

Every shared table of the laptop (``coachdesk.sync.tables.SYNCED``) exists here with the same
columns and constraints, foreign keys ``DEFERRABLE INITIALLY DEFERRED`` (a batch applies in
any order), and four more columns:

* ``sync_seq``: the sequence number of the row's last accepted change;
* ``sync_clock``: per column, the hybrid-logical-clock value and sequence of its last change;
* ``sync_structure_id`` / ``sync_cohort_id``: who may see the row (row-level security).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB

from coachdesk.models.base import NAMING_CONVENTION
from coachdesk.sync.tables import SYNCED

ServerId = Uuid(as_uuid=False)

# Row-level security: the structure, promotions and admin flag of the request, set with
# ``set_config(…, true)`` (SET LOCAL) at the start of each transaction.
VISIBLE_FUNCTION = """
CREATE OR REPLACE FUNCTION coachdesk_visible(structure uuid, cohort uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('coachdesk.admin', true), '') = 'on'
        OR ((structure IS NULL
             OR structure::text = current_setting('coachdesk.structure', true))
            AND (cohort IS NULL
                 OR coalesce(current_setting('coachdesk.cohorts', true), '') = ''
                 OR cohort::text = ANY (string_to_array(
                        current_setting('coachdesk.cohorts', true), ','))))
$$
"""


def build_metadata() -> MetaData:
    """The server schema, built from the laptop's models of this version."""
    from coachdesk.models import Base

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    for table in Base.metadata.sorted_tables:
        if table.name not in SYNCED:
            continue
        copy = table.to_metadata(metadata)
        for constraint in copy.constraints:
            if isinstance(constraint, ForeignKeyConstraint):
                constraint.deferrable = True
                constraint.initially = "DEFERRED"
        copy.append_column(Column("sync_seq", BigInteger, nullable=False))
        copy.append_column(Column("sync_clock", JSONB, nullable=False))
        copy.append_column(Column("sync_structure_id", ServerId, nullable=True))
        copy.append_column(Column("sync_cohort_id", ServerId, nullable=True))
        Index(f"ix_{table.name}_sync_seq", copy.c.sync_seq)
        Index(f"ix_{table.name}_sync_scope", copy.c.sync_structure_id, copy.c.sync_cohort_id)

    Table(
        "team", metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(200), nullable=False),
        # The pseudonymisation key of the evaluator's export, the same on every laptop.
        Column("pseudonym_key", String(128), nullable=False),
        Column("created_at", DateTime, nullable=False),
    )
    Table(
        "structure", metadata,
        Column("id", ServerId, primary_key=True),
        Column("name", String(200), nullable=False, unique=True),
        Column("created_at", DateTime, nullable=False),
    )
    Table(
        "coach_account", metadata,
        Column("id", ServerId, primary_key=True),
        Column("name", String(200), nullable=False),
        Column("structure_id", ServerId, ForeignKey("structure.id"), nullable=False),
        # Comma-separated promotion ids the coach is limited to; empty: the whole structure.
        Column("cohort_scope", Text, nullable=False, default=""),
        Column("created_at", DateTime, nullable=False),
        Column("disabled_at", DateTime),
        # The team-wide coach record (laptop table ``coach``) this login is: how a laptop's
        # « which coach uses this laptop » and the people's « chargé·e » map to an account.
        Column("coach_record_id", ServerId, ForeignKey("coach.id", ondelete="SET NULL")),
    )
    Table(
        "join_code", metadata,
        Column("code_hash", String(64), primary_key=True),
        Column("coach_id", ServerId, ForeignKey("coach_account.id"), nullable=False),
        Column("expires_at", DateTime, nullable=False),
        Column("used_at", DateTime),
    )
    Table(
        "device", metadata,
        Column("id", ServerId, primary_key=True),
        Column("coach_id", ServerId, ForeignKey("coach_account.id"), nullable=False),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("created_at", DateTime, nullable=False),
        Column("expires_at", DateTime, nullable=False),
        Column("revoked_at", DateTime),
        Column("last_seen_at", DateTime),
        Column("laptop_schema", String(32), nullable=False, default=""),
    )
    Table(
        "sync_counter", metadata,
        Column("id", Integer, primary_key=True),
        Column("last_seq", BigInteger, nullable=False),
    )
    Table(
        # One line per operation received: a retried batch is answered, not applied twice.
        # Ids and outcome only, never a value.
        "sync_applied_op", metadata,
        Column("op_id", ServerId, primary_key=True),
        Column("device_id", ServerId, nullable=False),
        Column("table_name", String(60), nullable=False),
        Column("row_id", ServerId, nullable=False),
        Column("seq", BigInteger, nullable=False),
        Column("status", String(20), nullable=False),
        Column("code", String(40), nullable=False, default=""),
        Column("message", Text, nullable=False, default=""),
        Column("applied_at", DateTime, nullable=False),
    )
    Table(
        "sync_tombstone", metadata,
        Column("table_name", String(60), primary_key=True),
        Column("row_id", ServerId, primary_key=True),
        Column("seq", BigInteger, nullable=False, index=True),
        Column("sync_structure_id", ServerId),
        Column("sync_cohort_id", ServerId),
        Column("deleted_at", DateTime, nullable=False),
    )
    Table(
        # A value that lost to a concurrent change of the same column, until a person decides.
        "sync_conflict", metadata,
        Column("id", ServerId, primary_key=True),
        Column("table_name", String(60), nullable=False),
        Column("row_id", ServerId, nullable=False, index=True),
        Column("column_name", String(60), nullable=False),
        Column("kept_value", JSONB),
        Column("lost_value", JSONB),
        Column("kept_hlc", String(80), nullable=False, default=""),
        Column("lost_hlc", String(80), nullable=False, default=""),
        Column("lost_device", ServerId),
        Column("reason", String(40), nullable=False),
        Column("seq", BigInteger, nullable=False, index=True),
        Column("sync_structure_id", ServerId),
        Column("sync_cohort_id", ServerId),
        Column("created_at", DateTime, nullable=False),
        Column("resolved_at", DateTime),
    )
    Table(
        # An erasure order: the ids the laptops purge (never a name).
        "sync_erasure", metadata,
        Column("id", ServerId, primary_key=True),
        Column("participant_id", ServerId, nullable=False),
        Column("row_ids", JSONB, nullable=False),
        Column("seq", BigInteger, nullable=False, index=True),
        Column("sync_structure_id", ServerId),
        Column("sync_cohort_id", ServerId),
        Column("ordered_at", DateTime, nullable=False),
    )
    Table(
        "sync_erased_row", metadata,
        Column("row_id", ServerId, primary_key=True),
        Column("erasure_id", ServerId, nullable=False),
    )
    Table(
        # Evidence: each device's acknowledgement of each erasure order.
        "sync_erasure_ack", metadata,
        Column("erasure_id", ServerId, ForeignKey("sync_erasure.id"), primary_key=True),
        Column("device_id", ServerId, primary_key=True),
        Column("acked_at", DateTime, nullable=False),
    )
    Table(
        # A person moved to another structure or promotion: laptops that no longer see them
        # drop these rows; the others receive them whole (their sequence numbers are new).
        "sync_move", metadata,
        Column("id", ServerId, primary_key=True),
        Column("participant_id", ServerId, nullable=False),
        Column("row_ids", JSONB, nullable=False),
        Column("from_structure_id", ServerId),
        Column("from_cohort_id", ServerId),
        Column("to_structure_id", ServerId),
        Column("to_cohort_id", ServerId),
        Column("moved_hlc", String(80), nullable=False),
        Column("seq", BigInteger, nullable=False, index=True),
        Column("moved_at", DateTime, nullable=False),
    )
    Table(
        # Two people who may be one (same folded name and birth date), created apart.
        "sync_duplicate", metadata,
        Column("id", ServerId, primary_key=True),
        Column("participant_id", ServerId, nullable=False),
        Column("same_as_id", ServerId, nullable=False),
        Column("reason", String(40), nullable=False),
        Column("seq", BigInteger, nullable=False, index=True),
        Column("sync_structure_id", ServerId),
        Column("sync_cohort_id", ServerId),
        Column("created_at", DateTime, nullable=False),
        Column("resolved", Boolean, nullable=False, default=False),
    )
    return metadata


metadata = build_metadata()

# Tables whose rows are filtered by coachdesk_visible(sync_structure_id, sync_cohort_id).
SCOPED_TABLES: tuple[str, ...] = (
    *sorted(SYNCED), "sync_tombstone", "sync_conflict", "sync_erasure", "sync_duplicate",
)


def row_level_security_sql() -> list[str]:
    """The statements enabling (and forcing, for the tables' owner too) row-level security."""
    statements = [VISIBLE_FUNCTION]
    for name in SCOPED_TABLES:
        statements += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {name}_scope ON {name}",
            f"CREATE POLICY {name}_scope ON {name} "
            "USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) "
            "WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))",
        ]
    statements += [
        "ALTER TABLE sync_move ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE sync_move FORCE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS sync_move_scope ON sync_move",
        "CREATE POLICY sync_move_scope ON sync_move "
        "USING (coachdesk_visible(from_structure_id, from_cohort_id) "
        "OR coachdesk_visible(to_structure_id, to_cohort_id)) "
        "WITH CHECK (coachdesk_visible(to_structure_id, to_cohort_id))",
    ]
    return statements
