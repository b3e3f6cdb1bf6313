"""coaches and training bodies as records, a promotion's set-up, follow-on files

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12 09:00:00

The coach names typed as free text (a participant's « chargé·e », who made a call, who made a
visit) become coach records: one per name, spellings that differ only in case, accents or
spaces counted as one. The text columns then go; each row points at its coach.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

ID = sa.Uuid(as_uuid=False)
# (table, free-text column it had, column pointing at the coach now)
_NAMED = (
    ('participant', 'coach'),
    ('outreach', 'author'),
    ('follow_up_visit', 'author'),
)


def _key(name: str) -> str:
    """One key per coach however the name was typed (« Claire  VIDAL » is « claire vidal »)."""
    decomposed = unicodedata.normalize('NFKD', name.casefold())
    bare = ''.join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r'\s+', ' ', bare).strip()


def upgrade() -> None:
    coach = op.create_table('coach',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('structure', sa.String(length=200), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('id', ID, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach'))
    )
    op.create_table('training_body',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('uai', sa.String(length=8), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('id', ID, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('siret IS NULL OR length(siret) = 14', name=op.f('ck_training_body_siret_length')),
    sa.CheckConstraint('uai IS NULL OR length(uai) = 8', name=op.f('ck_training_body_uai_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_body'))
    )
    op.create_table('cohort_coach',
    sa.Column('cohort_id', ID, nullable=False),
    sa.Column('coach_id', ID, nullable=False),
    sa.Column('id', ID, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['coach.id'], name=op.f('fk_cohort_coach_coach_id_coach')),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_cohort_coach_cohort_id_cohort'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_coach')),
    sa.UniqueConstraint('cohort_id', 'coach_id', name=op.f('uq_cohort_coach_cohort_id_coach_id'))
    )
    with op.batch_alter_table('cohort_coach', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_coach_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohort_coach_cohort_id'), ['cohort_id'], unique=False)

    with op.batch_alter_table('cohort', schema=None) as batch_op:
        batch_op.add_column(sa.Column('training_body_id', ID, nullable=True))
        batch_op.add_column(sa.Column('bilan_start_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('bilan_end_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('target_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cohort_training_body_id'), ['training_body_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cohort_training_body_id_training_body'), 'training_body', ['training_body_id'], ['id'])
        batch_op.create_check_constraint(
            'bilan_dates_in_order',
            'bilan_end_date IS NULL OR bilan_start_date IS NULL '
            'OR bilan_end_date >= bilan_start_date')
        batch_op.create_check_constraint('target_size', 'target_size IS NULL OR target_size > 0')

    # The new columns first (plain ALTER TABLE ADD COLUMN), filled from the names, then one
    # rebuild per table adds the foreign keys and drops the text.
    for table_name, _text in _NAMED:
        op.add_column(table_name, sa.Column('coach_id', ID, nullable=True))
    op.add_column('participant', sa.Column('follows_from_id', ID, nullable=True))
    _names_become_coaches(coach)

    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_visit_coach_id'), ['coach_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_follow_up_visit_coach_id_coach'), 'coach', ['coach_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('author')

    with op.batch_alter_table('outreach', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_coach_id'), ['coach_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outreach_coach_id_coach'), 'coach', ['coach_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('author')

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_follows_from_id'), ['follows_from_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_participant_coach_id_coach'), 'coach', ['coach_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_participant_follows_from_id_participant'), 'participant', ['follows_from_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('coach')


def _names_become_coaches(coach: sa.Table) -> None:
    connection = op.get_bind()
    spellings: Counter[str] = Counter()
    for table_name, text_column in _NAMED:
        table = sa.table(table_name, sa.column(text_column, sa.String))
        column = table.c[text_column]
        for name, count in connection.execute(
            sa.select(column, sa.func.count()).where(column != '').group_by(column)
        ):
            if name.strip():
                spellings[name] += count
    # The spelling used most often names the coach.
    chosen: dict[str, tuple[str, str]] = {}
    for name, _count in spellings.most_common():
        chosen.setdefault(_key(name), (str(uuid.uuid4()), re.sub(r'\s+', ' ', name).strip()))
    if not chosen:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(coach, [
        {'id': coach_id, 'name': name, 'phone': '', 'email': '', 'structure': '',
         'archived_at': None, 'created_at': now, 'updated_at': now}
        for coach_id, name in chosen.values()
    ])
    for table_name, text_column in _NAMED:
        table = sa.table(table_name, sa.column(text_column, sa.String), sa.column('coach_id', ID))
        for name in spellings:
            connection.execute(
                sa.update(table).where(table.c[text_column] == name)
                .values(coach_id=chosen[_key(name)][0])
            )


def downgrade() -> None:
    # The names come back from the records (a coach's phone and e-mail are lost).
    for table_name, text_column in _NAMED:
        op.add_column(table_name, sa.Column(text_column, sa.String(length=200), nullable=False, server_default=''))
        op.execute(
            f"UPDATE {table_name} SET {text_column} = coalesce("
            f"(SELECT name FROM coach WHERE coach.id = {table_name}.coach_id), '')"
        )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_participant_follows_from_id_participant'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_participant_coach_id_coach'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_participant_follows_from_id'))
        batch_op.drop_index(batch_op.f('ix_participant_coach_id'))
        batch_op.drop_column('follows_from_id')
        batch_op.drop_column('coach_id')

    with op.batch_alter_table('outreach', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_outreach_coach_id_coach'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_outreach_coach_id'))
        batch_op.drop_column('coach_id')

    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_follow_up_visit_coach_id_coach'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_follow_up_visit_coach_id'))
        batch_op.drop_column('coach_id')

    with op.batch_alter_table('cohort', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_cohort_target_size'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_cohort_bilan_dates_in_order'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_cohort_training_body_id_training_body'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cohort_training_body_id'))
        batch_op.drop_column('archived_at')
        batch_op.drop_column('target_size')
        batch_op.drop_column('bilan_end_date')
        batch_op.drop_column('bilan_start_date')
        batch_op.drop_column('training_body_id')

    with op.batch_alter_table('cohort_coach', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_coach_cohort_id'))
        batch_op.drop_index(batch_op.f('ix_cohort_coach_coach_id'))

    op.drop_table('cohort_coach')
    op.drop_table('training_body')
    op.drop_table('coach')
