"""team server: the coach's journal; reminders ticked done on a day, exit follow-ups kept
(laptop revision 0017)

Revision ID: s0017
Revises: s0014
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 's0017'
down_revision = 's0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Expand only: a laptop of the revision before sends reminders without the new columns.
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
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("kind IN ('appel', 'entretien', 'visite', 'courriel', 'autre')",
                       name=op.f('ck_journal_entry_kind')),
    sa.ForeignKeyConstraint(['coach_id'], ['coach.id'],
                            name=op.f('fk_journal_entry_coach_id_coach'), ondelete='SET NULL',
                            initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_journal_entry_contract_id_contract'),
                            ondelete='SET NULL', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'],
                            name=op.f('fk_journal_entry_employer_id_employer'),
                            ondelete='SET NULL', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_journal_entry_participant_id_participant'),
                            ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entry'))
    )
    op.create_index(op.f('ix_journal_entry_coach_id'), 'journal_entry', ['coach_id'],
                    unique=False)
    op.create_index(op.f('ix_journal_entry_contract_id'), 'journal_entry', ['contract_id'],
                    unique=False)
    op.create_index(op.f('ix_journal_entry_employer_id'), 'journal_entry', ['employer_id'],
                    unique=False)
    op.create_index(op.f('ix_journal_entry_written_on'), 'journal_entry', ['written_on'],
                    unique=False)
    op.create_index('ix_journal_entry_participant_written', 'journal_entry',
                    ['participant_id', 'written_on'], unique=False)
    op.create_index('ix_journal_entry_sync_scope', 'journal_entry',
                    ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_journal_entry_sync_seq', 'journal_entry', ['sync_seq'], unique=False)
    # A person's notes are seen by the coaches of the person's scope, like their reminders.
    op.execute('ALTER TABLE journal_entry ENABLE ROW LEVEL SECURITY')
    op.execute('ALTER TABLE journal_entry FORCE ROW LEVEL SECURITY')
    op.execute('DROP POLICY IF EXISTS journal_entry_scope ON journal_entry')
    op.execute('CREATE POLICY journal_entry_scope ON journal_entry '
               'USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) '
               'WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))')
    op.add_column('reminder', sa.Column('done_on', sa.Date(), nullable=True))
    op.add_column('reminder', sa.Column('outcome_id', sa.Uuid(as_uuid=False), nullable=True))
    op.add_column('reminder', sa.Column('follow_up_months', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_reminder_outcome_id'), 'reminder', ['outcome_id'], unique=False)
    op.create_foreign_key(op.f('fk_reminder_outcome_id_outcome'), 'reminder', 'outcome',
                          ['outcome_id'], ['id'], ondelete='CASCADE', initially='DEFERRED',
                          deferrable=True)


def downgrade() -> None:
    op.drop_constraint(op.f('fk_reminder_outcome_id_outcome'), 'reminder', type_='foreignkey')
    op.drop_index(op.f('ix_reminder_outcome_id'), table_name='reminder')
    op.drop_column('reminder', 'follow_up_months')
    op.drop_column('reminder', 'outcome_id')
    op.drop_column('reminder', 'done_on')
    op.drop_table('journal_entry')
