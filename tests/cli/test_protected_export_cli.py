"""``coachdesk export … --password-prompt`` and ``COACHDESK_EXPORT_PASSWORD``: the workbook is
written protected, the password is asked twice on a terminal without echo, never taken from
an argument, and said nowhere."""

from __future__ import annotations

import io
import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest

from coachdesk.exports.jobs import PLAIN_WORKBOOK_NOTICE
from coachdesk.exports.workbook_password import GIVE_BY_PHONE, PASSWORD_ENV, is_encrypted_workbook
from coachdesk.security import sqlcipher
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db

PASSWORD = "girafe-tambour-olive-canal-brioche-31"
EXPORTS = [
    ("weekly", "--week", "2010-W10"),
    ("evaluator",),
    ("contracts", "--recipient", "opco"),
    ("progress-note", "--as-of", "2010-12-31"),
]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("COACHDESK_") or k == "COACHDESK_HOME"}
    env.update(extra)
    return env


def run(db: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=environment(**extra), stdin=subprocess.DEVNULL,
        timeout=120, check=False,
    )


def decrypted(path: Path, password: str) -> openpyxl.Workbook:
    plain = io.BytesIO()
    with path.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    plain.seek(0)
    return openpyxl.load_workbook(plain)


def informed(path: Path) -> None:
    """Record every person's consent (a date of information): partner workbooks list only
    people whose consent is recorded."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE participant SET consent_date = '2010-02-05'")
    connection.close()


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("clair") / "suivi.sqlite3"
    ids = make_plain_db(path, count=3)
    informed(path)
    return path, ids


@pytest.mark.parametrize("export", EXPORTS, ids=lambda export: export[0])
def test_every_export_is_protected_by_the_password_from_the_environment(
    plain_db: tuple[Path, list[str]], tmp_path: Path, export: tuple[str, ...]
) -> None:
    out = tmp_path / f"{export[0]}.xlsx"
    done = run(plain_db[0], "export", *export, "--out", str(out), **{PASSWORD_ENV: PASSWORD})
    assert done.returncode == 0, done.stderr
    assert f"Classeur protégé par mot de passe. {GIVE_BY_PHONE}" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr
    assert is_encrypted_workbook(out.read_bytes())
    assert decrypted(out, PASSWORD).sheetnames


def test_right_of_access_workbook_is_protected_too(
    plain_db: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out = tmp_path / "acces.xlsx"
    done = run(plain_db[0], "gdpr", "access", plain_db[1][0], "--out", str(out),
               **{PASSWORD_ENV: PASSWORD})
    assert done.returncode == 0, done.stderr
    assert GIVE_BY_PHONE in done.stdout
    assert SECRET_LAST_NAME.encode() not in out.read_bytes()
    assert decrypted(out, PASSWORD)["Personne"]["B4"].value == SECRET_LAST_NAME


def test_protected_database_with_a_protected_workbook_has_no_plain_notice(
    tmp_path: Path,
) -> None:
    db = tmp_path / "suivi.sqlite3"
    make_plain_db(db, count=2)
    informed(db)
    sqlcipher.protect_database(db, PASSPHRASE, params=FAST_SCRYPT)
    out = tmp_path / "hebdo.xlsx"
    done = run(db, "export", "weekly", "--week", "2010-W10", "--out", str(out),
               COACHDESK_PASSPHRASE=PASSPHRASE, **{PASSWORD_ENV: PASSWORD})
    assert done.returncode == 0, done.stderr
    assert PLAIN_WORKBOOK_NOTICE not in done.stderr
    assert GIVE_BY_PHONE in done.stdout
    names = [row[0] for row in decrypted(out, PASSWORD)["Jeunes"].iter_rows(min_row=2,
                                                                           values_only=True)]
    assert SECRET_LAST_NAME in names


def test_a_weak_password_writes_nothing(plain_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(plain_db[0], "export", "weekly", "--out", str(out), **{PASSWORD_ENV: "soleil"})
    assert done.returncode == 1
    assert "Ce mot de passe de classeur est trop facile à deviner" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_the_prompt_needs_a_terminal(plain_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(plain_db[0], "export", "weekly", "--out", str(out), "--password-prompt")
    assert done.returncode == 1
    assert "ne tourne pas dans un terminal" in done.stderr
    assert PASSWORD_ENV in done.stderr
    assert not out.exists()


def test_no_argument_takes_a_password(plain_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(plain_db[0], "export", "weekly", "--out", str(out), "--password", PASSWORD)
    assert done.returncode == 2
    assert not out.exists()


def _on_terminal(db: Path, out: Path, answers: list[str], *, prompt: bool = True,
                 **extra: str) -> tuple[int, str]:
    """Run ``export weekly [--password-prompt]`` on a pseudo-terminal, typing ``answers`` at
    each prompt; return the exit code and everything the terminal showed."""
    command = [sys.executable, "-m", "coachdesk", "--db", str(db), "export", "weekly",
               "--week", "2010-W10", "--out", str(out)] + (["--password-prompt"] if prompt else [])
    pid, terminal = pty.fork()
    if pid == 0:  # the child, on the pseudo-terminal
        os.execve(sys.executable, command, environment(**extra))
    shown = b""
    # Each prompt is answered once it is shown (typed earlier, the terminal would echo it and
    # getpass would flush it away).
    prompts = [b"Mot de passe du classeur : ", b"encore une fois : "]
    answered = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([terminal], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(terminal, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
            if answered < len(answers) and shown.endswith(prompts[answered]):
                os.write(terminal, answers[answered].encode() + b"\n")
                answered += 1
    finally:
        if time.monotonic() >= deadline:
            os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_the_password_is_asked_twice_without_echo(
    plain_db: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    code, shown = _on_terminal(plain_db[0], out, [PASSWORD, PASSWORD])
    assert code == 0, shown
    assert "Mot de passe du classeur :" in shown
    assert "encore une fois :" in shown
    assert PASSWORD not in shown  # no echo
    assert GIVE_BY_PHONE.split(" (")[0] in shown.replace("\r\n", " ").replace("\n", " ")
    assert decrypted(out, PASSWORD)["Jeunes"]["A1"].value == "Nom"


def test_two_different_passwords_write_nothing(
    plain_db: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    code, shown = _on_terminal(plain_db[0], out, [PASSWORD, PASSWORD + "x"])
    assert code == 1
    assert "Les deux mots de passe saisis diffèrent" in shown
    assert not out.exists()


@pytest.fixture(scope="module")
def protected_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chiffree") / "suivi.sqlite3"
    make_plain_db(path, count=2)
    informed(path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    return path


def test_a_protected_database_protects_its_workbooks_by_default(
    protected_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    code, shown = _on_terminal(protected_db, out, [PASSWORD, PASSWORD], prompt=False,
                               COACHDESK_PASSPHRASE=PASSPHRASE)
    assert code == 0, shown
    flat = shown.replace("\r\n", " ").replace("\n", " ")
    assert "La base est chiffrée : le classeur sera protégé par un mot de passe" in flat
    assert PLAIN_WORKBOOK_NOTICE not in flat
    assert PASSWORD not in shown
    assert is_encrypted_workbook(out.read_bytes())
    assert SECRET_LAST_NAME.encode() not in out.read_bytes()
    assert decrypted(out, PASSWORD)["Jeunes"]["A1"].value == "Nom"


def test_a_protected_database_without_a_terminal_writes_no_plain_workbook_unasked(
    protected_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(protected_db, "export", "weekly", "--week", "2010-W10", "--out", str(out),
               COACHDESK_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 1
    assert "La base est chiffrée : ses classeurs sont protégés par un mot de passe" in done.stderr
    assert "--no-password" in done.stderr and PASSWORD_ENV in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()

    plain = run(protected_db, "export", "weekly", "--week", "2010-W10", "--out", str(out),
                "--no-password", COACHDESK_PASSPHRASE=PASSPHRASE)
    assert plain.returncode == 0, plain.stderr
    assert PLAIN_WORKBOOK_NOTICE in plain.stderr
    assert not is_encrypted_workbook(out.read_bytes())


def test_no_password_and_a_prompt_cannot_be_asked_together(
    plain_db: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = run(plain_db[0], "export", "weekly", "--out", str(out), "--no-password",
               "--password-prompt")
    assert done.returncode == 2
    assert "--no-password" in done.stderr
    assert not out.exists()


def test_right_of_access_documents_are_protected_by_the_same_password(tmp_path: Path) -> None:
    from pypdf import PdfReader
    from pypdf.errors import WrongPasswordError

    from coachdesk.db import open_database
    from coachdesk.services.documents import DocumentFile, DocumentOwner, add_document

    db = tmp_path / "suivi.sqlite3"
    (person, *_others) = make_plain_db(db, count=2)
    cv = b"%PDF-1.4\n% CANARY-CV-" + SECRET_LAST_NAME.encode() + b"\n%%EOF\n"
    database = open_database(db)
    try:
        document = add_document(database, DocumentOwner("participant", person),
                                DocumentFile(f"CV {SECRET_LAST_NAME}.pdf", cv))
    finally:
        database.dispose()
    sqlcipher.protect_database(db, PASSPHRASE, params=FAST_SCRYPT)
    remise = tmp_path / "remise"
    remise.mkdir()
    out = remise / "acces.xlsx"

    done = run(db, "gdpr", "access", person, "--out", str(out),
               COACHDESK_PASSPHRASE=PASSPHRASE, **{PASSWORD_ENV: PASSWORD})
    assert done.returncode == 0, done.stderr
    protected = remise / "acces-documents.pdf"
    assert (f"Documents de la personne : 1 fichier(s) joint(s) au PDF {protected}, protégé par "
            "le même mot de passe que le classeur ; ils s'ouvrent depuis les pièces jointes "
            "d'un lecteur PDF.") in done.stdout
    assert "PAS chiffré" not in done.stdout and "ne protège pas" not in done.stdout
    assert PASSWORD not in done.stdout + done.stderr
    assert sorted(p.name for p in remise.iterdir()) == ["acces-documents.pdf", "acces.xlsx"]
    for path in remise.iterdir():
        assert b"CANARY" not in path.read_bytes() and SECRET_LAST_NAME.encode() not in \
            path.read_bytes(), path.name
    assert PdfReader(protected, password=PASSWORD).attachments == {
        f"document-{document[:8]}.pdf": [cv]}
    with pytest.raises(WrongPasswordError):
        PdfReader(protected, password="une-autre-phrase-de-passe-12")

    # A plain export asked for explicitly: the folder as before, and the warning says so.
    plain = run(db, "gdpr", "access", person, "--out", str(out), "--no-password",
                COACHDESK_PASSPHRASE=PASSPHRASE)
    assert plain.returncode == 0, plain.stderr
    assert (f"Documents de la personne : {remise / 'acces-documents'} (1 fichier(s))."
            in plain.stdout)
    assert ("Attention : ce classeur et le dossier des documents ne sont PAS chiffrés, "
            "contrairement à la base.") in plain.stdout
    assert sorted(p.name for p in remise.iterdir()) == ["acces-documents", "acces.xlsx"]
