"""A canary person: grepping every byte CoachDesk left on disk for her proves nothing leaked.

Her name and phone appear in the forms CoachDesk stores or derives (the phone normalised, the
search column in lower case without accents), so a leak in any of them is found.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterable
from pathlib import Path

from coachdesk.security import crypto

FIRST_NAME = "Zoé"
LAST_NAME = "CANARIWSKI"
PHONE = "06 12 34 56 78"
EMAIL = "zoe.canariwski@example.org"

# Every form of the name and the phone that may land in a file.
FORMS = (
    LAST_NAME,
    LAST_NAME.lower(),
    LAST_NAME.capitalize(),
    "zoe canariwski",
    "canariwski zoe",
    PHONE,
    PHONE.replace(" ", ""),
    "+33612345678",
    "+33 6 12 34 56 78",
    "06.12.34.56.78",
    "612345678",
    EMAIL,
)


def encrypted_files(databases: Iterable[Path]) -> set[Path]:
    """The files protected by encryption: each database, its WAL and its keys file."""
    found = set()
    for database in databases:
        for suffix in ("", "-wal", "-journal", crypto.SIDECAR_SUFFIX):
            found.add(database.with_name(database.name + suffix).resolve())
    return found


def _expanded(data: bytes) -> bytes:
    """``data`` followed by what its zip entries hold once inflated: a workbook (xlsx) keeps
    its cells deflated, and a half-written one has no directory to read it by."""
    parts = [data]
    start = data.find(b"PK\x03\x04")
    while start >= 0:
        header = data[start : start + 30]
        if len(header) == 30:
            method = int.from_bytes(header[8:10], "little")
            body = start + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(
                header[28:30], "little"
            )
            if method == 8:
                with contextlib.suppress(zlib.error):
                    parts.append(zlib.decompressobj(-zlib.MAX_WBITS).decompress(data[body:]))
            elif method == 0:
                parts.append(data[body:])
        start = data.find(b"PK\x03\x04", start + 4)
    return b"".join(parts)


def leaks(root: Path, *, except_files: Iterable[Path] = ()) -> dict[str, list[str]]:
    """Every file under ``root`` (but ``except_files``) holding a form of the canary, with
    the forms found. Compared case-insensitively, in UTF-8 and UTF-16 (Windows logs), inside
    zip files (workbooks) too."""
    skipped = {Path(p).resolve() for p in except_files}
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.resolve() in skipped:
            continue
        data = _expanded(path.read_bytes())
        lowered = data.lower()
        hits = []
        for form in FORMS:
            for encoding in ("utf-8", "utf-16-le"):
                if form.lower().encode(encoding) in lowered or form.encode(encoding) in data:
                    hits.append(form)
                    break
        if hits:
            found[str(path.relative_to(root))] = hits
    return found
