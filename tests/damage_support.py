"""A database damaged mid-file: it opens, but pages of its data fail the integrity check."""

from __future__ import annotations

import random
from pathlib import Path

PAGE = 4096


def damage_data_pages(path: Path, pages: int = 3) -> None:
    """Scramble ``pages`` pages near the end of the file, where the people's rows are (the
    schema, in the first pages, stays readable: the database still opens)."""
    data = bytearray(Path(path).read_bytes())
    count = len(data) // PAGE
    rng = random.Random(3)
    for page in range(count - 8, count - 8 + pages):
        for index in range(page * PAGE + 100, page * PAGE + PAGE - 100):
            data[index] = rng.randrange(256)
    Path(path).write_bytes(bytes(data))
