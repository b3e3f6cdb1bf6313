"""Alerts set aside in the Suivi des contrats tab: the coach sets one of a contract's alerts
aside with a reason (« accord de branche »), and restores one set aside by mistake — it then
flags the contract again, and its reason is forgotten."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget

from coachdesk.ui.contracts.follow_up_dialogs import AcknowledgeAlertDialog
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.contract_board import ContractLine

LEVEL_NAMES = {
    "illegal": QT_TRANSLATE_NOOP("ContractsTab", "Illegal"),
    "to_check": QT_TRANSLATE_NOOP("ContractsTab", "To check"),
    "information": QT_TRANSLATE_NOOP("ContractsTab", "Information"),
}


def level_name(level: str) -> str:
    return QApplication.translate("ContractsTab", str(LEVEL_NAMES[level]))


class ContractList(Protocol):
    """What the buttons need of the tab: its database, its day, the selected contract, and
    how it opens a dialog (reloading once the dialog saved)."""

    database: Database | None
    today: date

    def _need_contract(self) -> ContractLine | None: ...

    def _open(self, dialog: Any, after: Any = None) -> None: ...


class AlertAside(QObject):
    """The tab's two buttons: set an alert aside, restore one set aside."""

    def __init__(self, tab: ContractList, parent: QWidget) -> None:
        super().__init__(parent)
        self.tab = tab
        self.parent_widget = parent
        self.acknowledge_button = QPushButton(self.tr("Set an alert aside…"))
        self.acknowledge_button.setObjectName("acknowledgeAlert")
        self.acknowledge_button.setToolTip(
            self.tr("An alert checked with the employer (e.g. a branch agreement): it no longer "
                    "flags the contract"))
        self.restore_button = QPushButton(self.tr("Restore an alert set aside…"))
        self.restore_button.setObjectName("restoreAlert")
        self.restore_button.setToolTip(
            self.tr("An alert set aside by mistake flags the contract again"))
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.restore_button.clicked.connect(self.restore)

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.acknowledge_button, self.restore_button

    def _title(self) -> str:
        return self.tr("Contract follow-up")

    def acknowledge(self) -> None:
        """Set one of the selected contract's alerts aside, with its reason."""
        tab = self.tab
        line = tab._need_contract()
        if line is None or tab.database is None:
            return
        if not line.warnings:
            messages.info(self.parent_widget, self._title(),
                          self.tr("This contract has no alert to set aside."))
            return
        alerts = [(w.code, level_name(w.level), w.message_fr) for w in line.warnings]
        tab._open(AcknowledgeAlertDialog(tab.database, line.id, line.participant, alerts,
                                         tab.today, self.parent_widget))

    def restore(self) -> None:
        """Restore one of the selected contract's alerts set aside: it flags the contract again."""
        tab = self.tab
        line = tab._need_contract()
        if line is None or tab.database is None:
            return
        if not line.acknowledged:
            messages.info(self.parent_widget, self._title(),
                          self.tr("No alert of this contract is set aside."))
            return
        alerts = [(w.code, level_name(w.level), w.message_fr, reason)
                  for w, reason in line.acknowledged]
        tab._open(RestoreAlertDialog(tab.database, line.id, line.participant, alerts,
                                     self.parent_widget))


class RestoreAlertDialog(FormDialog):
    """Choose the alert set aside by mistake; once restored it flags the contract again."""

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self, database: Database, contract_id: str, participant: str,
        alerts: list[tuple[str, str, str, str]], parent: QWidget | None = None,
    ) -> None:
        """``alerts``: (code, level label, French sentence, reason) of the alerts set aside."""
        super().__init__("", parent)
        self.database = database
        self.contract_id = contract_id
        self.setWindowTitle(self.tr("Restore an alert — %1").replace("%1", participant))
        self.setObjectName("restoreAlertDialog")
        explanation = QLabel(self.tr(
            "The alert will flag the contract again, and the reason it was set aside with is "
            "forgotten."))
        explanation.setWordWrap(True)
        self.layout_.insertWidget(0, explanation)
        self.alert = QComboBox()
        self.alert.setObjectName("alertChoice")
        for code, level, sentence, reason in alerts:
            label = self.tr("%1 — set aside (%2)").replace("%1", level).replace("%2", reason)
            self.alert.addItem(label, code)
            self.alert.setItemData(self.alert.count() - 1, sentence, Qt.ItemDataRole.ToolTipRole)
        # The rule's whole sentence, under the choice.
        self.sentence = QLabel()
        self.sentence.setObjectName("alertSentence")
        self.sentence.setWordWrap(True)
        self.alert.currentIndexChanged.connect(self._show_sentence)
        self._show_sentence()
        self.form.addRow(self.tr("Alert"), self.alert)
        self.form.addRow("", self.sentence)
        self.ok_button.setText(self.tr("Restore the alert"))
        self.setMinimumWidth(620)

    def _show_sentence(self) -> None:
        self.sentence.setText(str(self.alert.currentData(Qt.ItemDataRole.ToolTipRole) or ""))

    def save(self) -> str:
        from coachdesk.services.contract_alerts import withdraw_acknowledgement

        withdraw_acknowledgement(self.database, self.contract_id, str(self.alert.currentData()))
        return self.contract_id
