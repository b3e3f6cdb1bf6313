"""The Cohorte list's model: everyone in the promotion, each person's whole row read when shown.

At 80,000 people, reading and building every person's whole row (name, phone, e-mail, town,
coach…) took most of the window's start-up. The list holds everyone's listed part
(``ListedPerson``: the folded text a search and the order by name read, the stage the filter
and the counts read), which is enough for every row to be there — to scroll, search, filter and
count. The whole rows are read for the rows the view asks about, a block at a time around them,
and kept. Once the database is open, the others' are read in the background, a block per turn
of the event loop, so that sorting by a column they hold (the town…) is as quick as before;
sorting by one earlier reads the rest at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer

from coachdesk.services.participant_list import ListedPerson, listed, name_order
from coachdesk.ui.widgets.table_model import Column, FilteredTableModel

if TYPE_CHECKING:
    from coachdesk.services.participant_list import ParticipantRow

log = logging.getLogger(__name__)

# Reads the whole rows of the people named (None: everyone in the promotion).
RowReader = Callable[[list[str] | None], list["ParticipantRow"]]

# The block of whole rows read around a row the view asks about: a screenful above it and a
# few screenfuls below it (the way a list is mostly scrolled).
_BEFORE, _AFTER = 50, 200

# Whole rows read per turn of the event loop in the background (about 25 ms at 80,000 people:
# the window answers between two blocks).
_FILL = 1000


def _person_id(person: ListedPerson) -> str:
    return person.id


class PeopleModel(FilteredTableModel[ListedPerson]):
    """Everyone listed (:meth:`set_people`); the columns read each person's whole row."""

    def __init__(self, columns: Sequence[Column[ParticipantRow]], parent: Any = None) -> None:
        # The columns read whole rows: :meth:`_row_read` hands them one.
        super().__init__(cast("Sequence[Column[ListedPerson]]", columns), _person_id, parent)
        self._whole: dict[str, ParticipantRow] = {}
        self._read: RowReader | None = None
        # A read that failed is not tried again on every cell painted: until the next list
        # or reader, the rows not read stay empty.
        self._failed = False
        # The background reading: where in the list it has got to.
        self._fill_from = 0
        self._filler = QTimer(self, singleShot=True, interval=0)
        self._filler.timeout.connect(self._fill_some)

    def set_people(self, people: Sequence[ListedPerson], rows: Iterable[ParticipantRow] = (),
                   read: RowReader | None = None) -> None:
        """Show ``people`` (ordered by name), with the whole rows already read of some of
        them; ``read`` reads the others'."""
        self._whole = {row.id: row for row in rows}
        self._read, self._failed = read, False
        super().set_rows(people, ordered_by=name_order)

    def set_rows(self, rows: Sequence[ListedPerson], *,
                 ordered_by: Callable[[ListedPerson], Any] | None = None) -> None:
        """Listed people without whole rows, nor a way to read them: what empties the list
        when the window locks (no one's whole row is kept behind it)."""
        self._whole, self._read = {}, None
        super().set_rows(rows, ordered_by=ordered_by)

    def set_reader(self, read: RowReader | None) -> None:
        """Read the whole rows from elsewhere from now on (the same data: the database opened
        behind the first look)."""
        self._read, self._failed = read, False

    def fill_in_background(self) -> None:
        """Read everyone's whole rows not read yet, a block per turn of the event loop, in the
        list's order, until all are in (a new list or reader starts again from the top)."""
        self._fill_from = 0
        self._filler.start()

    def _fill_some(self) -> None:
        everyone, whole, at = self._everyone, self._whole, self._fill_from
        wanted: list[str] = []
        while at < len(everyone) and len(wanted) < _FILL:
            if everyone[at].id not in whole:
                wanted.append(everyone[at].id)
            at += 1
        self._fill_from = at
        if wanted and self._read is not None and not self._failed:
            self._read_rows(wanted)
            self._filler.start()

    def put_people(self, rows: Sequence[ParticipantRow], removed: Iterable[str] = ()) -> None:
        """Put these whole rows (new or changed people) in their place and drop ``removed``."""
        removed = set(removed)
        for person in removed:
            self._whole.pop(person, None)
        self._whole.update((row.id, row) for row in rows)
        self.put_rows([listed(row) for row in rows], removed)

    def whole_row(self, position: int) -> ParticipantRow | None:
        """The whole row of the person shown at ``position`` (None: it could not be read)."""
        person = self._rows[position]
        found = self._whole.get(person.id)
        if found is None:
            start = max(0, position - _BEFORE)
            self._read_rows([shown.id for shown in self._rows[start:position + _AFTER]
                             if shown.id not in self._whole])
            found = self._whole.get(person.id)
        return found

    def whole_row_by_id(self, person: str) -> ParticipantRow | None:
        """The whole row of ``person`` (None: not in the list, or it could not be read)."""
        if person not in self._whole and self.row_by_id(person) is not None:
            self._read_rows([person])
        return self._whole.get(person)

    def whole_rows(self) -> list[ParticipantRow]:
        """Everyone's whole rows, in the list's order (those that could be read)."""
        missing = [person.id for person in self._everyone if person.id not in self._whole]
        if missing:
            self._read_rows(None if len(missing) > len(self._everyone) // 2 else missing)
        whole = self._whole
        return [whole[person.id] for person in self._everyone if person.id in whole]

    def _read_rows(self, people: list[str] | None) -> None:
        if self._read is None or self._failed or people == []:
            return
        try:
            rows = self._read(people)
        except Exception as exc:  # a closed or unreadable database: the cells stay empty
            log.warning("whole rows not read: %s", type(exc).__name__)
            self._failed = True
            return
        self._whole.update((row.id, row) for row in rows)

    def _row_read(self, position: int) -> Any:
        return self.whole_row(position)

    def _key(self) -> Callable[[ListedPerson], Any]:
        chosen = self._columns[self._order[0]]
        if chosen.sort_by is not None:
            return chosen.sort_by
        self.whole_rows()
        # (The columns read whole rows: see __init__.)
        whole, getter = self._whole, cast("Callable[[ParticipantRow], Any]", chosen.value)
        # (A person whose row could not be read sorts as an empty value: last.)
        return self._value_key(
            lambda person: getter(whole[person.id]) if person.id in whole else None)
