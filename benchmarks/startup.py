"""Start-up: `coachdesk --demo` to a painted window, against a bare PySide6 window with five tabs.

    python benchmarks/startup.py [RUNS]

Both are measured side by side in this run, each as a fresh process, offscreen, from the moment
the process is launched to the window's first paint (and, for CoachDesk, until the demo's data
is shown). Target (issue 2): CoachDesk's first paint within 1.5× the bare window's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"painted {time.time():.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv)
window = Window()
tabs = QTabWidget()
for name in ("Cohorte", "Bilan", "Employeurs", "Suivi des contrats", "Tableau de bord"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1200, 760)
window.show()
app.exec()
"""


def _run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    stamps = {}
    for line in result.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in {"painted", "ready"}:
            stamps[parts[0]] = float(parts[1]) - started
    return stamps


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACHDESK_HOME": home}
        app = [sys.executable, "-m", "coachdesk", "--demo", "--exit-when-ready"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        first = _run(app, env)  # builds the demo once into the cache, as a coach's first launch
        bare_painted, app_painted, app_ready = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare_painted.append(_run(bare, env)["painted"])
            stamps = _run(app, env)
            app_painted.append(stamps["painted"])
            app_ready.append(stamps["ready"])
    bare_median = statistics.median(bare_painted)
    painted_median = statistics.median(app_painted)
    print(f"runs: {runs} each, offscreen, Python {sys.version.split()[0]}")
    print(f"bare PySide6 window, 5 tabs, first paint : {bare_median * 1000:7.0f} ms (median)")
    print(f"coachdesk --demo, first paint            : {painted_median * 1000:7.0f} ms (median)")
    ready_median = statistics.median(app_ready)
    print(f"coachdesk --demo, demo data shown        : {ready_median * 1000:7.0f} ms")
    print(f"first launch (demo prepared into cache)  : {first['ready'] * 1000:7.0f} ms")
    ratio = painted_median / bare_median
    print(f"ratio first paint / bare window          : {ratio:7.2f}  (target ≤ 1.50)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
