"""team server: the agenda's indexes (laptop revision 0019)

Revision ID: s0019
Revises: s0018
Create Date: 2026-12-06 15:30:00
"""

from __future__ import annotations

from alembic import op

revision = 's0019'
down_revision = 's0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The same indexes as the laptops' (the server's tables follow the laptop's models).
    op.create_index('ix_contract_running', 'contract',
                    ['start_date', 'end_date', 'rupture_on', 'id'], unique=False)
    op.drop_index(op.f('ix_contract_start_date'), table_name='contract')
    op.create_index('ix_follow_up_visit_summary', 'follow_up_visit',
                    ['contract_id', 'done_on', 'planned_on', 'next_visit_on'], unique=False)
    op.create_index(op.f('ix_outcome_recorded_on'), 'outcome', ['recorded_on'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_outcome_recorded_on'), table_name='outcome')
    op.drop_index('ix_follow_up_visit_summary', table_name='follow_up_visit')
    op.create_index(op.f('ix_contract_start_date'), 'contract', ['start_date'], unique=False)
    op.drop_index('ix_contract_running', table_name='contract')
