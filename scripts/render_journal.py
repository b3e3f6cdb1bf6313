"""Render the journal and reminders of a person of the demo, and the reminder dialog, to PNG
for the README, at the demo's day (31/12/2010).

python scripts/render_journal.py [OUTPUT_FOLDER]   # default: docs/screenshots; offscreen
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["COACHDESK_HOME"] = home
        from PySide6.QtWidgets import QApplication

        from coachdesk.app import install_translators
        from coachdesk.db import open_database
        from coachdesk.services.demo import write_demo_database
        from coachdesk.services.journal import search_journal
        from coachdesk.ui.app_window.main_window import MainWindow
        from coachdesk.ui.cohort.participant_file import ParticipantFileDialog

        app = QApplication(sys.argv[:1])
        install_translators(app)
        demo = write_demo_database(Path(home) / "Démo CoachDesk.sqlite3")
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        database = open_database(demo)
        window.attach_database(database)
        # The young person who wants a BTS: a note, and a reminder three days late.
        (line,) = search_journal(database, "bts")
        window.cohort_tab.open_file(line.participant_id)
        dialog = window.cohort_tab.dialog
        assert isinstance(dialog, ParticipantFileDialog) and dialog.journal is not None
        dialog.pages.setCurrentWidget(dialog.journal)
        app.processEvents()
        target = output / "7-journal-et-rappels.png"
        dialog.grab().save(str(target))
        print(target)
        dialog.journal.new_reminder()
        reminder = dialog.journal.dialog
        assert reminder is not None
        reminder.text.setPlainText("Rappeler la tutrice pour le planning des cours de janvier.")
        app.processEvents()
        target = output / "7-nouveau-rappel.png"
        reminder.grab().save(str(target))
        print(target)
        # Closed without asking whether to keep what was typed.
        reminder.done(0)
        dialog.done(0)
        window.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
