"""Reading contact files as they come: xlsx/xlsm workbooks and csv in the encodings Excel writes.

A file becomes a :class:`Table`: its header row (found below title lines), its columns with the
field each one was recognised as, and an iterator over the data rows, each with the row number
the coach sees (the Excel row, or the CSV line).
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

from coachdesk.errors import UserError
from coachdesk.services.contact_import.columns import FIELDS, assign_fields

# The header is looked for in this many first rows: title lines, logos, merged banners.
HEADER_SCAN_ROWS = 30
CSV_SEPARATORS = (";", ",", "\t")
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    """One column of the file: its position, its header as written, the field it fills."""

    index: int
    label: str
    field: str | None

    @property
    def field_label(self) -> str:
        return FIELDS[self.field] if self.field else ""


@dataclass
class Table:
    """An open contact table: where its header is, its columns, and its data rows."""

    file_name: str
    sheet: str
    header_row: int
    columns: tuple[Column, ...]
    rows: Iterator[tuple[int, Row]]
    # The last row number as announced by the file (for progress), or None when unknown.
    last_row: int | None

    @property
    def unrecognised(self) -> tuple[Column, ...]:
        """Columns with a header that fill no field: the wizard offers to map or ignore them."""
        return tuple(column for column in self.columns if column.field is None and column.label)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def row_is_blank(row: Row) -> bool:
    return all(_is_blank(value) for value in row)


def _label(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _find_header(
    numbered: list[tuple[int, Row]], mapping: Mapping[int | str, str | None] | None
) -> tuple[int, tuple[Column, ...]] | None:
    """The first row naming both a last-name and a first-name column, with its columns."""
    for position, (_number, row) in enumerate(numbered):
        labels = [_label(value) for value in row]
        if sum(1 for label in labels if label) < 2:
            continue
        fields = assign_fields(labels, mapping)
        if "last_name" in fields and "first_name" in fields:
            columns = tuple(
                Column(index, label, field)
                for index, (label, field) in enumerate(zip(labels, fields, strict=True))
            )
            return position, columns
    return None


def _no_header(file_name: str, sheet: str | None, scanned: list[tuple[int, Row]]) -> UserError:
    where = f"« {file_name} »" + (f" (feuille « {sheet} »)" if sheet else "")
    if not any(not row_is_blank(row) for _n, row in scanned):
        return UserError(
            f"Le fichier {where} ne contient aucune donnée.",
            hint="Vérifiez que vous avez choisi le bon fichier (et la bonne feuille).",
        )
    return UserError(
        f"Aucune colonne « Nom » et « Prénom » n'a été reconnue dans les {HEADER_SCAN_ROWS} "
        f"premières lignes de {where} : ce n'est pas un tableau de contacts lisible.",
        hint="Le tableau doit avoir une ligne de titres de colonnes contenant au moins « Nom » "
        "et « Prénom » (ou « Nom de famille », « Last name »…). Renommez ces colonnes puis "
        "relancez l'import.",
    )


def _table_from_rows(
    file_name: str,
    sheet: str,
    numbered_rows: Iterator[tuple[int, Row]],
    mapping: Mapping[int | str, str | None] | None,
    last_row: int | None,
) -> Table | None:
    head = list(islice(numbered_rows, HEADER_SCAN_ROWS))
    found = _find_header(head, mapping)
    if found is None:
        return None
    position, columns = found
    header_row = head[position][0]
    return Table(
        file_name=file_name,
        sheet=sheet,
        header_row=header_row,
        columns=columns,
        rows=chain(head[position + 1 :], numbered_rows),
        last_row=last_row,
    )


# --- xlsx -------------------------------------------------------------------------------------


def _unreadable(path: Path, why: str) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » n'a pas pu être lu : {why}.",
        hint="Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Excel (.xlsx) ou "
        "CSV, puis relancez l'import.",
    )


def _workbook(path: Path) -> Any:
    import openpyxl  # ~0.2 s: only when a workbook is actually read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # openpyxl warns about every Excel feature it skips (data validation, conditional
        # formats…): irrelevant for reading values, and not something a coach can act on.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _unreadable(path, "ce n'est pas un classeur Excel valide") from exc


def _sheet_rows(worksheet: Any) -> Iterator[tuple[int, Row]]:
    # Read-only mode trusts the size the file announces; some writers announce a wrong one and
    # rows would be silently cut, so the announced size is forgotten and every row is read.
    worksheet.reset_dimensions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # openpyxl fills the gaps between stored rows with empty ones, so the count is the Excel
        # row number the coach sees.
        yield from enumerate(worksheet.iter_rows(values_only=True), start=1)


@contextmanager
def _open_workbook(
    path: Path, sheet: str | None, mapping: Mapping[int | str, str | None] | None
) -> Iterator[Table]:
    workbook = _workbook(path)
    try:
        names = workbook.sheetnames
        if sheet is not None:
            if sheet not in names:
                raise UserError(
                    f"Le classeur « {path.name} » n'a pas de feuille « {sheet} ».",
                    hint="Feuilles présentes : " + ", ".join(f"« {n} »" for n in names) + ".",
                )
            candidates = [sheet]
        else:
            active = workbook.active.title if workbook.active is not None else names[0]
            candidates = [active] + [name for name in names if name != active]
        first_scan: list[tuple[int, Row]] = []
        for name in candidates:
            worksheet = workbook[name]
            if not hasattr(worksheet, "iter_rows"):  # a chart sheet
                continue
            announced = worksheet.max_row
            rows = _sheet_rows(worksheet)
            try:
                table = _table_from_rows(path.name, name, rows, mapping, announced)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise _unreadable(path, f"la feuille « {name} » est endommagée") from exc
            if table is not None:
                yield _guarded(table, path)
                return
            if not first_scan:
                first_scan = list(islice(_sheet_rows(workbook[name]), HEADER_SCAN_ROWS))
        raise _no_header(path.name, candidates[0] if candidates else None, first_scan)
    finally:
        workbook.close()


def _guarded(table: Table, path: Path) -> Table:
    """Turn a damaged part discovered mid-way through a sheet into a coach's message."""

    def rows(inner: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
        try:
            yield from inner
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise _unreadable(path, f"la feuille « {table.sheet} » est endommagée") from exc

    table.rows = rows(table.rows)
    return table


# --- csv --------------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Text of a CSV as French Excel writes it: UTF-8 (with or without BOM) or Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; a stray one must not stop the import.
        return data.decode("cp1252", errors="replace")


def separators_by_likelihood(text: str) -> list[str]:
    """The candidate separators, most likely first: the one giving most rows of one same width.

    Title lines above the header have a single field whatever the separator, so they never
    vote. Ties keep the order `;` (French Excel), `,`, tab.
    """
    sample = "\n".join(text.splitlines()[: HEADER_SCAN_ROWS + 20])
    scores: dict[str, tuple[int, int]] = {}
    for separator in CSV_SEPARATORS:
        widths: dict[int, int] = {}
        try:
            for record in csv.reader(io.StringIO(sample), delimiter=separator):
                if len(record) > 1:
                    widths[len(record)] = widths.get(len(record), 0) + 1
        except csv.Error:
            pass
        scores[separator] = max(
            ((count, width) for width, count in widths.items()), default=(0, 0)
        )
    return sorted(CSV_SEPARATORS, key=lambda separator: scores[separator], reverse=True)


def detect_separator(text: str) -> str:
    return separators_by_likelihood(text)[0]


def _csv_rows(text: str, separator: str) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    previous_line = 0
    for record in reader:
        # A quoted field may span lines: a record is numbered by the line where it starts.
        yield previous_line + 1, tuple(record)
        previous_line = reader.line_num


@contextmanager
def _open_csv(path: Path, mapping: Mapping[int | str, str | None] | None) -> Iterator[Table]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc.strerror or "accès refusé") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _unreadable(path, "ce n'est pas un fichier texte")
    text = decode_text(data)
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    candidates = separators_by_likelihood(text)
    table = None
    # The most likely separator first; another one only when it alone reveals the header
    # (quoted cells full of commas can fool the count).
    for separator in candidates:
        try:
            table = _table_from_rows(path.name, "", _csv_rows(text, separator), mapping, last_line)
        except csv.Error:
            continue
        if table is not None:
            break
    if table is None:
        try:
            first = list(islice(_csv_rows(text, candidates[0]), HEADER_SCAN_ROWS))
        except csv.Error as exc:
            raise _unreadable(path, f"le format CSV est incorrect ({exc})") from exc
        raise _no_header(path.name, None, first)

    def rows(inner: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
        try:
            yield from inner
        except csv.Error as exc:
            raise _unreadable(path, f"le format CSV est incorrect ({exc})") from exc

    table.rows = rows(table.rows)
    yield table


# --- entry point ------------------------------------------------------------------------------


@contextmanager
def open_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
) -> Iterator[Table]:
    """Open a contact file and find its table.

    Args:
        path: an .xlsx/.xlsm workbook or a .csv/.txt/.tsv text file.
        sheet: the worksheet to read; by default the active sheet, else the first sheet that
            has a recognisable header.
        mapping: column index (0-based) or header text → field code of
            :data:`~coachdesk.services.contact_import.columns.FIELDS`, or None to ignore the
            column; overrides recognition.

    Raises:
        UserError: the file cannot be read, is not a table, or has no name columns.
    """
    path = Path(path)
    if not path.exists():
        raise UserError(f"Le fichier « {path} » n'existe pas.", hint="Vérifiez le chemin.")
    if path.is_dir():
        raise UserError(f"« {path} » est un dossier, pas un fichier de contacts.")
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise _unreadable(path, exc.strerror or "accès refusé") from exc
    suffix = path.suffix.lower()
    if suffix == ".xls" or magic.startswith(_OLE2_MAGIC):
        raise UserError(
            f"Le fichier « {path.name} » est au format Excel 97-2003 (.xls) ou protégé par un "
            "mot de passe, que CoachDesk ne lit pas.",
            hint="Ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe s'il y en a un, "
            "puis « Enregistrer sous » au format « Classeur Excel (.xlsx) » et importez ce "
            "nouveau fichier.",
        )
    if suffix in {".ods", ".numbers"}:
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur Excel.",
            hint="Enregistrez-le au format « Classeur Excel (.xlsx) » puis importez ce fichier.",
        )
    if magic.startswith(_ZIP_MAGIC) or suffix in EXCEL_SUFFIXES:
        if not magic.startswith(_ZIP_MAGIC):
            raise _unreadable(path, "ce n'est pas un classeur Excel valide")
        with _open_workbook(path, sheet, mapping) as table:
            yield table
        return
    with _open_csv(path, mapping) as table:
        yield table


@dataclass(frozen=True)
class Preview:
    """What the wizard shows before importing: the columns and the first data rows."""

    file_name: str
    sheet: str
    header_row: int
    columns: tuple[Column, ...]
    unrecognised: tuple[Column, ...]
    rows: tuple[tuple[int, Row], ...]


def preview_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
    limit: int = 20,
) -> Preview:
    """The header, columns and first ``limit`` non-blank data rows of a contact file."""
    with open_table(path, sheet=sheet, mapping=mapping) as table:
        rows: Iterable[tuple[int, Row]] = (
            (number, row) for number, row in table.rows if not row_is_blank(row)
        )
        first = tuple(islice(rows, limit))
        return Preview(
            table.file_name, table.sheet, table.header_row, table.columns, table.unrecognised,
            first,
        )
