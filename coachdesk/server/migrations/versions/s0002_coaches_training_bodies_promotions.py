"""coaches and training bodies as records, a promotion's set-up, follow-on files

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-12 09:00:00

The server side of the laptops' revision 0011. The coach names typed as free text on the
team's rows become coach records with the ids the laptops give them (derived from the name,
``_coach_id``: one coach, one id on every laptop and here), each change numbered like any
accepted change so the laptops pull it. ``coach_account.coach_record_id`` maps a login to its
coach record.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 's0002'
down_revision = 's0001'
branch_labels = None
depends_on = None

# Must stay equal to the laptops' revision 0011 (a test compares them).
COACH_NAMESPACE = uuid.UUID('6f3c1b52-8d0e-4c5a-9a47-2b61e0f4c7d9')
# The team server's writer lock (coachdesk.server.store.LOCK_KEY).
LOCK_KEY = 7_261_926_731
_NAMED = (
    ('participant', 'coach'),
    ('outreach', 'author'),
    ('follow_up_visit', 'author'),
)
_COACH_COLUMNS = ('name', 'phone', 'email', 'structure', 'archived_at', 'created_at',
                  'updated_at')


def _key(name: str) -> str:
    decomposed = unicodedata.normalize('NFKD', name.casefold())
    bare = ''.join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r'\s+', ' ', bare).strip()


def _coach_id(name: str) -> str:
    return str(uuid.uuid5(COACH_NAMESPACE, _key(name)))


def upgrade() -> None:
    op.create_table('coach',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('structure', sa.String(length=200), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach'))
    )
    op.create_index('ix_coach_sync_scope', 'coach', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_coach_sync_seq', 'coach', ['sync_seq'], unique=False)
    op.create_table('training_body',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('uai', sa.String(length=8), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.CheckConstraint('siret IS NULL OR length(siret) = 14', name=op.f('ck_training_body_siret_length')),
    sa.CheckConstraint('uai IS NULL OR length(uai) = 8', name=op.f('ck_training_body_uai_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_body'))
    )
    op.create_index('ix_training_body_sync_scope', 'training_body', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_training_body_sync_seq', 'training_body', ['sync_seq'], unique=False)
    op.create_table('cohort_coach',
    sa.Column('cohort_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('id', sa.Uuid(as_uuid=False), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('sync_clock', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('sync_structure_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.Column('sync_cohort_id', sa.Uuid(as_uuid=False), nullable=True),
    sa.ForeignKeyConstraint(['coach_id'], ['coach.id'], name=op.f('fk_cohort_coach_coach_id_coach'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_cohort_coach_cohort_id_cohort'), ondelete='CASCADE', initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_coach')),
    sa.UniqueConstraint('cohort_id', 'coach_id', name=op.f('uq_cohort_coach_cohort_id_coach_id'))
    )
    op.create_index(op.f('ix_cohort_coach_coach_id'), 'cohort_coach', ['coach_id'], unique=False)
    op.create_index(op.f('ix_cohort_coach_cohort_id'), 'cohort_coach', ['cohort_id'], unique=False)
    op.create_index('ix_cohort_coach_sync_scope', 'cohort_coach', ['sync_structure_id', 'sync_cohort_id'], unique=False)
    op.create_index('ix_cohort_coach_sync_seq', 'cohort_coach', ['sync_seq'], unique=False)
    op.add_column('coach_account', sa.Column('coach_record_id', sa.Uuid(as_uuid=False), nullable=True))
    op.create_foreign_key(op.f('fk_coach_account_coach_record_id_coach'), 'coach_account', 'coach', ['coach_record_id'], ['id'], ondelete='SET NULL')
    op.add_column('cohort', sa.Column('training_body_id', sa.Uuid(as_uuid=False), nullable=True))
    op.add_column('cohort', sa.Column('bilan_start_date', sa.Date(), nullable=True))
    op.add_column('cohort', sa.Column('bilan_end_date', sa.Date(), nullable=True))
    op.add_column('cohort', sa.Column('target_size', sa.Integer(), nullable=True))
    op.add_column('cohort', sa.Column('archived_at', sa.DateTime(), nullable=True))
    op.create_index(op.f('ix_cohort_training_body_id'), 'cohort', ['training_body_id'], unique=False)
    op.create_foreign_key(op.f('fk_cohort_training_body_id_training_body'), 'cohort', 'training_body', ['training_body_id'], ['id'], initially='DEFERRED', deferrable=True)
    op.add_column('follow_up_visit', sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=True))
    op.create_index(op.f('ix_follow_up_visit_coach_id'), 'follow_up_visit', ['coach_id'], unique=False)
    op.create_foreign_key(op.f('fk_follow_up_visit_coach_id_coach'), 'follow_up_visit', 'coach', ['coach_id'], ['id'], ondelete='SET NULL', initially='DEFERRED', deferrable=True)
    op.add_column('outreach', sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=True))
    op.create_index(op.f('ix_outreach_coach_id'), 'outreach', ['coach_id'], unique=False)
    op.create_foreign_key(op.f('fk_outreach_coach_id_coach'), 'outreach', 'coach', ['coach_id'], ['id'], ondelete='SET NULL', initially='DEFERRED', deferrable=True)
    op.add_column('participant', sa.Column('coach_id', sa.Uuid(as_uuid=False), nullable=True))
    op.add_column('participant', sa.Column('follows_from_id', sa.Uuid(as_uuid=False), nullable=True))
    op.create_index(op.f('ix_participant_coach_id'), 'participant', ['coach_id'], unique=False)
    op.create_index(op.f('ix_participant_follows_from_id'), 'participant', ['follows_from_id'], unique=False)
    op.create_foreign_key(op.f('fk_participant_coach_id_coach'), 'participant', 'coach', ['coach_id'], ['id'], ondelete='SET NULL', initially='DEFERRED', deferrable=True)
    op.create_foreign_key(op.f('fk_participant_follows_from_id_participant'), 'participant', 'participant', ['follows_from_id'], ['id'], ondelete='SET NULL', initially='DEFERRED', deferrable=True)

    op.create_check_constraint(
        'bilan_dates_in_order', 'cohort',
        'bilan_end_date IS NULL OR bilan_start_date IS NULL OR bilan_end_date >= bilan_start_date')
    op.create_check_constraint('target_size', 'cohort', 'target_size IS NULL OR target_size > 0')
    # The new tables are the team's (no structure, no promotion): the same policy as the others.
    for name in ('coach', 'training_body', 'cohort_coach'):
        op.execute(f'ALTER TABLE {name} ENABLE ROW LEVEL SECURITY')
        op.execute(f'ALTER TABLE {name} FORCE ROW LEVEL SECURITY')
        op.execute(f'DROP POLICY IF EXISTS {name}_scope ON {name}')
        op.execute(f'CREATE POLICY {name}_scope ON {name} '
                   'USING (coachdesk_visible(sync_structure_id, sync_cohort_id)) '
                   'WITH CHECK (coachdesk_visible(sync_structure_id, sync_cohort_id))')
    _names_become_coaches()
    op.drop_column('follow_up_visit', 'author')
    op.drop_column('outreach', 'author')
    op.drop_column('participant', 'coach')


def _names_become_coaches() -> None:
    connection = op.get_bind()
    # Every row, whatever its structure; numbered under the writers' lock.
    connection.execute(sa.text("SELECT set_config('coachdesk.admin', 'on', true)"))
    connection.execute(sa.text('SELECT pg_advisory_xact_lock(:key)'), {'key': LOCK_KEY})
    spellings: Counter[str] = Counter()
    for table_name, text_column in _NAMED:
        for name, count in connection.execute(sa.text(
            f"SELECT {text_column}, count(*) FROM {table_name} WHERE {text_column} <> '' "
            f"GROUP BY {text_column}"
        )):
            if name.strip():
                spellings[name] += count
    if not spellings:
        return
    chosen: dict[str, tuple[str, str]] = {}
    for name, _count in spellings.most_common():
        chosen.setdefault(_key(name), (_coach_id(name), re.sub(r'\s+', ' ', name).strip()))
    seq = int(connection.execute(sa.text('SELECT last_seq FROM sync_counter WHERE id = 1'))
              .scalar_one())
    hlc = f'{time.time_ns() // 1_000_000:015d}-00000-server'
    now = datetime.now(UTC).replace(tzinfo=None)
    for coach_id, name in chosen.values():
        seq += 1
        clock = {column: [hlc, seq] for column in _COACH_COLUMNS}
        connection.execute(sa.text(
            'INSERT INTO coach (id, name, phone, email, structure, archived_at, created_at, '
            'updated_at, sync_seq, sync_clock, sync_structure_id, sync_cohort_id) VALUES '
            "(CAST(:id AS uuid), :name, '', '', '', NULL, :now, :now, :seq, "
            'CAST(:clock AS jsonb), NULL, NULL)'),
            {'id': coach_id, 'name': name, 'now': now, 'seq': seq, 'clock': json.dumps(clock)})
    for table_name, text_column in _NAMED:
        for name in spellings:
            seq += 1
            connection.execute(sa.text(
                f'UPDATE {table_name} SET coach_id = CAST(:id AS uuid), sync_seq = :seq, '
                "sync_clock = sync_clock || jsonb_build_object('coach_id', "
                'jsonb_build_array(CAST(:hlc AS text), CAST(:seq AS bigint))) '
                f'WHERE {text_column} = :name'),
                {'id': chosen[_key(name)][0], 'seq': seq, 'hlc': hlc, 'name': name})
    connection.execute(sa.text('UPDATE sync_counter SET last_seq = :seq WHERE id = 1'),
                       {'seq': seq})


def downgrade() -> None:
    op.drop_constraint('ck_cohort_target_size', 'cohort', type_='check')
    op.drop_constraint('ck_cohort_bilan_dates_in_order', 'cohort', type_='check')
    op.add_column('participant', sa.Column('coach', sa.VARCHAR(length=200), server_default='', nullable=False))
    op.drop_constraint(op.f('fk_participant_follows_from_id_participant'), 'participant', type_='foreignkey')
    op.drop_constraint(op.f('fk_participant_coach_id_coach'), 'participant', type_='foreignkey')
    op.drop_index(op.f('ix_participant_follows_from_id'), table_name='participant')
    op.drop_index(op.f('ix_participant_coach_id'), table_name='participant')
    op.drop_column('participant', 'follows_from_id')
    op.drop_column('participant', 'coach_id')
    op.add_column('outreach', sa.Column('author', sa.VARCHAR(length=200), server_default='', nullable=False))
    op.drop_constraint(op.f('fk_outreach_coach_id_coach'), 'outreach', type_='foreignkey')
    op.drop_index(op.f('ix_outreach_coach_id'), table_name='outreach')
    op.drop_column('outreach', 'coach_id')
    op.add_column('follow_up_visit', sa.Column('author', sa.VARCHAR(length=200), server_default='', nullable=False))
    op.drop_constraint(op.f('fk_follow_up_visit_coach_id_coach'), 'follow_up_visit', type_='foreignkey')
    op.drop_index(op.f('ix_follow_up_visit_coach_id'), table_name='follow_up_visit')
    op.drop_column('follow_up_visit', 'coach_id')
    op.drop_constraint(op.f('fk_cohort_training_body_id_training_body'), 'cohort', type_='foreignkey')
    op.drop_index(op.f('ix_cohort_training_body_id'), table_name='cohort')
    op.drop_column('cohort', 'archived_at')
    op.drop_column('cohort', 'target_size')
    op.drop_column('cohort', 'bilan_end_date')
    op.drop_column('cohort', 'bilan_start_date')
    op.drop_column('cohort', 'training_body_id')
    op.drop_constraint(op.f('fk_coach_account_coach_record_id_coach'), 'coach_account', type_='foreignkey')
    op.drop_column('coach_account', 'coach_record_id')
    op.drop_index('ix_cohort_coach_sync_seq', table_name='cohort_coach')
    op.drop_index('ix_cohort_coach_sync_scope', table_name='cohort_coach')
    op.drop_index(op.f('ix_cohort_coach_cohort_id'), table_name='cohort_coach')
    op.drop_index(op.f('ix_cohort_coach_coach_id'), table_name='cohort_coach')
    op.drop_table('cohort_coach')
    op.drop_index('ix_training_body_sync_seq', table_name='training_body')
    op.drop_index('ix_training_body_sync_scope', table_name='training_body')
    op.drop_table('training_body')
    op.drop_index('ix_coach_sync_seq', table_name='coach')
    op.drop_index('ix_coach_sync_scope', table_name='coach')
    op.drop_table('coach')
