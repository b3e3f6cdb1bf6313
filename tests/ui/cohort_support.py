"""Shared set-up of the Cohorte screens' tests: a small cohort, French translation, quiet
messages (recorded in ``messages.last_messages`` instead of opening dialogs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.ui.widgets import messages
from tests import builders as b


@pytest.fixture
def french() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    messages.quiet = True
    messages.last_messages.clear()
    yield
    messages.quiet = False
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def cohort(tmp_path: Path, home: Path, french: None) -> Iterator[tuple[Database, str]]:
    """A cohort of four contacts with phones; the database file is in tmp_path."""
    database = open_database(tmp_path / "coachdesk.sqlite3")
    cohort_id = b.cohort(database, "Promotion 2010", date(2010, 2, 1))
    for last, first, phone in (("LEFÈVRE", "Élodie", "06 12 34 56 78"),
                               ("Martin", "Lucas", "06 22 33 44 55"),
                               ("N'Guyen", "Chloé", "07 11 22 33 44"),
                               ("Dubois", "Théo", "06 98 76 54 32")):
        b.person(database, cohort_id, last, first, phone=phone,
                 email=f"{first.lower()}@exemple.fr", listed_on=date(2010, 2, 1))
    yield database, cohort_id
    database.dispose()


def person_id(database: Database, last_name: str) -> str:
    from sqlalchemy import select

    from coachdesk.models import Participant

    with database.read() as session:
        return str(session.scalar(select(Participant.id).where(
            Participant.last_name == last_name)))
