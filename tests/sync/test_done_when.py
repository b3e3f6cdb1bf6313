"""The issue's "Done when" cases, on a real PostgreSQL behind a real HTTP server."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from coachdesk.models import Contract, Employer, FollowUpVisit, Participant
from coachdesk.sync import engine, hlc
from coachdesk.sync.client import SyncError
from tests.sync.support import (
    DAY_MS,
    CuttingTransport,
    add_person,
    edit,
    loads,
    outbox,
    person,
    server_rows,
)


@pytest.fixture
def days(team_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Move the server's and the laptops' clocks to a day of the test's week."""
    base = hlc.wall_ms()

    def at(day: float, laptop_skew_ms: int = 0) -> None:
        team_server.clock.shift_ms = int(day * DAY_MS)
        monkeypatch.setattr(hlc, "wall_ms",
                            lambda: base + int(day * DAY_MS) + laptop_skew_ms)

    yield at
    team_server.clock.shift_ms = 0


def test_1_same_field_days_apart_later_value_wins_and_the_other_is_kept(
    team_server: Any, laptop_factory: Any, days: Any
) -> None:
    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    days(0)
    lea = add_person(a)
    engine.synchronise(a)
    engine.synchronise(b)
    days(1)  # Monday, A offline
    edit(a, lea, phone="0611111111")
    days(3)  # Wednesday, B online
    edit(b, lea, phone="0622222222")
    assert engine.synchronise(b).sent == 1
    days(5)  # Friday, A syncs
    report = engine.synchronise(a)
    assert report.conflicts == 1
    assert person(a, lea).phone == "0622222222"
    engine.synchronise(b)
    assert person(b, lea).phone == "0622222222"
    conflicts = server_rows(team_server, "SELECT column_name, kept_value, lost_value "
                            "FROM sync_conflict WHERE row_id = CAST(:id AS uuid)", id=lea)
    assert [tuple(c) for c in conflicts] == [
        ("phone", "0622222222", "0611111111")]
    # The losing value is on both laptops, shown until someone resolves it.
    for laptop in (a, b):
        status = engine.status(laptop)
        assert status.open_conflicts == 1 and status.pending == 0
        with laptop.read() as s:
            lost = s.execute(text("SELECT lost_value FROM sync_conflict")).scalar()
        assert loads(lost) == "0611111111"
    # Search text follows the winning phone on every laptop.
    assert "0622222222" in person(a, lea).search_text
    # A person settles it, putting A's number back: a new change for everyone, the conflict
    # closed on every laptop.
    (conflict,) = engine.conflicts(a)
    assert (conflict["column"], conflict["kept"], conflict["lost"]) == (
        "phone", "0622222222", "0611111111")
    engine.resolve(a, conflict["id"], take_lost=True)
    days(6)
    engine.synchronise(a)
    engine.synchronise(b)
    for laptop in (a, b):
        assert person(laptop, lea).phone == "0611111111"
        assert engine.status(laptop).open_conflicts == 0


def test_2_different_fields_of_one_person_merge_without_conflict(
    team_server: Any, laptop_factory: Any
) -> None:
    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    lea = add_person(a, "Martin", "Zoé")
    engine.synchronise(a)
    engine.synchronise(b)
    edit(a, lea, phone="0633333333")
    edit(b, lea, email="zoe@example.org", city="Amiens")
    engine.synchronise(a)
    assert engine.synchronise(b).conflicts == 0
    engine.synchronise(a)
    for laptop in (a, b):
        row = person(laptop, lea)
        assert (row.phone, row.email, row.city) == ("0633333333", "zoe@example.org", "Amiens")
        assert engine.status(laptop).open_conflicts == 0
        assert "zoe@example.org" in row.search_text and "0633333333" in row.search_text


def test_3_erasure_refuses_the_offline_edit_and_purges_the_laptop(
    team_server: Any, laptop_factory: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from coachdesk.server import people
    from coachdesk.server.admin import now

    a = laptop_factory("Anne")
    name = "Quenouille"
    victim = add_person(a, name, "Capucine", phone="0699887766")
    with a.write() as s:
        employer = Employer(name="Boulangerie")
        s.add(employer)
        s.flush()
        s.add(Contract(participant_id=victim, employer_id=employer.id,
                       start_date=__import__("datetime").date(2010, 9, 1),
                       end_date=__import__("datetime").date(2011, 9, 1)))
    engine.synchronise(a)
    # Offline, A edits the person; meanwhile the team erases her.
    edit(a, victim, notes=f"Appel de {name} : rappeler lundi")
    with team_server.engine.begin() as connection:
        people.erase_person(connection, victim, now())
    caplog.set_level("DEBUG")
    report = engine.synchronise(a)
    assert report.erased == 1 and report.pending == 0
    assert person(a, victim) is None
    # Not resurrected on the server, the order acknowledged by this device.
    assert server_rows(team_server, "SELECT count(*) FROM participant WHERE id = CAST(:i AS uuid)",
                       i=victim) == [(0,)]
    assert server_rows(team_server, "SELECT count(*) FROM sync_erasure_ack")[0][0] == 1
    # A later push for the erased id is refused too.
    with a.write() as s:
        s.execute(text("DELETE FROM sync_erased"))
    a.dispose()
    # The bytes of the database and its journal hold nothing of her.
    path = Path(a.path)
    data = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                if path.with_name(path.name + "-wal").exists() else b"")
    for secret in (name.encode(), b"0699887766", name.lower().encode()):
        assert secret not in data
    assert name not in caplog.text and "0699887766" not in caplog.text


def test_3b_a_push_for_an_erased_id_is_refused_and_never_stored(
    team_server: Any, laptop_factory: Any
) -> None:
    from coachdesk.server import people
    from coachdesk.server.admin import now

    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    victim = add_person(a, "Rouxel", "Ambre")
    engine.synchronise(a)
    engine.synchronise(b)
    with team_server.engine.begin() as connection:
        people.erase_person(connection, victim, now())
    # B made an offline change: its push comes back refused 'erased', and B purges.
    edit(b, victim, city="Lille")
    engine.synchronise(b)
    assert person(b, victim) is None
    assert server_rows(team_server, "SELECT count(*) FROM participant WHERE id = CAST(:i AS uuid)",
                       i=victim) == [(0,)]
    assert server_rows(team_server, "SELECT status, code FROM sync_applied_op "
                       "WHERE row_id = CAST(:i AS uuid) AND status = 'refused'", i=victim) == [
        ("refused", "erased")]


def test_4_the_same_person_created_on_two_laptops_is_a_duplicate_candidate(
    team_server: Any, laptop_factory: Any
) -> None:
    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    add_person(a, "Azéma", "Manon", cohort="Promo A")
    engine.synchronise(a)
    engine.synchronise(b)
    add_person(b, "AZEMA", "Manon", cohort="Promo A")
    engine.synchronise(b)
    engine.synchronise(a)
    for laptop in (a, b):
        assert engine.status(laptop).duplicates == 1
        with laptop.read() as s:
            assert s.execute(select(Participant.id)).all().__len__() == 2
    # Merging (the service of the issue "One way to write" will do these same writes): B moves
    # the duplicate's contract to the kept file and deletes the duplicate.
    with b.read() as s:
        kept, duplicate = (s.execute(select(Participant.id).where(Participant.last_name == name))
                           .scalar_one() for name in ("Azéma", "AZEMA"))
    contract_id, visit_ids = _contract_with_visits(b, duplicate)
    engine.synchronise(b)
    with b.write() as s:
        contract = s.get(Contract, contract_id)
        assert contract is not None
        contract.participant_id = kept
        s.flush()
        s.delete(s.get(Participant, duplicate))
    engine.synchronise(b)
    engine.synchronise(a)
    for laptop in (a, b):
        assert engine.status(laptop).duplicates == 0
        with laptop.read() as s:
            assert s.execute(select(Participant.id)).scalars().all() == [kept]
            assert s.execute(select(Contract.participant_id)).scalars().all() == [kept]
            assert len(s.execute(select(FollowUpVisit.id)).all()) == len(visit_ids)


def _contract_with_visits(db: Any, person_id: str) -> tuple[str, list[str]]:
    from datetime import date

    with db.write() as s:
        employer = Employer(name="Garage Dupont")
        s.add(employer)
        s.flush()
        contract = Contract(participant_id=person_id, employer_id=employer.id,
                            start_date=date(2010, 9, 1), end_date=date(2011, 9, 1))
        s.add(contract)
        s.flush()
        visits = [FollowUpVisit(contract_id=contract.id, planned_on=date(2010, 10, d))
                  for d in (1, 15, 29)]
        s.add_all(visits)
        s.flush()
        return contract.id, [v.id for v in visits]


def test_5_an_interrupted_batch_keeps_foreign_keys_and_the_retry_completes(
    team_server: Any, laptop_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptop_factory("Anne")
    lea = add_person(a, "Batch", "Coupé")
    contract_id, _visits = _contract_with_visits(a, lea)
    monkeypatch.setattr(engine, "PUSH_BATCH", 2)
    pushes = {"n": 0}

    def plan(method: str, path: str, n: int) -> str | None:
        if path == "/push":
            pushes["n"] += 1
            return "before" if pushes["n"] == 2 else None
        return None

    with pytest.raises(SyncError):
        engine.synchronise(a, CuttingTransport(team_server.url, plan))
    # The first batch (cohort, person) is on the server, nothing dangling.
    assert server_rows(team_server, "SELECT count(*) FROM participant WHERE id = CAST(:i AS uuid)",
                       i=lea) == [(1,)]
    assert server_rows(team_server, "SELECT count(*) FROM follow_up_visit "
                       "WHERE contract_id = CAST(:c AS uuid)", c=contract_id) == [(0,)]
    assert engine.status(a).pending == 5
    engine.synchronise(a)
    assert engine.status(a).pending == 0
    assert server_rows(team_server, "SELECT count(*) FROM follow_up_visit "
                       "WHERE contract_id = CAST(:c AS uuid)", c=contract_id) == [(3,)]


def test_6_a_lost_acknowledgement_is_applied_exactly_once(
    team_server: Any, laptop_factory: Any
) -> None:
    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    lea = add_person(a, "Perte", "Accusé")
    engine.synchronise(a)
    engine.synchronise(b)
    edit(a, lea, phone="0644444444")
    edit(b, lea, city="Arras")
    engine.synchronise(b)
    ops_before = server_rows(team_server, "SELECT count(*) FROM sync_applied_op")[0][0]

    def plan(method: str, path: str, n: int) -> str | None:
        return "after" if path == "/push" else None

    with pytest.raises(SyncError):
        engine.synchronise(a, CuttingTransport(team_server.url, plan))
    seq_after_first = server_rows(
        team_server, "SELECT sync_seq FROM participant WHERE id = CAST(:i AS uuid)", i=lea)[0][0]
    assert engine.status(a).pending == 1
    engine.synchronise(a)
    assert engine.status(a).pending == 0
    assert server_rows(team_server, "SELECT count(*) FROM sync_applied_op")[0][0] == ops_before + 1
    assert server_rows(team_server, "SELECT sync_seq, phone, city FROM participant "
                       "WHERE id = CAST(:i AS uuid)", i=lea) == [
        (seq_after_first, "0644444444", "Arras")]
    assert server_rows(team_server, "SELECT count(*) FROM sync_conflict "
                       "WHERE row_id = CAST(:i AS uuid)", i=lea) == [(0,)]


def test_7_a_delayed_lower_sequence_is_not_skipped_by_a_concurrent_pull(
    team_server: Any, laptop_factory: Any
) -> None:
    a, b, c = laptop_factory("Anne"), laptop_factory("Bruno"), laptop_factory("Chloé")
    engine.synchronise(c)
    add_person(a, "Lent", "Premier", cohort="Promo A")
    add_person(b, "Rapide", "Second", cohort="Promo B")
    release = threading.Event()
    entered = threading.Event()
    service = team_server.service

    def hold(info: dict[str, Any]) -> None:
        if not entered.is_set():
            entered.set()
            release.wait(10)

    service.before_commit = hold
    errors: list[BaseException] = []

    def push(laptop: Any) -> None:
        try:
            engine.synchronise(laptop)
        except BaseException as error:
            errors.append(error)

    first = threading.Thread(target=push, args=(a,))
    first.start()
    assert entered.wait(10)
    second = threading.Thread(target=push, args=(b,))
    second.start()
    time.sleep(0.5)
    # B waits behind A's lock: it cannot take a sequence number A's commit would overtake.
    assert second.is_alive()
    engine.synchronise(c)
    with c.read() as s:
        assert s.execute(select(Participant.last_name)).all() == []
    release.set()
    first.join(10)
    second.join(10)
    service.before_commit = None
    assert not errors
    engine.synchronise(c)
    with c.read() as s:
        names = sorted(r[0] for r in s.execute(select(Participant.last_name)))
    assert names == ["Lent", "Rapide"]


def test_8_clock_skew_is_clamped_and_cannot_win_for_ever(
    team_server: Any, laptop_factory: Any, days: Any
) -> None:
    a, b = laptop_factory("Anne"), laptop_factory("Bruno")
    days(0)
    lea = add_person(a, "Horloge", "Folle")
    engine.synchronise(a)
    engine.synchronise(b)
    # A's clock jumps 3 days ahead while offline.
    days(1, laptop_skew_ms=3 * DAY_MS)
    edit(a, lea, phone="0655555555")
    days(2)
    edit(b, lea, phone="0666666666")
    engine.synchronise(b)
    days(2.1, laptop_skew_ms=3 * DAY_MS)
    engine.synchronise(a)
    stored = server_rows(team_server, "SELECT sync_clock->'phone'->>0 FROM participant "
                         "WHERE id = CAST(:i AS uuid)", i=lea)[0][0]
    server_now = hlc.wall_ms() - 3 * DAY_MS
    # Never stored beyond the server's time (plus the tolerance).
    assert hlc.physical_of(stored) <= server_now + hlc.MAX_AHEAD_MS
    # After that sync A's clock is corrected: its next edit is dated now, not 3 days ahead,
    # and B's later edit wins over it.
    days(2.2, laptop_skew_ms=3 * DAY_MS)
    edit(a, lea, city="Calais")
    with a.read() as s:
        a_hlc = s.execute(text("SELECT hlc FROM sync_outbox")).scalar()
    assert abs(hlc.physical_of(a_hlc) - (hlc.wall_ms() - 3 * DAY_MS)) < 60_000
    days(2.3)
    edit(b, lea, city="Dunkerque")
    engine.synchronise(b)
    days(2.4, laptop_skew_ms=3 * DAY_MS)
    engine.synchronise(a)
    engine.synchronise(b)
    assert person(a, lea).city == person(b, lea).city == "Dunkerque"
    # A year behind: after one sync the laptop's changes carry the real time again.
    days(3, laptop_skew_ms=-365 * DAY_MS)
    engine.synchronise(a)
    edit(a, lea, city="Boulogne")
    days(3.1)
    engine.synchronise(a)
    engine.synchronise(b)
    assert person(b, lea).city == "Boulogne"


def test_9_schema_skew_previous_revision_applied_older_held_never_lost(
    team_server: Any, laptop_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk import db as db_module
    from coachdesk.server import app as server_app

    a = laptop_factory("Anne")
    previous, current = server_app.accepted_schemas()
    lea = add_person(a, "Ancien", "Schéma")
    # An outbox written by the previous revision: applied.
    with a.write() as s:
        s.execute(text("UPDATE sync_outbox SET schema_revision = :r"), {"r": previous})
    assert engine.synchronise(a).sent == 2
    # A laptop too old (the server moved on by one more revision): told to update, the
    # outbox kept whole.
    edit(a, lea, city="Béthune")
    monkeypatch.setattr(server_app, "accepted_schemas", lambda: (current,))
    monkeypatch.setattr(db_module, "HEAD_REVISION", previous)
    with pytest.raises(SyncError) as refused:
        engine.synchronise(a)
    assert refused.value.status == 426
    assert "installez la dernière version" in str(refused.value)
    assert len(outbox(a)) == 1 and outbox(a)[0]["status"] == "pending"
    assert "installez" in engine.status(a).blocked_message
    # A laptop newer than the server: held with another clear message.
    monkeypatch.setattr(db_module, "HEAD_REVISION", "9999")
    with pytest.raises(SyncError) as newer:
        engine.synchronise(a)
    assert newer.value.status == 409 and "mettre le serveur à jour" in str(newer.value)
    monkeypatch.undo()
    engine.synchronise(a)
    assert outbox(a) == [] and engine.status(a).blocked_message == ""
    assert server_rows(team_server, "SELECT city FROM participant WHERE id = CAST(:i AS uuid)",
                       i=lea) == [("Béthune",)]


def test_10_a_person_moves_to_another_structure_with_pending_edits(
    team_server: Any, laptop_factory: Any
) -> None:
    from coachdesk.server import people
    from coachdesk.server.admin import now

    a = laptop_factory("Anne", structure="Mission Locale Nord")
    b = laptop_factory("Bruno", structure="Cnam Picardie")
    lea = add_person(a, "Voyage", "Inès")
    _contract, visit_ids = _contract_with_visits(a, lea)
    engine.synchronise(a)
    engine.synchronise(b)
    assert person(b, lea) is None
    # A edits offline, then the person is moved to B's structure.
    edit(a, lea, notes="entretien fait avant le transfert")
    with team_server.engine.begin() as connection:
        target = connection.execute(text(
            "SELECT id::text FROM structure WHERE name LIKE 'Cnam Picardie%'")).scalar()
        stamp = now()
        people.move_person(connection, lea, target, stamp, team_server.clock())
    # The agreed rule: A's change made before the move is applied; the rows leave A.
    engine.synchronise(a)
    assert person(a, lea) is None and engine.status(a).pending == 0
    with a.read() as s:
        assert s.execute(select(FollowUpVisit.id)).all() == []
    engine.synchronise(b)
    moved = person(b, lea)
    assert moved is not None and moved.notes == "entretien fait avant le transfert"
    with b.read() as s:
        assert sorted(v for (v,) in s.execute(select(FollowUpVisit.id))) == sorted(visit_ids)
    # A change A makes after the move is refused, visibly.
    with a.write() as s:
        s.execute(text("INSERT INTO sync_outbox (op_id, txn_id, table_name, row_id, kind, "
                       "payload, hlc, base_seq, schema_revision, created_at, status, "
                       "refusal_code, refusal_message) VALUES (:op, :op, 'participant', :row, "
                       "'update', '{\"city\": \"Lens\"}', :hlc, 0, :rev, CURRENT_TIMESTAMP, "
                       "'pending', '', '')"),
                  {"op": str(__import__("uuid").uuid4()), "row": lea,
                   "hlc": hlc.format_hlc(hlc.wall_ms() + 1000, 0, "a" * 32),
                   "rev": __import__("coachdesk.db", fromlist=["x"]).HEAD_REVISION})
    report = engine.synchronise(a)
    assert report.refused == 1
    assert "n'est pas (ou plus) suivie par votre structure" in outbox(a)[0]["refusal_message"]
