"""The one streaming xlsx writer every CoachDesk export goes through.

What every workbook gets, whatever the export:

* a bold, frozen header row with an autofilter and set column widths, and nothing styled below
  the last row (no column formats, no empty formatted rows);
* real Excel dates shown JJ/MM/AAAA (date-times JJ/MM/AAAA hh:mm);
* a print layout (landscape A4, the header and the columns naming a person on every page,
  pages ending between people, a numbered footer: ``xlsx_print``);
* no formula, ever: the writer has no way to write one (no ``<f>`` element exists in this
  module, in ``xlsx_cells`` nor in ``xlsx_package``), and a value a participant typed that
  begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (OWASP "CSV/formula
  injection") lands as literal text, intact, with Excel's quote prefix so that editing the cell
  in Excel keeps it text;
* the file appears complete or not at all: the workbook is written to a hidden temporary file
  in the target folder, then renamed into place (``os.replace``). A cancelled or failed export
  leaves no file behind. The rows of a sheet wait in an anonymous temporary file (removed by
  the system even when the export is killed), never beside the export. The hidden temporary
  files a crashed export of the same file left are removed by the next export (``tests/crash``
  proves both);
* a French :class:`~coachdesk.errors.UserError` when the target is open in Excel (Windows refuses
  the rename), the folder cannot be written, or a sheet would pass Excel's row limit;
* with a ``password``, the standard Office encryption (``workbook_password``): the plain package
  is then written to an anonymous ``0600`` file inside a private ``0700`` temporary folder, never
  beside the export, encrypted into the hidden temporary file beside the target, and the folder
  is removed whatever happens — only the encrypted workbook is ever renamed into place.

Why the rows are written here and not by xlsxwriter or openpyxl: the partners' workbooks are
plain tables, and the general writers spend most of an export on per-cell bookkeeping. On an
80,000-participant weekly workbook (1.5 million cells, ``benchmarks/export_weekly.py``)
xlsxwriter's constant-memory mode took 4.7 s and openpyxl's write-only mode 6.2 s, where the
whole export, queries included, has to stay within 1.3× the fastest of them and twice as fast as
``pandas.DataFrame.to_excel`` — whose default engine here *is* xlsxwriter, only 2.1× slower than
xlsxwriter itself. This module writes each row as one string of SpreadsheetML, and the package
parts a workbook needs (ECMA-376 part 1): the worksheets here, the content types,
relationships, workbook, styles and document properties in ``xlsx_package``. What it writes is
checked by reading every export back with openpyxl and by converting it with LibreOffice
(``tests``).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from coachdesk.errors import UserError
from coachdesk.exports.xlsx_cells import (
    HEADER_STYLE,
    MAX_CELL_TEXT,
    NEEDS_ESCAPE,
    TITLE_STYLE,
    TRIGGER_CHARS,
    ColumnKind,
    any_cell,
    column_letter,
    text_cell,
)
from coachdesk.exports.xlsx_package import (
    MAIN_NS,
    PACKAGE_RELS,
    REL_NS,
    STYLES,
    XML_HEAD,
    WrittenSheet,
    app_properties,
    content_types,
    core_properties,
    workbook_part,
    workbook_rels,
)
from coachdesk.exports.xlsx_print import (
    PrintLayout,
    RowPager,
    fit_one_page,
    page_setup_xml,
    plan_print,
    wrap_title,
)

# Progress is reported every so many rows: often enough for a progress bar, rarely enough to cost
# nothing.
PROGRESS_EVERY = 2000

# The hidden temporary workbook beside the target is ".<stem>.<random><PARTIAL_SUFFIX>".
PARTIAL_SUFFIX = ".xlsx.partiel"

# Excel's limits: rows and columns of a sheet, characters in a cell, characters in a sheet name.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_SHEET_NAME = 31

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
    above the header (a report title, the cohort, the date); they too are read only when the
    sheet is written. ``expected_rows`` only feeds progress reporting.

    ``identity_columns`` is how many of the first columns name the person a row is about (last
    name, first name): printed, they are repeated at the left of every page, and a page ends
    only between two people, never between two rows of the same person (see
    :class:`PrintLayout`).
    """

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    title_lines: Iterable[str] = ()
    expected_rows: int | None = None
    identity_columns: int = 0


@dataclass(frozen=True)
class ExportResult:
    """What landed on disk: the file, how many data rows (headers excluded), its SHA-256."""

    path: Path
    row_count: int
    sha256: str
    rows_per_sheet: dict[str, int] = field(default_factory=dict)
    # Written encrypted with a password (the password itself is kept nowhere).
    encrypted: bool = False


class ExportCancelled(UserError):
    """The coach cancelled the export; no file was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Export annulé : le fichier « {path.name} » n'a pas été écrit.",
        )


# Points a line of 11-point Calibri takes in a row.
_LINE_HEIGHT = 15
_MOST_HEADER_LINES = 4


def _wrapped_lines(label: str, width: float) -> int:
    """How many lines ``label`` takes once wrapped, word by word, in a column ``width``
    characters wide (bold letters are a little wider: one character is kept for them)."""
    room = max(int(width) - 1, 1)
    lines, used = 1, 0
    for word in label.split():
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return min(lines, _MOST_HEADER_LINES)


def _stored_width(characters: float) -> float:
    """Excel's stored column width for a width in characters of the default font (Calibri 11,
    7-pixel digits, 5 pixels of padding), as Excel itself would save it."""
    pixels = int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


def _excel_sheet_name(name: str, used: set[str]) -> str:
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("'")
    cleaned = cleaned[:MAX_SHEET_NAME] or "Feuille"
    candidate, number = cleaned, 2
    # Excel keeps "History" for itself.
    while candidate.casefold() in used or candidate.casefold() == "history":
        suffix = f" ({number})"
        candidate = cleaned[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    used.add(candidate.casefold())
    return candidate


# --- Files ----------------------------------------------------------------------------------

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
    from coachdesk.errors import explain_failure

    # A full disk, a read-only folder, a write error: named after the workbook, not after
    # its hidden temporary file.
    explained = explain_failure(OSError(exc.errno, exc.strerror, str(path)))
    if explained is not None:
        return explained
    return UserError(
        f"Impossible d'écrire « {path} » (erreur système {exc.errno}).",
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
    tabs: Sequence[str] | None = None,
    password: str | None = None,
) -> ExportResult:
    """Write ``sheets`` to ``path`` as one xlsx file, atomically.

    Args:
        path: the target file; replaced only once the new workbook is complete.
        sheets: the worksheets, in the order they are written. Their rows are consumed
            lazily, one sheet after the other, so a sheet's rows may come from what the
            previous sheets' rows computed.
        tabs: the sheet names in the order the reader sees the tabs, when it is not the order
            they are written in: a summary counted from the other sheets' rows is written
            last and shown first. The first tab is the one the workbook opens on.
        progress: called as ``progress(rows_written, rows_expected_or_None)`` every
            :data:`PROGRESS_EVERY` rows and at the end.
        is_cancelled: polled as often as ``progress``; when it returns true the export stops,
            the temporary file is removed and :class:`ExportCancelled` is raised.
        password: when given, the workbook is encrypted with it (Excel's own encryption);
            the caller checks its strength (``workbook_password.check_password``).

    Returns:
        The path, the number of data rows written (all sheets, headers excluded) and the
        SHA-256 of the file (of the encrypted file, when protected).

    Raises:
        UserError: the folder cannot be written, the target is open in another program, or a
            sheet has more rows than Excel can show.
        ExportCancelled: ``is_cancelled`` returned true.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError(
            f"« {target} » est un dossier.",
            hint="Indiquez un nom de fichier se terminant par .xlsx.",
        )
    sheets = list(sheets)
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    if tabs is not None and sorted(tabs) != sorted(sheet.name for sheet in sheets):
        raise ValueError(f"tabs {list(tabs)!r} do not name the sheets once each")
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
        try:
            if password is None:
                total, per_sheet = _write(temp, target, sheets, progress, is_cancelled, tabs)
            else:
                total, per_sheet = _write_encrypted(
                    temp, target, sheets, progress, is_cancelled, tabs, password
                )
        except OSError as exc:
            raise _unwritable(target, exc) from exc
        digest = _sha256(temp)
        # On disk before the rename, so a power cut leaves the old file or the whole new one.
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise _unwritable(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return ExportResult(target, total, digest, per_sheet, encrypted=password is not None)


def _write_encrypted(
    temp: Path,
    target: Path,
    sheets: Sequence[Sheet],
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
    tabs: Sequence[str] | None,
    password: str,
) -> tuple[int, dict[str, int]]:
    """Write the plain package where only this process can read it, then its encryption to
    ``temp`` (``workbook_password.write_encrypted``)."""
    from coachdesk.exports.workbook_password import write_encrypted

    def plain_package(plain: IO[bytes]) -> tuple[int, dict[str, int]]:
        counts = _write(plain, target, sheets, progress, is_cancelled, tabs)
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled(target)
        return counts

    return write_encrypted(temp, password, plain_package)


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
    temp: Path | IO[bytes],
    target: Path,
    sheets: Sequence[Sheet],
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
    tabs: Sequence[str] | None,
) -> tuple[int, dict[str, int]]:
    moment = datetime.now(UTC).replace(tzinfo=None)
    stamp = moment.timetuple()[:6]

    def part(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    used_names: set[str] = set()
    names = [_excel_sheet_name(sheet.name, used_names) for sheet in sheets]
    # Sheet parts are numbered in writing order; the tabs may list them in another.
    order = list(range(len(sheets)))
    if tabs is not None:
        position = {sheet.name: index for index, sheet in enumerate(sheets)}
        order = [position[name] for name in tabs]
    written: dict[int, WrittenSheet] = {}
    total = 0
    per_sheet: dict[str, int] = {}
    expected: int | None = 0
    with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(part("[Content_Types].xml"), content_types(len(sheets)))
        package.writestr(part("_rels/.rels"), PACKAGE_RELS)
        package.writestr(part("docProps/app.xml"),
                         app_properties([names[index] for index in order]))
        package.writestr(part("docProps/core.xml"), core_properties(moment))
        package.writestr(part("xl/_rels/workbook.xml.rels"), workbook_rels(len(sheets)))
        package.writestr(part("xl/styles.xml"), STYLES)
        for number, (sheet, name) in enumerate(zip(sheets, names, strict=True), start=1):
            if expected is not None and sheet.expected_rows is not None:
                expected += sheet.expected_rows
            else:
                expected = None
            with tempfile.TemporaryFile(prefix="coachdesk-export-") as rows_file:
                layout = _write_sheet_rows(
                    rows_file, name, sheet, total, expected, progress, is_cancelled, target
                )
                rows_file.seek(0)
                with package.open(part(f"xl/worksheets/sheet{number}.xml"), "w") as entry:
                    entry.write(layout.head(first=number - 1 == order[0]).encode())
                    shutil.copyfileobj(rows_file, entry, 1 << 20)
                    entry.write(layout.tail().encode())
            written[number - 1] = WrittenSheet(name, layout.filter_range,
                                               layout.print_title_rows,
                                               layout.print_title_columns, number)
            per_sheet[name] = layout.count
            total += layout.count
        package.writestr(part("xl/workbook.xml"),
                         workbook_part([written[index] for index in order]))
    if progress is not None:
        progress(total, total)
    return total, per_sheet


@dataclass
class _SheetLayout:
    """What a worksheet's XML says around its rows, known once the rows are written."""

    columns: Sequence[Column]
    header_row: int  # 1-based; 0 when the sheet has no columns
    last_row: int
    last_column: int  # 1-based
    count: int
    printing: PrintLayout
    identity_columns: int
    row_breaks: Sequence[int]

    @property
    def filter_range(self) -> str | None:
        if not self.header_row:
            return None
        last = column_letter(self.last_column - 1)
        return f"$A${self.header_row}:${last}${self.last_row}"

    @property
    def print_title_rows(self) -> str | None:
        """The header row, printed atop every page."""
        return f"${self.header_row}:${self.header_row}" if self.header_row else None

    @property
    def print_title_columns(self) -> str | None:
        """The columns naming the person, printed at the left of every page."""
        if not self.identity_columns:
            return None
        return f"$A:${column_letter(self.identity_columns - 1)}"

    def head(self, *, first: bool) -> str:
        dimension = f"A1:{column_letter(self.last_column - 1)}{self.last_row}"
        if dimension == "A1:A1":
            dimension = "A1"
        selected = ' tabSelected="1"' if first else ""
        if self.header_row:
            top = f"A{self.header_row + 1}"
            view = (
                f'<sheetView{selected} workbookViewId="0"><pane ySplit="{self.header_row}"'
                f' topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView>'
            )
        else:
            view = f'<sheetView{selected} workbookViewId="0"/>'
        columns = "".join(
            f'<col min="{n}" max="{n}" width="{_stored_width(column.width)}" customWidth="1"/>'
            for n, column in enumerate(self.columns, start=1)
        )
        return (
            XML_HEAD + f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f'<dimension ref="{dimension}"/><sheetViews>{view}</sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{columns}</cols>" if columns else "")
            + "<sheetData>"
        )

    def tail(self) -> str:
        autofilter = ""
        if self.header_row:
            last = column_letter(self.last_column - 1)
            autofilter = f'<autoFilter ref="A{self.header_row}:{last}{self.last_row}"/>'
        return (
            f"</sheetData>{autofilter}"
            + page_setup_xml(self.printing, self.row_breaks)
            + "</worksheet>"
        )


def _write_sheet_rows(
    out: IO[bytes],
    name: str,
    sheet: Sheet,
    done_before: int,
    expected: int | None,
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
    target: Path,
) -> _SheetLayout:
    """Write the ``<row>`` elements of ``sheet`` to ``out``; return what surrounds them."""
    columns = list(sheet.columns)
    width = len(columns)
    if width > MAX_COLUMNS:
        raise ValueError(f"{width} columns in {name!r}, more than Excel's {MAX_COLUMNS}")
    lines: list[str] = []
    row = 0
    widths = [column.width for column in columns] or [16.0]
    # Read only now: a summary's title may count what the sheets written before it held.
    titles = [part for line in sheet.title_lines for part in wrap_title(line, widths)]
    for line in titles:
        row += 1
        if line:
            lines.append(f'<row r="{row}">{text_cell(f"A{row}", line, TITLE_STYLE)}</row>')
    if titles:
        row += 1  # one blank line between the title and the table
    header_row = 0
    high = 1
    if columns:
        row += 1
        header_row = row
        labels = "".join(
            text_cell(f"{column_letter(col)}{row}", column.label or " ", HEADER_STYLE)
            for col, column in enumerate(columns)
        )
        # Excel does not grow a row for wrapped text when it opens a file: give the header the
        # height of its longest wrapped label.
        high = max(_wrapped_lines(column.label, column.width) for column in columns)
        height = f' ht="{high * _LINE_HEIGHT}" customHeight="1"' if high > 1 else ""
        lines.append(f'<row r="{row}"{height}>{labels}</row>')
    out.write("".join(lines).encode())
    lines.clear()
    identity = min(sheet.identity_columns, width)
    title_rows = header_row - 1 if header_row else len(titles)
    printing = plan_print(widths, identity=identity, header_lines=high, title_lines=title_rows)
    # Pages end between people only where rows name them; elsewhere every row stands alone.
    pager = RowPager(row + 1, printing, identity) if identity else None

    letters = [column_letter(col) for col in range(width)]
    is_text = [column.kind == "text" for column in columns]
    kinds = [column.kind for column in columns]
    plan = list(zip(letters, is_text, kinds, strict=True))
    triggers = TRIGGER_CHARS
    needs_escape = NEEDS_ESCAPE.search
    count = 0
    for values in sheet.rows:
        row += 1
        if len(values) != width:
            raise ValueError(f"row of {len(values)} values for {width} columns in {name!r}")
        number = str(row)
        cells = [f'<row r="{number}">']
        # The length was checked above.
        for (letter, text_column, kind), value in zip(plan, values, strict=False):
            if value is None:
                continue
            if text_column and value.__class__ is str:
                # The common case, inline: plain text, not too long, not formula-like.
                if not value:
                    continue
                if value[0] in triggers or len(value) > MAX_CELL_TEXT or needs_escape(value):
                    cells.append(text_cell(letter + number, value))
                else:
                    cells.append(
                        f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">'
                        f"{value}</t></is></c>"
                    )
            else:
                cells.append(any_cell(letter + number, value, kind))
        cells.append("</row>")
        lines.append("".join(cells))
        if pager is not None:
            pager.place(row, values)
        count += 1
        if count % PROGRESS_EVERY == 0:
            if row > MAX_ROWS:
                raise _too_many_rows(name)
            out.write("".join(lines).encode())
            lines.clear()
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled(target)
            if progress is not None:
                progress(done_before + count, expected)
    if row > MAX_ROWS:
        raise _too_many_rows(name)
    out.write("".join(lines).encode())
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled(target)
    if pager is None:
        printing = fit_one_page(printing, widths, rows=count, header_lines=high,
                                title_lines=title_rows)
    return _SheetLayout(columns, header_row, max(row, 1), max(width, 1), count, printing,
                        identity, pager.breaks if pager is not None else ())


def _too_many_rows(name: str) -> UserError:
    return UserError(
        f"La feuille « {name} » dépasse {MAX_ROWS:,} lignes, le maximum qu'Excel peut "
        "ouvrir.".replace(",", " "),
        hint="Exportez une seule promotion, ou filtrez l'export avec un profil.",
    )
