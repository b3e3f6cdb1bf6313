"""The dialogs of team mode: Rejoindre une équipe… (server address and one-time code) and
Conflits (the values that lost to another coach's change, each settled by a person).

Settling a conflict is ``engine.resolve``, as ``coachdesk sync resolve`` does: keeping the
retained value closes it, putting the lost value back is a new change sent to the team.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.sync.team import ConflictToReview

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class JoinTeamDialog(QDialog):
    """Fichier ▸ Rejoindre une équipe…: what ``coachdesk sync join ADRESSE CODE`` asks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinTeamDialog")
        self.setWindowTitle(self.tr("Join a team"))
        explanation = QLabel(self.tr(
            "Ask the team's manager for the server's address and a one-time code. What this "
            "database already holds is sent to the team, in your structure; then this laptop "
            "receives the people the team shares with you."))
        explanation.setWordWrap(True)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("teamAddress")
        self.address_edit.setPlaceholderText("https://equipe.example.org")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("teamCode")
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKLM")
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.address_edit)
        form.addRow(self.tr("One-time code:"), self.code_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.join_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("Join"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def address(self) -> str:
        return self.address_edit.text().strip()

    def code(self) -> str:
        return self.code_edit.text().strip()

    def accept(self) -> None:
        if not self.address():
            messages.warn(self, self.windowTitle(), self.tr(
                "Type the address of the team's server, for example "
                "https://equipe.example.org, as the team's manager gave it."))
            self.address_edit.setFocus()
            return
        if not self.code():
            messages.warn(self, self.windowTitle(), self.tr(
                "Type the one-time code the team's manager gave you (valid 7 days)."))
            self.code_edit.setFocus()
            return
        super().accept()


class ConflictsDialog(QDialog):
    """Conflits: each value that lost, and the way to settle it."""

    settled = Signal()

    COLUMNS = 5

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.conflicts: list[ConflictToReview] = []
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Conflicts"))
        explanation = QLabel(self.tr(
            "Two coaches changed the same field before they synchronised: the latest change "
            "was retained everywhere, the other one is kept here until someone chooses. Your "
            "choice reaches the team at the next synchronisation."))
        explanation.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("conflictsCount")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("Retained value"),
            self.tr("Lost value"), self.tr("Lost on"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.keep_kept_button = QPushButton()
        self.keep_kept_button.setObjectName("keepRetained")
        self.keep_kept_button.clicked.connect(lambda: self.settle(take_lost=False))
        self.keep_lost_button = QPushButton()
        self.keep_lost_button.setObjectName("keepLost")
        self.keep_lost_button.clicked.connect(lambda: self.settle(take_lost=True))
        # Changes the server refused by a rule: they stay on this laptop, said here.
        self.refusals_label = QLabel()
        self.refusals_label.setObjectName("refusals")
        self.refusals_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        choice = QHBoxLayout()
        choice.addWidget(self.keep_kept_button)
        choice.addWidget(self.keep_lost_button)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(choice)
        layout.addWidget(self.refusals_label)
        layout.addWidget(close)
        self.resize(900, 420)
        self.reload()

    def reload(self) -> None:
        from coachdesk.sync import engine, team

        self.conflicts = team.review(self.database)
        refusals = engine.status(self.database).refusals or []
        self.refusals_label.setText("\n".join([
            self.tr("%n change(s) refused by the team's server, kept on this laptop:", "",
                    len(refusals)),
            *(f"• {refusal['message']}" for refusal in refusals)]))
        self.refusals_label.setVisible(bool(refusals))
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            for column, text in enumerate(self.cells(conflict)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.count_label.setText(
            self.tr("%n conflict(s) to settle.", "", len(self.conflicts))
            if self.conflicts else self.tr("No conflict to settle."))
        if self.conflicts:
            self.table.selectRow(0)
        self._selection_changed()

    def cells(self, conflict: ConflictToReview) -> list[str]:
        if conflict.reason == "duplicate":
            return [conflict.record or self.tr("(a person)"), self.tr("Possible duplicate"),
                    self.tr("Same person as %1").replace("%1", str(conflict.kept)), "", ""]
        return [
            conflict.record or self.record_kind(conflict.table),
            self.field_label(conflict.column),
            self.shown(conflict.kept),
            self.shown(conflict.lost),
            self.tr("this laptop") if conflict.lost_here else self.tr("another laptop"),
        ]

    def record_kind(self, table: str) -> str:
        kinds = {
            "participant": self.tr("A person"), "employer": self.tr("An employer"),
            "contract": self.tr("A contract"), "cohort": self.tr("A promotion"),
            "job_offer": self.tr("A job offer"),
        }
        return kinds.get(table, table)

    def field_label(self, column: str) -> str:
        labels = {
            "last_name": self.tr("Last name"), "first_name": self.tr("First name"),
            "birth_date": self.tr("Date of birth"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "address": self.tr("Address"),
            "postcode": self.tr("Postcode"), "city": self.tr("City"),
            "notes": self.tr("Notes"), "consent_date": self.tr("Consent date"),
            "coach": self.tr("Coach"), "name": self.tr("Name"),
        }
        return labels.get(column, column)

    def shown(self, value: Any) -> str:
        """A value as the window writes it: dates JJ/MM/AAAA, yes/no, empty said so."""
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        text = str(value)
        day = _ISO_DAY.match(text)
        if day is not None:
            return f"{day.group(3)}/{day.group(2)}/{day.group(1)}"
        return text

    def selected(self) -> ConflictToReview | None:
        rows = self.table.selectionModel().selectedRows()
        return self.conflicts[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        conflict = self.selected()
        if conflict is None:
            self.keep_kept_button.setText(self.tr("Keep the retained value"))
            self.keep_lost_button.setText(self.tr("Put the lost value back"))
            self.keep_kept_button.setEnabled(False)
            self.keep_lost_button.setEnabled(False)
            return
        self.keep_kept_button.setEnabled(True)
        if conflict.reason == "duplicate":
            # Merging two files is done on the Cohorte tab; here the alert is closed.
            self.keep_kept_button.setText(self.tr("Mark as examined"))
            self.keep_lost_button.setText(self.tr("Put the lost value back"))
            self.keep_lost_button.setEnabled(False)
            return
        self.keep_lost_button.setEnabled(True)
        kept, lost = self.shown(conflict.kept), self.shown(conflict.lost)
        if conflict.lost_here:
            self.keep_lost_button.setText(self.tr("Keep mine: “%1”").replace("%1", lost))
            self.keep_kept_button.setText(self.tr("Keep theirs: “%1”").replace("%1", kept))
        else:
            self.keep_kept_button.setText(
                self.tr("Keep the retained value: “%1”").replace("%1", kept))
            self.keep_lost_button.setText(
                self.tr("Put the lost value back: “%1”").replace("%1", lost))

    def settle(self, *, take_lost: bool) -> bool:
        """Settle the selected conflict through the sync service, then list the others."""
        from coachdesk.sync import engine

        conflict = self.selected()
        if conflict is None:
            return False
        try:
            engine.resolve(self.database, conflict.id, take_lost=take_lost)
        except UserError as error:
            messages.user_error(self, error)
            self.reload()
            return False
        self.reload()
        self.count_label.setText(
            self.tr("Conflict settled; the team will know at the next synchronisation.")
            + " " + self.count_label.text())
        self.settled.emit()
        return True

