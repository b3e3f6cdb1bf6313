"""Small Qt-free jobs that check the background runner (a worker process imports them)."""

from __future__ import annotations

import time
from collections.abc import Callable

from coachdesk.errors import UserError

Progress = Callable[[int, int, str], None]


def count_to(
    total: int,
    pause: float = 0.0,
    *,
    progress: Progress,
    is_cancelled: Callable[[], bool],
) -> int | None:
    """Count to ``total``, reporting each step; stops early when cancelled (returns None)."""
    done = 0
    for done in range(1, total + 1):
        if is_cancelled():
            return None
        time.sleep(pause)
        progress(done, total, f"Étape {done} sur {total}")
    return done


def refuse(reason: str, *, progress: Progress, is_cancelled: Callable[[], bool]) -> None:
    """Always fails with a coach-facing message."""
    raise UserError(reason)


def leave_work_behind(
    seconds: float, *, progress: Progress, is_cancelled: Callable[[], bool]
) -> str:
    """Return at once, leaving a thread of its own at work for ``seconds`` (as a large import
    leaves SQLite's log being folded into the database file)."""
    import threading

    threading.Thread(target=time.sleep, args=(seconds,)).start()
    return "fait"
