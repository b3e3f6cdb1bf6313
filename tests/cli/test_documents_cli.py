"""Documents from the command line, and the viewer copies a crashed window left behind, gone
when CoachDesk starts again: real processes, real files."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from coachdesk.db import open_database
from coachdesk.models import Contract
from tests.cli.test_cli import coachdesk

PDF = b"%PDF-1.4\n% CANARY-CLI-DOCUMENT\n%%EOF\n"


def test_add_list_get_and_refusals(demo_path: Path, tmp_path: Path) -> None:
    database = open_database(demo_path)
    with database.read() as session:
        person, contract = session.execute(
            select(Contract.participant_id, Contract.id).limit(1)).one()
    database.dispose()
    scan = tmp_path / "CERFA signé.pdf"
    scan.write_bytes(PDF)

    added = coachdesk("--db", demo_path, "documents", "add", scan, "--contrat", contract)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Document ajouté : « CERFA signé.pdf » (")
    listed = coachdesk("--db", demo_path, "documents", "list", "--personne", person, "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["nom"], row["type"], row["taille"], row["ajoute_le"], row["rattache_a"]) == (
        "CERFA signé.pdf", "PDF", len(PDF), "2010-12-31", "Contrat")

    out = tmp_path / "copie.pdf"
    got = coachdesk("--db", demo_path, "documents", "get", row["id"], "--out", out)
    assert got.returncode == 0, got.stderr
    assert out.read_bytes() == PDF
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    wrong = tmp_path / "programme.exe"
    wrong.write_bytes(b"MZ\x90\x00")
    refused = coachdesk("--db", demo_path, "documents", "add", wrong, "--personne", person)
    assert refused.returncode == 1
    assert "Le fichier « programme.exe » (« .exe ») n'est pas d'un type que CoachDesk garde." \
        in refused.stderr
    big = tmp_path / "gros.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-")
        handle.truncate(25 * 1024 * 1024)
    refused = coachdesk("--db", demo_path, "documents", "add", big, "--personne", person)
    assert refused.returncode == 1
    assert "« gros.pdf » pèse 25,0 Mo" in refused.stderr and "20 Mo" in refused.stderr
    missing = coachdesk("--db", demo_path, "documents", "get", "pas-un-document", "--out",
                        tmp_path / "x.pdf")
    assert missing.returncode == 1 and "n'existe plus" in missing.stderr
    for result in (refused, missing):
        assert "Traceback" not in result.stderr

    # The right of access from the command line writes the documents beside the workbook.
    access = coachdesk("--db", demo_path, "gdpr", "access", person, "--out",
                       tmp_path / "acces.xlsx", "--no-password")
    assert access.returncode == 0, access.stderr
    assert f"Documents de la personne : {tmp_path / 'acces-documents'} (1 fichier(s))" \
        in access.stdout
    (copy,) = (tmp_path / "acces-documents").iterdir()
    assert copy.read_bytes() == PDF and copy.name == f"document-{row['id'][:8]}.pdf"


def test_copies_left_by_a_crashed_window_go_when_coachdesk_starts(tmp_path: Path) -> None:
    home = tmp_path / "home"
    crashed = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True).stdout.strip()
    left = home / "cache" / "documents-ouverts" / crashed
    left.mkdir(parents=True)
    (left / "document-0badf00d.pdf").write_bytes(PDF)

    result = coachdesk("--demo", "--exit-when-ready",
                       env={"COACHDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    # Nothing of the window's own session is left either.
    assert not (home / "cache" / "documents-ouverts").exists()
