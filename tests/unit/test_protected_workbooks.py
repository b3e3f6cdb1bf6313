"""Password-protected workbooks: the weekly workbook opens with its password — decrypted by
msoffcrypto-tool and read by openpyxl, and opened by LibreOffice through its UNO API — and not
without it; no plain copy is left on disk; the password is kept nowhere.

The LibreOffice half needs Debian's ``python3-uno`` under the system Python
(``.ci/install-libreoffice`` installs it). Elsewhere it is skipped, saying why; in CI (``CI``
set) it fails instead.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from msoffcrypto.exceptions import InvalidKeyError

from coachdesk.db import open_database
from coachdesk.errors import UserError
from coachdesk.exports import workbook_password
from coachdesk.exports.jobs import export_history
from coachdesk.exports.weekly import export_weekly
from coachdesk.exports.workbook_password import (
    check_password,
    is_encrypted_workbook,
    password_weakness,
    password_words,
    propose_password,
)
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.services.weeks import IsoWeek
from tests.unit.exports_sample import FORMULA_NAME, build_sample

PASSWORD = "tulipe-canard-violon-sapin-orage-47"
SYSTEM_PYTHON = "/usr/bin/python3"
UNO_SCRIPT = Path(__file__).with_name("libreoffice_uno.py")


def decrypt(path: Path, password: str) -> io.BytesIO:
    """The plain package of a protected workbook, by msoffcrypto-tool (not our code)."""
    plain = io.BytesIO()
    with path.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    plain.seek(0)
    return plain


@pytest.fixture
def weekly_protected(tmp_path: Path) -> Path:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    try:
        build_sample(database)
        workbook = tmp_path / "hebdo.xlsx"
        done = export_weekly(database, workbook, week=IsoWeek(2010, 12),
                             today=IsoWeek(2011, 2).monday, password=PASSWORD)
        assert done.result.encrypted
        history = export_history(database)
    finally:
        database.dispose()
    assert history[0].file_name == "hebdo.xlsx"
    return workbook


def test_weekly_workbook_decrypted_by_msoffcrypto_and_read_by_openpyxl(
    weekly_protected: Path,
) -> None:
    data = weekly_protected.read_bytes()
    assert is_encrypted_workbook(data)
    assert not zipfile.is_zipfile(weekly_protected)
    # Nothing of the people's names is readable in the file.
    for clear in ("Élodie".encode(), b"Lef\xc3\xa8vre", b"Jeunes", b"<row"):
        assert clear not in data
    workbook = openpyxl.load_workbook(decrypt(weekly_protected, PASSWORD), read_only=True)
    assert workbook.sheetnames == ["Synthèse", "Jeunes", "Actions de la semaine", "Contrats"]
    rows = list(workbook["Jeunes"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Nom", "Prénom")
    people = {row[1]: row for row in rows[1:]}
    assert people["Élodie"][0] == "Lefèvre"
    assert people["Jérôme"][0] == FORMULA_NAME
    workbook.close()


def test_a_wrong_password_does_not_decrypt(weekly_protected: Path) -> None:
    with pytest.raises(InvalidKeyError):
        decrypt(weekly_protected, "tulipe-canard-violon-sapin-orage-48")


def test_the_sha256_and_the_history_describe_the_encrypted_file(tmp_path: Path) -> None:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    try:
        build_sample(database)
        done = export_weekly(database, tmp_path / "hebdo.xlsx", week=IsoWeek(2010, 12),
                             today=IsoWeek(2011, 2).monday, password=PASSWORD)
        from sqlalchemy import select

        from coachdesk.models import ExportLog

        with database.read() as session:
            summary = session.scalar(select(ExportLog.summary))
    finally:
        database.dispose()
    import hashlib

    assert done.result.sha256 == hashlib.sha256((tmp_path / "hebdo.xlsx").read_bytes()).hexdigest()
    assert summary is not None
    assert json.loads(summary)["protected"] is True
    # The password is kept nowhere: not in the database file, not in the history.
    assert PASSWORD not in summary
    assert PASSWORD.encode() not in (tmp_path / "coachdesk.sqlite3").read_bytes()


@pytest.mark.parametrize("rows", [0, 1, 40, 3000])
def test_every_size_of_workbook_decrypts(tmp_path: Path, rows: int) -> None:
    """A workbook of a few rows is smaller than the encryption library can place correctly:
    it is stored uncompressed, and decrypts like the large ones."""
    target = tmp_path / "liste.xlsx"
    result = write_workbook(target, [Sheet("Liste", [Column("n", "Nom"), Column("k", "N", "int")],
                                           [(f"Zoé {n}", n) for n in range(rows)])],
                            password=PASSWORD)
    assert result.row_count == rows
    sheet = openpyxl.load_workbook(decrypt(target, PASSWORD))["Liste"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Nom", "N")
    assert len(values) == rows + 1
    if rows:
        assert values[-1] == (f"Zoé {rows - 1}", rows - 1)


def test_no_plain_copy_is_left_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain package lives in a private folder of the temporary directory, 0700, removed
    after the export, and never beside the workbook."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    seen: list[tuple[str, int]] = []
    real = workbook_password._large_enough_to_encrypt

    def spy(plain: io.BufferedRandom, folder: str) -> object:
        seen.append((folder, os.stat(folder).st_mode & 0o777))
        seen.append(("plain", os.fstat(plain.fileno()).st_mode & 0o777))
        return real(plain, folder)

    monkeypatch.setattr(workbook_password, "_large_enough_to_encrypt", spy)
    out = tmp_path / "partenaire"
    out.mkdir()
    write_workbook(out / "liste.xlsx", [Sheet("Liste", [Column("n", "Nom")], [("Zoé",)])],
                   password=PASSWORD)
    folder, folder_mode = seen[0]
    assert Path(folder).parent == temporary
    assert folder_mode == 0o700
    assert seen[1] == ("plain", 0o600)
    assert list(temporary.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["liste.xlsx"]


def test_a_failed_encryption_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coachdesk.exports.workbook_password.encrypt_package", broken)
    out = tmp_path / "partenaire"
    out.mkdir()
    with pytest.raises(UserError):
        write_workbook(out / "liste.xlsx", [Sheet("Liste", [Column("n", "Nom")], [("Zoé",)])],
                       password=PASSWORD)
    assert list(out.iterdir()) == []
    assert list(temporary.iterdir()) == []


def test_proposed_passwords_are_strong_and_easy_to_dictate() -> None:
    words = password_words()
    assert len(words) >= 600
    assert all(word.isascii() and word.isalpha() and word.islower() for word in words)
    proposals = {propose_password() for _ in range(50)}
    assert len(proposals) == 50
    for proposal in list(proposals)[:10]:
        *chosen, number = proposal.split("-")
        assert len(chosen) == 5 and all(word in words for word in chosen)
        assert 10 <= int(number) <= 99
        assert password_weakness(proposal) is None
        assert check_password(proposal) == proposal


def test_a_weak_password_is_refused_in_french() -> None:
    with pytest.raises(UserError, match="trop facile à deviner"):
        check_password("motdepasse")
    with pytest.raises(UserError, match="au moins"):
        check_password("abc")


# --- LibreOffice ----------------------------------------------------------------------------


def _uno_missing() -> str | None:
    if not Path(SYSTEM_PYTHON).exists() or shutil.which("soffice") is None:
        return "LibreOffice (soffice) ou /usr/bin/python3 absent"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "python3-uno (l'API UNO de LibreOffice) n'est pas installé"
    return None


def _open_in_libreoffice(workbook: Path, password: str | None) -> dict[str, object]:
    missing = _uno_missing()
    if missing is not None:
        message = f"{missing} : lancez .ci/install-libreoffice"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    environment = dict(os.environ)
    arguments = [SYSTEM_PYTHON, str(UNO_SCRIPT), str(workbook), "Jeunes", "A2"]
    if password is not None:
        # Through the environment, as a coach's password would never be on a command line.
        environment["WORKBOOK_PASSWORD"] = password
        arguments.append("-")
    done = subprocess.run(arguments, capture_output=True, text=True, timeout=240,
                          env=environment, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_libreoffice_opens_it_with_the_password_and_not_without(weekly_protected: Path) -> None:
    opened = _open_in_libreoffice(weekly_protected, PASSWORD)
    assert opened["opened"] is True, opened
    # The first person's last name, as openpyxl reads it from msoffcrypto-tool's decryption.
    expected = openpyxl.load_workbook(decrypt(weekly_protected, PASSWORD))["Jeunes"]["A2"].value
    assert isinstance(expected, str) and expected
    assert opened["text"] == expected
    refused = _open_in_libreoffice(weekly_protected, None)
    assert refused["opened"] is False
    wrong = _open_in_libreoffice(weekly_protected, "tulipe-canard-violon-sapin-orage-48")
    assert wrong["opened"] is False
