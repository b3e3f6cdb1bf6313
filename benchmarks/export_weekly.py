"""Weekly export of an 80,000-participant cohort: time, memory and GUI responsiveness.

Prints, measured side by side in one run:

* our ``export_weekly`` (query + rows + writer) against the raw writers writing the very same
  cells (xlsxwriter constant-memory and openpyxl write-only: the writer choice) — target ≤ 1.3×
  the fastest;
* against ``pandas.DataFrame.to_excel`` of the same cells — target at least 2× faster
  (pandas is installed by hand for this benchmark, it is not a CoachDesk dependency);
* peak memory of our export (tracemalloc peak, and the child process's max RSS);
* the largest stall of a 10 ms QTimer while the export runs through the window's own helper,
  ``coachdesk.ui.background.run_job`` (worker process, progress, delayed progress dialog) —
  target < 100 ms — and, for contrast, in a thread.

Usage: ``python benchmarks/export_weekly.py [--people 80000] [--skip-pandas] [--skip-gui]``
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import random
import resource
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
                "source_file": "", "source_sheet": "", "notes": "", "search_text": "", **stamp})
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
    from coachdesk.exports._common import IsoWeek
    from coachdesk.exports.weekly import export_weekly

    db = open_database(db_path)
    try:
        done = export_weekly(db, out, week=IsoWeek(*WEEK), today=TODAY)
    finally:
        db.dispose()
    return done.result.row_count


def same_cells(db_path: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    """The sheets our export writes, materialised, so raw writers can write the same cells."""
    from coachdesk.db import open_database
    from coachdesk.exports._common import IsoWeek
    from coachdesk.exports.weekly import (
        ACTION_COLUMNS,
        CONTRACT_COLUMNS,
        PEOPLE_COLUMNS,
        SUMMARY_COLUMNS,
        contract_rows,
        people_rows,
        summary_rows,
        week_actions,
    )
    from coachdesk.services.funnel import compute_funnel

    week = IsoWeek(*WEEK)
    db = open_database(db_path)
    try:
        with db.read() as session:
            from coachdesk.services.cohorts import find_cohort

            cohort = find_cohort(session, None)
            day = week.sunday
            sheets = [
                ("Jeunes", PEOPLE_COLUMNS, list(people_rows(session, cohort.id, day))),
                ("Actions de la semaine", ACTION_COLUMNS, week_actions(session, cohort.id, week)),
                ("Contrats", CONTRACT_COLUMNS, list(contract_rows(session, cohort.id, day))),
                ("Synthèse", SUMMARY_COLUMNS,
                 summary_rows(compute_funnel(session, cohort.id, day), None)),
            ]
    finally:
        db.dispose()
    return [(name, [c.label for c in columns], rows) for name, columns, rows in sheets]


def our_writer(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    from coachdesk.exports.weekly import (
        ACTION_COLUMNS,
        CONTRACT_COLUMNS,
        PEOPLE_COLUMNS,
        SUMMARY_COLUMNS,
    )
    from coachdesk.exports.xlsx import Sheet, write_workbook

    columns = [PEOPLE_COLUMNS, ACTION_COLUMNS, CONTRACT_COLUMNS, SUMMARY_COLUMNS]
    write_workbook(out, [Sheet(name, cols, rows)
                         for (name, _, rows), cols in zip(sheets, columns, strict=True)])


def raw_xlsxwriter(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, header, rows in sheets:
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
    for name, header, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(out)


def with_pandas(sheets: list, out: Path) -> None:  # type: ignore[type-arg]
    import pandas

    with pandas.ExcelWriter(out, engine="openpyxl") as writer:
        for name, header, rows in sheets:
            pandas.DataFrame(rows, columns=header).to_excel(writer, sheet_name=name, index=False)


def timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _child_export(db_path: str, out: str) -> None:
    our_export(Path(db_path), Path(out))


def gui_stall(db_path: Path, out: Path, mode: str) -> tuple[float, float]:
    """Largest gap between 10 ms timer ticks while the export runs; and the export's time.

    ``run_job``: exactly what the window does — ``coachdesk.ui.background.run_job`` with the
    export job of ``coachdesk.exports.jobs``, its worker process, its progress polling and its
    delayed progress dialog, under a running Qt event loop. ``thread``: the same export in a
    thread of the GUI process, for contrast (the GIL starves the event loop).
    """
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from coachdesk.ui import background

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


def _child_peak(db_path: str, out: str, queue, trace: bool) -> None:  # type: ignore[no-untyped-def]
    # tracemalloc inflates the process's own RSS a lot: measure RSS in a run without it.
    if trace:
        tracemalloc.start()
    our_export(Path(db_path), Path(out))
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    queue.put((peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _in_child(db_path: Path, out: Path, trace: bool) -> tuple[int, int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child_peak, args=(str(db_path), str(out), queue, trace))
    child.start()
    result = queue.get()
    child.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80_000)
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coachdesk-bench-") as folder:
        root = Path(folder)
        os.environ["COACHDESK_HOME"] = str(root / "home")
        db_path = root / "bench.sqlite3"
        start = time.perf_counter()
        build_database(db_path, args.people)
        print(f"database: {args.people} participants built in {time.perf_counter() - start:.1f} s")

        ours = timed(our_export, db_path, root / "ours.xlsx")
        start = time.perf_counter()
        sheets = same_cells(db_path)
        query = time.perf_counter() - start
        cells = sum(len(header) * len(rows) for _, header, rows in sheets)
        rows = sum(len(rows) for _, _, rows in sheets)
        print(f"cells: {rows} rows, {cells} cells in {len(sheets)} sheets")
        writer = timed(our_writer, sheets, root / "writer.xlsx")
        xw = timed(raw_xlsxwriter, sheets, root / "xw.xlsx")
        op = timed(raw_openpyxl, sheets, root / "op.xlsx")
        fastest = min(xw, op)
        print(f"our export_weekly (query+rows+write) {ours:6.2f} s")
        print(f"  of which reading the rows (queries) {query:6.2f} s")
        print(f"our writer alone, same cells         {writer:6.2f} s")
        print(f"raw xlsxwriter constant_memory       {xw:6.2f} s")
        print(f"raw openpyxl write-only              {op:6.2f} s")
        print(f"our writer / fastest raw writer      {writer / fastest:6.2f}x  (target <= 1.3x)")
        print(f"whole export / fastest raw writer    {ours / fastest:6.2f}x  (with the queries)")
        if not args.skip_pandas:
            pd = timed(with_pandas, sheets, root / "pd.xlsx")
            print(f"pandas.DataFrame.to_excel            {pd:6.2f} s")
            print(f"pandas / ours                        {pd / ours:6.2f}x  (target >= 2x)")
        del sheets

        peak, _ = _in_child(db_path, root / "m1.xlsx", trace=True)
        _, maxrss = _in_child(db_path, root / "m2.xlsx", trace=False)
        print(f"memory of our export: tracemalloc peak {peak / 2**20:.1f} MB, "
              f"process max RSS {maxrss / 1024:.0f} MB")

        if not args.skip_gui:
            for mode in ("run_job", "thread"):
                stall, took = gui_stall(db_path, root / f"gui-{mode}.xlsx", mode)
                print(f"GUI largest stall, export in a {mode:7s}: {stall * 1000:7.1f} ms "
                      f"(export {took:.1f} s; target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
