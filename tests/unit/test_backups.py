"""Backups: the rotation rule, automatic backups, restoring with checks and a kept copy."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk import paths
from coachdesk.db import Database, open_database, open_protected
from coachdesk.errors import UserError
from coachdesk.models import AuditEvent, Participant
from coachdesk.security import crypto, sqlcipher
from coachdesk.services import backups, restoring
from tests.security_support import (
    FAST_SCRYPT,
    PASSPHRASE,
    SECRET_LAST_NAME,
    add_people,
    make_plain_db,
)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)


def _every(start: datetime, step: timedelta, count: int) -> list[datetime]:
    return [start - step * index for index in range(count)]


NOON = datetime(2026, 3, 31, 12, 0)


@pytest.mark.parametrize(
    ("moments", "rules", "expected_count", "must_keep", "must_drop"),
    [
        # Nothing to rotate.
        ([], {}, 0, [], []),
        # Every hour from 30/03 00:00 to 31/03 12:00: the newest of each day (23:00 and noon).
        (_every(NOON, timedelta(hours=1), 37), {"weekly": 0, "monthly": 0}, 2,
         [NOON, NOON - timedelta(hours=13)], [NOON - timedelta(hours=1)]),
        # Daily for 100 days: 12 days + older week heads + older month heads.
        (_every(NOON, timedelta(days=1), 100), {}, None,
         [NOON - timedelta(days=11)], [NOON - timedelta(days=12)]),
        # Only the daily rule: exactly 12 kept, the 12 newest days.
        (_every(NOON, timedelta(days=1), 30), {"weekly": 0, "monthly": 0}, 12,
         [NOON, NOON - timedelta(days=11)], [NOON - timedelta(days=12)]),
        # Only the monthly rule over two years of daily backups: 9 months, each its last day.
        (_every(NOON, timedelta(days=1), 730), {"daily": 0, "weekly": 0}, 9,
         [NOON, datetime(2026, 2, 28, 12), datetime(2025, 7, 31, 12)],
         [datetime(2025, 6, 30, 12), datetime(2026, 3, 1, 12)]),
        # Only the weekly rule: newest of each of 10 ISO weeks (Sundays, NOON is a Tuesday).
        (_every(NOON, timedelta(days=1), 200), {"daily": 0, "monthly": 0}, 10,
         [NOON, datetime(2026, 3, 29, 12), datetime(2026, 2, 1, 12)],
         [datetime(2026, 1, 25, 12), datetime(2026, 3, 28, 12)]),
        # Sparse backups: a gap is not a period, older backups still count.
        ([NOON, NOON - timedelta(days=400)], {}, 2, [NOON - timedelta(days=400)], []),
    ],
)
def test_rotation_keeps_newest_per_period(
    moments: list[datetime],
    rules: dict[str, int],
    expected_count: int | None,
    must_keep: list[datetime],
    must_drop: list[datetime],
) -> None:
    kept = backups.backups_to_keep(moments, **rules)
    assert kept <= set(moments)
    if expected_count is not None:
        assert len(kept) == expected_count
    for moment in must_keep:
        assert moment in kept
    for moment in must_drop:
        assert moment not in kept


def test_rotation_with_default_rules_keeps_at_most_31() -> None:
    moments = _every(NOON, timedelta(hours=6), 4 * 800)
    kept = backups.backups_to_keep(moments)
    # 12 days, then the weeks and months not already covered.
    assert 9 <= len(kept) <= 12 + 10 + 9
    days = sorted({moment.date() for moment in kept}, reverse=True)
    assert days[:12] == [NOON.date() - timedelta(days=i) for i in range(12)]
    months = {(moment.year, moment.month) for moment in kept}
    assert len(months) == 9


def _folder(database: Database) -> Path:
    return backups.backup_folder(backups.identity_of(database))


def test_backup_if_due_waits_for_a_change_and_30_minutes(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    database = open_database(path, create=False)
    t0 = datetime.now() + timedelta(seconds=5)  # after the file's last write
    usb = tmp_path / "cle-usb"
    first = backups.backup_if_due(database, now=t0, extra_folder=usb)
    identity = backups.identity_of(database)
    assert [p.parent for p in first] == [paths.backup_dir() / identity.id, usb / identity.id]
    assert sqlcipher.verify(first[0], None)["participant"] == 3
    # Nothing changed: no new backup, even much later.
    assert backups.backup_if_due(database, now=t0 + timedelta(hours=3)) == []
    # A change, but too soon after the last backup.
    add_people(database, 1, last_name="Plustard")
    os.utime(path, (t0.timestamp() + 60, t0.timestamp() + 60))
    assert backups.backup_if_due(database, now=t0 + timedelta(minutes=10)) == []
    later = backups.backup_if_due(database, now=t0 + timedelta(minutes=31))
    assert len(later) == 1
    assert sqlcipher.verify(later[0], None)["participant"] == 4
    # Rotation keeps the newest backup of the day (unless the day turned meanwhile).
    kept = backups.list_backups(_folder(database))
    assert kept[0].path == later[0]
    assert len(kept) == (1 if t0.date() == (t0 + timedelta(minutes=31)).date() else 2)
    database.dispose()


def test_opening_the_database_again_is_no_change_to_back_up(home: Path, tmp_path: Path) -> None:
    """A window opened and closed without writing makes no backup: the empty log SQLite
    creates on opening is not a change."""
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    database = open_database(path, create=False)
    first = backups.backup_if_due(database, min_interval=timedelta(0))
    assert len(first) == 1
    database.dispose()
    made = backups.list_backups(_folder(database))[0].made_at
    old = made.timestamp() - 60
    os.utime(path, (old, old))  # the file as the backup found it, whatever the clock's second
    reopened = open_database(path, create=False)
    log = path.with_name(path.name + "-wal")
    assert log.exists() and log.stat().st_size == 0  # opened, nothing written
    assert backups.last_change(path) <= made
    assert backups.backup_if_due(reopened, min_interval=timedelta(0)) == []
    # A write is a change: backed up at the next chance.
    add_people(reopened, 1, last_name="Ensuite")
    assert backups.last_change(path) > made
    assert len(backups.backup_if_due(reopened, min_interval=timedelta(0),
                                     now=datetime.now() + timedelta(seconds=2))) == 1
    reopened.dispose()


def test_closing_after_writes_leaves_nothing_to_back_up_at_the_next_close(
    home: Path, tmp_path: Path
) -> None:
    """The closing backup, then the database closed (SQLite folds its log into the file then):
    the next window opened and closed without writing makes no backup. (It made one: the log
    folded after the copy gave the file a time later than the backup's.)"""
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    database = open_database(path, create=False)
    add_people(database, 2, last_name="Avantfermeture")
    assert len(backups.backup_if_due(database, min_interval=timedelta(0))) == 1
    database.dispose()
    reopened = open_database(path, create=False)
    assert backups.backup_if_due(reopened, min_interval=timedelta(0)) == []
    # A write after the last backup is still a change (compared with the time the copy began,
    # to the microsecond).
    add_people(reopened, 1, last_name="Ensuite")
    again = backups.backup_if_due(reopened, min_interval=timedelta(0),
                                  now=datetime.now() + timedelta(seconds=1))
    assert len(again) == 1
    assert sqlcipher.verify(again[0], None)["participant"] == 6
    reopened.dispose()
    third = open_database(path, create=False)
    assert backups.backup_if_due(third, min_interval=timedelta(0)) == []
    third.dispose()


def test_backup_now_rotates_old_backups(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=1)
    database = open_database(path, create=False)
    folder = _folder(database)
    for moment in _every(NOON, timedelta(days=1), 40):
        backups.backup_now(database, now=moment)
    database.dispose()
    remaining = backups.list_backups(folder)
    kept = backups.backups_to_keep(_every(NOON, timedelta(days=1), 40))
    assert {item.made_at for item in remaining} == kept
    assert len(list(folder.iterdir())) == len(kept)  # no partial or stray file left


def test_encrypted_backup_and_restore(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    recovery = sqlcipher.protect_database(path, PASSPHRASE)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    made = backups.backup_now(database, now=NOON)[0]
    assert SECRET_LAST_NAME.encode() not in made.read_bytes()
    assert crypto.sidecar_path(made).exists()
    add_people(database, 2, last_name="Apres")
    database.dispose()

    with pytest.raises(UserError, match="Phrase de passe incorrecte"):
        restoring.restore(made, path, passphrase="ce n'est pas elle", target_key=bytes(32))
    result = restoring.restore(made, path, recovery_key=recovery, target_key=key, now=NOON)
    assert result.encrypted
    assert result.previous_copy is not None and result.previous_copy.exists()
    restored = open_protected(path, passphrase=PASSPHRASE)
    with restored.read() as session:
        names = session.execute(select(Participant.last_name)).scalars().all()
        audit = session.execute(select(AuditEvent.action, AuditEvent.detail)).all()
    restored.dispose()
    assert len(names) == 3
    assert audit[-1].action == "restore" and made.name in audit[-1].detail
    # The replaced database (5 people) is kept, still encrypted, with its keys.
    assert sqlcipher.verify(result.previous_copy, key)["participant"] == 5


def _backup_file(path: Path, target: Path) -> None:
    database = open_database(path, create=False)
    try:
        backups.write_backup(database, target)
    finally:
        database.dispose()


def test_restore_refuses_a_damaged_backup_and_replaces_nothing(tmp_path: Path) -> None:
    database = tmp_path / "base.sqlite3"
    make_plain_db(database)
    before = database.read_bytes()
    good = tmp_path / "bonne.sqlite3"
    _backup_file(database, good)
    truncated = tmp_path / "tronquee.sqlite3"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    noise = tmp_path / "bruit.sqlite3"
    noise.write_bytes(os.urandom(8192))
    for bad in (truncated, noise, tmp_path / "absente.sqlite3"):
        with pytest.raises(UserError) as caught:
            restoring.restore(bad, database)
        assert bad.name in str(caught.value)
        assert database.read_bytes() == before
    assert not list(tmp_path.glob("*avant-restauration*"))


def test_plain_restore_keeps_a_copy_of_what_it_replaces(tmp_path: Path) -> None:
    database = tmp_path / "base.sqlite3"
    make_plain_db(database, count=2)
    saved = tmp_path / "sauvegarde.sqlite3"
    _backup_file(database, saved)
    db = open_database(database)
    add_people(db, 3, last_name="Perdu")
    db.dispose()
    result = restoring.restore(saved, database, now=NOON)
    assert result.previous_copy == tmp_path / "base.avant-restauration-20260331-120000.sqlite3"
    assert sqlcipher.verify(database, None)["participant"] == 2
    assert sqlcipher.verify(result.previous_copy, None)["participant"] == 5
