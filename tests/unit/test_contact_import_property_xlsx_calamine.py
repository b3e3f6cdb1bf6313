"""Every row of a generated xlsx workbook is imported, a duplicate, rejected or blank, read
with calamine (the property is in ``test_contact_import_property``; each reader has its own file
so that the test runner's two workers share the longest runs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given

from coachdesk.db import Database, open_database
from coachdesk.services.contact_import import reader
from tests.unit.test_contact_import_property import SETTINGS, Table, check_xlsx, contact_tables


@pytest.fixture(autouse=True)
def workbook_engine(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(reader, "workbook_engine", "calamine")
    return "calamine"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("property") / "coachdesk.sqlite3")
    yield db
    db.dispose()


@SETTINGS
@given(table=contact_tables())
def test_xlsx_rows_are_all_accounted_for(database: Database, table: Table) -> None:
    check_xlsx(database, table)
