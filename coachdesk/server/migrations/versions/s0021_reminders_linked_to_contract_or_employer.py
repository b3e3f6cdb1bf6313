"""team server: reminders linked to the contract or the employer they were made from (laptop
revision 0021)

Revision ID: s0021
Revises: s0020
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0021'
down_revision = 's0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Expand only: a laptop of the revision before sends reminders without the new columns.
    op.add_column('reminder', sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=True))
    op.add_column('reminder', sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=True))
    op.create_index(op.f('ix_reminder_contract_id'), 'reminder', ['contract_id'], unique=False)
    op.create_index(op.f('ix_reminder_employer_id'), 'reminder', ['employer_id'], unique=False)
    op.create_foreign_key(op.f('fk_reminder_contract_id_contract'), 'reminder', 'contract',
                          ['contract_id'], ['id'], ondelete='SET NULL', initially='DEFERRED',
                          deferrable=True)
    op.create_foreign_key(op.f('fk_reminder_employer_id_employer'), 'reminder', 'employer',
                          ['employer_id'], ['id'], ondelete='SET NULL', initially='DEFERRED',
                          deferrable=True)


def downgrade() -> None:
    op.drop_constraint(op.f('fk_reminder_employer_id_employer'), 'reminder', type_='foreignkey')
    op.drop_constraint(op.f('fk_reminder_contract_id_contract'), 'reminder', type_='foreignkey')
    op.drop_index(op.f('ix_reminder_employer_id'), table_name='reminder')
    op.drop_index(op.f('ix_reminder_contract_id'), table_name='reminder')
    op.drop_column('reminder', 'employer_id')
    op.drop_column('reminder', 'contract_id')
