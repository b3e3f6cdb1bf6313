"""The domain never imports Qt; the command line stays light until a command needs more."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import coachdesk.exports
import coachdesk.models
import coachdesk.services


def _modules(package: object) -> list[str]:
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(package.__path__, prefix)]  # type: ignore[attr-defined]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_models_services_and_exports_import_no_qt() -> None:
    modules = [
        *_modules(coachdesk.models),
        *_modules(coachdesk.services),
        *_modules(coachdesk.exports),
    ]
    assert "coachdesk.services.funnel" in modules and "coachdesk.models.contracts" in modules
    loaded = _loaded_after_import(modules)
    assert not {name for name in loaded if name.startswith("PySide6")}


def test_command_line_parser_imports_neither_database_nor_spreadsheet_libraries() -> None:
    loaded = _loaded_after_import(["coachdesk.cli"])
    code = "from coachdesk.cli import build_parser; build_parser()"
    subprocess.run([sys.executable, "-c", code], check=True)
    heavy = {"sqlalchemy", "openpyxl", "alembic", "xlsxwriter", "PySide6"}
    assert not heavy & {name.split(".")[0] for name in loaded}


def test_window_modules_leave_the_database_stack_for_after_the_first_paint() -> None:
    """Start-up stays close to a bare Qt window: the database stack loads after the paint."""
    loaded = _loaded_after_import(
        ["coachdesk.cli", "coachdesk.app", "coachdesk.ui.app_window.main_window"]
    )
    heavy = {"sqlalchemy", "openpyxl", "alembic", "xlsxwriter", "reportlab", "sqlcipher3"}
    assert not heavy & {name.split(".")[0] for name in loaded}
