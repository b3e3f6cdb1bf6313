"""The application log and crash reports: details for the team, never shown as a traceback.

Neither holds personal data. A report keeps what the team needs to find the fault (CoachDesk's
version, each exception's type, the code path with file, line and source line, SQL statements
with their ``?`` placeholders) and leaves out what could name someone: no local variables, no
SQL parameters (SQLAlchemy puts them in its messages as ``[parameters: …]``), no quoted values,
e-mail addresses or long numbers from exception messages, no file names (an access workbook's
name holds the person's). Reports and the log are private files (``0600``, see
``coachdesk.files``); each report has a name of its own, so two failures in the same second
keep both. Writing them never raises: on a full disk the coach still gets a French message.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from coachdesk import paths

LOG_FILE_NAME = "coachdesk.log"
REPORT_PREFIX = "rapport-erreur-"
MAX_MESSAGE = 600

# Nothing is printed on the terminal unless the application sets up its log file.
logging.getLogger("coachdesk").addHandler(logging.NullHandler())

# SQLAlchemy's "[parameters: (...)]" block: everything up to its background link or the end.
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background on this error|$))", re.S)
_BACKGROUND = re.compile(r"\s*\(Background on this error at: [^)]*\)")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|«[^»\n]*»|‘[^’\n]*’|“[^”\n]*”")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers, dates of birth, identifiers typed by people: any run of 6 digits or more,
# spaces, dots or dashes between them allowed.
_LONG_NUMBER = re.compile(r"\+?\d(?:[\s.\-/]?\d){5,}")


def redact_text(text: str) -> str:
    """``text`` without the values a message may carry: parameters, quoted text, numbers."""
    text = _PARAMETERS.sub("[parameters: <retirés>]", text)
    text = _BACKGROUND.sub("", text)
    text = _QUOTED.sub("<valeur>", text)
    text = _EMAIL.sub("<courriel>", text)
    text = _LONG_NUMBER.sub("<nombre>", text)
    if len(text) > MAX_MESSAGE:
        text = text[:MAX_MESSAGE] + "…"
    return text


def _file_kind(name: object) -> str:
    suffix = Path(os.fsdecode(name)).suffix if isinstance(name, str | bytes) else ""
    return f"<fichier{' ' + suffix if suffix and len(suffix) <= 10 else ''}>"


def safe_message(exc: BaseException) -> str:
    """The message of ``exc`` as a report may show it (see the module's docstring)."""
    statement = getattr(exc, "statement", None)
    original = getattr(exc, "orig", None)
    if isinstance(statement, str) and isinstance(original, BaseException):
        # A SQLAlchemy statement error: the driver's own message and the SQL, no parameters.
        text = f"({type(original).__module__}.{type(original).__name__}) "
        text += safe_message(original)
        return f"{text}\n[SQL: {statement.strip()}]"
    if isinstance(exc, OSError) and exc.errno is not None:
        text = f"[Errno {exc.errno}] {exc.strerror or ''}"
        if exc.filename is not None:
            text += f" : {_file_kind(exc.filename)}"
        if exc.filename2 is not None:
            text += f" -> {_file_kind(exc.filename2)}"
        return text
    try:
        text = str(exc)
    except Exception:  # pragma: no cover - a __str__ that fails
        text = "<message illisible>"
    return redact_text(text)


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and its causes, oldest first, as Python prints them."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return chain[::-1]


def format_exception(exc: BaseException) -> str:
    """Traceback of ``exc`` and its causes: code locations and safe messages, nothing else."""
    parts = []
    chain = _chain(exc)
    for index, item in enumerate(chain):
        if index:
            linked = chain[index].__cause__ is chain[index - 1]
            parts.append(
                "\nThe above exception was the direct cause of the following exception:\n\n"
                if linked
                else "\nDuring handling of the above exception, another exception occurred:\n\n"
            )
        if item.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(item.__traceback__))
        kind = type(item)
        name = kind.__qualname__ if kind.__module__ == "builtins" else (
            f"{kind.__module__}.{kind.__qualname__}"
        )
        parts.append(f"{name}: {safe_message(item)}\n")
    return "".join(parts)


def format_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> str:
    """The text of a crash report (also shown, copyable, in the window's error dialog)."""
    from coachdesk import __version__

    header = (
        f"CoachDesk {__version__} — {datetime.now().isoformat(timespec='seconds')}\n"
        f"Python {sys.version.split()[0]}, {sys.platform}\n"
        "Ce rapport ne contient aucune donnée personnelle : les valeurs ont été retirées.\n\n"
    )
    if exc is None:
        return header
    if tb is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    return header + format_exception(exc)


def write_report_text(text: str) -> Path | None:
    """Write a report to a new private file of its own; None when it could not be written."""
    try:
        folder = paths.log_dir()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for _attempt in range(5):
            path = folder / f"{REPORT_PREFIX}{stamp}-{os.getpid()}-{secrets.token_hex(3)}.txt"
            try:
                from coachdesk.files import open_private

                with open_private(path, "w", exclusive=True) as handle:
                    handle.write(text)
            except FileExistsError:
                continue
            return path
    except (OSError, ValueError):
        return None
    return None


def write_crash_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> Path | None:
    """Write the details of an unexpected error to a report file and the log.

    Returns the report's path, or None when it could not be written (a full disk): the caller
    still tells the coach what happened.
    """
    text = format_report(exc_type, exc, tb)
    logging.getLogger("coachdesk").error("unexpected error\n%s", text)
    return write_report_text(text)


class _SafeFormatter(logging.Formatter):
    """Log lines without SQL parameters or values, exceptions formatted like reports."""

    def formatException(self, ei: Any) -> str:
        _type, value, _tb = ei
        return format_exception(value) if value is not None else ""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return _BACKGROUND.sub("", _PARAMETERS.sub("[parameters: <retirés>]", text))


class _PrivateFileHandler(logging.FileHandler):
    """The log file, created ``0600``; a failed write (full disk) is dropped silently."""

    def _open(self) -> Any:
        from coachdesk.files import open_private

        return open_private(self.baseFilename, "a", encoding=self.encoding)

    def handleError(self, record: logging.LogRecord) -> None:
        # Never a "--- Logging error ---" traceback on the coach's terminal.
        return


def setup_logging(level: int = logging.INFO) -> Path:
    """Send CoachDesk's log to a file in the log folder; returns its path."""
    path = paths.log_dir() / LOG_FILE_NAME
    root = logging.getLogger("coachdesk")
    root.setLevel(level)
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        from coachdesk.files import tighten

        tighten(path)  # written 0644 by older versions
        handler = _PrivateFileHandler(path, encoding="utf-8", delay=True)
        handler.setFormatter(_SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    return path
