"""The import's fast paths decide exactly as the general rules they stand in front of.

Phones: :func:`phone_fast_path` against phonenumbers' parser (:func:`normalise_phone_general`).
Dates: :func:`date_fast_path` against the general text rule. Folding: the ASCII shortcut and the
search text built from folded names against the original character-by-character definition, and
an import's search texts made a column at a time against each person's.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date, datetime, time, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from coachdesk.services.contact_import.normalise import (
    UNDECIDED,
    date_fast_path,
    normalise_phone,
    normalise_phone_general,
    parse_date_text,
    phone_fast_path,
)
from coachdesk.services.text import fold, participant_search_text, search_texts_of_folded

EXAMPLES = int(os.environ.get("COACHDESK_HYPOTHESIS_EXAMPLES", "300"))
TODAY = date(2010, 2, 20)
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None)

_NATIONAL = st.text(alphabet="0123456789", min_size=8, max_size=11)
_SEPARATORS = st.sampled_from(["", " ", ".", "-", "/", "  "])


@st.composite
def phones_as_typed(draw: st.DrawFn) -> str:
    digits = draw(_NATIONAL)
    separator = draw(_SEPARATORS)
    prefix = draw(st.sampled_from(["", "0", "+33", "+33 ", "0033 ", "+33 (0)", "+41 ", "00"]))
    pairs = [digits[i : i + 2] for i in range(0, len(digits), 2)]
    return prefix + separator.join(pairs)


@_SETTINGS
@given(raw=st.one_of(phones_as_typed(), st.text(max_size=16)))
@example(raw="06 12 34 56 78")
@example(raw="+33 6 12 34 56 78")
@example(raw="0033 4 67 12 34 56")
@example(raw="612345678")
@example(raw="0012345678")
@example(raw="+33 (0)6 12 34 56 78")
def test_phone_fast_path_agrees_with_phonenumbers(raw: str):
    fast = phone_fast_path(raw)
    if fast is not UNDECIDED:
        assert fast == normalise_phone_general(raw)


@_SETTINGS
@given(value=st.one_of(
    st.datetimes(min_value=datetime(1900, 1, 1)), st.dates(min_value=date(1900, 1, 1)),
    st.times(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
))
def test_a_date_is_never_a_phone_for_phonenumbers_either(value):
    assert normalise_phone(value) is None
    assert normalise_phone_general(str(value)) is None


_DIGIT = st.sampled_from("0123456789")


@st.composite
def dates_as_typed(draw: st.DrawFn) -> str:
    day, month = draw(st.integers(0, 39)), draw(st.integers(0, 19))
    year = draw(st.integers(0, 9999))
    shape = draw(st.sampled_from(["{d:02d}/{m:02d}/{y:04d}", "{y:04d}-{m:02d}-{d:02d}",
                                  "{d}/{m}/{y}", "{d:02d}.{m:02d}.{y:04d}",
                                  "{y:04d}-{m:02d}-{d:02d} 00:00:00", "{d:02d}/{m:02d}/{y2:02d}"]))
    return shape.format(d=day, m=month, y=year, y2=year % 100)


@_SETTINGS
@given(text=st.one_of(dates_as_typed(), st.text(max_size=12), st.text(alphabet="0123456789/-",
                                                                      max_size=10)))
@example(text="31/02/1999")
@example(text="29/02/2000")
@example(text="١٢/٠٣/١٩٩١")
def test_date_fast_path_agrees_with_the_general_rule(text: str):
    fast = date_fast_path(text)
    if fast is not UNDECIDED:
        assert fast == parse_date_text(text, TODAY)


_SPACES = re.compile(r"\s+")


def original_fold(text: str | None) -> str:
    """Folding as first written: character by character, every text alike."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def original_search_text(last: str, first: str, phone: str, email: str) -> str:
    phone_digits = "".join(ch for ch in phone if ch.isdigit())
    parts = [original_fold(last), original_fold(first), original_fold(first + " " + last)]
    if phone_digits:
        parts.append(phone_digits)
    if email:
        parts.append(original_fold(email))
    return " | ".join(parts)


_NAMES = st.one_of(
    st.text(max_size=14),
    st.sampled_from(["Élodie", "LEFÈVRE", "  N'Guyen ", "Bœuf", "ÆSIR", "Σίσυφος", "e\u0301",
                     "\u0301", " ", "\t\x1c", "ﬁ", "Straße", "e\u0301\u034f", "Ĳssel",
                     "théo.1@exemple.fr"]),
)


@_SETTINGS
@given(text=_NAMES)
def test_fold_keeps_its_original_meaning(text: str):
    assert fold(text) == original_fold(text)


@_SETTINGS
@given(last=_NAMES, first=_NAMES, phone=st.one_of(st.sampled_from(["06 12 34 56 78", ""]),
                                                  st.text(max_size=10)), email=_NAMES)
def test_search_text_from_folded_names_keeps_its_meaning(last, first, phone, email):
    assert participant_search_text(last, first, phone, email) == original_search_text(
        last, first, phone, email
    )


_PHONES = st.one_of(st.sampled_from(["06 12 34 56 78", "0781234567", ""]), st.text(max_size=10))
# A careful file's people (every column filled: the columns joined at once), or any.
_PEOPLE = st.one_of(
    st.lists(st.tuples(_NAMES.filter(bool), _NAMES.filter(bool),
                       st.sampled_from(["06 12 34 56 78", "07 81 23 45 67", "+41 22 123 45 67"]),
                       _NAMES.filter(bool)), max_size=6),
    st.lists(st.tuples(_NAMES, _NAMES, _PHONES, _NAMES), max_size=6),
)


@_SETTINGS
@given(people=_PEOPLE)
def test_search_texts_made_a_column_at_a_time_are_each_persons(people):
    lasts, firsts, phones, emails = ([list(column) for column in zip(*people, strict=True)]
                                     if people else [[], [], [], []])
    assert search_texts_of_folded(
        [fold(last) for last in lasts], [fold(first) for first in firsts], phones, emails,
        {email: fold(email) for email in emails},
    ) == [participant_search_text(*person) for person in people]


def test_fold_drops_every_combining_mark_of_unicode_and_keeps_other_characters():
    """The accents table fills itself as characters are met: every combining mark Unicode
    knows is dropped all the same, and a character that is none stays, met once or twice."""
    import sys

    marks = "".join(chr(code) for code in range(sys.maxunicode + 1)
                    if unicodedata.combining(chr(code)))
    assert len(marks) > 800
    assert fold("e" + marks + "a") == "ea"
    assert fold("ŝ" + marks) == "s"
    assert fold("Ωmega ǅ") == fold("Ωmega ǅ") == "ωmega dz"


def test_times_and_durations_are_not_phones():
    assert normalise_phone(time(10, 30)) is None
    assert normalise_phone(612345678.0) == "06 12 34 56 78"


@_SETTINGS
@given(number=st.one_of(st.integers(min_value=0, max_value=10**11),
                        st.integers(min_value=600_000_000, max_value=799_999_999)))
@example(number=612345678)
@example(number=1234567890)
def test_phones_typed_as_numbers_agree_with_phonenumbers(number: int):
    """Excel's numbers (612345678, or 612345678.0 from calamine) take their own shortcut."""
    expected = normalise_phone_general(str(number))
    assert normalise_phone(number) == expected
    assert normalise_phone(float(number)) == expected


@_SETTINGS
@given(raw=st.one_of(phones_as_typed(), st.text(alphabet="0123456789 +.", max_size=16)))
@example(raw="06 12 34 56 78")
@example(raw=" 07 81 23 45 67 ")
@example(raw="00 12 34 56 78")
@example(raw="06 12 34 56 7x")
@example(raw="06 00 00 00 00")
@example(raw="٠٦ ١٢ ٣٤ ٥٦ ٧٨")
def test_a_phone_typed_as_text_gets_what_the_rules_decide(raw: str):
    """The shortcut for a number already written « 06 12 34 56 78 » decides as the fast path,
    and the fast path as phonenumbers."""
    fast = phone_fast_path(raw.strip())
    expected = normalise_phone_general(raw.strip()) if fast is UNDECIDED else fast
    assert normalise_phone(raw) == expected


@_SETTINGS
@given(number=st.integers(min_value=-10**10, max_value=-1))
@example(number=-12345678)
@example(number=-612345678)
def test_negative_numbers_are_phones_only_if_phonenumbers_says_so(number: int):
    expected = normalise_phone_general(str(number))
    assert normalise_phone(number) == expected
    assert normalise_phone(float(number)) == expected
