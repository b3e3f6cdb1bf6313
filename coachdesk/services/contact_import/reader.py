"""Reading contact files as they come: workbooks (xlsx/xlsm, xls, ods) and csv in Excel's encodings.

A file becomes a :class:`Table`: its header row (found below title lines), its columns with the
field each one was recognised as, and an iterator over the data rows, each with the row number
the coach sees (the Excel row, or the CSV line).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

from coachdesk.errors import UserError
from coachdesk.services.contact_import import limits, workbooks
from coachdesk.services.contact_import.columns import FIELDS, assign_fields
from coachdesk.services.contact_import.workbooks import Row

# The header is looked for in this many first rows: title lines, logos, merged banners.
HEADER_SCAN_ROWS = 30
CSV_SEPARATORS = (";", ",", "\t")
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
XLS_SUFFIXES = {".xls"}
ODS_SUFFIXES = {".ods"}
# Every file a coach can pick, for the file dialogs and the command line's help.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

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
        # Columns end with the last header: readers differ on the empty cells after it
        # (openpyxl stops at the row's last stored cell, calamine at the sheet's last column).
        while labels and not labels[-1]:
            labels.pop()
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


# --- workbooks ---------------------------------------------------------------------------------

# Which reader opens xlsx/xlsm workbooks; see workbooks.ENGINES. Tests set it to "openpyxl" to
# run the same import through the reference reader.
workbook_engine = "calamine"


@contextmanager
def _open_workbook(
    path: Path, kind: str, sheet: str | None, mapping: Mapping[int | str, str | None] | None,
    first_rows_only: bool = False, measured: Callable[[int], None] | None = None,
) -> Iterator[Table]:
    book: workbooks.Workbook
    if kind == "xlsx" and workbook_engine == "openpyxl":
        book = workbooks.OpenpyxlWorkbook(path)
    elif kind == "xlsx" and first_rows_only:
        # calamine reads a whole sheet before giving its first row (2 s at 80,000 rows, in the
        # window's thread for a preview); openpyxl streams them (0.2 s). Same rows, proven by
        # the tests comparing the two readers.
        book = workbooks.checked_openpyxl(path)
    else:
        book = workbooks.CalamineWorkbook(path, kind, measured)
    try:
        names = book.names
        if not names:
            raise _unreadable(path, "le classeur n'a aucune feuille")
        if sheet is not None:
            if sheet not in names:
                raise UserError(
                    f"Le classeur « {path.name} » n'a pas de feuille « {sheet} ».",
                    hint="Feuilles présentes : " + ", ".join(f"« {n} »" for n in names) + ".",
                )
            candidates = [sheet]
        else:
            candidates = book.candidates()
        first_scan: list[tuple[int, Row]] = []
        for name in candidates:
            if not book.is_worksheet(name):  # a chart sheet
                continue
            rows, last_row = book.rows(name)
            try:
                table = _table_from_rows(path.name, name, rows, mapping, last_row)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise workbooks.damaged_sheet(path, name) from exc
            if table is not None:
                yield table
                return
            if not first_scan:
                first_scan = list(islice(book.rows(name)[0], HEADER_SCAN_ROWS))
        raise _no_header(path.name, candidates[0] if candidates else None, first_scan)
    finally:
        book.close()


def _unreadable(path: Path, why: str) -> UserError:
    return workbooks.unreadable(path, why)


# --- csv --------------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Text of a CSV as French Excel writes it: UTF-8 (with or without BOM) or Windows-1252.

    The whole-text form of what :class:`_CsvFile` does a chunk at a time.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; a stray one must not stop the import.
        return data.decode("cp1252", errors="replace")


def _text_encoding(head: bytes, is_utf8: Any) -> str:
    """The encoding of a CSV from its first bytes; ``is_utf8`` decides when no BOM does."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        is_utf8("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; a stray one must not stop the import.
        return "cp1252"
    return "utf-8"


def _utf8_throughout(path: Path) -> Any:
    """A check that the whole file is UTF-8, read a chunk at a time (never whole in memory)."""

    def check(encoding: str) -> None:
        decoder = codecs.getincrementaldecoder(encoding)()
        with path.open("rb") as handle:
            while chunk := handle.read(_CSV_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)

    return check


def separators_by_likelihood(text: str) -> list[str]:
    """The candidate separators, most likely first: the one giving most rows of one same width.

    Title lines above the header have a single field whatever the separator, so they never
    vote. Ties keep the order `;` (French Excel), `,`, tab.
    """
    sample = "\n".join(text.splitlines()[:_SAMPLE_LINES])
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


_SAMPLE_LINES = HEADER_SCAN_ROWS + 20
_CSV_CHUNK = 1024 * 1024


class _CsvFile:
    """A CSV file read as a stream of bounded lines, in the encoding found for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as handle:
                head = handle.read(_CSV_CHUNK)
                newlines = head.count(b"\n")
                size = len(head)
                last_byte = head[-1:]
                while chunk := handle.read(_CSV_CHUNK):
                    newlines += chunk.count(b"\n")
                    size += len(chunk)
                    last_byte = chunk[-1:]
        except OSError as exc:
            raise _unreadable(path, exc.strerror or "accès refusé") from exc
        if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _unreadable(path, "ce n'est pas un fichier texte")
        self.encoding = _text_encoding(head, _utf8_throughout(path))
        self.skip = 3 if head.startswith(b"\xef\xbb\xbf") else 0
        self.errors = "strict" if self.encoding == "utf-16" else "replace"
        # For progress only (a UTF-16 file counts its lines a little differently).
        self.last_line = newlines + (0 if not size or last_byte == b"\n" else 1)

    @contextmanager
    def text(self) -> Iterator[Any]:
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise _unreadable(self.path, exc.strerror or "accès refusé") from exc
        with handle:
            handle.seek(self.skip)
            with io.TextIOWrapper(
                handle, encoding=self.encoding, errors=self.errors, newline=""
            ) as text:
                yield text

    def sample(self) -> str:
        """The first lines, enough to guess the separator as from the whole text."""
        chunks: list[str] = []
        # Lines are counted as they arrive (only the last, unfinished one is split again), so
        # a file of megabyte-long lines is sampled in linear time, not re-split per chunk.
        lines, unfinished = 0, ""
        with self.text() as text:
            while lines + (1 if unfinished else 0) <= _SAMPLE_LINES + 1:
                chunk = self._read(text, 64 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                split = (unfinished + chunk).splitlines(keepends=True)
                # The last piece may still grow ("\r" then "\n", or a line cut by the chunk).
                lines += len(split) - 1
                unfinished = split[-1]
        return "".join(chunks)

    def _read(self, text: Any, size: int) -> str:
        try:
            return str(text.read(size))
        except UnicodeDecodeError as exc:
            raise _unreadable(self.path, "son encodage de caractères est incorrect") from exc

    def lines(self) -> Generator[str, None, None]:
        """The file's lines, each at most MAX_CSV_LINE_CHARS long."""
        with self.text() as text:
            while True:
                try:
                    line = text.readline(limits.MAX_CSV_LINE_CHARS + 1)
                except UnicodeDecodeError as exc:
                    raise _unreadable(
                        self.path, "son encodage de caractères est incorrect"
                    ) from exc
                if not line:
                    return
                if len(line) > limits.MAX_CSV_LINE_CHARS:
                    raise _unreadable(
                        self.path,
                        f"une ligne y dépasse {limits.MAX_CSV_LINE_CHARS:,} caractères, ce "
                        "qu'aucun fichier de contacts ne contient".replace(",", "\u202f"),
                    )
                yield line


def _csv_rows(lines: Iterable[str], separator: str) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(lines, delimiter=separator)
    previous_line = 0
    for record in reader:
        # A quoted field may span lines: a record is numbered by the line where it starts.
        yield previous_line + 1, tuple(record)
        previous_line = reader.line_num


def _csv_error(path: Path, error: csv.Error, rows: Iterable[Any]) -> UserError:
    if "field larger than field limit" in str(error):
        return _unreadable(
            path, f"une cellule y dépasse {limits.MAX_CSV_FIELD_CHARS:,} caractères, ce "
            "qu'aucun fichier de contacts ne contient".replace(",", "\u202f"),
        )
    return _unreadable(path, "le format CSV est incorrect (guillemets mal fermés ou caractère "
                       "nul)")


@contextmanager
def _open_csv(path: Path, mapping: Mapping[int | str, str | None] | None) -> Iterator[Table]:
    source = _CsvFile(path)
    # The csv module's own bound on one field (its default value, stated here): a 200 MB cell
    # is refused rather than read.
    csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)
    candidates = separators_by_likelihood(source.sample())
    table = None
    # The most likely separator first; another one only when it alone reveals the header
    # (quoted cells full of commas can fool the count).
    for separator in candidates:
        lines = source.lines()
        try:
            table = _table_from_rows(
                path.name, "", _csv_rows(lines, separator), mapping, source.last_line
            )
        except csv.Error:
            lines.close()
            continue
        if table is not None:
            break
        lines.close()
    if table is None:
        lines = source.lines()
        try:
            first = list(islice(_csv_rows(lines, candidates[0]), HEADER_SCAN_ROWS))
        except csv.Error as exc:
            raise _csv_error(path, exc, []) from exc
        finally:
            lines.close()
        raise _no_header(path.name, None, first)

    def rows(inner: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
        try:
            yield from inner
        except csv.Error as exc:
            raise _csv_error(path, exc, []) from exc
        finally:
            lines.close()

    table.rows = rows(table.rows)
    yield table


# --- entry point ------------------------------------------------------------------------------


@contextmanager
def open_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
    first_rows_only: bool = False,
    measured: Callable[[int], None] | None = None,
) -> Iterator[Table]:
    """Open a contact file and find its table.

    Args:
        path: a workbook (.xlsx, .xlsm, .xls, .ods) or a text file (.csv, .txt, .tsv).
        sheet: the worksheet to read; by default the active sheet, else the first sheet that
            has a recognisable header.
        mapping: column index (0-based) or header text → field code of
            :data:`~coachdesk.services.contact_import.columns.FIELDS`, or None to ignore the
            column; overrides recognition.
        first_rows_only: only the first rows will be read (a preview): a workbook is
            streamed rather than read whole.
        measured: told a workbook sheet's last row number when it is known before the sheet
            is loaded (an xlsx sheet read by calamine, measured first), while it loads.

    Raises:
        UserError: the file cannot be read, is too big or hostile, is not a table, or has no
            name columns.
    """
    path = Path(path)
    if not path.exists():
        raise UserError(f"Le fichier « {path} » n'existe pas.", hint="Vérifiez le chemin.")
    if path.is_dir():
        raise UserError(f"« {path} » est un dossier, pas un fichier de contacts.")
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc.strerror or "accès refusé") from exc
    suffix = path.suffix.lower()
    if magic.startswith(_OLE2_MAGIC):
        # Excel 97-2003 (.xls), or an Office file in an encrypted container (which keeps its
        # .xlsx name): calamine reads the first, nothing reads the second without its password.
        if size > limits.MAX_XLS_BYTES:
            raise UserError(
                f"Le fichier « {path.name} » est trop volumineux pour un classeur Excel 97-2003 "
                f"({size // limits.MIB} Mo).",
                hint="Enregistrez-le au format Excel (.xlsx) ou CSV, puis importez ce fichier.",
            )
        with _open_workbook(path, "xls", sheet, mapping) as table:
            yield table
        return
    if suffix in XLS_SUFFIXES:
        raise _unreadable(path, "ce n'est pas un classeur Excel 97-2003 valide")
    if suffix == ".numbers":
        raise UserError(
            f"Le fichier « {path.name} » est un document Numbers, que CoachDesk ne lit pas.",
            hint="Exportez-le depuis Numbers au format Excel (.xlsx) puis importez ce fichier.",
        )
    if magic.startswith(_ZIP_MAGIC) or suffix in EXCEL_SUFFIXES | ODS_SUFFIXES:
        if not magic.startswith(_ZIP_MAGIC):
            raise _unreadable(path, "ce n'est pas un classeur valide")
        kind = "ods" if suffix in ODS_SUFFIXES or _is_opendocument(path) else "xlsx"
        with _open_workbook(path, kind, sheet, mapping, first_rows_only, measured) as table:
            yield table
        return
    with _open_csv(path, mapping) as table:
        yield table


def _is_opendocument(path: Path) -> bool:
    """An OpenDocument spreadsheet whatever its name: its first part says so."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            return bool(names) and names[0] == "mimetype" and archive.read("mimetype") == (
                b"application/vnd.oasis.opendocument.spreadsheet"
            )
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


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
    with open_table(path, sheet=sheet, mapping=mapping, first_rows_only=True) as table:
        rows: Iterable[tuple[int, Row]] = (
            (number, row) for number, row in table.rows if not row_is_blank(row)
        )
        first = tuple((number, _as_typed(row)) for number, row in islice(rows, limit))
        return Preview(
            table.file_name, table.sheet, table.header_row, table.columns, table.unrecognised,
            first,
        )


def _as_typed(row: Row) -> Row:
    """A preview row as the coach typed it: calamine reads every number as a float, and
    612345678.0 would show as « 612345678,0 »; empty cells are None whatever the reader."""
    return tuple(
        int(value) if type(value) is float and value.is_integer()
        else None if value == "" else value
        for value in row
    )
