"""every field of the CERFA n° 12434 on the contract and on its parties

Revision ID: 0014
Revises: the revision before it in coachdesk.db.SCHEMA_REVISIONS
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from coachdesk.db import SCHEMA_REVISIONS

revision = '0014'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS, so revisions of other work
# merged before it need no edit here.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None

ID = sa.Uuid(as_uuid=False)


def _text(length: int) -> sa.String:
    return sa.String(length=length)


# Existing rows get an empty text or NULL: nothing of the CERFA was known before.
_COLUMNS: dict[str, list[tuple[str, sa.types.TypeEngine[Any], bool]]] = {
    # (name, type, text with an empty default)
    'contract': [
        ('situation_before', _text(2), False), ('minimum_social', _text(2), False),
        ('highest_diploma', _text(2), False), ('rqth', sa.Boolean(), False),
        ('rqth_youth_equivalence', sa.Boolean(), False),
        ('rqth_boe_extension', sa.Boolean(), False),
        ('france_travail_registered', sa.Boolean(), False),
        ('france_travail_number', _text(20), True),
        ('france_travail_months', sa.Integer(), False),
        ('user_tutor_last_name', _text(200), True), ('user_tutor_first_name', _text(200), True),
        ('user_tutor_job', _text(200), True), ('user_tutor_birth_date', sa.Date(), False),
        ('user_company_naf', _text(6), True), ('tutor_attested', sa.Boolean(), False),
        ('project_number', _text(40), True),
        ('cerfa_contract_kind', _text(2), False),
        ('amendment_effective_on', sa.Date(), False),
        ('classification', _text(200), True), ('classification_level', _text(40), True),
        ('coefficient', _text(40), True), ('trial_days', sa.Integer(), False),
        ('internal_training', sa.Boolean(), False),
        ('internal_training_attested', sa.Boolean(), False),
        ('training_body_count', sa.Integer(), False),
        ('qualification_type', _text(2), False), ('target_diploma', _text(2), False),
        ('rncp_code', _text(12), True), ('nsf_code', _text(3), True),
        ('teaching_hours', sa.Integer(), False),
        ('training_start_on', sa.Date(), False), ('exams_end_on', sa.Date(), False),
        ('signed_at_place', _text(200), True),
    ],
    'participant': [
        ('usage_name', _text(200), True), ('nir', _text(15), True), ('sex', _text(1), True),
        ('birth_department', _text(40), True), ('birth_city', _text(200), True),
    ],
    'employer': [
        ('phone', _text(40), True), ('email', _text(200), True),
        ('pension_fund', _text(200), True), ('provident_fund', _text(200), True),
        ('private_employer', sa.Boolean(), False), ('urssaf_number', _text(40), True),
        ('headcount', sa.Integer(), False), ('idcc', _text(4), True),
        ('opco_member_number', _text(40), True),
    ],
    'employer_contact': [('birth_date', sa.Date(), False)],
    'training_body': [('declaration_number', _text(20), True)],
}


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (no table rebuild) for every column but the contract's
    # training body, whose foreign key needs the one rebuild below.
    for table_name, columns in _COLUMNS.items():
        for name, kind, empty_text in columns:
            if empty_text:
                op.add_column(table_name, sa.Column(name, kind, nullable=False,
                                                    server_default=''))
            else:
                op.add_column(table_name, sa.Column(name, kind, nullable=True))
    op.add_column('contract', sa.Column('vae_amendment', sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.add_column('contract', sa.Column('training_organisation', sa.Text(), nullable=False,
                                        server_default=''))
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.add_column(sa.Column('training_body_id', ID, nullable=True))
        batch_op.create_index(batch_op.f('ix_contract_training_body_id'), ['training_body_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_contract_training_body_id_training_body'),
                                    'training_body', ['training_body_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_contract_training_body_id_training_body'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_contract_training_body_id'))
        batch_op.drop_column('training_body_id')
        batch_op.drop_column('training_organisation')
        batch_op.drop_column('vae_amendment')
    for table_name, columns in _COLUMNS.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            for name, _kind, _empty in reversed(columns):
                batch_op.drop_column(name)
