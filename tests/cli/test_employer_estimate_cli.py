"""``coachdesk print employer-estimate`` on the demo: the one-page PDF a coach gives the
employer, its figures read back from the PDF's text."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pypdf


def _run(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachdesk", "--db", str(db_path), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def _contract(db_path: Path, pay_cents: int, start: str) -> str:
    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT id FROM contract WHERE gross_monthly_pay_cents = ? AND start_date = ? "
            "ORDER BY id LIMIT 1", (pay_cents, start)).fetchone()
    assert row is not None
    return str(row[0])


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text().replace("\u202f", " ")


def test_a_young_persons_contract_net_of_the_2009_decree_aid(
    demo_path: Path, tmp_path: Path
) -> None:
    contract = _contract(demo_path, 107_600, "2010-06-01")
    out = tmp_path / "estimation.pdf"
    done = _run(demo_path, "print", "employer-estimate", contract, "--out", str(out))
    assert done.returncode == 0, done.stderr
    stdout = done.stdout.replace("\u202f", " ")
    # 1 076,00 € gross + 13 % = 1 215,88 € a month, 11 months, minus the 1 000 € of the
    # decree (a young person with the bac, hired before 30/06/2010).
    assert stdout.startswith(
        "Coût estimé sur 11 mois : 13 374,68 €, moins 1 000,00 € d'aides à l'embauche, soit "
        "12 374,68 € (1 124,97 € par mois en moyenne).")
    assert "AIDE_JEUNE_2009_BAC : 1 000,00 €" in stdout
    text = _text(out)
    assert "Estimation du coût d'un contrat de professionnalisation" in text
    assert "du 01/06/2010 au 30/04/2011, soit 11 mois" in text
    assert "- 1 000,00 €" in text and "décret n° 2009-694" in text
    assert "12 374,68 €" in text and "1 124,97 €" in text
    assert "vérifiez-les avant de vous engager" in text.replace("\n", " ")


def test_an_adult_job_seeker_counts_the_afe_only_when_said(
    demo_path: Path, tmp_path: Path
) -> None:
    contract = _contract(demo_path, 134_377, "2010-06-07")
    plain = _run(demo_path, "print", "employer-estimate", contract, "--out",
                 str(tmp_path / "a.pdf"))
    assert plain.returncode == 0, plain.stderr
    assert "sans aide à l'embauche comptée" in plain.stdout
    assert "AFE_2008" in plain.stdout.split("à vérifier")[1]
    seeker = _run(demo_path, "print", "employer-estimate", contract, "--job-seeker", "--out",
                  str(tmp_path / "b.pdf"))
    assert seeker.returncode == 0, seeker.stderr
    assert "AFE_2008 : 2\u202f000,00 €" in seeker.stdout
    assert "Aide forfaitaire à l'employeur" in _text(tmp_path / "b.pdf")


def test_an_unknown_contract_is_said_in_french(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    done = _run(demo_path, "print", "employer-estimate", "inconnu", "--out", str(out))
    assert done.returncode == 1
    assert "Aucun contrat n'a l'identifiant « inconnu »." in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
