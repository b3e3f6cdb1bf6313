"""The application log and crash reports: details for the team, never shown as a traceback."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from coachdesk import paths

LOG_FILE_NAME = "coachdesk.log"

# Nothing is printed on the terminal unless the application sets up its log file.
logging.getLogger("coachdesk").addHandler(logging.NullHandler())


def setup_logging(level: int = logging.INFO) -> Path:
    """Send CoachDesk's log to a file in the log folder; returns its path."""
    path = paths.log_dir() / LOG_FILE_NAME
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("coachdesk")
    root.setLevel(level)
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path


def format_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> str:
    from coachdesk import __version__

    lines = traceback.format_exception(exc_type, exc, tb) if exc_type else []
    return f"CoachDesk {__version__} — {datetime.now().isoformat(timespec='seconds')}\n" + "".join(
        lines
    )


def write_crash_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> Path:
    """Write the details of an unexpected error to a report file and the log; return the file."""
    text = format_report(exc_type, exc, tb)
    logging.getLogger("coachdesk").error("unexpected error\n%s", text)
    path = paths.log_dir() / f"rapport-erreur-{datetime.now():%Y%m%d-%H%M%S}.txt"
    path.write_text(text, encoding="utf-8")
    return path
