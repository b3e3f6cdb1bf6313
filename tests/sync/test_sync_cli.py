"""``coachdesk server …`` and ``coachdesk --db L sync …``, as typed by coaches and admins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coachdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_coach_joins_syncs_and_reads_the_status_from_the_command_line(
    team_server: Any, demo_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = team_server.database_url
    code, out, err = run(capsys, "server", "init", "--database-url", url)
    assert code == 0 and out.startswith("Schéma de l'équipe à jour (révision s0021)"), err
    monkeypatch.setenv("COACHDESK_SERVER_DATABASE_URL", url)
    code, out, err = run(capsys, "server", "add-coach", "--name", "Camille Martin",
                         "--scope", "Mission Locale CLI", "--json")
    assert code == 0, err
    join_code = json.loads(out)["code"]
    # The demo, as "coachdesk --db poste.sqlite3 demo" writes it (tests/cli checks that command).
    laptop = demo_path
    code, out, err = run(capsys, "--db", str(laptop), "sync", "join", team_server.url, join_code)
    assert code == 0, err
    assert "a rejoint l'équipe « Équipe de test » (Mission Locale CLI, Camille Martin)" in out
    code, out, err = run(capsys, "--db", str(laptop), "sync", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["joined"] and status["pending"] == 0
    # The demo's people went to the team, in the coach's structure.
    from tests.sync.support import server_rows

    assert server_rows(team_server, "SELECT count(*) FROM participant p JOIN structure s "
                       "ON s.id = p.sync_structure_id WHERE s.name = 'Mission Locale CLI'"
                       )[0][0] == 275
    code, out, err = run(capsys, "--db", str(laptop), "sync", "--json")
    assert code == 0 and json.loads(out)["sent"] == 0
    code, out, err = run(capsys, "--db", str(laptop), "sync")
    assert code == 0 and out.startswith("Synchronisation terminée : 0 modification(s) envoyée(s)")
    code, out, err = run(capsys, "--db", str(laptop), "sync", "status")
    assert "0 modification(s) à envoyer" in out
    code, out, err = run(capsys, "--db", str(laptop), "sync", "conflicts")
    assert code == 0 and out == "Aucun conflit à examiner.\n"
    code, out, err = run(capsys, "--db", str(laptop), "sync", "resolve", "inconnu",
                         "--keep", "perdue")
    assert code == 1 and "Aucun conflit ouvert" in err


def test_an_unreachable_server_is_a_french_sentence_and_exit_1(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = demo_path
    code, _out, err = run(capsys, "--db", str(laptop), "sync", "join", "http://127.0.0.1:9",
                         "ABCD-EFGH-JKLM")
    assert code == 1
    assert err.startswith("Erreur : Le serveur de l'équipe (http://127.0.0.1:9) ne répond pas")
    assert "Traceback" not in err
    code, _out, err = run(capsys, "--db", str(laptop), "sync")
    assert code == 1 and "n'a pas rejoint d'équipe" in err
    code, _out, err = run(capsys, "server", "init")
    assert code == 1 and "Aucune base PostgreSQL" in err


def test_the_administrator_erases_moves_and_revokes_from_the_command_line(
    team_server: Any, laptop_factory: Any, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import text

    from coachdesk.sync import engine
    from tests.sync.support import add_person, person

    monkeypatch.setenv("COACHDESK_SERVER_DATABASE_URL", team_server.database_url)
    a = laptop_factory("Anne")
    moved = add_person(a, "Mobile", "Marie")
    erased = add_person(a, "Effacée", "Emma")
    engine.synchronise(a)
    code, _out, err = run(capsys, "server", "erase", erased)
    assert code == 1 and "--confirm" in err
    code, out, err = run(capsys, "server", "erase", erased, "--confirm")
    assert code == 0 and out.startswith("Personne effacée ; ordre d'effacement"), err
    code, out, err = run(capsys, "server", "move", moved, "--to", "Autre structure CLI")
    assert code == 0 and "Autre structure CLI" in out, err
    engine.synchronise(a)
    assert person(a, erased) is None and person(a, moved) is None
    code, _out, err = run(capsys, "server", "erase", erased, "--confirm")
    assert code == 1 and "Aucune personne" in err
    with a.read() as s:
        device = str(__import__("uuid").UUID(s.execute(text("SELECT device_id FROM sync_state"))
                                              .scalar()))
    code, out, err = run(capsys, "server", "revoke", device)
    assert code == 0 and "Poste retiré" in out
    code, _out, err = run(capsys, "server", "revoke", device)
    assert code == 1 and "Aucun poste actif" in err


def test_joining_with_a_promotion_named_like_the_teams_is_refused_in_french(
    team_server: Any, laptop_factory: Any, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A laptop's own promotion named like one of the team's: told which, nothing written."""
    from sqlalchemy import text

    from tests.sync.support import COHORT_PREFIX, add_person

    first = laptop_factory("Alice")
    add_person(first, cohort="Doublon")
    assert run(capsys, "--db", str(tmp_path / "Alice.sqlite3"), "sync")[0] == 0
    name = f"{COHORT_PREFIX[0]} Doublon"

    second = laptop_factory("Bruno", join=False)
    add_person(second, "Petit", "Noé", cohort="Doublon")
    with second.read() as s:
        before = s.execute(text("SELECT id, name FROM cohort")).all()
    second.dispose()
    code = team_server.add_coach("Bruno", "Mission Locale Sud")
    laptop = str(tmp_path / "Bruno.sqlite3")
    status, out, err = run(capsys, "--db", laptop, "sync", "join", team_server.url, code)
    assert status == 1, out
    assert err.startswith(
        f"Erreur : Impossible de rejoindre l'équipe : la promotion « {name} » de ce portable "
        "porte le même nom qu'une promotion de l'équipe. Rien n'a été modifié sur ce portable.")
    assert f"Renommez « {name} » sur ce portable" in err
    assert "avec le même code d'accès : il reste valable" in err
    assert "Traceback" not in err and "IntegrityError" not in err
    # Nothing was written: still not joined, the same promotion, the person still there.
    status, out, err = run(capsys, "--db", laptop, "sync")
    assert status == 1 and "n'a pas rejoint d'équipe" in err
    from coachdesk.db import open_database

    reopened = open_database(Path(laptop), create=False)
    try:
        with reopened.read() as s:
            assert s.execute(text("SELECT id, name FROM cohort")).all() == before
            assert s.execute(text("SELECT count(*) FROM participant")).scalar() == 1
            assert s.execute(text("SELECT count(*) FROM sync_state")).scalar() == 0
            assert s.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == 0
    finally:
        reopened.dispose()
    # The code was given back: once the promotion is renamed, the same code joins.
    status, out, err = run(capsys, "--db", laptop, "cohort", "edit", name,
                           "--name", "Promotion de Bruno")
    assert status == 0, err
    status, out, err = run(capsys, "--db", laptop, "sync", "join", team_server.url, code)
    assert status == 0, err
    # Used, the code cannot serve a third time.
    other = str(tmp_path / "Autre.sqlite3")
    status, out, err = run(capsys, "--db", other, "sync", "join", team_server.url, code)
    assert status == 1 and "a déjà servi" in err
