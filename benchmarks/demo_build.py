"""Building the demo cohort: what a coach's first `coachdesk --demo` of a version waits for.

    python benchmarks/demo_build.py [RUNS]

The demo is recorded through the public services, one transaction per thing a coach does (as
the window records it), then copied into the cache once per CoachDesk version; later launches
only copy the cached template. This measures the build itself (``write_demo_database``: the
recording, the demo mark and the copy into place), each run in a fresh process so imports and
caches are paid as on a coach's first launch, and the copy a later launch makes
(``fresh_demo_copy`` with the template already cached). The processor time of the build is
printed too: on a shared machine it moves far less than the elapsed time.

Measured here (2 cores): the demo recorded in one transaction through a second write API took
1.59 s; through the public services, one transaction per thing a coach does, see the commit
that changed it and the last lines of this docstring.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BUILD = r"""
import sys, time
from pathlib import Path
started = time.perf_counter()
from coachdesk.services.demo import write_demo_database
imported = time.perf_counter()
cpu = time.process_time()
write_demo_database(Path(sys.argv[1]))
done = time.perf_counter()
print(f"{imported - started:.6f} {done - imported:.6f} {time.process_time() - cpu:.6f}")
"""

COPY = r"""
import time
from coachdesk.services.demo import fresh_demo_copy
fresh_demo_copy()  # the first call builds the template into the cache
started = time.perf_counter()
fresh_demo_copy()
print(f"{time.perf_counter() - started:.6f}")
"""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    builds: list[float] = []
    imports: list[float] = []
    processor: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "COACHDESK_HOME": folder}
        for run in range(runs):
            target = os.path.join(folder, f"demo-{run}.sqlite3")
            result = subprocess.run([sys.executable, "-c", BUILD, target], env=env,
                                    capture_output=True, text=True, check=True)
            imported, built, cpu = (float(value) for value in result.stdout.split())
            imports.append(imported)
            builds.append(built)
            processor.append(cpu)
        copy = subprocess.run([sys.executable, "-c", COPY], env=env, capture_output=True,
                              text=True, check=True)
    print(f"runs: {runs}, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"import of the demo module        : {statistics.median(imports) * 1000:7.0f} ms")
    print(f"demo built and written (median)  : {statistics.median(builds) * 1000:7.0f} ms"
          f"  (min {min(builds) * 1000:.0f}, max {max(builds) * 1000:.0f})")
    print(f"  of which processor time (median): {statistics.median(processor) * 1000:7.0f} ms"
          "  (the figure to compare when other work shares the machine)")
    print(f"later launch, copy of the cache  : {float(copy.stdout) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
