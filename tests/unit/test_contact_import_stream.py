"""A big workbook is parsed in a second process: same report, same rows, same rules as in-process.

The size threshold is lowered so the small sample files take the reader-process path.
"""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant
from coachdesk.services.contact_import import ImportCancelled, import_contacts, stream

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "contacts"
UNIVERSITY = SAMPLES / "universite_2010.xlsx"
TODAY = date(2010, 2, 20)
# Columns that differ from one import to another whatever the path.
_VOLATILE = {"id", "cohort_id", "created_at", "updated_at", "imported_at"}


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "coachdesk.sqlite3")
    yield db
    db.dispose()


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every workbook goes through the reader process; records the files it read."""
    used: list[Path] = []
    original = stream.open_table_in_reader

    def recording(path: Path | str, **options: Any) -> Any:
        used.append(Path(path))
        return original(path, **options)

    monkeypatch.setattr(stream, "MIN_BYTES", 0)
    monkeypatch.setattr(stream, "open_table_in_reader", recording)
    return used


def stored(db: Database) -> dict[str, dict[str, Any]]:
    with db.read() as session:
        rows = session.execute(select(Participant.__table__)).mappings().all()
    return {
        f"{row['last_name']} {row['first_name']}": {
            name: value for name, value in row.items() if name not in _VOLATILE
        }
        for row in rows
    }


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_reader_process_gives_the_same_report_and_rows(tmp_path: Path, monkeypatch):
    in_process = open_database(tmp_path / "a.sqlite3")
    through_reader = open_database(tmp_path / "b.sqlite3")
    try:
        expected = import_contacts(in_process, UNIVERSITY, cohort="Promo 2010", today=TODAY)
        used: list[Path] = []
        original = stream.open_table_in_reader
        monkeypatch.setattr(stream, "MIN_BYTES", 0)
        monkeypatch.setattr(stream, "open_table_in_reader",
                            lambda path, **kw: used.append(path) or original(path, **kw))
        report = import_contacts(through_reader, UNIVERSITY, cohort="Promo 2010", today=TODAY)
        assert used == [UNIVERSITY]
        assert report == expected
        assert (report.header_row, report.data_rows, report.imported) == (3, 10, 6)
        assert stored(through_reader) == stored(in_process)
        assert stored(through_reader)["DUPONT Élodie"]["postcode"] == "34000"
    finally:
        in_process.dispose()
        through_reader.dispose()
    assert multiprocessing.active_children() == []


def test_a_later_duplicate_completes_a_newcomer_already_written(database: Database, tmp_path):
    # Newcomers are written every few hundred rows while the file is read: row 1203 completes
    # the person of row 2, inserted long before.
    lines = ["Nom;Prénom;Date de naissance;Portable;Ville", "Durand;Léa;12/03/1991;;"]
    lines += [f"Nom{index};Prénom{index};;;" for index in range(1200)]
    lines += ["DURAND;Lea;12/03/1991;0612345678;Sète", "Durand;Léa;12/03/1991;0699999999;Agde"]
    path = tmp_path / "complement.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_contacts(database, path, today=TODAY)
    assert report.imported == 1201
    assert [(d.row, d.same_as_row, d.filled) for d in report.duplicates] == [
        (1203, 2, ("Téléphone", "Ville")), (1204, 2, ()),
    ]
    lea = stored(database)["Durand Léa"]
    assert (lea["phone"], lea["city"]) == ("06 12 34 56 78", "Sète")
    assert lea["search_text"] == "durand | lea | lea durand | 0612345678"
    assert count(database, Participant) == 1201


def test_cancelling_stops_the_reader_and_writes_nothing(
    database: Database, tmp_path: Path, readers: list[Path]
):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Liste")
    sheet.append(["Nom", "Prénom", "Téléphone"])
    for index in range(3000):
        sheet.append([f"NOM{index}", f"Prénom{index}", 612000000 + index])
    path = tmp_path / "grand.xlsx"
    workbook.save(path)
    ticks: list[tuple[int, int | None]] = []
    with pytest.raises(ImportCancelled):
        import_contacts(database, path, progress=lambda done, total: ticks.append((done, total)),
                        cancel=lambda: len(ticks) >= 2, today=TODAY)
    assert readers == [path]
    assert [done for done, _total in ticks] == [501, 1001]
    assert count(database, Participant) == 0
    assert count(database, Cohort) == 0
    assert multiprocessing.active_children() == []


def test_reader_process_passes_on_the_coachs_message(
    database: Database, tmp_path: Path, readers: list[Path]
):
    broken = tmp_path / "contacts.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(UserError) as raised:
        import_contacts(database, broken, today=TODAY)
    assert readers == [broken]
    assert raised.value.message == (
        "Le fichier « contacts.xlsx » n'a pas pu être lu : ce n'est pas un classeur Excel valide."
    )
    assert raised.value.hint is not None and ".xlsx" in raised.value.hint
    assert count(database, Cohort) == 0


def _import_in_a_daemon(database_path: str, messages: Any) -> None:
    """What the window's worker process does (it is daemonic), with the reader forced."""
    stream.MIN_BYTES = 0
    database = open_database(Path(database_path), create=False)
    try:
        report = import_contacts(database, UNIVERSITY, today=TODAY)
        messages.put((report.imported, report.data_rows, len(multiprocessing.active_children())))
    except BaseException as error:  # pragma: no cover - reported to the test
        messages.put(repr(error))
    finally:
        database.dispose()


def test_the_windows_daemonic_worker_may_start_the_reader(database: Database):
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    worker = context.Process(
        target=_import_in_a_daemon, args=(str(database.path), messages), daemon=True
    )
    worker.start()
    outcome = messages.get(timeout=60)
    worker.join(timeout=30)
    assert outcome == (6, 10, 0)
    assert worker.exitcode == 0
    assert count(database, Participant) == 6
