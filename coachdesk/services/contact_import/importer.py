"""The contact import: rows to participants, with the rules the wizard and the CLI share.

One write transaction spans the whole file: it finds the target cohort and every person
already known, then each row is checked, matched against everyone known so far (within the file
and in the database) and the newcomers are inserted a chunk at a time with Core
``executemany`` while the file is still being read (a big workbook is parsed in a second
process meanwhile, see :mod:`.stream`). Duplicates fill the empty fields of the person already
known. Nothing is written on a dry run, on cancellation or on error: the transaction is rolled
back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.files import text_name
from coachdesk.models import Cohort, Participant, codes, new_id, utcnow
from coachdesk.services.cohorts import list_cohorts
from coachdesk.services.contact_import import normalise, stream
from coachdesk.services.contact_import.columns import FIELDS
from coachdesk.services.contact_import.reader import Column, Row, open_table, row_is_blank
from coachdesk.services.text import fold, name_key, participant_search_text

# First names (and many last names) repeat from row to row: each is folded once.
_name_key = functools.lru_cache(maxsize=8192)(name_key)

ProgressCallback = Callable[[int, int | None], None]
CancelCheck = Callable[[], bool]

# Fields a duplicate may fill on the person already known, when empty there.
FILLABLE = (
    "birth_date", "phone", "email", "address", "postcode", "city", "ine", "university_track",
    "bac_type", "bac_series", "bac_year",
)
_TEXT_FIELDS = ("address", "city", "ine", "university_track", "bac_series")
_PROGRESS_EVERY = 500


class ImportCancelled(Exception):
    """The coach cancelled the import: nothing was written."""


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
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    unrecognised_columns: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The object ``import contacts --json`` prints."""
        return {
            "imported": self.imported,
            "duplicates": len(self.duplicates),
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "warnings": [
                {"row": w.row, "field": w.field, "value": w.value, "message": w.message}
                for w in self.warnings
            ],
        }


@dataclass
class _Person:
    """A checked row waiting to be written."""

    row: int
    values: dict[str, Any]
    note_parts: list[str]


def _warn(
    report: ImportReport, person: _Person, column: Column, raw: str, message: str
) -> None:
    report.warnings.append(RowWarning(person.row, column.label, raw, message))
    # The raw value is kept where the coach will see it when no column can hold it.
    person.note_parts.append(f"{column.label} (import) : {raw}")


def _read_person(
    number: int, row: Row, columns: tuple[Column, ...], today: date, report: ImportReport,
    guess_bac_type: bool,
) -> _Person | str:
    """Check one row: the person, or the reason to reject it when it has no complete name.

    Warnings of a rejected row are dropped (the whole row is reported instead).
    """
    warnings_before = len(report.warnings)
    person = _Person(number, {}, [])
    values = person.values
    width = len(row)
    for column in columns:
        name = column.field
        if name is None or column.index >= width:
            continue
        raw_value = row[column.index]
        if raw_value is None:
            continue
        raw = normalise.cell_text(raw_value)
        if not raw:
            continue
        if name == "birth_date":
            parsed = normalise.parse_date(raw_value, today)
            if parsed is None:
                _warn(report, person, column, raw, "Date illisible : la valeur est gardée "
                      "dans les observations. Formats acceptés : JJ/MM/AAAA, JJ/MM/AA, "
                      "AAAA-MM-JJ.")
            elif not normalise.plausible_birth_date(parsed, today):
                _warn(report, person, column, raw, "Date de naissance improbable : la valeur "
                      "est gardée dans les observations.")
            else:
                values[name] = parsed
        elif name == "phone":
            phone = normalise.normalise_phone(raw_value)
            if phone is None:
                report.warnings.append(RowWarning(
                    number, column.label, raw,
                    "Numéro de téléphone invalide : gardé tel quel, à vérifier.",
                ))
                values[name] = raw
            else:
                values[name] = phone
        elif name == "email":
            if not normalise.valid_email(raw):
                report.warnings.append(RowWarning(
                    number, column.label, raw, "Adresse de courriel invalide : gardée telle "
                    "quelle, à vérifier.",
                ))
            values[name] = raw
        elif name == "postcode":
            values[name] = normalise.normalise_postcode(raw_value)
        elif name == "bac_type":
            bac_type = normalise.parse_bac_type(raw)
            if bac_type is None:
                _warn(report, person, column, raw, "Type de bac non reconnu (général, "
                      "technologique ou professionnel) : la valeur est gardée dans les "
                      "observations.")
            else:
                values[name] = bac_type
        elif name == "bac_year":
            year = normalise.parse_year(raw_value, today)
            if year is None:
                _warn(report, person, column, raw, "Année du bac illisible : la valeur est "
                      "gardée dans les observations.")
            else:
                values[name] = year
        elif name == "notes":
            person.note_parts.insert(0, raw)
        else:
            values[name] = raw
    last, first = values.get("last_name", ""), values.get("first_name", "")
    if not last or not first:
        missing = "le nom et le prénom" if not (last or first) else (
            "le nom" if not last else "le prénom"
        )
        del report.warnings[warnings_before:]
        return f"Ligne sans {missing} : non importée."
    if guess_bac_type and values.get("bac_series") and "bac_type" not in values:
        guessed = normalise.guess_bac_type(values["bac_series"])
        if guessed:
            values["bac_type"] = guessed
    return person


def _keys(last: str, first: str, birth: date | None, email: str, ine: str) -> list[tuple[Any, ...]]:
    """The identities a person is recognised by: INE; name with birth date; name with e-mail."""
    keys: list[tuple[Any, ...]] = []
    if ine:
        keys.append(("ine", ine.replace(" ", "").upper()))
    names = (_name_key(last), _name_key(first))
    if birth is not None:
        keys.append(("birth", *names, birth))
    if email:
        keys.append(("email", *names, email.casefold() if email.isascii() else fold(email)))
    return keys


_REASONS = {
    "ine": "même INE",
    "birth": "mêmes nom, prénom et date de naissance",
    "email": "mêmes nom, prénom et courriel",
}


def _empty(value: Any) -> bool:
    return value is None or value == ""


def resolve_cohort(
    session: Session, name: str | None, today: date, *, create: bool
) -> tuple[str | None, str, bool]:
    """(id, name, created) of the target cohort.

    The cohort named (created when absent), else the most recent one, else a new one named
    after the current year. ``id`` is None when the cohort would be created but ``create`` is
    false (dry run).
    """
    cohorts = list_cohorts(session)
    if name is not None:
        name = name.strip()
        if not name:
            raise UserError(
                "Le nom de la promotion est vide.", hint="Donnez un nom après --cohort."
            )
        wanted = name.casefold()
        for row in cohorts:
            if row.name == name or row.name.strip().casefold() == wanted:
                return row.id, row.name, False
    elif cohorts:
        return cohorts[0].id, cohorts[0].name, False
    else:
        name = str(today.year)
    if not create:
        return None, name, True
    cohort_id = new_id()
    now = utcnow()
    session.execute(insert(Cohort).values(
        id=cohort_id, name=name, start_date=today, training_title="", notes="",
        visit_interval_weeks=6, created_at=now, updated_at=now,
    ))
    return cohort_id, name, True


def import_contacts(
    database: Database,
    path: Path | str,
    *,
    cohort: str | None = None,
    provenance: str = "universite",
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import a contact file into a cohort, all or nothing.

    Args:
        cohort: name of the target cohort (created when absent); by default the most recent
            cohort, or a new one named after the current year.
        provenance: a code of ``codes.PROVENANCES`` recorded on every imported person.
        sheet, mapping: see :func:`~coachdesk.services.contact_import.reader.open_table`.
        dry_run: check and count everything, write nothing.
        progress: called with (rows read, last row number or None) every few hundred rows.
        cancel: polled between rows; when it returns true the import stops, nothing written.

    Raises:
        UserError: unreadable file, no table, no name columns, unknown provenance.
        ImportCancelled: ``cancel`` returned true.
    """
    if provenance not in codes.PROVENANCES:
        raise UserError(
            f"Provenance inconnue : « {provenance} ».",
            hint="Valeurs possibles : " + ", ".join(
                f"{code} ({label})" for code, label in codes.PROVENANCES.items()
            ) + ".",
        )
    today = today or date.today()
    path = Path(path)
    # A big workbook is parsed in a second process while this one checks and writes its rows.
    opener = stream.open_table_in_reader if stream.worth_a_reader(path) else open_table
    with opener(path, sheet=sheet, mapping=mapping) as table:
        report = ImportReport(
            file_name=table.file_name, sheet=table.sheet, header_row=table.header_row,
            cohort_name="", cohort_created=False, dry_run=dry_run,
            unrecognised_columns=tuple(column.label for column in table.unrecognised),
        )
        columns = tuple(column for column in table.columns if column.field is not None)
        guess_bac_type = not any(column.field == "bac_type" for column in columns)
        total = table.last_row
        # One transaction from the first row to the last: cancelled or failed, it is rolled
        # back and nothing is written. A dry run only reads.
        with (database.read() if dry_run else database.write()) as session:
            cohort_id, report.cohort_name, report.cohort_created = resolve_cohort(
                session, cohort, today, create=not dry_run
            )
            writer = _Writer(session, report, provenance, today, cohort_id)
            for number, row in table.rows:
                report.data_rows += 1
                if report.data_rows % _PROGRESS_EVERY == 0:
                    if cancel is not None and cancel():
                        raise ImportCancelled()
                    if progress is not None:
                        progress(number, total)
                    writer.flush()
                person = _read_person(number, row, columns, today, report, guess_bac_type)
                if isinstance(person, _Person):
                    writer.add(person)
                elif row_is_blank(row):
                    report.blank_rows += 1
                else:
                    report.rejected.append(Rejection(number, person))
            if cancel is not None and cancel():
                raise ImportCancelled()
            writer.finish()
            if cancel is not None and cancel():
                raise ImportCancelled()
    if progress is not None:
        progress(total or report.data_rows, total)
    return report


class _Writer:
    """Matches each checked person against everyone known so far, and writes the newcomers.

    Newcomers are inserted a chunk at a time (Core ``executemany``) while the file is still
    being read; a later duplicate that fills an empty field of a newcomer already inserted is
    applied by one bulk UPDATE at the end, so what lands on disk is as if everything had been
    written at once. With ``cohort_id`` None (dry run) it only counts.
    """

    def __init__(
        self, session: Session, report: ImportReport, provenance: str, today: date,
        cohort_id: str | None,
    ) -> None:
        self.session = session
        self.report = report
        self.provenance = provenance
        self.today = today
        self.cohort_id = cohort_id
        self.now = utcnow()
        self.table = cast(Table, Participant.__table__)
        table = self.table
        known_columns = [table.c.id, table.c.last_name, table.c.first_name, table.c.email,
                         table.c.phone] + [table.c[name] for name in FILLABLE if name not in
                                           ("email", "phone")]
        self.known: dict[str, dict[str, Any]] = {}
        # Identity key → ("db", participant id) or ("file", index in `newcomers`).
        self.index: dict[tuple[Any, ...], tuple[str, Any]] = {}
        for record in session.execute(select(*known_columns)).mappings():
            values = dict(record)
            self.known[values["id"]] = values
            for key in _keys(values["last_name"], values["first_name"], values["birth_date"],
                             values["email"], values["ine"]):
                self.index.setdefault(key, ("db", values["id"]))
        self.newcomers: list[_Person] = []
        # Newcomers [0, inserted) are in the database already.
        self.inserted = 0
        self.ids: list[str] = []
        # Participant id → fields filled by a duplicate: known people, and inserted newcomers.
        self.updates: dict[str, dict[str, Any]] = {}
        self.completed_newcomers: set[int] = set()

    def add(self, person: _Person) -> None:
        values = person.values
        keys = _keys(values["last_name"], values["first_name"], values.get("birth_date"),
                     values.get("email", ""), values.get("ine", ""))
        index = self.index
        match = next(((key, index[key]) for key in keys if key in index), None)
        newcomers = self.newcomers
        if match is None:
            reference = ("file", len(newcomers))
            newcomers.append(person)
            for key in keys:
                index.setdefault(key, reference)
            return
        key, (where, target) = match
        if where == "db":
            current = {**self.known[target], **self.updates.get(target, {})}
        else:
            current = newcomers[target].values
        filled = {
            name: values[name] for name in FILLABLE
            if not _empty(values.get(name)) and _empty(current.get(name))
        }
        if filled:
            if where == "db":
                self.updates.setdefault(target, {}).update(filled)
            else:
                newcomers[target].values.update(filled)
                if target < self.inserted:
                    self.completed_newcomers.add(target)
            merged = {**current, **filled}
            for new_key in _keys(merged["last_name"], merged["first_name"],
                                 merged.get("birth_date"), merged.get("email") or "",
                                 merged.get("ine") or ""):
                index.setdefault(new_key, (where, target))
        self.report.duplicates.append(Duplicate(
            row=person.row,
            name=f"{values['last_name']} {values['first_name']}",
            reason=_REASONS[key[0]],
            same_as_row=newcomers[target].row if where == "file" else None,
            participant_id=target if where == "db" else None,
            filled=tuple(FIELDS[name] for name in filled),
        ))

    def flush(self) -> None:
        """Insert the newcomers met since the last flush."""
        pending = self.newcomers[self.inserted:]
        if not pending:
            return
        self.inserted = len(self.newcomers)
        if self.cohort_id is None:
            return
        rows = [
            _insert_row(person, self.cohort_id, self.provenance, self.today, self.now,
                        self.report)
            for person in pending
        ]
        self.ids.extend(row["id"] for row in rows)
        self.session.execute(insert(self.table), rows)

    def finish(self) -> None:
        self.flush()
        self.report.imported = len(self.newcomers)
        if self.cohort_id is None:
            return
        rows = []
        for participant_id, filled in self.updates.items():
            merged = {**self.known[participant_id], **filled}
            rows.append(self._update_row(participant_id, filled, merged))
        for position in sorted(self.completed_newcomers):
            values = self.newcomers[position].values
            filled = {name: values[name] for name in FILLABLE if not _empty(values.get(name))}
            rows.append(self._update_row(self.ids[position], filled, values))
        if rows:
            # Bulk UPDATE by primary key, grouped by the set of columns each row changes.
            self.session.execute(update(Participant), rows)

    def _update_row(
        self, participant_id: str, filled: dict[str, Any], merged: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "id": participant_id,
            **filled,
            "search_text": participant_search_text(
                merged["last_name"], merged["first_name"], merged.get("phone") or "",
                merged.get("email") or "",
            ),
            "updated_at": self.now,
        }


def _insert_row(
    person: _Person, cohort_id: str, provenance: str, today: date, now: datetime,
    report: ImportReport,
) -> dict[str, Any]:
    values = person.values
    last, first = values["last_name"], values["first_name"]
    phone, email = values.get("phone", ""), values.get("email", "")
    row = {
        "id": new_id(),
        "created_at": now,
        "updated_at": now,
        "cohort_id": cohort_id,
        "last_name": last,
        "first_name": first,
        "birth_date": values.get("birth_date"),
        "is_adult": False,
        "phone": phone,
        "email": email,
        "postcode": values.get("postcode", ""),
        "bac_type": values.get("bac_type"),
        "bac_year": values.get("bac_year"),
        "provenance": provenance,
        "listed_on": today,
        "coach": "",
        "source_file": text_name(report.file_name),
        "source_sheet": report.sheet,
        "imported_at": now,
        "consent_date": None,
        "notes": "\n".join(person.note_parts),
        "search_text": participant_search_text(last, first, phone, email),
    }
    for name in _TEXT_FIELDS:
        row[name] = values.get(name, "")
    return row
