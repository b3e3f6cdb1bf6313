"""``coachdesk export --no-password`` from an encrypted database tells plainly, before writing,
that the workbook is not encrypted; from a plain database it says nothing of the kind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from coachdesk.exports.jobs import PLAIN_WORKBOOK_NOTICE
from coachdesk.security import sqlcipher
from tests.security_support import (
    FAST_SCRYPT,
    INFORMED_ON,
    PASSPHRASE,
    SECRET_LAST_NAME,
    make_plain_db,
)

EXPORTS = [
    ("weekly", "--week", "2010-W10"),
    ("evaluator",),
    ("contracts", "--recipient", "opco"),
    ("progress-note", "--as-of", "2010-12-31"),
]


def run(db: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("COACHDESK_") or k == "COACHDESK_HOME"}
    if passphrase is not None:
        env["COACHDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
    )


@pytest.fixture(scope="module")
def protected_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("protected") / "suivi.sqlite3"
    make_plain_db(path, count=4, consent_on=INFORMED_ON)  # listed in the weekly workbook
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    return path


@pytest.fixture
def protected(tmp_path: Path, protected_template: Path) -> Path:
    path = tmp_path / protected_template.name
    for source in protected_template.parent.iterdir():  # the database and its keys file
        shutil.copyfile(source, tmp_path / source.name)
    return path


@pytest.mark.parametrize("export", EXPORTS, ids=lambda export: export[0])
def test_export_from_protected_database_says_the_workbook_is_plain(
    protected: Path, tmp_path: Path, export: tuple[str, ...]
) -> None:
    out = tmp_path / f"{export[0]}.xlsx"
    done = run(protected, "export", *export, "--out", str(out), "--no-password",
               passphrase=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert PLAIN_WORKBOOK_NOTICE in done.stderr
    assert "ce classeur Excel ne le sera pas" in done.stderr
    assert "canal sécurisé" in done.stderr
    assert f"Export écrit : {out}" in done.stdout
    openpyxl.load_workbook(out, read_only=True).close()  # a plain workbook, as told


def test_weekly_workbook_holds_the_names_in_clear(protected: Path, tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(protected, "export", "weekly", "--week", "2010-W10", "--out", str(out),
               "--no-password", passphrase=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    names = [row[0] for row in book["Jeunes"].iter_rows(min_row=2, values_only=True)]
    book.close()
    # Exactly why the coach is warned: the people are there, readable by anyone.
    assert sorted(names) == sorted(
        [SECRET_LAST_NAME] + [f"{SECRET_LAST_NAME}{n}" for n in range(1, 4)]
    )


def test_wrong_passphrase_writes_nothing_and_warns_of_nothing(
    protected: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(protected, "export", "weekly", "--out", str(out), "--no-password",
               passphrase="pas la bonne phrase")
    assert done.returncode == 1
    assert PLAIN_WORKBOOK_NOTICE not in done.stderr
    assert not out.exists()


def test_plain_database_gets_no_warning(tmp_path: Path) -> None:
    db = tmp_path / "clair.sqlite3"
    make_plain_db(db, count=2)
    out = tmp_path / "hebdo.xlsx"
    done = run(db, "export", "weekly", "--week", "2010-W10", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "chiffrée" not in done.stderr and "chiffrée" not in done.stdout
    assert out.exists()
