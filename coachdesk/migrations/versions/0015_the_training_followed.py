"""the training followed: rhythm, absences, assessments, result

Revision ID: 0015
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 11:41:28

Three new tables only: an existing database gains them empty (no training recorded yet).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0015'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS ("0013" when written).
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None


def upgrade() -> None:
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
    sa.CheckConstraint("(result IS NULL AND result_on IS NULL) OR (result_on IS NOT NULL AND result IN ('obtenu', 'non_obtenu', 'abandon'))", name=op.f('ck_training_result_dated')),
    sa.CheckConstraint("mode = 'cours_du_soir' OR contract_id IS NOT NULL", name=op.f('ck_training_work_study_has_contract')),
    sa.CheckConstraint("mode IN ('alternance', 'cours_du_soir')", name=op.f('ck_training_mode')),
    sa.CheckConstraint('days_at_training_body IS NULL OR days_at_training_body BETWEEN 0 AND 7', name=op.f('ck_training_days_at_training_body')),
    sa.CheckConstraint('days_at_work IS NULL OR days_at_work BETWEEN 0 AND 7', name=op.f('ck_training_days_at_work')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_training_dates_in_order')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_training_contract_id_contract'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_training_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['training_body_id'], ['training_body.id'], name=op.f('fk_training_training_body_id_training_body'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training')),
    sa.UniqueConstraint('contract_id', name=op.f('uq_training_contract_id'))
    )
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_training_body_id'), ['training_body_id'], unique=False)

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
    sa.CheckConstraint("source IN ('saisie', 'import')", name=op.f('ck_training_absence_source')),
    sa.CheckConstraint('(hours IS NULL) <> (half_days IS NULL)', name=op.f('ck_training_absence_hours_or_half_days')),
    sa.CheckConstraint('half_days IS NULL OR half_days BETWEEN 1 AND 2', name=op.f('ck_training_absence_half_days')),
    sa.CheckConstraint('hours IS NULL OR (hours > 0 AND hours <= 12)', name=op.f('ck_training_absence_hours')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'], name=op.f('fk_training_absence_training_id_training'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_absence')),
    sa.UniqueConstraint('training_id', 'absent_on', name=op.f('uq_training_absence_training_id_absent_on'))
    )
    with op.batch_alter_table('training_absence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_absence_training_id'), ['training_id'], unique=False)

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
    sa.CheckConstraint("source IN ('saisie', 'import')", name=op.f('ck_training_assessment_source')),
    sa.CheckConstraint('grade IS NULL OR (grade >= 0 AND grade <= 20)', name=op.f('ck_training_assessment_grade')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'], name=op.f('fk_training_assessment_training_id_training'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_assessment')),
    sa.UniqueConstraint('training_id', 'assessed_on', 'subject', name=op.f('uq_training_assessment_training_id_assessed_on_subject'))
    )
    with op.batch_alter_table('training_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_assessment_training_id'), ['training_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_assessment_training_id'))

    op.drop_table('training_assessment')
    with op.batch_alter_table('training_absence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_absence_training_id'))

    op.drop_table('training_absence')
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_training_body_id'))
        batch_op.drop_index(batch_op.f('ix_training_participant_id'))

    op.drop_table('training')
