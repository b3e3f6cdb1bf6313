"""team server schema

Revision ID: s0001
Revises: 
Create Date: 2026-12-06 05:07:12.853529
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 's0001'
down_revision = None
branch_labels = None
depends_on = None


_ROW_LEVEL_SECURITY = [
    "\nCREATE OR REPLACE FUNCTION coachdesk_visible(structure uuid, cohort uuid) RETURNS boolean\nLANGUAGE sql STABLE AS $$\n    SELECT coalesce(current_setting('coachdesk.admin', true), '') = 'on'\n        OR ((structure IS NULL\n             OR structure::text = current_setting('coachdesk.structure', true))\n            AND (cohort IS NULL\n                 OR coalesce(current_setting('coachdesk.cohorts', true), '') = ''\n                 OR cohort::text = ANY (string_to_array(\n                        current_setting('coachdesk.cohorts', true), ','))))\n$$\n",
    'ALTER TABLE attendance ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE attendance FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS attendance_scope ON attendance',
    'CREATE POLICY attendance_scope ON attendance USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE bilan_attendance ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE bilan_attendance FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS bilan_attendance_scope ON bilan_attendance',
    'CREATE POLICY bilan_attendance_scope ON bilan_attendance USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE bilan_group ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE bilan_group FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS bilan_group_scope ON bilan_group',
    'CREATE POLICY bilan_group_scope ON bilan_group USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE bilan_member ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE bilan_member FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS bilan_member_scope ON bilan_member',
    'CREATE POLICY bilan_member_scope ON bilan_member USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE bilan_part ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE bilan_part FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS bilan_part_scope ON bilan_part',
    'CREATE POLICY bilan_part_scope ON bilan_part USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE bilan_session ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE bilan_session FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS bilan_session_scope ON bilan_session',
    'CREATE POLICY bilan_session_scope ON bilan_session USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE checklist_template ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE checklist_template FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS checklist_template_scope ON checklist_template',
    'CREATE POLICY checklist_template_scope ON checklist_template USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE checklist_template_item ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE checklist_template_item FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS checklist_template_item_scope ON checklist_template_item',
    'CREATE POLICY checklist_template_item_scope ON checklist_template_item USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE cohort ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE cohort FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS cohort_scope ON cohort',
    'CREATE POLICY cohort_scope ON cohort USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE contract ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE contract FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS contract_scope ON contract',
    'CREATE POLICY contract_scope ON contract USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE employer ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE employer FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS employer_scope ON employer',
    'CREATE POLICY employer_scope ON employer USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE employer_contact ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE employer_contact FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS employer_contact_scope ON employer_contact',
    'CREATE POLICY employer_contact_scope ON employer_contact USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE enrolment FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS enrolment_scope ON enrolment',
    'CREATE POLICY enrolment_scope ON enrolment USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE follow_up_visit ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE follow_up_visit FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS follow_up_visit_scope ON follow_up_visit',
    'CREATE POLICY follow_up_visit_scope ON follow_up_visit USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE info_session ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE info_session FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS info_session_scope ON info_session',
    'CREATE POLICY info_session_scope ON info_session USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE interview_checklist_item ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE interview_checklist_item FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS interview_checklist_item_scope ON interview_checklist_item',
    'CREATE POLICY interview_checklist_item_scope ON interview_checklist_item USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE job_offer ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE job_offer FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS job_offer_scope ON job_offer',
    'CREATE POLICY job_offer_scope ON job_offer USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE outcome ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE outcome FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS outcome_scope ON outcome',
    'CREATE POLICY outcome_scope ON outcome USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE outreach ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE outreach FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS outreach_scope ON outreach',
    'CREATE POLICY outreach_scope ON outreach USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE participant ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE participant FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS participant_scope ON participant',
    'CREATE POLICY participant_scope ON participant USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE professional_project ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE professional_project FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS professional_project_scope ON professional_project',
    'CREATE POLICY professional_project_scope ON professional_project USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE prospecting_event ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE prospecting_event FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS prospecting_event_scope ON prospecting_event',
    'CREATE POLICY prospecting_event_scope ON prospecting_event USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE recruitment_interview ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE recruitment_interview FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS recruitment_interview_scope ON recruitment_interview',
    'CREATE POLICY recruitment_interview_scope ON recruitment_interview USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE referral ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE referral FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS referral_scope ON referral',
    'CREATE POLICY referral_scope ON referral USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE reminder ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE reminder FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS reminder_scope ON reminder',
    'CREATE POLICY reminder_scope ON reminder USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE selection_interview ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE selection_interview FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS selection_interview_scope ON selection_interview',
    'CREATE POLICY selection_interview_scope ON selection_interview USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE skill_assessment ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE skill_assessment FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS skill_assessment_scope ON skill_assessment',
    'CREATE POLICY skill_assessment_scope ON skill_assessment USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE sync_tombstone ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE sync_tombstone FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS sync_tombstone_scope ON sync_tombstone',
    'CREATE POLICY sync_tombstone_scope ON sync_tombstone USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE sync_conflict ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE sync_conflict FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS sync_conflict_scope ON sync_conflict',
    'CREATE POLICY sync_conflict_scope ON sync_conflict USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE sync_erasure ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE sync_erasure FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS sync_erasure_scope ON sync_erasure',
    'CREATE POLICY sync_erasure_scope ON sync_erasure USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE sync_duplicate ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE sync_duplicate FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS sync_duplicate_scope ON sync_duplicate',
    'CREATE POLICY sync_duplicate_scope ON sync_duplicate USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))',
    'ALTER TABLE sync_move ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE sync_move FORCE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS sync_move_scope ON sync_move',
    'CREATE POLICY sync_move_scope ON sync_move USING (coachdesk_visible(from_structure_id, from_cohort_id) OR coachdesk_visible(to_structure_id, to_cohort_id)) WITH CHECK (coachdesk_visible(to_structure_id, to_cohort_id))',
]


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('checklist_template',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_template')),
    sa.UniqueConstraint('name', name=op.f('uq_checklist_template_name'))
    )
    op.create_index('ix_checklist_template_sync_scope', 'checklist_template', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_checklist_template_sync_seq', 'checklist_template', ['sync_seq'], unique=False)
    op.create_table('cohort',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('training_title', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('enrolment_deadline', sa.Date(), nullable=True),
    sa.Column('visit_interval_weeks', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_cohort_dates_in_order')),
    sa.CheckConstraint('visit_interval_weeks BETWEEN 1 AND 26', name=op.f('ck_cohort_visit_interval')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort')),
    sa.UniqueConstraint('name', name=op.f('uq_cohort_name'))
    )
    op.create_index('ix_cohort_sync_scope', 'cohort', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_cohort_sync_seq', 'cohort', ['sync_seq'], unique=False)
    op.create_table('employer',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('naf_code', sa.String(length=6), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('size_band', sa.String(length=40), nullable=False),
    sa.Column('collective_agreement', sa.String(length=200), nullable=False),
    sa.Column('opco', sa.String(length=200), nullable=False),
    sa.Column('reached_via', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.String(length=600), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("reached_via IS NULL OR reached_via IN ('prospection_directe', 'relais_opco', 'relais_pole_emploi', 'reseau', 'autre')", name=op.f('ck_employer_reached_via')),
    sa.CheckConstraint('siret IS NULL OR length(siret) = 14', name=op.f('ck_employer_siret_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer'))
    )
    op.create_index(op.f('ix_employer_search_text'), 'employer', ['search_text'], unique=False)
    op.create_index(op.f('ix_employer_siret'), 'employer', ['siret'], unique=False)
    op.create_index('ix_employer_sync_scope', 'employer', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_employer_sync_seq', 'employer', ['sync_seq'], unique=False)
    op.create_table('structure',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_structure')),
    sa.UniqueConstraint('name', name=op.f('uq_structure_name'))
    )
    op.create_table('sync_applied_op',
    sa.Column('op_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('device_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('op_id', name=op.f('pk_sync_applied_op'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('kept_value', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('lost_value', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('kept_hlc', sa.String(length=80), nullable=False),
    sa.Column('lost_hlc', sa.String(length=80), nullable=False),
    sa.Column('lost_device', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index(op.f('ix_sync_conflict_row_id'), 'sync_conflict', ['row_id'], unique=False)
    op.create_index(op.f('ix_sync_conflict_seq'), 'sync_conflict', ['seq'], unique=False)
    op.create_table('sync_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_counter'))
    )
    op.create_table('sync_duplicate',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('same_as_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_duplicate'))
    )
    op.create_index(op.f('ix_sync_duplicate_seq'), 'sync_duplicate', ['seq'], unique=False)
    op.create_table('sync_erased_row',
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('erasure_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.PrimaryKeyConstraint('row_id', name=op.f('pk_sync_erased_row'))
    )
    op.create_table('sync_erasure',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('row_ids', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('ordered_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_erasure'))
    )
    op.create_index(op.f('ix_sync_erasure_seq'), 'sync_erasure', ['seq'], unique=False)
    op.create_table('sync_move',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('row_ids', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('from_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('from_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('to_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('to_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('moved_hlc', sa.String(length=80), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('moved_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_move'))
    )
    op.create_index(op.f('ix_sync_move_seq'), 'sync_move', ['seq'], unique=False)
    op.create_table('sync_tombstone',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_tombstone'))
    )
    op.create_index(op.f('ix_sync_tombstone_seq'), 'sync_tombstone', ['seq'], unique=False)
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('pseudonym_key', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team'))
    )
    op.create_table('bilan_group',
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_bilan_group_dates_in_order')),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_bilan_group_cohort_id_cohort'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_group')),
    sa.UniqueConstraint('id', 'cohort_id', name=op.f('uq_bilan_group_id_cohort_id'))
    )
    op.create_index(op.f('ix_bilan_group_cohort_id'), 'bilan_group', ['cohort_id'], unique=False)
    op.create_index('ix_bilan_group_sync_scope', 'bilan_group', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_bilan_group_sync_seq', 'bilan_group', ['sync_seq'], unique=False)
    op.create_table('checklist_template_item',
    sa.Column('template_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_template.id'], name=op.f('fk_checklist_template_item_template_id_checklist_template'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_template_item')),
    sa.UniqueConstraint('template_id', 'position', name=op.f('uq_checklist_template_item_template_id_position'))
    )
    op.create_index('ix_checklist_template_item_sync_scope', 'checklist_template_item', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_checklist_template_item_sync_seq', 'checklist_template_item', ['sync_seq'], unique=False)
    op.create_index(op.f('ix_checklist_template_item_template_id'), 'checklist_template_item', ['template_id'], unique=False)
    op.create_table('coach_account',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('structure_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('cohort_scope', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('disabled_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_coach_account_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_account'))
    )
    op.create_table('employer_contact',
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('last_name', sa.String(length=200), nullable=False),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('is_tutor', sa.Boolean(), nullable=False),
    sa.Column('is_employer_in_person', sa.Boolean(), nullable=False),
    sa.Column('tutor_experience_years', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('tutor_experience_years IS NULL OR tutor_experience_years >= 0', name=op.f('ck_employer_contact_experience_positive')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_employer_contact_employer_id_employer'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer_contact'))
    )
    op.create_index(op.f('ix_employer_contact_employer_id'), 'employer_contact', ['employer_id'], unique=False)
    op.create_index('ix_employer_contact_sync_scope', 'employer_contact', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_employer_contact_sync_seq', 'employer_contact', ['sync_seq'], unique=False)
    op.create_table('info_session',
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('capacity IS NULL OR capacity > 0', name=op.f('ck_info_session_capacity')),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_info_session_cohort_id_cohort'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_info_session')),
    sa.UniqueConstraint('id', 'cohort_id', name=op.f('uq_info_session_id_cohort_id'))
    )
    op.create_index(op.f('ix_info_session_cohort_id'), 'info_session', ['cohort_id'], unique=False)
    op.create_index('ix_info_session_sync_scope', 'info_session', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_info_session_sync_seq', 'info_session', ['sync_seq'], unique=False)
    op.create_table('job_offer',
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('weekly_hours', sa.Numeric(precision=4, scale=1, asdecimal=False), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("source IN ('prospection', 'opco', 'pole_emploi', 'mission_locale', 'candidature')", name=op.f('ck_job_offer_source')),
    sa.CheckConstraint("status IN ('ouverte', 'pourvue', 'annulee')", name=op.f('ck_job_offer_status')),
    sa.CheckConstraint('length(rome_code) = 5', name=op.f('ck_job_offer_rome_code_length')),
    sa.CheckConstraint('weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)', name=op.f('ck_job_offer_weekly_hours')),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_job_offer_cohort_id_cohort'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_job_offer_employer_id_employer'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_offer'))
    )
    op.create_index(op.f('ix_job_offer_cohort_id'), 'job_offer', ['cohort_id'], unique=False)
    op.create_index(op.f('ix_job_offer_employer_id'), 'job_offer', ['employer_id'], unique=False)
    op.create_index(op.f('ix_job_offer_rome_code'), 'job_offer', ['rome_code'], unique=False)
    op.create_index('ix_job_offer_sync_scope', 'job_offer', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_job_offer_sync_seq', 'job_offer', ['sync_seq'], unique=False)
    op.create_table('participant',
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('last_name', sa.String(length=200), nullable=False),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('is_adult', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('ine', sa.String(length=20), nullable=False),
    sa.Column('university_track', sa.String(length=200), nullable=False),
    sa.Column('bac_type', sa.String(length=40), nullable=True),
    sa.Column('bac_series', sa.String(length=200), nullable=False),
    sa.Column('bac_year', sa.Integer(), nullable=True),
    sa.Column('provenance', sa.String(length=40), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=False),
    sa.Column('coach', sa.String(length=200), nullable=False),
    sa.Column('source_file', sa.String(length=400), nullable=False),
    sa.Column('source_sheet', sa.String(length=200), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=True),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.String(length=600), nullable=False),
    sa.Column('structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("bac_type IS NULL OR bac_type IN ('general', 'technologique', 'professionnel', 'titre_niveau4', 'autre')", name=op.f('ck_participant_bac_type')),
    sa.CheckConstraint("provenance IN ('universite', 'mission_locale', 'pole_emploi', 'candidature', 'autre')", name=op.f('ck_participant_provenance')),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_participant_cohort_id_cohort'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant')),
    sa.UniqueConstraint('id', 'cohort_id', name=op.f('uq_participant_id_cohort_id'))
    )
    op.create_index(op.f('ix_participant_cohort_id'), 'participant', ['cohort_id'], unique=False)
    op.create_index('ix_participant_cohort_search', 'participant', ['cohort_id', 'search_text'], unique=False)
    op.create_index(op.f('ix_participant_structure_id'), 'participant', ['structure_id'], unique=False)
    op.create_index('ix_participant_sync_scope', 'participant', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_participant_sync_seq', 'participant', ['sync_seq'], unique=False)
    op.create_table('prospecting_event',
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('next_step', sa.String(length=200), nullable=False),
    sa.Column('next_step_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("channel IN ('telephone', 'visite', 'courriel', 'courrier', 'salon')", name=op.f('ck_prospecting_event_channel')),
    sa.CheckConstraint('next_step_on IS NULL OR next_step_on >= done_on', name=op.f('ck_prospecting_event_next_step_after')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_prospecting_event_employer_id_employer'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prospecting_event'))
    )
    op.create_index(op.f('ix_prospecting_event_employer_id'), 'prospecting_event', ['employer_id'], unique=False)
    op.create_index('ix_prospecting_event_sync_scope', 'prospecting_event', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_prospecting_event_sync_seq', 'prospecting_event', ['sync_seq'], unique=False)
    op.create_table('sync_erasure_ack',
    sa.Column('erasure_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('device_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('acked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['erasure_id'], ['sync_erasure.id'], name=op.f('fk_sync_erasure_ack_erasure_id_sync_erasure')),
    sa.PrimaryKeyConstraint('erasure_id', 'device_id', name=op.f('pk_sync_erasure_ack'))
    )
    op.create_table('attendance',
    sa.Column('session_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("status IN ('invite', 'present', 'absent', 'excuse')", name=op.f('ck_attendance_status')),
    sa.ForeignKeyConstraint(['participant_id', 'cohort_id'], ['participant.id', 'participant.cohort_id'], name=op.f('fk_attendance_participant_id_cohort_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['session_id', 'cohort_id'], ['info_session.id', 'info_session.cohort_id'], name=op.f('fk_attendance_session_id_cohort_id_info_session'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('session_id', 'participant_id', name=op.f('uq_attendance_session_id_participant_id'))
    )
    op.create_index(op.f('ix_attendance_participant_id'), 'attendance', ['participant_id'], unique=False)
    op.create_index(op.f('ix_attendance_session_id'), 'attendance', ['session_id'], unique=False)
    op.create_index('ix_attendance_sync_scope', 'attendance', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_attendance_sync_seq', 'attendance', ['sync_seq'], unique=False)
    op.create_table('bilan_member',
    sa.Column('group_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("status IN ('en_cours', 'termine', 'abandon')", name=op.f('ck_bilan_member_status')),
    sa.CheckConstraint('left_on IS NULL OR left_on >= started_on', name=op.f('ck_bilan_member_dates_in_order')),
    sa.ForeignKeyConstraint(['group_id', 'cohort_id'], ['bilan_group.id', 'bilan_group.cohort_id'], name=op.f('fk_bilan_member_group_id_cohort_id_bilan_group'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['participant_id', 'cohort_id'], ['participant.id', 'participant.cohort_id'], name=op.f('fk_bilan_member_participant_id_cohort_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_member')),
    sa.UniqueConstraint('group_id', 'participant_id', name=op.f('uq_bilan_member_group_id_participant_id'))
    )
    op.create_index(op.f('ix_bilan_member_group_id'), 'bilan_member', ['group_id'], unique=False)
    op.create_index(op.f('ix_bilan_member_participant_id'), 'bilan_member', ['participant_id'], unique=False)
    op.create_index('ix_bilan_member_sync_scope', 'bilan_member', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_bilan_member_sync_seq', 'bilan_member', ['sync_seq'], unique=False)
    op.create_table('bilan_part',
    sa.Column('group_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("kind IN ('bilan', 'remise_a_niveau', 'tre')", name=op.f('ck_bilan_part_kind')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_bilan_part_dates_in_order')),
    sa.ForeignKeyConstraint(['group_id'], ['bilan_group.id'], name=op.f('fk_bilan_part_group_id_bilan_group'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_part')),
    sa.UniqueConstraint('group_id', 'kind', name=op.f('uq_bilan_part_group_id_kind'))
    )
    op.create_index(op.f('ix_bilan_part_group_id'), 'bilan_part', ['group_id'], unique=False)
    op.create_index('ix_bilan_part_sync_scope', 'bilan_part', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_bilan_part_sync_seq', 'bilan_part', ['sync_seq'], unique=False)
    op.create_table('bilan_session',
    sa.Column('group_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('part', sa.String(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('trainer', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("part IN ('bilan', 'remise_a_niveau', 'tre')", name=op.f('ck_bilan_session_part')),
    sa.ForeignKeyConstraint(['group_id'], ['bilan_group.id'], name=op.f('fk_bilan_session_group_id_bilan_group'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_session'))
    )
    op.create_index(op.f('ix_bilan_session_group_id'), 'bilan_session', ['group_id'], unique=False)
    op.create_index('ix_bilan_session_sync_scope', 'bilan_session', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_bilan_session_sync_seq', 'bilan_session', ['sync_seq'], unique=False)
    op.create_table('contract',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('employer_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('tutor_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('offer_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('workplace_siret', sa.String(length=14), nullable=True),
    sa.Column('contract_type', sa.String(length=40), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('trial_period_end_override', sa.Date(), nullable=True),
    sa.Column('weekly_hours', sa.Numeric(precision=4, scale=1, asdecimal=False), nullable=True),
    sa.Column('training_hours', sa.Integer(), nullable=True),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=False),
    sa.Column('qualification', sa.String(length=200), nullable=False),
    sa.Column('gross_monthly_pay_cents', sa.Integer(), nullable=True),
    sa.Column('branch_minimum_cents', sa.Integer(), nullable=True),
    sa.Column('opco', sa.String(length=200), nullable=False),
    sa.Column('sent_to_opco_on', sa.Date(), nullable=True),
    sa.Column('opco_decision', sa.String(length=40), nullable=True),
    sa.Column('opco_decision_on', sa.Date(), nullable=True),
    sa.Column('rupture_on', sa.Date(), nullable=True),
    sa.Column('rupture_by', sa.String(length=40), nullable=True),
    sa.Column('rupture_reason_category', sa.String(length=40), nullable=True),
    sa.Column('rupture_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("(rupture_on IS NULL AND rupture_by IS NULL) OR (rupture_on IS NOT NULL AND rupture_by IS NOT NULL AND rupture_by IN ('employeur', 'jeune', 'commun'))", name=op.f('ck_contract_rupture_complete')),
    sa.CheckConstraint("contract_type = 'cdi' OR end_date IS NOT NULL", name=op.f('ck_contract_cdd_has_end')),
    sa.CheckConstraint("contract_type IN ('cdd', 'cdi')", name=op.f('ck_contract_contract_type')),
    sa.CheckConstraint("opco_decision IS NULL OR opco_decision IN ('en_attente', 'accepte', 'refuse')", name=op.f('ck_contract_opco_decision')),
    sa.CheckConstraint("rupture_reason_category IS NULL OR rupture_reason_category IN ('periode_essai', 'personnel', 'comportement', 'economique', 'autre_emploi', 'autre')", name=op.f('ck_contract_rupture_reason')),
    sa.CheckConstraint('end_date IS NULL OR end_date > start_date', name=op.f('ck_contract_ends_after_start')),
    sa.CheckConstraint('gross_monthly_pay_cents IS NULL OR gross_monthly_pay_cents >= 0', name=op.f('ck_contract_pay')),
    sa.CheckConstraint('rupture_on IS NULL OR rupture_on >= start_date', name=op.f('ck_contract_rupture_after')),
    sa.CheckConstraint('training_hours IS NULL OR training_hours >= 0', name=op.f('ck_contract_training_hours')),
    sa.CheckConstraint('trial_period_end_override IS NULL OR trial_period_end_override >= start_date', name=op.f('ck_contract_trial_after_start')),
    sa.CheckConstraint('weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)', name=op.f('ck_contract_weekly_hours')),
    sa.CheckConstraint('workplace_siret IS NULL OR length(workplace_siret) = 14', name=op.f('ck_contract_workplace_siret_length')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_contract_employer_id_employer'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['job_offer.id'], name=op.f('fk_contract_offer_id_job_offer'), ondelete='SET NULL', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_contract_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['tutor_id'], ['employer_contact.id'], name=op.f('fk_contract_tutor_id_employer_contact'), ondelete='SET NULL', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract'))
    )
    op.create_index(op.f('ix_contract_employer_id'), 'contract', ['employer_id'], unique=False)
    op.create_index(op.f('ix_contract_participant_id'), 'contract', ['participant_id'], unique=False)
    op.create_index(op.f('ix_contract_start_date'), 'contract', ['start_date'], unique=False)
    op.create_index('ix_contract_sync_scope', 'contract', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_contract_sync_seq', 'contract', ['sync_seq'], unique=False)
    op.create_index(op.f('ix_contract_tutor_id'), 'contract', ['tutor_id'], unique=False)
    op.create_table('device',
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('laptop_schema', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['coach_account.id'], name=op.f('fk_device_coach_id_coach_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_device_token_hash'))
    )
    op.create_table('enrolment',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('lapsed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("status IN ('provisoire', 'confirmee', 'caduque')", name=op.f('ck_enrolment_status')),
    sa.CheckConstraint('NOT (confirmed_on IS NOT NULL AND lapsed_on IS NOT NULL)', name=op.f('ck_enrolment_confirmed_or_lapsed')),
    sa.CheckConstraint('confirmed_on IS NULL OR confirmed_on >= enrolled_on', name=op.f('ck_enrolment_confirmed_after')),
    sa.CheckConstraint('lapsed_on IS NULL OR lapsed_on >= enrolled_on', name=op.f('ck_enrolment_lapsed_after')),
    sa.ForeignKeyConstraint(['participant_id', 'cohort_id'], ['participant.id', 'participant.cohort_id'], name=op.f('fk_enrolment_participant_id_cohort_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment')),
    sa.UniqueConstraint('participant_id', 'cohort_id', name=op.f('uq_enrolment_participant_id_cohort_id'))
    )
    op.create_index(op.f('ix_enrolment_cohort_id'), 'enrolment', ['cohort_id'], unique=False)
    op.create_index(op.f('ix_enrolment_participant_id'), 'enrolment', ['participant_id'], unique=False)
    op.create_index('ix_enrolment_sync_scope', 'enrolment', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_enrolment_sync_seq', 'enrolment', ['sync_seq'], unique=False)
    op.create_table('join_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['coach_id'], ['coach_account.id'], name=op.f('fk_join_code_coach_id_coach_account')),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_join_code'))
    )
    op.create_table('outcome',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('expected_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("kind IN ('promesse_cdi', 'promesse_embauche_date', 'cdi', 'cdd', 'poursuite_etudes_souhait', 'poursuite_etudes_inscrit', 'emploi_hors_dispositif', 'cours_du_soir', 'accompagnement_poursuivi', 'perdu_de_vue')", name=op.f('ck_outcome_kind')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_outcome_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome'))
    )
    op.create_index(op.f('ix_outcome_participant_id'), 'outcome', ['participant_id'], unique=False)
    op.create_index('ix_outcome_sync_scope', 'outcome', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_outcome_sync_seq', 'outcome', ['sync_seq'], unique=False)
    op.create_table('outreach',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('campaign', sa.String(length=200), nullable=False),
    sa.Column('recall_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("channel IN ('telephone', 'mailing', 'courriel', 'sms', 'courrier', 'mission_locale')", name=op.f('ck_outreach_channel')),
    sa.CheckConstraint("outcome IN ('pas_de_reponse', 'message_laisse', 'interesse', 'pas_interesse', 'faux_numero', 'a_rappeler', 'envoye')", name=op.f('ck_outreach_outcome')),
    sa.CheckConstraint('recall_on IS NULL OR recall_on >= done_on', name=op.f('ck_outreach_recall_after')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_outreach_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach'))
    )
    op.create_index(op.f('ix_outreach_participant_id'), 'outreach', ['participant_id'], unique=False)
    op.create_index('ix_outreach_sync_scope', 'outreach', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_outreach_sync_seq', 'outreach', ['sync_seq'], unique=False)
    op.create_table('professional_project',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=False),
    sa.Column('decision', sa.String(length=40), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('directly_employable', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("decision = 'en_cours' OR decided_on IS NOT NULL", name=op.f('ck_professional_project_decision_is_dated')),
    sa.CheckConstraint("decision IN ('en_cours', 'valide', 'a_retravailler', 'abandonne')", name=op.f('ck_professional_project_decision')),
    sa.CheckConstraint('length(rome_code) = 5', name=op.f('ck_professional_project_rome_code_length')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_professional_project_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_professional_project'))
    )
    op.create_index(op.f('ix_professional_project_participant_id'), 'professional_project', ['participant_id'], unique=False)
    op.create_index(op.f('ix_professional_project_rome_code'), 'professional_project', ['rome_code'], unique=False)
    op.create_index('ix_professional_project_sync_scope', 'professional_project', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_professional_project_sync_seq', 'professional_project', ['sync_seq'], unique=False)
    op.create_table('referral',
    sa.Column('offer_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('proposed_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("status IN ('proposee', 'cv_envoye', 'entretien_prevu', 'retenu', 'refus_employeur', 'refus_jeune')", name=op.f('ck_referral_status')),
    sa.CheckConstraint('status_on >= proposed_on', name=op.f('ck_referral_dates_in_order')),
    sa.ForeignKeyConstraint(['offer_id'], ['job_offer.id'], name=op.f('fk_referral_offer_id_job_offer'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_referral_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('offer_id', 'participant_id', name=op.f('uq_referral_offer_id_participant_id'))
    )
    op.create_index(op.f('ix_referral_offer_id'), 'referral', ['offer_id'], unique=False)
    op.create_index(op.f('ix_referral_participant_id'), 'referral', ['participant_id'], unique=False)
    op.create_index('ix_referral_sync_scope', 'referral', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_referral_sync_seq', 'referral', ['sync_seq'], unique=False)
    op.create_table('reminder',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_reminder_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder'))
    )
    op.create_index(op.f('ix_reminder_due_on'), 'reminder', ['due_on'], unique=False)
    op.create_index(op.f('ix_reminder_participant_id'), 'reminder', ['participant_id'], unique=False)
    op.create_index('ix_reminder_sync_scope', 'reminder', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_reminder_sync_seq', 'reminder', ['sync_seq'], unique=False)
    op.create_table('selection_interview',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('interviewer', sa.String(length=200), nullable=False),
    sa.Column('decision', sa.String(length=40), nullable=True),
    sa.Column('motivation_notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("decision IS NULL OR decision IN ('retenu', 'non_retenu', 'desistement')", name=op.f('ck_selection_interview_decision')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_selection_interview_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_interview'))
    )
    op.create_index(op.f('ix_selection_interview_participant_id'), 'selection_interview', ['participant_id'], unique=False)
    op.create_index('ix_selection_interview_sync_scope', 'selection_interview', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_selection_interview_sync_seq', 'selection_interview', ['sync_seq'], unique=False)
    op.create_table('skill_assessment',
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('domain', sa.String(length=200), nullable=False),
    sa.Column('max_score', sa.Integer(), nullable=False),
    sa.Column('score_before', sa.Integer(), nullable=True),
    sa.Column('assessed_before_on', sa.Date(), nullable=True),
    sa.Column('score_after', sa.Integer(), nullable=True),
    sa.Column('assessed_after_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('max_score > 0', name=op.f('ck_skill_assessment_max_positive')),
    sa.CheckConstraint('score_after IS NULL OR (score_after >= 0 AND score_after <= max_score)', name=op.f('ck_skill_assessment_after_in_range')),
    sa.CheckConstraint('score_before IS NULL OR (score_before >= 0 AND score_before <= max_score)', name=op.f('ck_skill_assessment_before_in_range')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_skill_assessment_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill_assessment')),
    sa.UniqueConstraint('participant_id', 'domain', name=op.f('uq_skill_assessment_participant_id_domain'))
    )
    op.create_index(op.f('ix_skill_assessment_participant_id'), 'skill_assessment', ['participant_id'], unique=False)
    op.create_index('ix_skill_assessment_sync_scope', 'skill_assessment', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_skill_assessment_sync_seq', 'skill_assessment', ['sync_seq'], unique=False)
    op.create_table('bilan_attendance',
    sa.Column('session_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('participant_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_bilan_attendance_participant_id_participant'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['session_id'], ['bilan_session.id'], name=op.f('fk_bilan_attendance_session_id_bilan_session'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_attendance')),
    sa.UniqueConstraint('session_id', 'participant_id', name=op.f('uq_bilan_attendance_session_id_participant_id'))
    )
    op.create_index(op.f('ix_bilan_attendance_participant_id'), 'bilan_attendance', ['participant_id'], unique=False)
    op.create_index(op.f('ix_bilan_attendance_session_id'), 'bilan_attendance', ['session_id'], unique=False)
    op.create_index('ix_bilan_attendance_sync_scope', 'bilan_attendance', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_bilan_attendance_sync_seq', 'bilan_attendance', ['sync_seq'], unique=False)
    op.create_table('follow_up_visit',
    sa.Column('contract_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('met_people', sa.String(length=200), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('difficulty_categories', sa.String(length=400), nullable=False),
    sa.Column('difficulties', sa.Text(), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('next_visit_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("kind IN ('visite', 'appel')", name=op.f('ck_follow_up_visit_kind')),
    sa.CheckConstraint('next_visit_on IS NULL OR done_on IS NULL OR next_visit_on >= done_on', name=op.f('ck_follow_up_visit_next_after')),
    sa.CheckConstraint('planned_on IS NOT NULL OR done_on IS NOT NULL', name=op.f('ck_follow_up_visit_dated')),
    sa.CheckConstraint('rating IS NULL OR rating BETWEEN 1 AND 4', name=op.f('ck_follow_up_visit_rating')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_follow_up_visit_contract_id_contract'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_visit'))
    )
    op.create_index(op.f('ix_follow_up_visit_contract_id'), 'follow_up_visit', ['contract_id'], unique=False)
    op.create_index(op.f('ix_follow_up_visit_done_on'), 'follow_up_visit', ['done_on'], unique=False)
    op.create_index('ix_follow_up_visit_sync_scope', 'follow_up_visit', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_follow_up_visit_sync_seq', 'follow_up_visit', ['sync_seq'], unique=False)
    op.create_table('recruitment_interview',
    sa.Column('referral_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('route_note', sa.Text(), nullable=False),
    sa.Column('contact_person', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint("outcome IN ('a_venir', 'retenu', 'non_retenu', 'absent', 'reporte')", name=op.f('ck_recruitment_interview_outcome')),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_recruitment_interview_referral_id_referral'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_interview'))
    )
    op.create_index(op.f('ix_recruitment_interview_referral_id'), 'recruitment_interview', ['referral_id'], unique=False)
    op.create_index(op.f('ix_recruitment_interview_starts_at'), 'recruitment_interview', ['starts_at'], unique=False)
    op.create_index('ix_recruitment_interview_sync_scope', 'recruitment_interview', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_recruitment_interview_sync_seq', 'recruitment_interview', ['sync_seq'], unique=False)
    op.create_table('interview_checklist_item',
    sa.Column('interview_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('checked', sa.Boolean(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['interview_id'], ['recruitment_interview.id'], name=op.f('fk_interview_checklist_item_interview_id_recruitment_interview'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_checklist_item')),
    sa.UniqueConstraint('interview_id', 'position', name=op.f('uq_interview_checklist_item_interview_id_position'))
    )
    op.create_index(op.f('ix_interview_checklist_item_interview_id'), 'interview_checklist_item', ['interview_id'], unique=False)
    op.create_index('ix_interview_checklist_item_sync_scope', 'interview_checklist_item', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_interview_checklist_item_sync_seq', 'interview_checklist_item', ['sync_seq'], unique=False)
    # ### end Alembic commands ###

    # Row-level security: each coach sees their structure's people (and their promotions'
    # when limited to some), every coach sees the team-wide rows; FORCE applies it to the
    # tables' owner too, the role the service connects with.
    for statement in _ROW_LEVEL_SECURITY:
        op.execute(statement)
    op.execute("INSERT INTO sync_counter (id, last_seq) VALUES (1, 0)")


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS coachdesk_visible(uuid, uuid) CASCADE")
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_index('ix_interview_checklist_item_sync_seq', table_name='interview_checklist_item')
    op.drop_index('ix_interview_checklist_item_sync_scope', table_name='interview_checklist_item')
    op.drop_index(op.f('ix_interview_checklist_item_interview_id'), table_name='interview_checklist_item')
    op.drop_table('interview_checklist_item')
    op.drop_index('ix_recruitment_interview_sync_seq', table_name='recruitment_interview')
    op.drop_index('ix_recruitment_interview_sync_scope', table_name='recruitment_interview')
    op.drop_index(op.f('ix_recruitment_interview_starts_at'), table_name='recruitment_interview')
    op.drop_index(op.f('ix_recruitment_interview_referral_id'), table_name='recruitment_interview')
    op.drop_table('recruitment_interview')
    op.drop_index('ix_follow_up_visit_sync_seq', table_name='follow_up_visit')
    op.drop_index('ix_follow_up_visit_sync_scope', table_name='follow_up_visit')
    op.drop_index(op.f('ix_follow_up_visit_done_on'), table_name='follow_up_visit')
    op.drop_index(op.f('ix_follow_up_visit_contract_id'), table_name='follow_up_visit')
    op.drop_table('follow_up_visit')
    op.drop_index('ix_bilan_attendance_sync_seq', table_name='bilan_attendance')
    op.drop_index('ix_bilan_attendance_sync_scope', table_name='bilan_attendance')
    op.drop_index(op.f('ix_bilan_attendance_session_id'), table_name='bilan_attendance')
    op.drop_index(op.f('ix_bilan_attendance_participant_id'), table_name='bilan_attendance')
    op.drop_table('bilan_attendance')
    op.drop_index('ix_skill_assessment_sync_seq', table_name='skill_assessment')
    op.drop_index('ix_skill_assessment_sync_scope', table_name='skill_assessment')
    op.drop_index(op.f('ix_skill_assessment_participant_id'), table_name='skill_assessment')
    op.drop_table('skill_assessment')
    op.drop_index('ix_selection_interview_sync_seq', table_name='selection_interview')
    op.drop_index('ix_selection_interview_sync_scope', table_name='selection_interview')
    op.drop_index(op.f('ix_selection_interview_participant_id'), table_name='selection_interview')
    op.drop_table('selection_interview')
    op.drop_index('ix_reminder_sync_seq', table_name='reminder')
    op.drop_index('ix_reminder_sync_scope', table_name='reminder')
    op.drop_index(op.f('ix_reminder_participant_id'), table_name='reminder')
    op.drop_index(op.f('ix_reminder_due_on'), table_name='reminder')
    op.drop_table('reminder')
    op.drop_index('ix_referral_sync_seq', table_name='referral')
    op.drop_index('ix_referral_sync_scope', table_name='referral')
    op.drop_index(op.f('ix_referral_participant_id'), table_name='referral')
    op.drop_index(op.f('ix_referral_offer_id'), table_name='referral')
    op.drop_table('referral')
    op.drop_index('ix_professional_project_sync_seq', table_name='professional_project')
    op.drop_index('ix_professional_project_sync_scope', table_name='professional_project')
    op.drop_index(op.f('ix_professional_project_rome_code'), table_name='professional_project')
    op.drop_index(op.f('ix_professional_project_participant_id'), table_name='professional_project')
    op.drop_table('professional_project')
    op.drop_index('ix_outreach_sync_seq', table_name='outreach')
    op.drop_index('ix_outreach_sync_scope', table_name='outreach')
    op.drop_index(op.f('ix_outreach_participant_id'), table_name='outreach')
    op.drop_table('outreach')
    op.drop_index('ix_outcome_sync_seq', table_name='outcome')
    op.drop_index('ix_outcome_sync_scope', table_name='outcome')
    op.drop_index(op.f('ix_outcome_participant_id'), table_name='outcome')
    op.drop_table('outcome')
    op.drop_table('join_code')
    op.drop_index('ix_enrolment_sync_seq', table_name='enrolment')
    op.drop_index('ix_enrolment_sync_scope', table_name='enrolment')
    op.drop_index(op.f('ix_enrolment_participant_id'), table_name='enrolment')
    op.drop_index(op.f('ix_enrolment_cohort_id'), table_name='enrolment')
    op.drop_table('enrolment')
    op.drop_table('device')
    op.drop_index(op.f('ix_contract_tutor_id'), table_name='contract')
    op.drop_index('ix_contract_sync_seq', table_name='contract')
    op.drop_index('ix_contract_sync_scope', table_name='contract')
    op.drop_index(op.f('ix_contract_start_date'), table_name='contract')
    op.drop_index(op.f('ix_contract_participant_id'), table_name='contract')
    op.drop_index(op.f('ix_contract_employer_id'), table_name='contract')
    op.drop_table('contract')
    op.drop_index('ix_bilan_session_sync_seq', table_name='bilan_session')
    op.drop_index('ix_bilan_session_sync_scope', table_name='bilan_session')
    op.drop_index(op.f('ix_bilan_session_group_id'), table_name='bilan_session')
    op.drop_table('bilan_session')
    op.drop_index('ix_bilan_part_sync_seq', table_name='bilan_part')
    op.drop_index('ix_bilan_part_sync_scope', table_name='bilan_part')
    op.drop_index(op.f('ix_bilan_part_group_id'), table_name='bilan_part')
    op.drop_table('bilan_part')
    op.drop_index('ix_bilan_member_sync_seq', table_name='bilan_member')
    op.drop_index('ix_bilan_member_sync_scope', table_name='bilan_member')
    op.drop_index(op.f('ix_bilan_member_participant_id'), table_name='bilan_member')
    op.drop_index(op.f('ix_bilan_member_group_id'), table_name='bilan_member')
    op.drop_table('bilan_member')
    op.drop_index('ix_attendance_sync_seq', table_name='attendance')
    op.drop_index('ix_attendance_sync_scope', table_name='attendance')
    op.drop_index(op.f('ix_attendance_session_id'), table_name='attendance')
    op.drop_index(op.f('ix_attendance_participant_id'), table_name='attendance')
    op.drop_table('attendance')
    op.drop_table('sync_erasure_ack')
    op.drop_index('ix_prospecting_event_sync_seq', table_name='prospecting_event')
    op.drop_index('ix_prospecting_event_sync_scope', table_name='prospecting_event')
    op.drop_index(op.f('ix_prospecting_event_employer_id'), table_name='prospecting_event')
    op.drop_table('prospecting_event')
    op.drop_index('ix_participant_sync_seq', table_name='participant')
    op.drop_index('ix_participant_sync_scope', table_name='participant')
    op.drop_index(op.f('ix_participant_structure_id'), table_name='participant')
    op.drop_index('ix_participant_cohort_search', table_name='participant')
    op.drop_index(op.f('ix_participant_cohort_id'), table_name='participant')
    op.drop_table('participant')
    op.drop_index('ix_job_offer_sync_seq', table_name='job_offer')
    op.drop_index('ix_job_offer_sync_scope', table_name='job_offer')
    op.drop_index(op.f('ix_job_offer_rome_code'), table_name='job_offer')
    op.drop_index(op.f('ix_job_offer_employer_id'), table_name='job_offer')
    op.drop_index(op.f('ix_job_offer_cohort_id'), table_name='job_offer')
    op.drop_table('job_offer')
    op.drop_index('ix_info_session_sync_seq', table_name='info_session')
    op.drop_index('ix_info_session_sync_scope', table_name='info_session')
    op.drop_index(op.f('ix_info_session_cohort_id'), table_name='info_session')
    op.drop_table('info_session')
    op.drop_index('ix_employer_contact_sync_seq', table_name='employer_contact')
    op.drop_index('ix_employer_contact_sync_scope', table_name='employer_contact')
    op.drop_index(op.f('ix_employer_contact_employer_id'), table_name='employer_contact')
    op.drop_table('employer_contact')
    op.drop_table('coach_account')
    op.drop_index(op.f('ix_checklist_template_item_template_id'), table_name='checklist_template_item')
    op.drop_index('ix_checklist_template_item_sync_seq', table_name='checklist_template_item')
    op.drop_index('ix_checklist_template_item_sync_scope', table_name='checklist_template_item')
    op.drop_table('checklist_template_item')
    op.drop_index('ix_bilan_group_sync_seq', table_name='bilan_group')
    op.drop_index('ix_bilan_group_sync_scope', table_name='bilan_group')
    op.drop_index(op.f('ix_bilan_group_cohort_id'), table_name='bilan_group')
    op.drop_table('bilan_group')
    op.drop_table('team')
    op.drop_index(op.f('ix_sync_tombstone_seq'), table_name='sync_tombstone')
    op.drop_table('sync_tombstone')
    op.drop_index(op.f('ix_sync_move_seq'), table_name='sync_move')
    op.drop_table('sync_move')
    op.drop_index(op.f('ix_sync_erasure_seq'), table_name='sync_erasure')
    op.drop_table('sync_erasure')
    op.drop_table('sync_erased_row')
    op.drop_index(op.f('ix_sync_duplicate_seq'), table_name='sync_duplicate')
    op.drop_table('sync_duplicate')
    op.drop_table('sync_counter')
    op.drop_index(op.f('ix_sync_conflict_seq'), table_name='sync_conflict')
    op.drop_index(op.f('ix_sync_conflict_row_id'), table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('sync_applied_op')
    op.drop_table('structure')
    op.drop_index('ix_employer_sync_seq', table_name='employer')
    op.drop_index('ix_employer_sync_scope', table_name='employer')
    op.drop_index(op.f('ix_employer_siret'), table_name='employer')
    op.drop_index(op.f('ix_employer_search_text'), table_name='employer')
    op.drop_table('employer')
    op.drop_index('ix_cohort_sync_seq', table_name='cohort')
    op.drop_index('ix_cohort_sync_scope', table_name='cohort')
    op.drop_table('cohort')
    op.drop_index('ix_checklist_template_sync_seq', table_name='checklist_template')
    op.drop_index('ix_checklist_template_sync_scope', table_name='checklist_template')
    op.drop_table('checklist_template')
    # ### end Alembic commands ###
