"""A laptop in its own process, driven line by line (JSON) by the fault-injection harness.

Each answer is one JSON line on stdout. The harness kills this process with SIGKILL in the
middle of a synchronisation; what it committed before must survive.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def main() -> None:
    from sqlalchemy import select, text

    from coachdesk.db import Database, open_database
    from coachdesk.models import Cohort, Participant
    from coachdesk.sync import engine

    database: Database | None = None
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command: dict[str, Any] = json.loads(line)
        answer: dict[str, Any] = {"ok": True}
        try:
            kind = command["cmd"]
            if kind == "open":
                if database is not None:
                    database.dispose()
                database = open_database(Path(command["path"]))
            elif kind == "join":
                assert database is not None
                engine.join(database, command["url"], command["code"])
            elif kind == "people":
                assert database is not None
                ids = []
                with database.write() as s:
                    cohort_id = s.execute(select(Cohort.id).where(
                        Cohort.name == command["cohort"])).scalar()
                    if cohort_id is None:
                        cohort = Cohort(name=command["cohort"], start_date=date(2010, 5, 26))
                        s.add(cohort)
                        s.flush()
                        cohort_id = cohort.id
                    for n in range(command["n"]):
                        person = Participant(cohort_id=cohort_id, last_name=f"Nom{n}",
                                             first_name="Prénom", listed_on=date(2010, 1, 1))
                        s.add(person)
                        s.flush()
                        ids.append(person.id)
                answer["ids"] = ids
            elif kind == "edit":
                assert database is not None
                with database.write() as s:
                    person = s.get(Participant, command["row"])
                    if person is None:
                        answer["ok"] = False
                        answer["missing"] = True
                    else:
                        setattr(person, command["column"], command["value"])
            elif kind == "sync":
                assert database is not None
                report = engine.synchronise(database)
                answer["report"] = report.as_json()
            elif kind == "dump":
                assert database is not None
                with database.read() as s:
                    answer["rows"] = {
                        p.id: {c: getattr(p, c) for c in command["columns"]}
                        for p in s.execute(select(Participant)).scalars()
                    }
                    answer["outbox"] = [list(r) for r in s.execute(text(
                        "SELECT status, refusal_code FROM sync_outbox"))]
                    answer["lost"] = [list(r) for r in s.execute(text(
                        "SELECT row_id, column_name, lost_value FROM sync_conflict"))]
        except Exception as error:
            answer = {"ok": False, "error": type(error).__name__, "message": str(error)[:300]}
        print(json.dumps(answer, ensure_ascii=False, default=str), flush=True)


if __name__ == "__main__":
    main()
