"""Phoning the contacts: the next person to call with their number and history, one-key
outcomes, then the next one. Also the campaigns (mailing, SMS, Mission Locale invitations)
recorded for the contacts chosen in the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.recruitment import (
    CALL_OUTCOMES,
    CallRow,
    OutreachRow,
    call_queue,
    outreach_history,
    record_call,
    record_campaign,
)
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.coach_picker import CoachPicker
from coachdesk.ui.widgets.fields import date_edit, from_qdate, set_date, to_qdate
from coachdesk.ui.widgets.forms import GuardedDialog, refuse_wrong_dates
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

HISTORY_COLUMNS: list[Column[OutreachRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.done_on),
    Column(QT_TRANSLATE_NOOP("Columns", "What happened"), lambda r: r.label),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda r: r.author),
    Column(QT_TRANSLATE_NOOP("Columns", "Notes"), lambda r: r.notes or r.campaign),
]


class CallSheet(QDialog):
    """One contact at a time; keys 1–6 record the outcome and bring the next contact."""

    recorded = Signal()

    def __init__(
        self,
        database: Database,
        cohort_id: str,
        *,
        coach_id: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callSheet")
        self.setWindowTitle(self.tr("Call sheet"))
        self.resize(820, 560)
        self.database = database
        self.cohort_id = cohort_id
        self.today = today or database_day(database)
        self.queue: list[CallRow] = []
        self.current: CallRow | None = None
        self._skipped: set[str] = set()

        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.name = QLabel()
        self.name.setObjectName("callName")
        big = QFont(self.name.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.name.setFont(big)
        self.phone = QLabel()
        self.phone.setObjectName("callPhone")
        self.phone.setFont(big)
        self.phone.setTextInteractionFlags(self.phone.textInteractionFlags().TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setObjectName("callDetail")
        self.history: RowTableModel[OutreachRow] = RowTableModel(HISTORY_COLUMNS, self)
        self.history_view = make_table_view(self.history, "callHistory", sortable=False)

        # « Appel passé par »: this laptop's coach unless another one is given.
        self.author = CoachPicker(database, coach_id, name="callAuthor")
        self.notes = QLineEdit()
        self.notes.setObjectName("callNotes")
        self.notes.setPlaceholderText(self.tr("Optional note about this call"))
        self.recall_on = date_edit(self.today + timedelta(days=2), name="recallOn")
        self.recall_on.setMinimumDate(to_qdate(self.today))
        form = QFormLayout()
        form.addRow(self.tr("Called by"), self.author)
        form.addRow(self.tr("Note"), self.notes)
        form.addRow(self.tr("Call back on"), self.recall_on)

        labels = {
            "pas_de_reponse": self.tr("No answer"),
            "message_laisse": self.tr("Message left"),
            "interesse": self.tr("Interested"),
            "pas_interesse": self.tr("Not interested"),
            "faux_numero": self.tr("Wrong number"),
            "a_rappeler": self.tr("Call back on…"),
        }
        self.outcome_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for position, outcome in enumerate(CALL_OUTCOMES):
            button = QPushButton(f"{position + 1}  {labels[outcome]}")
            button.setObjectName(f"outcome_{outcome}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, code=outcome: self.record(code))
            # A QShortcut acts at once (a button's own shortcut animates a click first); text
            # fields keep their digits, the shortcut applies everywhere else in the sheet.
            QShortcut(QKeySequence(str(position + 1)), self).activated.connect(
                lambda code=outcome: self.record(code))
            grid.addWidget(button, position // 3, position % 3)
            self.outcome_buttons[outcome] = button
        self.skip_button = QPushButton(self.tr("Skip (S)"))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        QShortcut(QKeySequence("S"), self).activated.connect(self.skip)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.remaining)
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.phone)
        layout.addLayout(head)
        layout.addWidget(self.detail)
        layout.addWidget(QLabel(self.tr("Earlier attempts")))
        layout.addWidget(self.history_view, 1)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.queue = [
            call for call in call_queue(self.database, self.cohort_id, self.today)
            if call.participant_id not in self._skipped
        ]
        self._show(self.queue[0] if self.queue else None)

    def _show(self, call: CallRow | None) -> None:
        self.current = call
        for button in self.outcome_buttons.values():
            button.setEnabled(call is not None)
        self.skip_button.setEnabled(call is not None)
        self.notes.clear()
        set_date(self.recall_on, self.today + timedelta(days=2))
        self.remaining.setText(
            self.tr("%n contact(s) to call", "", len(self.queue))
        )
        if call is None:
            self.name.setText(self.tr("Nobody left to call today."))
            self.phone.clear()
            self.detail.clear()
            self.history.set_rows([])
            return
        self.name.setText(call.name)
        self.phone.setText(call.phone)
        if call.recall_on is not None:
            detail = self.tr("Asked to be called back on %1.").replace(
                "%1", f"{call.recall_on:%d/%m/%Y}")
        elif call.attempts == 0:
            detail = self.tr("Never called yet.")
        else:
            detail = self.tr("%n earlier attempt(s).", "", call.attempts)
        if call.email:
            detail += "  " + call.email
        self.detail.setText(detail)
        self.history.set_rows(outreach_history(self.database, call.participant_id))
        self.history_view.resizeColumnsToContents()
        # Out of the text fields, so the keys 1-6 record an outcome instead of typing a digit.
        self.history_view.setFocus()

    def record(self, outcome: str) -> None:
        if self.current is None:
            return
        if outcome == "a_rappeler" and refuse_wrong_dates(self.recall_on):
            return
        recall = from_qdate(self.recall_on.date()) if outcome == "a_rappeler" else None
        try:
            record_call(self.database, self.current.participant_id, outcome, self.today,
                        coach_id=self.author.coach_id(), recall_on=recall,
                        notes=self.notes.text().strip())
        except UserError as error:
            messages.user_error(self, error)
            return
        self.recorded.emit()
        self.reload()

    def skip(self) -> None:
        if self.current is not None:
            self._skipped.add(self.current.participant_id)
            self.reload()


class CampaignDialog(GuardedDialog):
    """Record a mailing, an SMS or the Mission Locale's invitations for the chosen contacts."""

    def __init__(
        self,
        database: Database,
        participant_ids: list[str],
        *,
        coach_id: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("Record a campaign"))
        self.database = database
        self.participant_ids = participant_ids
        self.recorded_count = 0
        self.channel = QComboBox()
        self.channel.setObjectName("campaignChannel")
        for code, label in codes.OUTREACH_CHANNELS.items():
            if code != "telephone":
                self.channel.addItem(label, code)
        self.sent_on = date_edit(today or database_day(database), name="campaignDate")
        self.campaign = QLineEdit()
        self.campaign.setObjectName("campaignName")
        self.campaign.setPlaceholderText(self.tr("e.g. Mailing of February"))
        # Who sent it: a coach or the Mission Locale's adviser, as a coach record.
        self.author = CoachPicker(database, coach_id, name="campaignAuthor")
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Sent on"), self.sent_on)
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Sent by"), self.author)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            self.tr("%n contact(s) chosen in the list.", "", len(participant_ids))))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if refuse_wrong_dates(self):
            return
        try:
            self.recorded_count = record_campaign(
                self.database, self.participant_ids, from_qdate(self.sent_on.date()),
                self.channel.currentData(), campaign=self.campaign.text(),
                coach_id=self.author.coach_id(),
            )
        except UserError as error:
            messages.user_error(self, error)
            return
        self.accept()
