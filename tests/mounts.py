"""Real machine conditions for the tests: a full disk, a read-only folder or file.

A full disk is a small tmpfs mounted for the test; read-only is a read-only bind mount. Both
need root (the Linux CI runs as root). Without root, a read-only folder or file falls back on
file modes (which root would ignore); a full disk cannot be made, and the test is skipped saying
why — except in the Linux CI (the ``CI`` variable is set), where a skipped test would hide a
missing check, so it fails instead. Windows has neither: skipped there, CI or not.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") and sys.platform.startswith("linux"):
        pytest.fail(f"{reason} (required in the Linux CI)")
    pytest.skip(reason)


def is_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    mount = shutil.which("mount") or "mount"
    return subprocess.run([mount, *args], capture_output=True, text=True, check=False)


def _umount(target: Path) -> None:
    umount = shutil.which("umount") or "umount"
    done = subprocess.run([umount, str(target)], capture_output=True, check=False)
    if done.returncode:  # still busy: detach it now, it goes when the last user does
        subprocess.run([umount, "-l", str(target)], capture_output=True, check=False)


@contextlib.contextmanager
def small_disk(target: Path, size_kb: int = 4096) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` mounted at ``target`` for the duration of the block."""
    if os.name != "posix":
        _unavailable("a tmpfs full disk needs Linux")
    if not is_root():
        _unavailable("mounting a small tmpfs to fill it needs root")
    target.mkdir(parents=True, exist_ok=True)
    done = _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(target))
    if done.returncode:
        _unavailable(f"could not mount a tmpfs: {done.stderr.strip()}")
    try:
        yield target
    finally:
        _umount(target)


def fill(disk: Path, leave_kb: int = 0) -> Path:
    """Fill ``disk`` up to ``leave_kb`` free kilobytes with a filler file; returns it."""
    filler = disk / "remplissage"
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize - leave_kb * 1024
    with filler.open("ab") as handle:
        block = b"\0" * (1 << 16)
        while free > 0:
            try:
                handle.write(block[: min(len(block), free)])
                handle.flush()
            except OSError:
                break
            free -= len(block)
    return filler


@contextlib.contextmanager
def read_only(target: Path) -> Iterator[Path]:
    """``target`` (a folder or a file) read-only for the duration of the block."""
    if os.name != "posix":
        _unavailable("read-only mounts and modes are tested on POSIX")
    if is_root():
        done = _mount("--bind", "-o", "ro", str(target), str(target))
        if done.returncode:
            _unavailable(f"could not bind-mount read-only: {done.stderr.strip()}")
        probe = os.access(target, os.W_OK)
        if probe:  # an old mount that ignored "ro" on a bind: remount it
            _mount("-o", "remount,bind,ro", str(target))
        try:
            yield target
        finally:
            _umount(target)
        return
    mode = target.stat().st_mode & 0o777
    target.chmod(0o555 if target.is_dir() else 0o444)
    try:
        yield target
    finally:
        target.chmod(mode)
