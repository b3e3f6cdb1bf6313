"""the coach's journal; reminders ticked done on a day, follow-ups after an exit kept

Revision ID: 0017
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0017'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS ("0013" when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('journal_entry',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('appel', 'entretien', 'visite', 'courriel', 'autre')",
                       name=op.f('ck_journal_entry_kind')),
    sa.ForeignKeyConstraint(['coach_id'], ['coach.id'],
                            name=op.f('fk_journal_entry_coach_id_coach'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_journal_entry_contract_id_contract'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'],
                            name=op.f('fk_journal_entry_employer_id_employer'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_journal_entry_participant_id_participant'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entry'))
    )
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entry_coach_id'), ['coach_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_contract_id'), ['contract_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_employer_id'), ['employer_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_written_on'), ['written_on'],
                              unique=False)
        batch_op.create_index('ix_journal_entry_participant_written',
                              ['participant_id', 'written_on'], unique=False)
    # Existing reminders keep their state; those already done have no day of their own.
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('done_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('outcome_id', sa.Uuid(as_uuid=False), nullable=True))
        batch_op.add_column(sa.Column('follow_up_months', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_reminder_outcome_id'), ['outcome_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_reminder_outcome_id_outcome'), 'outcome',
                                    ['outcome_id'], ['id'], ondelete='CASCADE')


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_reminder_outcome_id_outcome'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_reminder_outcome_id'))
        batch_op.drop_column('follow_up_months')
        batch_op.drop_column('outcome_id')
        batch_op.drop_column('done_on')
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_journal_entry_participant_written')
        batch_op.drop_index(batch_op.f('ix_journal_entry_written_on'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_employer_id'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_contract_id'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_coach_id'))
    op.drop_table('journal_entry')
