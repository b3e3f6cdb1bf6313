"""provisional enrolment: a person's own deadline, beside the promotion's

Revision ID: 0012
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-14 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0012'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS, so revisions of other work
# merged before it need no edit here.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline_override', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_enrolment_deadline_override'), ['deadline_override'], unique=False)
        batch_op.create_check_constraint(
            batch_op.f('ck_enrolment_deadline_after'),
            'deadline_override IS NULL OR deadline_override >= enrolled_on',
        )


def downgrade() -> None:
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_enrolment_deadline_after'), type_='check')
        batch_op.drop_index(batch_op.f('ix_enrolment_deadline_override'))
        batch_op.drop_column('deadline_override')
