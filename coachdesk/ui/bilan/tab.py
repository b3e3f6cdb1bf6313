"""The Bilan tab: groups and their calendar, attendance, where each participant stands, skill
assessments and professional projects.

Everything is read and written through ``coachdesk.services.bilan`` (Qt-free). Lists are
``RowTableModel``s over the services' frozen rows; the attendance grid is a small checkable
model of its own (members × sessions of one group).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.text import fold, person_name
from coachdesk.ui.bilan.enrolment_bar import ENROLMENT_COLUMNS, BilanTableModel, EnrolmentBar
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.list_tab import ListTab, fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel, percent

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.bilan import ProjectRow, SessionRow, SkillRow
    from coachdesk.services.lists import BilanRow


def _gain(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}".replace(".", ",")


def _points(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


COLUMNS: list[Column[BilanRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda r: r.group),
    Column(QT_TRANSLATE_NOOP("Columns", "Started on"), lambda r: r.started_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Bilan status"), lambda r: r.status),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Attendance"),
        lambda r: r.attendance_rate,
        display=percent,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Average gain (/20)"),
        lambda r: r.average_gain,
        display=_gain,
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Professional project"), lambda r: r.project),
    Column(QT_TRANSLATE_NOOP("Columns", "Decision"), lambda r: r.project_decision),
]
# The place in the training (provisional enrolment, deadline, days left) next to the name: in
# May–July it is what the coach watches in this list.
COLUMNS[1:1] = ENROLMENT_COLUMNS

SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.held_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Part"), lambda r: r.part_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Session"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Trainer"), lambda r: r.trainer),
    Column(QT_TRANSLATE_NOOP("Columns", "Present"), lambda r: r.present, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Absent"), lambda r: r.absent, align_right=True),
]

SKILL_COLUMNS: list[Column[SkillRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Domain"), lambda r: r.domain_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Out of"), lambda r: r.max_score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Before"), lambda r: r.score_before, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "After"), lambda r: r.score_after, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Gain"), lambda r: r.gain, display=_points,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Assessed on"), lambda r: r.assessed_before_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Reassessed on"), lambda r: r.assessed_after_on),
]

PROJECT_COLUMNS: list[Column[ProjectRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Target job"), lambda r: r.job_title),
    Column(QT_TRANSLATE_NOOP("Columns", "ROME"), lambda r: r.rome_code),
    Column(QT_TRANSLATE_NOOP("Columns", "Decision"), lambda r: r.decision_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Decided on"), lambda r: r.decided_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Directly employable"), lambda r: r.directly_employable),
]


# Column headers of the attendance grid are narrow: the parts by their usual initials.
PART_SHORT = {"bilan": "Bilan", "remise_a_niveau": "RAN", "tre": "TRE"}


class AttendanceModel(QAbstractTableModel):
    """Members of a group (rows) × its sessions (columns): ticked when present.

    Ticking or unticking a cell records that person's presence at that session at once.
    """

    def __init__(self, database: Database | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.members: list[tuple[str, str]] = []  # (participant id, name)
        self.sessions: list[SessionRow] = []
        self.marks: dict[tuple[str, str], bool] = {}  # (session id, participant id) → present

    def load(self, group_id: str | None) -> None:
        from coachdesk.services import bilan

        self.beginResetModel()
        self.members, self.sessions, self.marks = [], [], {}
        if group_id and self.database is not None:
            # The members' list is read as on a day far ahead: everyone ever in the group.
            standing = bilan.group_overview(self.database, group_id, on=date.max)
            self.members = sorted(
                ((m.participant_id, person_name(m.last_name, m.first_name)) for m in standing),
                key=lambda member: fold(member[1]),
            )
            _parts, self.sessions = bilan.group_calendar(self.database, group_id)
            for session in self.sessions:
                for person, present in bilan.session_attendance(self.database, session.id).items():
                    self.marks[(session.id, person)] = present
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sessions)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        key = (self.sessions[index.column()].id, self.members[index.row()][0])
        mark = self.marks.get(key)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if mark else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            session = self.sessions[index.column()]
            state = {True: "Présent·e", False: "Absent·e", None: "Non pointé·e"}[mark]
            return f"{self.members[index.row()][1]} — {session.title} : {state}"
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or self.database is None:
            return False
        from coachdesk.services import bilan

        present = Qt.CheckState(value) == Qt.CheckState.Checked
        session_id = self.sessions[index.column()].id
        participant_id = self.members[index.row()][0]
        bilan.record_attendance(self.database, session_id, {participant_id: present})
        self.marks[(session_id, participant_id)] = present
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                session = self.sessions[section]
                return f"{session.held_on:%d/%m}\n{PART_SHORT.get(session.part, '')}"
            return self.members[section][1]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            session = self.sessions[section]
            return f"{session.held_on:%d/%m/%Y} — {session.part_label} — {session.title}"
        return None


def _boxed(title: str, *widgets: Any) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in widgets:
        if isinstance(widget, QWidget):
            layout.addWidget(widget)
        else:
            layout.addLayout(widget)
    return box


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class BilanTab(ListTab):
    """Bilan groups of the selected cohort, and each participant's skills and projects."""

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.dialog: QDialog | None = None
        self._groups: list[Any] = []

        # Group selection and calendar ---------------------------------------------------------
        self.group_selector = QComboBox()
        self.group_selector.setObjectName("groupSelector")
        self.group_selector.setMinimumContentsLength(28)
        self.new_group_button = QPushButton(self.tr("New group…"))
        self.add_member_button = QPushButton(self.tr("Add a participant…"))
        self.new_session_button = QPushButton(self.tr("New session…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bilan group:")))
        top.addWidget(self.group_selector)
        top.addWidget(self.new_group_button)
        top.addWidget(self.add_member_button)
        top.addWidget(self.new_session_button)
        top.addStretch(1)
        self.calendar_label = QLabel()
        self.calendar_label.setObjectName("calendarLabel")
        self.calendar_label.setWordWrap(True)

        # Where each participant stands, with the selected person's skills and projects -------
        self.model = BilanTableModel(COLUMNS, self)
        self.view = make_table_view(self.model, "bilanTable")
        # Several people at once (Ctrl, Shift): the enrolment bar acts on the selection, also
        # from the list's context menu.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.enrolment_bar = EnrolmentBar(self, self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions(list(self.enrolment_bar.actions_))
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.enrolment_bar)
        listing_layout.addWidget(self.view, 1)
        self.skill_model: RowTableModel[SkillRow] = RowTableModel(SKILL_COLUMNS, self)
        self.skill_view = make_table_view(self.skill_model, "skillTable", sortable=False)
        self.project_model: RowTableModel[ProjectRow] = RowTableModel(PROJECT_COLUMNS, self)
        self.project_view = make_table_view(self.project_model, "projectTable", sortable=False)
        self.skill_button = QPushButton(self.tr("Record scores…"))
        self.edit_skill_button = QPushButton(self.tr("Correct scores…"))
        self.project_button = QPushButton(self.tr("New project…"))
        self.decide_button = QPushButton(self.tr("Decision…"))
        self.status_button = QPushButton(self.tr("Status in the bilan…"))
        self.person_label = QLabel()
        self.person_label.setObjectName("personLabel")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        person_row = QHBoxLayout()
        person_row.addWidget(self.person_label, 1)
        person_row.addWidget(self.status_button)
        detail_layout.addLayout(person_row)
        boxes = QHBoxLayout()
        boxes.addWidget(_boxed(self.tr("Skill assessments (before and after the remise à niveau)"),
                               self.skill_view,
                               _buttons(self.skill_button, self.edit_skill_button)), 1)
        boxes.addWidget(_boxed(self.tr("Professional projects"), self.project_view,
                               _buttons(self.project_button, self.decide_button)), 1)
        detail_layout.addLayout(boxes)
        standing = QSplitter(Qt.Orientation.Vertical)
        standing.addWidget(listing)
        standing.addWidget(detail)
        standing.setStretchFactor(0, 3)
        standing.setStretchFactor(1, 2)

        # Sessions and attendance ---------------------------------------------------------------
        self.session_model: RowTableModel[SessionRow] = RowTableModel(SESSION_COLUMNS, self)
        self.session_view = make_table_view(self.session_model, "sessionTable", sortable=False)
        self.attendance_model = AttendanceModel(database, self)
        self.attendance_view = QTableView()
        self.attendance_view.setObjectName("attendanceGrid")
        self.attendance_view.setModel(self.attendance_model)
        self.attendance_view.horizontalHeader().setDefaultSectionSize(56)
        self.attendance_view.verticalHeader().setDefaultSectionSize(24)
        attendance = QSplitter(Qt.Orientation.Vertical)
        attendance.addWidget(_boxed(self.tr("Sessions"), self.session_view))
        attendance.addWidget(_boxed(self.tr("Attendance: tick who was present"),
                                    self.attendance_view))
        attendance.setStretchFactor(1, 3)

        self.pages = QTabWidget()
        self.pages.setObjectName("bilanPages")
        self.pages.addTab(standing, self.tr("Where each participant stands"))
        self.pages.addTab(attendance, self.tr("Sessions and attendance"))

        self.views += [self.view, self.session_view]
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.calendar_label)
        self.layout_.addWidget(self.pages, 1)
        self.layout_.addWidget(self.count_label)

        self.group_selector.currentIndexChanged.connect(self._group_changed)
        self.view.selectionModel().currentRowChanged.connect(self._person_changed)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_group_button.clicked.connect(self.create_new)
        self.add_member_button.clicked.connect(self.add_member)
        self.new_session_button.clicked.connect(self.add_session)
        self.skill_button.clicked.connect(lambda: self.edit_skill(new=True))
        self.edit_skill_button.clicked.connect(lambda: self.edit_skill(new=False))
        self.project_button.clicked.connect(self.add_project)
        self.decide_button.clicked.connect(self.decide_project)
        self.status_button.clicked.connect(self.change_status)
        self.skill_view.doubleClicked.connect(lambda _index: self.edit_skill(new=False))
        self.project_view.doubleClicked.connect(lambda _index: self.decide_project())
        self._update_buttons()

    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        self.attendance_model.database = database
        self.enrolment_bar.day_from_clock = True

    # Loading ----------------------------------------------------------------------------------
    def load(self) -> None:
        from coachdesk.services import bilan
        from coachdesk.services.lists import bilan_rows

        assert self.database is not None
        self.enrolment_bar.follow_database_day(self.database)
        rows: list[BilanRow] = []
        if self.cohort_id is not None:
            rows = bilan_rows(self.database, self.cohort_id, self.enrolment_bar.today)
        selected = self.selected_participant()
        chosen = {row.participant_id for row in self.selected_rows()}
        self.model.set_rows(rows)
        self.enrolment_bar.show_rows(rows)
        validated = sum(1 for row in rows if row.project_decision == "Validé")
        self.count_label.setText(
            self.tr("%n participant(s) in the bilan", "", len(rows))
            + " — "
            + self.tr("%n validated project(s)", "", validated)
        )
        current_group = self.group_id()
        self._groups = bilan.list_groups(self.database, self.cohort_id) if self.cohort_id else []
        self.group_selector.blockSignals(True)
        self.group_selector.clear()
        for group in self._groups:
            self.group_selector.addItem(
                self.tr("%1 (%n participant(s))", "", group.members).replace("%1", group.name),
                group.id,
            )
        index = self.group_selector.findData(current_group) if current_group else 0
        self.group_selector.setCurrentIndex(max(index, 0) if self._groups else -1)
        self.group_selector.blockSignals(False)
        self._group_changed()
        if selected:
            self.select_participant(selected)
        else:
            self._person_changed()
        if len(chosen) > 1:
            self.select_participants(chosen)

    def _group_changed(self) -> None:
        from coachdesk.services import bilan

        group_id = self.group_id()
        sessions: list[SessionRow] = []
        if group_id and self.database is not None:
            parts, sessions = bilan.group_calendar(self.database, group_id)
            group = next(g for g in self._groups if g.id == group_id)
            end = f"{group.end_date:%d/%m/%Y}" if group.end_date else "…"
            calendar = " · ".join(
                f"{part.label} : {part.start_date:%d/%m} – {part.end_date:%d/%m}"
                for part in parts
            )
            self.calendar_label.setText(
                self.tr("From %1 to %2").replace("%1", f"{group.start_date:%d/%m/%Y}")
                .replace("%2", end)
                + " — " + calendar + " — "
                + self.tr("%n session(s)", "", len(sessions))
            )
        else:
            self.calendar_label.setText(self.tr("No bilan group yet: create one (Ctrl+N)."))
        self.session_model.set_rows(sessions)
        self.attendance_model.load(group_id)
        self._update_buttons()

    def _person_changed(self, *_args: Any) -> None:
        from coachdesk.services import bilan

        person = self.selected_row()
        skills: list[SkillRow] = []
        projects: list[ProjectRow] = []
        if person is not None and self.database is not None:
            skills = bilan.list_skill_assessments(self.database, person.participant_id)
            projects = bilan.list_projects(self.database, person.participant_id)
            self.person_label.setText(f"<b>{person.name}</b> — {person.group} — {person.status}")
        else:
            self.person_label.setText(self.tr("Select a participant to see their skills and "
                                              "projects."))
        self.skill_model.set_rows(skills)
        self.project_model.set_rows(projects)
        # A handful of rows (or none: the headers): sizing them to their content costs nothing.
        for view in (self.skill_view, self.project_view):
            fit_columns(view)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_group = self.group_id() is not None
        has_person = self.selected_row() is not None
        explain_enabled(self.new_group_button, self.cohort_id is not None,
                        self.tr("There is no cohort yet: create one, or import a contact file."))
        no_group = self.tr("Create a bilan group first (New group…).")
        explain_enabled(self.add_member_button, has_group, no_group)
        explain_enabled(self.new_session_button, has_group, no_group)
        no_person = self.tr("Select a person in the list first.")
        for button in (self.skill_button, self.project_button, self.status_button):
            explain_enabled(button, has_person, no_person)
        explain_enabled(
            self.edit_skill_button, has_person and self.skill_model.rowCount() > 0,
            no_person if not has_person else self.tr("No marks entered yet for this person."))
        explain_enabled(
            self.decide_button, has_person and self.project_model.rowCount() > 0,
            no_person if not has_person else self.tr("No project recorded yet for this person."))
        self.enrolment_bar.update_actions()

    # Selection helpers ------------------------------------------------------------------------
    def group_id(self) -> str | None:
        value = self.group_selector.currentData()
        return str(value) if value else None

    def selected_row(self) -> BilanRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[BilanRow]:
        """The rows selected in the list (several with Ctrl or Shift), in list order."""
        indexes = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row_at(index.row()) for index in indexes]

    def select_participants(self, participant_ids: set[str]) -> None:
        """Select these people in the list, as Ctrl+click does."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        for number, row in enumerate(self.model.rows()):
            if row.participant_id in participant_ids:
                selection.select(self.model.index(number, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def selected_participant(self) -> str | None:
        row = self.selected_row()
        return row.participant_id if row else None

    def select_participant(self, participant_id: str) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.participant_id == participant_id:
                self.view.setCurrentIndex(self.model.index(number, 0))
                break
        self._person_changed()

    def _current(self, view: QTableView, model: RowTableModel[Any]) -> Any:
        index = view.currentIndex()
        if index.isValid():
            return model.row_at(index.row())
        return model.row_at(0) if model.rowCount() == 1 else None

    # Actions ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        """Open a dialog without blocking (tests fill it in), and refresh when it saves."""
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()

    open_dialog = _open

    def create_new(self) -> None:
        """Ctrl+N: a new bilan group for the selected cohort."""
        from coachdesk.ui.bilan.dialogs import GroupDialog

        if self.database is None or self.cohort_id is None:
            return
        self._open(GroupDialog(self.database, self.cohort_id, self))

    def add_member(self) -> None:
        from coachdesk.services.lists import people_furthest_first
        from coachdesk.ui.bilan.dialogs import MemberDialog

        group_id = self.group_id()
        if self.database is None or self.cohort_id is None or group_id is None:
            return
        members = {row.participant_id for row in self.model.rows()}
        # Selected people first: they are the ones who join a bilan.
        choices = [(person, name)
                   for person, name in people_furthest_first(self.database, self.cohort_id)
                   if person not in members]
        group = next(g for g in self._groups if g.id == group_id)
        self._open(MemberDialog(self.database, group_id, choices, group.start_date, self))

    def add_session(self) -> None:
        from coachdesk.ui.bilan.dialogs import SessionDialog

        group_id = self.group_id()
        if self.database is None or group_id is None:
            return
        group = next(g for g in self._groups if g.id == group_id)
        today = database_day(self.database)
        running = group.start_date <= today and (group.end_date is None or today <= group.end_date)
        self._open(SessionDialog(self.database, group_id, today if running else group.start_date,
                                 self))

    def change_status(self) -> None:
        from coachdesk.services import bilan
        from coachdesk.ui.bilan.dialogs import MemberStatusDialog

        person = self.selected_row()
        if self.database is None or person is None or self.cohort_id is None:
            return
        group_id = next((g.id for g in bilan.list_groups(self.database, self.cohort_id)
                         if g.name == person.group), None)
        if group_id is None:
            return
        self._open(MemberStatusDialog(self.database, group_id, person.participant_id,
                                      person.name, self))

    def edit_skill(self, *, new: bool) -> None:
        from coachdesk.ui.bilan.dialogs import SkillDialog

        person = self.selected_row()
        if self.database is None or person is None:
            return
        existing = None if new else self._current(self.skill_view, self.skill_model)
        if not new and existing is None:
            messages.info(self, self.tr("Skill assessment"),
                          self.tr("Select the domain to correct in the list."))
            return
        self._open(SkillDialog(self.database, person.participant_id, existing, self))

    def add_project(self) -> None:
        from coachdesk.ui.bilan.dialogs import ProjectDialog

        person = self.selected_row()
        if self.database is None or person is None:
            return
        self._open(ProjectDialog(self.database, person.participant_id, None, self))

    def decide_project(self) -> None:
        from coachdesk.ui.bilan.dialogs import ProjectDialog

        person = self.selected_row()
        project = self._current(self.project_view, self.project_model)
        if self.database is None or person is None:
            return
        if project is None:
            messages.info(self, self.tr("Decision on the project"),
                          self.tr("Select the project in the list."))
            return
        self._open(ProjectDialog(self.database, person.participant_id, project, self))
