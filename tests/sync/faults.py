"""Randomised fault injection of team mode: real processes, real kills, a faulty network.

Two laptops (each a ``fault_worker`` process) and the team server (``coachdesk server run``,
a process) talk through ``FaultProxy``, which drops requests before or after the server saw
them, sends some twice and delays others so that they overtake each other. Laptops and the
server are killed with SIGKILL at random moments. After each run the network heals and the
invariants are checked:

* every laptop converges to the server's rows;
* no local edit is lost: each ends applied, in a conflict record (the losing value), or
  visibly refused — or was followed by a later edit of the same field;
* no operation is applied twice (no duplicate conflict records, one line per op id).

``run_campaign`` is used by ``tests/sync/test_faults.py`` (100 runs in CI) and by
``benchmarks/sync_faults.py`` (1,000 runs).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OWN_COLUMNS = {0: ("phone", "city"), 1: ("email", "notes")}
SHARED_COLUMN = "postcode"
COLUMNS = ["phone", "city", "email", "notes", "postcode"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Faults:
    """Probabilities of each fault, per request; all zero when the network heals."""

    drop_before: float = 0.0
    drop_after: float = 0.0
    duplicate: float = 0.0
    delay: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def pick(self, rng: random.Random) -> str:
        draw = rng.random()
        for name in ("drop_before", "drop_after", "duplicate", "delay"):
            draw -= getattr(self, name)
            if draw < 0:
                self.counts[name] = self.counts.get(name, 0) + 1
                return name
        return "pass"


class FaultProxy:
    """An HTTP proxy on loopback that applies ``faults`` to each request it forwards."""

    def __init__(self, rng: random.Random) -> None:
        self.target_port = 0
        self.faults = Faults()
        self.rng = rng
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def _forward(self, body: bytes) -> tuple[int, bytes, str]:
                connection = http.client.HTTPConnection("127.0.0.1", proxy.target_port,
                                                        timeout=30)
                try:
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in ("host", "connection")}
                    connection.request(self.command, self.path, body=body or None,
                                       headers=headers)
                    response = connection.getresponse()
                    return (response.status, response.read(),
                            response.getheader("content-type", "application/json"))
                finally:
                    connection.close()

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy.lock:
                    fault = proxy.faults.pick(proxy.rng)
                    delay = proxy.rng.uniform(0.0, 0.06)
                self.close_connection = True
                if fault == "drop_before":
                    return
                if fault == "delay":
                    time.sleep(delay)
                try:
                    status, payload, content_type = self._forward(body)
                    if fault == "duplicate":
                        status, payload, content_type = self._forward(body)
                except OSError:
                    return
                if fault == "drop_after":
                    return
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    return  # the laptop went away (killed) meanwhile

            do_GET = _handle
            do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class ServerProcess:
    """``coachdesk server run`` in its own process, with a warm standby to replace it."""

    def __init__(self, database_url: str, admin_engine: Any = None) -> None:
        self.database_url = database_url
        self.admin_engine = admin_engine
        self.current = self._spawn()
        self.standby = self._spawn()
        self.kills = 0

    def _spawn(self) -> tuple[subprocess.Popen[bytes], int]:
        port = free_port()
        env = {**os.environ, "COACHDESK_SERVER_DATABASE_URL": self.database_url}
        process = subprocess.Popen(
            [sys.executable, "-m", "coachdesk", "server", "run", "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return process, port

    @staticmethod
    def wait_ready(port: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    connection.close()
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the team server did not start")

    @property
    def port(self) -> int:
        return self.current[1]

    def kill(self) -> None:
        self.current[0].send_signal(signal.SIGKILL)
        self.current[0].wait()
        self.kills += 1

    def replace(self) -> int:
        """The standby takes over (started long ago: no waiting); a new standby starts."""
        self.current = self.standby
        self.wait_ready(self.current[1])
        self.standby = self._spawn()
        return self.current[1]

    def close(self) -> None:
        for process, _port in (self.current, self.standby):
            process.kill()
            process.wait()


class Worker:
    """A laptop process driven by JSON lines."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.fault_worker"], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.ready = False

    def send(self, command: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()

    def receive(self, timeout: float = 60) -> dict[str, Any]:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError("laptop process silent")
        line = self.process.stdout.readline()
        if not line:
            raise EOFError("laptop process ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def start(self) -> Worker:
        if not self.ready:
            self.receive()
            self.ready = True
        return self

    def call(self, command: dict[str, Any]) -> dict[str, Any]:
        self.send(command)
        return self.receive()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


class WorkerPool:
    """Keeps one laptop process warm so a kill costs no start-up."""

    def __init__(self) -> None:
        self.standby = Worker()

    def take(self) -> Worker:
        worker = self.standby.start()
        self.standby = Worker()
        return worker

    def close(self) -> None:
        self.standby.kill()


@dataclass
class CampaignResult:
    runs: int = 0
    created: int = 0
    edits: int = 0
    syncs: int = 0
    failed_syncs: int = 0
    laptop_kills: int = 0
    server_kills: int = 0
    conflicts: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def run_campaign(runs: int, seed: int, admin_engine: Any, database_url: str, folder: Path,
                 *, steps: int = 5, log: Callable[[str], None] | None = None) -> CampaignResult:
    """``runs`` independent runs (each its own structure and two new laptops)."""
    from coachdesk.server.admin import add_coach

    rng = random.Random(seed)
    result = CampaignResult()
    started = time.monotonic()
    proxy = FaultProxy(rng)
    server = ServerProcess(database_url, admin_engine)
    pool = WorkerPool()
    laptops: list[Worker] = []
    try:
        ServerProcess.wait_ready(server.port)
        proxy.target_port = server.port
        laptops = [pool.take(), pool.take()]
        # Two laptops of one structure, joined once; each run works on people of its own.
        team = f"{seed}-{uuid.uuid4().hex[:8]}"
        paths = [folder / f"{team}-{i}.sqlite3" for i in (0, 1)]
        for i, laptop in enumerate(laptops):
            code = add_coach(admin_engine, f"Chargé {i}", f"Structure {team}", [])["code"]
            for command in ({"cmd": "open", "path": str(paths[i])},
                            {"cmd": "join", "url": proxy.url, "code": code}):
                answer = laptop.call(command)
                assert answer["ok"], answer
        # Two people per run, created and shared before the faults begin.
        everyone = laptops[0].call({"cmd": "people", "n": 2 * runs, "cohort": f"Promo {team}"})
        assert everyone["ok"], everyone
        assert _sync(laptops[0], result) and _sync(laptops[1], result)
        for run in range(runs):
            tag = f"{team}-{run}"
            people = everyone["ids"][2 * run:2 * run + 2]
            _one_run(run, tag, rng, people, paths, proxy, server, pool, laptops, result, steps,
                     f"Promo {team}")
            result.runs += 1
            if log is not None and (run + 1) % 50 == 0:
                log(f"{run + 1} runs, {time.monotonic() - started:.1f} s")
    finally:
        for laptop in laptops:
            laptop.kill()
        pool.close()
        server.close()
        proxy.close()
    result.faults = dict(proxy.faults.counts)
    result.server_kills = server.kills
    result.seconds = time.monotonic() - started
    return result


def _sync(laptop: Worker, result: CampaignResult) -> bool:
    answer = laptop.call({"cmd": "sync"})
    result.syncs += 1
    if not answer["ok"]:
        result.failed_syncs += 1
        if answer.get("error") not in ("SyncError",):
            raise AssertionError(f"unexpected failure of a sync: {answer}")
    return bool(answer["ok"])


def _one_run(run: int, tag: str, rng: random.Random, people: list[str], paths: list[Path],
             proxy: FaultProxy, server: ServerProcess, pool: WorkerPool, laptops: list[Worker],
             result: CampaignResult, steps: int, cohort: str) -> None:
    people = list(people)
    # (laptop index, row, column, value) in the order the edits were committed.
    edits: list[tuple[int, str, str, str]] = []
    proxy.faults = Faults(drop_before=0.1, drop_after=0.1, duplicate=0.1, delay=0.2,
                          counts=proxy.faults.counts)
    server_down = False
    for step in range(steps):
        action = rng.random()
        if action < 0.08:
            # A new person, created on one laptop in the middle of the faults.
            who = rng.randrange(2)
            answer = laptops[who].call({"cmd": "people", "n": 1, "cohort": cohort})
            assert answer["ok"], answer
            people.extend(answer["ids"])
            result.created += 1
        elif action < 0.5:
            who = rng.randrange(2)
            column = rng.choice([*OWN_COLUMNS[who], SHARED_COLUMN])
            value = f"{run}-{step}-{who}" if column != SHARED_COLUMN else f"{step}{who}"
            row = rng.choice(people)
            answer = laptops[who].call({"cmd": "edit", "row": row, "column": column,
                                        "value": value})
            if answer.get("missing"):
                continue  # created on the other laptop, not received here yet
            assert answer["ok"], answer
            edits.append((who, row, column, value))
            result.edits += 1
        elif action < 0.8:
            # Both laptops at once: their requests cross (and overtake) in the proxy.
            for laptop in laptops:
                laptop.send({"cmd": "sync"})
            for laptop in laptops:
                answer = laptop.receive()
                result.syncs += 1
                if not answer["ok"]:
                    result.failed_syncs += 1
                    assert answer.get("error") == "SyncError", answer
        elif action < 0.86:
            who = rng.randrange(2)
            laptops[who].send({"cmd": "sync"})
            time.sleep(rng.uniform(0.0, 0.08))
            laptops[who].kill()
            result.laptop_kills += 1
            laptops[who] = pool.take()
            assert laptops[who].call({"cmd": "open", "path": str(paths[who])})["ok"]
        elif action < 0.87 and not server_down:
            server.kill()
            server_down = True
        if server_down and rng.random() < 0.5:
            proxy.target_port = server.replace()
            server_down = False
    if server_down:
        proxy.target_port = server.replace()
    # The network heals: A sends, B sends and receives all, A receives B's: all settled.
    proxy.faults = Faults(counts=proxy.faults.counts)
    for laptop in (laptops[0], laptops[1], laptops[0]):
        assert _sync(laptop, result), "a synchronisation failed on a healed network"
    _check(tag, people, edits, laptops, server.admin_engine, result)


def _check(tag: str, people: list[str], edits: list[tuple[int, str, str, str]],
           laptops: list[Worker], admin_engine: Any, result: CampaignResult) -> None:
    from sqlalchemy import text

    with admin_engine.begin() as connection:
        connection.execute(text("SELECT set_config('coachdesk.admin', 'on', true)"))
        server_rows = {
            str(r[0]): dict(zip(COLUMNS, r[1:], strict=True)) for r in connection.execute(text(
                f"SELECT id, {', '.join(COLUMNS)} FROM participant "
                "WHERE id = ANY(CAST(:ids AS uuid[]))"), {"ids": people})
        }
        lost = [(str(r[0]), r[1], r[2]) for r in connection.execute(text(
            "SELECT row_id, column_name, lost_value FROM sync_conflict "
            "WHERE row_id = ANY(CAST(:ids AS uuid[]))"), {"ids": people})]
    assert len(lost) == len(set(lost)), f"{tag}: a conflict recorded twice {lost}"
    result.conflicts += len(lost)
    dumps = [laptop.call({"cmd": "dump", "columns": COLUMNS}) for laptop in laptops]
    for index, dump in enumerate(dumps):
        assert dump["ok"], dump
        assert [op for op in dump["outbox"] if op[0] == "pending"] == [], (
            f"{tag}: laptop {index} still has pending changes after healing")
        assert [op for op in dump["outbox"] if op[0] == "refused"] == [], (
            f"{tag}: laptop {index} had a change refused: {dump['outbox']}")
        for row_id in people:
            assert row_id in server_rows, f"{tag}: a person created on a laptop never arrived"
            assert dump["rows"][row_id] == server_rows[row_id], (
                f"{tag}: laptop {index} differs from the server on {row_id}: "
                f"{dump['rows'][row_id]} != {server_rows[row_id]}")
    lost_values = {(row, column, value) for row, column, value in lost}
    for position, (who, row, column, value) in enumerate(edits):
        later = [e for e in edits[position + 1:] if e[1] == row and e[2] == column]
        if later:
            continue  # followed by another edit of the same field
        final = server_rows[row][column]
        assert final == value or (row, column, value) in lost_values, (
            f"{tag}: the edit {column}={value!r} of laptop {who} on {row} was lost "
            f"(server has {final!r}, conflicts {sorted(lost_values)})")
