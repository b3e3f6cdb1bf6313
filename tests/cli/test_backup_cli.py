"""The data-protection commands as a coach or a script runs them: exit codes, messages, files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from coachdesk.security import sqlcipher
from tests.security_support import (
    FAST_KDF_PATH,
    PASSPHRASE,
    SECRET_LAST_NAME,
    add_people,
    make_plain_db,
)


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("COACHDESK_") or k == "COACHDESK_HOME"
    }
    # Keys derived cheaply, as in the tests' own process (tests/fast_kdf).
    full_env["PYTHONPATH"] = FAST_KDF_PATH
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_backup_then_restore_keeps_what_it_replaces(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite3"
    make_plain_db(db, count=2)
    out = tmp_path / "copie.sqlite3"
    done = run(db, "backup", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Sauvegarde écrite" in done.stdout
    assert sqlcipher.verify(out, None)["participant"] == 2
    again = run(db, "backup", "--out", str(out))
    assert again.returncode == 1 and "existe déjà" in again.stderr

    from coachdesk.db import open_database

    opened = open_database(db)
    add_people(opened, 3, last_name="Ajout")
    opened.dispose()
    restored = run(db, "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    assert "2 personnes" in restored.stdout and "conservée" in restored.stdout
    assert sqlcipher.verify(db, None)["participant"] == 2
    (kept,) = tmp_path.glob("base.avant-restauration-*.sqlite3")
    assert sqlcipher.verify(kept, None)["participant"] == 5


def test_restore_of_a_damaged_file_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite3"
    make_plain_db(db)
    before = db.read_bytes()
    bad = tmp_path / "abimee.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    result = run(db, "restore", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("Erreur :") and "Traceback" not in result.stderr
    assert "abimee.sqlite3" in result.stderr
    assert db.read_bytes() == before


def test_protect_then_use_with_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite3"
    ids = make_plain_db(db)
    protect = run(db, "protect", env={"COACHDESK_NEW_PASSPHRASE": PASSPHRASE})
    assert protect.returncode == 0, protect.stderr
    assert "CLÉ DE SECOURS" in protect.stdout
    assert SECRET_LAST_NAME.encode() not in db.read_bytes()

    no_secret = run(db, "gdpr", "missing-consent")
    assert no_secret.returncode == 1 and "phrase de passe" in no_secret.stderr
    wrong = run(db, "gdpr", "missing-consent", env={"COACHDESK_PASSPHRASE": "mauvaise phrase!!"})
    assert wrong.returncode == 1 and "Phrase de passe incorrecte" in wrong.stderr
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    listed = run(db, "gdpr", "missing-consent", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "3 personne(s)" in listed.stdout and SECRET_LAST_NAME in listed.stdout

    out = tmp_path / "chiffree.sqlite3"
    saved = run(db, "backup", "--out", str(out), env=env)
    assert saved.returncode == 0 and "chiffrée" in saved.stdout
    assert SECRET_LAST_NAME.encode() not in out.read_bytes()
    assert (tmp_path / "chiffree.sqlite3.cles.json").exists()

    access = tmp_path / "acces.xlsx"
    exported = run(db, "gdpr", "access", ids[0], "--out", str(access), "--no-password",
                   env=env)
    assert exported.returncode == 0, exported.stderr
    assert "PAS chiffré" in exported.stdout
    assert openpyxl.load_workbook(access)["Personne"]["B4"].value == SECRET_LAST_NAME


def test_gdpr_purge_and_erase(tmp_path: Path) -> None:
    db = tmp_path / "base.sqlite3"
    ids = make_plain_db(db)
    preview = run(db, "gdpr", "purge", "--preview", "--today", "2013-01-01")
    assert preview.returncode == 0, preview.stderr
    assert "3 personne(s) seraient supprimées" in preview.stdout
    assert run(db, "gdpr", "purge").returncode == 2  # --preview or --confirm is required

    unconfirmed = run(db, "gdpr", "erase", ids[0])
    assert unconfirmed.returncode == 1 and "--confirm" in unconfirmed.stderr
    erased = run(db, "gdpr", "erase", ids[0], "--confirm")
    assert erased.returncode == 0 and "effacée" in erased.stdout
    purged = run(db, "gdpr", "purge", "--confirm", "--today", "2013-01-01")
    assert purged.returncode == 0 and "2 personne(s) supprimée(s)" in purged.stdout
    assert sqlcipher.verify(db, None)["participant"] == 0
    assert sqlcipher.verify(db, None)["audit_event"] == 2


@pytest.mark.slow
def test_encrypted_session_leaves_no_personal_datum_in_clear(tmp_path: Path) -> None:
    """Protect, write, back up, restore, erase: grep every byte left on disk for the name."""
    work = tmp_path / "donnees"
    temp = tmp_path / "tmp"
    home = tmp_path / "home"
    for folder in (work, temp, home):
        folder.mkdir()
    db = work / "base.sqlite3"
    ids = make_plain_db(db, count=30)
    env = {
        "COACHDESK_HOME": str(home),
        "COACHDESK_NEW_PASSPHRASE": PASSPHRASE,
        "COACHDESK_PASSPHRASE": PASSPHRASE,
        "TMPDIR": str(temp),
        "SQLITE_TMPDIR": str(temp),
    }
    steps = [
        ["protect"],
        ["backup", "--out", str(work / "copie.sqlite3")],
        ["gdpr", "missing-consent"],
        ["gdpr", "purge", "--preview", "--today", "2013-01-01"],
        ["gdpr", "erase", ids[0], "--confirm"],
        ["restore", str(work / "copie.sqlite3")],
        ["gdpr", "purge", "--preview", "--today", "2013-01-01"],
    ]
    for step in steps:
        done = run(db, *step, env=env)
        assert done.returncode == 0, (step, done.stderr)
    assert SECRET_LAST_NAME in done.stdout  # the data is there, readable with the passphrase

    # While the database is open with uncommitted WAL content, the WAL is encrypted too.
    from coachdesk.db import open_protected

    opened = open_protected(db, passphrase=PASSPHRASE)
    add_people(opened, 5, last_name="Pendantlouverture")
    wal = db.with_name(db.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert b"Pendantlouverture" not in wal.read_bytes()
    opened.dispose()

    needles = [SECRET_LAST_NAME.encode(), "Zénobie".encode(), b"zenobie0@example.org"]
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            scanned += 1
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} in clear in {path.relative_to(tmp_path)}"
    # database, keys, backup and its keys, the copy kept by the restore, the data folder
    assert scanned >= 5
