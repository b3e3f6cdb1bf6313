"""The Cohorte tab: every participant of the cohort with their stage, searchable as you type,
and the coach's daily work from here — import, phoning, campaigns, information sessions,
selection interviews and each person's file."""

from __future__ import annotations

import logging
from collections import Counter
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import changes
from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.participant_list import PARTICIPANT_ROW_TABLES, search_rows
from coachdesk.services.text import person_name
from coachdesk.ui.cohort.letters_menu import letters_button
from coachdesk.ui.cohort.people_model import PeopleModel
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.list_tab import ListTab, make_table_view
from coachdesk.ui.widgets.person_picker import PERSON_COLUMNS
from coachdesk.ui.widgets.table_model import Column

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from coachdesk.changes import Change
    from coachdesk.db import Database
    from coachdesk.services.contact_import import ImportReport
    from coachdesk.services.first_look import FirstLook
    from coachdesk.services.participant_list import ListedPerson, ParticipantRow
    from coachdesk.ui.cohort.people_model import RowReader

COLUMNS: list[Column[ParticipantRow]] = [
    *PERSON_COLUMNS,
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Source"), lambda r: r.provenance),
    Column(QT_TRANSLATE_NOOP("Columns", "Coach"), lambda r: r.coach),
    Column(QT_TRANSLATE_NOOP("Columns", "Adult"), lambda r: r.is_adult),
]


log = logging.getLogger(__name__)

# Beyond this many people changed at once, reading the whole list again is cheaper.
FEW_PEOPLE = 2000


class CohortTab(ListTab):
    """The cohort's people. After a write it reads again only the people the write concerned
    (at 80,000 people a whole reload stalls the window for seconds): the rows are put in
    place in the model, the selection and the scroll position kept."""

    READS = PARTICIPANT_ROW_TABLES
    # A cohort to show, by name (the one contacts were just imported into).
    show_cohort = Signal(str)

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self._per_stage: Counter[str] = Counter()
        # People a write concerned, to read again when the tab is next shown.
        self._pending_people: set[str] = set()
        # The database whose refresh query was prepared (compiled statements are per database).
        self._refresh_prepared: Database | None = None
        self.dialog: QWidget | None = None  # the screen opened last, kept for tests
        # The file whose first look is shown, until its database is attached.
        self._first_look: Path | None = None

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, label, slot in (
            ("new", self.tr("New participant"), self.create_new),
            ("open", self.tr("Open the file"), self.open_selected),
            ("import", self.tr("Import contacts…"), self.open_import),
            ("calls", self.tr("Call sheet…"), self.open_call_sheet),
            ("campaign", self.tr("Record a campaign…"), self.open_campaign),
            ("sessions", self.tr("Information sessions…"), self.open_sessions),
            ("selection", self.tr("Selection interviews…"), self.open_selection),
            ("merge", self.tr("Merge two files…"), self.open_merge),
        ):
            button = QPushButton(label)
            button.setObjectName(f"{name}Button")
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[name] = button
        self.buttons["letters"] = letters_button(self)
        actions.addWidget(self.buttons["letters"])
        actions.addStretch(1)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        actions.addWidget(self.delete_button)

        filters = QHBoxLayout()
        search_column = QVBoxLayout()
        search_column.setSpacing(2)
        self.search = QLineEdit()
        self.search.setObjectName("participantSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a phone number or an e-mail…"))
        self.search.setClearButtonEnabled(True)
        self.search_hint = QLabel(self.tr(
            "The search starts from 2 characters; accents and capitals are ignored."))
        self.search_hint.setObjectName("searchHint")
        self.search_hint.setEnabled(False)  # drawn greyed: a hint, not data
        search_column.addWidget(self.search)
        search_column.addWidget(self.search_hint)
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.addItem(self.tr("All stages"), None)
        for code, label in codes.STAGES.items():
            self.stage_filter.addItem(label, code)
        filters.addLayout(search_column, 3)
        filters.addWidget(self.stage_filter, 1)
        self.model = PeopleModel(COLUMNS, self)
        self.view = make_table_view(self.model, "participantTable")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.activated.connect(lambda index: self.open_file(self.model.row_at(index.row()).id))
        self.views.append(self.view)
        self.layout_.addLayout(actions)
        self.layout_.addLayout(filters)
        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.count_label)
        # Coalesce fast typing into one refresh.
        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.stage_filter.currentIndexChanged.connect(self.apply_filter)
        self._enable_actions()

    # The list ---------------------------------------------------------------------------------
    def load(self) -> None:
        from coachdesk.services.lists import listed_people

        self._first_look = None
        if self.cohort_id is None:
            self._show_people([])
        else:
            assert self.database is not None
            self._show_people(listed_people(self.database, self.cohort_id),
                              read=self._reader(self.database, self.cohort_id))
            self.model.fill_in_background()

    @staticmethod
    def _reader(database: Database, cohort_id: str) -> RowReader:
        from coachdesk.services.lists import participant_rows

        return lambda people: participant_rows(database, cohort_id, people=people)

    def show_first_look(self, look: FirstLook) -> None:
        """Show the list the window's first look read (``services.first_look``). The database
        then attached is the same file, unchanged since: the list is not read again."""
        self.cohort_id = look.cohort_id
        self._first_look = look.path
        self._stale = False
        self.shown_serial = changes.current_serial()
        from coachdesk.services.first_look import read_rows

        self._show_people(look.people, look.rows, partial(read_rows, look))
        self.fit_columns_once()

    def forget_first_look(self) -> None:
        """The first look's database could not be opened: nothing is shown."""
        self._first_look = None
        self.cohort_id = None
        self._show_people([])

    def set_database(self, database: Database | None) -> None:
        first_look = self._first_look
        super().set_database(database)
        if (first_look is not None and database is not None and database.path is not None
                and database.path.resolve() == first_look.resolve()):
            self._stale = False  # (still the first look's rows, until the cohort is set)
        else:
            self._first_look = None

    def set_cohort(self, cohort_id: str | None) -> None:
        first_look, self._first_look = self._first_look, None
        first_look_cohort = self.cohort_id
        if (first_look is not None and not self._stale and self.database is not None
                and first_look_cohort is not None and cohort_id == first_look_cohort):
            # The window's first look showed this very list: it stays, now with its database.
            self.model.set_reader(self._reader(self.database, first_look_cohort))
            self.model.fill_in_background()
            self._enable_actions()
            database = self.database
            QTimer.singleShot(0, lambda: self._prepare_refresh(database))
            return
        super().set_cohort(cohort_id)

    def _show_people(self, people: list[ListedPerson], rows: list[ParticipantRow] | None = None,
                     read: RowReader | None = None) -> None:
        self._pending_people.clear()
        # (Counted by Python's C code: 80,000 people at start-up.)
        self._per_stage = Counter(map(attrgetter("stage"), people))
        self.model.set_people(people, rows or (), read)
        self._show_count()
        self._enable_actions()
        if people and self._refresh_prepared is not self.database:
            # Once the list is shown: the query that reads again the rows an edit changed is
            # compiled now, so the coach's first edit does not wait for it.
            database = self.database
            QTimer.singleShot(0, lambda: self._prepare_refresh(database))

    def _prepare_refresh(self, database: Database | None) -> None:
        from coachdesk.services.lists import participant_rows

        if (database is None or database is not self.database or self.cohort_id is None
                or self._refresh_prepared is database or not self.isEnabled()):
            return  # another database since (restored, protected…), or locked
        self._refresh_prepared = database
        try:
            participant_rows(database, self.cohort_id, people=set())
        except Exception as exc:  # only a head start: the edit's refresh reads for itself
            log.debug("refresh query not prepared: %s", type(exc).__name__)

    def data_changed(self, change: Change) -> None:
        """Read again the people a write concerned, or the whole list when it is not known
        whom it concerned (an import, a session moved…) or when it concerned very many."""
        if change.serial <= self.shown_serial or not change.touches(self.READS):
            return
        people = change.people_touched(self.READS)
        if self._stale or people is None or len(people) + len(self._pending_people) > FEW_PEOPLE:
            super().data_changed(change)
            return
        self._pending_people |= people
        if self.isVisible() and self.isEnabled():
            self._refresh_people()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._pending_people and not self._stale:
            self._refresh_people()

    def _refresh_people(self) -> None:
        from coachdesk.services.lists import participant_rows

        people, self._pending_people = self._pending_people, set()
        if self.database is None or self.cohort_id is None:
            return
        self.shown_serial = changes.current_serial()
        rows = participant_rows(self.database, self.cohort_id, people=people)
        for person in people:
            old = self.model.row_by_id(person)
            if old is not None:
                self._per_stage[old.stage] -= 1
        self._per_stage.update(row.stage for row in rows)
        # Row by row: the list keeps its selection and its scroll position.
        self.model.put_people(rows, removed=people - {row.id for row in rows})
        self._show_count()

    def _enable_actions(self) -> None:
        ready = self.database is not None and self.cohort_id is not None
        why = "" if ready else self.tr(
            "There is no cohort yet: create one, or import a contact file.")
        for button in (*self.buttons.values(), self.delete_button):
            explain_enabled(button, ready, why)
        # Importing into a database without a cohort creates one.
        explain_enabled(self.buttons["import"], self.database is not None,
                        self.tr("No database is open."))

    def _keep(self) -> Callable[[list[ListedPerson]], list[ListedPerson]]:
        text, stage = self.search.text(), self.stage_filter.currentData()
        return lambda rows: search_rows(rows, text, stage)

    def apply_filter(self) -> None:
        self.model.set_filter(self._keep())
        self._show_count()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        # Numbers as the coach writes them (« 80 000 »), as the translation's %Ln does.
        number = QLocale().toString
        everyone = sum(self._per_stage.values())
        detail = " · ".join(
            f"{label} : {number(self._per_stage[code])}"
            for code, label in codes.STAGES.items()
            if self._per_stage[code]
        )
        self.count_label.setText(
            self.tr("%n participant(s) shown of %1", "", shown).replace("%1", number(everyone))
            + (f" — {detail}" if detail else "")
        )

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(row).id for row in rows]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _changed(self) -> None:
        # What this tab's own screen wrote is shown at once, in every view.
        change_relay().flush()

    def _show(self, dialog: Any) -> None:
        self.dialog = dialog
        if hasattr(dialog, "changed"):
            dialog.changed.connect(self._changed)
        dialog.open()

    # The participant file ---------------------------------------------------------------------
    def create_new(self) -> None:
        """Ctrl+N: a new participant's file."""
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.participant_file import ParticipantFileDialog

        dialog = ParticipantFileDialog(self.database, self.cohort_id, None, self)
        # « This person may already be listed »: the coach opens the existing file instead.
        dialog.open_existing.connect(self.open_file)
        self._show(dialog)

    def open_file(self, participant_id: str) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.participant_file import ParticipantFileDialog

        try:
            dialog = ParticipantFileDialog(self.database, self.cohort_id, participant_id, self)
        except UserError as error:
            messages.user_error(self, error)
            self.reload()
            return
        self._show(dialog)

    def open_selected(self) -> None:
        chosen = self.selected_ids()
        if not chosen:
            messages.info(self, self.tr("Participant file"),
                          self.tr("Select a person in the list first."))
            return
        self.open_file(chosen[0])

    def delete_selected(self) -> None:
        from coachdesk.services.participants import delete_participant

        chosen = self.selected_ids()
        if self.database is None or not chosen:
            messages.info(self, self.tr("Delete"), self.tr("Select a person in the list first."))
            return
        whole = self.model.whole_row_by_id(chosen[0])
        name = "" if whole is None else person_name(whole.last_name, whole.first_name)
        question = (
            self.tr("Delete %1 and everything recorded about them? This cannot be undone.")
            .replace("%1", name) if len(chosen) == 1 and name else
            self.tr("Delete these %n people and everything recorded about them? This cannot "
                    "be undone.", "", len(chosen))
        )
        if not messages.confirm(self, self.tr("Delete"), question):
            return
        try:
            for participant_id in chosen:
                delete_participant(self.database, participant_id)
        except UserError as error:
            messages.user_error(self, error)
        self._changed()

    def open_merge(self) -> None:
        """Merge the two files selected in the list (one person listed twice)."""
        chosen = self.selected_ids()
        if self.database is None or len(chosen) != 2:
            messages.info(self, self.tr("Merge two files"), self.tr(
                "Select in the list the two files of the same person (Ctrl+click), then "
                "merge them."))
            return
        from coachdesk.ui.cohort.duplicates import MergeDialog

        try:
            dialog = MergeDialog(self.database, chosen[0], chosen[1], self)
        except UserError as error:
            messages.user_error(self, error)
            return
        self._show(dialog)

    # Reaching the contacts --------------------------------------------------------------------
    def open_import(self) -> None:
        if self.database is None:
            return
        from coachdesk.services.cohorts import cohort_choices
        from coachdesk.ui.cohort.import_wizard import ImportWizard

        names = {row.id: row.name for row in cohort_choices(self.database)}
        wizard = ImportWizard(self.database, names.get(self.cohort_id or "", ""), self)
        wizard.imported.connect(self._imported)
        self._show(wizard)

    def _imported(self, report: ImportReport) -> None:
        self._changed()
        # The coach sees the people just imported, in the cohort they went into.
        self.show_cohort.emit(report.cohort_name)

    def open_call_sheet(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.call_sheet import CallSheet

        sheet = CallSheet(self.database, self.cohort_id, parent=self)
        sheet.recorded.connect(self._changed)
        self._show(sheet)

    def open_campaign(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.call_sheet import CampaignDialog

        chosen = self.selected_ids()
        if not chosen:
            messages.info(self, self.tr("Record a campaign"), self.tr(
                "Select in the list the people who received the mailing or the invitation "
                "(search or filter, then Ctrl+A)."))
            return
        dialog = CampaignDialog(self.database, chosen, parent=self)
        dialog.accepted.connect(self._changed)
        self._show(dialog)

    def open_sessions(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.info_sessions import InfoSessionsDialog

        self._show(InfoSessionsDialog(self.database, self.cohort_id, self))

    def open_selection(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        from coachdesk.ui.cohort.selection_dialogs import SelectionDialog

        self._show(SelectionDialog(self.database, self.cohort_id, self))
