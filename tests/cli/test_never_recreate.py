"""Never recreate, never downgrade: a protected database that went missing or was emptied is
refused in French by every command, and the commands that only read never write anything.

Run as a coach would: real processes, the passphrase given, then the files on disk compared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.db import open_database
from coachdesk.security import crypto, sqlcipher
from tests.security_support import FAST_KDF_PATH, FAST_SCRYPT, PASSPHRASE, make_plain_db

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "contacts"


def run(db: Path, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT,
        env={**base, "COACHDESK_HOME": str(home),
             "PYTHONPATH": os.pathsep.join([FAST_KDF_PATH, str(ROOT)]), **env},
    )


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def protected_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("protegee") / "suivi.sqlite3"
    make_plain_db(path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    return path


@pytest.fixture
def protected(tmp_path: Path, protected_template: Path) -> Path:
    folder = tmp_path / "donnees"
    folder.mkdir()
    path = folder / protected_template.name
    shutil.copyfile(protected_template, path)
    shutil.copyfile(crypto.sidecar_path(protected_template), crypto.sidecar_path(path))
    return path


COMMANDS = {
    "report": ["report", "funnel"],
    "agenda": ["agenda", "--week", "2010-W10"],
    "import": ["import", "contacts", str(SAMPLES / "export_tabulations.csv")],
    "import --create": ["import", "contacts", str(SAMPLES / "export_tabulations.csv"),
                        "--create"],
    "export": ["export", "weekly", "--out", "{out}"],
    "missing-consent": ["gdpr", "missing-consent"],
    "backup": ["backup", "--out", "{out}"],
}


@pytest.mark.parametrize("how", ["deleted", "emptied"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_protected_database_gone_is_refused_never_recreated_in_clear(
    protected: Path, tmp_path: Path, how: str, command: str
) -> None:
    keys = crypto.sidecar_path(protected).read_bytes()
    if how == "deleted":
        protected.unlink()
    else:
        protected.write_bytes(b"")
    before = listing(protected.parent)
    out = tmp_path / "sortie.xlsx"
    args = [a.replace("{out}", str(out)) for a in COMMANDS[command]]
    result = run(protected, *args, home=tmp_path / "home", COACHDESK_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 1, result.stdout
    state = "n'existe plus" if how == "deleted" else "est vide (0 octet)"
    assert f"La base « {protected} » {state}, alors qu'elle est protégée" in result.stderr
    assert "CoachDesk ne crée pas de base en clair à sa place." in result.stderr
    assert "Traceback" not in result.stderr
    # Nothing created, nothing written: the keys file is still the only thing there.
    assert listing(protected.parent) == before
    assert crypto.sidecar_path(protected).read_bytes() == keys
    assert not out.exists()


def test_a_database_once_opened_protected_is_remembered(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "suivi.sqlite3"
    make_plain_db(db)
    protect = run(db, "protect", home=home, COACHDESK_NEW_PASSPHRASE=PASSPHRASE)
    assert protect.returncode == 0, protect.stderr
    # Keys file and database both gone (a careless copy, a sync tool): still refused.
    db.unlink()
    crypto.sidecar_path(db).unlink()
    refused = run(db, "import", "contacts", str(SAMPLES / "export_tabulations.csv"), "--create",
                  home=home)
    assert refused.returncode == 1
    assert "cet ordinateur l'a déjà ouverte protégée par une phrase de passe" in refused.stderr
    assert not db.exists()
    # A plain database put in its place is a downgrade: refused too, until protected again.
    make_plain_db_quietly(db)
    plain = run(db, "report", "funnel", home=home)
    assert plain.returncode == 1
    assert "est en clair, alors que cet ordinateur l'a déjà ouverte protégée" in plain.stderr
    again = run(db, "protect", home=home, COACHDESK_NEW_PASSPHRASE=PASSPHRASE)
    assert again.returncode == 0, again.stderr
    opened = run(db, "report", "funnel", home=home, COACHDESK_PASSPHRASE=PASSPHRASE)
    assert opened.returncode == 0, opened.stderr
    # What is remembered names no file: only a digest of the path.
    remembered = (home / "config" / "bases-protegees.json").read_text()
    assert db.name not in remembered and str(tmp_path) not in remembered


def make_plain_db_quietly(path: Path) -> None:
    """A plain database written without CoachDesk's guard (what a file copy would bring)."""
    source = path.with_name("ailleurs.sqlite3")
    make_plain_db(source)
    shutil.move(source, path)


def test_demo_never_takes_the_place_of_a_protected_database(protected: Path,
                                                            tmp_path: Path) -> None:
    before = listing(protected.parent)
    result = run(protected, "demo", "--force", home=tmp_path / "home")
    assert result.returncode == 1
    assert "la démonstration ne l'occupe pas, même avec --force" in result.stderr
    assert listing(protected.parent) == before


def test_report_on_an_empty_file_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "vide.sqlite3"
    db.write_bytes(b"")
    result = run(db, "report", "funnel", home=tmp_path / "home")
    assert result.returncode == 1
    assert f"La base de données « {db} » est vide" in result.stderr
    assert db.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vide.sqlite3"]  # not even a home


@pytest.mark.parametrize(
    "args",
    [
        ["report", "funnel", "--as-of", "2010-12-31"],
        ["report", "funnel", "--json"],
        ["agenda", "--week", "2010-W28"],
        ["gdpr", "missing-consent"],
        ["gdpr", "purge", "--preview", "--today", "2013-01-01"],
    ],
    ids=lambda a: " ".join(a),
)
def test_read_only_commands_leave_the_database_byte_for_byte(
    demo_path: Path, tmp_path: Path, args: list[str]
) -> None:
    # A database left in the old "delete" journal mode: opening it for writing would switch
    # it to WAL, which rewrites its header. A command that only reads changes nothing.
    with sqlite3_connection(demo_path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    before = listing(demo_path.parent)
    stamp = demo_path.stat().st_mtime_ns
    result = run(demo_path, *args, home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert listing(demo_path.parent) == before
    assert demo_path.stat().st_mtime_ns == stamp


def sqlite3_connection(path: Path):  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import closing

    return closing(sqlite3.connect(path))


def test_open_database_refuses_in_process_too(protected: Path) -> None:
    from coachdesk.errors import UserError

    protected.unlink()
    with pytest.raises(UserError, match="CoachDesk ne crée pas de base en clair"):
        open_database(protected, create=True)
    assert not protected.exists()


@pytest.mark.parametrize("args", [["report", "funnel"], ["agenda"], ["diagnostic"]],
                         ids=lambda a: a[0])
def test_commands_that_only_read_create_no_folder_on_a_fresh_computer(
    tmp_path: Path, args: list[str]
) -> None:
    home = tmp_path / "home"
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    result = subprocess.run(
        [sys.executable, "-m", "coachdesk", *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT,
        env={**base, "COACHDESK_HOME": str(home), "PYTHONPATH": str(ROOT)},
    )
    if args[0] == "diagnostic":
        assert result.returncode == 0, result.stderr
        assert str(home / "data") in result.stdout
    else:
        assert result.returncode == 1
        assert "n'existe pas" in result.stderr and "Traceback" not in result.stderr
    assert not home.exists()
