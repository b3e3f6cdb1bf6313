"""What the bundle is built from: the spec ships every resource, ICU keeps the French data,
portable mode moves every folder beside the program. (.ci/bundle-check runs the built bundle.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import trim_icu  # noqa: E402  (packaging/ is not a package: the spec imports it the same way)


def _spec_resource_files() -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "coachdesk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RESOURCE_FILES":
            return list(ast.literal_eval(node.value))
    raise AssertionError("RESOURCE_FILES not found in coachdesk.spec")


def test_spec_lists_every_resource_the_application_reads() -> None:
    resources = ROOT / "resources"
    shipped = {
        path.relative_to(resources).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and path.suffix != ".ts"  # .ts are translation sources, compiled to .qm
    }
    listed = set(_spec_resource_files())
    assert listed <= shipped, f"listed but absent: {listed - shipped}"
    # Every file but the PNG renders of other sizes (build inputs for the .ico) is shipped.
    unlisted = {name for name in shipped - listed if not name.startswith("icons/coachdesk-")}
    assert not unlisted, f"add to RESOURCE_FILES in packaging/coachdesk.spec: {sorted(unlisted)}"


@pytest.mark.parametrize(
    ("item", "dropped"),
    [
        ("fr.res", False),
        ("fr_CA.res", False),
        ("coll/fr.res", False),
        ("en_GB.res", False),
        ("root.res", False),
        ("pool.res", False),
        ("coll/res_index.res", False),
        ("coll/ucadata.icu", False),
        ("brkitr/line.brk", False),
        ("supplementalData.res", False),
        ("zoneinfo64.res", False),
        ("ibm-5348_P100-1997.cnv", False),  # windows-1252
        ("de.res", True),
        ("coll/zh.res", True),
        ("zone/sr_Latn.res", True),
        ("coll/de_.res", True),
        ("brkitr/cjdict.dict", True),
        ("gb18030.cnv", True),
        ("unames.icu", True),
    ],
)
def test_icu_trim_keeps_french_english_and_shared_data(item: str, dropped: bool) -> None:
    assert trim_icu.is_dropped(item) is dropped


def test_portable_marker_moves_every_folder_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk import paths

    program = tmp_path / "CoachDesk sur la clé" / "coachdesk"
    program.parent.mkdir()
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.delenv("COACHDESK_HOME", raising=False)
    monkeypatch.delenv("COACHDESK_DB", raising=False)
    (program.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")

    inside = program.parent / "CoachDesk-donnees"
    assert paths.default_db_path() == inside / "data" / paths.DB_FILE_NAME
    for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir(), paths.log_dir()):
        assert folder.parent == inside and folder.is_dir()

    (program.parent / paths.PORTABLE_MARKER).unlink()
    assert paths.portable_root() is None


def test_diagnostic_reports_folders_resources_and_french_translations(tmp_path: Path) -> None:
    import json
    import os

    env = {**os.environ, "COACHDESK_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "coachdesk", "diagnostic", "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["mode"] == "COACHDESK_HOME"
    assert report["database"] == str(tmp_path / "home" / "data" / "coachdesk.sqlite3")
    assert report["frozen"] is False
    assert all(report["resources"].values()) and len(report["resources"]) == 6
    assert report["translations"] == {"qtbase_fr": True, "coachdesk_fr": True}

    text = subprocess.run(
        [sys.executable, "-m", "coachdesk", "diagnostic"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert text.returncode == 0
    assert "Mode : COACHDESK_HOME" in text.stdout and "qtbase_fr : oui" in text.stdout


def test_diagnostic_fails_in_french_when_a_resource_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from coachdesk import paths
    from coachdesk.cli import main

    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "vide")
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["diagnostic"]) == 1
    assert "rome/rome_codes.csv : NON" in out.getvalue()
    assert "Installation incomplète" in err.getvalue()
