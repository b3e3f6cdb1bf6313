"""The command line's help and usage errors are French, argparse's own words included."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]

# argparse's English, as a coach would otherwise read it.
ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:",
           "show this help message", "show program's version", "error:", "the following",
           "required:", "unrecognized", "invalid choice", "expected one argument",
           "choose from", "ambiguous option")


def coachdesk(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", *args], capture_output=True, text=True,
        encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT,
        env={**base, "COACHDESK_HOME": str(home), "PYTHONPATH": str(ROOT)},
    )


def no_english(text: str) -> None:
    found = [word for word in ENGLISH if word in text]
    assert not found, f"English left {found} in:\n{text}"


def test_the_help_of_the_program_and_of_a_command_is_french(tmp_path: Path) -> None:
    main = coachdesk("--help", home=tmp_path)
    assert main.returncode == 0 and main.stderr == ""
    assert main.stdout.startswith("utilisation : coachdesk [-h] [--db CHEMIN]")
    assert "\narguments :\n" in main.stdout and "\noptions :\n" in main.stdout
    assert "-h, --help         afficher cette aide et quitter" in main.stdout
    assert "--version          afficher la version de CoachDesk et quitter" in main.stdout
    no_english(main.stdout)
    export = coachdesk("export", "--help", home=tmp_path)
    assert export.returncode == 0
    assert export.stdout.startswith("utilisation : coachdesk export [-h] EXPORT ...")
    assert "contracts    la liste des contrats pour l'OPCO ou France Travail" in export.stdout
    no_english(export.stdout)
    weekly = coachdesk("export", "weekly", "--help", home=tmp_path)
    assert weekly.returncode == 0 and "--week AAAA-Wss" in weekly.stdout
    no_english(weekly.stdout)


@pytest.mark.parametrize(("args", "said"), [
    (["--bogus"], "coachdesk : erreur d'utilisation : arguments non reconnus : --bogus"),
    (["export", "weekly"], "coachdesk export weekly : erreur d'utilisation : ces arguments "
                           "sont obligatoires : --out"),
    (["import", "contacts"], "coachdesk import contacts : erreur d'utilisation : ces "
                             "arguments sont obligatoires : FICHIER"),
    (["agenda", "--week"], "coachdesk agenda : erreur d'utilisation : argument --week : une "
                           "valeur est attendue"),
    (["export", "nothing"], "coachdesk export : erreur d'utilisation : argument EXPORT : "
                            "choix non valable : 'nothing' (choisissez parmi 'weekly', "),
])
def test_a_wrong_option_or_a_missing_argument_is_said_in_french(
    tmp_path: Path, args: list[str], said: str
) -> None:
    result = coachdesk(*args, home=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("utilisation : coachdesk")
    assert said in result.stderr
    assert "Traceback" not in result.stderr
    no_english(result.stderr)


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found.extend(_parsers(sub))
    return found


def test_every_command_s_help_is_french() -> None:
    parsers = _parsers(build_parser())
    assert len(parsers) > 20
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("utilisation : "), parser.prog
        no_english(text)


def test_argparse_is_french_only_for_coachdesk(capsys: pytest.CaptureFixture[str]) -> None:
    build_parser().format_help()
    other = argparse.ArgumentParser(prog="autre")
    other.add_argument("x")
    assert other.format_usage().startswith("usage: autre")
