"""The one streaming xlsx writer every CoachDesk export goes through.

Why xlsxwriter in constant-memory mode: on this machine it wrote 80,000 × 15 cells in 6.9 s with
+2 MB, against 11.6 s and +16 MB for openpyxl's write-only mode (DESIGN.md; re-measured by
``benchmarks/export_weekly.py``). Rows are written as they come, so memory stays flat.

What every workbook gets, whatever the export:

* a bold, frozen header row with an autofilter and set column widths, and nothing styled below
  the last row (no column formats, no empty formatted rows);
* real Excel dates shown JJ/MM/AAAA (date-times JJ/MM/AAAA hh:mm);
* no formula, ever: every text is written with ``write_string`` and the workbook is created with
  ``strings_to_formulas`` off, so a value a participant typed that begins with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return (OWASP "CSV/formula injection") lands as literal text, intact.
  Such cells also carry Excel's quote prefix, so editing the cell in Excel keeps it text;
* the file appears complete or not at all: the workbook is written to a hidden temporary file
  in the target folder, then renamed into place (``os.replace``). A cancelled or failed export
  leaves no file behind. xlsxwriter's own row files go to a private folder in the system's
  temporary folder, never beside the export: a crash (``kill -9``, power cut) used to leave
  ``tmpXXXXXXXX`` files there for the coach to find. The hidden temporary files a crashed export
  of the same file left are removed by the next export (``tests/crash`` proves both);
* a French :class:`~coachdesk.errors.UserError` when the target is open in Excel (Windows refuses
  the rename) or the folder cannot be written.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import xlsxwriter

from coachdesk.errors import UserError

ColumnKind = Literal["text", "date", "datetime", "int", "decimal", "money_cents", "percent", "bool"]

# Characters that make a spreadsheet treat a typed value as a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_CHARS = "".join(FORMULA_TRIGGERS)

# Progress is reported every so many rows: often enough for a progress bar, rarely enough to cost
# nothing.
PROGRESS_EVERY = 2000

# The hidden temporary workbook beside the target is ".<stem>.<random><PARTIAL_SUFFIX>".
PARTIAL_SUFFIX = ".xlsx.partiel"

ProgressCallback = Callable[[int, int | None], object]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Column:
    """One column of a sheet: a stable key (used by export profiles), its French label."""

    key: str
    label: str
    kind: ColumnKind = "text"
    width: float = 16


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its columns and an iterable of rows, each a sequence in column order.

    ``rows`` is consumed once, lazily, while the sheet is written: pass a generator over a
    streaming query, never a list of 80,000 ORM objects. ``title_lines`` are written in bold
    above the header (a report title, the cohort, the date). ``expected_rows`` only feeds
    progress reporting.
    """

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    title_lines: Sequence[str] = ()
    expected_rows: int | None = None


@dataclass(frozen=True)
class ExportResult:
    """What landed on disk: the file, how many data rows (headers excluded), its SHA-256."""

    path: Path
    row_count: int
    sha256: str
    rows_per_sheet: dict[str, int] = field(default_factory=dict)


class ExportCancelled(UserError):
    """The coach cancelled the export; no file was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Export annulé : le fichier « {path.name} » n'a pas été écrit.",
        )


def needs_quote_prefix(text: str) -> bool:
    """True for text a spreadsheet would otherwise take for a formula."""
    return text.startswith(FORMULA_TRIGGERS)


class _Formats:
    """The few cell formats a workbook uses, created once per workbook."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#DDE7F0", "bottom": 1, "text_wrap": True,
             "valign": "top"}
        )
        self.title = workbook.add_format({"bold": True, "font_size": 12})
        self.date = workbook.add_format({"num_format": "dd/mm/yyyy"})
        self.datetime = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        self.money = workbook.add_format({"num_format": '#,##0.00" €"'})
        self.decimal = workbook.add_format({"num_format": "0.0"})
        self.percent = workbook.add_format({"num_format": "0.0%"})
        self.literal_text = workbook.add_format({"quote_prefix": True})


def _cell_writer(
    sheet: Any, kind: ColumnKind, formats: _Formats
) -> Callable[[int, int, Any], None]:
    """A function writing one value of a column of this kind; ``None`` leaves the cell empty."""
    write_string = sheet.write_string
    write_number = sheet.write_number
    literal = formats.literal_text

    def text(row: int, col: int, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            value = _as_text(value)
        if not value:
            return
        if value[0] in _TRIGGER_CHARS:
            write_string(row, col, value, literal)
        else:
            write_string(row, col, value)

    if kind == "text":
        return text

    def dated(row: int, col: int, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, datetime):
            sheet.write_datetime(row, col, value, formats.datetime)
        elif isinstance(value, date):
            sheet.write_datetime(row, col, value, formats.date)
        else:
            text(row, col, value)

    if kind in ("date", "datetime"):
        return dated

    number_format = {
        "int": None,
        "decimal": formats.decimal,
        "money_cents": formats.money,
        "percent": formats.percent,
    }.get(kind)

    def number(row: int, col: int, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            write_string(row, col, "Oui" if value else "Non")
        elif isinstance(value, int | float | Decimal):
            # Excel stores every number as a double; cents become euros only here, on the way out.
            shown = Decimal(value) / 100 if kind == "money_cents" else value
            write_number(row, col, float(shown), number_format)
        else:
            text(row, col, value)

    if kind == "bool":

        def boolean(row: int, col: int, value: Any) -> None:
            if value is None:
                return
            if isinstance(value, bool):
                write_string(row, col, "Oui" if value else "Non")
            else:
                text(row, col, value)

        return boolean
    return number


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _excel_sheet_name(name: str, used: set[str]) -> str:
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31] or "Feuille"
    candidate, number = cleaned, 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    used.add(candidate.casefold())
    return candidate


def _unwritable(path: Path, exc: OSError) -> UserError:
    folder = path.parent
    if isinstance(exc, FileNotFoundError) and not folder.exists():
        return UserError(
            f"Impossible d'écrire « {path.name} » : le dossier « {folder} » n'existe pas.",
            hint="Choisissez un dossier existant pour l'export.",
        )
    if isinstance(exc, PermissionError) and path.exists():
        return UserError(
            f"Impossible de remplacer « {path} » : le fichier est ouvert dans un autre "
            "programme (Excel, LibreOffice) ou protégé en écriture.",
            hint="Fermez le fichier dans Excel ou LibreOffice, puis relancez l'export, "
            "ou choisissez un autre nom de fichier.",
        )
    if isinstance(exc, PermissionError | IsADirectoryError):
        return UserError(
            f"Impossible d'écrire « {path.name} » dans le dossier « {folder} » : "
            "accès refusé.",
            hint="Choisissez un dossier où vous avez le droit d'écrire (par exemple "
            "Documents).",
        )
    return UserError(
        f"Impossible d'écrire « {path} » : {exc.strerror or exc}.",
        hint="Vérifiez l'espace disque et le dossier choisi, puis relancez l'export.",
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_workbook(
    path: Path | str,
    sheets: Iterable[Sheet],
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write ``sheets`` to ``path`` as one xlsx file, atomically.

    Args:
        path: the target file; replaced only once the new workbook is complete.
        sheets: the worksheets, in order. Consumed lazily, so a sheet may be built from what
            the previous ones computed.
        progress: called as ``progress(rows_written, rows_expected_or_None)`` every
            :data:`PROGRESS_EVERY` rows and at the end.
        is_cancelled: polled as often as ``progress``; when it returns true the export stops,
            the temporary file is removed and :class:`ExportCancelled` is raised.

    Returns:
        The path, the number of data rows written (all sheets, headers excluded) and the
        SHA-256 of the file.

    Raises:
        UserError: the folder cannot be written or the target is open in another program.
        ExportCancelled: ``is_cancelled`` returned true.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError(
            f"« {target} » est un dossier.",
            hint="Indiquez un nom de fichier se terminant par .xlsx.",
        )
    _remove_crashed_partials(target)
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.stem}.", suffix=PARTIAL_SUFFIX
        )
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        with tempfile.TemporaryDirectory(prefix="coachdesk-export-") as scratch:
            total, per_sheet = _write(temp, target, sheets, progress, is_cancelled,
                                      Path(scratch))
        digest = _sha256(temp)
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise _unwritable(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return ExportResult(target, total, digest, per_sheet)


def _remove_crashed_partials(target: Path) -> None:
    """Remove the hidden temporary files an export of ``target`` killed mid-way left behind.

    Only this target's own pattern is touched. Two CoachDesks exporting the same file at the
    same moment is not a case worth a lock: the later rename would win anyway.
    """
    pattern = f".{glob.escape(target.stem)}.*{PARTIAL_SUFFIX}"
    for stale in target.parent.glob(pattern):
        with contextlib.suppress(OSError):
            stale.unlink()


def _write(
    temp: Path,
    target: Path,
    sheets: Iterable[Sheet],
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
    scratch: Path,
) -> tuple[int, dict[str, int]]:
    workbook = xlsxwriter.Workbook(
        str(temp),
        {
            "constant_memory": True,
            # Never turn text into formulas, links or numbers behind our back.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            # Row files of constant-memory mode: out of the coach's folder (see the module doc).
            "tmpdir": str(scratch),
        },
    )
    formats = _Formats(workbook)
    used_names: set[str] = set()
    total = 0
    per_sheet: dict[str, int] = {}
    expected: int | None = 0
    try:
        for sheet in sheets:
            if expected is not None and sheet.expected_rows is not None:
                expected += sheet.expected_rows
            else:
                expected = None
            name = _excel_sheet_name(sheet.name, used_names)
            written = _write_sheet(
                workbook, name, sheet, formats, total, expected, progress, is_cancelled, target
            )
            per_sheet[name] = written
            total += written
        if not per_sheet:
            raise ValueError("a workbook needs at least one sheet")
        if progress is not None:
            progress(total, total)
    except BaseException:
        # Close to release the temporary row files xlsxwriter keeps; the caller removes the
        # partial workbook.
        with contextlib.suppress(Exception):
            workbook.close()
        raise
    try:
        workbook.close()
    except OSError as exc:
        raise _unwritable(temp, exc) from exc
    return total, per_sheet


def _write_sheet(
    workbook: xlsxwriter.Workbook,
    name: str,
    sheet: Sheet,
    formats: _Formats,
    done_before: int,
    expected: int | None,
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
    target: Path,
) -> int:
    worksheet = workbook.add_worksheet(name)
    columns = list(sheet.columns)
    row = 0
    for line in sheet.title_lines:
        _cell_writer(worksheet, "text", formats)(row, 0, line)
        worksheet.set_row(row, None, formats.title)
        row += 1
    if sheet.title_lines:
        row += 1  # one blank line between the title and the table
    header_row = row
    for col, column in enumerate(columns):
        worksheet.set_column(col, col, column.width)
        worksheet.write_string(header_row, col, column.label, formats.header)
    worksheet.freeze_panes(header_row + 1, 0)
    # Per-cell work decided once per column: text cells (most of them) are written inline with
    # the formula-injection check and no function call of ours; other kinds go through the
    # writer made for their kind, with its format already chosen.
    text_columns = [col for col, column in enumerate(columns) if column.kind == "text"]
    other_writers = [
        (col, _cell_writer(worksheet, column.kind, formats))
        for col, column in enumerate(columns) if column.kind != "text"
    ]
    write_text = _cell_writer(worksheet, "text", formats)
    write_string = worksheet.write_string
    literal = formats.literal_text
    triggers = _TRIGGER_CHARS
    width = len(columns)
    count = 0
    for values in sheet.rows:
        row += 1
        if len(values) != width:
            raise ValueError(f"row of {len(values)} values for {width} columns in {name!r}")
        for col in text_columns:
            value = values[col]
            if value.__class__ is str:
                if value:
                    if value[0] in triggers:
                        write_string(row, col, value, literal)
                    else:
                        write_string(row, col, value)
            elif value is not None:
                write_text(row, col, value)
        for col, write in other_writers:
            write(row, col, values[col])
        count += 1
        if count % PROGRESS_EVERY == 0:
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled(target)
            if progress is not None:
                progress(done_before + count, expected)
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled(target)
    if columns:
        worksheet.autofilter(header_row, 0, max(row, header_row), width - 1)
    return count

