"""a clock per database; contract alerts acknowledged with a reason

Revision ID: 0013
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0013'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS, so revisions of other work
# merged before it need no edit here.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An existing database keeps living on today (no day written).
    with op.batch_alter_table('database_identity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clock_date', sa.Date(), nullable=True))
    op.create_table('contract_alert_ack',
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_contract_alert_ack_contract_id_contract'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_alert_ack')),
    sa.UniqueConstraint('contract_id', 'code', name=op.f('uq_contract_alert_ack_contract_id_code'))
    )
    with op.batch_alter_table('contract_alert_ack', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_alert_ack_contract_id'), ['contract_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contract_alert_ack', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_alert_ack_contract_id'))
    op.drop_table('contract_alert_ack')
    with op.batch_alter_table('database_identity', schema=None) as batch_op:
        batch_op.drop_column('clock_date')
