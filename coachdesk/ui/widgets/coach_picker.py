"""Choosing a coach: « Chargé·e », « Appel passé par », « Chargé·e de suivi », a campaign's
sender, a promotion's coaches. Also the laptop's preference « which coach uses this laptop »,
which pre-fills those fields.

The preference is the coach record's id in the settings file (an id, never a name), one per
database: a coach working on two databases is two records.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from coachdesk.services.coaches import CoachRow, list_coaches
from coachdesk.ui.widgets.settings import settings

if TYPE_CHECKING:
    from coachdesk.db import Database

_PREFERENCE = "laptop/coach"


def _key(database: Database) -> str:
    # One preference per database file, named by a digest of its path.
    where = str(database.path.resolve()) if database.path else "memory"
    return f"{_PREFERENCE}/{hashlib.sha256(where.encode()).hexdigest()[:16]}"


def laptop_coach_id(database: Database) -> str | None:
    """The coach who uses this laptop on this database, if one was chosen and still exists."""
    value = settings().value(_key(database), "", type=str)
    if not value:
        return None
    known = {coach.id for coach in list_coaches(database)}
    return str(value) if value in known else None


def set_laptop_coach_id(database: Database, coach_id: str | None) -> None:
    store = settings()
    if coach_id:
        store.setValue(_key(database), coach_id)
    else:
        store.remove(_key(database))
    store.sync()


class CoachPicker(QComboBox):
    """The coaches still working, by name, after a « nobody » entry.

    Pre-selects ``coach_id`` when given (a coach who left stays shown for the record that
    names them), else the laptop's coach when ``laptop_default``.
    """

    def __init__(self, database: Database, coach_id: str | None = None, *,
                 laptop_default: bool = True, name: str = "coachPicker",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.database = database
        self.reload(coach_id if coach_id or not laptop_default
                    else laptop_coach_id(database))

    def reload(self, selected: str | None = None) -> None:
        coaches: list[CoachRow] = list_coaches(self.database)
        if selected and selected not in {coach.id for coach in coaches}:
            coaches += [coach for coach in list_coaches(self.database, include_archived=True)
                        if coach.id == selected]
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(nobody)"), None)
        for coach in coaches:
            label = coach.name + (f" — {coach.structure}" if coach.structure else "")
            self.addItem(label, coach.id)
        self.set_coach_id(selected)
        self.blockSignals(False)

    def coach_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def set_coach_id(self, coach_id: str | None) -> None:
        index = self.findData(coach_id) if coach_id else 0
        self.setCurrentIndex(max(index, 0))
