"""coaches and training bodies as records, a promotion's set-up, follow-on files

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12 09:00:00

The coach names typed as free text (a participant's « chargé·e », who made a call, who made a
visit) become coach records: one per name, spellings that differ only in case, accents or
spaces counted as one. The text columns then go; each row points at its coach.

A migrated coach's id is derived from the name (``_coach_id``), the same on every laptop of a
team and on the team server (its revision s0002 does the same): one coach, one id, wherever
the name was typed. A laptop of a team also queues the new coach records for the server, and
its pending changes naming a coach are rewritten to name the record.
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

from coachdesk.db import SCHEMA_REVISIONS

revision = '0011'
# Chained to whatever revision precedes it in SCHEMA_REVISIONS.
down_revision = SCHEMA_REVISIONS[SCHEMA_REVISIONS.index(revision) - 1]
branch_labels = None
depends_on = None

ID = sa.Uuid(as_uuid=False)
# (table, free-text column it had, column pointing at the coach now)
_NAMED = (
    ('participant', 'coach'),
    ('outreach', 'author'),
    ('follow_up_visit', 'author'),
)


# Must stay equal to the team server's revision s0002 (a test compares them).
COACH_NAMESPACE = uuid.UUID('6f3c1b52-8d0e-4c5a-9a47-2b61e0f4c7d9')


def _key(name: str) -> str:
    """One key per coach however the name was typed (« Claire  VIDAL » is « claire vidal »)."""
    decomposed = unicodedata.normalize('NFKD', name.casefold())
    bare = ''.join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r'\s+', ' ', bare).strip()


def _coach_id(name: str) -> str:
    """The id of the coach record a free-text name becomes, the same on every database."""
    return str(uuid.uuid5(COACH_NAMESPACE, _key(name)))


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
        chosen.setdefault(_key(name), (_coach_id(name), re.sub(r'\s+', ' ', name).strip()))
    now = datetime.now(UTC).replace(tzinfo=None)
    if chosen:
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
    _tell_the_team(connection, [coach_id for coach_id, _name in chosen.values()])


def _tell_the_team(connection: sa.Connection, coach_ids: list[str]) -> None:
    """On a laptop of a team: the new coach records go to the server with the next push, and
    pending changes that named a coach name the record instead."""
    state = connection.execute(sa.text(
        'SELECT device_id, "cursor", clock_last FROM sync_state')).first()
    if state is None:
        return
    outbox = sa.table('sync_outbox', *(sa.column(name) for name in (
        'seq', 'op_id', 'txn_id', 'table_name', 'row_id', 'kind', 'payload', 'hlc', 'base_seq',
        'schema_revision', 'created_at', 'status', 'refusal_code', 'refusal_message')))
    for seq, table_name, payload in connection.execute(
        sa.select(outbox.c.seq, outbox.c.table_name, outbox.c.payload).where(
            outbox.c.kind == 'update', outbox.c.status == 'pending',
            outbox.c.table_name.in_([table for table, _text in _NAMED]))
    ).all():
        values = json.loads(payload or '{}')
        text_column = dict(_NAMED)[table_name]
        if text_column in values:
            name = values.pop(text_column) or ''
            values['coach_id'] = _coach_id(name) if name.strip() else None
            connection.execute(sa.update(outbox).where(outbox.c.seq == seq).values(
                payload=json.dumps(values, ensure_ascii=False, separators=(',', ':'))))
    # One clock value after the laptop's last one (coachdesk.sync.hlc's format).
    physical, counter, _device = (state.clock_last or '0-0-').split('-', 2)
    now_ms = time.time_ns() // 1_000_000
    physical_ms, count = (now_ms, 0) if now_ms > int(physical) else (int(physical), int(counter) + 1)
    hlc = f'{physical_ms:015d}-{count:05d}-{uuid.UUID(str(state.device_id)).hex}'
    txn = str(uuid.uuid4())
    now = datetime.now(UTC).replace(tzinfo=None)
    if coach_ids:
        op.bulk_insert(outbox, [{
            'op_id': str(uuid.uuid4()), 'txn_id': txn, 'table_name': 'coach', 'row_id': coach_id,
            'kind': 'insert', 'payload': '', 'hlc': hlc, 'base_seq': state.cursor,
            'schema_revision': revision, 'created_at': now, 'status': 'pending',
            'refusal_code': '', 'refusal_message': '',
        } for coach_id in coach_ids])
    connection.execute(sa.text('UPDATE sync_state SET clock_last = :hlc'), {'hlc': hlc})


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
