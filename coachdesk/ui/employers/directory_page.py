"""The employer directory page of the Employeurs tab: employers searched as the coach types,
each one's contact persons and tutors (with their legal warnings) and prospecting log."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.employers.pages import DIRECTORY_PAGE, EmployersPage, boxed, current_row, hbox
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel, sort_key

if TYPE_CHECKING:
    from coachdesk.services.employers import ContactRow, DirectoryStamp, EmployerRow, ProspectingRow


def _warnings(row: ContactRow) -> str:
    return " ".join(row.warnings)


EMPLOYER_COLUMNS: list[Column[EmployerRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "SIRET"), lambda r: r.siret),
    Column(QT_TRANSLATE_NOOP("Columns", "NAF"), lambda r: r.naf_code),
    Column(QT_TRANSLATE_NOOP("Columns", "OPCO"), lambda r: r.opco),
    Column(QT_TRANSLATE_NOOP("Columns", "Reached via"), lambda r: r.reached_via_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Open offers"), lambda r: r.open_offers, align_right=True),
]


CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.full_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: r.role),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
    Column(QT_TRANSLATE_NOOP("Columns", "Tutor"), lambda r: r.is_tutor),
    Column(QT_TRANSLATE_NOOP("Columns", "Experience (years)"), lambda r: r.tutor_experience_years,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Trainees"), lambda r: r.active_trainees,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Warnings"), _warnings),
]


PROSPECTING_COLUMNS: list[Column[ProspectingRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.done_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda r: r.channel_label),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda r: r.author),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome"), lambda r: r.outcome),
    Column(QT_TRANSLATE_NOOP("Columns", "Next step"), lambda r: r.next_step),
    Column(QT_TRANSLATE_NOOP("Columns", "Next step on"), lambda r: r.next_step_on),
]


class DirectoryModel(RowTableModel["EmployerRow"]):
    """The employer directory: every employer held once, the rows shown filtered by a search.

    The full list is sorted when read or when a header is clicked; a search keeps its order,
    so a keystroke neither queries nor sorts (10,000 employers filter in a few ms).
    """

    def __init__(self, columns: Sequence[Column[EmployerRow]],
                 sort_keys: dict[int, Callable[[EmployerRow], Any]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._all: list[EmployerRow] = []
        self._words: list[str] = []
        # Per column, a ready sort key that spares folding every value (the name's is stored).
        self._sort_keys = sort_keys

    def set_rows(self, rows: Sequence[EmployerRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._rows = self._filtered()
        self.endResetModel()

    def all_rows(self) -> list[EmployerRow]:
        return list(self._all)

    def total(self) -> int:
        """Rows held, whether the search shows them or not."""
        return len(self._all)

    def set_search(self, search: str) -> None:
        from coachdesk.services.employers import search_words

        words = search_words(search)
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[EmployerRow]:
        words = self._words
        if not words:
            return list(self._all)
        return [row for row in self._all if row.matches(words)]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # The selection follows its employer to its new place.
        persistent = self.persistentIndexList()
        kept = [(index, self._rows[index.row()]) for index in persistent]
        self._sort = (column, order)
        self._sort_all(column, order)
        self._rows = self._filtered()
        position = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[row.id], index.column()) for index, row in kept],
        )
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        key = self._sort_keys.get(column)
        if key is None:
            getter = self._columns[column].value
            # Towns, OPCOs and NAF codes repeat: each distinct value is folded once.
            folded: dict[Any, Any] = {}

            def key(row: EmployerRow) -> Any:
                value = getter(row)
                try:
                    return folded[value]
                except KeyError:
                    result = folded[value] = sort_key(value)
                    return result

        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class DirectoryPage(EmployersPage):
    """The « Employer directory » page: its widgets, loading and actions."""

    # What the directory shown was read from, to read it again only after a change.
    _directory_stamp: DirectoryStamp | None
    _directory_size: int
    # The employer whose contacts and prospecting are shown.
    _detail_id: str | None

    def _directory_page(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("employerSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a town or a SIRET…"))
        self.search.setClearButtonEnabled(True)
        self.new_employer_button = QPushButton(self.tr("New employer…"))
        self.edit_employer_button = QPushButton(self.tr("Edit…"))
        self.employer_model = DirectoryModel(
            EMPLOYER_COLUMNS, {0: lambda row: (0, row.name_key)}, self)
        self.employer_view = make_table_view(self.employer_model, "employerTable")
        self.contact_model: RowTableModel[ContactRow] = RowTableModel(CONTACT_COLUMNS, self)
        self.contact_view = make_table_view(self.contact_model, "contactTable", sortable=False)
        self.tutor_warnings = QLabel()
        self.tutor_warnings.setObjectName("tutorWarnings")
        self.tutor_warnings.setWordWrap(True)
        self.tutor_warnings.setStyleSheet("color: #9a5b00;")
        self.add_contact_button = QPushButton(self.tr("New contact person…"))
        self.edit_contact_button = QPushButton(self.tr("Edit the contact…"))
        self.prospecting_model: RowTableModel[ProspectingRow] = RowTableModel(
            PROSPECTING_COLUMNS, self)
        self.prospecting_view = make_table_view(self.prospecting_model, "prospectingTable",
                                                sortable=False)
        self.prospecting_button = QPushButton(self.tr("Log a contact…"))
        self.reminder_button = QPushButton(self.tr("Reminder…"))
        self.reminder_button.setObjectName("employerReminder")
        self.employer_heading = QLabel()
        self.employer_heading.setObjectName("employerHeading")
        detail = QTabWidget()
        detail.addTab(boxed("", self.contact_view, self.tutor_warnings,
                             hbox(self.add_contact_button, self.edit_contact_button)),
                      self.tr("Contact persons and tutors"))
        detail.addTab(boxed("", self.prospecting_view,
                            hbox(self.prospecting_button, self.reminder_button)),
                      self.tr("Prospecting log"))
        self.employer_detail = detail
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.employer_heading)
        right_layout.addWidget(detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.employer_view)
        splitter.addWidget(right)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(hbox(self.search, self.new_employer_button, self.edit_employer_button,
                              stretch=False))
        layout.addWidget(splitter, 1)
        # Filtering the loaded rows takes a few ms: each keystroke is answered at once.
        self.search.textChanged.connect(self.filter_employers)
        self.employer_view.selectionModel().currentRowChanged.connect(self._employer_changed)
        self.employer_view.doubleClicked.connect(lambda _index: self.edit_employer())
        self.new_employer_button.clicked.connect(self.create_new)
        self.edit_employer_button.clicked.connect(self.edit_employer)
        self.add_contact_button.clicked.connect(lambda: self.edit_contact(new=True))
        self.edit_contact_button.clicked.connect(lambda: self.edit_contact(new=False))
        self.contact_view.doubleClicked.connect(lambda _index: self.edit_contact(new=False))
        self.prospecting_button.clicked.connect(self.log_prospecting)
        self.reminder_button.clicked.connect(self.remind)
        return page

    def load_employers(self) -> None:
        """Show the directory, read again only if employers or offers changed since."""
        from coachdesk.services.employers import directory_stamp, list_employers, open_offer_counts

        if self.database is None:
            return
        self._page_loaded[DIRECTORY_PAGE] = True
        stamp = directory_stamp(self.database)
        known = self._directory_stamp
        model = self.employer_model
        rows: list[EmployerRow] | None = None
        if (known is None or stamp.employers != known.employers
                or model.total() != self._directory_size):
            # Never read, emptied (the window locked) or employers changed: read it all.
            rows = list_employers(self.database)
        elif stamp.offers != known.offers:
            # Only offers changed: their counts per employer, one grouped query.
            counts = open_offer_counts(self.database)
            rows = [row if row.open_offers == counts.get(row.id, 0)
                    else replace(row, open_offers=counts.get(row.id, 0))
                    for row in model.all_rows()]
        if rows is not None:
            selected = self.selected_employer()
            model.set_rows(rows)
            self._directory_stamp = stamp
            self._directory_size = len(rows)
            if selected is not None:
                self.select_employer(selected.id)
        # Contacts and prospecting may have changed even when the directory did not.
        self._show_employer_detail(force=True)
        self._count()

    def filter_employers(self) -> None:
        """A keystroke in the search field: the loaded directory filtered, no query."""
        selected = self.selected_employer()
        self.employer_model.set_search(self.search.text())
        if selected is not None:
            self.select_employer(selected.id)
        self._show_employer_detail(force=False)
        self._count()

    def _employer_changed(self, *_args: Any) -> None:
        self._show_employer_detail(force=False)

    def _show_employer_detail(self, *, force: bool) -> None:
        """The contacts and prospecting of the selected employer, read again when it changes
        (or when ``force``: after a reload)."""
        from coachdesk.services.employers import list_contacts, list_prospecting

        employer = self.selected_employer()
        employer_id = employer.id if employer is not None else None
        if not force and employer_id == self._detail_id:
            self._update_buttons()
            return
        self._detail_id = employer_id
        contacts: list[ContactRow] = []
        steps: list[ProspectingRow] = []
        if employer is not None and self.database is not None:
            contacts = list_contacts(self.database, employer.id)
            steps = list_prospecting(self.database, employer.id)
            self.employer_heading.setText(
                f"<b>{html.escape(employer.name)}</b> — {html.escape(employer.city)}")
        else:
            self.employer_heading.setText(self.tr("Select an employer to see its contacts and "
                                                  "prospecting."))
        self.contact_model.set_rows(contacts)
        self.prospecting_model.set_rows(steps)
        for view in (self.contact_view, self.prospecting_view):
            if view.model().rowCount():
                fit_columns(view)
        warnings = [f"⚠ {row.full_name} : {text}" for row in contacts for text in row.warnings]
        self.tutor_warnings.setText("\n".join(warnings))
        self.tutor_warnings.setVisible(bool(warnings))
        self._update_buttons()

    def selected_employer(self) -> EmployerRow | None:
        selected: EmployerRow | None = current_row(self.employer_view, self.employer_model)
        return selected

    def select_employer(self, employer_id: str) -> bool:
        return self.select_in(self.employer_view, self.employer_model,
                              lambda row: row.id == employer_id)

    def show_employer(self, employer_id: str) -> bool:
        """Show the directory page with this employer selected (a reminder about it opens it
        from the agenda), the search emptied if it hid it; False when it is not listed."""
        if self._stale:
            self.reload()
        self.pages.setCurrentIndex(DIRECTORY_PAGE)
        if not self._page_loaded[DIRECTORY_PAGE]:
            self.load_employers()
        found = self.select_employer(employer_id)
        if not found and self.search.text():
            self.search.clear()  # (filters the list again at once)
            found = self.select_employer(employer_id)
        if found:
            self.employer_view.scrollTo(self.employer_view.currentIndex())
            self.employer_view.setFocus()
        return found

    def create_new(self) -> None:
        """Ctrl+N: a new employer in the directory."""
        from coachdesk.ui.employers.dialogs import EmployerDialog

        if self.database is None:
            return
        self.pages.setCurrentIndex(0)
        dialog = EmployerDialog(self.database, None, self)
        dialog.accepted.connect(lambda: self._select_after_save(dialog))
        self._open(dialog)

    def _select_after_save(self, dialog: Any) -> None:
        self.reload()
        if dialog.saved_id:
            self.select_employer(dialog.saved_id)

    def edit_employer(self) -> None:
        from coachdesk.ui.employers.dialogs import EmployerDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        self._open(EmployerDialog(self.database, employer.id, self))

    def edit_contact(self, *, new: bool) -> None:
        from coachdesk.ui.employers.dialogs import ContactDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        existing = None if new else current_row(self.contact_view, self.contact_model)
        if not new and existing is None:
            if self.contact_model.rowCount() != 1:
                messages.info(self, self.tr("Contact persons"),
                              self.tr("Select the contact to edit in the list."))
                return
            existing = self.contact_model.row_at(0)
        self._open(ContactDialog(self.database, employer.id, existing, self))

    def log_prospecting(self) -> None:
        from coachdesk.ui.employers.dialogs import ProspectingDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        self._open(ProspectingDialog(self.database, employer.id, parent=self))

    def remind(self) -> None:
        """A reminder about the employer (« relancer pour l'offre »), in the week's agenda."""
        from coachdesk.ui.widgets.clock import database_day
        from coachdesk.ui.widgets.reminder_dialog import ReminderDialog

        employer = self.selected_employer()
        if self.database is not None and employer is not None:
            # Linked to the employer, which the agenda names beside the text.
            self._open(ReminderDialog(self.database, None, database_day(self.database),
                                      who=employer.name, employer_id=employer.id,
                                      parent=self))

    def _update_directory_buttons(self) -> None:
        has_employer = self.selected_employer() is not None
        no_employer = self.tr("Select an employer in the list first.")
        explain_enabled(self.edit_employer_button, has_employer, no_employer)
        explain_enabled(self.add_contact_button, has_employer, no_employer)
        explain_enabled(
            self.edit_contact_button, has_employer and self.contact_model.rowCount() > 0,
            no_employer if not has_employer else self.tr("This employer has no contact yet."))
        explain_enabled(self.prospecting_button, has_employer, no_employer)
        explain_enabled(self.reminder_button, has_employer, no_employer)

