"""The import's one write transaction: matched before the lock, batches, cancel, other writers."""

from __future__ import annotations

import multiprocessing
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, literal_column, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant
from coachdesk.services.contact_import import (
    ImportCancelled,
    import_contacts,
    importer,
    matching,
    new_rows,
)

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


def test_a_later_duplicate_completes_a_newcomer_far_above(database: Database, tmp_path):
    # Row 1203 completes the person of row 2, more than a thousand rows earlier.
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


def test_cancelling_while_reading_writes_nothing(database: Database, tmp_path: Path):
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
    assert [done for done, _total in ticks] == [501, 1001]
    assert count(database, Participant) == 0
    assert count(database, Cohort) == 0
    assert multiprocessing.active_children() == []


def test_a_broken_workbook_gets_the_coachs_message(database: Database, tmp_path: Path):
    broken = tmp_path / "contacts.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(UserError) as raised:
        import_contacts(database, broken, today=TODAY)
    assert raised.value.message == (
        "Le fichier « contacts.xlsx » n'a pas pu être lu : ce n'est pas un classeur Excel valide."
    )
    assert raised.value.hint is not None and ".xlsx" in raised.value.hint
    assert count(database, Cohort) == 0


def _import_in_a_daemon(database_path: str, messages: Any) -> None:
    """What the window's worker process does (it is daemonic)."""
    database = open_database(Path(database_path), create=False)
    try:
        report = import_contacts(database, UNIVERSITY, today=TODAY)
        messages.put((report.imported, report.data_rows, len(multiprocessing.active_children())))
    except BaseException as error:  # pragma: no cover - reported to the test
        messages.put(repr(error))
    finally:
        database.dispose()


def test_the_windows_daemonic_worker_imports_without_children(database: Database):
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


def test_cancelling_between_insert_batches_writes_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(importer, "INSERT_BATCH", 100)
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom\n" + "".join(f"Nom{i};Prénom{i}\n" for i in range(450)),
                    encoding="utf-8")
    polls: list[int] = []

    def cancel() -> bool:
        polls.append(count(database, Participant))  # what a second connection sees
        return len(polls) > 3

    with pytest.raises(ImportCancelled):
        import_contacts(database, path, cancel=cancel, today=TODAY)
    # Polled after reading (nothing written), then before each batch: the batches already
    # inserted are invisible to others and rolled back.
    assert polls == [0, 0, 0, 0]
    assert count(database, Participant) == 0
    assert count(database, Cohort) == 0


def test_people_changed_while_the_file_was_read_are_matched_again(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Another window adds Léa Durand after the import read the people, before it writes."""
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom;Date de naissance;Ville\nDurand;Léa;12/03/1991;Sète\n"
                    "Martin;Paul;01/01/1990;Agde\n", encoding="utf-8")
    import_contacts(database, _one_person(tmp_path),
                    cohort="Promo", today=TODAY)
    original = importer._write

    def write_after_someone_else(*args: Any, **kwargs: Any) -> None:
        with database.write() as session:
            session.execute(Participant.__table__.update().values(birth_date=date(1991, 3, 12)))
        original(*args, **kwargs)

    monkeypatch.setattr(importer, "_write", write_after_someone_else)
    reads = _counted_reads(monkeypatch)
    report = import_contacts(database, path, cohort="Promo", today=TODAY)
    # Read before the file, then again under the lock: someone wrote in between.
    assert len(reads) == 2
    assert report.imported == 1
    assert [(d.row, d.name, d.filled) for d in report.duplicates] == [
        (2, "Durand Léa", ("Ville",))
    ]
    people = stored(database)
    assert set(people) == {"Durand Léa", "Martin Paul"}
    assert people["Durand Léa"]["city"] == "Sète"


def test_people_nobody_changed_are_not_read_again_under_the_lock(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The people are read and written on one connection: SQLite tells it whether anyone
    else committed in between, and nobody did, so the lock is not held to read them again."""
    first = tmp_path / "premier.csv"
    first.write_text("Nom;Prénom;Date de naissance\nDurand;Léa;12/03/1991\n", encoding="utf-8")
    import_contacts(database, first, cohort="Promo", today=TODAY)
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom;Date de naissance;Ville\nDurand;Léa;12/03/1991;Sète\n"
                    "Martin;Paul;01/01/1990;Agde\n", encoding="utf-8")
    reads = _counted_reads(monkeypatch)
    report = import_contacts(database, path, cohort="Promo", today=TODAY)
    assert len(reads) == 1
    assert report.imported == 1
    assert [(d.row, d.name, d.filled) for d in report.duplicates] == [
        (2, "Durand Léa", ("Ville",))
    ]
    assert stored(database)["Durand Léa"]["city"] == "Sète"
    # A new promotion is written with its people, in the same transaction.
    report = import_contacts(database, path, cohort="Promo 2", today=TODAY)
    assert (len(reads), report.imported, len(report.followed_on), report.cohort_created) == (
        2, 2, 2, True)
    assert count(database, Cohort) == 2


def _counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each reading of everyone known by the import, counted."""
    reads: list[int] = []
    original = matching._known_people

    def counted(session: Any) -> dict[str, dict[str, Any]]:
        reads.append(1)
        return original(session)

    monkeypatch.setattr(matching, "_known_people", counted)
    return reads


def _one_person(tmp_path: Path) -> Path:
    first = tmp_path / "premier.csv"
    first.write_text("Nom;Prénom\nDurand;Léa\n", encoding="utf-8")
    return first


def test_an_sqlite_taking_few_parameters_gets_the_same_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """SQLite before 3.32 takes 999 parameters a statement: the INSERTs hold fewer rows, the
    people written (several batches, made while the previous one is inserted) are the same."""
    import sqlite3

    from sqlalchemy import event

    monkeypatch.setattr(importer, "INSERT_BATCH", 500)
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom;Date de naissance;Téléphone\n" + "".join(
        f"Nom{i};Prénom{i};{i % 28 + 1:02d}/03/1991;06 12 34 {i % 100:02d} {i // 100:02d}\n"
        for i in range(1234)), encoding="utf-8")
    results = []
    for limit in (999, None):
        db = open_database(tmp_path / f"limite-{limit}.sqlite3")
        if limit is not None:
            def lower(dbapi_connection: Any, _record: Any, limit: int = limit) -> None:
                dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)

            event.listen(db.engine, "connect", lower)
            db.engine.dispose()
            with db.engine.connect() as connection:
                raw: Any = connection.connection.dbapi_connection
                assert raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == 999
        try:
            report = import_contacts(db, path, cohort="Promo", today=TODAY)
            assert (report.imported, report.rejected, report.warnings) == (1234, [], [])
            results.append(stored(db))
        finally:
            db.dispose()
    assert len(results[0]) == 1234
    assert results[0] == results[1]
    assert results[0]["Nom1233 Prénom1233"]["phone"] == "06 12 34 33 12"


def _is_fresh_id(value: str) -> bool:
    parsed = uuid.UUID(value)
    return str(parsed) == value and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_ids_drawn_ahead_are_the_first_ones_drawn_in_order():
    spare = new_rows.SpareIds(1_000)
    assert len(set(spare.drawn)) == 1_000 and all(map(_is_fresh_id, spare.drawn))
    for wanted in (1_000, 999, 640, 63):
        assert spare.take(wanted) == sorted(spare.drawn[:wanted])
    for wanted in (61, 1, 0, 1_001):
        # So few that they are drawn again, or more than drawn: fresh ones, in order all the same.
        ids = spare.take(wanted)
        assert len(set(ids)) == wanted and ids == sorted(ids) and all(map(_is_fresh_id, ids))


def test_the_people_of_a_measured_sheet_get_ids_drawn_while_it_loads(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    measured: list[int] = []
    drawn_ahead = new_rows.SpareIds

    def spare(count: int) -> new_rows.SpareIds:
        measured.append(count)
        return drawn_ahead(count)

    monkeypatch.setattr(importer, "SpareIds", spare)
    path = tmp_path / "liste.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Liste des inscrits"])
    sheet.append(["Nom", "Prénom", "Courriel"])
    for index in range(40):
        sheet.append([f"Nom{index}", "Léa", f"lea{index}@exemple.fr"])
    sheet.append(["Nom0", "Léa", "lea0@exemple.fr"])  # a duplicate
    sheet.append([None, "Sans nom", None])  # rejected
    book.save(path)
    report = import_contacts(database, path, today=TODAY)
    assert (report.imported, len(report.duplicates), len(report.rejected)) == (40, 1, 1)
    # The sheet's 44 rows were known before it was loaded: ids for as many were drawn then.
    assert measured == [44]
    with database.read() as session:
        # In the order inserted (the file's): the ids go up.
        in_file_order = [str(value) for value in session.scalars(
            select(Participant.id).order_by(literal_column("participant.rowid")))]
    assert len(set(in_file_order)) == 40 and all(map(_is_fresh_id, in_file_order))
    assert in_file_order == sorted(in_file_order)
    assert import_contacts(database, path, today=TODAY, dry_run=True).imported == 0
    assert measured == [44]  # a dry run draws none


def test_a_value_every_newcomer_shares_is_written_to_each_of_them(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    made: list[new_rows.NewRows] = []
    make = new_rows.NewRows.make

    def watched(self: new_rows.NewRows, start: int, stop: int) -> list[tuple[Any, ...]]:
        made.append(self)
        return make(self, start, stop)

    monkeypatch.setattr(new_rows.NewRows, "make", watched)
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom;Ville;Remarques;Année du bac\n"
                    "Durand;Léa;Sète;;2009\nPetit;Théo;Sète;;2009\nMoreau;Zoé;Sète;rappeler;2009\n",
                    encoding="utf-8")
    assert import_contacts(database, path, today=TODAY).imported == 3
    # One town, one year, no follow-on, no coach, no phone…: passed once for the three rows.
    same = made[0].same
    assert (same["city"], same["bac_year"], same["follows_from_id"], same["phone"]) == (
        "Sète", 2009, None, "")
    assert not {"last_name", "first_name", "notes", "search_text", "id"} & set(same)
    people = stored(database)
    assert {name: (person["city"], person["bac_year"], person["notes"], person["follows_from_id"])
            for name, person in people.items()} == {
        "Durand Léa": ("Sète", 2009, "", None),
        "Petit Théo": ("Sète", 2009, "", None),
        "Moreau Zoé": ("Sète", 2009, "rappeler", None),
    }
    path.write_text("Nom;Prénom;Ville\nMartin;Inès;Agde\nRobert;Hugo;Sète\n", encoding="utf-8")
    assert import_contacts(database, path, today=TODAY).imported == 2
    assert "city" not in made[1].same and made[1].same["notes"] == ""
    assert (stored(database)["Martin Inès"]["city"], stored(database)["Robert Hugo"]["city"]) == (
        "Agde", "Sète")
