"""The contract dialog of the Suivi des contrats tab: record or edit a contrat de
professionnalisation (the visit, rupture and outcome dialogs are in ``follow_up_dialogs``).

The dialog is a ``FormDialog`` (``ui/widgets/forms.py``): it reads what it offers and the live
legal checks through ``services.contract_board`` (one transaction each), shows a contract's
terms from one ``ContractDraft`` (``fill``) and reads one back (``draft``), and saves it through
one service call (``services.contracts``). A ``UserError`` is shown as a French message and the
dialog stays open so nothing typed is lost. The checks never block the entry.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.contract_draft import MAX_WEEKLY_HOURS
from coachdesk.services.documents import DocumentOwner
from coachdesk.ui.contracts import cerfa_fields as cerfa
from coachdesk.ui.contracts.cerfa_fields import CerfaFields
from coachdesk.ui.widgets.documents import DocumentsPanel
from coachdesk.ui.widgets.employer_picker import EmployerPicker
from coachdesk.ui.widgets.fields import (
    OptionalDate,
    date_edit,
    format_euros,
    from_qdate,
    parse_euros,
    to_qdate,
)
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.contract_board import ContractOnFile, TutorChoice
    from coachdesk.services.contract_draft import ContractDraft
    from coachdesk.services.contract_rules import RuleWarning
    from coachdesk.services.smic import SmicTable

WARNING_COLOUR = "#9a5b00"
ALERT_COLOUR = "#b3261e"
OK_COLOUR = "#2e7d32"
INFORMATION_COLOUR = "#1f5fa8"
LEVEL_COLOURS = {"illegal": ALERT_COLOUR, "to_check": WARNING_COLOUR,
                 "information": INFORMATION_COLOUR}


def warnings_html(warnings: list[RuleWarning], empty: str) -> str:
    """The warnings as a short list: each level in its colour (Illégal, À vérifier,
    Information) before its French sentence, the rule in smaller grey text."""
    if not warnings:
        return f"<p style='color:{OK_COLOUR}'>✔ {empty}</p>"
    items = "".join(
        f"<li style='margin-bottom:6px'><span style='color:{LEVEL_COLOURS[warning.level]}'>"
        f"<b>{warning.level_fr} :</b> {warning.message_fr}</span><br>"
        f"<small style='color:#555'>{warning.rule_fr}</small></li>"
        for warning in warnings
    )
    return f"<ul style='margin-left:-20px'>{items}</ul>"


# --- contract -----------------------------------------------------------------------------------


class ContractDialog(FormDialog):
    """Record a contrat de professionnalisation, or edit a recorded one (``contract_id``): the
    CERFA EJ20 fields, checks shown live.

    Every field of ``ContractDraft`` has its widget here: ``fill`` shows a draft, ``draft``
    reads the one typed (``tests/ui/test_contracts_tab.py`` checks the round trip).
    """

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self,
        database: Database,
        cohort_id: str,
        smic: SmicTable,
        today: date,
        parent: QWidget | None = None,
        contract_id: str | None = None,
    ) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.database = database
        self.setObjectName("contractDialog")
        self.cohort_id = cohort_id
        self.smic = smic
        self.today = today
        self.contract_id = contract_id
        from coachdesk.services.contract_board import (
            Choice,
            contract_candidates,
            contract_on_file,
        )

        self.stored: ContractOnFile | None = None
        if contract_id is None:
            people = contract_candidates(database, cohort_id)
        else:
            self.stored = contract_on_file(database, contract_id)
            people = [Choice(self.stored.participant_id, self.stored.participant)]
            # A reminder about this contract (« rappeler la tutrice jeudi »), for the agenda.
            self.reminder_button = self.buttons.addButton(
                self.tr("Reminder…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.reminder_button.setObjectName("contractReminder")
            self.reminder_button.clicked.connect(self.remind)
        self.setWindowTitle(
            self.tr("New work-study contract") if self.stored is None
            else self.tr("Work-study contract of %1").replace("%1", self.stored.participant)
        )
        self.tutors: list[TutorChoice] = []
        self._filling = False
        self.warnings: list[RuleWarning] = []

        self.participant = QComboBox()
        self.participant.setObjectName("participant")
        for person in people:
            self.participant.addItem(person.label, person.id)
        if self.stored is not None:
            # The contract stays with its person; every term of it can change.
            self.participant.setEnabled(False)
        self.employer = EmployerPicker(database)
        self.employer.setObjectName("employer")
        self.workplace_siret = QLineEdit()
        self.workplace_siret.setObjectName("workplaceSiret")
        self.workplace_siret.setPlaceholderText(self.tr("14 digits, if not the head office"))
        self.tutor = QComboBox()
        self.tutor.setObjectName("tutor")
        self.offer = QComboBox()
        self.offer.setObjectName("offer")
        self.offer.setToolTip(self.tr("The job offer of this employer the contract fills, if any"))

        self.contract_type = QComboBox()
        self.contract_type.setObjectName("contractType")
        for code, label in codes.CONTRACT_TYPES.items():
            self.contract_type.addItem(label, code)
        start = today
        self.signed_on = OptionalDate(self.tr("signed on"), today, "signedOn")
        self.signed_on.set_value(today)
        self.start = date_edit(start, name="startDate")
        self.end = OptionalDate(self.tr("ends on"), start + timedelta(days=364), "endDate")
        self.end.set_value(start + timedelta(days=364))
        self.trial_override = OptionalDate(
            self.tr("as written in the contract"), start + timedelta(days=30), "trialOverride"
        )
        self.weekly_hours = QDoubleSpinBox()
        self.weekly_hours.setObjectName("weeklyHours")
        # The lowest value, shown « — », means not known yet.
        self.weekly_hours.setRange(0, MAX_WEEKLY_HOURS)
        self.weekly_hours.setSpecialValueText("—")
        self.weekly_hours.setDecimals(1)
        self.weekly_hours.setValue(35)
        self.weekly_hours.setSuffix(" h")
        self.training_hours = QSpinBox()
        self.training_hours.setObjectName("trainingHours")
        self.training_hours.setRange(0, 3000)
        self.training_hours.setSpecialValueText("—")
        self.training_hours.setValue(400)
        self.training_hours.setSuffix(" h")
        self.job_title = QLineEdit()
        self.job_title.setObjectName("jobTitle")
        self.rome_code = QLineEdit()
        self.rome_code.setObjectName("romeCode")
        self.rome_code.setMaxLength(5)
        self.rome_code.setPlaceholderText("M1607")
        self.qualification = QLineEdit()
        self.qualification.setObjectName("qualification")
        self.pay = QLineEdit()
        self.pay.setObjectName("grossPay")
        self.pay.setPlaceholderText(self.tr("gross per month, e.g. 1 075,02"))
        self.branch_minimum = QLineEdit()
        self.branch_minimum.setObjectName("branchMinimum")
        self.branch_minimum.setPlaceholderText(self.tr("from the collective agreement, if any"))
        self.branch_minimum.setToolTip(
            self.tr("The branch's minimum pay for this job: from 26 years the pay must reach "
                    "85 % of it when that is more than the SMIC.")
        )
        self.opco = QLineEdit()
        self.opco.setObjectName("opco")
        self.sent_to_opco = OptionalDate(self.tr("sent on"), today, "sentToOpco")
        self.opco_decision = QComboBox()
        self.opco_decision.setObjectName("opcoDecision")
        self.opco_decision.addItem(self.tr("— not known yet —"), None)
        for code, label in codes.OPCO_DECISIONS.items():
            self.opco_decision.addItem(label, code)
        self.opco_decision_on = OptionalDate(self.tr("on"), today, "opcoDecisionOn")

        parties = QFormLayout()
        parties.addRow(self.tr("Participant"), self.participant)
        parties.addRow(self.tr("Employer"), self.employer)
        parties.addRow(self.tr("Workplace SIRET"), self.workplace_siret)
        parties.addRow(self.tr("Tutor"), self.tutor)
        parties.addRow(self.tr("Job offer"), self.offer)
        terms = QFormLayout()
        terms.addRow(self.tr("Contract"), self.contract_type)
        terms.addRow(self.tr("Signature"), self.signed_on)
        terms.addRow(self.tr("Start"), self.start)
        terms.addRow(self.tr("End"), self.end)
        terms.addRow(self.tr("Trial period"), self.trial_override)
        terms.addRow(self.tr("Weekly hours"), self.weekly_hours)
        terms.addRow(self.tr("Training hours"), self.training_hours)
        terms.addRow(self.tr("Job title"), self.job_title)
        terms.addRow(self.tr("ROME code"), self.rome_code)
        terms.addRow(self.tr("Qualification"), self.qualification)
        terms.addRow(self.tr("Gross monthly pay (€)"), self.pay)
        terms.addRow(self.tr("Branch minimum pay (€)"), self.branch_minimum)
        opco = QFormLayout()
        opco.addRow(self.tr("OPCO"), self.opco)
        opco.addRow(self.tr("Sent to the OPCO"), self.sent_to_opco)
        opco.addRow(self.tr("OPCO decision"), self.opco_decision)
        opco.addRow(self.tr("Decision date"), self.opco_decision_on)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for title, layout in (
            (self.tr("Employer and tutor"), parties),
            (self.tr("Contract (CERFA EJ20)"), terms),
            (self.tr("OPCO"), opco),
        ):
            box = QGroupBox(title)
            box.setLayout(layout)
            form_layout.addWidget(box)
        # The rest of the CERFA and what is still missing before sending: cerfa_fields.
        self.cerfa = CerfaFields(database, cohort_id, today, self)
        for box in self.cerfa.boxes:
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setMinimumWidth(470)

        self.trial_label = QLabel()
        self.trial_label.setObjectName("trialPeriodLabel")
        self.trial_label.setWordWrap(True)
        self.cost_label = QLabel()
        self.cost_label.setObjectName("employerCostLabel")
        self.cost_label.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("contractWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        self.warnings_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        checks = QVBoxLayout()
        heading = QLabel(self.tr("Checks (never blocking)"))
        heading.setStyleSheet("font-weight: bold")
        checks.addWidget(heading)
        checks.addWidget(self.trial_label)
        cost_heading = QLabel(self.tr("What the contract costs the employer"))
        cost_heading.setStyleSheet("font-weight: bold")
        checks.addWidget(cost_heading)
        checks.addWidget(self.cost_label)
        warnings_heading = QLabel(self.tr("Warnings"))
        warnings_heading.setStyleSheet("font-weight: bold")
        checks.addWidget(warnings_heading)
        checks.addWidget(self.warnings_label, 1)
        missing_heading = QLabel(self.tr("Missing before sending to the OPCO"))
        missing_heading.setStyleSheet("font-weight: bold")
        checks.addWidget(missing_heading)
        checks.addWidget(self.cerfa.missing_label, 1)
        if contract_id is not None:  # the signed CERFA, the OPCO's decision…
            checks.addWidget(DocumentsPanel(database, DocumentOwner("contract", contract_id)))
        checks_widget = QWidget()
        checks_widget.setLayout(checks)
        checks_widget.setMinimumWidth(380)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addWidget(checks_widget, 2)
        self.add_to_body(body, 1)
        self.resize(980, 700)

        self.employer.picked.connect(self._employer_changed)
        for signal in (
            self.participant.currentIndexChanged, self.tutor.currentIndexChanged,
            self.contract_type.currentIndexChanged, self.start.dateChanged,
            self.end.changed, self.trial_override.changed, self.weekly_hours.valueChanged,
            self.training_hours.valueChanged, self.pay.textChanged,
            self.branch_minimum.textChanged, self.sent_to_opco.changed,
            self.opco_decision.currentIndexChanged, self.opco_decision_on.changed,
        ):
            signal.connect(self.refresh_checks)
        self.cerfa.changed.connect(self.refresh_checks)
        for chosen, facts in ((self.participant.currentIndexChanged, cerfa.PERSON_FACTS),
                              (self.tutor.currentIndexChanged, cerfa.TUTOR_FACTS),
                              (self.cerfa.training_body.currentIndexChanged, cerfa.BODY_FACTS)):
            chosen.connect(lambda _index, facts=facts: self._parties_changed(facts))
        if self.stored is not None:
            self.fill(self.stored.draft)
        else:
            # The first person's and the promotion's training body's CERFA facts, as stored.
            self._parties_changed(cerfa.PERSON_FACTS + cerfa.BODY_FACTS)
            self._employer_changed()

    # Showing a draft --------------------------------------------------------------------------
    def fill(self, draft: ContractDraft) -> None:
        """Show a contract's terms in the widgets; the checks run once, at the end."""
        self._filling = True
        try:
            self.employer.set_employer(draft.employer_id)
            # The list shows the chosen employer (the coach clears the search to change it).
            self.employer.search.setText(self.employer.current_name())
            self.employer.refresh()
            self._load_parties(draft.employer_id, draft.tutor_id, draft.offer_id)
            self.workplace_siret.setText(draft.workplace_siret or "")
            self.contract_type.setCurrentIndex(self.contract_type.findData(draft.contract_type))
            self.signed_on.set_value(draft.signed_on)
            self.start.setDate(to_qdate(draft.start_date))
            self.end.set_value(draft.end_date)
            self.trial_override.set_value(draft.trial_period_end_override)
            self.weekly_hours.setValue(float(draft.weekly_hours or 0))
            self.training_hours.setValue(draft.training_hours or 0)
            self.job_title.setText(draft.job_title)
            self.rome_code.setText(draft.rome_code)
            self.qualification.setText(draft.qualification)
            self.pay.setText(format_euros(draft.gross_monthly_pay_cents))
            self.branch_minimum.setText(format_euros(draft.branch_minimum_cents))
            self.opco.setText(draft.opco)
            self.sent_to_opco.set_value(draft.sent_to_opco_on)
            decision = (self.opco_decision.findData(draft.opco_decision)
                        if draft.opco_decision else 0)
            self.opco_decision.setCurrentIndex(max(0, decision))
            self.opco_decision_on.set_value(draft.opco_decision_on)
            self.cerfa.fill(draft, self.participant.currentData())
        finally:
            self._filling = False
        self.refresh_checks()

    # Reading the form -----------------------------------------------------------------------
    def _load_parties(
        self, employer_id: str | None, tutor_id: str | None, offer_id: str | None
    ) -> None:
        """The employer's contacts in the tutor list (``tutor_id`` chosen, else the first) and
        its offers to this cohort in the offer list (``offer_id`` chosen, else none)."""
        from coachdesk.services.contract_board import tutor_choices
        from coachdesk.services.offers import list_offers

        self.tutors = tutor_choices(self.database, employer_id) if employer_id else []
        self.tutor.blockSignals(True)
        self.tutor.clear()
        self.tutor.addItem(self.tr("— no tutor named yet —"), None)
        for tutor in self.tutors:
            self.tutor.addItem(tutor.label, tutor.id)
        if tutor_id is not None:
            self.tutor.setCurrentIndex(max(0, self.tutor.findData(tutor_id)))
        elif self.tutors:
            self.tutor.setCurrentIndex(1)
        self.tutor.blockSignals(False)
        offers = (list_offers(self.database, cohort_id=self.cohort_id, employer_id=employer_id)
                  if employer_id else [])
        self.offer.clear()
        self.offer.addItem(self.tr("— no offer —"), None)
        for offer in offers:
            self.offer.addItem(
                f"{offer.title} ({offer.received_on:%d/%m/%Y}, {offer.status_label.lower()})",
                offer.id,
            )
        self.offer.setCurrentIndex(max(0, self.offer.findData(offer_id)) if offer_id else 0)

    def _employer_changed(self) -> None:
        from coachdesk.services.employers import get_employer

        employer_id = self.employer.employer_id()
        self._load_parties(employer_id, None, None)
        self._parties_changed(cerfa.EMPLOYER_FACTS)
        if employer_id and not self.opco.text():
            opco = get_employer(self.database, employer_id).opco
            if opco:
                self.opco.setText(opco)
        self.refresh_checks()

    def pay_amount(self) -> Decimal | None:
        try:
            return parse_euros(self.pay.text())
        except ValueError:
            return None

    def branch_minimum_amount(self) -> Decimal | None:
        try:
            return parse_euros(self.branch_minimum.text())
        except ValueError:
            return None

    def draft(self) -> ContractDraft:
        """The contract's terms as typed (an amount that cannot be read counts as none)."""
        from coachdesk.services.contract_draft import ContractDraft, euros_to_cents

        weekly_hours = self.weekly_hours.value()
        return self.cerfa.completed(ContractDraft(
            start_date=from_qdate(self.start.date()),
            contract_type=self.contract_type.currentData(),
            end_date=self.end.value(),
            signed_on=self.signed_on.value(),
            trial_period_end_override=self.trial_override.value(),
            employer_id=self.employer.employer_id(),
            workplace_siret="".join(self.workplace_siret.text().split()) or None,
            tutor_id=self.tutor.currentData(),
            offer_id=self.offer.currentData(),
            job_title=self.job_title.text().strip(),
            rome_code=self.rome_code.text().strip().upper(),
            qualification=self.qualification.text().strip(),
            weekly_hours=Decimal(str(weekly_hours)) if weekly_hours else None,
            training_hours=self.training_hours.value() or None,
            gross_monthly_pay_cents=euros_to_cents(self.pay_amount()),
            branch_minimum_cents=euros_to_cents(self.branch_minimum_amount()),
            opco=self.opco.text().strip(),
            sent_to_opco_on=self.sent_to_opco.value(),
            opco_decision=self.opco_decision.currentData(),
            opco_decision_on=self.opco_decision_on.value(),
        ))

    def _parties_changed(self, facts: tuple[str, ...]) -> None:
        if not self._filling:
            self.cerfa.reload_parties(self.participant.currentData(), self.draft(), facts)

    def refresh_checks(self) -> None:
        """Recompute the trial period, the cost and every warning from what is typed."""
        if self._filling:
            return
        from coachdesk.services.contract_board import check_draft
        from coachdesk.services.contract_rules import (
            fr_date,
            legal_trial_period_end,
            trial_period_end,
        )
        from coachdesk.services.employer_cost import employer_monthly_cost

        terms = self.draft()
        legal = legal_trial_period_end(terms)
        applied = trial_period_end(terms)
        text = self.tr("Trial period ends on %1 (legal computation).").replace(
            "%1", fr_date(legal)
        )
        if applied != legal:
            text = self.tr("Trial period ends on %1 (as written in the contract; legal: %2).")
            text = text.replace("%1", fr_date(applied)).replace("%2", fr_date(legal))
        self.trial_label.setText(text)
        pay_problem = bool(self.pay.text().strip()) and self.pay_amount() is None
        self.pay.setStyleSheet(f"border: 1px solid {ALERT_COLOUR}" if pay_problem else "")
        branch_problem = (bool(self.branch_minimum.text().strip())
                          and self.branch_minimum_amount() is None)
        self.branch_minimum.setStyleSheet(
            f"border: 1px solid {ALERT_COLOUR}" if branch_problem else ""
        )
        cost = employer_monthly_cost(terms)
        if pay_problem:
            self.cost_label.setText(self.tr("The pay is not an amount: write e.g. 1 075,02."))
        elif cost is None:
            self.cost_label.setText(self.tr("Type the gross monthly pay to see the cost."))
        else:
            self.cost_label.setText(cost.message_fr)
        self.warnings = check_draft(self.database, self.participant.currentData(), terms,
                                    self.smic, self.today, contract_id=self.contract_id)
        self.warnings_label.setText(
            warnings_html(self.warnings, self.tr("No rule seems broken."))
        )
        self.cerfa.show_missing(self.participant.currentData(), terms)

    def save(self) -> str:
        from coachdesk.services.contracts import record_contract, update_contract

        participant_id = self.participant.currentData()
        if not participant_id:
            raise UserError(self.tr("Choose the participant who signs the contract."))
        if not self.employer.employer_id():
            raise UserError(self.tr("Choose the employer: type a few letters of its name and "
                                    "pick it; add it in the Employers tab first if it is not "
                                    "found."))
        if self.pay.text().strip() and self.pay_amount() is None:
            raise UserError(
                self.tr("Field « Gross monthly pay »: « %1 » is not an amount in euros.")
                .replace("%1", self.pay.text()),
                hint=self.tr("Write e.g. 1 075,02 or leave it empty."),
            )
        if self.branch_minimum.text().strip() and self.branch_minimum_amount() is None:
            raise UserError(
                self.tr("Field « Branch minimum pay »: « %1 » is not an amount in euros.")
                .replace("%1", self.branch_minimum.text()),
                hint=self.tr("Write e.g. 1 650,00 or leave it empty."),
            )
        if self.contract_id is not None:
            update_contract(self.database, self.contract_id, self.draft())
            return self.contract_id
        return record_contract(self.database, participant_id, self.draft())

    def remind(self) -> None:
        from coachdesk.ui.widgets.reminder_dialog import ReminderDialog

        if self.stored is not None:
            self.reminder = ReminderDialog(
                self.database, self.stored.participant_id, self.today,
                who=self.stored.participant,
                about=self.tr("Contract at %1").replace("%1", self.employer.current_name()),
                contract_id=self.contract_id, parent=self)
            self.reminder.open()
