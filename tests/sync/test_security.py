"""Who may see what: row-level security, device tokens, join codes, the team's key."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from coachdesk.models import Participant
from coachdesk.sync import engine
from coachdesk.sync.client import HttpTransport, SyncError
from tests.sync.support import add_person, server_rows


def server_rows_ids(team: Any) -> set[str]:
    return {str(r[0]) for r in server_rows(team, "SELECT id FROM participant")}


def test_a_coach_cannot_pull_another_structures_people(team_server: Any,
                                                        laptop_factory: Any) -> None:
    north = laptop_factory("Nadia", structure="Mission Locale Nord")
    south = laptop_factory("Sami", structure="Mission Locale Sud")
    mine = add_person(north, "Nord", "Nina")
    theirs = add_person(south, "Sud", "Sacha", cohort="Sud")
    engine.synchronise(north)
    engine.synchronise(south)
    engine.synchronise(north)
    with north.read() as s:
        assert s.execute(select(Participant.id)).scalars().all() == [mine]
    with south.read() as s:
        assert s.execute(select(Participant.id)).scalars().all() == [theirs]
    # Even a pull from the very beginning, by hand, returns nothing of the other structure.
    with north.read() as s:
        token = s.execute(text("SELECT device_token FROM sync_state")).scalar()
    transport = HttpTransport(team_server.url)
    try:
        from coachdesk.db import HEAD_REVISION

        page = json.loads(transport.request("GET", "/pull", token=token, schema=HEAD_REVISION,
                                            query={"cursor": 0}))
        snap = json.loads(transport.request(
            "GET", "/snapshot", token=token, schema=HEAD_REVISION,
            query={"table": "participant", "after": "", "limit": 1000}))
    finally:
        transport.close()
    pulled = {row["id"] for row in page["tables"].get("participant", [])}
    assert theirs not in pulled and mine in pulled
    assert theirs not in {row["id"] for row in snap["rows"]}
    # Team-wide rows (promotions) are seen by both.
    assert {r["name"] for r in page["tables"]["cohort"]} >= {
        n for (n,) in server_rows(team_server, "SELECT name FROM cohort")} - set()


def test_row_level_security_binds_the_service_role_itself(team_server: Any,
                                                           laptop_factory: Any) -> None:
    """The policies hold for the role the service connects with (FORCE), not only in code."""
    north = laptop_factory("Nadia", structure="Nord")
    add_person(north, "Cachée", "Camille")
    engine.synchronise(north)
    with team_server.engine.begin() as connection:
        role = connection.execute(text(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")).one()
        assert tuple(role) == (False, False)
        forced = connection.execute(text(
            "SELECT relforcerowsecurity FROM pg_class WHERE relname = 'participant' "
            "AND relnamespace = to_regnamespace(current_schema())")).scalar()
        assert forced is True
        # No scope set: a bare SELECT sees no person at all.
        assert connection.execute(text("SELECT count(*) FROM participant")).scalar() == 0
        connection.execute(text("SELECT set_config('coachdesk.structure', "
                                "'00000000-0000-0000-0000-000000000001', true)"))
        assert connection.execute(text("SELECT count(*) FROM participant")).scalar() == 0
        # Writing a row for another structure is refused by the policy's WITH CHECK.
        with pytest.raises(Exception, match="row-level security"), connection.begin_nested():
            connection.execute(text(
                "UPDATE cohort SET sync_structure_id = "
                "'00000000-0000-0000-0000-000000000002' WHERE true"))


def test_join_codes_are_single_use_and_tokens_can_be_revoked_or_expire(
    team_server: Any, laptop_factory: Any, tmp_path: Any
) -> None:
    from coachdesk.db import open_database
    from coachdesk.server import devices
    from coachdesk.server.admin import now

    code = team_server.add_coach("Régis", "Structure jetons")
    first = open_database(tmp_path / "premier.sqlite3")
    second = open_database(tmp_path / "second.sqlite3")
    try:
        engine.join(first, team_server.url, code)
        with pytest.raises(SyncError, match="déjà servi"):
            engine.join(second, team_server.url, code)
        with pytest.raises(SyncError, match="inconnu"):
            engine.join(second, team_server.url, "AAAA-BBBB-CCCC")
        engine.synchronise(first)
        with first.read() as s:
            device = s.execute(text("SELECT device_id FROM sync_state")).scalar()
        device_id = str(__import__("uuid").UUID(device))
        # Expired: no synchronisation for longer than the token's life.
        with team_server.engine.begin() as connection:
            connection.execute(text("UPDATE device SET expires_at = :t "
                                    "WHERE id = CAST(:d AS uuid)"),
                               {"t": now() - timedelta(seconds=1), "d": device_id})
        with pytest.raises(SyncError, match="expiré") as expired:
            engine.synchronise(first)
        assert expired.value.status == 401
        with team_server.engine.begin() as connection:
            connection.execute(text("UPDATE device SET expires_at = :t "
                                    "WHERE id = CAST(:d AS uuid)"),
                               {"t": now() + timedelta(days=1), "d": device_id})
            assert devices.revoke_device(connection, device_id, now())
        add_person(first, "Perdu", "Portable")
        with pytest.raises(SyncError, match="retiré de l'équipe"):
            engine.synchronise(first)
        # The edits stay on the lost laptop's disk, never on the server.
        assert engine.status(first).pending == 2
        assert "retiré" in engine.status(first).blocked_message
    finally:
        first.dispose()
        second.dispose()


def test_every_laptop_of_the_team_gets_the_same_pseudonymisation_key(
    team_server: Any, laptop_factory: Any
) -> None:
    a = laptop_factory("Anne", structure="Nord")
    b = laptop_factory("Bruno", structure="Sud")
    key = engine.team_key(a)
    assert key is not None and len(key) == 32 and key == engine.team_key(b)
    stored = server_rows(team_server, "SELECT pseudonym_key FROM team")[0][0]
    assert bytes.fromhex(stored) == key


def test_the_evaluator_export_gives_the_same_pseudonyms_on_every_laptop(
    team_server: Any, laptop_factory: Any, tmp_path: Any
) -> None:
    from openpyxl import load_workbook

    from coachdesk.exports.evaluator import export_evaluator

    a = laptop_factory("Anne", structure="Commune")
    b = laptop_factory("Bruno", structure="Commune")
    add_person(a, "Pseudo", "Nyme")
    engine.synchronise(a)
    engine.synchronise(b)
    sheets = []
    for name, laptop in (("a", a), ("b", b)):
        out = tmp_path / f"cereq-{name}.xlsx"
        export_evaluator(laptop, out)
        book = load_workbook(out, read_only=True)
        rows = list(book["Participants"].iter_rows(values_only=True))
        book.close()
        sheets.append([row[0] for row in rows[1:]])
    assert sheets[0] == sheets[1] and sheets[0][0].startswith("P-")


def test_a_coach_limited_to_a_promotion_sees_only_its_people(
    team_server: Any, laptop_factory: Any
) -> None:
    from tests.sync import support

    lead = laptop_factory("Responsable", structure="Cnam")
    mine = add_person(lead, "Promo", "Suivie", cohort="Suivie")
    other = add_person(lead, "Promo", "Autre", cohort="Autre")
    engine.synchronise(lead)
    limited = laptop_factory("Intervenant", structure="Cnam",
                             promotions=[f"{support.COHORT_PREFIX[0]} Suivie"])
    with limited.read() as s:
        assert s.execute(select(Participant.id)).scalars().all() == [mine]
    assert other in server_rows_ids(team_server)
    # The promotions themselves are team-wide: both are listed on the limited laptop.
    with limited.read() as s:
        names = set(s.execute(text("SELECT name FROM cohort")).scalars())
    assert {f"{support.COHORT_PREFIX[0]} Suivie", f"{support.COHORT_PREFIX[0]} Autre"} <= names


def test_only_the_device_a_code_made_can_give_the_code_back(team_server: Any,
                                                            laptop_factory: Any) -> None:
    """Giving a join code back (a refused join) needs the token that code made: another
    device, even of the same team, cannot revive a code it did not use."""
    from coachdesk.db import HEAD_REVISION

    first = laptop_factory("Anne")
    with first.read() as s:
        token = s.execute(text("SELECT device_token FROM sync_state")).scalar()
    unused = team_server.add_coach("Bruno")
    transport = HttpTransport(team_server.url)
    try:
        answer = transport.call("POST", "/join/release", token=token, body={"code": unused},
                                schema=HEAD_REVISION)
        assert answer == {"released": False}
        # Anne's laptop still synchronises: a refused release revokes nothing.
        engine.synchronise(first)
        joined = transport.call("POST", "/join", body={"code": unused}, schema=HEAD_REVISION)
        # Bruno's code made Bruno's device: it can give it back, once, and is revoked.
        again = transport.call("POST", "/join/release", token=joined["token"],
                               body={"code": unused}, schema=HEAD_REVISION)
        assert again == {"released": True}
        with pytest.raises(SyncError) as refused:
            transport.call("POST", "/join/release", token=joined["token"],
                           body={"code": unused}, schema=HEAD_REVISION)
        assert "retiré de l'équipe" in str(refused.value)
    finally:
        transport.close()
