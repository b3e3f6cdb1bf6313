"""team server: every field of the CERFA n° 12434 on the contract and its parties (laptop
revision 0014)

Revision ID: s0014
Revises: s0012
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = 's0014'
down_revision = 's0012'
branch_labels = None
depends_on = None


# The laptop revision's columns, the same here.
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
    # Expand only: a laptop of the revision before sends rows without these columns.
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
    op.add_column('contract', sa.Column('training_body_id', ID,
                                        nullable=True))
    op.create_index(op.f('ix_contract_training_body_id'), 'contract', ['training_body_id'],
                    unique=False)
    op.create_foreign_key(op.f('fk_contract_training_body_id_training_body'), 'contract',
                          'training_body', ['training_body_id'], ['id'], ondelete='SET NULL',
                          deferrable=True, initially='DEFERRED')


def downgrade() -> None:
    op.drop_constraint(op.f('fk_contract_training_body_id_training_body'), 'contract',
                       type_='foreignkey')
    op.drop_index(op.f('ix_contract_training_body_id'), table_name='contract')
    for name in ('training_body_id', 'training_organisation', 'vae_amendment'):
        op.drop_column('contract', name)
    for table_name, columns in _COLUMNS.items():
        for name, _kind, _empty in reversed(columns):
            op.drop_column(table_name, name)
