"""One cell of a CoachDesk workbook as SpreadsheetML: text exactly as typed (never a formula),
real Excel dates, numbers and money, and the column letters. ``xlsx`` writes rows of them.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from coachdesk.exports.xlsx_package import xml_text

ColumnKind = Literal["text", "date", "datetime", "int", "decimal", "money_cents", "percent", "bool"]

# Characters that make a spreadsheet treat a typed value as a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TRIGGER_CHARS = "".join(FORMULA_TRIGGERS)

# Excel's limit of characters in a cell.
MAX_CELL_TEXT = 32_767

# --- Cell values ----------------------------------------------------------------------------

# Style indexes into the cellXfs of ``xlsx_package.STYLES``.
HEADER_STYLE, TITLE_STYLE, _DATE, _DATETIME, _MONEY, _DECIMAL, _PERCENT, _LITERAL = range(1, 9)

# What XML 1.0 cannot carry (control characters; a carriage return, which XML readers turn into
# a line feed) and text Excel would decode (a literal "_x0041_"): written as Excel's own
# "_xHHHH_" escapes, which Excel and LibreOffice turn back into the original text.
_NEEDS_OOXML_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
# Text that needs any escaping at all, XML's own included: most text needs none, and one search
# costs less than escaping (str.translate took 1.4 µs a cell).
NEEDS_ESCAPE = re.compile(
    r"[&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_"
)

# Excel's day 0 is 30/12/1899 for every date from 01/03/1900 (it counts a 29/02/1900).
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_FIRST_EXACT_SERIAL = date(1900, 3, 1).toordinal() - _EXCEL_EPOCH


def _ooxml_escape(match: re.Match[str]) -> str:
    found = match.group()
    if len(found) == 1:
        return f"_x{ord(found):04X}_"
    return "_x005F" + found  # the underscore itself, escaped: the text stays as typed


def text_cell(ref: str, text: str, style: int = 0) -> str:
    """An inline-string cell holding ``text`` exactly, quote-prefixed when it looks like a
    formula."""
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    if not style and text[0] in TRIGGER_CHARS:
        style = _LITERAL
    if _NEEDS_OOXML_ESCAPE.search(text):
        text = _NEEDS_OOXML_ESCAPE.sub(_ooxml_escape, text)
    styled = f' s="{style}"' if style else ""
    return (f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">'
            f"{xml_text(text)}</t></is></c>")


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def any_cell(ref: str, value: Any, kind: ColumnKind) -> str:
    """The cell for a value of any kind of column; ``""`` for no cell. Text cells, most of an
    export, are written by :func:`_write_sheet_rows` itself and come here only when they are not
    ``str``."""
    if isinstance(value, bool):
        return text_cell(ref, "Oui" if value else "Non")
    if kind in ("date", "datetime") and isinstance(value, date):
        serial = value.toordinal() - _EXCEL_EPOCH
        if serial < _FIRST_EXACT_SERIAL:
            return text_cell(ref, _as_text(value))
        if isinstance(value, datetime):
            seconds = value.hour * 3600 + value.minute * 60 + value.second
            fraction = (seconds + value.microsecond / 1e6) / 86400
            return f'<c r="{ref}" s="{_DATETIME}"><v>{serial + fraction!r}</v></c>'
        return f'<c r="{ref}" s="{_DATE}"><v>{serial}</v></c>'
    if kind in ("int", "decimal", "money_cents", "percent") and isinstance(
        value, int | float | Decimal
    ):
        # Excel stores every number as a double; cents become euros only here, on the way out.
        number = float(Decimal(value) / 100 if kind == "money_cents" else value)
        if not math.isfinite(number):
            return ""
        shown = int(number) if kind == "int" and number.is_integer() else number
        style = {"decimal": _DECIMAL, "money_cents": _MONEY, "percent": _PERCENT}.get(kind)
        styled = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{styled}><v>{shown!r}</v></c>'
    text = value if isinstance(value, str) else _as_text(value)
    return text_cell(ref, text) if text else ""


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``25`` → ``Z``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
