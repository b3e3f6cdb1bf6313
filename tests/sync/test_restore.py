"""Restoring a backup on a laptop of a team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from coachdesk.models import Participant
from coachdesk.sync import engine
from tests.sync.support import add_person, outbox, server_rows


def test_a_restore_resyncs_keeps_only_unapplied_ops_and_never_brings_back_the_erased(
    team_server: Any, laptop_factory: Any, tmp_path: Path
) -> None:
    from coachdesk.db import open_database
    from coachdesk.server import people
    from coachdesk.server.admin import now
    from coachdesk.services.backups import write_backup
    from coachdesk.services.restoring import restore

    a = laptop_factory("Anne")
    path = Path(a.path)
    kept = add_person(a, "Gardée", "Paula")
    erased = add_person(a, "Effacée", "Quitterie")
    engine.synchronise(a)
    applied_later = add_person(a, "Ajoutée", "Rose")
    backup = tmp_path / "sauvegarde.sqlite3"
    write_backup(a, backup)
    engine.synchronise(a)  # Rose's insert is applied after the backup was taken
    after_backup = add_person(a, "Après", "Sophie")
    engine.synchronise(a)
    with team_server.engine.begin() as connection:
        people.erase_person(connection, erased, now())
    engine.synchronise(a)
    a.dispose()

    restore(backup, path)
    restored = open_database(path, create=False)
    try:
        # At once, before any network: the erased person is gone again.
        with restored.read() as s:
            names = set(s.execute(select(Participant.last_name)).scalars())
        assert "Effacée" not in names and {"Gardée", "Ajoutée"} <= names
        assert [op["row_id"] for op in outbox(restored)] == [applied_later]
        ops_before = server_rows(team_server, "SELECT count(*) FROM sync_applied_op")[0][0]
        report = engine.synchronise(restored)
        # Rose's op was applied already: dropped, not sent twice; the full pull brings Sophie.
        assert report.sent == 0 and report.pending == 0
        assert server_rows(team_server, "SELECT count(*) FROM sync_applied_op")[0][0] == ops_before
        with restored.read() as s:
            ids = set(s.execute(select(Participant.id)).scalars())
        assert ids == {kept, applied_later, after_backup}
    finally:
        restored.dispose()
