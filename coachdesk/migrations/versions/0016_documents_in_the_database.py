"""documents attached to a person, a contract, an employer or a visit, their bytes inside

Revision ID: 0016
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0016'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS, so revisions of other work
# merged before it need no edit here.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None

_OWNERS = ('participant_id', 'contract_id', 'employer_id', 'visit_id')
_ONE_OWNER = ' + '.join(
    f'(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)' for column in _OWNERS) + ' = 1'


def upgrade() -> None:
    op.create_table('document',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('visit_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('extension', sa.String(length=10), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(_ONE_OWNER, name=op.f('ck_document_one_owner')),
    sa.CheckConstraint('size > 0', name=op.f('ck_document_size')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_document_participant_id_participant'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_document_contract_id_contract'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'],
                            name=op.f('fk_document_employer_id_employer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['follow_up_visit.id'],
                            name=op.f('fk_document_visit_id_follow_up_visit'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        for column in _OWNERS:
            batch_op.create_index(batch_op.f(f'ix_document_{column}'), [column], unique=False)
    op.create_table('document_content',
    sa.Column('document_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'],
                            name=op.f('fk_document_content_document_id_document'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_content')),
    sa.UniqueConstraint('document_id', name=op.f('uq_document_content_document_id')),
    )


def downgrade() -> None:
    op.drop_table('document_content')
    with op.batch_alter_table('document', schema=None) as batch_op:
        for column in reversed(_OWNERS):
            batch_op.drop_index(batch_op.f(f'ix_document_{column}'))
    op.drop_table('document')
