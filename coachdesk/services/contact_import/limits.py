"""Bounds on a contact file, checked before any reader sees it.

The fast reader (python-calamine) holds a whole sheet in memory as a dense grid of cells: its
size is rows × columns of the area the cells span, whatever the file's size. Tried on real
hostile files: a 6 KB workbook with one cell in A1 and one in XFD1048576 asks for 550 GB and
ends the process (a failed allocation cannot be caught); a 23 KB spreadsheet (.ods) of
repeated cells does the same. Defined entities ("billion laughs") and external entities are
refused by calamine itself (it knows only XML's five predefined entities), and it stops at the
size the zip directory declares for each part. So, before reading:

* the zip directory is checked: number of parts, declared sizes, compression ratio;
* every XML part's prolog is checked for a DTD (no spreadsheet program writes one);
* the chosen sheet of a workbook is scanned (a stream, about a tenth of the time calamine takes
  to read it) for the area its cells span; a sheet too big for calamine's grid, or written in a
  form the scan cannot vouch for, is read by openpyxl instead, which streams rows. A quicker
  look first (:func:`bounded_rows`, half the time) proves most sheets small enough for the
  grid: calamine then loads such a sheet while the whole scan runs on a second thread;
* a spreadsheet's (.ods) repeated rows and cells are added up the same way.

Nothing here imports a reader: it runs before one is chosen.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from coachdesk.errors import UserError

MIB = 1024 * 1024
# A workbook is a zip of XML parts; these bound what reading it may cost, whatever it claims.
MAX_ZIP_ENTRIES = 10_000
# One part, uncompressed: about 800,000 rows of 12 columns for a worksheet.
MAX_PART_BYTES = 512 * MIB
MAX_TOTAL_BYTES = 1024 * MIB
# Worksheet XML compresses about 10× (measured on an 80,000-row university file: 48 MB → 5 MB).
# A zip bomb or a 200 MB cell of one repeated letter compresses a thousand times and more.
MAX_COMPRESSION_RATIO = 100
# Small parts (styles, a few strings) may compress far better than sheets: not judged.
RATIO_FLOOR_BYTES = 1 * MIB
# Calamine's grid for one sheet: about 32 bytes a cell, so at most ~320 MB (400,000 rows of
# 25 columns). A bigger sheet is streamed by openpyxl (workbooks) or refused (.ods, .xls).
MAX_GRID_CELLS = 10_000_000
# An .xls (Excel 97-2003) is not compressed: its size bounds what it holds.
MAX_XLS_BYTES = 256 * MIB
# Excel's own limit for the text of one cell; longer values are cut with a warning.
MAX_CELL_CHARS = 32_767
# A CSV is read a line at a time; a line or a field beyond these is not a contact list.
MAX_CSV_LINE_CHARS = 1_048_576
MAX_CSV_FIELD_CHARS = 131_072

_CHUNK = 4 * MIB
_PROLOG_CHUNK = 64 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _thousands(number: float) -> str:
    return f"{number:,.0f}".replace(",", "\u202f")


def _megabytes(size: int) -> str:
    return _thousands(size / MIB)


def _refused(path: Path, why: str, hint: str | None = None) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » n'a pas été lu : {why}.",
        hint=hint or "S'il vient d'une source de confiance, ouvrez-le dans Excel ou "
        "LibreOffice, enregistrez-le sous un nouveau nom, puis importez ce nouveau fichier.",
    )


def _too_big(path: Path, size: int, limit: int) -> UserError:
    return _refused(
        path,
        f"une fois décompressé, il occuperait {_megabytes(size)} Mo, et CoachDesk en lit au "
        f"plus {_megabytes(limit)}",
        hint="Enregistrez la seule feuille des contacts dans un nouveau classeur, ou partagez "
        "la liste en plusieurs fichiers, puis importez-les l'un après l'autre.",
    )


def check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip whose directory announces more than a contact file can hold.

    The directory is what calamine and openpyxl trust too (both stop a part at its declared
    size), so bounding the declared sizes bounds what they decompress.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _refused(
            path, f"il contient {len(entries)} éléments, quand un classeur en a quelques "
            f"dizaines (CoachDesk en accepte au plus {MAX_ZIP_ENTRIES})"
        )
    total = 0
    for entry in entries:
        size = entry.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise _too_big(path, size, MAX_PART_BYTES)
        if total > MAX_TOTAL_BYTES:
            raise _too_big(path, total, MAX_TOTAL_BYTES)
        if size > RATIO_FLOOR_BYTES and size > MAX_COMPRESSION_RATIO * max(
            entry.compress_size, 1
        ):
            ratio = size // max(entry.compress_size, 1)
            raise _refused(
                path,
                f"une de ses parties se décompresse {ratio} fois plus grosse qu'elle n'est "
                "enregistrée, ce qui n'arrive pas dans un vrai classeur (fichier piégé ou "
                "endommagé)",
            )


def _read_prolog(archive: zipfile.ZipFile, name: str) -> bytes:
    """The bytes before the root element of an XML part (where a DTD would be)."""
    prolog = b""
    with archive.open(name) as stream:
        while True:
            chunk = stream.read(_PROLOG_CHUNK)
            if not chunk:
                return prolog
            prolog += chunk
            root = _ROOT_START.search(prolog)
            if root is not None:
                return prolog[: root.start()]


# The first start tag of an element (not <?…?> nor <!…>).
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DTD = ("<!DOCTYPE", "<!ENTITY")
_DTD_MARKS = tuple(
    mark.encode(encoding) for mark in _DTD for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def check_xml_parts(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a package whose XML parts declare a DTD: entity tricks live there.

    calamine refuses entity references it does not know, and openpyxl parses through
    defusedxml; refusing here gives the coach a clear reason before either runs.
    """
    for entry in archive.infolist():
        if not entry.filename.lower().endswith(_XML_SUFFIXES) or entry.is_dir():
            continue
        prolog = _read_prolog(archive, entry.filename)
        if any(mark in prolog for mark in _DTD_MARKS):
            raise _refused(
                path, "il contient des déclarations XML (DTD) qu'aucun tableur n'écrit, "
                "refusées par sécurité"
            )


# --- worksheet scan -----------------------------------------------------------------------


@dataclass(frozen=True)
class SheetShape:
    """What the scan of a worksheet part found.

    ``plain``: every row and cell is written the usual way (``<row r="12">``, ``<c r="B12"``),
    so the bounds below are exact; otherwise the sheet goes to the streaming reader.
    ``error_cells``: cells holding an error (``#N/A``…), which python-calamine 0.9 reads as
    empty text, losing what the file shows: such a sheet goes to openpyxl too.
    ``last_row``: the number of the last row element (openpyxl yields rows up to it, blank
    ones included, where calamine stops at the last value). ``grid_cells``: an upper bound of
    calamine's grid.
    """

    plain: bool
    last_row: int
    grid_cells: int
    error_cells: int = 0

    @property
    def calamine_can_read(self) -> bool:
        return self.plain and self.grid_cells <= MAX_GRID_CELLS and not self.error_cells


_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>/]")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _greater_than(number: int) -> bytes:
    """A regex matching decimal numbers (no leading zero) greater than ``number``."""
    digits = str(number)
    options = [rb"[1-9][0-9]{%d,}" % len(digits)]  # more digits
    for position, digit in enumerate(digits):
        if digit == "9":
            continue
        head = digits[:position].encode()
        low = b"1" if position == 0 and digit == "0" else str(int(digit) + 1).encode()
        tail = len(digits) - position - 1
        options.append(head + b"[" + low + b"-9][0-9]{%d}" % tail)
    return b"(?:" + b"|".join(options) + b")"


def _chunks_at_tag_ends(stream: Iterator[bytes]) -> Iterator[bytes]:
    """Chunks cut just after a ``>``: a tag never straddles two of them."""
    carry = b""
    for chunk in stream:
        data = carry + chunk
        cut = data.rfind(b">") + 1
        carry = data[cut:]
        if cut:
            yield data[:cut]
        if len(carry) > MAX_PART_BYTES:  # pragma: no cover - bounded by the part size
            break
    if carry:
        yield carry


def _read_chunks(archive: zipfile.ZipFile, name: str) -> Generator[bytes, None, None]:
    with archive.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def scan_sheet(archive: zipfile.ZipFile, name: str) -> SheetShape:
    """Scan a worksheet part: how its rows are numbered and how big calamine's grid would be.

    Only byte counts and a few regular expressions run over the part, a chunk at a time. The
    form is *plain* when, inside ``sheetData``, every tag starting with ``c`` is a cell whose
    first attribute is a well-formed reference (``<c r="B12"``), every tag starting with
    ``row`` is a row whose number comes first, row numbers only grow, and no cell lies below
    the last row. Anything else (references left out, another attribute order, other
    namespace prefixes, rich text written inline) is legal XML the counts cannot vouch for.
    """
    with closing(_read_chunks(archive, name)) as stream:
        return _scan_chunks(_chunks_at_tag_ends(stream))


# Where ":c" or ":row" occurs at all (a prefixed tag, or text that looks like one).
_PREFIXED_TAG = re.compile(rb":(?:c|row)")
# A "<c" that does not open a cell with its reference first.
_ODD_CELL = re.compile(rb'<c(?! r=")')
# A row tag, with its number when it comes first.
_ROW_TAG = re.compile(rb'<row(?: r="([1-9][0-9]{0,6})")?')


class _Where:
    """Where :func:`_sheet_data` found the rows: the tags' namespace prefix, whether there was
    a ``sheetData`` at all, and whether a second one followed (legal XML no program writes)."""

    def __init__(self) -> None:
        self.prefix = b""
        self.found = False
        self.repeated = False


def _sheet_data(chunks: Iterator[bytes], where: _Where) -> Iterator[bytes]:
    """The parts of ``chunks`` inside the worksheet's ``sheetData``."""
    state = "before"  # before / inside / after sheetData
    for chunk in chunks:
        if state == "before":
            root = _PREFIX.search(chunk)
            if root is not None and root.group(1):
                where.prefix = root.group(1)
            start = re.search(
                rb"<" + re.escape(where.prefix) + rb"sheetData(?:\s[^>]*)?(/?)>", chunk
            )
            if start is None:
                continue
            where.found = True
            state = "after" if start.group(1) else "inside"  # <sheetData/>: no rows
            chunk = chunk[start.end() :]
        if state != "inside":
            if b"sheetData" in chunk:
                where.repeated = True
            continue
        end = chunk.find(b"</" + where.prefix + b"sheetData>")
        if end >= 0:
            chunk, state = chunk[:end], "after"
        yield chunk


def _scan_chunks(chunks: Iterator[bytes]) -> SheetShape:
    where = _Where()
    plain = True
    last_row = 0
    max_column = 1
    error_cells = 0
    for chunk in _sheet_data(chunks, where):
        prefix = where.prefix
        p = re.escape(prefix)
        error_cells += chunk.count(b't="e"') + chunk.count(b"t='e'")
        # Every "<c…" or "…:c…" must open a plain cell; same for rows.
        prefixed = bool(prefix) or _PREFIXED_TAG.search(chunk) is not None
        if prefixed:
            cells = chunk.count(b"<" + prefix + b'c r="')
            if cells != chunk.count(b"<c") + chunk.count(b":c"):
                plain = False
        else:
            # No ":c" anywhere (the usual sheet): one search for a "<c" that opens no plain
            # cell says the same as the counts, in fewer passes; it is made below, with the
            # search for references.
            cells = int(b'<c r="' in chunk)
        if prefixed:
            rows = [int(number) for number in
                    re.findall(rb"<" + p + rb'row r="([1-9][0-9]{0,6})"', chunk)]
            if len(rows) != chunk.count(b"<row") + chunk.count(b":row"):
                plain = False
        else:
            # Every "<row" of the chunk, its number when it comes first (b"" when not): the
            # same as counting the "<row" and finding the numbered ones, in one pass.
            numbers = _ROW_TAG.findall(chunk)
            if b"" in numbers:
                plain = False
            rows = [int(number) for number in numbers if number]
        if rows:
            if rows[0] <= last_row or any(later <= earlier for earlier, later in pairwise(rows)):
                plain = False
            last_row = max(last_row, *rows)
        if not cells:
            if not prefixed and _ODD_CELL.search(chunk) is not None:
                plain = False
            continue
        below = _greater_than(last_row)
        if not prefixed:
            if re.search(rb'<c(?:(?! r=")| r="(?:(?![A-Z][1-9][0-9]{0,6}")|[A-Z]' + below
                         + rb'"))', chunk) is None:
                # The usual sheet: every "<c" opens a plain cell, every reference is one
                # letter and a row above the last one (what the searches below would find,
                # in one pass).
                max_column = max(max_column, 26)
                continue
            if _ODD_CELL.search(chunk) is not None:
                plain = False
        if not prefix and re.search(
            rb'<c r="(?:(?![A-Z][1-9][0-9]{0,6}")|[A-Z]' + below + rb'")', chunk
        ) is None:
            # Every reference is one letter and a row above the last one (what the two tests
            # below would find, in one pass).
            max_column = max(max_column, 26)
            continue
        # A reference that is not a plain "B12", or a cell below every row.
        if re.search(
            rb"<" + p + rb'c r="(?:(?![A-Z]{1,3}[1-9][0-9]{0,6}")|[A-Z]{1,3}' + below + rb'")',
            chunk,
        ):
            plain = False
        wide = set(re.findall(rb"<" + p + rb'c r="([A-Z]{2,3})[0-9]', chunk))
        if wide:
            max_column = max(max_column, *(_column_number(letters) for letters in wide))
        else:
            max_column = max(max_column, 26)
    if where.repeated or not where.found:
        plain = False
    return SheetShape(plain, last_row, last_row * max_column, error_cells)


# A "<c" that does not open a cell whose reference (first) is one letter (A to Z) and a row
# below 300,000: the grid of a sheet of such cells holds fewer than 26 × 300,000 cells.
_BOUNDED_ROWS = 300_000
_UNBOUNDED_CELL = re.compile(rb'<c(?! r="[A-Z](?:[1-9][0-9]{0,4}|[12][0-9]{5})")')
_LAST_ROW = re.compile(rb'<row r="([1-9][0-9]{0,6})"')


def bounded_rows(archive: zipfile.ZipFile, name: str) -> int | None:
    """The last row number of a worksheet part whose cells provably fit calamine's grid, from
    a quicker look than :func:`scan_sheet`'s; ``None`` when this look cannot tell.

    Calamine places each cell by its reference, so its grid spans the largest row and column
    any reference names. The look vouches only for a sheet without namespace prefixes where
    every ``<c`` inside ``sheetData`` opens a cell whose reference comes first and is one
    letter (A to Z) and a row below 300,000: then calamine may start loading it while
    :func:`scan_sheet` runs, which still decides whether its rows are read from calamine or
    from openpyxl (the reference, for the sheets calamine does not read faithfully).
    """
    where = _Where()
    last_row = 0
    with closing(_read_chunks(archive, name)) as stream:
        for chunk in _sheet_data(_chunks_at_tag_ends(stream), where):
            if (where.prefix or _PREFIXED_TAG.search(chunk) is not None
                    or _UNBOUNDED_CELL.search(chunk) is not None):
                return None
            at = chunk.rfind(b'<row r="')
            if at >= 0 and (found := _LAST_ROW.match(chunk, at)) is not None:
                last_row = max(last_row, int(found.group(1)))
    return last_row if where.found and not where.repeated else None


# --- OpenDocument spreadsheets -------------------------------------------------------------

_ODS_ROW = re.compile(
    rb"<table:table-row(?P<attributes>[^>]*?)(?:/>|>(?P<cells>.*?)</table:table-row>)", re.S
)
_ODS_CELL = re.compile(
    rb"<table:(?:covered-)?table-cell(?P<attributes>[^>]*?)(?:/>|>(?P<content>.*?)"
    rb"</table:(?:covered-)?table-cell>)",
    re.S,
)
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="([0-9]+)"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="([0-9]+)"')
_ODS_TABLE = re.compile(rb"<table:table[\s>]")


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1


def _ods_row_width(cells: bytes) -> int:
    """Columns up to the last cell holding something (trailing empty cells are not kept)."""
    position = width = 0
    for cell in _ODS_CELL.finditer(cells):
        position += _repeat(_COLUMNS_REPEATED, cell.group("attributes"))
        if b"office:value-type" in cell.group("attributes") or cell.group("content"):
            width = position
    return width


def check_ods(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a spreadsheet whose repeated rows and cells add up to more than the grid holds.

    LibreOffice writes runs of equal cells and rows as one element with a repeat count (and
    the empty rest of a sheet as one row repeated a million times, which costs nothing);
    calamine spreads the non-empty ones out in memory.
    """
    try:
        content = archive.getinfo("content.xml")
    except KeyError:
        raise _refused(path, "ce n'est pas un classeur OpenDocument valide") from None
    with closing(_read_chunks(archive, content.filename)) as chunks:
        largest = _largest_ods_sheet(chunks)
    rows, columns = largest
    if rows * columns > MAX_GRID_CELLS:
        raise _refused(
            path,
            f"une de ses feuilles s'étend sur {rows} lignes et {columns} colonnes, au-delà "
            f"des {_thousands(MAX_GRID_CELLS)} cellules qu'un import lit",
            hint="Enregistrez-le au format Excel (.xlsx) ou CSV, ou partagez la liste en "
            "plusieurs fichiers, puis importez-les l'un après l'autre.",
        )


def _largest_ods_sheet(chunks: Iterator[bytes]) -> tuple[int, int]:
    """(rows, columns) of the largest filled area of the sheets in content.xml's chunks."""
    largest = (0, 0)
    height = filled_height = width = 0
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"</table:table-row>")
        if cut < 0:
            carry = data
            continue
        cut += len(b"</table:table-row>")
        carry = data[cut:]
        previous_end = 0
        for row in _ODS_ROW.finditer(data, 0, cut):
            if _ODS_TABLE.search(data, previous_end, row.start()):
                height = filled_height = width = 0  # the next sheet
            previous_end = row.end()
            height += _repeat(_ROWS_REPEATED, row.group("attributes"))
            row_width = _ods_row_width(row.group("cells") or b"")
            if row_width:
                filled_height = height
                width = max(width, row_width)
            if filled_height * width > largest[0] * largest[1]:
                largest = (filled_height, width)
        if largest[0] * largest[1] > MAX_GRID_CELLS:
            break
    return largest
