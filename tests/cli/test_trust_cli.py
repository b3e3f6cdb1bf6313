"""The trust issue from the command line: a damaged database is never backed up, protecting
says what happened to the copies, the data key can be changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coachdesk.security import crypto, sqlcipher
from tests.cli.test_backup_cli import run
from tests.damage_support import damage_data_pages
from tests.security_support import PASSPHRASE, SECRET_LAST_NAME, make_plain_db

NEW_PASSPHRASE = "lampadaire tortue velours orage"


def test_backup_of_a_damaged_database_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=400)
    with sqlite3.connect(path) as connection:
        audit_rows = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    connection.close()
    damage_data_pages(path)
    out = tmp_path / "copie.sqlite3"
    result = run(path, "backup", "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "endommagée" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copie")) == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM audit_event").fetchone()[0] == audit_rows
    connection.close()


def test_protect_then_change_the_data_key(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=3)
    before = tmp_path / "avant.sqlite3"
    assert run(path, "backup", "--out", str(before)).returncode == 0
    before.rename(tmp_path / "base.avant-restauration-20260101-090000.sqlite3")
    protected = run(path, "protect", env={"COACHDESK_NEW_PASSPHRASE": PASSPHRASE})
    assert protected.returncode == 0, protected.stderr
    assert "1 copie(s) existante(s)" in protected.stdout
    copy = tmp_path / "base.avant-restauration-20260101-090000.sqlite3"
    assert SECRET_LAST_NAME.encode() not in copy.read_bytes()
    weak = run(path, "change-passphrase", env={
        "COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_NEW_PASSPHRASE": "aaaaaaaaaaaa"})
    assert weak.returncode == 1 and "trop facile à deviner" in weak.stderr
    old_keys = crypto.sidecar_path(path).read_bytes()
    changed = run(path, "change-passphrase", "--new-key", env={
        "COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert changed.returncode == 0, changed.stderr
    assert "CLÉ DE SECOURS" in changed.stdout and "n'ouvrent plus la base" in changed.stdout
    crypto.sidecar_path(path).write_bytes(old_keys)
    refused = run(path, "report", "funnel", env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert refused.returncode == 1
    assert not sqlcipher.is_plain_sqlite(path)
