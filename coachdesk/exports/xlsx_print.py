"""How a workbook's sheets print: landscape A4, names on every page, a page never ending in the
middle of a person.

A partner prints the weekly workbook and reads it page by page. Left to the spreadsheet, a
table wider than the paper prints all its rows for the first columns, then all its rows again
for the next columns: half the pages showed statuses with no name beside them. So every sheet
says, in its own page setup (ECMA-376 part 1, §18.3.1.63 ``pageSetup``, §18.3.1.14
``colBreaks``, §18.3.1.73 ``rowBreaks``):

* the header row, and the columns naming the person (``Sheet.identity_columns``), are printed
  on every page (the ``_xlnm.Print_Titles`` defined name);
* the columns after them are split into page-wide groups at set places (manual column breaks),
  and the pages go across before going down (``pageOrder="overThenDown"``), so the pages of one
  person's rows follow each other;
* pages end between two people (manual row breaks), at a fixed scale: Excel ignores manual
  breaks on a sheet printed "fit to N pages", so the scale is chosen here, as large as keeps the
  fewest pages wide at a legible size;
* a footer names the sheet and numbers the pages (« Page 3 sur 16 »).

The geometry is computed from the column widths the writer sets and the default row height,
as LibreOffice prints them (wider than Excel: see :func:`column_points`), with a little room
kept for the font metrics of LibreOffice, which substitutes Carlito for Calibri.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

# A4 landscape, in points.
PAGE_WIDTH = 841.89
PAGE_HEIGHT = 595.28
# Margins in inches, as the page setup stores them.
SIDE_MARGIN = 0.4
TOP_MARGIN = 0.6
BOTTOM_MARGIN = 0.6
HEADER_MARGIN = 0.3
FOOTER_MARGIN = 0.3
# Below this scale (per cent) a printed 11-point cell is too small to read comfortably.
SMALLEST_SCALE = 70
SCALE_STEP = 5
# Points a data row takes (the writer's default row height), a title line (12-point bold, in
# a row of the default height) and a header line (one wrapped line of the header row).
ROW_HEIGHT = 15.0
TITLE_LINE_HEIGHT = 15.5
HEADER_LINE_HEIGHT = 15.0
# Share of the printable area a page is filled to: room for LibreOffice's wider glyphs and
# taller rows.
FILL = 0.96
# Points a character of a title line (12-point bold) takes, on average, in French text.
TITLE_CHARACTER = 6.5
# Excel opens a sheet with at most 1,026 manual page breaks of each kind; beyond, the pages
# of a huge sheet end where the spreadsheet decides (still between rows: a person's row is
# never cut).
MOST_MANUAL_BREAKS = 1020

_PRINTABLE_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN * 72
_PRINTABLE_HEIGHT = PAGE_HEIGHT - (TOP_MARGIN + BOTTOM_MARGIN) * 72


def column_points(width: float) -> float:
    """The printed width, in points at 100 %, of a column ``width`` characters wide.

    Excel gives such a column ``int(width × 7 + 0.5) + 5`` pixels (7-pixel digits of Calibri
    11, 5 pixels of padding) and prints a pixel as ¾ of a point; LibreOffice prints the same
    column as wide in points as Excel in pixels (measured on its PDF export), a third wider.
    Pages are planned for the wider of the two, so that the column groups hold in both.
    """
    return float(int(width * 7 + 0.5) + 5)


@dataclass(frozen=True)
class PrintLayout:
    """A sheet's page setup: its scale, where the column groups start, rows per page."""

    scale: int
    column_breaks: tuple[int, ...]  # 0-based index of the first column of each next group
    rows_first_page: int
    rows_per_page: int

    @property
    def pages_wide(self) -> int:
        return len(self.column_breaks) + 1


def _column_groups(widths: Sequence[float], identity: int, scale: int) -> tuple[int, ...]:
    """Where each page's group of columns starts (after the identity columns every page
    repeats), packing as many columns as the page holds at ``scale``."""
    room = _PRINTABLE_WIDTH * FILL * 100 / scale - sum(widths[:identity])
    breaks: list[int] = []
    used = 0.0
    for index in range(identity, len(widths)):
        width = widths[index]
        if used and used + width > room:
            breaks.append(index)
            used = 0.0
        used += width
    return tuple(breaks)


def plan_print(
    widths: Sequence[float], *, identity: int, header_lines: int, title_lines: int
) -> PrintLayout:
    """The page setup of a sheet whose columns are ``widths`` characters wide.

    Args:
        identity: how many first columns are repeated on every page.
        header_lines: the height of the header row, in lines.
        title_lines: the rows above the header (titles and the blank line), first page only.
    """
    points = [column_points(width) for width in widths]
    fewest = len(_column_groups(points, identity, SMALLEST_SCALE))
    scale = SMALLEST_SCALE
    for candidate in range(100, SMALLEST_SCALE, -SCALE_STEP):
        if len(_column_groups(points, identity, candidate)) <= fewest:
            scale = candidate
            break
    height = _PRINTABLE_HEIGHT * FILL * 100 / scale - header_lines * HEADER_LINE_HEIGHT
    per_page = max(1, math.floor(height / ROW_HEIGHT))
    first = max(1, math.floor((height - title_lines * TITLE_LINE_HEIGHT) / ROW_HEIGHT))
    return PrintLayout(scale, _column_groups(points, identity, scale), first, per_page)


def fit_one_page(
    layout: PrintLayout, widths: Sequence[float], *, rows: int, header_lines: int,
    title_lines: int,
) -> PrintLayout:
    """The layout of a short sheet whose rows need a page and a bit: printed smaller (never
    below the legible scale) on a single page, as a summary should be."""
    pages_tall = layout.rows_first_page < rows
    if not pages_tall:
        return layout
    needed = (rows * ROW_HEIGHT + header_lines * HEADER_LINE_HEIGHT
              + title_lines * TITLE_LINE_HEIGHT)
    scale = math.floor(_PRINTABLE_HEIGHT * FILL * 100 / needed)
    scale -= scale % SCALE_STEP
    if scale < SMALLEST_SCALE:
        return layout
    points = [column_points(width) for width in widths]
    return replace(layout, scale=scale, column_breaks=_column_groups(points, 0, scale),
                   rows_first_page=rows, rows_per_page=max(rows, layout.rows_per_page))


def wrap_title(line: str, widths: Sequence[float]) -> list[str]:
    """A title line cut into lines no wider than the table under it, as Excel prints it (the
    narrower of the two spreadsheets): text running past the last column is not printed."""
    room = sum(column_points(width) for width in widths) * 0.75 / TITLE_CHARACTER
    return textwrap.wrap(line, max(40, int(room))) or [line]


class RowPager:
    """Places the manual row breaks while the rows are written, one call per row.

    A page holds ``rows_per_page`` rows; when the next row does not fit, the page ends before
    the first row of the person that row belongs to (rows of one person are consecutive, and
    are known by their identity columns), unless that person fills the whole page.
    """

    __slots__ = (
        "_group_start",
        "_last_key",
        "_page_rows",
        "_page_start",
        "_per_page",
        "_width",
        "breaks",
    )

    def __init__(self, first_row: int, layout: PrintLayout, identity: int) -> None:
        self.breaks: list[int] = []  # the last row (1-based) of each page but the last
        self._page_start = first_row
        self._page_rows = layout.rows_first_page
        self._per_page = layout.rows_per_page
        self._group_start = first_row
        self._last_key: Sequence[object] | None = None
        self._width = identity

    def place(self, row: int, values: Sequence[object]) -> None:
        key = values[: self._width]
        if key != self._last_key:
            self._last_key = key
            self._group_start = row
        if row - self._page_start < self._page_rows:
            return
        if len(self.breaks) >= MOST_MANUAL_BREAKS:
            return
        starts = self._group_start if self._group_start > self._page_start else row
        self.breaks.append(starts - 1)
        self._page_start = starts
        self._page_rows = self._per_page


FOOTER = "&amp;L&amp;A&amp;RPage &amp;P sur &amp;N"


def page_setup_xml(layout: PrintLayout, row_breaks: Sequence[int]) -> str:
    """What follows ``sheetData`` (and the autofilter) in a worksheet: margins, page setup,
    footer and the manual breaks, in the order the schema requires."""
    parts = [
        f'<pageMargins left="{SIDE_MARGIN}" right="{SIDE_MARGIN}" top="{TOP_MARGIN}"'
        f' bottom="{BOTTOM_MARGIN}" header="{HEADER_MARGIN}" footer="{FOOTER_MARGIN}"/>',
        f'<pageSetup paperSize="9" scale="{layout.scale}" pageOrder="overThenDown"'
        ' orientation="landscape"/>',
        f"<headerFooter><oddFooter>{FOOTER}</oddFooter></headerFooter>",
    ]
    if row_breaks:
        breaks = "".join(f'<brk id="{row}" max="16383" man="1"/>' for row in row_breaks)
        parts.append(f'<rowBreaks count="{len(row_breaks)}" manualBreakCount='
                     f'"{len(row_breaks)}">{breaks}</rowBreaks>')
    if layout.column_breaks:
        count = len(layout.column_breaks)
        breaks = "".join(f'<brk id="{column}" max="1048575" man="1"/>'
                         for column in layout.column_breaks)
        parts.append(f'<colBreaks count="{count}" manualBreakCount="{count}">{breaks}'
                     "</colBreaks>")
    return "".join(parts)
