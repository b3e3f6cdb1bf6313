"""The shipped ROME list: read offline, searched without accents, cached after first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.errors import UserError
from coachdesk.paths import resource
from coachdesk.services import rome


def test_shipped_list_with_source_and_licence() -> None:
    jobs = rome.rome_jobs()
    assert len(jobs) == 1584
    assert jobs["M1607"].label == "Secrétaire"
    assert jobs["M1607"].family == "M16"
    source = resource("rome", "SOURCE.md").read_text(encoding="utf-8")
    assert "France Travail" in source and "Licence Ouverte" in source
    assert "MIT License" in resource("rome", "LICENSE-packaging.txt").read_text(encoding="utf-8")


def test_search_ignores_accents_and_case() -> None:
    found = [job.code for job in rome.search_rome("SECRETAIRE")]
    assert "M1607" in found
    labels = [job.label for job in rome.search_rome("bucheron")]
    assert "Bûcheron / Bûcheronne" in labels
    # A code prefix lists that family first.
    assert all(job.code.startswith("M16") for job in rome.search_rome("m16")[:5])


def test_check_code_names_the_field() -> None:
    assert rome.check_rome_code(" m1607 ") == "M1607"
    with pytest.raises(UserError, match="Code ROME de l'offre : « Z9999 »"):
        rome.check_rome_code("Z9999", field="Code ROME de l'offre")


def test_list_is_cached_and_not_read_at_import() -> None:
    assert rome.rome_jobs() is rome.rome_jobs()
    code = (
        "import sys, coachdesk.services.rome as r\n"
        "assert r.rome_jobs.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_bad_update_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rome.csv"
    path.write_text("code,libelle\nM1607,Secrétaire\n12345,Rien\n", encoding="utf-8")
    with pytest.raises(UserError, match="ligne 3"):
        rome.load_rome_file(path)
