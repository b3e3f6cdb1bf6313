"""Render a participant file of the demo with its « Documents » list to PNG, for the README.

python scripts/render_documents.py [OUTPUT_FOLDER]     # default: docs/screenshots; offscreen

The demo's people have no documents: a few small files are attached first, through the same
service the window's « Ajouter… » calls (a CV to the person, the signed CERFA to the
contract, a visit report to a visit).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def _pdf(pages: int) -> bytes:
    return b"%PDF-1.4\n" + b"%" + b"-" * (pages * 41_000) + b"\n%%EOF\n"


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["COACHDESK_HOME"] = home
        from PySide6.QtWidgets import QApplication
        from sqlalchemy import select

        from coachdesk.app import install_translators
        from coachdesk.db import open_database
        from coachdesk.models import Contract, FollowUpVisit, Participant
        from coachdesk.services.demo import write_demo_database
        from coachdesk.services.documents import DocumentFile, DocumentOwner, add_document
        from coachdesk.ui.cohort.participant_file import ParticipantFileDialog

        app = QApplication(sys.argv[:1])
        install_translators(app)
        database = open_database(write_demo_database(Path(home) / "Démo CoachDesk.sqlite3"))
        with database.read() as session:
            person, cohort, contract, visit = session.execute(
                select(Participant.id, Participant.cohort_id, Contract.id, FollowUpVisit.id)
                .join(Contract, Contract.participant_id == Participant.id)
                .join(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)
                .where(FollowUpVisit.done_on.is_not(None))
                .order_by(Contract.start_date, FollowUpVisit.done_on).limit(1)
            ).one()
        for owner, name, content in (
            (DocumentOwner("participant", person), "CV.pdf", _pdf(2)),
            (DocumentOwner("participant", person), "Lettre de motivation.docx",
             b"PK\x03\x04" + bytes(23_000)),
            (DocumentOwner("contract", contract), "CERFA EJ20 signé.pdf", _pdf(6)),
            (DocumentOwner("visit", visit), "Compte rendu de visite.jpg",
             b"\xff\xd8\xff\xe0" + bytes(410_000)),
        ):
            add_document(database, owner, DocumentFile(name, content))
        dialog = ParticipantFileDialog(database, cohort, person)
        dialog.show()
        dialog.pages.setCurrentWidget(dialog.documents)
        dialog.documents.view.selectRow(0)
        app.processEvents()
        target = output / "7-documents.png"
        dialog.grab().save(str(target))
        print(target)
        dialog.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
