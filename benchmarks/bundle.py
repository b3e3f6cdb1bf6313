"""The installed build: bundle size, and start-up of the bundle against the same from source.

    python benchmarks/bundle.py [BUNDLE_DIR] [RUNS]

BUNDLE_DIR is a built one-folder bundle (default: build/linux/CoachDesk-<version>, made by
packaging/build-linux). Sizes are the sum of file sizes (MB = 10^6 bytes) and the .tar.gz
beside it. Start-up is measured like benchmarks/startup.py: each run a fresh process,
offscreen, from launch to the window's first paint and to the demo's data shown
(``--demo --exit-when-ready``), the bundle and the source run interleaved. Target (issue 8):
under 150 MB unpacked.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 150


def _stamps(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    stamps = {}
    for line in result.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in {"painted", "ready"}:
            stamps[parts[0]] = float(parts[1]) - started
    return stamps


def _sizes(bundle: Path) -> tuple[int, Counter[str]]:
    by_part: Counter[str] = Counter()
    total = 0
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            relative = path.relative_to(bundle).parts
            if relative[0] != "_internal":
                key = f"{relative[0]} (program + compressed Python code)"
            elif relative[1] == "PySide6":
                key = "/".join(relative[1:4])
            else:
                key = relative[1]
            by_part[key] += size
    return total, by_part


def main() -> int:
    name = f"CoachDesk-{version('coachdesk')}"
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "linux" / name
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    program = bundle / ("CoachDesk.exe" if os.name == "nt" else "coachdesk")
    if not program.exists():
        print(f"no bundle at {bundle}: run packaging/build-linux first", file=sys.stderr)
        return 2

    total, by_part = _sizes(bundle)
    print(f"bundle: {bundle}")
    print(f"unpacked size                      : {total / 1e6:7.1f} MB  (limit {LIMIT_MB} MB)")
    archives = list(bundle.parent.glob(f"{bundle.name}-*.tar.gz"))
    for archive in archives:
        print(f"archive {archive.name}: {archive.stat().st_size / 1e6:.1f} MB")
    print("largest parts:")
    for part, size in by_part.most_common(8):
        print(f"  {part:<45} {size / 1e6:6.1f} MB")

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACHDESK_HOME": home}
        frozen = [str(program), "--demo", "--exit-when-ready"]
        source = [sys.executable, "-m", "coachdesk", "--demo", "--exit-when-ready"]
        first = _stamps(frozen, env)  # the first launch prepares the demo into the cache
        _stamps(source, env)
        results: dict[str, dict[str, list[float]]] = {
            "bundle": {"painted": [], "ready": []},
            "source": {"painted": [], "ready": []},
        }
        for _ in range(runs):
            for label, command in (("bundle", frozen), ("source", source)):
                stamps = _stamps(command, env)
                for key in ("painted", "ready"):
                    results[label][key].append(stamps[key])
    print(f"start-up, {runs} runs each, offscreen, medians:")
    for label in ("bundle", "source"):
        painted = statistics.median(results[label]["painted"]) * 1000
        ready = statistics.median(results[label]["ready"]) * 1000
        print(f"  {label}: first paint {painted:6.0f} ms, demo data shown {ready:6.0f} ms")
    print(f"  bundle first launch (demo prepared into the cache): {first['ready'] * 1000:.0f} ms")
    return 0 if total / 1e6 < LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
