"""database identity: the id that names a database's backup folder

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 05:00:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table('database_identity',
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity'))
    )
    # An existing database gets its identity now; its older backups stay where they are.
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(identity, [
        {'id': str(uuid.uuid4()), 'is_demo': False, 'created_at': now, 'updated_at': now},
    ])


def downgrade() -> None:
    op.drop_table('database_identity')
