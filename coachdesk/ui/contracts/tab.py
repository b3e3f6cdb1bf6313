"""The Suivi des contrats tab: each contract with its warnings and visits, each waiting enrolment.

What needs the coach stands out: a warning sign on a contract that seems not to respect a rule
(its French sentences in the tooltip), a late visit in red, enrolments near their deadline in
orange, lapsed ones without a solution in red. The buttons record a contract (Ctrl+N) or edit
it (double-click, Enter), a visit, a rupture, an outcome, the training (``training_panel``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.contracts.alert_aside import AlertAside, level_name
from coachdesk.ui.contracts.contract_dialog import ContractDialog
from coachdesk.ui.contracts.follow_up_dialogs import OutcomeDialog, RuptureDialog, VisitDialog
from coachdesk.ui.contracts.opco_file import paper_row
from coachdesk.ui.contracts.training_panel import training_button
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enrolment import SolutionDialog
from coachdesk.ui.widgets.enrolment import background as enrolment_background
from coachdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate
from coachdesk.ui.widgets.list_tab import ListTab, make_table_view
from coachdesk.ui.widgets.table_model import AnyIndex, Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.contract_board import ContractContext, ContractLine
    from coachdesk.services.enrolment import EnrolmentLine
    from coachdesk.services.smic import SmicTable

ALERT = QColor("#b3261e")
WARNING_BACKGROUND = QColor("#fff3d6")
ALERT_BACKGROUND = QColor("#fde3e1")


# The warning sign sits on the participant's name (its sentences in the tooltip), so the
# columns keep the order coaches know.
COLUMNS: list[Column[ContractLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"), lambda r: r.participant),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer),
    Column(QT_TRANSLATE_NOOP("Columns", "Type"), lambda r: r.contract_type),
    Column(QT_TRANSLATE_NOOP("Columns", "Start"), lambda r: r.start_date),
    Column(QT_TRANSLATE_NOOP("Columns", "End"), lambda r: r.end_date),
    Column(QT_TRANSLATE_NOOP("Columns", "Trial period ends"), lambda r: r.trial_period_end),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: r.status),
    Column(QT_TRANSLATE_NOOP("Columns", "Rupture"), lambda r: r.rupture_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Last visit"), lambda r: r.last_visit),
    Column(QT_TRANSLATE_NOOP("Columns", "Next visit"), lambda r: r.next_visit),
    Column(QT_TRANSLATE_NOOP("Columns", "Alert"), lambda r: _alert_text(r)),
]
PARTICIPANT, RUPTURE, NEXT_VISIT, ALERT_COLUMN = 0, 7, 9, 10
# Each level of alert has its own sign and colour: against the law, to check, information.
LEVEL_ICONS = {
    "illegal": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "to_check": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "information": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
# Information (a pay rise to plan) keeps the row plain, without a sign: only what needs acting
# stands out.
LEVEL_BACKGROUNDS = {"illegal": ALERT_BACKGROUND, "to_check": WARNING_BACKGROUND}

def _alert_text(line: ContractLine) -> str:
    """The worst level still showing, and how many alerts: « Illégal (2) »."""
    if line.level is None:
        return ""
    text = level_name(line.level)
    return f"{text} ({len(line.warnings)})" if len(line.warnings) > 1 else text


def _alert_tooltip(line: ContractLine) -> str:
    lines = [f"• {level_name(w.level)} : {w.message_fr}" for w in line.warnings]
    for warning, reason in line.acknowledged:
        set_aside = QApplication.translate("ContractsTab", "Set aside (%1)").replace("%1", reason)
        lines.append(f"• {set_aside} : {warning.message_fr}")
    return "\n".join(lines)


def _days_left(line: EnrolmentLine) -> int | None:
    return line.state.days_left


def _to_do(line: EnrolmentLine) -> str:
    warning = line.state.warning
    if warning is None or (warning.code == "enrolment_lapsed" and line.has_outcome):
        return ""
    return warning.message_fr


ENROLMENT_COLUMNS: list[Column[EnrolmentLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"), lambda r: r.participant),
    Column(QT_TRANSLATE_NOOP("Columns", "Enrolment"), lambda r: r.status_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Deadline"), lambda r: r.state.deadline),
    Column(QT_TRANSLATE_NOOP("Columns", "Days left"), _days_left, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Solution"), lambda r: ", ".join(r.solutions)),
    Column(QT_TRANSLATE_NOOP("Columns", "To do"), lambda r: _to_do(r)),
]


class ContractTableModel(RowTableModel["ContractLine"]):
    """The contracts, with the warning sign, tooltips and colours of what needs the coach."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.row_at(index.row())
        column = index.column()
        if column in (PARTICIPANT, ALERT_COLUMN) and line.level is not None:
            if (role == Qt.ItemDataRole.DecorationRole and column == PARTICIPANT
                    and line.level in LEVEL_BACKGROUNDS):
                style = QApplication.style()
                return style.standardIcon(LEVEL_ICONS[line.level])
            if role == Qt.ItemDataRole.BackgroundRole and line.level in LEVEL_BACKGROUNDS:
                return QBrush(LEVEL_BACKGROUNDS[line.level])
            if role == Qt.ItemDataRole.ForegroundRole and line.level == "illegal":
                return QBrush(ALERT)
        if column in (PARTICIPANT, ALERT_COLUMN) and role == Qt.ItemDataRole.ToolTipRole and (
            line.warnings or line.acknowledged
        ):
            return _alert_tooltip(line)
        if column == NEXT_VISIT and line.visit_overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ALERT)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ALERT_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                text = QApplication.translate("ContractsTab", "Visit overdue by %1 day(s)")
                return text.replace("%1", str(line.days_overdue))
        if column == RUPTURE and line.rupture_on is not None and (
            role == Qt.ItemDataRole.ToolTipRole
        ):
            if line.in_trial_rupture:
                return QApplication.translate("ContractsTab", "During the trial period")
            return QApplication.translate("ContractsTab", "After the trial period")
        return super().data(index, role)


class EnrolmentTableModel(RowTableModel["EnrolmentLine"]):
    """Enrolments: close to the deadline in orange, lapsed without a solution in red."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            line = self.row_at(index.row())
            if role == Qt.ItemDataRole.BackgroundRole:
                return enrolment_background(line)
            if role == Qt.ItemDataRole.ToolTipRole and line.state.warning is not None:
                return line.state.warning.message_fr + "\n" + line.state.warning.rule_fr
        return super().data(index, role)


class ContractsTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        # The situation is shown on the database's day (the demo's is 31/12/2010), read at the
        # first load; the date field changes it.
        self.today = date.today()
        self._day_from_clock = True
        self._smic: SmicTable | None = None
        self.dialog: Any = None  # the dialog open now (tests drive it)

        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New contract…"))
        self.new_button.setObjectName("newContract")
        self.new_button.setToolTip(self.tr("Record a signed contract (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit the contract…"))
        self.edit_button.setObjectName("editContract")
        self.edit_button.setToolTip(
            self.tr("Change its terms, the date sent to the OPCO and its decision "
                    "(double-click or Enter on the contract)")
        )
        self.visit_button = QPushButton(self.tr("Visit report…"))
        self.visit_button.setObjectName("recordVisit")
        self.rupture_button = QPushButton(self.tr("Rupture…"))
        self.rupture_button.setObjectName("recordRupture")
        self.outcome_button = QPushButton(self.tr("Solution…"))
        self.outcome_button.setObjectName("recordOutcome")
        self.outcome_button.setToolTip(
            self.tr("After a rupture or a lapsed enrolment: back to matching, or a solution")
        )
        self.print_button = QPushButton(self.tr("Print the last visit (PDF)…"))
        self.print_button.setObjectName("printVisit")
        # Set an alert aside with its reason, or restore one set aside by mistake.
        self.alert_aside = AlertAside(self, self)
        self.acknowledge_button, self.restore_alert_button = self.alert_aside.buttons
        self.estimate_button = QPushButton(self.tr("Employer estimate (PDF)…"))
        self.estimate_button.setObjectName("printEmployerEstimate")
        self.estimate_button.setToolTip(
            self.tr("What the contract costs the employer, net of the hiring aids in force at "
                    "its start: one page to give the employer")
        )
        # Two rows: at 1366 pixels wide, one row cut the last buttons' labels.
        for button in (self.new_button, self.edit_button, self.visit_button, self.rupture_button,
                       self.outcome_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Situation on")))
        self.as_of = date_edit(self.today, name="contractsAsOf")
        actions.addWidget(self.as_of)
        # The printing buttons, « Dossier OPCO… » among them, the alerts set aside (restored
        # by the button after « Mettre une alerte de côté… ») and the training.
        papers = paper_row(self, self.restore_alert_button, training_button(self))
        papers.addStretch(1)

        self.model = ContractTableModel(COLUMNS, self)
        self.view = make_table_view(self.model, "contractTable")
        self.view.installEventFilter(self)
        self.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.enrolment_model = EnrolmentTableModel(ENROLMENT_COLUMNS, self)
        self.enrolment_view = make_table_view(self.enrolment_model, "enrolmentTable")
        self.views += [self.view, self.enrolment_view]
        enrolments = QWidget()
        enrolment_layout = QVBoxLayout(enrolments)
        enrolment_layout.setContentsMargins(0, 4, 0, 0)
        self.enrolment_title = QLabel()
        self.enrolment_title.setObjectName("enrolmentTitle")
        enrolment_layout.addWidget(self.enrolment_title)
        enrolment_layout.addWidget(self.enrolment_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(enrolments)
        splitter.setSizes([420, 220])
        self.layout_.addLayout(actions)
        self.layout_.addLayout(papers)
        self.layout_.addWidget(splitter, 1)
        self.layout_.addWidget(self.count_label)

        self.new_button.clicked.connect(self.create_new)
        self.visit_button.clicked.connect(self.record_visit)
        self.rupture_button.clicked.connect(self.record_rupture)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.print_button.clicked.connect(self.print_last_visit)
        self.estimate_button.clicked.connect(self.print_employer_estimate)
        self.as_of.dateChanged.connect(self._date_chosen)
        self.edit_button.clicked.connect(self.edit_contract)
        self.view.doubleClicked.connect(self._edit_at)
        self.enrolment_view.doubleClicked.connect(lambda _index: self.record_outcome())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a contract of the list opens it for editing, as a double-click does."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.current_contract() is not None
        ):
            self.edit_contract()
            return True
        return super().eventFilter(watched, event)

    # Loading ----------------------------------------------------------------------------------
    @property
    def smic(self) -> SmicTable:
        if self._smic is None:
            from coachdesk.services.smic import load_smic_table

            self._smic = load_smic_table()
        return self._smic

    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        self._day_from_clock = True

    def set_today(self, day: date) -> None:
        """Show the situation on ``day`` (the date field does the same)."""
        self.as_of.setDate(to_qdate(day))

    def _date_chosen(self, qdate: QDate) -> None:
        self.today = from_qdate(qdate)
        self._day_from_clock = False
        self._fitted = False  # statuses and dates change width with the day shown
        self.reload()

    def load(self) -> None:
        from coachdesk.services.contract_board import contract_board
        from coachdesk.services.enrolment import enrolment_board

        lines: list[ContractLine] = []
        enrolments: list[EnrolmentLine] = []
        if self._day_from_clock and self.database is not None:
            self._day_from_clock = False
            self.today = database_day(self.database)
            self.as_of.blockSignals(True)
            self.as_of.setDate(to_qdate(self.today))
            self.as_of.blockSignals(False)
        if self.cohort_id is not None:
            assert self.database is not None
            try:
                board = contract_board(self.database, self.cohort_id, self.today, self.smic)
                lines, enrolments = list(board.contracts), list(board.enrolments)
            except UserError as error:  # e.g. a SMIC table that does not cover the dates
                messages.user_error(self, error)
                # The places waiting for a contract are listed all the same.
                enrolments = enrolment_board(self.database, self.cohort_id, self.today)
        self.model.set_rows(lines)
        # Confirmed enrolments are the contracts above: list only those still waiting.
        enrolments = [e for e in enrolments if e.state.status != "confirmee"]
        self.enrolment_model.set_rows(enrolments)
        broken = sum(1 for line in lines if line.rupture_on is not None)
        overdue = sum(1 for line in lines if line.visit_overdue)
        # Information (a pay rise to plan, a delay past) is shown, not counted as an alert.
        warned = sum(1 for line in lines if line.flagged)
        parts = [
            self.tr("%n contract(s)", "", len(lines)),
            self.tr("%n broken", "", broken),
            self.tr("%n visit(s) overdue", "", overdue),
            self.tr("%n with warnings", "", warned),
        ]
        self.count_label.setText(" — ".join(parts))
        provisional = sum(1 for e in enrolments if e.state.status == "provisoire")
        lapsed = sum(1 for e in enrolments if e.needs_outcome)
        self.enrolment_title.setText(
            self.tr("Enrolments without a contract: %1 provisional, %2 lapsed without a solution")
            .replace("%1", str(provisional)).replace("%2", str(lapsed))
        )

    # Selection --------------------------------------------------------------------------------
    def current_contract(self) -> ContractLine | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            rows = self.view.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.row_at(index.row())

    def current_enrolment(self) -> EnrolmentLine | None:
        rows = self.enrolment_view.selectionModel().selectedRows()
        return self.enrolment_model.row_at(rows[0].row()) if rows else None

    def _select(self, view: QTableView, model: RowTableModel[Any], match: Any) -> bool:
        for row in range(model.rowCount()):
            if match(model.row_at(row)):
                index = model.index(row, 0)
                view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                view.scrollTo(index)
                view.setFocus()
                return True
        return False

    def select_contract(self, contract_id: str) -> bool:
        if self._stale:
            self.reload()
        self.enrolment_view.clearSelection()
        return self._select(self.view, self.model, lambda line: line.id == contract_id)

    def select_participant(self, participant_id: str) -> bool:
        """Select the person's enrolment (deadline items), else their latest contract."""
        if self._stale:
            self.reload()
        if self._select(self.enrolment_view, self.enrolment_model,
                        lambda line: line.participant_id == participant_id):
            self.view.clearSelection()
            return True
        return self._select(self.view, self.model,
                            lambda line: line.participant_id == participant_id)

    def _need_contract(self) -> ContractLine | None:
        line = self.current_contract()
        if line is None:
            messages.info(self, self.tr("Contract follow-up"),
                          self.tr("Select a contract in the list first."))
        return line

    # Actions ----------------------------------------------------------------------------------
    def _open(self, dialog: Any, after: Any = None) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _id: self.reload())
        if after is not None:
            dialog.saved.connect(after)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: Any) -> None:
        # A dialog may open the next one (rupture → what next) before it closes itself.
        if self.dialog is dialog:
            self.dialog = None

    def create_new(self) -> None:
        if self.database is None or self.cohort_id is None:
            return
        self._open(ContractDialog(self.database, self.cohort_id, self.smic, self.today, self),
                   lambda contract_id: self.select_contract(contract_id))

    def edit_contract(self) -> None:
        """The contract dialog on the selected contract, every term editable."""
        line = self._need_contract()
        if line is None or self.database is None or self.cohort_id is None:
            return
        try:
            dialog = ContractDialog(self.database, self.cohort_id, self.smic, self.today, self,
                                    contract_id=line.id)
        except UserError as error:  # deleted meanwhile
            messages.user_error(self, error)
            self.reload()
            return
        self._open(dialog, lambda _id: self.select_contract(line.id))

    def _edit_at(self, index: QModelIndex) -> None:
        """A double-click edits the contract clicked."""
        if index.isValid():
            self.view.selectRow(index.row())
            self.edit_contract()

    def _context(self, line: ContractLine) -> ContractContext:
        from coachdesk.services.contract_board import contract_context

        assert self.database is not None
        return contract_context(self.database, line.id)

    def record_visit(self) -> None:
        line = self._need_contract()
        if line is None:
            return
        assert self.database is not None
        dialog = VisitDialog(self.database, self._context(line), self.today, self)

        def after(visit_id: str) -> None:
            self.select_contract(line.id)
            if dialog.print_report.isChecked() and not dialog.planned_only.isChecked():
                self.print_visit(visit_id)

        self._open(dialog, after)

    def record_rupture(self) -> None:
        line = self._need_contract()
        if line is None:
            return
        if line.rupture_on is not None:
            messages.info(self, self.tr("Contract follow-up"),
                          self.tr("This contract is already broken."))
            return
        assert self.database is not None
        dialog = RuptureDialog(self.database, self._context(line), self.today, self)

        def after(_contract_id: str) -> None:
            from coachdesk.services.contract_rules import fr_date

            notice = dialog.notice
            trial = (self.tr("during the trial period") if notice.in_trial
                     else self.tr("after the trial period"))
            reminders = "\n".join(f"• {fr_date(day)} : {what}" for day, what in notice.reminders)
            messages.info(
                self,
                self.tr("Rupture recorded"),
                self.tr("Rupture recorded %1.").replace("%1", trial) + "\n\n"
                + self.tr("To notify:") + "\n" + reminders,
            )
            self.select_contract(line.id)
            self._ask_outcome(
                line.participant_id, line.participant,
                self.tr("The contract is broken: does %1 go back to matching, or have a "
                        "solution?").replace("%1", line.participant),
            )

        self._open(dialog, after)

    def _ask_outcome(self, participant_id: str, participant: str, reason: str) -> None:
        assert self.database is not None
        self._open(OutcomeDialog(self.database, participant_id, participant, self.today,
                                 reason, self))

    def record_outcome(self) -> None:
        enrolment = self.current_enrolment()
        if enrolment is not None:
            # A place without a contract ends with the solution found (the Bilan list and the
            # person's file open the same dialog).
            assert self.database is not None
            self._open(SolutionDialog(self.database, enrolment, self.today, self))
            return
        line = self.current_contract()
        if line is None:
            messages.info(self, self.tr("Contract follow-up"),
                          self.tr("Select a contract or an enrolment in the lists first."))
            return
        self._ask_outcome(line.participant_id, line.participant,
                          self.tr("Record where %1 goes next.").replace("%1", line.participant))

    # Visit report -----------------------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save a PDF (a file dialog; tests replace this method)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the visit report"), str(Path(folder) / suggested),
            self.tr("PDF documents (*.pdf)"),
        )
        return Path(chosen) if chosen else None

    def print_visit(self, visit_id: str) -> Path | None:
        from coachdesk.exports.visit_report import load_visit_report, write_visit_report

        assert self.database is not None
        try:
            report = load_visit_report(self.database, visit_id)
            target = self.ask_save_path(report.file_name)
            if target is None:
                return None
            write_visit_report(report, target)
        except UserError as error:
            messages.user_error(self, error)
            return None
        messages.info(self, self.tr("Visit report"),
                      self.tr("Visit report saved: %1").replace("%1", str(target)))
        return target

    def print_last_visit(self) -> Path | None:
        from coachdesk.exports.visit_report import latest_visit_id

        line = self._need_contract()
        if line is None or self.database is None:
            return None
        visit_id = latest_visit_id(self.database, line.id)
        if visit_id is None:
            messages.info(self, self.tr("Visit report"),
                          self.tr("No visit done yet for this contract."))
            return None
        return self.print_visit(visit_id)

    # Employer estimate ------------------------------------------------------------------------
    def ask_estimate_path(self, suggested: str) -> Path | None:
        """Where to save the employer's estimate (a file dialog; tests replace this method)."""
        from coachdesk.ui.contracts.employer_estimate import ask_estimate_path

        return ask_estimate_path(self, suggested)

    def print_employer_estimate(self) -> Path | None:
        """The selected contract's cost net of the hiring aids, as a one-page PDF."""
        from coachdesk.ui.contracts.employer_estimate import print_employer_estimate

        line = self._need_contract()
        if line is None or self.database is None:
            return None
        return print_employer_estimate(self, self.database, line.id, self.ask_estimate_path)
