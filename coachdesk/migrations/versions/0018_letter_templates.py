"""letter and e-mail templates

Revision ID: 0018
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0018'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS (0013 when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The default templates are written on first use (coachdesk.services.letters), as on a
    # new database.
    op.create_table('letter_template',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_template')),
    sa.UniqueConstraint('name', name=op.f('uq_letter_template_name'))
    )


def downgrade() -> None:
    op.drop_table('letter_template')
