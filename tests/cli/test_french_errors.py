"""Every path, every date, every encoding given to a command: a French sentence and exit code
1 when it cannot be used, and never a partial file left behind.

Run as a coach would (real processes); after each command the whole folder is compared with
what it held before.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests import mounts

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "contacts"


def run(db: Path, *args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", db, *args],
        capture_output=True, text=True, encoding="utf-8", errors="backslashreplace",
        stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT,
        env={**base, "COACHDESK_HOME": str(home), "PYTHONPATH": str(ROOT)},
    )


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but CoachDesk's home, with its content."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "home" not in p.relative_to(folder).parts
    }


def assert_refused_in_french(result: subprocess.CompletedProcess[str], said: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : "), result.stderr
    assert said in result.stderr, result.stderr
    for english in ("Traceback", "inattendue", "sqlalche.me", "http", "Errno", "(sqlite3"):
        assert english not in result.stderr, result.stderr


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "base"
    folder.mkdir()
    path = folder / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def _person(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return str(connection.execute("SELECT id FROM participant LIMIT 1").fetchone()[0])


OUTPUTS = {
    "export": (["export", "weekly", "--week", "2010-W25", "--out"], "hebdo.xlsx"),
    "print sheets": (["print", "interview-sheets", "--week", "2010-W20", "--out"], "fiches.pdf"),
    "print calendar": (["print", "interview-calendar", "--week", "2010-W20", "--out"],
                       "entretiens.ics"),
    "agenda ics": (["agenda", "--week", "2010-W28", "--ics"], "agenda.ics"),
    "backup": (["backup", "--out"], "copie.sqlite3"),
    "access": (["gdpr", "access", "{person}", "--out"], "fiche.xlsx"),
}


def _output_args(name: str, db: Path, target: Path) -> list[str]:
    args, _file = OUTPUTS[name]
    return [a.replace("{person}", _person(db)) for a in args] + [str(target)]


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_output_that_is_a_folder(demo: Path, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "Exports"
    folder.mkdir()
    args = _output_args(name, demo, folder)
    before = files(tmp_path)
    result = run(demo, *args, home=tmp_path / "home")
    assert_refused_in_french(result, f"« {folder} » est un dossier : indiquez le nom du fichier")
    assert files(tmp_path) == before


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_output_in_a_missing_folder(demo: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / "absent" / OUTPUTS[name][1]
    args = _output_args(name, demo, target)
    before = files(tmp_path)
    result = run(demo, *args, home=tmp_path / "home")
    assert_refused_in_french(
        result, f"Impossible d'écrire « {target.name} » : le dossier « {target.parent} » "
        "n'existe pas."
    )
    assert not target.parent.exists()
    assert files(tmp_path) == before


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_output_in_a_read_only_folder(demo: Path, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "Lecture seule"
    folder.mkdir()
    target = folder / OUTPUTS[name][1]
    args = _output_args(name, demo, target)
    before = files(tmp_path)
    with mounts.read_only(folder):
        result = run(demo, *args, home=tmp_path / "home")
    assert_refused_in_french(result, f"le dossier « {folder} » est en lecture seule")
    assert files(tmp_path) == before


BAD_DATES = [
    (["report", "funnel", "--as-of", "9999-12-31"], "La date « 9999-12-31 » est hors des dates"),
    (["report", "funnel", "--as-of", "0001-01-01"], "La date « 0001-01-01 » est hors des dates"),
    (["report", "funnel", "--as-of", "2010-02-30"], "Date « 2010-02-30 » non reconnue"),
    (["report", "funnel", "--as-of", "n'importe quoi"], "Date « n'importe quoi » non reconnue"),
    (["agenda", "--week", "9999-W52"], "La semaine « 9999-W52 » est hors des dates"),
    (["agenda", "--week", "2010-W99"], "La semaine « 2010-W99 » n'existe pas"),
    (["agenda", "--week", "n'importe quoi"], "Semaine « n'importe quoi » non reconnue"),
    (["export", "weekly", "--out", "{out}", "--week", "9999-W52"],
     "La semaine « 9999-W52 » est hors des dates"),
    (["export", "weekly", "--out", "{out}", "--week", "2010-W99"],
     "La semaine « 2010-W99 » n'existe pas"),
    (["export", "progress-note", "--out", "{out}", "--as-of", "9999-12-31"],
     "La date « 9999-12-31 » est hors des dates"),
    (["print", "interview-sheets", "--week", "9999-W52", "--out", "{out}"],
     "La semaine « 9999-W52 » est hors des dates"),
    (["print", "interview-calendar", "--week", "2010-W99", "--out", "{out}"],
     "La semaine « 2010-W99 » n'existe pas"),
    (["gdpr", "purge", "--preview", "--today", "9999-12-31"],
     "La date « 9999-12-31 » est hors des dates"),
    (["gdpr", "purge", "--preview", "--years", "999999"], "Durée « 999999 » non reconnue"),
]


@pytest.mark.parametrize(("args", "said"), BAD_DATES,
                         ids=[" ".join(a for a in args if a != "{out}") for args, _ in BAD_DATES])
def test_impossible_dates_are_refused_in_french(
    demo: Path, tmp_path: Path, args: list[str], said: str
) -> None:
    out = tmp_path / "sortie.xlsx"
    before = files(tmp_path)
    result = run(demo, *[a.replace("{out}", str(out)) for a in args], home=tmp_path / "home")
    assert_refused_in_french(result, said)
    assert files(tmp_path) == before


def _damage(path: Path) -> None:
    """Scramble the middle of the file: the header and the schema still read."""
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    for index in range(len(data) // 6, len(data) // 2):
        data[index] = rng.randrange(256)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "args",
    [
        ["report", "funnel"],
        ["agenda", "--week", "2010-W20"],
        ["export", "weekly", "--week", "2010-W20", "--out", "{out}"],
        ["gdpr", "missing-consent"],
        ["import", "contacts", str(SAMPLES / "mission_locale_utf8_bom.csv")],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_damaged_database_is_a_french_sentence(
    demo: Path, tmp_path: Path, args: list[str]
) -> None:
    _damage(demo)
    out = tmp_path / "hebdo.xlsx"
    before = files(tmp_path)
    result = run(demo, *[a.replace("{out}", str(out)) for a in args], home=tmp_path / "home")
    assert_refused_in_french(result, f"La base de données « {demo} » est illisible ou endommagée")
    assert files(tmp_path) == before
    assert not (tmp_path / "home" / "log").exists() or not list(
        (tmp_path / "home" / "log").glob("rapport-erreur-*")
    )


@pytest.mark.parametrize(
    "args",
    [
        ["export", "weekly", "--week", "2010-W25", "--out", "{out}"],
        ["backup", "--out", "{out}"],
        ["gdpr", "access", "{person}", "--out", "{out}"],
        ["import", "contacts", str(SAMPLES / "mission_locale_utf8_bom.csv")],
        ["gdpr", "erase", "{person}", "--confirm"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_read_only_database_is_refused_and_nothing_is_written(
    demo: Path, tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "sortie.xlsx"
    person = _person(demo)
    before = files(tmp_path)
    with mounts.read_only(demo):
        result = run(
            demo,
            *[a.replace("{out}", str(out)).replace("{person}", person) for a in args],
            home=tmp_path / "home",
        )
        reading = run(demo, "report", "funnel", home=tmp_path / "home")
    assert_refused_in_french(result, "CoachDesk n'a pas le droit d'écrire")
    assert "lecture seule" in result.stderr
    assert reading.returncode == 0, reading.stderr  # reading it still works
    assert not out.exists()
    after = files(tmp_path)
    # SQLite may leave its (empty) shared-memory index beside the database; nothing else.
    assert {k: v for k, v in after.items() if not k.endswith(("-shm", "-wal"))} == before


def _non_utf8(folder: Path, name: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    try:
        path.write_bytes(b"")
        path.unlink()
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return path


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_paths_that_are_not_utf8_work(demo_template: Path, tmp_path: Path) -> None:
    db = _non_utf8(tmp_path, b"base-\xe9t\xe9.sqlite3")  # Latin-1 bytes from an old USB key
    shutil.copyfile(demo_template, db)
    out = _non_utf8(tmp_path, b"hebdo-\xe9t\xe9.xlsx")
    contacts = _non_utf8(tmp_path, b"liste-\xe9t\xe9.csv")
    shutil.copyfile(SAMPLES / "mission_locale_cp1252.csv", contacts)
    home = tmp_path / "home"
    exported = run(db, "export", "weekly", "--week", "2010-W25", "--out", out, home=home)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"PK")
    assert "Export écrit : " in exported.stdout
    imported = run(db, "import", "contacts", contacts, "--provenance", "mission_locale",
                   "--cohort", "Promotion ML", home=home)
    assert imported.returncode == 0, imported.stderr
    assert "3 personnes importées" in imported.stdout
    with closing(sqlite3.connect(db)) as connection:
        sources = {row[0] for row in connection.execute(
            "SELECT DISTINCT source_file FROM participant WHERE source_file LIKE 'liste-%'")}
        exports = {row[0] for row in connection.execute("SELECT file_name FROM export_log")}
    # Stored as text: each byte that was not UTF-8 shows as "�".
    assert sources == {"liste-\ufffdt\ufffd.csv"}
    assert "hebdo-\ufffdt\ufffd.xlsx" in exports
    assert not list(tmp_path.rglob("*.partiel"))


@pytest.mark.parametrize("sample", ["mission_locale_cp1252.csv", "mission_locale_utf8_bom.csv"])
def test_csv_in_windows_encoding_or_with_a_bom_is_read(
    demo: Path, tmp_path: Path, sample: str
) -> None:
    result = run(demo, "import", "contacts", SAMPLES / sample, "--provenance",
                 "mission_locale", "--cohort", "Promotion ML", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(demo)) as connection:
        names = {row[0] for row in connection.execute(
            "SELECT last_name FROM participant WHERE source_file = ?", (sample,))}
    assert names and all("Ã" not in name and "\ufffd" not in name for name in names)
