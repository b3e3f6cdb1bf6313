"""The Cohorte list's model: everyone listed, each person's whole row read only when shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.db import Database, open_database
from coachdesk.services.cohorts import cohort_choices
from coachdesk.services.lists import listed_people, participant_rows
from coachdesk.services.participant_list import ParticipantRow, search_rows
from coachdesk.services.participants import ParticipantData, update_participant
from coachdesk.services.text import person_name
from coachdesk.ui.cohort import people_model
from coachdesk.ui.cohort.people_model import PeopleModel
from coachdesk.ui.cohort.tab import COLUMNS
from coachdesk.ui.widgets.table_model import sort_key
from tests import builders as b

TOWN = [str(column.header) for column in COLUMNS].index("Town")


class CountedReader:
    """Reads whole rows through ``participant_rows``, as the tab does, and notes each read."""

    def __init__(self, database: Database, cohort_id: str) -> None:
        self.database, self.cohort_id = database, cohort_id
        self.reads: list[list[str] | None] = []

    def __call__(self, people: list[str] | None) -> list[ParticipantRow]:
        self.reads.append(people)
        return participant_rows(self.database, self.cohort_id, people=people)


@pytest.fixture
def database(demo_path: Path) -> Database:
    db = open_database(demo_path)
    yield db
    db.dispose()


def _cells(model: PeopleModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_people_model_passes_qt_model_tester(
        qtmodeltester: ModelTester, database: Database) -> None:
    cohort = cohort_choices(database)[0].id
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=CountedReader(database, cohort))
    qtmodeltester.check(model)
    model.sort(TOWN)
    qtmodeltester.check(model)
    model.set_people([])
    assert model.rowCount(QModelIndex()) == 0


def test_emptying_the_list_keeps_no_whole_row(database: Database) -> None:
    """As the window locks: the list is emptied, and no one's whole row stays behind."""
    cohort = cohort_choices(database)[0].id
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=CountedReader(database, cohort))
    first = model.row_at(0).id
    assert model.whole_row_by_id(first) is not None
    model.set_rows([])
    assert model.rowCount() == 0 and model.whole_row_by_id(first) is None
    assert model.whole_rows() == []


def test_only_the_rows_shown_are_read_and_they_show_what_the_whole_list_would(
        database: Database) -> None:
    cohort = cohort_choices(database)[0].id
    whole = participant_rows(database, cohort)  # by name, as the list
    reader = CountedReader(database, cohort)
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=reader)
    assert model.rowCount() == len(whole) == 275 and reader.reads == []
    # The first row asked for reads a block around it, not everyone.
    first = _cells(model, 0)
    assert first[:2] == [person_name(whole[0].last_name, ""), whole[0].first_name]
    assert len(reader.reads) == 1 and reader.reads[0] is not None
    assert 0 < len(reader.reads[0]) < 275
    for row in range(20):  # the rest of the screenful: already read
        _cells(model, row)
    assert len(reader.reads) == 1
    # The last row, far below: its own block, and the cells are the whole list's.
    last = _cells(model, 274)
    assert len(reader.reads) == 2 and whole[-1].id in (reader.reads[1] or [])
    assert last[:2] == [person_name(whole[-1].last_name, ""), whole[-1].first_name]
    assert last[TOWN] == whole[-1].city
    assert [model.whole_row(row) for row in range(275)] == whole


def test_sorting_by_a_column_of_whole_rows_reads_everyone_once(database: Database) -> None:
    cohort = cohort_choices(database)[0].id
    whole = participant_rows(database, cohort)
    reader = CountedReader(database, cohort)
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=reader)
    model.sort(TOWN, Qt.SortOrder.DescendingOrder)
    assert reader.reads == [None]
    towns = [model.index(row, TOWN).data() for row in range(275)]
    expected = sorted(whole, key=lambda row: sort_key(row.city))
    assert towns == [row.city for row in reversed(expected)]
    model.sort(0)  # by name again: nothing more to read
    assert reader.reads == [None]
    assert [model.row_at(row).id for row in range(275)] == [row.id for row in whole]


def test_a_search_and_a_changed_person_from_an_empty_database(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", date(2010, 5, 1))
    lea = b.person(db, cohort, "Roux", "Léa")
    b.person(db, cohort, "Aubert", "Théo")
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(db, cohort), read=CountedReader(db, cohort))
    assert [model.index(row, 1).data() for row in range(2)] == ["Théo", "Léa"]
    model.set_filter(lambda people: search_rows(people, "lea roux"))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "ROUX"
    # Léa Roux marries: the list puts her whole new row in place.
    update_participant(db, lea, ParticipantData(last_name="Abadie", first_name="Léa"))
    model.put_people(participant_rows(db, cohort, people=[lea]))
    model.set_filter(None)
    assert [model.index(row, 0).data() for row in range(2)] == ["ABADIE", "AUBERT"]


@pytest.mark.logs_warning
def test_rows_that_cannot_be_read_stay_empty_without_an_error(
        database: Database, caplog: pytest.LogCaptureFixture) -> None:
    cohort = cohort_choices(database)[0].id
    tries: list[object] = []

    def closed(people: list[str] | None) -> list[ParticipantRow]:
        tries.append(people)
        raise OSError("the database is closed")

    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=closed)
    assert model.rowCount() == 275
    assert model.index(0, 0).data() is None and model.whole_row(0) is None
    assert model.whole_row_by_id(model.row_at(0).id) is None
    for row in range(20):  # a screenful painted: not one try per cell
        _cells(model, row)
    assert len(tries) == 1
    assert [r.getMessage() for r in caplog.records] == ["whole rows not read: OSError"]
    # A reader that works again (the database opened): the rows are read.
    model.set_reader(CountedReader(database, cohort))
    assert model.index(0, 1).data() == participant_rows(database, cohort)[0].first_name


def test_the_others_are_read_in_the_background_then_any_sort_is_immediate(
        qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    cohort = cohort_choices(database)[0].id
    whole = participant_rows(database, cohort)
    monkeypatch.setattr(people_model, "_FILL", 100)  # blocks of 100 of the demo's 275
    reader = CountedReader(database, cohort)
    model = PeopleModel(COLUMNS)
    model.set_people(listed_people(database, cohort), read=reader)
    model.fill_in_background()
    qtbot.waitUntil(lambda: len(reader.reads) == 3)
    qtbot.wait(50)
    assert len(reader.reads) == 3  # then it stops
    blocks = [read or [] for read in reader.reads]
    assert all(0 < len(block) <= 100 for block in blocks)
    assert [person for block in blocks for person in block] == [row.id for row in whole]
    model.sort(TOWN)
    assert len(reader.reads) == 3
    assert [model.index(row, TOWN).data() for row in range(275)] == [
        row.city for row in sorted(whole, key=lambda row: sort_key(row.city))]
