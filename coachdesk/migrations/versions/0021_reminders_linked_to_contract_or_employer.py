"""reminders linked to the contract or the employer they were made from

Revision ID: 0021
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0021'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS (0020 when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing reminders name their contract or employer in their text only: left unlinked.
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=True))
        batch_op.add_column(sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=True))
        batch_op.create_index(batch_op.f('ix_reminder_contract_id'), ['contract_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_employer_id'), ['employer_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_reminder_contract_id_contract'), 'contract',
                                    ['contract_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_reminder_employer_id_employer'), 'employer',
                                    ['employer_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_reminder_employer_id_employer'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_reminder_contract_id_contract'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_reminder_employer_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_contract_id'))
        batch_op.drop_column('employer_id')
        batch_op.drop_column('contract_id')
