"""« Cette semaine »: the week's agenda computed from the data, on the Tableau de bord.

Trial periods ending, visits due and overdue, enrolment deadlines, recruitment interviews, OPCO
deadlines, post-exit follow-ups and the coach's own reminders, one line each, sorted by day.
Week navigation (previous, this week, next, or a date), a double-click or Enter opens the
item's record (``open_record`` is connected by the main window), and the shown items export
to an ``.ics`` file for any calendar application.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services.weeks import IsoWeek, week_label
from coachdesk.ui.dashboard.agenda_actions import AgendaActions
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.fields import date_edit, from_qdate, set_date
from coachdesk.ui.widgets.table_model import AnyIndex, Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.agenda import AgendaItem

DAY_NAMES = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
OVERDUE = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fde3e1")
DEADLINE_BACKGROUND = QColor("#fff3d6")
DONE = QColor("#6b6b6b")
OVERDUE_KINDS = ("visit_overdue", "reminder_overdue", "followup_overdue")


def _day_display(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {day:%d/%m/%Y}"


def _kind_label(kind: str) -> str:
    from coachdesk.services.agenda import KINDS

    return KINDS[kind]


COLUMNS: list[Column[AgendaItem]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Day"), lambda r: r.day, display=_day_display),
    Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda r: r.kind, display=_kind_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r: r.participant),
    Column(QT_TRANSLATE_NOOP("Columns", "Detail"), lambda r: r.detail),
]


class AgendaModel(RowTableModel["AgendaItem"]):
    """Agenda lines; what is late in red, legal deadlines in orange, the detail as tooltip."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            item = self.row_at(index.row())
            if role == Qt.ItemDataRole.BackgroundRole:
                if item.kind in OVERDUE_KINDS:
                    return QBrush(OVERDUE_BACKGROUND)
                if item.kind in ("enrolment_deadline", "opco_deadline", "trial_period_end",
                                 "rupture_notice", "contract_end", "pay_rise"):
                    return QBrush(DEADLINE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and item.kind in OVERDUE_KINDS:
                return QBrush(OVERDUE)
            if role == Qt.ItemDataRole.ForegroundRole and item.done:
                return QBrush(DONE)
            if role == Qt.ItemDataRole.ToolTipRole:
                return item.detail
        return super().data(index, role)


class _AgendaView(QTableView):
    """Enter opens the selected item, like a double-click."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class AgendaPanel(QWidget):
    """The week's agenda of one cohort (or all cohorts), with navigation and .ics export."""

    open_record = Signal(object)  # the AgendaItem to open

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPanel")
        self.database = database
        self.cohort_id: str | None = None
        self.monday = date.today() - timedelta(days=date.today().weekday())
        # Set to the database's week (the demo's is the last of 2010) at the first load.
        self._week_from_clock = True

        self.title = QLabel()
        self.title.setObjectName("agendaTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("previousWeek")
        self.previous_button.setToolTip(self.tr("Previous week"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.this_week_button.setObjectName("thisWeek")
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextWeek")
        self.next_button.setToolTip(self.tr("Next week"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        self.week_date = date_edit(name="agendaWeekDate")
        self.week_date.setToolTip(self.tr("Show the week of this day"))
        self.ics_button = QPushButton(self.tr("Export to calendar (.ics)…"))
        self.ics_button.setObjectName("exportIcs")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.previous_button)
        header.addWidget(self.this_week_button)
        header.addWidget(self.next_button)
        header.addWidget(self.week_date)
        header.addWidget(self.ics_button)

        self.model = AgendaModel(COLUMNS, self)
        self.view = _AgendaView()
        _configure(self.view, self.model)
        self.summary = QLabel()
        self.summary.setObjectName("agendaSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        # Tick a reminder or a follow-up done, postpone it, write one (agenda_actions).
        self.agenda_actions = AgendaActions(self, self)
        footer = QHBoxLayout()
        footer.addWidget(self.summary, 1)
        footer.addLayout(self.agenda_actions.buttons)
        layout.addLayout(footer)

        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(database_day(self.database)))
        self.week_date.dateChanged.connect(self._date_chosen)
        self.ics_button.clicked.connect(self.export_ics)
        self.view.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.view.activated_row.connect(self._activate)

    # Data -------------------------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        self.database = database
        self._week_from_clock = True

    def set_cohort(self, cohort_id: str | None) -> None:
        self.cohort_id = cohort_id

    def show_week(self, day: date) -> None:
        self.monday = day - timedelta(days=day.weekday())
        self._week_from_clock = False
        self.reload()

    def _date_chosen(self, qdate: QDate) -> None:
        chosen = from_qdate(qdate)
        if chosen - timedelta(days=chosen.weekday()) != self.monday:
            self.show_week(chosen)

    def reload(self) -> None:
        from coachdesk.services.agenda import compute_agenda

        items: list[AgendaItem] = []
        if self._week_from_clock and self.database is not None:
            self._week_from_clock = False
            day = database_day(self.database)
            self.monday = day - timedelta(days=day.weekday())
        if self.database is not None:
            items = compute_agenda(self.database, self.monday, cohort_id=self.cohort_id)
        self.model.set_rows(items)
        # « Cette semaine » only for the week that holds the database's day (the demo's
        # 31/12/2010, a coach's today); any other is said by its dates.
        week = IsoWeek.of(self.monday)
        current = week == IsoWeek.of(database_day(self.database))
        self.title.setText(
            self.tr("This week — %1").replace("%1", week_label(week)) if current
            else week_label(week, capital=True)
        )
        self.week_date.blockSignals(True)
        set_date(self.week_date, self.monday)
        self.week_date.blockSignals(False)
        overdue = sum(1 for item in items if item.kind == "visit_overdue")
        if items:
            text = (self.tr("%n item(s) this week", "", len(items)) if current
                    else self.tr("%n item(s) that week", "", len(items)))
            if overdue:
                text += " — " + self.tr("%n visit(s) overdue", "", overdue)
            text += " — " + self.tr("double-click a line to open its record.")
        else:
            text = (self.tr("Nothing due this week.") if current
                    else self.tr("Nothing due that week."))
        self.summary.setText(text)
        self.agenda_actions.enable()
        explain_enabled(self.ics_button, bool(items),
                        self.tr("Nothing is due this week: there is nothing to export."))
        if items:
            self.view.resizeColumnsToContents()
            for column in range(3):
                width = self.view.horizontalHeader().sectionSize(column)
                self.view.horizontalHeader().resizeSection(column, min(width + 12, 260))

    def items(self) -> list[AgendaItem]:
        return self.model.rows()

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_record.emit(self.model.row_at(row))

    # Export -----------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to write the .ics (a file dialog; tests replace this method)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the agenda"), str(Path(folder) / suggested),
            self.tr("Calendar files (*.ics)"),
        )
        return Path(chosen) if chosen else None

    def export_ics(self) -> Path | None:
        from coachdesk.exports.ics import write_ics

        items = self.items()
        iso_year, iso_week, _ = self.monday.isocalendar()
        target = self.ask_save_path(f"agenda-{iso_year}-S{iso_week:02d}.ics")
        if target is None:
            return None
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        try:
            count = write_ics(items, target)
        except UserError as error:
            messages.user_error(self, error)
            return None
        messages.info(
            self,
            self.tr("Agenda exported"),
            self.tr("%n item(s) written to %1.", "", count).replace("%1", str(target)),
        )
        return target


def _configure(view: QTableView, model: AgendaModel) -> None:
    """The look of the other lists (see list_tab.make_table_view), on our own view class."""
    view.setObjectName("agendaTable")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
