"""Weekly export of an 80,000-participant cohort: time, memory and GUI responsiveness.

Prints, measured side by side in one run (lines starting with FIGURE are the issue's figures):

* our ``export_weekly`` (queries + rows + writer) and our writer alone against the raw writers
  writing the very same cells (xlsxwriter constant-memory and openpyxl write-only) — target
  ≤ 1.3× the fastest. Every contender runs once per round, in a rotating order, and the medians
  are reported, so a machine busy with other work does not decide the figure;
* against ``pandas.DataFrame.to_excel`` of the same cells, with pandas' default engine and with
  openpyxl — target at least 2× slower than our whole export (pandas is installed by hand for
  this benchmark, it is not a CoachDesk dependency);
* peak memory of the export in a fresh process at 8,000 and 80,000 participants (peak RSS read
  from ``VmHWM``, which a spawned child does not inherit from this process, and the tracemalloc
  peak of Python objects) — target: flat;
* the largest stall of a 10 ms QTimer while the export runs through the window's own helper,
  ``coachdesk.ui.widgets.background.run_job`` (worker process, progress, delayed progress dialog) —
  target < 100 ms — and, for contrast, in a thread.

Usage: ``python benchmarks/export_weekly.py [--people 80000] [--small 8000] [--rounds 3]
[--skip-pandas] [--skip-gui] [--skip-timing]``
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WEEK = (2010, 25)
TODAY = date(2011, 1, 10)


def build_database(path: Path, people: int) -> None:
    """A cohort of ``people`` participants with outreach, meetings, selection, bilan, contracts."""
    from coachdesk.db import open_database
    from coachdesk.models import (
        Attendance,
        BilanGroup,
        BilanMember,
        Cohort,
        Contract,
        Employer,
        InfoSession,
        Outreach,
        Participant,
        SelectionInterview,
        new_id,
    )

    rng = random.Random(2010)
    db = open_database(path)
    now = datetime(2010, 1, 1)
    stamp = {"created_at": now, "updated_at": now}
    cohort_id, group_id, employer_id = new_id(), new_id(), new_id()
    sessions = [new_id() for _ in range(40)]
    firsts = ["Élodie", "Zoé", "Inès", "Théo", "Anaïs", "Jérôme", "Loïc", "Maëlle", "Noé", "Léa"]
    lasts = ["Lefèvre", "N'Diaye", "Garçon", "Benali", "Roux", "Moreau", "Dupré", "Muñoz"]
    with db.write() as s:
        s.execute(Cohort.__table__.insert(), [{
            "id": cohort_id, "name": "Promotion massive", "start_date": date(2010, 2, 1),
            "enrolment_deadline": date(2010, 7, 15), "visit_interval_weeks": 6,
            "training_title": "", "notes": "", **stamp}])
        s.execute(Employer.__table__.insert(), [{
            "id": employer_id, "name": "Garrigue & Fils", "siret": "12345678900011",
            "naf_code": "", "address": "", "postcode": "", "city": "Lunel", "size_band": "",
            "collective_agreement": "", "opco": "AGEFOS PME", "notes": "", "search_text": "",
            **stamp}])
        s.execute(InfoSession.__table__.insert(), [{
            "id": sid, "cohort_id": cohort_id, "place": "Cnam", "notes": "",
            "starts_at": datetime(2010, 3, 1, 14) + timedelta(days=index), **stamp}
            for index, sid in enumerate(sessions)])
        s.execute(BilanGroup.__table__.insert(), [{
            "id": group_id, "cohort_id": cohort_id, "name": "Groupe A",
            "start_date": date(2010, 3, 22), **stamp}])
        rows, outreach, attendance, selection, bilan, contracts = [], [], [], [], [], []
        for index in range(people):
            pid = new_id()
            first, last = rng.choice(firsts), rng.choice(lasts)
            if index % 997 == 0:
                last = "=HYPERLINK(\"http://x\",\"clic\")"
            rows.append({
                "id": pid, "cohort_id": cohort_id, "last_name": last, "first_name": first,
                "birth_date": date(1990, 1, 1) + timedelta(days=rng.randint(0, 1500)),
                "is_adult": False, "phone": "06 12 34 56 78", "email": f"p{index}@exemple.fr",
                "address": f"{index} rue des Lilas", "postcode": "34000", "city": "Montpellier",
                "ine": "", "university_track": "L1 AES", "bac_series": "", "provenance":
                "universite", "listed_on": date(2010, 2, 15), "coach": "Claire Dubois",
                "source_file": "", "source_sheet": "", "notes": "", "search_text": "",
                # Most people's consent is recorded; the others are left out of the workbook.
                "consent_date": None if index % 20 == 7 else date(2010, 2, 10), **stamp})
            day = date(2010, 2, 20) + timedelta(days=rng.randint(0, 150))
            outreach.append({"id": new_id(), "participant_id": pid, "done_on": day,
                             "channel": "telephone", "outcome": "interesse", "author": "Claire",
                             "campaign": "", "notes": "", **stamp})
            if index % 4 == 0:
                attendance.append({"id": new_id(), "session_id": rng.choice(sessions),
                                   "participant_id": pid, "cohort_id": cohort_id,
                                   "status": "present", **stamp})
                selection.append({"id": new_id(), "participant_id": pid,
                                  "held_on": day + timedelta(days=10), "decision": "retenu",
                                  "interviewer": "Claire", "motivation_notes": "", **stamp})
            if index % 8 == 0:
                bilan.append({"id": new_id(), "group_id": group_id, "participant_id": pid,
                              "cohort_id": cohort_id, "started_on": date(2010, 6, 21),
                              "status": "en_cours", **stamp})
            if index % 40 == 0:
                contracts.append({
                    "id": new_id(), "participant_id": pid, "employer_id": employer_id,
                    "contract_type": "cdd", "start_date": date(2010, 6, 1),
                    "end_date": date(2011, 5, 31), "job_title": "Assistant de gestion",
                    "rome_code": "M1607", "qualification": "", "opco": "AGEFOS PME",
                    "rupture_reason": "", **stamp})
        for table, values in ((Participant, rows), (Outreach, outreach),
                              (Attendance, attendance), (SelectionInterview, selection),
                              (BilanMember, bilan), (Contract, contracts)):
            s.execute(table.__table__.insert(), values)
    db.dispose()


def our_export(db_path: Path, out: Path) -> int:
    from coachdesk.db import open_database
    from coachdesk.exports.weekly import export_weekly
    from coachdesk.services.weeks import IsoWeek

    db = open_database(db_path)
    try:
        done = export_weekly(db, out, week=IsoWeek(*WEEK), today=TODAY)
    finally:
        db.dispose()
    return done.result.row_count


def same_cells(db_path: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    """The sheets our export writes, materialised in the order it writes them, so raw writers
    can write the same cells."""
    from coachdesk.db import open_database
    from coachdesk.exports.weekly import weekly_sheets
    from coachdesk.exports.weekly_scope import MISSION_LOCALE
    from coachdesk.services.cohorts import find_cohort
    from coachdesk.services.funnel import compute_funnel
    from coachdesk.services.weeks import IsoWeek

    week = IsoWeek(*WEEK)
    db = open_database(db_path)
    try:
        with db.read() as session:
            cohort = find_cohort(session, None)
            day = week.sunday
            built = weekly_sheets(session, cohort.id, cohort.name, week, day, today=TODAY,
                                  profile=MISSION_LOCALE,
                                  funnel=compute_funnel(session, cohort.id, day), previous=None)
            # Read in the export's order: the summary counts what the sheets before it hold.
            sheets = [(sheet, [tuple(row) for row in sheet.rows]) for sheet in built.sheets]
    finally:
        db.dispose()
    return [(sheet.name, [c.label for c in sheet.columns], rows, sheet) for sheet, rows in sheets]


def our_writer(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    """Our writer alone, on the cells already read, with the export's print layout and tabs."""
    from dataclasses import replace

    from coachdesk.exports.weekly import TABS
    from coachdesk.exports.xlsx import write_workbook

    write_workbook(out, [replace(sheet, rows=rows, title_lines=[])
                         for _, _, rows, sheet in sheets], tabs=TABS)


def raw_xlsxwriter(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, header, rows, _ in sheets:
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, header)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(r, c, value, date_format)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)
                else:
                    sheet.write_number(r, c, value)
    book.close()


def raw_openpyxl(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, header, rows, _ in sheets:
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(out)


def with_pandas(sheets: list, out: Path, engine: str | None = None) -> str:  # type: ignore[type-arg]
    """``DataFrame.to_excel`` of the same cells; ``engine=None`` is pandas' own default.

    Returns the engine pandas used.
    """
    import pandas

    with pandas.ExcelWriter(out, engine=engine) as writer:
        for name, header, rows, _ in sheets:
            pandas.DataFrame(rows, columns=header).to_excel(writer, sheet_name=name, index=False)
        return str(writer.engine)


def timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _child_export(db_path: str, out: str) -> None:
    our_export(Path(db_path), Path(out))


def gui_stall(db_path: Path, out: Path, mode: str) -> tuple[float, float]:
    """Largest gap between 10 ms timer ticks while the export runs; and the export's time.

    ``run_job``: exactly what the window does — ``coachdesk.ui.widgets.background.run_job`` with the
    export job of ``coachdesk.exports.jobs``, its worker process, its progress polling and its
    delayed progress dialog, under a running Qt event loop. ``thread``: the same export in a
    thread of the GUI process, for contrast (the GIL starves the event loop).
    """
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from coachdesk.ui.widgets import background

    app = QApplication.instance() or QApplication([])
    window = QWidget()
    window.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    outcome: list[object] = []
    start = time.perf_counter()
    timer.start()
    if mode == "run_job":
        job = background.run_job(
            window, "coachdesk.exports.jobs.weekly",
            (str(db_path), str(out), f"{WEEK[0]}-W{WEEK[1]:02d}", None, None),
            "Export", outcome.append,
        )
        job.ended.connect(loop.quit)
    else:
        worker = threading.Thread(target=_child_export, args=(str(db_path), str(out)))
        watcher = QTimer(interval=20)
        watcher.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
        worker.start()
        watcher.start()
    loop.exec()
    elapsed = time.perf_counter() - start
    timer.stop()
    if mode == "run_job" and not outcome:
        raise SystemExit("the export job failed: see the message above")
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    if gaps:
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        print(f"  ({mode}: largest stall {ticks[worst] - start:.2f} s after the start)")
    window.close()
    del app
    return (max(gaps) if gaps else float("nan")), elapsed


def _peak_rss_mb() -> tuple[float, str]:
    """This process's peak resident memory, in MB, and how it was read.

    ``VmHWM`` belongs to the process image: it starts afresh at ``exec``. ``ru_maxrss`` does not
    on Linux: a child started by fork+exec (multiprocessing's "spawn", subprocess) inherits the
    parent's peak, so a benchmark parent holding 80,000 materialised rows made the export look
    like it took 806 MB. ``ru_maxrss`` is only the fallback off Linux.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024, "VmHWM"
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (2**20 if sys.platform == "darwin" else 1024), "ru_maxrss"


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _child_memory(db_path: str, out: str, queue, trace: bool) -> None:  # type: ignore[no-untyped-def]
    # Import everything first, so the baseline is the process ready to export.
    import xlsxwriter  # noqa: F401

    import coachdesk.exports.weekly  # noqa: F401

    baseline = _current_rss_mb()
    # tracemalloc inflates the process's own RSS a lot: measure RSS in a run without it.
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    our_export(Path(db_path), Path(out))
    took = time.perf_counter() - start
    python_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    peak, source = _peak_rss_mb()
    queue.put((baseline, peak, source, python_peak, took))


def _in_child(db_path: Path, out: Path, trace: bool) -> tuple[float, float, str, float, float]:
    """Run one export in a fresh process: RSS before, peak RSS, how read, Python peak, time."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child_memory, args=(str(db_path), str(out), queue, trace))
    child.start()
    result = queue.get()
    child.join()
    return result  # type: ignore[no-any-return]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _spread(values: list[float]) -> str:
    return f"median {_median(values):6.2f} s  (min {min(values):.2f}, max {max(values):.2f})"


def timings(db_path: Path, root: Path, rounds: int, with_pandas_runs: bool) -> None:
    """Time our export and every writer on the same cells, interleaved, and print medians.

    A busy machine slows whatever happens to run at that moment: running every contender once
    per round, in a rotating order, spreads the noise evenly, and the medians (and the ratios
    measured within each round) ignore the worst rounds.
    """
    start = time.perf_counter()
    sheets = same_cells(db_path)
    query = time.perf_counter() - start
    cells = sum(len(header) * len(rows) for _, header, rows, _ in sheets)
    rows = sum(len(rows) for _, _, rows, _ in sheets)
    print(f"cells: {rows} rows, {cells} cells in {len(sheets)} sheets "
          f"(reading them: {query:.2f} s)")

    contenders: dict[str, object] = {
        "export": lambda: our_export(db_path, root / "ours.xlsx"),
        "writer": lambda: our_writer(sheets, root / "writer.xlsx"),
        "xlsxwriter": lambda: raw_xlsxwriter(sheets, root / "xw.xlsx"),
        "openpyxl": lambda: raw_openpyxl(sheets, root / "op.xlsx"),
    }
    engines: dict[str, str] = {}
    if with_pandas_runs:
        def pandas_default() -> None:
            engines["default"] = with_pandas(sheets, root / "pd.xlsx")

        contenders["pandas"] = pandas_default
        contenders["pandas_openpyxl"] = lambda: with_pandas(sheets, root / "pdo.xlsx", "openpyxl")
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for index in range(rounds):
        order = names[index % len(names):] + names[: index % len(names)]
        for name in order:
            times[name].append(timed(contenders[name]))  # type: ignore[arg-type]
        print(f"  round {index + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f}" for n in names),
              flush=True)

    def per_round(a: str, b: str) -> float:
        return _median([x / y for x, y in zip(times[a], times[b], strict=True)])

    fastest = min(("xlsxwriter", "openpyxl"), key=lambda n: _median(times[n]))
    print(f"our export_weekly (queries+rows+write) {_spread(times['export'])}")
    print(f"our writer alone, same cells           {_spread(times['writer'])}")
    print(f"raw xlsxwriter constant_memory         {_spread(times['xlsxwriter'])}")
    print(f"raw openpyxl write-only                {_spread(times['openpyxl'])}")
    print(f"FIGURE our writer / fastest raw writer ({fastest}): "
          f"{per_round('writer', fastest):.2f}x median of per-round ratios, "
          f"{_median(times['writer']) / _median(times[fastest]):.2f}x ratio of medians "
          f"(target <= 1.3x)")
    print(f"       whole export / fastest raw writer: {per_round('export', fastest):.2f}x "
          "(with the queries)")
    if with_pandas_runs:
        print(f"pandas.DataFrame.to_excel ({engines.get('default', '?')}, pandas' default) "
              f"{_spread(times['pandas'])}")
        print(f"pandas.DataFrame.to_excel (openpyxl)   {_spread(times['pandas_openpyxl'])}")
        for name, label in (("pandas", engines.get("default", "?")),
                            ("pandas_openpyxl", "openpyxl")):
            strict = per_round(name, "export")
            with_reading = _median([(p + query) / e for p, e
                                    in zip(times[name], times["export"], strict=True)])
            print(f"FIGURE pandas ({label}) / our whole export: {strict:.2f}x for to_excel alone, "
                  f"{with_reading:.2f}x once pandas also reads the rows (target >= 2x)")


def memory(sizes: list[int], root: Path) -> None:
    """Peak memory of the export in a fresh process per cohort size: it must stay flat."""
    peaks = []
    for people in sizes:
        db_path = root / f"memory-{people}.sqlite3"
        if not db_path.exists():
            build_database(db_path, people)
        _, _, _, python_peak, _ = _in_child(db_path, root / f"m-{people}-t.xlsx", trace=True)
        baseline, peak, source, _, took = _in_child(db_path, root / f"m-{people}.xlsx",
                                                    trace=False)
        peaks.append(peak)
        print(f"memory, {people:>7,} participants: peak RSS {peak:5.0f} MB ({source}), "
              f"{peak - baseline:+5.0f} MB over the process ready to export "
              f"({baseline:.0f} MB); Python objects peak {python_peak:5.1f} MB; {took:.1f} s")
    print(f"FIGURE memory from {sizes[0]:,} to {sizes[-1]:,} participants: peak RSS "
          f"{peaks[-1] - peaks[0]:+.0f} MB (target: flat, within a few tens of MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80_000)
    parser.add_argument("--small", type=int, default=8_000,
                        help="the smaller cohort of the memory comparison")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args()
    if not args.skip_pandas:
        try:
            import pandas  # noqa: F401
        except ImportError:
            print("pandas is not installed (it is no CoachDesk dependency): "
                  "`.venv/bin/pip install pandas`, or run with --skip-pandas", file=sys.stderr)
            return 2

    with tempfile.TemporaryDirectory(prefix="coachdesk-bench-") as folder:
        root = Path(folder)
        os.environ["COACHDESK_HOME"] = str(root / "home")
        db_path = root / f"memory-{args.people}.sqlite3"
        start = time.perf_counter()
        build_database(db_path, args.people)
        print(f"database: {args.people} participants built in {time.perf_counter() - start:.1f} s")
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

        # Memory first, in fresh processes, before this one holds any materialised rows.
        memory([args.small, args.people], root)
        if not args.skip_timing:
            timings(db_path, root, args.rounds, not args.skip_pandas)

        if not args.skip_gui:
            for mode in ("run_job", "thread"):
                stall, took = gui_stall(db_path, root / f"gui-{mode}.xlsx", mode)
                figure = "FIGURE " if mode == "run_job" else "       "
                print(f"{figure}GUI largest stall, export in a {mode:7s}: {stall * 1000:7.1f} ms "
                      f"(export {took:.1f} s; target < 100 ms)")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
