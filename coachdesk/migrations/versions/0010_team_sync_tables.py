"""team mode: outbox, sync state, conflicts, erased ids; a person's structure

Revision ID: 0010
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0010'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS, so revisions of other work
# merged before it need no edit here.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=400), nullable=False),
    sa.Column('device_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('device_token', sa.String(length=200), nullable=False),
    sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('coach_name', sa.String(length=200), nullable=False),
    sa.Column('structure_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('structure_name', sa.String(length=200), nullable=False),
    sa.Column('team_key', sa.String(length=128), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('clock_last', sa.String(length=80), nullable=False),
    sa.Column('clock_offset_ms', sa.BigInteger(), nullable=False),
    sa.Column('restored', sa.Boolean(), nullable=False),
    sa.Column('blocked_message', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('txn_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('base_seq', sa.BigInteger(), nullable=False),
    sa.Column('schema_revision', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('refusal_code', sa.String(length=40), nullable=False),
    sa.Column('refusal_message', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    sa.UniqueConstraint('op_id', name=op.f('uq_sync_outbox_op_id'))
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index('ix_sync_outbox_row', ['table_name', 'row_id'], unique=False)

    op.create_table('sync_conflict',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('kept_value', sa.Text(), nullable=False),
    sa.Column('lost_value', sa.Text(), nullable=False),
    sa.Column('lost_hlc', sa.String(length=80), nullable=False),
    sa.Column('lost_device', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_row_id'), ['row_id'], unique=False)

    op.create_table('sync_erased',
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('erasure_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('erased_at', sa.DateTime(), nullable=False),
    sa.Column('acknowledged', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('row_id', name=op.f('pk_sync_erased'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('structure_id', sa.Uuid(as_uuid=False), nullable=True))
        batch_op.create_index(batch_op.f('ix_participant_structure_id'), ['structure_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_structure_id'))
        batch_op.drop_column('structure_id')
    op.drop_table('sync_erased')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_row_id'))
    op.drop_table('sync_conflict')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_outbox_row')
    op.drop_table('sync_outbox')
    op.drop_table('sync_state')
