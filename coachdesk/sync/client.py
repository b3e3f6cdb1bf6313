"""Talking to the team server over HTTP(S) with the standard library only.

The laptop needs no HTTP package: ``http.client`` keeps one connection open for the pages of
a synchronisation. Every failure becomes a ``SyncError`` whose message is a French sentence.
"""

from __future__ import annotations

import http.client
import json
import socket
from typing import Any
from urllib.parse import urlencode, urlsplit

from coachdesk.errors import UserError

TIMEOUT_SECONDS = 60


class SyncError(UserError):
    """The synchronisation stopped: the server is out of reach or refused. Nothing is lost."""

    def __init__(self, message: str, *, code: str = "", status: int = 0,
                 hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.status = status


class HttpTransport:
    """Requests to one team server; ``raw`` answers are bytes, others decoded JSON."""

    def __init__(self, base_url: str, *, timeout: float = TIMEOUT_SECONDS) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SyncError(
                f"Adresse de serveur invalide : « {base_url} ».",
                hint="Exemple : https://equipe.example.org ou http://192.168.1.10:8470",
            )
        self.base_url = base_url.rstrip("/")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._prefix = parts.path.rstrip("/")
        self._timeout = timeout
        self._connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            if self._https:
                self._connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeout)
            else:
                self._connection = http.client.HTTPConnection(
                    self._host, self._port, timeout=self._timeout)
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(self, method: str, path: str, *, body: Any = None, token: str = "",
                schema: str = "", query: dict[str, Any] | None = None) -> bytes:
        url = self._prefix + path + (f"?{urlencode(query)}" if query else "")
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if schema:
            headers["X-CoachDesk-Schema"] = schema
        for attempt in (1, 2):
            connection = self._connect()
            try:
                connection.request(method, url, body=data, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                status = response.status
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                # A kept-alive connection the server closed meanwhile: one fresh try. A request
                # may thus reach the server twice, which the protocol allows (idempotent ops).
                self.close()
                if attempt == 2:
                    raise self._unreachable(error) from error
            except (OSError, http.client.HTTPException) as error:
                self.close()
                raise self._unreachable(error) from error
        if status >= 400:
            try:
                answer = json.loads(payload)
                message, code = str(answer["message"]), str(answer.get("error", ""))
            except (ValueError, KeyError, TypeError):
                message = (f"Le serveur de l'équipe a répondu par une erreur ({status}) : rien "
                           "n'est perdu, réessayez plus tard.")
                code = "server_error"
            raise SyncError(message, code=code, status=status)
        return payload

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        return json.loads(self.request(method, path, **kwargs))

    def _unreachable(self, error: BaseException) -> SyncError:
        reason = "délai dépassé" if isinstance(error, socket.timeout) else "connexion impossible"
        return SyncError(
            f"Le serveur de l'équipe ({self.base_url}) ne répond pas ({reason}) : vos "
            "modifications restent sur ce poste et partiront à la prochaine synchronisation.",
            code="unreachable",
        )
