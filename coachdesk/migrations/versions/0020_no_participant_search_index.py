"""the participants' index on (promotion, search text) dropped

Revision ID: 0020
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 19:00:00
"""

from __future__ import annotations

from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0020'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS (0019 when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The Cohorte list searches its rows in memory and no query filters on the search text
    # by its beginning: the index only ordered the exports (a sort of one promotion's people)
    # and cost every new person an entry — a fifth of the INSERT time of a large import.
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index('ix_participant_cohort_search')


def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(
            'ix_participant_cohort_search', ['cohort_id', 'search_text'], unique=False)
