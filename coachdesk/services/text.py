"""Text folding for search and duplicate detection: no case, no accents, tidy spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NAME_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’.]+")


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced text: ``"Élodie  LEFÈVRE"`` → ``"elodie lefevre"``."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Ligatures NFKD leaves alone.
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def name_key(text: str | None) -> str:
    """Key comparing names without case, accents, hyphens, apostrophes or extra spaces."""
    return _NAME_SEPARATORS.sub("", fold(text))


def person_name(last_name: str | None, first_name: str | None) -> str:
    """How CoachDesk names a person in one string: ``LEFÈVRE Élodie`` (NOM Prénom), the way
    French administrations and partners list people. Lists, choices, messages, documents and
    workbooks all use it; a form with separate fields keeps the name as typed."""
    parts = ((last_name or "").strip().upper(), (first_name or "").strip())
    return " ".join(part for part in parts if part)


def digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def participant_search_text(
    last_name: str, first_name: str, phone: str = "", email: str = ""
) -> str:
    """The folded text a participant is found by, kept in ``Participant.search_text``."""
    phone_digits = digits(phone)
    parts = [fold(last_name), fold(first_name), fold(first_name + " " + last_name)]
    if phone_digits:
        parts.append(phone_digits)
    if email:
        parts.append(fold(email))
    return " | ".join(parts)
