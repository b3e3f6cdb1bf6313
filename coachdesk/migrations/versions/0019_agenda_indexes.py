"""indexes for the week's agenda: running contracts, their visits, exits by date

Revision ID: 0019
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 15:30:00
"""

from __future__ import annotations

from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0019'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS (0018 when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Covering indexes: the agenda finds a week's running contracts and sums up their visits
    # without reading the contract or visit rows themselves. The contracts' index on their
    # start alone is replaced: the new one begins with it.
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(
            'ix_contract_running', ['start_date', 'end_date', 'rupture_on', 'id'], unique=False)
        batch_op.drop_index(batch_op.f('ix_contract_start_date'))
    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.create_index(
            'ix_follow_up_visit_summary',
            ['contract_id', 'done_on', 'planned_on', 'next_visit_on'], unique=False)
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_recorded_on'), ['recorded_on'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_recorded_on'))
    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_visit_summary')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_start_date'), ['start_date'], unique=False)
        batch_op.drop_index('ix_contract_running')
