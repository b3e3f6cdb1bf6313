"""Backups that belong to one database, stay protected, keep the live database's locks, and
never rotate good copies out for damaged ones (issue "Trust", cases 3, 4, 5, 8 and 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk import paths
from coachdesk.db import open_database, open_protected
from coachdesk.db_copy import DamagedDatabase
from coachdesk.errors import UserError
from coachdesk.models import Participant
from coachdesk.security import crypto, sqlcipher
from coachdesk.services import backups, protection, restoring
from tests.damage_support import damage_data_pages
from tests.security_support import (
    FAST_SCRYPT,
    PASSPHRASE,
    SECRET_LAST_NAME,
    add_people,
    make_plain_db,
)

NOON = datetime(2026, 3, 31, 12, 0)
NEW_PASSPHRASE = "lampadaire tortue velours orage"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _people(path: Path, key: bytes | None) -> int:
    database = open_database(path, create=False, key=key)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(Participant)) or 0)
    finally:
        database.dispose()


# Case 5 ------------------------------------------------------------------------------------------
def test_backup_keeps_the_process_locks_on_the_live_database(home: Path, tmp_path: Path) -> None:
    """Another process closing its connection must not find us gone and delete our -wal: the
    backup never opens the live file a second time (which releases POSIX locks)."""
    path = tmp_path / "base.sqlite3"
    database = open_database(path)
    add_people(database, 3)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists()
    backups.backup_now(database, now=NOON)
    backups.backup_if_due(database, now=NOON + timedelta(hours=1), min_interval=timedelta(0))
    child = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM participant').fetchall(); c.close()"
    )
    subprocess.run([sys.executable, "-c", child, str(path)], check=True, timeout=60)
    assert wal.exists(), "our locks were released: another process deleted the live -wal"
    add_people(database, 1, last_name="Apres")
    assert _people(path, None) == 4
    database.dispose()


def test_a_backup_folder_that_vanishes_or_takes_no_files_is_said_in_french(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB key pulled out between the folder's check and the copy: a French sentence, and
    nothing written (the folder cannot be pulled out in a test: its copy is refused the way
    the system refuses it then)."""
    from coachdesk import files

    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=2)
    database = open_database(path, create=False)
    target = tmp_path / "cle" / "copie.sqlite3"

    def vanished(partial: Path, *_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", str(partial))

    monkeypatch.setattr(files, "create_private", vanished)
    try:
        with pytest.raises(UserError) as raised:
            backups.write_backup(database, target)
    finally:
        database.dispose()
    assert str(raised.value).startswith(
        f"Impossible d'écrire « {target} » : le dossier « {target.parent} » n'existe plus")
    assert "Rien n'a été écrit" in (raised.value.hint or "")
    assert sorted(p.name for p in target.parent.iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0,
                    reason="the system's own refusal: root creating a file in /proc")
def test_the_command_line_says_why_a_backup_cannot_go_into_a_system_folder(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=2)
    result = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(path), "backup", "--out",
         "/proc/copie.sqlite3"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COACHDESK_HOME": str(home)})
    assert result.returncode == 1
    assert result.stderr.startswith("Erreur : Impossible d'écrire « /proc/copie.sqlite3 »")
    assert "inattendue" not in result.stderr and "Traceback" not in result.stderr


# Case 4 ------------------------------------------------------------------------------------------
def test_backups_are_filed_per_database_private_and_checked(home: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    make_plain_db(first, count=2)
    make_plain_db(second, count=5)
    made = {}
    for path in (first, second):
        database = open_database(path, create=False)
        made[path] = backups.backup_now(database, now=NOON)[0]
        identity = backups.identity_of(database)
        database.dispose()
        assert made[path].parent == paths.backup_dir() / identity.id
    assert made[first].parent != made[second].parent
    assert sqlcipher.verify(made[first], None)["participant"] == 2
    assert sqlcipher.verify(made[second], None)["participant"] == 5
    # Files 0600, folders 0700.
    for copy in made.values():
        assert _mode(copy) == 0o600
        assert _mode(copy.parent) == 0o700
    assert _mode(paths.backup_dir()) == 0o700


def test_the_demo_never_backs_up_beside_the_coach_nor_deletes_a_coach_backup(
    home: Path, tmp_path: Path, demo_path: Path
) -> None:
    coach = paths.default_db_path()
    make_plain_db(coach, count=2)
    database = open_database(coach, create=False)
    coach_backup = backups.backup_now(database, now=NOON)[0]
    coach_folder = coach_backup.parent
    database.dispose()
    before = {p.name: p.read_bytes() for p in coach_folder.iterdir()}
    demo = open_database(demo_path, create=False)
    assert backups.identity_of(demo).is_demo
    usb = tmp_path / "usb"
    written = backups.backup_if_due(demo, now=NOON - timedelta(days=40), extra_folder=usb)
    assert len(written) == 1 and paths.cache_dir() in written[0].parents
    # Forty days of demo backups, each rotated, the coach's backup of the same day among them.
    for day in range(39, -1, -1):
        for made in backups.backup_now(demo, now=NOON - timedelta(days=day)):
            assert paths.backup_dir() not in made.parents
    demo.dispose()
    assert {p.name: p.read_bytes() for p in coach_folder.iterdir()} == before
    assert not (tmp_path / "usb").exists()  # the coach's USB key is for the coach's database
    assert list(paths.backup_dir().iterdir()) == [coach_folder]


def test_encrypted_backups_carry_their_keys_file(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    result = protection.protect(path, PASSPHRASE)
    database = open_database(path, create=False, key=result.key)
    made = backups.backup_now(database, now=NOON)[0]
    database.dispose()
    keys = crypto.sidecar_path(made)
    assert keys.read_bytes() == crypto.sidecar_path(path).read_bytes()
    assert _mode(keys) == 0o600
    assert SECRET_LAST_NAME.encode() not in made.read_bytes()
    assert sqlcipher.unlock(made, recovery_key=result.recovery_key) == result.key


def test_copies_before_restore_and_migration_follow_the_rotation(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=1)
    moments = [NOON - timedelta(days=day) for day in range(40)]
    for moment in moments:
        stamp = moment.strftime("%Y%m%d-%H%M%S")
        for kind in ("restauration", "migration-0001"):
            (tmp_path / f"base.avant-{kind}-{stamp}.sqlite3").write_bytes(b"copie")
    saved = tmp_path / "sauvegarde.sqlite3"
    database = open_database(path, create=False)
    backups.write_backup(database, saved)
    database.dispose()
    restoring.restore(saved, path, now=NOON + timedelta(hours=1))
    kept = backups.backups_to_keep([*moments, NOON + timedelta(hours=1)])
    for kind in ("restauration", "migration"):
        left = {item.made_at for k, item in backups.side_copies(path) if k == kind}
        expected = kept if kind == "restauration" else backups.backups_to_keep(moments)
        assert left == expected, kind


# Case 8 ------------------------------------------------------------------------------------------
def test_a_damaged_database_is_never_backed_up_over_good_copies(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=400)
    database = open_database(path, create=False)
    for day in range(20, 0, -1):
        backups.backup_now(database, now=NOON - timedelta(days=day))
    folder = backups.backup_folder(backups.identity_of(database))
    database.dispose()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    damage_data_pages(path)
    database = open_database(path, create=False)
    with pytest.raises(DamagedDatabase, match="endommagée") as caught:
        backups.backup_now(database, now=NOON)
    assert "aucune sauvegarde existante n'a été remplacée" in str(caught.value)
    with pytest.raises(DamagedDatabase):
        backups.backup_if_due(database, now=NOON, min_interval=timedelta(0))
    database.dispose()
    # The good copies are all there, byte for byte; no partial copy was left.
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# Case 3 ------------------------------------------------------------------------------------------
def test_protect_encrypts_the_backups_made_before(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=3)
    usb = tmp_path / "usb"
    database = open_database(path, create=False)
    identity = backups.identity_of(database)
    for day in range(3):
        backups.backup_now(
            database, now=NOON - timedelta(days=day),
            folders=[backups.backup_folder(identity), backups.backup_folder(identity, usb)],
        )
    database.dispose()
    before_restore = tmp_path / "base.avant-restauration-20260330-100000.sqlite3"
    saved = backups.list_backups(backups.backup_folder(identity))[0].path
    before_restore.write_bytes(saved.read_bytes())
    damaged = backups.backup_folder(identity) / backups.backup_name(NOON - timedelta(days=9))
    damaged.write_bytes(saved.read_bytes()[:5000])
    plain_copies = [
        *(item.path for item in backups.list_backups(backups.backup_folder(identity))),
        *(item.path for item in backups.list_backups(usb / identity.id)),
        before_restore,
    ]
    assert all(SECRET_LAST_NAME.encode() in p.read_bytes() for p in plain_copies if p != damaged)

    result = protection.protect(path, PASSPHRASE, extra_folders=[usb])
    assert result.deleted_copies == [damaged] and not damaged.exists()
    assert sorted(result.encrypted_copies) == sorted(p for p in plain_copies if p != damaged)
    for copy in result.encrypted_copies:
        assert SECRET_LAST_NAME.encode() not in copy.read_bytes()
        assert not sqlcipher.is_plain_sqlite(copy)
        assert crypto.sidecar_path(copy).exists()
        assert sqlcipher.verify(copy, sqlcipher.unlock(copy, passphrase=PASSPHRASE))[
            "participant"
        ] == 3


def test_restoring_a_plain_backup_into_a_protected_database_keeps_it_protected(
    home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=2)
    plain_backup = tmp_path / "ancienne.sqlite3"
    database = open_database(path, create=False)
    backups.write_backup(database, plain_backup)
    database.dispose()
    result = protection.protect(path, PASSPHRASE)
    database = open_database(path, create=False, key=result.key)
    add_people(database, 3, last_name="Apres")
    database.dispose()
    keys_before = crypto.sidecar_path(path).read_bytes()
    file_before = path.read_bytes()

    # Without the database's key: refused, nothing touched.
    with pytest.raises(UserError, match="protégée par une phrase de passe"):
        restoring.restore(plain_backup, path)
    assert path.read_bytes() == file_before
    assert crypto.sidecar_path(path).read_bytes() == keys_before

    restored = restoring.restore(plain_backup, path, target_key=result.key, now=NOON)
    assert restored.encrypted
    assert crypto.sidecar_path(path).read_bytes() == keys_before
    assert not sqlcipher.is_plain_sqlite(path)
    assert SECRET_LAST_NAME.encode() not in path.read_bytes()
    assert _people(path, sqlcipher.unlock(path, passphrase=PASSPHRASE)) == 2
    assert restored.previous_copy is not None
    assert sqlcipher.verify(restored.previous_copy, result.key)["participant"] == 5
    assert _mode(path) == 0o600


# Case 12 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("aaaaaaaaaaaa", "répète"),
        ("azertyuiopqsdf", "trop courants"),
        ("qwertyuiopasdfgh", "trop courants"),
        ("motdepasse123456", "trop"),
        ("court", "au moins 12 caractères"),
    ],
)
def test_weak_passphrases_are_refused_with_a_french_reason(passphrase: str, reason: str) -> None:
    with pytest.raises(UserError, match="trop facile à deviner") as caught:
        crypto.check_passphrase(passphrase)
    assert reason in str(caught.value)


def test_strong_passphrases_are_accepted() -> None:
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE, "Ma grand-mère cultivait 7 potirons bleus"):
        crypto.check_passphrase(passphrase)


def test_changing_the_data_key_retires_old_keys_files(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=3)
    result = protection.protect(path, PASSPHRASE)
    database = open_database(path, create=False, key=result.key)
    old_backup = backups.backup_now(database, now=NOON)[0]
    database.dispose()
    stolen_keys = tmp_path / "volé.cles.json"
    stolen_keys.write_bytes(crypto.sidecar_path(path).read_bytes())

    change = protection.change_keys(path, result.key, NEW_PASSPHRASE, new_key=True)
    assert change.key != result.key and change.recovery_key is not None
    assert old_backup in change.reencrypted_copies
    # The old keys file with the old passphrase unwraps the old key, which opens nothing now.
    crypto.sidecar_path(path).rename(tmp_path / "actuel.cles.json")
    stolen_keys.rename(crypto.sidecar_path(path))
    with pytest.raises(UserError):
        sqlcipher.unlock(path, passphrase=PASSPHRASE)
    (tmp_path / "actuel.cles.json").replace(crypto.sidecar_path(path))
    with pytest.raises(UserError, match="Phrase de passe incorrecte"):
        sqlcipher.unlock(path, passphrase=PASSPHRASE)
    with pytest.raises(UserError, match="Clé de secours incorrecte"):
        sqlcipher.unlock(path, recovery_key=result.recovery_key)
    assert sqlcipher.unlock(path, passphrase=NEW_PASSPHRASE) == change.key
    assert sqlcipher.unlock(path, recovery_key=change.recovery_key) == change.key
    assert _people(path, change.key) == 3
    # The backup was re-encrypted with the new key and carries the new keys file.
    with pytest.raises(UserError):
        sqlcipher.unlock(old_backup, passphrase=PASSPHRASE)
    assert sqlcipher.unlock(old_backup, passphrase=NEW_PASSPHRASE) == change.key


def test_a_key_change_interrupted_after_the_rekey_opens_with_the_new_passphrase(
    tmp_path: Path,
) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=2)
    result = protection.protect(path, PASSPHRASE)
    keys = crypto.prepare_key_change(path, NEW_PASSPHRASE)
    sqlcipher.rekey_database(path, result.key, keys.data_key)
    # Killed here, before the keys file was finished: the new passphrase opens the database,
    # and finishes the change.
    assert sqlcipher.unlock(path, passphrase=NEW_PASSPHRASE) == keys.data_key
    assert "pending" not in crypto.read_sidecar(path)
    with pytest.raises(UserError):
        sqlcipher.unlock(path, passphrase=PASSPHRASE)


def test_a_lost_keys_file_is_explained_with_the_recovery_key_as_the_way_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=2)
    result = protection.protect(path, PASSPHRASE)
    saved_keys = crypto.sidecar_path(path).read_bytes()
    crypto.sidecar_path(path).unlink()
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        open_protected(path, passphrase=PASSPHRASE)
    text = str(caught.value)
    assert "fichier de clés" in text and "a disparu" in text
    assert "clé de secours" in text and "sauvegarde" in text
    assert path.read_bytes() == before
    # The way back it describes: a backup's keys file beside the database, the recovery key.
    crypto.sidecar_path(path).write_bytes(saved_keys)
    assert sqlcipher.unlock(path, recovery_key=result.recovery_key) == result.key
    assert os.path.getsize(path) == len(before)
