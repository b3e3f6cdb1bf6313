"""The contact import as a background job: what the wizard's worker process runs (no Qt).

The worker opens its own connection to the database file; the import is still one
transaction, so a cancelled or failed import writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from coachdesk.db import open_database
from coachdesk.services.contact_import import ImportCancelled, ImportReport, import_contacts


def run_import(
    database_path: str,
    file_path: str,
    cohort: str | None,
    provenance: str,
    mapping: Mapping[int | str, str | None] | None,
    key: bytes | None = None,
    *,
    progress: Callable[[int, int, str], None],
    is_cancelled: Callable[[], bool],
) -> ImportReport | None:
    """Import ``file_path`` into the database; None when the coach cancelled."""

    def report_progress(done: int, total: int | None) -> None:
        total = total or done
        progress(done, total, f"Lecture de la ligne {done} sur {total}…")

    database = open_database(Path(database_path), create=False, key=key)
    try:
        return import_contacts(
            database, file_path, cohort=cohort, provenance=provenance, mapping=mapping,
            progress=report_progress, cancel=is_cancelled,
        )
    except ImportCancelled:
        return None
    finally:
        database.dispose()
