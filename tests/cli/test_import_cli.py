"""``coachdesk --db PATH import contacts FILE``: run as a coach would, then look in the database."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from coachdesk.db import open_database

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "contacts"


def coachdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def stored(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_json_report_then_second_import_imports_nobody(tmp_path: Path):
    db = tmp_path / "coachdesk.sqlite3"
    first = coachdesk(db, "import", "contacts", str(SAMPLES / "universite_2010.xlsx"),
                      "--cohort", "Promo 2010", "--json", "--create")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["imported"] == 6 and report["duplicates"] == 1
    assert report["rejected"] == [
        {"row": 8, "reason": "Ligne sans le nom : non importée."},
        {"row": 13, "reason": "Ligne sans le nom et le prénom : non importée."},
    ]
    assert {"row": 10, "field": "Tél.", "value": "12",
            "message": "Numéro de téléphone invalide : gardé tel quel, à vérifier."
            } in report["warnings"]
    assert stored(db, "SELECT count(*) FROM participant") == [(6,)]
    assert stored(db, "SELECT name FROM cohort") == [("Promo 2010",)]
    assert stored(db, "SELECT phone FROM participant WHERE last_name = 'DUPONT'") == [
        ("06 12 34 56 78",)
    ]

    second = coachdesk(db, "import", "contacts", str(SAMPLES / "universite_2010.xlsx"),
                       "--json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["imported"] == 0
    assert json.loads(second.stdout)["duplicates"] == 7
    assert stored(db, "SELECT count(*) FROM participant") == [(6,)]


def test_french_summary_and_dry_run(tmp_path: Path):
    db = tmp_path / "coachdesk.sqlite3"
    open_database(db, create=True).dispose()
    result = coachdesk(db, "import", "contacts", str(SAMPLES / "mission_locale_cp1252.csv"),
                       "--dry-run", "--provenance", "mission_locale")
    assert result.returncode == 0, result.stderr
    assert "3 personnes seraient importées" in result.stdout
    assert "rien n'a été enregistré" in result.stdout
    assert stored(db, "SELECT count(*) FROM participant") == [(0,)]


def test_unreadable_file_exits_1_with_a_french_message(tmp_path: Path):
    db = tmp_path / "coachdesk.sqlite3"
    coachdesk(db, "import", "contacts", str(SAMPLES / "export_tabulations.csv"), "--create")
    before = stored(db, "SELECT id, updated_at FROM participant ORDER BY id")
    bad = tmp_path / "liste.csv"
    bad.write_text("Liste des jeunes\nA;B;C\n1;2;3\n", encoding="utf-8")
    result = coachdesk(db, "import", "contacts", str(bad))
    assert result.returncode == 1
    assert "Aucune colonne « Nom » et « Prénom »" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert stored(db, "SELECT id, updated_at FROM participant ORDER BY id") == before


def test_unknown_provenance_is_refused(tmp_path: Path):
    db = tmp_path / "coachdesk.sqlite3"
    result = coachdesk(db, "import", "contacts", str(SAMPLES / "export_tabulations.csv"),
                       "--provenance", "facebook", "--create")
    assert result.returncode == 1
    assert "Provenance inconnue" in result.stderr
    assert stored(db, "SELECT count(*) FROM cohort") == [(0,)]


def test_xls_and_ods_copies_import_like_the_workbook(tmp_path: Path):
    for suffix in (".xls", ".ods"):
        db = tmp_path / f"base{suffix}.sqlite3"
        result = coachdesk(db, "import", "contacts", str(SAMPLES / f"universite_2010{suffix}"),
                           "--cohort", "Promo 2010", "--create")
        assert result.returncode == 0, result.stderr
        assert f"Fichier « universite_2010{suffix} », feuille « Décrocheurs L1 » : titres de " \
               "colonnes en ligne 3, 10 lignes de données." in result.stdout
        assert "6 personnes importées, 1 doublon, 2 lignes rejetées, 1 ligne vide ignorée, " \
               "3 avertissements." in result.stdout
        assert stored(db, "SELECT phone FROM participant WHERE last_name = 'DUPONT'") == [
            ("06 12 34 56 78",)
        ]


def test_counts_are_said_as_a_french_reader_reads_them(tmp_path: Path):
    """One of a kind in the singular, thousands grouped (a narrow no-break space)."""
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom\n" + "".join(f"Nom{i};Prénom{i}\n" for i in range(1234)),
                    encoding="utf-8")
    result = coachdesk(tmp_path / "base.sqlite3", "import", "contacts", str(path), "--create")
    assert result.returncode == 0, result.stderr
    assert "titres de colonnes en ligne 1, 1\u202f234 lignes de données." in result.stdout
    assert ("1\u202f234 personnes importées, 0 doublon, 0 ligne rejetée, 0 ligne vide ignorée, "
            "0 avertissement.") in result.stdout


def test_missing_database_is_created_only_when_asked(tmp_path: Path):
    db = tmp_path / "nouvelle.sqlite3"
    refused = coachdesk(db, "import", "contacts", str(SAMPLES / "export_tabulations.csv"))
    assert refused.returncode == 1
    assert f"La base de données « {db} » n'existe pas." in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not db.exists() and list(tmp_path.iterdir()) == []
    created = coachdesk(db, "import", "contacts", str(SAMPLES / "export_tabulations.csv"),
                        "--create")
    assert created.returncode == 0, created.stderr
    assert stored(db, "SELECT count(*) FROM participant") != [(0,)]
