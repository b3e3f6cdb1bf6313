"""The outbox: every write of a team database lands in it, in the same transaction.

No server needed: a database is marked as joined by writing its sync state directly.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, text, update

from coachdesk.db import Database
from coachdesk.models import Cohort, Outreach, Participant, SyncOutboxOp, SyncState
from tests.conftest import DATA_DIR


def fake_join(db: Database, cursor: int = 7) -> None:
    with db.write() as s:
        s.add(SyncState(id=1, server_url="http://127.0.0.1:9", device_id=str(uuid.uuid4()),
                        device_token="t", coach_id=str(uuid.uuid4()),
                        structure_id=str(uuid.uuid4()), cursor=cursor))
    db.team_capture = None


def ops(db: Database) -> list[dict[str, Any]]:
    """The outbox as it would be pushed: a new row's values are read at that moment."""
    from coachdesk.sync.engine import _rows_of_inserts

    with db.read() as s:
        rows = s.execute(select(SyncOutboxOp).order_by(SyncOutboxOp.seq)).scalars().all()
        recorded = [{"table": r.table_name, "row": r.row_id, "kind": r.kind,
                     "payload": r.payload, "base": r.base_seq, "hlc": r.hlc, "txn": r.txn_id,
                     "table_name": r.table_name, "row_id": r.row_id} for r in rows]
    pushed = _rows_of_inserts(db, recorded)
    for op in recorded:
        if op["kind"] == "insert":
            op["values"] = pushed.get((op["table"], op["row"]))
        else:
            op["values"] = {k: v for k, v in json.loads(op["payload"] or "{}").items()
                            if k != "id"}
    return recorded


def _cohort(db: Database) -> str:
    with db.write() as s:
        cohort = Cohort(name="Promo", start_date=date(2010, 5, 26))
        s.add(cohort)
        s.flush()
        return cohort.id


def test_a_database_that_never_joined_writes_no_outbox(db: Database) -> None:
    cohort_id = _cohort(db)
    with db.write() as s:
        s.add(Participant(cohort_id=cohort_id, last_name="A", first_name="B",
                          listed_on=date(2010, 1, 1)))
        s.execute(update(Participant).values(city="Lille"))
    assert ops(db) == []
    assert db.team_capture is False


def test_orm_inserts_updates_and_deletes_are_recorded_per_column(db: Database) -> None:
    fake_join(db)
    cohort_id = _cohort(db)
    with db.write() as s:
        person = Participant(cohort_id=cohort_id, last_name="Fabre", first_name="Léa",
                             listed_on=date(2010, 2, 1))
        s.add(person)
        s.flush()
        person_id = person.id
    with db.write() as s:
        loaded = s.get(Participant, person_id)
        assert loaded is not None
        loaded.phone = "0601020304"
    before_delete = ops(db)
    with db.write() as s:
        s.delete(s.get(Participant, person_id))
    recorded = ops(db)
    # Created then deleted before any push: the insert has nothing left to send.
    assert recorded[1]["values"] is None
    recorded[1]["values"] = before_delete[1]["values"]
    assert [(o["table"], o["kind"]) for o in recorded] == [
        ("cohort", "insert"), ("participant", "insert"), ("participant", "update"),
        ("participant", "delete")]
    inserted = recorded[1]["values"]
    assert inserted["last_name"] == "Fabre" and inserted["listed_on"] == "2010-02-01"
    assert inserted["cohort_id"] == cohort_id and "created_at" in inserted
    assert set(recorded[2]["values"]) == {"phone", "updated_at"}
    assert recorded[2]["values"]["phone"] == "0601020304"
    assert recorded[3]["values"] == {} and recorded[3]["row"] == person_id
    # The new row's values are those stored (read when pushed, nothing copied at import time).
    assert recorded[1]["payload"] == ""
    assert all(o["base"] == 7 for o in recorded)
    # One clock value per transaction, increasing.
    assert recorded[0]["hlc"] < recorded[1]["hlc"] < recorded[2]["hlc"] < recorded[3]["hlc"]


def test_statements_through_the_session_are_recorded(db: Database) -> None:
    fake_join(db)
    cohort_id = _cohort(db)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    with db.write() as s:
        s.execute(insert(Participant), [
            {"id": i, "cohort_id": cohort_id, "last_name": f"N{n}", "first_name": "P",
             "listed_on": date(2010, 1, 1)} for n, i in enumerate(ids)])
        s.execute(update(Participant).where(Participant.last_name == "N1").values(city="Arras"))
        s.execute(update(Participant), [{"id": ids[2], "email": "x@example.org"}])
        s.add(Outreach(participant_id=ids[0], done_on=date(2010, 3, 1), channel="telephone",
                       outcome="interesse"))
        s.flush()
        s.execute(delete(Participant).where(Participant.id == ids[0]))
    recorded = ops(db)[1:]
    kinds = [(o["table"], o["kind"], o["row"]) for o in recorded]
    assert kinds[:3] == [("participant", "insert", i) for i in ids]
    # Defaults the insert applied are in the outbox as stored.
    assert recorded[1]["values"]["phone"] == "" and recorded[1]["values"]["created_at"]
    assert kinds[3] == ("participant", "update", ids[1])
    assert recorded[3]["values"]["city"] == "Arras" and "updated_at" in recorded[3]["values"]
    assert kinds[4] == ("participant", "update", ids[2])
    assert recorded[4]["values"]["email"] == "x@example.org"
    assert kinds[5][:2] == ("outreach", "insert")
    assert kinds[6] == ("participant", "delete", ids[0])
    # All of it one transaction.
    assert len({o["txn"] for o in recorded}) == 1


def test_a_rolled_back_write_leaves_no_outbox(db: Database) -> None:
    fake_join(db)
    cohort_id = _cohort(db)
    before = len(ops(db))
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Participant(cohort_id=cohort_id, last_name="A", first_name="B",
                          listed_on=date(2010, 1, 1)))
        s.flush()
        raise RuntimeError("the coach cancelled")
    assert len(ops(db)) == before


def test_the_contact_import_reaches_the_outbox(db: Database, tmp_path: Path) -> None:
    from coachdesk.services.contact_import import import_contacts

    fake_join(db)
    report = import_contacts(db, DATA_DIR / "contacts" / "mission_locale_utf8_bom.csv",
                             cohort="Import")
    recorded = ops(db)
    people = [o for o in recorded if o["table"] == "participant" and o["kind"] == "insert"]
    assert report.imported > 0 and len(people) == report.imported
    with db.read() as s:
        stored = {p.id: p for p in s.execute(select(Participant)).scalars()}
    for op in people:
        assert op["values"]["last_name"] == stored[op["row"]].last_name
        assert op["values"]["search_text"] == stored[op["row"]].search_text
    assert [o for o in recorded if o["table"] == "cohort"]


def test_pending_local_columns_keep_their_value_when_the_server_sends_the_row(
    db: Database,
) -> None:
    from coachdesk.sync.applier import Applier

    fake_join(db)
    cohort_id = _cohort(db)
    with db.write() as s:
        person = Participant(cohort_id=cohort_id, last_name="Fabre", first_name="Léa",
                             listed_on=date(2010, 2, 1))
        s.add(person)
        s.flush()
        person_id = person.id
    with db.write() as s:
        s.execute(text("DELETE FROM sync_outbox"))
    with db.write() as s:
        loaded = s.get(Participant, person_id)
        assert loaded is not None
        loaded.phone = "0611111111"
    server_row = {"id": person_id, "cohort_id": cohort_id, "last_name": "FABRE",
                  "first_name": "Léa", "phone": "0622222222", "city": "Amiens",
                  "listed_on": "2010-02-01", "_seq": 9}
    with db.write() as s:
        applier = Applier(s)
        applier.rows("participant", [server_row])
    with db.read() as s:
        row = s.get(Participant, person_id)
        assert row is not None
        assert (row.phone, row.city, row.last_name) == ("0611111111", "Amiens", "FABRE")
        # The search text follows the merged row.
        assert row.search_text.startswith("fabre | lea") and "0611111111" in row.search_text
    # Applying the server's rows wrote nothing to the outbox.
    assert [o["kind"] for o in ops(db)] == ["update"]
