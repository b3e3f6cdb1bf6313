"""The HTTP service in front of PostgreSQL (Starlette; uvicorn runs it, a reverse proxy adds TLS).

Every request but ``/join`` carries ``Authorization: Bearer <device token>`` and
``X-CoachDesk-Schema: <laptop schema revision>``. Answers are JSON; an error is
``{"error": code, "message": French sentence}`` with a 4xx status.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from coachdesk.server import devices, people, reading, store
from coachdesk.server.access import PAGE_LIMIT, AuthError, DeviceScope
from coachdesk.sync.hlc import wall_ms

log = logging.getLogger(__name__)

SCHEMA_HEADER = "x-coachdesk-schema"
MAX_OPS_PER_PUSH = 5000


def accepted_schemas() -> tuple[str, ...]:
    """The laptop schema revisions this server serves: the current one and the one before."""
    from coachdesk.db import SCHEMA_REVISIONS

    return SCHEMA_REVISIONS[-2:]


def make_engine(database_url: str) -> Engine:
    # hide_parameters: a failed statement's values (names, phones) never reach a log.
    return create_engine(database_url, hide_parameters=True, pool_size=8, max_overflow=8,
                         pool_pre_ping=True)


class Service:
    """The service's state: its engine, its clock, and a hook for tests of commit order."""

    def __init__(self, engine: Engine, clock_ms: Callable[[], int] = wall_ms) -> None:
        self.engine = engine
        self.clock_ms = clock_ms
        self.before_commit: Callable[[dict[str, Any]], None] | None = None

    def now(self) -> tuple[datetime, int]:
        ms = self.clock_ms()
        return datetime.fromtimestamp(ms / 1000, UTC).replace(tzinfo=None), ms

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _schema_error(schema: str) -> JSONResponse | None:
    from coachdesk.db import SCHEMA_REVISIONS

    accepted = accepted_schemas()
    if schema in accepted:
        return None
    if schema and schema not in SCHEMA_REVISIONS:
        return _error(409, "server_outdated",
                      "Le serveur de l'équipe est plus ancien que ce CoachDesk : rien n'a été "
                      "envoyé, vos modifications restent sur ce poste. Le responsable de "
                      "l'équipe doit mettre le serveur à jour.")
    return _error(426, "update_required",
                  "Ce CoachDesk est trop ancien pour le serveur de l'équipe : installez la "
                  "dernière version. Vos modifications restent sur ce poste et partiront à la "
                  "synchronisation suivante.")


def create_app(engine: Engine, clock_ms: Callable[[], int] = wall_ms) -> Starlette:
    service = Service(engine, clock_ms)

    def authenticated(request: Request, connection: Connection) -> DeviceScope:
        header = request.headers.get("authorization", "")
        secret = header[7:] if header.lower().startswith("bearer ") else ""
        now, _ = service.now()
        return devices.authenticate(connection, secret, now,
                                  request.headers.get(SCHEMA_HEADER, ""))

    async def guarded(request: Request, work: Callable[[], Any]) -> Response:
        schema_error = _schema_error(request.headers.get(SCHEMA_HEADER, ""))
        if schema_error is not None:
            return schema_error
        try:
            result = await run_in_threadpool(work)
        except AuthError as error:
            return _error(error.status, "unauthorized", error.message)
        except (ValueError, KeyError, TypeError) as error:
            log.warning("bad request on %s: %s", request.url.path, type(error).__name__)
            return _error(400, "bad_request", "Requête mal formée : mettez CoachDesk à jour.")
        except Exception as error:
            # The type and where, never the message: it may quote a value (a name, a phone).
            where = traceback.extract_tb(error.__traceback__)[-1]
            log.error("request %s failed: %s at %s:%s", request.url.path, type(error).__name__,
                      where.filename, where.lineno)
            return _error(500, "server_error",
                          "Le serveur de l'équipe a rencontré une erreur : rien n'a été "
                          "enregistré à moitié, réessayez plus tard.")
        if isinstance(result, str):
            return Response(result, media_type="application/json")
        return JSONResponse(result)

    async def join(request: Request) -> Response:
        body = await request.json()

        def work() -> Any:
            now, ms = service.now()
            with service.transaction() as connection:
                answer = devices.redeem_code(connection, str(body["code"]), now,
                                           request.headers.get(SCHEMA_HEADER, ""))
                answer["cursor"] = reading.last_seq(connection)
            answer["server_time"] = ms
            return answer

        return await guarded(request, work)

    async def join_release(request: Request) -> Response:
        body = await request.json()

        def work() -> Any:
            now, _ = service.now()
            with service.transaction() as connection:
                scope = authenticated(request, connection)
                return {"released": devices.release_code(connection, scope,
                                                         str(body["code"]), now)}

        return await guarded(request, work)

    async def push(request: Request) -> Response:
        body = await request.json()
        ops = body["ops"]
        if not isinstance(ops, list) or len(ops) > MAX_OPS_PER_PUSH:
            return _error(413, "too_large", "Lot de modifications trop grand.")
        for op in ops:
            op_schema = op.get("schema", "")
            if op_schema and op_schema not in accepted_schemas():
                error = _schema_error(op_schema)
                if error is not None:
                    return error

        def work() -> Any:
            with service.transaction() as connection:
                scope = authenticated(request, connection)
            now, ms = service.now()

            @contextmanager
            def connection_factory() -> Iterator[Connection]:
                with service.transaction() as connection:
                    yield connection
                    if service.before_commit is not None:
                        service.before_commit({"device": scope.device_id, "ops": len(ops)})

            return store.push(connection_factory, scope, ops, now, ms)

        return await guarded(request, work)

    async def pull(request: Request) -> Response:
        cursor = int(request.query_params.get("cursor", "0"))
        limit = min(int(request.query_params.get("limit", PAGE_LIMIT)), 20000)

        def work() -> Any:
            _now, ms = service.now()
            with service.engine.connect() as raw:
                # One snapshot for the whole page: the cut and the rows agree.
                connection = raw.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    scope = authenticated(request, connection)
                    return reading.pull(connection, scope, cursor, ms, limit)

        return await guarded(request, work)

    async def snapshot(request: Request) -> Response:
        table_name = request.query_params.get("table", "")
        after = request.query_params.get("after", "")
        limit = min(int(request.query_params.get("limit", PAGE_LIMIT)), 20000)

        def work() -> Any:
            with service.transaction() as connection:
                scope = authenticated(request, connection)
                if not table_name:
                    return reading.snapshot_start(connection, scope)
                return reading.snapshot_page(connection, scope, table_name, after, limit)

        return await guarded(request, work)

    async def erasures_ack(request: Request) -> Response:
        body = await request.json()

        def work() -> Any:
            now, _ = service.now()
            with service.transaction() as connection:
                scope = authenticated(request, connection)
                people.acknowledge_erasures(connection, scope, [str(i) for i in body["ids"]], now)
            return {"ok": True}

        return await guarded(request, work)

    async def ops_applied(request: Request) -> Response:
        body = await request.json()

        def work() -> Any:
            with service.transaction() as connection:
                scope = authenticated(request, connection)
                return {"applied": people.applied_ops(connection, scope,
                                                     [str(i) for i in body["ids"]])}

        return await guarded(request, work)

    async def health(_request: Request) -> Response:
        def work() -> Any:
            with service.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return {"ok": True, "schemas": list(accepted_schemas())}

        return JSONResponse(await run_in_threadpool(work))

    app = Starlette(routes=[
        Route("/join", join, methods=["POST"]),
        Route("/join/release", join_release, methods=["POST"]),
        Route("/push", push, methods=["POST"]),
        Route("/pull", pull, methods=["GET"]),
        Route("/snapshot", snapshot, methods=["GET"]),
        Route("/erasures/ack", erasures_ack, methods=["POST"]),
        Route("/ops/applied", ops_applied, methods=["POST"]),
        Route("/health", health, methods=["GET"]),
    ])
    app.state.service = service
    return app


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
