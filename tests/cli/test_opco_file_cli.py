"""``coachdesk print opco-file`` on the demo: every CERFA field of a contract, as a PDF and an
encrypted workbook, and the French refusals."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import msoffcrypto
import openpyxl
import pypdf

PASSWORD = "girafe-cuivre-tambour-58"


def _run(db_path: Path, *args: str, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachdesk", "--db", str(db_path), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, **(env or {})})


def _contract(db_path: Path) -> str:
    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT id FROM contract ORDER BY start_date, id LIMIT 1").fetchone()
    connection.close()
    assert row is not None
    text = str(row[0])
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def test_the_opco_file_as_a_pdf_and_a_protected_workbook(demo_path: Path, tmp_path: Path
                                                         ) -> None:
    pdf, xlsx = tmp_path / "dossier.pdf", tmp_path / "dossier.xlsx"
    done = _run(demo_path, "print", "opco-file", _contract(demo_path), "--pdf", str(pdf),
                "--xlsx", str(xlsx), "--password-prompt",
                env={"COACHDESK_EXPORT_PASSWORD": PASSWORD})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Dossier OPCO écrit dans {pdf} (protégé par mot de passe).",
        f"Dossier OPCO écrit dans {xlsx} (protégé par mot de passe).",
        "Tous les champs demandés par le formulaire sont remplis.",
    ]
    for written in (pdf, xlsx):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    reader = pypdf.PdfReader(pdf)
    # The PDF holds the NIR too: encrypted, unreadable without the password.
    assert reader.is_encrypted and b"Nom et pr" not in pdf.read_bytes()
    assert reader.decrypt("mauvais mot de passe").name == "NOT_DECRYPTED"
    assert reader.decrypt(PASSWORD).name != "NOT_DECRYPTED"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "1. Nom et prénom ou dénomination" in text
    assert "86. N° Adhérent de l'employeur à l'OPCO s'il existe" in text
    plain = io.BytesIO()
    with xlsx.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=PASSWORD)
        office.decrypt(plain)
    workbook = openpyxl.load_workbook(plain, read_only=True)
    try:
        numbers = [row[1] for row in workbook.active.iter_rows(values_only=True)
                   if isinstance(row[1], int)]
    finally:
        workbook.close()
    assert numbers == list(range(1, 87))


def test_refusals_in_french(demo_path: Path, tmp_path: Path) -> None:
    nothing = _run(demo_path, "print", "opco-file", _contract(demo_path))
    assert nothing.returncode == 1
    assert "Indiquez au moins un fichier à écrire : --pdf FICHIER.pdf ou --xlsx " \
        "FICHIER.xlsx." in nothing.stderr
    unknown = _run(demo_path, "print", "opco-file", "inconnu", "--pdf",
                   str(tmp_path / "x.pdf"))
    assert unknown.returncode == 1
    assert "Aucun contrat n'a l'identifiant « inconnu »." in unknown.stderr
    assert "Traceback" not in unknown.stderr + nothing.stderr
    assert not (tmp_path / "x.pdf").exists()
