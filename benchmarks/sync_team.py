"""Team mode at the scale of a regional network, on this machine's loopback.

    python benchmarks/sync_team.py [--people 80000] [--database-url URL]

PostgreSQL from ``--database-url`` or ``COACHDESK_TEST_POSTGRES_URL`` (``.ci/start-postgresql``
starts one); everything happens in a schema of its own, dropped at the end. The team server
runs as its own process (``coachdesk server run``). Targets (issue 17):

* join a team of 80,000 people (initial snapshot) — ≤ 2 min;
* a delta of 1,000 changes out and 10,000 in — ≤ 10 s;
* a 100-operation push — p95 ≤ 200 ms;

measured beside the floor: a plain ``pg_dump | psql`` copy of the same 80,000 rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coachdesk.db import open_database  # noqa: E402
from coachdesk.models import Participant  # noqa: E402
from coachdesk.server.admin import add_coach, engine_for, init_schema  # noqa: E402
from coachdesk.sync import engine as sync  # noqa: E402
from coachdesk.sync.client import HttpTransport  # noqa: E402
from tests.sync.conftest import schema_url  # noqa: E402
from tests.sync.faults import ServerProcess  # noqa: E402


def populate(server_engine, structure_name: str, people: int) -> None:
    """``people`` persons of one structure and one promotion, written straight on the server."""
    with server_engine.begin() as connection:
        connection.execute(text("SELECT set_config('coachdesk.admin', 'on', true)"))
        structure = connection.execute(text("SELECT id FROM structure WHERE name = :n"),
                                       {"n": structure_name}).scalar_one()
        seq = connection.execute(text("SELECT last_seq FROM sync_counter")).scalar_one()
        cohort = str(uuid.uuid4())
        connection.execute(text(
            "INSERT INTO cohort (id, created_at, updated_at, name, training_title, start_date, "
            "visit_interval_weeks, notes, sync_seq, sync_clock) VALUES (CAST(:id AS uuid), "
            "now(), now(), 'Promotion régionale', '', date '2010-05-26', 6, '', :seq, '{}')"),
            {"id": cohort, "seq": seq + 1})
        connection.execute(text(
            "INSERT INTO participant (id, created_at, updated_at, cohort_id, last_name, "
            "first_name, birth_date, is_adult, phone, email, address, postcode, city, ine, "
            "university_track, bac_type, bac_series, bac_year, provenance, listed_on, coach, "
            "source_file, source_sheet, imported_at, consent_date, notes, search_text, "
            "structure_id, sync_seq, sync_clock, sync_structure_id, sync_cohort_id) "
            "SELECT gen_random_uuid(), now(), now(), CAST(:c AS uuid), 'Nom' || g, 'Prénom' || g, "
            "date '1988-01-01' + (g % 4000), false, '06' || lpad(g::text, 8, '0'), "
            "'personne' || g || '@example.org', g || ' rue de la Gare', '80000', 'Amiens', '', "
            "'Licence 1', NULL, '', 2009, 'universite', date '2010-01-15', '', 'contacts.xlsx', "
            "'Feuil1', now(), NULL, '', 'nom' || g || ' | prenom' || g, CAST(:s AS uuid), "
            ":seq + 1 + g, '{}', CAST(:s AS uuid), CAST(:c AS uuid) "
            "FROM generate_series(1, :n) g"),
            {"c": cohort, "s": structure, "seq": seq + 1, "n": people})
        connection.execute(text("UPDATE sync_counter SET last_seq = :v"),
                           {"v": seq + 1 + people})


def pg_dump_floor(base_url: str, schema: str) -> float:
    """Seconds for ``pg_dump | psql`` of the participant rows into an empty copy of the table."""
    url = make_url(base_url)
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    conn = ["-h", url.host or "localhost", "-U", url.username or "", "-d", url.database or ""]
    admin = create_engine(base_url)
    with admin.begin() as connection:
        # The rows copied out of row-level security (pg_dump is bound by it too), so the floor
        # is a plain table's dump and load.
        connection.execute(text("SELECT set_config('coachdesk.admin', 'on', true)"))
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema}_floor CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}_floor"))
        connection.execute(text(f"CREATE TABLE {schema}_floor.source AS "
                                f"SELECT * FROM {schema}.participant"))
        connection.execute(text(f"CREATE TABLE {schema}_floor.participant "
                                f"(LIKE {schema}.participant INCLUDING ALL)"))
    started = time.perf_counter()
    dump = subprocess.Popen(["pg_dump", *conn, "--data-only", "--table",
                             f"{schema}_floor.source"], env=env, stdout=subprocess.PIPE)
    rename = subprocess.Popen(["sed", f"s/{schema}_floor\\.source/{schema}_floor.participant/"],
                              stdin=dump.stdout, stdout=subprocess.PIPE)
    load = subprocess.run(["psql", *conn, "-q", "-v", "ON_ERROR_STOP=1"], env=env,
                          stdin=rename.stdout, stdout=subprocess.DEVNULL, check=True)
    dump.wait()
    elapsed = time.perf_counter() - started
    assert load.returncode == 0 and dump.returncode == 0
    with admin.begin() as connection:
        copied = connection.execute(text(f"SELECT count(*) FROM {schema}_floor.participant")
                                    ).scalar()
        connection.execute(text(f"DROP SCHEMA {schema}_floor CASCADE"))
    admin.dispose()
    print(f"  pg_dump | psql of the same rows: {elapsed:.1f} s ({copied} rows)")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=80_000)
    parser.add_argument("--database-url", default=os.environ.get(
        "COACHDESK_TEST_POSTGRES_URL",
        "postgresql+psycopg://coachdesk:coachdesk@localhost/coachdesk_test"))
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.database_url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    database_url = schema_url(args.database_url, schema)
    server_engine = engine_for(database_url)
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-sync-bench-"))
    server = None
    try:
        init_schema(server_engine, "Réseau régional")
        codes = [add_coach(server_engine, name, "Mission Locale Amiens", [])["code"]
                 for name in ("Anne", "Bruno")]
        print(f"Populating the server with {args.people:,} people…")
        populate(server_engine, "Mission Locale Amiens", args.people)
        with server_engine.begin() as connection:
            connection.execute(text("ANALYZE"))
        server = ServerProcess(database_url)
        ServerProcess.wait_ready(server.port)
        url = f"http://127.0.0.1:{server.port}"

        print("\n1. Joining the team (snapshot of every row this coach may see)")
        floor = pg_dump_floor(args.database_url, schema)
        laptop = open_database(folder / "anne.sqlite3")
        started = time.perf_counter()
        joined = sync.join(laptop, url, codes[0])
        report = sync.synchronise(laptop)
        join_seconds = time.perf_counter() - started
        with laptop.read() as session:
            count = session.query(Participant).count()
        print(f"  join: {join_seconds:.1f} s for {count:,} people "
              f"({joined['received']:,} rows; {join_seconds / floor:.1f}× the floor) "
              f"— target ≤ 120 s: {'ok' if join_seconds <= 120 else 'MISSED'}")

        print("\n2. A delta: 1,000 changes out, 10,000 in")
        other = open_database(folder / "bruno.sqlite3")
        sync.join(other, url, codes[1])
        with other.read() as session:
            ids = [row[0] for row in session.query(Participant.id).limit(12_000)]
        with other.write() as session:
            for n, person_id in enumerate(ids[:10_000]):
                session.get(Participant, person_id).city = f"Ville {n}"  # type: ignore[union-attr]
        sync.synchronise(other)
        with laptop.write() as session:
            for n, person_id in enumerate(ids[-1000:]):
                session.get(Participant, person_id).phone = f"07{n:08d}"  # type: ignore[union-attr]
        started = time.perf_counter()
        report = sync.synchronise(laptop)
        delta = time.perf_counter() - started
        print(f"  sync: {delta:.1f} s ({report.sent} sent, {report.received} received) "
              f"— target ≤ 10 s: {'ok' if delta <= 10 else 'MISSED'}")

        print("\n3. A 100-operation push (30 times)")
        timings = []
        for round_ in range(30):
            with laptop.write() as session:
                for person_id in ids[round_ * 100:(round_ + 1) * 100]:
                    session.get(Participant, person_id).notes = f"visite {round_}"  # type: ignore[union-attr]
            transport = _TimedTransport(url)
            sync.synchronise(laptop, transport)
            timings.extend(transport.push_seconds)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"  push of 100 operations: median {statistics.median(timings) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms — target ≤ 200 ms: {'ok' if p95 <= 0.2 else 'MISSED'}")
        laptop.dispose()
        other.dispose()
    finally:
        if server is not None:
            server.close()
        server_engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


class _TimedTransport(HttpTransport):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.push_seconds: list[float] = []

    def request(self, method: str, path: str, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        answer = super().request(method, path, **kwargs)
        if path == "/push":
            self.push_seconds.append(time.perf_counter() - started)
        return answer


if __name__ == "__main__":
    main()
