"""Text folding for search and duplicate detection: no case, no accents, tidy spaces."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from itertools import repeat

NAME_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’.]+")


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced text: ``"Élodie  LEFÈVRE"`` → ``"elodie lefevre"``."""
    if not text:
        return ""
    if text.isascii():
        # Nothing to decompose: the same result, several times faster (an import folds a few
        # names per row).
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = _LATIN_ACCENTS.sub("", decomposed)
    if plain.isascii():
        # French names and e-mails: only accents left once decomposed; the same result as
        # below (no other mark, no ligature, and casefold is lower on ASCII), twice as fast.
        return " ".join(plain.lower().split())
    stripped = decomposed.translate(_combining_marks())
    if stripped and max(stripped) > "\uffff":
        # Beyond the table: marks of the rarer planes, tested one by one.
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    # Ligatures NFKD leaves alone.
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    # str.split() splits on exactly the characters \s matches, and drops the ends.
    return " ".join(stripped.casefold().split())


# The combining marks of the Combining Diacritical Marks block (U+0300–U+036F): every one but
# U+034F, a joiner that is no combining mark.
_LATIN_ACCENTS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """The combining marks of the Basic Multilingual Plane (accents once decomposed), for
    ``str.translate`` to drop; ``fold`` tests the rarer planes' characters one by one.

    Built once, on the first text with more than Latin accents (a few milliseconds: the whole
    of Unicode took a tenth of a second, paid by the first list shown); translating is several
    times faster than testing ``unicodedata.combining`` character by character.
    """
    return {code: None for code in range(_PLANE_END) if unicodedata.combining(chr(code))}


_PLANE_END = 0x10000


def name_key(text: str | None) -> str:
    """Key comparing names without case, accents, hyphens, apostrophes or extra spaces."""
    return NAME_SEPARATORS.sub("", fold(text))


def person_name(last_name: str | None, first_name: str | None) -> str:
    """How CoachDesk names a person in one string: ``LEFÈVRE Élodie`` (NOM Prénom), the way
    French administrations and partners list people. Lists, choices, messages, documents and
    workbooks all use it; a form with separate fields keeps the name as typed."""
    parts = ((last_name or "").strip().upper(), (first_name or "").strip())
    return " ".join(part for part in parts if part)


def digits(text: str | None) -> str:
    if not text:
        return ""
    compact = text.replace(" ", "")
    if compact.isdigit():  # a phone as CoachDesk stores it
        return compact
    return "".join(ch for ch in text if ch.isdigit())


def participant_search_text(
    last_name: str, first_name: str, phone: str = "", email: str = ""
) -> str:
    """The folded text a participant is found by, kept in ``Participant.search_text``."""
    return search_text_of_folded(fold(last_name), fold(first_name), phone, email)


def employer_search_text(name: str, city: str = "", siret: str | None = None) -> str:
    """The folded text an employer is found by, kept in ``Employer.search_text``."""
    parts = [fold(name), fold(city)]
    if siret:
        parts.append(siret)
    return " | ".join(part for part in parts if part)


def search_text_of_folded(
    folded_last: str, folded_first: str, phone: str = "", email: str = "",
    folded: Mapping[str, str] | None = None,
) -> str:
    """:func:`participant_search_text` from names already folded (an import folds each once).

    Folding works character by character and then joins the words with single spaces, so
    ``fold(first + " " + last)`` is the two folded names joined by a space (or the one that
    is not empty). ``folded``: texts already folded (by text), for the e-mail.
    """
    full = f"{folded_first} {folded_last}" if folded_first and folded_last else (
        folded_first or folded_last
    )
    parts = [folded_last, folded_first, full]
    phone_digits = digits(phone)
    if phone_digits:
        parts.append(phone_digits)
    if email:
        parts.append(folded[email] if folded is not None else fold(email))
    return " | ".join(parts)


def search_texts_of_folded(
    folded_lasts: list[str], folded_firsts: list[str], phones: list[str], emails: list[str],
    folded: Mapping[str, str],
) -> list[str]:
    """:func:`search_text_of_folded` of each person given a column at a time (an import's
    newcomers). The columns' common case (both names, every phone as CoachDesk stores it, every
    e-mail) is joined without a call per person; any other goes through it, person by person.
    """
    phone_digits = [phone.replace(" ", "") for phone in phones]
    if not (all(folded_lasts) and all(folded_firsts) and all(phone_digits) and all(emails)
            and "".join(phone_digits).isdigit()):
        return list(map(search_text_of_folded, folded_lasts, folded_firsts, phones, emails,
                        repeat(folded)))
    fulls = map("{} {}".format, folded_firsts, folded_lasts)
    return list(map(" | ".join, zip(folded_lasts, folded_firsts, fulls, phone_digits,
                                    map(folded.__getitem__, emails), strict=True)))
