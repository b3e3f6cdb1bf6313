"""The two workbook readers behind :func:`~coachdesk.services.contact_import.reader.open_table`.

* **calamine** (python-calamine, the Rust calamine reader): reads xlsx/xlsm, xls and ods, about
  ten times faster than openpyxl. It holds a whole sheet in memory as a dense grid, which is
  why :mod:`.limits` measures the sheet first.
* **openpyxl** (read-only mode): streams rows, so memory stays flat however large the sheet.
  It reads the workbook sheets calamine cannot safely hold or read faithfully: cells spanning
  more than :data:`~.limits.MAX_GRID_CELLS`; a form the pre-scan cannot measure (cells without
  references, unusual namespace prefixes, inline rich text); error cells (``#N/A``), which
  python-calamine 0.9 reads as empty text; anything calamine refuses. It is also the reference
  the calamine path is proven against: same sheets tried in the same order, same row numbers,
  blank rows included.

Both give rows numbered as the coach sees them in the spreadsheet (row 1 is the first row even
when the sheet's data starts lower), each row starting at column A. Values are the readers' own:
empty cells are None or "" (both blank for the import), numbers int or float, dates
``datetime`` (openpyxl) or ``date``/``datetime`` (calamine); the import treats them alike.
"""

from __future__ import annotations

import posixpath
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from coachdesk.errors import UserError
from coachdesk.services.contact_import import limits

Row = Sequence[Any]
NumberedRows = Iterator[tuple[int, Row]]

# Which reader opens workbooks (xlsx/xlsm): "calamine" (shipped), or "openpyxl" (the reference
# the tests compare with). Spreadsheets (.ods) and .xls are read by calamine whatever this says.
ENGINES = ("calamine", "openpyxl")

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)


def unreadable(path: Path, why: str) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » n'a pas pu être lu : {why}.",
        hint="Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Excel (.xlsx) ou "
        "CSV, puis relancez l'import.",
    )


def damaged_sheet(path: Path, sheet: str) -> UserError:
    return unreadable(path, f"la feuille « {sheet} » est endommagée")


class Workbook(Protocol):
    """An open workbook: its sheets, in the order a table is looked for, and their rows."""

    names: list[str]

    def candidates(self) -> list[str]:
        """Every sheet, the one shown when the file was saved first."""

    def is_worksheet(self, name: str) -> bool: ...

    def rows(self, name: str) -> tuple[NumberedRows, int | None]:
        """The sheet's numbered rows and its last row number (for progress), None if unknown."""

    def close(self) -> None: ...


# --- openpyxl ---------------------------------------------------------------------------------


class OpenpyxlWorkbook:
    """openpyxl in read-only mode (its XML goes through defusedxml, which it uses if present)."""

    def __init__(self, path: Path) -> None:
        import openpyxl  # ~0.2 s: only when a workbook is actually read this way
        from openpyxl.utils.exceptions import InvalidFileException

        self.path = path
        try:
            # openpyxl warns about every Excel feature it skips (data validation, conditional
            # formats…): irrelevant for reading values, and not something a coach can act on.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise unreadable(path, "ce n'est pas un classeur Excel valide") from exc
        self.names = list(self.book.sheetnames)

    def candidates(self) -> list[str]:
        active = self.book.active
        first = active.title if active is not None else self.names[0]
        return [first] + [name for name in self.names if name != first]

    def is_worksheet(self, name: str) -> bool:
        return hasattr(self.book[name], "iter_rows")  # not a chart sheet

    def rows(self, name: str) -> tuple[NumberedRows, int | None]:
        worksheet = self.book[name]
        announced = worksheet.max_row
        return self._rows(worksheet), announced

    def _rows(self, worksheet: Any) -> NumberedRows:
        # Read-only mode trusts the size the file announces; some writers announce a wrong one
        # and rows would be silently cut, so the announced size is forgotten and every row read.
        worksheet.reset_dimensions()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # openpyxl fills the gaps between stored rows with empty ones, so the count is the
            # row number the coach sees.
            try:
                yield from enumerate(worksheet.iter_rows(values_only=True), start=1)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise damaged_sheet(self.path, worksheet.title) from exc

    def close(self) -> None:
        self.book.close()


def checked_openpyxl(path: Path) -> OpenpyxlWorkbook:
    """openpyxl on a workbook that passed the same zip and XML checks as calamine's."""
    try:
        with zipfile.ZipFile(path) as archive:
            limits.check_zip(path, archive)
            limits.check_xml_parts(path, archive)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        raise unreadable(path, _NOT_VALID["xlsx"]) from exc
    return OpenpyxlWorkbook(path)


# --- calamine ---------------------------------------------------------------------------------


class _Package:
    """The sheets of an xlsx package as its workbook part lists them: names, parts, active tab.

    Parsed with defusedxml (the parts are small); used to find each sheet's XML part for the
    pre-scan and the sheet openpyxl would open first.
    """

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        from defusedxml import ElementTree

        self.parts: dict[str, str] = {}
        self.active = 0
        try:
            workbook_part = self._workbook_part(archive, ElementTree)
            root = ElementTree.fromstring(archive.read(workbook_part))
            rels = self._relations(archive, workbook_part, ElementTree)
        except (KeyError, ValueError, SyntaxError) as exc:
            # defusedxml's refusals are ValueErrors; a malformed part is a SyntaxError.
            raise unreadable(path, "ce n'est pas un classeur Excel valide") from exc
        for ns in (_MAIN_NS, _STRICT_NS):
            for view in root.iter(f"{{{ns}}}workbookView"):
                tab = view.get("activeTab")
                if tab is not None:
                    self.active = int(tab) if tab.isdigit() else 0
                    break
            for sheet in root.iter(f"{{{ns}}}sheet"):
                relation = next(
                    (sheet.get(f"{{{rel_ns}}}id") for rel_ns in _DOC_REL_NS
                     if sheet.get(f"{{{rel_ns}}}id") is not None), None,
                )
                name = sheet.get("name")
                if name is not None and relation in rels:
                    self.parts[name] = rels[relation]

    @staticmethod
    def _workbook_part(archive: zipfile.ZipFile, tree: Any) -> str:
        root = tree.fromstring(archive.read("_rels/.rels"))
        for relation in root.iter(f"{{{_REL_NS}}}Relationship"):
            if relation.get("Type", "").endswith("/officeDocument"):
                return str(relation.get("Target", "")).lstrip("/")
        return "xl/workbook.xml"

    @staticmethod
    def _relations(archive: zipfile.ZipFile, part: str, tree: Any) -> dict[str, str]:
        folder, name = posixpath.split(part)
        root = tree.fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
        relations = {}
        for relation in root.iter(f"{{{_REL_NS}}}Relationship"):
            target = str(relation.get("Target", ""))
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target)
            )
            relations[str(relation.get("Id"))] = target
        return relations


class CalamineWorkbook:
    """python-calamine, after :mod:`.limits` has measured the file.

    ``kind`` is "xlsx" (also xlsm), "ods" or "xls". For xlsx, calamine loads a sheet only once
    :func:`.limits.bounded_rows` (or, when that quick look cannot tell, the whole
    :func:`.limits.scan_sheet`) has shown its grid fits; the whole scan decides before any of
    its rows is given: a sheet calamine could not hold or read faithfully is handed to
    openpyxl (``fallback``), and blank rows after the last value are yielded as openpyxl
    yields them, so both readers report the same rows. ``measured`` is told the sheet's last
    row number once it is measured, just before calamine loads it (other threads run
    meanwhile: calamine lets go of the interpreter while it loads).
    """

    def __init__(
        self, path: Path, kind: str, measured: Callable[[int], None] | None = None
    ) -> None:
        import python_calamine

        self.path = path
        self.kind = kind
        self.measured = measured
        self.archive: zipfile.ZipFile | None = None
        self.package: _Package | None = None
        self.fallback: OpenpyxlWorkbook | None = None
        if kind in ("xlsx", "ods"):
            try:
                self.archive = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise unreadable(path, _NOT_VALID[kind]) from exc
            try:
                limits.check_zip(path, self.archive)
                limits.check_xml_parts(path, self.archive)
                if kind == "xlsx":
                    self.package = _Package(path, self.archive)
                else:
                    limits.check_ods(path, self.archive)
            except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
                # A part longer than the directory says (zip bomb), a bad checksum…
                self.archive.close()
                raise unreadable(path, "le classeur est endommagé ou piégé") from exc
            except BaseException:
                self.archive.close()
                raise
        try:
            self.book = python_calamine.CalamineWorkbook.from_path(str(path))
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            if self.archive is not None:
                self.archive.close()
            if kind == "xls" or isinstance(exc, python_calamine.PasswordError):
                raise _protected(path) from exc
            raise unreadable(path, _NOT_VALID[kind]) from exc
        metadata = self.book.sheets_metadata
        self.names = [sheet.name for sheet in metadata]
        self._worksheets = {
            sheet.name for sheet in metadata
            if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
        }

    def candidates(self) -> list[str]:
        active = self.package.active if self.package is not None else 0
        first = self.names[active] if 0 <= active < len(self.names) else self.names[0]
        return [first] + [name for name in self.names if name != first]

    def is_worksheet(self, name: str) -> bool:
        return name in self._worksheets

    def rows(self, name: str) -> tuple[NumberedRows, int | None]:
        if self.package is None or self.archive is None:
            return self._calamine_rows(name, None)
        part = self.package.parts.get(name)
        if part is None:
            return self._openpyxl().rows(name)
        archive = self.archive
        with self._reading(name):
            bound = limits.bounded_rows(archive, part)
        if bound is None:
            # Measured whole before calamine may load it.
            with self._reading(name):
                shape = limits.scan_sheet(archive, part)
            if not shape.calamine_can_read:
                return self._openpyxl().rows(name)
            self._measured(shape.last_row)
            return self._calamine_rows(name, shape)
        # The grid is known to fit: the whole scan runs on a second thread while calamine
        # loads the sheet (about 0.4 s of the 1.3 s at 80,000 rows); it still decides which
        # reader's rows the import gets.
        self._measured(bound)
        # (Leaving the block waits for the scan: it never reads the archive after this.)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheet-scan") as pool:
            return self._calamine_rows(name, pool.submit(limits.scan_sheet, archive, part))

    def _measured(self, last_row: int) -> None:
        if self.measured is not None:
            self.measured(last_row)

    @contextmanager
    def _reading(self, name: str) -> Iterator[None]:
        """Reading the sheet's zip part: a damaged one is said in French."""
        try:
            yield
        except _DAMAGED as exc:
            raise damaged_sheet(self.path, name) from exc

    def _calamine_rows(
        self, name: str, shape: limits.SheetShape | Future[limits.SheetShape] | None
    ) -> tuple[NumberedRows, int | None]:
        """The sheet's rows from calamine; ``shape``, the sheet's scan (or the scan under
        way), when it is a workbook's: a sheet the scan does not vouch for is read by
        openpyxl instead."""
        import python_calamine

        try:
            sheet = self.book.get_sheet_by_name(name)
        except python_calamine.PasswordError as exc:
            raise _protected(self.path) from exc
        except (python_calamine.CalamineError, ValueError) as exc:
            if self.package is not None:
                # A workbook sheet calamine refuses (an error value it does not know…):
                # openpyxl may still read it, and says so if it cannot.
                return self._openpyxl().rows(name)
            raise damaged_sheet(self.path, name) from exc
        except BaseException as exc:
            # A Rust panic on a malformed part reaches Python as pyo3's PanicException, which
            # derives from BaseException only.
            if type(exc).__name__ != "PanicException":
                raise
            raise damaged_sheet(self.path, name) from exc
        if isinstance(shape, Future):
            with self._reading(name):
                shape = shape.result()
            if not shape.calamine_can_read:
                return self._openpyxl().rows(name)
        last_row = shape.last_row if shape is not None else None
        start = sheet.start
        end = sheet.end
        if start is None or end is None:
            return _blank_rows(1, last_row or 0), last_row
        values_end = end[0] + 1
        return (
            _calamine_rows(sheet, start[1], values_end, max(values_end, last_row or 0)),
            max(values_end, last_row or 0),
        )

    def _openpyxl(self) -> OpenpyxlWorkbook:
        if self.fallback is None:
            self.fallback = OpenpyxlWorkbook(self.path)
        return self.fallback

    def close(self) -> None:
        self.book.close()
        if self.archive is not None:
            self.archive.close()
        if self.fallback is not None:
            self.fallback.close()


# What reading a damaged zip part raises (a part longer than the directory says, a bad
# checksum…).
_DAMAGED = (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error)

_NOT_VALID = {
    "xlsx": "ce n'est pas un classeur Excel valide",
    "ods": "ce n'est pas un classeur OpenDocument valide",
    "xls": "ce n'est pas un classeur Excel 97-2003 valide",
}


def _protected(path: Path) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » est protégé par un mot de passe, ou n'est pas un "
        "classeur Excel 97-2003 (.xls) lisible : CoachDesk ne peut pas le lire.",
        hint="Ouvrez-le dans Excel ou LibreOffice avec son mot de passe, retirez la protection "
        "(« Enregistrer sous », sans mot de passe), puis importez ce nouveau fichier.",
    )


def _blank_rows(first: int, last: int) -> NumberedRows:
    for number in range(first, last + 1):
        yield number, ()


def _calamine_rows(sheet: Any, first_column: int, values_end: int, last_row: int) -> NumberedRows:
    """The sheet's rows numbered from 1, starting at column A, blank rows up to ``last_row``.

    python-calamine 0.9's ``iter_rows`` starts at the sheet's first row (empty rows above the
    data included) but at the first column holding a value, and stops at the last value.
    """
    padding = [None] * first_column
    number = 0
    for number, values in enumerate(sheet.iter_rows(), start=1):
        yield number, padding + values if first_column else values
    if number != values_end:  # pragma: no cover - a python-calamine that counts otherwise
        raise RuntimeError(f"calamine gave {number} rows where {values_end} were expected")
    yield from _blank_rows(number + 1, last_row)
