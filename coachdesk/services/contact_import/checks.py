"""Each row of a contact file checked, and what the coach reads about it afterwards.

A row becomes a person to write (its values normalised: dates, phones, e-mails, postcodes,
bac) or the reason it is refused (no complete name). A value kept as given but not understood
is a warning naming the row and the column, and goes to the person's observations; the
report (``ImportReport``) gathers the imported, the duplicates, the refused and the warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

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


@dataclass(slots=True)
class CheckedPerson:
    """A checked row waiting to be written."""

    row: int
    values: dict[str, Any]
    note_parts: list[str]


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


class RowChecker:
    """Checks one row after another: the person, or the reason to reject the row.

    Built once per file: each mapped column is (index, field, column), plain text fields are
    handled inline, the others by their rule in :mod:`.normalise`.
    """

    def __init__(
        self, columns: tuple[Column, ...], today: date, report: ImportReport,
        guess_bac_type: bool,
    ) -> None:
        self.columns = tuple(
            (column.index, column.field, column) for column in columns if column.field
        )
        # Plain text fields first, in a tight loop (they warn only when cut); the others then,
        # in column order, as their warnings are reported.
        self.plain = tuple((index, name) for index, name, _c in self.columns
                           if name in PLAIN_FIELDS)
        self.special = tuple(entry for entry in self.columns if entry[1] not in PLAIN_FIELDS)
        self.today = today
        self.report = report
        self.guess_bac_type = guess_bac_type

    def _warn(self, person: CheckedPerson, column: Column, raw: str, message: str) -> None:
        self.report.warnings.append(RowWarning(person.row, column.label, raw, message))
        # The raw value is kept where the coach will see it when no column can hold it.
        person.note_parts.append(f"{column.label} (import) : {raw}")

    def _cut(self, person: CheckedPerson, column: Column, raw: str) -> str:
        self.report.warnings.append(RowWarning(
            person.row, column.label, raw[:_CUT_SHOWN] + "…",
            f"Cellule de {len(raw)} caractères : seuls les {MAX_CELL_CHARS} premiers sont "
            "gardés (la limite d'Excel), à vérifier.",
        ))
        return raw[:MAX_CELL_CHARS]

    def check(self, number: int, row: Row) -> CheckedPerson | str:
        """The person of one row, or the reason it is rejected (no complete name).

        Warnings of a rejected row are dropped (the whole row is reported instead).
        """
        report = self.report
        warnings_before = len(report.warnings)
        person = CheckedPerson(number, {}, [])
        values = person.values
        width = len(row)
        columns = self.special
        for index, name in self.plain:
            if index >= width:
                continue
            value = row[index]
            if value.__class__ is str:
                value = value.strip()
            elif value is None:
                continue
            else:
                value = normalise.cell_text(value)
            if value:
                if len(value) > MAX_CELL_CHARS:
                    # Its warning must come in column order: the whole row the careful way.
                    values.clear()
                    columns = self.columns
                    break
                values[name] = value
        self._check_columns(person, row, columns)
        last, first = values.get("last_name", ""), values.get("first_name", "")
        if not last or not first:
            missing = "le nom et le prénom" if not (last or first) else (
                "le nom" if not last else "le prénom"
            )
            del report.warnings[warnings_before:]
            return f"Ligne sans {missing} : non importée."
        if self.guess_bac_type and values.get("bac_series") and "bac_type" not in values:
            guessed = normalise.guess_bac_type(values["bac_series"])
            if guessed:
                values["bac_type"] = guessed
        return person

    def _check_columns(
        self, person: CheckedPerson, row: Row, columns: tuple[tuple[int, str, Column], ...]
    ) -> None:
        report = self.report
        number = person.row
        values = person.values
        width = len(row)
        oldest, today = normalise.OLDEST_BIRTH_DATE, self.today
        for index, name, column in columns:
            if index >= width:
                continue
            raw_value = row[index]
            if raw_value is None:
                continue
            kind = type(raw_value)
            if kind is str:
                raw = raw_value.strip()
            elif kind is float and raw_value.is_integer():
                raw = str(int(raw_value))  # as cell_text writes a number Excel stored
            elif name == "birth_date" and (kind is date or kind is datetime):
                # A real date: its text (JJ/MM/AAAA) is needed only for a warning.
                parsed = raw_value if kind is date else raw_value.date()
                if oldest <= parsed <= today:  # normalise.plausible_birth_date
                    values[name] = parsed
                else:
                    raw = normalise.cell_text(raw_value)
                    self._warn(person, column, raw, _DATE_UNLIKELY)
                continue
            else:
                raw = normalise.cell_text(raw_value)
            if not raw:
                continue
            if len(raw) > MAX_CELL_CHARS:
                raw = self._cut(person, column, raw)
                raw_value = raw
            if name in PLAIN_FIELDS:
                values[name] = raw
            elif name == "birth_date":
                parsed = normalise.parse_date(raw_value, self.today)
                if parsed is None:
                    self._warn(person, column, raw, _DATE_HELP)
                elif not normalise.plausible_birth_date(parsed, self.today):
                    self._warn(person, column, raw, _DATE_UNLIKELY)
                else:
                    values[name] = parsed
            elif name == "phone":
                phone = normalise.normalise_phone(raw_value)
                if phone is None:
                    report.warnings.append(RowWarning(number, column.label, raw, _PHONE_INVALID))
                    values[name] = raw
                else:
                    values[name] = phone
            elif name == "email":
                if not normalise.valid_email(raw):
                    report.warnings.append(RowWarning(number, column.label, raw, _EMAIL_INVALID))
                values[name] = raw
            elif name == "postcode":
                # Excel drops the leading 0 of 01000 too (normalise_postcode on the text).
                values[name] = "0" + raw if len(raw) == 4 and raw.isdigit() else raw
            elif name == "bac_type":
                bac_type = normalise.parse_bac_type(raw)
                if bac_type is None:
                    self._warn(person, column, raw, _BAC_TYPE_UNKNOWN)
                else:
                    values[name] = bac_type
            elif name == "bac_year":
                year = normalise.parse_year(raw_value, self.today)
                if year is None:
                    self._warn(person, column, raw, _BAC_YEAR_UNKNOWN)
                else:
                    values[name] = year
            elif name == "notes":
                person.note_parts.insert(0, raw)


# Fields stored as the cell's text.
PLAIN_FIELDS = frozenset({
    "last_name", "first_name", "address", "city", "ine", "university_track", "bac_series",
})
