"""Render each tab of the demo database, on the demo's day, and its promotion's set-up to PNG,
for the README and for review, at 1366×768 (the smallest laptop screen coaches use).

python scripts/render_tabs.py [OUTPUT_FOLDER]     # default: docs/screenshots; offscreen
QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1366x768x24" python scripts/render_tabs.py
                                                  # in a real window on a virtual screen
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

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
        from coachdesk.ui.app_window.main_window import MainWindow

        app = QApplication(sys.argv[:1])
        install_translators(app)
        render_first_run(app, Path(home), output)
        demo = write_demo_database(Path(home) / "Démo CoachDesk.sqlite3")
        window = MainWindow()
        window.resize(1366, 768)  # the smallest screen coaches work on
        window.show()
        window.attach_database(open_database(demo))
        names = [
            "1-cohorte",
            "2-bilan",
            "3-employeurs",
            "4-suivi-des-contrats",
            "5-tableau-de-bord",
        ]
        for index, name in enumerate(names):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            target = output / f"{name}.png"
            window.grab().save(str(target))
            print(target)
        # A real promotion's set-up: the demo's, as Promotion ▸ Promotion's set-up… shows it.
        dialog = window.promotion_actions.edit_cohort()
        if dialog is not None:
            app.processEvents()
            target = output / "6-promotion.png"
            dialog.grab().save(str(target))
            print(target)
            dialog.reject()
        render_training(app, window, output)
        render_letters(app, window, output)
        render_restore_alert(app, window, output)
        window.close()
        if window.database is not None:
            window.database.dispose()
    return 0


def render_training(app: object, window: object, output: Path) -> None:
    """Suivi des contrats ▸ Formation… on a contract with absences and assessments."""
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.contracts.tab import ContractsTab
    from coachdesk.ui.contracts.training_panel import open_training

    assert isinstance(app, QApplication)
    tab = window.findChild(ContractsTab)  # type: ignore[attr-defined]
    assert tab is not None
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    app.processEvents()
    rows = [row for row in range(tab.model.rowCount())
            if tab.model.row_at(row).participant == "GARCIA Margaux"]
    tab.view.selectRow(rows[0] if rows else 0)
    training = open_training(tab)
    if training is not None:
        app.processEvents()
        target = output / "7-formation.png"
        training.grab().save(str(target))
        print(target)
        training.reject()
def render_letters(app: Any, window: Any, output: Path) -> None:
    """Cohorte ▸ Courriers ▸ Écrire des lettres… for the first twelve people of the list, the
    templates' editor, and Tableau de bord ▸ Recrutement par provenance…"""
    from PySide6.QtCore import QItemSelectionModel

    from coachdesk.ui.cohort.letters_menu import open_letters, open_templates

    window.tabs.setCurrentIndex(0)
    tab = window.tabs.currentWidget().tab()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(12):
        tab.view.selectionModel().select(tab.model.index(row, 0), flags)
    open_letters(tab)
    dialog = tab.dialog
    dialog.signer.setCurrentIndex(1)
    app.processEvents()
    target = output / "7-courriers.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.reject()
    open_templates(tab)
    app.processEvents()
    target = output / "7-modeles-de-courrier.png"
    tab.dialog.grab().save(str(target))
    print(target)
    tab.dialog.reject()
    window.tabs.setCurrentIndex(4)
    dashboard = window.tabs.currentWidget().tab()
    dashboard.open_recruitment_sources()
    app.processEvents()
    target = output / "5-recrutement-par-provenance.png"
    dashboard.sources_dialog.grab().save(str(target))
    print(target)
    dashboard.sources_dialog.reject()


def render_restore_alert(app: object, window: object, output: Path) -> None:
    """Suivi des contrats ▸ Rétablir une alerte mise de côté…, on a demo contract whose
    training share was set aside (written last: it changes the demo's data)."""
    from PySide6.QtWidgets import QApplication

    from coachdesk.services.contract_alerts import acknowledge_alert
    from coachdesk.ui.app_window.main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    assert window.database is not None
    window.show_tab(3)
    app.processEvents()
    tab = window.contracts_tab

    def vincent() -> int:
        return next(r for r in range(tab.model.rowCount())
                    if tab.model.row_at(r).participant == "VINCENT Gaëlle")

    acknowledge_alert(window.database, tab.model.row_at(vincent()).id, "training_share_high",
                      "accord de branche")
    app.processEvents()
    tab.view.selectRow(vincent())
    tab.restore_alert_button.click()
    app.processEvents()
    target = output / "7-retablir-une-alerte.png"
    tab.dialog.grab().save(str(target))
    print(target)
    tab.dialog.reject()


def render_first_run(app: object, home: Path, output: Path) -> None:
    """An empty database: the welcome, then the « Nouvelle promotion » form it leads to."""
    from PySide6.QtWidgets import QApplication

    from coachdesk.db import open_database
    from coachdesk.ui.app_window.main_window import MainWindow
    from coachdesk.ui.cohort.promotion_dialogs import CohortDialog

    assert isinstance(app, QApplication)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.attach_database(open_database(home / "Première base.sqlite3"))
    window.statusBar().clearMessage()  # (it names a temporary folder)
    app.processEvents()
    target = output / "0-bienvenue.png"
    window.grab().save(str(target))
    print(target)
    assert window.first_run.page is not None
    window.first_run.page.new_cohort_button.click()
    app.processEvents()
    dialog = window.findChild(CohortDialog)
    assert dialog is not None
    target = output / "0-nouvelle-promotion.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.reject()
    window.close()
    if window.database is not None:
        window.database.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
