"""Cell values to participant values: text, dates, French phone numbers, e-mails, bac types."""

from __future__ import annotations

import enum
import functools
import re
from datetime import date, datetime, time, timedelta
from typing import Any, Final

import phonenumbers

from coachdesk.services.text import fold

# Excel's day 0 (its calendar wrongly counts 29/02/1900, so serials count from 30/12/1899).
_EXCEL_EPOCH = date(1899, 12, 30)
OLDEST_BIRTH_DATE = _OLDEST = date(1900, 1, 1)
_SERIAL_MIN, _SERIAL_MAX = 1, 2958465  # 01/01/1900 … 31/12/9999

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
# A datetime written as text by some exports: "1995-03-12 00:00:00", "12/03/1995 00:00".
_TRAILING_MIDNIGHT = re.compile(r"\s+0{1,2}:00(:00(\.0+)?)?$")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]{2,}$")
_PHONE_NOISE = re.compile(r"[\s.\-/()]+")


def cell_text(value: Any) -> str:
    """The text of a cell as the coach typed it, trimmed: ``=cmd`` stays ``=cmd``.

    Numbers Excel stored as floats lose their ``.0``; dates read as JJ/MM/AAAA.
    """
    if value is None:
        return ""
    if isinstance(value, str):  # nearly every cell
        return value.strip()
    if type(value) is float and value.is_integer():  # a number Excel stored (phone, postcode)
        return str(int(value))
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _from_serial(serial: float) -> date | None:
    if not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _century(two_digits: int, today: date) -> int:
    # A two-digit year is a birth year: never in the future.
    year = 2000 + two_digits
    return year if year <= today.year else year - 100


def parse_date(value: Any, today: date) -> date | None:
    """A date from an Excel date, a serial number, or ``JJ/MM/AAAA``, ``JJ/MM/AA``, ``AAAA-MM-JJ``.

    Returns None when the value is not a date (the caller keeps the raw text and warns).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_serial(value)
    text = str(value).strip()
    fast = date_fast_path(text)
    if fast is not UNDECIDED:
        return fast
    return parse_date_text(text, today)


class Undecided(enum.Enum):
    """What a fast path returns when the general rule must decide."""

    UNDECIDED = "UNDECIDED"

    def __repr__(self) -> str:
        return "UNDECIDED"


UNDECIDED: Final = Undecided.UNDECIDED


def date_fast_path(text: str) -> date | Undecided | None:
    """``JJ/MM/AAAA`` and ``AAAA-MM-JJ`` in plain ASCII digits, decided by slicing.

    The two shapes nearly every file uses; anything else is UNDECIDED, left to
    :func:`parse_date_text` (a property test proves both agree wherever this one decides).
    """
    if len(text) != 10 or not text.isascii():
        return UNDECIDED
    try:
        if text[2] == "/" == text[5] and text[:2].isdigit() and text[3:5].isdigit() \
                and text[6:].isdigit():
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        if text[4] == "-" == text[7] and text[:4].isdigit() and text[5:7].isdigit() \
                and text[8:].isdigit():
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:  # 31/02/1999 and the like
        return None
    return UNDECIDED


def parse_date_text(text: str, today: date) -> date | None:
    """The general rule for a date written as text (what the fast path leaves undecided)."""
    text = _TRAILING_MIDNIGHT.sub("", text.strip())
    try:
        match = _DMY.match(text)
        if match:
            day, month, year = (int(group) for group in match.groups())
            if len(match.group(3)) == 2:
                year = _century(year, today)
            return date(year, month, day)
        match = _YMD.match(text)
        if match:
            year, month, day = (int(group) for group in match.groups())
            return date(year, month, day)
    except ValueError:  # 31/02/1999 and the like
        return None
    if text.isdigit() and 3 <= len(text) <= 6:
        # A serial number that went through a CSV.
        return _from_serial(int(text))
    return None


def plausible_birth_date(value: date, today: date) -> bool:
    return _OLDEST <= value <= today


def normalise_phone(value: Any) -> str | None:
    """A phone number in French format (``06 12 34 56 78``), or None when it is not a number.

    Excel turns ``0612345678`` into the number 612345678: parsed as a French national number,
    it gets its leading 0 back. Numbers from abroad keep their international form.
    """
    kind = type(value)
    if kind is str:
        raw = value.strip()
        if len(raw) == 14 and raw[0] == "0" and raw[1] != "0" and raw[2::3] == "    " \
                and raw.isascii():
            # Already as CoachDesk writes it (« 06 12 34 56 78 »): valid or not, decided here,
            # as phone_fast_path would.
            national = raw[1:].replace(" ", "")
            if national.isdigit():
                return raw if _french_pattern().fullmatch(national) else None
    elif kind is float or kind is int:
        # Excel's number: its digits are the whole text (the fast path's commonest case).
        if kind is float and not value.is_integer():
            return None
        raw = str(int(value))
        if len(raw) == 9 and raw.isdigit():
            return _french(raw) if _french_pattern().fullmatch(raw) else None
        if len(raw) == 10 and raw.isdigit():
            return None if raw[0] != "0" else (
                _french(raw[1:]) if _french_pattern().fullmatch(raw[1:]) else None
            )
    elif isinstance(value, bool | date | time | timedelta):
        return None  # never a phone number (and phonenumbers agrees, see the tests)
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        raw = str(int(value))
    elif kind is not str:
        raw = str(value).strip()
    fast = phone_fast_path(raw)
    if fast is not UNDECIDED:
        return fast
    return normalise_phone_general(raw)


def phone_fast_path(raw: str) -> str | Undecided | None:
    """French numbers as files write them, decided without phonenumbers' parser.

    ``0612345678``, ``06 12 34 56 78``, ``06.12.34.56.78``, ``612345678`` (the number Excel
    kept), ``+33 6 12 34 56 78`` and ``0033 6 12 34 56 78``: the national number is checked
    against phonenumbers' own French patterns (compiled once into one regex, the test
    ``is_valid_number`` makes). Anything else is UNDECIDED; a property test proves this path
    and :func:`normalise_phone_general` agree wherever this one decides.
    """
    compact = _PHONE_NOISE.sub("", raw)
    if compact.startswith("+33"):
        national = compact[3:]
    elif compact.startswith("0033"):
        national = compact[4:]
    elif compact.isdigit() and len(compact) in (9, 10) and not compact.startswith("00"):
        # ("00…" is France's international prefix: phonenumbers decides those.)
        if len(compact) == 10 and compact[0] != "0":
            return None
        national = compact[1:] if len(compact) == 10 else compact
        if not national.isascii():
            return UNDECIDED
        return _french(national) if _french_pattern().fullmatch(national) else None
    else:
        return UNDECIDED
    # After the country code: nine digits, not starting with the trunk 0.
    if len(national) == 9 and national.isascii() and national.isdigit() and national[0] != "0" \
            and _french_pattern().fullmatch(national):
        return _french(national)
    return UNDECIDED


def normalise_phone_general(raw: str) -> str | None:
    """The general rule: phonenumbers parses the text as a number dialled from France."""
    try:
        number = phonenumbers.parse(raw, "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.country_code == 33:
        return _french(str(number.national_number))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Mobile first: most numbers in a contact file are, and the alternation stops at a match.
_NUMBER_TYPES = (
    "mobile", "fixed_line", "toll_free", "premium_rate", "shared_cost", "personal_number",
    "voip", "pager", "uan", "voicemail",
)


@functools.cache
def _french_pattern() -> re.Pattern[str]:
    """Every valid French national number, from phonenumbers' metadata for the region FR.

    The same test as ``is_valid_number`` (a number is valid when it matches one of the
    patterns of a number type), compiled once as one alternation.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("FR")
    patterns = []
    for number_type in _NUMBER_TYPES:
        desc = getattr(metadata, number_type, None)
        if desc is not None and desc.national_number_pattern:
            patterns.append(f"(?:{desc.national_number_pattern})")
    return re.compile("|".join(patterns))


def _french(national: str) -> str:
    if len(national) == 9:
        return f"0{national[0]} {national[1:3]} {national[3:5]} {national[5:7]} {national[7:]}"
    digits = "0" + national
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text)) and ".." not in text


# A file repeats the same few series and bac types on thousands of rows: computed once each.
@functools.lru_cache(maxsize=1024)
def guess_bac_type(series: str) -> str | None:
    """The kind of bac from its series as written (``ES``, ``STG``, ``Bac pro commerce``…)."""
    key = fold(series).replace(".", "").strip()
    if not key:
        return None
    if key.startswith(("pro", "bac pro", "bacpro")) or " pro " in f" {key} ":
        return "professionnel"
    words = set(re.split(r"[^a-z0-9]+", key)) - {"bac", "serie", ""}
    if words & {"s", "es", "l", "general", "generale"}:
        return "general"
    technological = {
        "stg", "stmg", "sti", "sti2d", "st2s", "stl", "std2a", "stt", "smst", "stav", "sthr",
        "hotellerie", "techno", "technologique",
    }
    if words & technological:
        return "technologique"
    return None


_BAC_TYPE_WORDS = {
    "general": "general",
    "generale": "general",
    "technologique": "technologique",
    "techno": "technologique",
    "professionnel": "professionnel",
    "professionnelle": "professionnel",
    "pro": "professionnel",
}


@functools.lru_cache(maxsize=1024)
def parse_bac_type(text: str) -> str | None:
    """A bac type code from a "Type de bac" cell, or None when not understood."""
    key = fold(text)
    for word in re.split(r"[^a-z0-9]+", key):
        if word in _BAC_TYPE_WORDS:
            return _BAC_TYPE_WORDS[word]
    return guess_bac_type(text)


def parse_year(value: Any, today: date) -> int | None:
    if isinstance(value, datetime | date):
        return value.year
    text = cell_text(value)
    if text.isdigit() and len(text) == 4 and 1950 <= int(text) <= today.year + 1:
        return int(text)
    return None


def normalise_postcode(value: Any) -> str:
    """A French postcode: Excel drops the leading 0 of ``01000`` too."""
    text = cell_text(value)
    if text.isdigit() and len(text) == 4:
        return "0" + text
    return text
