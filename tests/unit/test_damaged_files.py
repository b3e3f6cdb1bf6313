"""Damaged database files get a clear French message and stay byte for byte as they were."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from coachdesk.db import open_database, open_protected
from coachdesk.errors import UserError
from coachdesk.security import crypto, sqlcipher
from tests.security_support import FAST_SCRYPT, PASSPHRASE, make_plain_db


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite3"
    make_plain_db(path, count=40)
    return path


def _protected(tmp_path: Path) -> Path:
    path = _plain(tmp_path)
    sqlcipher.protect_database(path, PASSPHRASE)
    return path


def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _scramble_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for index in range(4096, len(data)):
        data[index] = rng.randrange(256)
    path.write_bytes(bytes(data))


def _open_plain(path: Path) -> None:
    open_database(path, create=False).dispose()


def _open_protected(path: Path, passphrase: str = PASSPHRASE) -> None:
    open_protected(path, passphrase=passphrase, create=False).dispose()


CASES: list[tuple[str, Callable[[Path], Path], Callable[[Path], None], str]] = [
    (
        "random bytes",
        lambda tmp: (tmp / "bruit.sqlite3").write_bytes(os.urandom(20000))
        and tmp / "bruit.sqlite3",
        _open_plain,
        "pas une base CoachDesk lisible",
    ),
    (
        "text file",
        lambda tmp: (tmp / "notes.sqlite3").write_text("nom;prénom\n" * 50)
        and tmp / "notes.sqlite3",
        _open_plain,
        "pas une base CoachDesk lisible",
    ),
    (
        "plain truncated to its header page",
        lambda tmp: (lambda p: (_truncate(p, 0.02), p)[1])(_plain(tmp)),
        _open_plain,
        "illisible ou endommagée",
    ),
    (
        "plain with scrambled pages",
        lambda tmp: (lambda p: (_scramble_middle(p), p)[1])(_plain(tmp)),
        _open_plain,
        "illisible ou endommagée",
    ),
    (
        "encrypted opened with a wrong passphrase",
        _protected,
        lambda p: _open_protected(p, "une autre phrase de passe"),
        "Phrase de passe incorrecte",
    ),
    (
        "encrypted opened as plain",
        _protected,
        _open_plain,
        "chiffré",
    ),
    (
        "encrypted and truncated",
        lambda tmp: (lambda p: (_truncate(p, 0.5), p)[1])(_protected(tmp)),
        _open_protected,
        "endommagé",
    ),
    (
        "encrypted with random bytes",
        lambda tmp: (lambda p: (p.write_bytes(os.urandom(p.stat().st_size)), p)[1])(
            _protected(tmp)
        ),
        _open_protected,
        "endommagé",
    ),
    (
        "encrypted opened with a wrong raw key",
        _protected,
        lambda p: open_database(p, create=False, key=bytes(32)).dispose(),
        "illisible ou endommagée",
    ),
]


@pytest.mark.parametrize(("make", "attempt", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_damaged_file_is_refused_and_untouched(
    tmp_path: Path, make: Callable[[Path], Path], attempt: Callable[[Path], None], message: str
) -> None:
    path = make(tmp_path)
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UserError) as caught:
        attempt(path)
    text = str(caught.value)
    assert message in text
    assert "Traceback" not in text and "sqlite3." not in text.split("(")[0]
    assert path.read_bytes() == before
    # Nothing written beside it either (no WAL, no "repaired" copy) that outlives the attempt.
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_damaged_file_is_never_recreated_even_with_create(tmp_path: Path) -> None:
    path = tmp_path / "bruit.sqlite3"
    path.write_bytes(os.urandom(4096))
    before = path.read_bytes()
    for _ in range(3):  # the coach retries: still refused, still untouched
        with pytest.raises(UserError):
            open_database(path, create=True)
    assert path.read_bytes() == before
