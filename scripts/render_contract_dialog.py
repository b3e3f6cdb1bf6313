"""Render the contract dialog of a demo contract, scrolled to its CERFA fields, with the list of
what is still missing before sending to the OPCO (two fields emptied to show it), to PNG.

python scripts/render_contract_dialog.py [OUTPUT_FOLDER]   # default: docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["COACHDESK_HOME"] = home
        from PySide6.QtWidgets import QApplication, QScrollArea
        from sqlalchemy import select

        from coachdesk.app import install_translators
        from coachdesk.db import open_database
        from coachdesk.models import Contract, Participant
        from coachdesk.services.demo import write_demo_database
        from coachdesk.services.smic import load_smic_table
        from coachdesk.ui.contracts.contract_dialog import ContractDialog

        app = QApplication(sys.argv[:1])
        install_translators(app)
        database = open_database(write_demo_database(Path(home) / "Démo CoachDesk.sqlite3"))
        with database.read() as session:
            contract_id, cohort_id = session.execute(
                select(Contract.id, Participant.cohort_id)
                .join(Participant, Participant.id == Contract.participant_id)
                .order_by(Contract.start_date, Contract.id)).first()
        dialog = ContractDialog(database, cohort_id, load_smic_table(), date(2010, 12, 31),
                                contract_id=contract_id)
        dialog.resize(1180, 740)
        dialog.show()
        # Two fields a coach has not filled in yet: the list says so, saving still works.
        dialog.cerfa.idcc.clear()
        dialog.cerfa.situation_before.setCurrentIndex(0)
        scroll = dialog.findChild(QScrollArea)
        app.processEvents()
        scroll.verticalScrollBar().setValue(dialog.cerfa.boxes[0].y())
        app.processEvents()
        target = output / "7-contrat-cerfa.png"
        dialog.grab().save(str(target))
        print(target)
        dialog.done(0)  # the two emptied fields are not to be kept: no question asked
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
