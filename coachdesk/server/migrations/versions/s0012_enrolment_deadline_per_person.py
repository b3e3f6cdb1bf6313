"""team server: a person's own provisional-enrolment deadline (laptop revision 0012)

Revision ID: s0012
Revises: s0002
Create Date: 2026-12-14 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0012'
down_revision = 's0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Expand only: a laptop of the revision before sends enrolments without the column.
    op.add_column('enrolment', sa.Column('deadline_override', sa.Date(), nullable=True))
    op.create_index(op.f('ix_enrolment_deadline_override'), 'enrolment', ['deadline_override'],
                    unique=False)
    op.create_check_constraint(
        op.f('ck_enrolment_deadline_after'), 'enrolment',
        'deadline_override IS NULL OR deadline_override >= enrolled_on',
    )


def downgrade() -> None:
    op.drop_constraint(op.f('ck_enrolment_deadline_after'), 'enrolment', type_='check')
    op.drop_index(op.f('ix_enrolment_deadline_override'), table_name='enrolment')
    op.drop_column('enrolment', 'deadline_override')
