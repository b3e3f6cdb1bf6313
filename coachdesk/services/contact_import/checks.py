"""Each row of a contact file checked, and what the coach reads about it afterwards.

A row becomes a person to write (its values normalised: dates, phones, e-mails, postcodes,
bac) or the reason it is refused (no complete name). A value kept as given but not understood
is a warning naming the row and the column, and goes to the person's observations; the
report (``ImportReport``) gathers the imported, the duplicates, the refused and the warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat, zip_longest
from typing import Any, cast

from coachdesk.services.contact_import import normalise
from coachdesk.services.contact_import.limits import MAX_CELL_CHARS
from coachdesk.services.contact_import.reader import Column
from coachdesk.services.contact_import.workbooks import Row


@dataclass(frozen=True)
class Rejection:
    row: int
    reason: str


@dataclass(frozen=True)
class RowWarning:
    """A value kept as given but not understood: the person is imported, the coach checks."""

    row: int
    field: str
    value: str
    message: str


@dataclass(frozen=True)
class Duplicate:
    """A row naming a person already known: in an earlier row, or in the database."""

    row: int
    name: str
    reason: str
    # The earlier row of the same file, or None when the person was already in the database.
    same_as_row: int | None
    participant_id: str | None
    filled: tuple[str, ...]


@dataclass(frozen=True)
class FollowOn:
    """A row naming a person known only in another promotion: imported here, linked to their
    latest earlier file."""

    row: int
    name: str
    earlier_id: str
    earlier_cohort: str


@dataclass
class ImportReport:
    file_name: str
    sheet: str
    header_row: int
    cohort_name: str
    cohort_created: bool
    dry_run: bool
    data_rows: int = 0
    blank_rows: int = 0
    imported: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    # Among the imported: people already followed in another promotion.
    followed_on: list[FollowOn] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    unrecognised_columns: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The object ``import contacts --json`` prints."""
        return {
            "imported": self.imported,
            "duplicates": len(self.duplicates),
            "followed_on": len(self.followed_on),
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "warnings": [
                {"row": w.row, "field": w.field, "value": w.value, "message": w.message}
                for w in self.warnings
            ],
        }


class CheckedPerson:
    """A checked row waiting to be written: its number, its values by field, and what goes to
    the person's observations (never changed once the row is checked).

    A row checked with others (:meth:`RowChecker.check_rows`) keeps its values in their
    :class:`CheckedColumns`, as a dict only once asked for: an import reads most rows' values
    a column at a time (:func:`gather`). Such a person's values are never changed in place
    (a duplicate completing a person completes a copy).
    """

    __slots__ = ("_batch", "_position", "_values", "note_parts", "row")

    def __init__(
        self, row: int, values: dict[str, Any] | None, note_parts: Sequence[str],
        batch: CheckedColumns | None = None, position: int = 0,
    ) -> None:
        self.row = row
        self._values = values
        self.note_parts = note_parts
        self._batch = batch
        self._position = position

    @property
    def values(self) -> dict[str, Any]:
        values = self._values
        if values is None:
            values = self._values = cast(CheckedColumns, self._batch).values_at(self._position)
        return values

    def __repr__(self) -> str:
        return f"CheckedPerson(row={self.row!r}, values={self.values!r}, " \
            f"note_parts={self.note_parts!r})"


class CheckedColumns:
    """The values of rows checked together, a column per field (:data:`SKIP` where a row has
    no value)."""

    __slots__ = ("by_name", "gaps")

    def __init__(self, names: Sequence[str], columns: list[list[Any]], gaps: bool) -> None:
        self.by_name = dict(zip(names, columns, strict=True))
        self.gaps = gaps

    def values_at(self, position: int) -> dict[str, Any]:
        if self.gaps:
            return {name: value for name, column in self.by_name.items()
                    if (value := column[position]) is not SKIP}
        return {name: column[position] for name, column in self.by_name.items()}

    def put(self, position: int, values: dict[str, Any]) -> bool:
        """A row's values, worked out on their own, at ``position``; False (nothing put) when
        one of its fields has no column here."""
        by_name = self.by_name
        if not by_name.keys() >= values.keys():
            return False
        for name, column in by_name.items():
            value = column[position] = values.get(name, SKIP)
            if value is SKIP:
                self.gaps = True
        return True

    def column(self, name: str, start: int, stop: int, default: Any) -> list[Any]:
        """The rows [start, stop)'s values of the field ``name``, ``default`` where none."""
        column = self.by_name.get(name)
        if column is None:
            return [default] * (stop - start)
        part = column[start:stop]
        if self.gaps and SKIP in part:
            return [default if value is SKIP else value for value in part]
        return part


def gather(people: Sequence[CheckedPerson], fields: Sequence[tuple[str, Any]]) -> list[list[Any]]:
    """The people's values a column per field (name, default where a person has none), in
    order: runs of people checked together are read from their columns, in slices."""
    columns: list[list[Any]] = [[] for _field in fields]
    count = len(people)
    start = 0
    while start < count:
        batch = people[start]._batch
        stop = start + 1
        if batch is None:
            while stop < count and people[stop]._batch is None:
                stop += 1
            rows = [person.values for person in people[start:stop]]
            for column, (name, default) in zip(columns, fields, strict=True):
                column.extend([values.get(name, default) for values in rows])
        else:
            # A run: people of this batch, at its positions one after the other.
            first = people[start]._position
            while stop < count and people[stop]._batch is batch \
                    and people[stop]._position == first + stop - start:
                stop += 1
            for column, (name, default) in zip(columns, fields, strict=True):
                column.extend(batch.column(name, first, first + stop - start, default))
        start = stop
    return columns


_DATE_HELP = ("Date illisible : la valeur est gardée dans les observations. Formats acceptés : "
              "JJ/MM/AAAA, JJ/MM/AA, AAAA-MM-JJ.")
_DATE_UNLIKELY = "Date de naissance improbable : la valeur est gardée dans les observations."
_PHONE_INVALID = "Numéro de téléphone invalide : gardé tel quel, à vérifier."
_EMAIL_INVALID = "Adresse de courriel invalide : gardée telle quelle, à vérifier."
_BAC_TYPE_UNKNOWN = ("Type de bac non reconnu (général, technologique ou professionnel) : la "
                     "valeur est gardée dans les observations.")
_BAC_YEAR_UNKNOWN = "Année du bac illisible : la valeur est gardée dans les observations."
# Shown for a cut cell: its first characters, so the report stays readable.
_CUT_SHOWN = 60


class _Skip:
    """No value and nothing to say: an empty cell."""

    __slots__ = ()


SKIP = _Skip()


@dataclass(frozen=True, slots=True)
class _Flagged:
    """A cell the coach is told about: its value (or SKIP), and each warning as (value shown,
    message, text added to the person's observations or None)."""

    value: Any
    warnings: tuple[tuple[str, str, str | None], ...]


# A cell's outcome: SKIP, the value stored as it is, or a _Flagged value.
Outcome = Any
# Cell types whose outcome is kept per column, by value: no value of one of them equals a value
# of another (unlike 1, 1.0 and True).
_CACHED_TYPES = frozenset({str, float, date, datetime})


class RowChecker:
    """Checks the rows of a file: each one's person, or the reason to reject the row.

    Built once per file. A cell's outcome depends only on its column and its value
    (:meth:`_outcome`); files repeat values (dates, postcodes, series…), so a column computes
    each distinct value's outcome once. :meth:`check_rows` works a column at a time; a row
    with something to report goes through :meth:`check`, the same rule a row at a time.
    """

    def __init__(
        self, columns: tuple[Column, ...], today: date, report: ImportReport,
        guess_bac_type: bool,
    ) -> None:
        self.columns = tuple(
            (column.index, column.field, column.label) for column in columns if column.field
        )
        self.today = today
        self.report = report
        self.guess_bac_type = guess_bac_type
        self._outcomes: list[dict[Any, Outcome]] = [{} for _entry in self.columns]

    def _outcome(self, name: str, label: str, raw_value: Any) -> Outcome:
        """What one cell gives the person: nothing, a value, or a value with warnings."""
        if raw_value is None:
            return SKIP
        kind = type(raw_value)
        if kind is str:
            raw = raw_value.strip()
        elif kind is float and raw_value.is_integer():
            raw = str(int(raw_value))  # as cell_text writes a number Excel stored
        elif name == "birth_date" and (kind is date or kind is datetime):
            # A real date: its text (JJ/MM/AAAA) is needed only for a warning.
            parsed = raw_value if kind is date else raw_value.date()
            if normalise.plausible_birth_date(parsed, self.today):
                return parsed
            raw = normalise.cell_text(raw_value)
            return _Flagged(SKIP, ((raw, _DATE_UNLIKELY, _noted(label, raw)),))
        else:
            raw = normalise.cell_text(raw_value)
        if not raw:
            return SKIP
        warnings: list[tuple[str, str, str | None]] = []
        if len(raw) > MAX_CELL_CHARS:
            warnings.append((
                raw[:_CUT_SHOWN] + "…",
                f"Cellule de {len(raw)} caractères : seuls les {MAX_CELL_CHARS} premiers sont "
                "gardés (la limite d'Excel), à vérifier.",
                None,
            ))
            raw = raw[:MAX_CELL_CHARS]
            raw_value = raw
        value: Any = SKIP
        if name in PLAIN_FIELDS or name == "notes":
            value = raw
        elif name == "birth_date":
            parsed = normalise.parse_date(raw_value, self.today)
            if parsed is None:
                warnings.append((raw, _DATE_HELP, _noted(label, raw)))
            elif not normalise.plausible_birth_date(parsed, self.today):
                warnings.append((raw, _DATE_UNLIKELY, _noted(label, raw)))
            else:
                value = parsed
        elif name == "phone":
            phone = normalise.normalise_phone(raw_value)
            if phone is None:
                warnings.append((raw, _PHONE_INVALID, None))
                value = raw
            else:
                value = phone
        elif name == "email":
            if not normalise.valid_email(raw):
                warnings.append((raw, _EMAIL_INVALID, None))
            value = raw
        elif name == "postcode":
            # Excel drops the leading 0 of 01000 too (normalise_postcode on the text).
            value = "0" + raw if len(raw) == 4 and raw.isdigit() else raw
        elif name == "bac_type":
            bac_type = normalise.parse_bac_type(raw)
            if bac_type is None:
                warnings.append((raw, _BAC_TYPE_UNKNOWN, _noted(label, raw)))
            else:
                value = bac_type
        elif name == "bac_year":
            year = normalise.parse_year(raw_value, self.today)
            if year is None:
                warnings.append((raw, _BAC_YEAR_UNKNOWN, _noted(label, raw)))
            else:
                value = year
        return _Flagged(value, tuple(warnings)) if warnings else value

    def _person(self, number: int, values: dict[str, Any],
                note_parts: Sequence[str]) -> CheckedPerson | str:
        last, first = values.get("last_name", ""), values.get("first_name", "")
        if not last or not first:
            missing = "le nom et le prénom" if not (last or first) else (
                "le nom" if not last else "le prénom"
            )
            return f"Ligne sans {missing} : non importée."
        if self.guess_bac_type and values.get("bac_series") and "bac_type" not in values:
            guessed = normalise.guess_bac_type(values["bac_series"])
            if guessed:
                values["bac_type"] = guessed
        return CheckedPerson(number, values, note_parts)

    def check(self, number: int, row: Row) -> CheckedPerson | str:
        """The person of one row, or the reason it is rejected (no complete name).

        Warnings of a rejected row are dropped (the whole row is reported instead).
        """
        values: dict[str, Any] = {}
        note_parts: list[str] = []
        warnings: list[RowWarning] = []
        width = len(row)
        for index, name, label in self.columns:
            if index >= width:
                continue
            outcome = self._outcome(name, label, row[index])
            if outcome.__class__ is _Flagged:
                for shown, message, noted in outcome.warnings:
                    warnings.append(RowWarning(number, label, shown, message))
                    if noted is not None:
                        # The raw value is kept where the coach will see it when no column
                        # can hold it.
                        note_parts.append(noted)
                outcome = outcome.value
            if outcome is SKIP:
                continue
            if name == "notes":
                note_parts.insert(0, outcome)
            else:
                values[name] = outcome
        person = self._person(number, values, note_parts)
        if warnings and type(person) is CheckedPerson:
            self.report.warnings.extend(warnings)
        return person

    def check_rows(self, rows: Sequence[tuple[int, Row]]) -> list[CheckedPerson | str]:
        """:meth:`check` of each row, in order, worked out a column at a time."""
        count = len(rows)
        cells_by_index = list(zip_longest(*(row for _number, row in rows)))
        missing = (None,) * count
        outcomes = []
        flagged: set[int] = set()
        for (index, name, label), known in zip(self.columns, self._outcomes, strict=True):
            cells = cells_by_index[index] if index < len(cells_by_index) else missing
            if name in PLAIN_FIELDS:
                # Text kept as it is: nothing worth remembering, only a cut cell to report.
                column = [
                    (value.strip() or SKIP)
                    if value.__class__ is str and len(value) <= MAX_CELL_CHARS
                    else SKIP if value is None else self._outcome(name, label, value)
                    for value in cells
                ]
            elif name == "email":
                # Nearly every address differs: the valid ones decided here, as _outcome would.
                column = [
                    text if value.__class__ is str and len(value) <= MAX_CELL_CHARS
                    and (text := value.strip()) and valid_email(text)
                    else SKIP if value is None else self._outcome(name, label, value)
                    for value in cells
                ]
            elif name == "phone":
                # Likewise numbers: the ones normalise_phone understands, as _outcome would.
                column = [
                    phone if (value.__class__ is float or (value.__class__ is str
                              and len(value) <= MAX_CELL_CHARS))
                    and (phone := normalise_phone(value)) is not None
                    else SKIP if value is None else self._outcome(name, label, value)
                    for value in cells
                ]
            else:
                column = [
                    known[value] if value.__class__ in _CACHED_TYPES and value in known
                    else self._remember(known, name, label, value)
                    for value in cells
                ]
            kinds = set(map(type, column))
            if _Flagged in kinds:
                flagged.update(position for position, outcome in enumerate(column)
                               if outcome.__class__ is _Flagged)
            outcomes.append((name, column, kinds))
        return self._people(rows, outcomes, flagged)

    def _people(
        self, rows: Sequence[tuple[int, Row]],
        outcomes: list[tuple[str, list[Outcome], set[type]]], flagged: set[int],
    ) -> list[CheckedPerson | str]:
        """The rows' people from their columns' outcomes; a flagged row, or one without
        both names, goes through :meth:`check` or :meth:`_person` (its warnings, its
        reason)."""
        names: list[str] = []
        columns: list[list[Outcome]] = []
        gaps = False
        notes: list[Outcome] | None = None
        unnamed: set[int] = set()
        for name, column, kinds in outcomes:
            if name == "notes":
                notes = column if kinds != {_Skip} else None
                continue
            if name in ("last_name", "first_name") and _Skip in kinds:
                unnamed.update(position for position, outcome in enumerate(column)
                               if outcome is SKIP)
            if kinds == {_Skip}:
                continue  # an empty column gives no value
            names.append(name)
            columns.append(column)
            gaps = gaps or _Skip in kinds
        if self.guess_bac_type and "bac_series" in names:
            guessed = [
                normalise.guess_bac_type(series) or SKIP if series.__class__ is str else SKIP
                for series in columns[names.index("bac_series")]
            ]
            names.append("bac_type")
            columns.append(guessed)
            gaps = gaps or SKIP in guessed
        # Each person's values stay in the batch's columns until asked for.
        batch = CheckedColumns(names, columns, gaps)
        nothing: Sequence[str] = ()
        notes_of = ([nothing if note is SKIP else (note,) for note in notes]
                    if notes is not None else [nothing] * len(rows))
        people: list[CheckedPerson | str] = list(map(
            CheckedPerson, [number for number, _row in rows], repeat(None), notes_of,
            repeat(batch), range(len(rows))))
        for position in unnamed - flagged:
            people[position] = self._person(rows[position][0], batch.values_at(position),
                                            notes_of[position])
        for position in sorted(flagged):  # their warnings in the rows' order
            person = self.check(*rows[position])
            if type(person) is CheckedPerson and batch.put(position, person.values):
                # Back among the batch's columns: the runs read from them stay whole.
                person = CheckedPerson(person.row, None, person.note_parts, batch, position)
            people[position] = person
        return people

    def _remember(self, known: dict[Any, Outcome], name: str, label: str, value: Any) -> Outcome:
        outcome = self._outcome(name, label, value)
        if value.__class__ in _CACHED_TYPES:
            known[value] = outcome
        return outcome


valid_email = normalise.valid_email
normalise_phone = normalise.normalise_phone


def _noted(label: str, raw: str) -> str:
    return f"{label} (import) : {raw}"


# Fields stored as the cell's text.
PLAIN_FIELDS = frozenset({
    "last_name", "first_name", "address", "city", "ine", "university_track", "bac_series",
})
