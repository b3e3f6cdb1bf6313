"""The Cohorte tab's « Courriers » button: write letters or e-mails to the people selected,
record their answers to a campaign, edit the templates. The dialogs load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from coachdesk.ui.widgets import messages

if TYPE_CHECKING:
    from coachdesk.db import Database


class CohortTab(Protocol):
    """What the menu needs of the Cohorte tab (the tab imports this module)."""

    database: Database | None
    cohort_id: str | None

    def selected_ids(self) -> list[str]: ...

    def _show(self, dialog: Any) -> None: ...

    def _changed(self) -> None: ...


def letters_button(tab: CohortTab) -> QPushButton:
    """The button and its menu; each entry opens its dialog over the tab's selection."""
    button = QPushButton(QCoreApplication.translate("LettersMenu", "Letters"))
    button.setObjectName("lettersButton")
    menu = QMenu(button)
    menu.setObjectName("lettersMenu")
    write = menu.addAction(QCoreApplication.translate("LettersMenu", "Write letters or e-mails…"))
    write.setObjectName("writeLettersAction")
    write.triggered.connect(lambda: open_letters(tab))
    answers = menu.addAction(
        QCoreApplication.translate("LettersMenu", "Record answers to a campaign…"))
    answers.setObjectName("campaignAnswersAction")
    answers.triggered.connect(lambda: open_answers(tab))
    templates = menu.addAction(
        QCoreApplication.translate("LettersMenu", "Edit the letter templates…"))
    templates.setObjectName("letterTemplatesAction")
    templates.triggered.connect(lambda: open_templates(tab))
    button.setMenu(menu)
    return button


def _show(tab: CohortTab, dialog: Any) -> None:
    dialog.accepted.connect(tab._changed)
    tab._show(dialog)


def open_letters(tab: CohortTab) -> None:
    if tab.database is None or tab.cohort_id is None:
        return
    from coachdesk.ui.cohort.letters_dialog import LettersDialog

    _show(tab, LettersDialog(tab.database, tab.cohort_id, tab.selected_ids(),
                             cast(QWidget, tab)))


def open_answers(tab: CohortTab) -> None:
    if tab.database is None or tab.cohort_id is None:
        return
    from coachdesk.services.campaigns import campaign_names
    from coachdesk.ui.cohort.letters_dialog import AnswersDialog

    chosen = tab.selected_ids()
    title = QCoreApplication.translate("LettersMenu", "Answers to a campaign")
    if not campaign_names(tab.database, tab.cohort_id):
        messages.info(cast(QWidget, tab), title, QCoreApplication.translate("LettersMenu",
            "No campaign has been recorded in this cohort yet: write letters or e-mails, or "
            "record a campaign, first."))
        return
    if not chosen:
        messages.info(cast(QWidget, tab), title, QCoreApplication.translate("LettersMenu",
            "Select in the list the people who answered (search or filter, then Ctrl+A)."))
        return
    _show(tab, AnswersDialog(tab.database, tab.cohort_id, chosen, cast(QWidget, tab)))


def open_templates(tab: CohortTab) -> None:
    if tab.database is None:
        return
    from coachdesk.ui.cohort.letters_dialog import TemplatesDialog

    _show(tab, TemplatesDialog(tab.database, cast(QWidget, tab)))
