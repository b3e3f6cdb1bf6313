"""team server: the participants' index on (promotion, search text) dropped (laptop revision 0020)

Revision ID: s0020
Revises: s0019
Create Date: 2026-12-06 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = 's0020'
down_revision = 's0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # As on the laptops (the server's tables follow the laptop's models).
    op.drop_index('ix_participant_cohort_search', table_name='participant')


def downgrade() -> None:
    op.create_index('ix_participant_cohort_search', 'participant', ['cohort_id', 'search_text'],
                    unique=False)
