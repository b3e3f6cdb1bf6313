"""team server: the training followed (its absences and assessments), contract alerts set
aside, letter templates (laptop revisions 0013, 0015 and 0018)

Revision ID: s0018
Revises: s0017
Create Date: 2026-12-06 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 's0018'
down_revision = 's0017'
branch_labels = None
depends_on = None

# Row-level security like every shared table: a person's training, absences, assessments and
# set-aside alerts are seen by the coaches of the person's scope; letter templates hold no
# person (no scope: every coach of the team sees them).
_TABLES = ('letter_template', 'contract_alert_ack', 'training', 'training_absence',
           'training_assessment')


def upgrade() -> None:
    # Expand only: these tables are new on the server; laptops already had them.
    op.create_table('letter_template',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_template')),
    sa.UniqueConstraint('name', name=op.f('uq_letter_template_name'))
    )
    op.create_index('ix_letter_template_sync_scope', 'letter_template', [
                    'sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_letter_template_sync_seq', 'letter_template', ['sync_seq'], unique=False)
    op.create_table('contract_alert_ack',
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_contract_alert_ack_contract_id_contract'),
                            ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_alert_ack')),
    sa.UniqueConstraint('contract_id', 'code', name=op.f('uq_contract_alert_ack_contract_id_code'))
    )
    op.create_index(op.f('ix_contract_alert_ack_contract_id'), 'contract_alert_ack',
                    ['contract_id'], unique=False)
    op.create_index('ix_contract_alert_ack_sync_scope', 'contract_alert_ack',
                    ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_contract_alert_ack_sync_seq', 'contract_alert_ack', ['sync_seq'],
                    unique=False)
    op.create_table('training',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('mode', sa.String(length=40), nullable=False),
    sa.Column('training_body_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('qualification', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('days_at_training_body', sa.Integer(), nullable=True),
    sa.Column('days_at_work', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(length=40), nullable=True),
    sa.Column('result_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("(result IS NULL AND result_on IS NULL) OR (result_on IS NOT NULL AND "
                       "result IN ('obtenu', 'non_obtenu', 'abandon'))",
                       name=op.f('ck_training_result_dated')),
    sa.CheckConstraint("mode = 'cours_du_soir' OR contract_id IS NOT NULL",
                       name=op.f('ck_training_work_study_has_contract')),
    sa.CheckConstraint("mode IN ('alternance', 'cours_du_soir')", name=op.f('ck_training_mode')),
    sa.CheckConstraint('days_at_training_body IS NULL OR days_at_training_body BETWEEN 0 AND 7',
                       name=op.f('ck_training_days_at_training_body')),
    sa.CheckConstraint('days_at_work IS NULL OR days_at_work BETWEEN 0 AND 7',
                       name=op.f('ck_training_days_at_work')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date',
                       name=op.f('ck_training_dates_in_order')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'],
                            name=op.f('fk_training_contract_id_contract'), ondelete='CASCADE',
                            initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_training_participant_id_participant'),
                            ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['training_body_id'], ['training_body.id'],
                            name=op.f('fk_training_training_body_id_training_body'),
                            ondelete='SET NULL', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training')),
    sa.UniqueConstraint('contract_id', name=op.f('uq_training_contract_id'))
    )
    op.create_index(op.f('ix_training_participant_id'), 'training', ['participant_id'],
                    unique=False)
    op.create_index('ix_training_sync_scope', 'training', ['sync_structure_id', 'sync_cohort_id'],
                    unique=False)
    op.create_index('ix_training_sync_seq', 'training', ['sync_seq'], unique=False)
    op.create_index(op.f('ix_training_training_body_id'), 'training', ['training_body_id'],
                    unique=False)
    op.create_table('training_absence',
    sa.Column('training_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('absent_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=4, scale=1, asdecimal=False), nullable=True),
    sa.Column('half_days', sa.Integer(), nullable=True),
    sa.Column('justified', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("source IN ('saisie', 'import')", name=op.f('ck_training_absence_source')),
    sa.CheckConstraint('(hours IS NULL) <> (half_days IS NULL)',
                       name=op.f('ck_training_absence_hours_or_half_days')),
    sa.CheckConstraint('half_days IS NULL OR half_days BETWEEN 1 AND 2',
                       name=op.f('ck_training_absence_half_days')),
    sa.CheckConstraint('hours IS NULL OR (hours > 0 AND hours <= 12)',
                       name=op.f('ck_training_absence_hours')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'],
                            name=op.f('fk_training_absence_training_id_training'),
                            ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_absence')),
    sa.UniqueConstraint('training_id', 'absent_on',
                        name=op.f('uq_training_absence_training_id_absent_on'))
    )
    op.create_index('ix_training_absence_sync_scope', 'training_absence', [
                    'sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_training_absence_sync_seq', 'training_absence', ['sync_seq'], unique=False)
    op.create_index(op.f('ix_training_absence_training_id'), 'training_absence', ['training_id'],
                    unique=False)
    op.create_table('training_assessment',
    sa.Column('training_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('result', sa.String(length=200), nullable=False),
    sa.Column('grade', sa.Numeric(precision=4, scale=2, asdecimal=False), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("source IN ('saisie', 'import')",
                       name=op.f('ck_training_assessment_source')),
    sa.CheckConstraint('grade IS NULL OR (grade >= 0 AND grade <= 20)',
                       name=op.f('ck_training_assessment_grade')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'],
                            name=op.f('fk_training_assessment_training_id_training'),
                            ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_assessment')),
    sa.UniqueConstraint('training_id', 'assessed_on', 'subject',
                        name=op.f('uq_training_assessment_training_id_assessed_on_subject'))
    )
    op.create_index('ix_training_assessment_sync_scope', 'training_assessment',
                    ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_training_assessment_sync_seq', 'training_assessment', ['sync_seq'],
                    unique=False)
    op.create_index(op.f('ix_training_assessment_training_id'), 'training_assessment',
                    ['training_id'], unique=False)

    for name in _TABLES:
        op.execute(f'ALTER TABLE {name} ENABLE ROW LEVEL SECURITY')
        op.execute(f'ALTER TABLE {name} FORCE ROW LEVEL SECURITY')
        op.execute(f'DROP POLICY IF EXISTS {name}_scope ON {name}')
        op.execute(f'CREATE POLICY {name}_scope ON {name} '
                   'USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) '
                   'WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))')


def downgrade() -> None:
    op.drop_index(op.f('ix_training_assessment_training_id'), table_name='training_assessment')
    op.drop_index('ix_training_assessment_sync_seq', table_name='training_assessment')
    op.drop_index('ix_training_assessment_sync_scope', table_name='training_assessment')
    op.drop_table('training_assessment')
    op.drop_index(op.f('ix_training_absence_training_id'), table_name='training_absence')
    op.drop_index('ix_training_absence_sync_seq', table_name='training_absence')
    op.drop_index('ix_training_absence_sync_scope', table_name='training_absence')
    op.drop_table('training_absence')
    op.drop_index(op.f('ix_training_training_body_id'), table_name='training')
    op.drop_index('ix_training_sync_seq', table_name='training')
    op.drop_index('ix_training_sync_scope', table_name='training')
    op.drop_index(op.f('ix_training_participant_id'), table_name='training')
    op.drop_table('training')
    op.drop_index('ix_contract_alert_ack_sync_seq', table_name='contract_alert_ack')
    op.drop_index('ix_contract_alert_ack_sync_scope', table_name='contract_alert_ack')
    op.drop_index(op.f('ix_contract_alert_ack_contract_id'), table_name='contract_alert_ack')
    op.drop_table('contract_alert_ack')
    op.drop_index('ix_letter_template_sync_seq', table_name='letter_template')
    op.drop_index('ix_letter_template_sync_scope', table_name='letter_template')
    op.drop_table('letter_template')
