"""What leaves an encrypted database: backups stay encrypted, workbooks are announced as plain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coachdesk.db import SQLITE_MAGIC, open_database
from coachdesk.exports.jobs import PLAIN_WORKBOOK_NOTICE, plain_workbook_notice
from coachdesk.security import crypto, sqlcipher
from coachdesk.services.backups import write_backup
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("protected") / "suivi.sqlite3"
    make_plain_db(path, count=3)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    return path


@pytest.fixture
def protected(tmp_path: Path, template: Path) -> Path:
    for source in template.parent.iterdir():
        shutil.copyfile(source, tmp_path / source.name)
    return tmp_path / template.name


def test_notice_only_for_a_protected_database(protected: Path, tmp_path: Path) -> None:
    plain = tmp_path / "clair.sqlite3"
    make_plain_db(plain, count=1)
    assert plain_workbook_notice(protected) == PLAIN_WORKBOOK_NOTICE
    assert plain_workbook_notice(str(protected)) == PLAIN_WORKBOOK_NOTICE
    assert plain_workbook_notice(plain) is None
    assert plain_workbook_notice(None) is None
    assert plain_workbook_notice(tmp_path / "absente.sqlite3") is None


def test_backup_of_a_protected_database_is_encrypted(protected: Path, tmp_path: Path) -> None:
    key = sqlcipher.unlock(protected, passphrase=PASSPHRASE)
    target = tmp_path / "sauvegardes" / "copie.sqlite3"
    live = open_database(protected, create=False, key=key)
    try:
        write_backup(live, target)
    finally:
        live.dispose()
    data = target.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    assert SECRET_LAST_NAME.encode() not in data
    # The keys file travels with it, so the same passphrase opens the copy.
    assert crypto.sidecar_path(target).exists()
    assert plain_workbook_notice(target) == PLAIN_WORKBOOK_NOTICE
    copy_key = sqlcipher.unlock(target, passphrase=PASSPHRASE)
    database = open_database(target, create=False, key=copy_key)
    try:
        with database.read() as session:
            from sqlalchemy import func, select

            from coachdesk.models import Participant

            assert session.scalar(select(func.count(Participant.id))) == 3
    finally:
        database.dispose()
