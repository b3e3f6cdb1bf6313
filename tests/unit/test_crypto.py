"""Encryption at rest: wrapped keys, protecting a database, passphrase and recovery key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk.db import open_protected
from coachdesk.db_copy import backup_sqlite
from coachdesk.errors import UserError
from coachdesk.models import Participant
from coachdesk.security import crypto, sqlcipher
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


@pytest.fixture
def protected(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "coachdesk.sqlite3"
    make_plain_db(path)
    recovery = sqlcipher.protect_database(path, PASSPHRASE)
    return path, recovery


def _names(db) -> list[str]:
    with db.read() as session:
        return sorted(session.execute(select(Participant.last_name)).scalars())


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path)
    before = path.read_bytes()
    with pytest.raises(UserError, match="au moins 12 caractères"):
        sqlcipher.protect_database(path, "court 123")
    assert path.read_bytes() == before
    assert not crypto.sidecar_path(path).exists()


def test_recovery_key_is_printable_and_parses_back() -> None:
    key = crypto.new_recovery_key()
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", key)
    raw = crypto.parse_recovery_key(key)
    assert len(raw) == crypto.RECOVERY_KEY_BYTES
    # Typed back in lower case, with spaces instead of dashes.
    assert crypto.parse_recovery_key(key.lower().replace("-", " ")) == raw
    with pytest.raises(UserError, match="clé de secours"):
        crypto.parse_recovery_key(key[:-4])


def test_raw_key_literal_accepts_only_32_bytes() -> None:
    assert sqlcipher.raw_key_literal(bytes(range(32))) == "x'" + bytes(range(32)).hex() + "'"
    for bad in (b"", b"x" * 31, b"x" * 33):
        with pytest.raises(ValueError):
            sqlcipher.raw_key_literal(bad)
    with pytest.raises(ValueError):
        sqlcipher.raw_key_literal("0" * 32)  # type: ignore[arg-type]


def test_protect_encrypts_in_place_and_keeps_every_row(protected: tuple[Path, str]) -> None:
    path, recovery = protected
    raw = path.read_bytes()
    assert not raw.startswith(sqlcipher.SQLITE_MAGIC)
    assert SECRET_LAST_NAME.encode() not in raw
    assert not path.with_name(path.name + ".chiffrement").exists()
    sidecar = json.loads(crypto.sidecar_path(path).read_text())
    assert sidecar["passphrase"]["kdf"] == "scrypt"
    assert set(sidecar) >= {"passphrase", "recovery", "version"}

    db = open_protected(path, passphrase=PASSPHRASE)
    try:
        assert _names(db) == [SECRET_LAST_NAME, SECRET_LAST_NAME + "1", SECRET_LAST_NAME + "2"]
        add_people(db, 1, last_name="Nouvelle")
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Participant)) == 4
    finally:
        db.dispose()
    # The sidecar holds no key in clear: neither the data key nor the recovery key.
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    text = crypto.sidecar_path(path).read_text()
    assert key.hex() not in text
    assert recovery not in text and recovery.replace("-", "") not in text


def test_wrong_passphrase_says_so_and_leaves_file_untouched(protected: tuple[Path, str]) -> None:
    path, _ = protected
    before = path.read_bytes()
    with pytest.raises(UserError, match="Phrase de passe incorrecte") as caught:
        open_protected(path, passphrase="pas la bonne phrase du tout")
    assert "réessayez" in str(caught.value)
    with pytest.raises(UserError, match="protégée par une phrase de passe"):
        open_protected(path)
    assert path.read_bytes() == before
    # And the right one still opens it afterwards: retrying works.
    open_protected(path, passphrase=PASSPHRASE).dispose()


def test_plain_open_of_encrypted_file_is_refused_without_change(
    protected: tuple[Path, str],
) -> None:
    from coachdesk.db import open_database

    path, _ = protected
    before = path.read_bytes()
    with pytest.raises(UserError, match="chiffré"):
        open_database(path)
    with pytest.raises(UserError, match="pas été modifié"):
        open_database(path, key=b"\x00" * 32)
    assert path.read_bytes() == before


def test_change_passphrase_keeps_recovery_key(protected: tuple[Path, str]) -> None:
    path, recovery = protected
    before = path.read_bytes()
    new = "une toute autre phrase"
    with pytest.raises(UserError, match="incorrecte"):
        crypto.change_passphrase(path, "mauvaise phrase de passe", new)
    crypto.change_passphrase(path, PASSPHRASE, new)
    assert path.read_bytes() == before  # re-wrapping never rewrites the database
    with pytest.raises(UserError, match="incorrecte"):
        sqlcipher.unlock(path, passphrase=PASSPHRASE)
    db = open_protected(path, passphrase=new)
    assert len(_names(db)) == 3
    db.dispose()
    open_protected(path, recovery_key=recovery).dispose()


def test_recovery_key_resets_a_forgotten_passphrase(protected: tuple[Path, str]) -> None:
    path, recovery = protected
    with pytest.raises(UserError, match="Clé de secours incorrecte"):
        crypto.reset_passphrase_with_recovery_key(
            path, crypto.new_recovery_key(), "nouvelle phrase secrète"
        )
    crypto.reset_passphrase_with_recovery_key(path, recovery.lower(), "nouvelle phrase secrète")
    db = open_protected(path, passphrase="nouvelle phrase secrète")
    assert len(_names(db)) == 3
    db.dispose()


def test_protecting_twice_or_a_damaged_file_is_refused(
    protected: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = protected
    with pytest.raises(UserError, match="déjà protégée"):
        sqlcipher.protect_database(path, PASSPHRASE)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"pas une base" * 100)
    with pytest.raises(UserError, match="pas une base CoachDesk lisible"):
        sqlcipher.protect_database(junk, PASSPHRASE)
    assert junk.read_bytes() == b"pas une base" * 100


def test_missing_or_damaged_sidecar(protected: tuple[Path, str]) -> None:
    path, _ = protected
    sidecar = crypto.sidecar_path(path)
    saved = sidecar.read_bytes()
    sidecar.write_text("{ pas du json")
    with pytest.raises(UserError, match="illisible ou endommagé"):
        crypto.unlock_with_passphrase(path, PASSPHRASE)
    sidecar.unlink()
    with pytest.raises(UserError, match="introuvable"):
        crypto.unlock_with_passphrase(path, PASSPHRASE)
    sidecar.write_bytes(saved)
    sqlcipher.unlock(path, passphrase=PASSPHRASE)


def test_backup_of_encrypted_database_stays_encrypted(
    protected: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = protected
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    copy = tmp_path / "copie.sqlite3"
    backup_sqlite(path, copy, key)
    raw = copy.read_bytes()
    assert not raw.startswith(sqlcipher.SQLITE_MAGIC)
    assert SECRET_LAST_NAME.encode() not in raw
    assert sqlcipher.verify(copy, key)["participant"] == 3


def test_new_encrypted_database_is_created_with_a_key(tmp_path: Path) -> None:
    from coachdesk.db import open_database

    path = tmp_path / "neuve.sqlite3"
    key = crypto.new_data_key()
    db = open_database(path, key=key)
    add_people(db, 2)
    db.dispose()
    assert SECRET_LAST_NAME.encode() not in path.read_bytes()
    assert sqlcipher.verify(path, key)["participant"] == 2
