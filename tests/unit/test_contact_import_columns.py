"""The import's column-at-a-time work decides exactly as its row-by-row rules.

:meth:`RowChecker.check_rows` (a batch of rows, a column at a time, each distinct value worked
out once) against :meth:`RowChecker.check` (one row at a time): same people, same rejects, same
warnings in the same order. ``Matcher.add_all`` (identity keys made a column at a time)
against ``Matcher.add`` (one person at a time): same newcomers, duplicates, follow-ons and
details filled. The values of people checked together, read a column at a time from their
batch (:func:`gather`), against each person's values.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.services.contact_import.checks import (
    CheckedPerson,
    ImportReport,
    RowChecker,
    gather,
)
from coachdesk.services.contact_import.columns import FIELDS
from coachdesk.services.contact_import.matching import KNOWN_COLUMNS, Matcher
from coachdesk.services.contact_import.reader import Column

EXAMPLES = int(os.environ.get("COACHDESK_HYPOTHESIS_EXAMPLES", "200"))
TODAY = date(2010, 2, 20)
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None)

_TEXTS = st.sampled_from([
    "", " ", "Élodie", " MARTIN ", "martin", "N'Guyen", "Dupont-Durand", "=cmd", "06 12 34 56 78",
    "0612345678", "06 00 00 00 00", "+33 6 12 34 56 78", "12", "a@b.fr", " A@B.FR ", "pas-un-mail",
    "é@x.fr", "31/02/1999", "12/03/1991", "05/06/93", "1991-03-12", "36526", "1000", "34 000",
    "ES", "Bac pro", "STG", "général", "techno", "??", "2009", "1949", "1234567890A",
    "1234567890a", "12345 67890A", "à rappeler", "ligne\nsuivante",
])
_CELLS = st.one_of(
    st.none(),
    _TEXTS,
    st.text(max_size=8),
    st.integers(min_value=-10, max_value=10**10),
    st.sampled_from([612345678.0, 600000001.0, 34000.0, 1000.0, 36526.0, 2009.0, 1.5, -0.0]),
    st.booleans(),
    st.dates(min_value=date(1880, 1, 1), max_value=date(2030, 1, 1)),
    st.datetimes(min_value=datetime(1880, 1, 1), max_value=datetime(2030, 1, 1)),
    st.just("x" * 32_800),  # longer than a cell may be: cut, with a warning
)

_CLEAN = {
    "last_name": st.sampled_from(["Martin", " MARTIN ", "N'Guyen", "Lefèvre"]),
    "first_name": st.sampled_from(["Élodie", "Lucas", "Zoé "]),
    "birth_date": st.sampled_from([date(1991, 3, 12), datetime(1990, 1, 1), "12/03/1991",
                                   36526.0]),
    "phone": st.sampled_from(["06 12 34 56 78", 612345678.0, "0781234567"]),
    "email": st.sampled_from(["a@b.fr", " élodie@exemple.fr"]),
    "address": st.sampled_from(["1 rue des Lilas", ""]),
    "postcode": st.sampled_from([34000.0, "01000", 1000.0]),
    "city": st.sampled_from(["Sète", "Montpellier"]),
    "ine": st.sampled_from(["1234567890A", "12345 67890a"]),
    "university_track": st.sampled_from(["AES", "LEA"]),
    "bac_type": st.sampled_from(["général", "pro", "Techno"]),
    "bac_series": st.sampled_from(["ES", "STG", "Bac pro commerce", "Option ?"]),
    "bac_year": st.sampled_from([2009.0, "2008", datetime(2007, 7, 1)]),
    "notes": st.sampled_from(["à rappeler", ""]),
}


@st.composite
def batches(draw: st.DrawFn) -> tuple[tuple[Column, ...], list[tuple[int, tuple[Any, ...]]]]:
    """Mapped columns (names always, other fields in any order) and ragged rows of cells."""
    others = draw(st.lists(st.sampled_from(
        [name for name in FIELDS if name not in ("last_name", "first_name")]), unique=True))
    fields = draw(st.permutations(["last_name", "first_name", *others]))
    columns = tuple(Column(index, FIELDS[name], name) for index, name in enumerate(fields))
    width = len(columns)
    # Messy rows, and rows as a careful file has them (nothing to report: the column path).
    clean = st.tuples(*(st.one_of(st.none(), _CLEAN[name]) for name in fields))
    rows = draw(st.lists(st.one_of(
        st.lists(_CELLS, min_size=0, max_size=width + 1).map(tuple), clean, clean,
    ), max_size=30))
    return columns, [(number + 5, row) for number, row in enumerate(rows)]


def _people(results: list[CheckedPerson | str]) -> list[Any]:
    return [result if isinstance(result, str)
            else (result.row, result.values, list(result.note_parts)) for result in results]


@_SETTINGS
@given(batch=batches(), again=batches())
def test_rows_checked_by_column_are_checked_as_row_by_row(batch, again):
    columns, rows = batch
    guess = not any(column.field == "bac_type" for column in columns)
    by_column = ImportReport("f.xlsx", "", 1, "", False, False)
    by_row = ImportReport("f.xlsx", "", 1, "", False, False)
    checker = RowChecker(columns, TODAY, by_column, guess_bac_type=guess)
    reference = RowChecker(columns, TODAY, by_row, guess_bac_type=guess)
    # Twice: the second batch finds the first one's values already worked out.
    for numbered in (rows, rows + [(number + 100, row) for number, row in again[1]]):
        assert _people(checker.check_rows(numbered)) == _people(
            [reference.check(number, row) for number, row in numbered])
        assert by_column.warnings == by_row.warnings


def _known(number: int, cohort: str, **values: Any) -> dict[str, Any]:
    person = dict.fromkeys(KNOWN_COLUMNS, "")
    person.update(id=f"id-{number}", cohort_id=cohort, birth_date=None, bac_type=None,
                  bac_year=None, coach_id=None, listed_on=date(2009, 9, number % 28 + 1))
    person.update(values)
    return person


_KNOWN = {person["id"]: person for person in (
    _known(1, "here", last_name="Martin", first_name="Élodie", birth_date=date(1991, 3, 12)),
    _known(2, "here", last_name="Durand", first_name="Léa", ine="1234567890A"),
    _known(3, "before", last_name="Petit", first_name="Hugo", email="hugo@x.fr",
           city="Sète"),
    _known(4, "before", last_name="N'Guyen", first_name="Zoé", birth_date=date(1990, 1, 1)),
)}
_VALUES = st.fixed_dictionaries(
    {
        "last_name": st.sampled_from(["Martin", "MARTIN", "Durand", "Petit", "N Guyen",
                                      "Moreau"]),
        "first_name": st.sampled_from(["Élodie", "elodie", "Léa", "Hugo", "Zoé", "Théo"]),
    },
    optional={
        "birth_date": st.sampled_from([date(1991, 3, 12), date(1990, 1, 1), date(1992, 5, 5)]),
        "email": st.sampled_from(["hugo@x.fr", "HUGO@X.FR", "théo@x.fr", "a@b.fr"]),
        "ine": st.sampled_from(["1234567890A", "12345 67890a", "9999999999B"]),
        "phone": st.sampled_from(["06 12 34 56 78", "07 81 23 45 67"]),
        "city": st.sampled_from(["Sète", "Agde"]),
        "postcode": st.sampled_from(["34200", "34300"]),
    },
)


@_SETTINGS
@given(values=st.lists(_VALUES, max_size=25))
def test_people_matched_by_column_are_matched_as_one_by_one(values):
    results = []
    for batch in (True, False):
        report = ImportReport("f.xlsx", "", 1, "", False, False)
        matcher = Matcher({key: dict(person) for key, person in _KNOWN.items()}, "here",
                           {"here": "Promo", "before": "Promo 2009"})
        matcher.report = report
        people = [CheckedPerson(number, dict(person), ()) for number, person in
                  enumerate(values, start=2)]
        if batch:
            matcher.add_all(people[:10])
            matcher.add_all(people[10:])
        else:
            for person in people:
                matcher.add(person)
        results.append((
            [(person.row, person.values) for person in matcher.newcomers], matcher.follows,
            matcher.updates, report.duplicates, report.followed_on,
        ))
    assert results[0] == results[1]


_ALL_FIELDS = [(name, "" if name not in ("birth_date", "bac_type", "bac_year") else None)
               for name in FIELDS if name != "notes"]


@_SETTINGS
@given(batch=batches(), fates=st.lists(st.sampled_from(["kept", "copied", "dropped"]),
                                       max_size=40))
def test_people_read_from_their_batch_have_their_values(batch, fates):
    """An import drops duplicates and copies the people it completes: the rest are read in
    runs from their batch's columns, the copies from their own values, all in order."""
    columns, rows = batch
    guess = not any(column.field == "bac_type" for column in columns)
    report = ImportReport("f.xlsx", "", 1, "", False, False)
    checked = [person for person in
               RowChecker(columns, TODAY, report, guess_bac_type=guess).check_rows(rows)
               if isinstance(person, CheckedPerson)]
    fates += ["kept"] * len(checked)
    people = [person if fate == "kept" else CheckedPerson(
        person.row, dict(person.values), person.note_parts)
        for person, fate in zip(checked, fates, strict=False) if fate != "dropped"]
    gathered = gather(people, _ALL_FIELDS)
    assert gathered == [[person.values.get(name, default) for person in people]
                        for name, default in _ALL_FIELDS]
    # Matched from their batch, or each from its own values: the same.
    results = []
    for kept_in_batch in (True, False):
        matcher = Matcher({key: dict(person) for key, person in _KNOWN.items()}, "here",
                           {"here": "Promo", "before": "Promo 2009"})
        matcher.report = ImportReport("f.xlsx", "", 1, "", False, False)
        if kept_in_batch:
            matcher.add_all(people)
        else:
            for person in people:
                matcher.add(CheckedPerson(person.row, dict(person.values), person.note_parts))
        results.append(([(person.row, person.values) for person in matcher.newcomers],
                        matcher.updates, matcher.report.duplicates))
    assert results[0] == results[1]
