"""The contract dialog's CERFA fields (contrat de professionnalisation, n° 12434) and the list of
what is still missing before the file goes to the OPCO.

The fields are those of ``ContractDraft`` beyond the contract's main terms, and the parties'
facts the form asks for (``cerfa_checks.CerfaParties``: the person's NIR and birth place, the
employer's funds and IDCC, the tutor's birth date, the training body's declaration number),
saved with the contract on their own records. The missing list never blocks saving a draft.
"""

from __future__ import annotations

import html
from dataclasses import fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from coachdesk.services import cerfa_checks as codes
from coachdesk.ui.widgets.fields import OptionalDate

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.cerfa_checks import CerfaParties
    from coachdesk.services.contract_draft import ContractDraft

MISSING_COLOUR = "#9a5b00"
DONE_COLOUR = "#2e7d32"
# The draft's fields shown here (the others are the dialog's own).
TEXTS = ("france_travail_number", "user_tutor_last_name", "user_tutor_first_name",
         "user_tutor_job", "user_company_naf", "project_number", "classification",
         "classification_level", "coefficient", "rncp_code", "nsf_code",
         "training_organisation", "signed_at_place")
CHOICES = {"situation_before": codes.SITUATIONS_BEFORE, "minimum_social": codes.MINIMUM_SOCIAL,
           "highest_diploma": codes.DIPLOMAS, "cerfa_contract_kind": codes.CONTRACT_KINDS,
           "qualification_type": codes.QUALIFICATION_TYPES, "target_diploma": codes.DIPLOMAS}
YES_NO = ("rqth", "rqth_youth_equivalence", "rqth_boe_extension", "france_travail_registered",
          "tutor_attested", "internal_training", "internal_training_attested")
NUMBERS = {"france_travail_months": 120, "trial_days": 365, "training_body_count": 20,
           "teaching_hours": 3000}
DATES = ("user_tutor_birth_date", "amendment_effective_on", "training_start_on",
         "exams_end_on")
PARTY_TEXTS = ("usage_name", "nir", "birth_department", "birth_city", "employer_phone",
               "employer_email", "pension_fund", "provident_fund", "urssaf_number", "idcc",
               "opco_member_number", "declaration_number")
# Which of the parties' facts come from which record, reloaded when another one is chosen.
PERSON_FACTS = ("usage_name", "nir", "sex", "birth_department", "birth_city")
EMPLOYER_FACTS = ("employer_phone", "employer_email", "pension_fund", "provident_fund",
                  "private_employer", "urssaf_number", "headcount", "idcc", "opco_member_number",
                  "tutor_birth_date")
TUTOR_FACTS = ("tutor_birth_date",)
BODY_FACTS = ("declaration_number",)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class CerfaFields(QObject):
    """The CERFA widgets, in group boxes the dialog lays out, and the missing list."""

    changed = Signal()

    def __init__(self, database: Database, cohort_id: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from coachdesk.services.cerfa import cohort_training_body
        from coachdesk.services.training_bodies import list_training_bodies

        self.database = database
        self.widgets: dict[str, QWidget] = {}
        for name in (*TEXTS, *PARTY_TEXTS):
            edit = QLineEdit()
            edit.textChanged.connect(self.changed)
            self._keep(name, edit)
        self.nir.setPlaceholderText(self.tr("15 characters, key included"))
        self.idcc.setPlaceholderText(self.tr("4 digits, e.g. 1486"))
        self.rncp_code.setPlaceholderText("RNCP34592")
        self.nsf_code.setPlaceholderText("314")
        self.nsf_code.setMaxLength(3)
        for name, vocabulary in CHOICES.items():
            combo = self._combo(name)
            for code, label in vocabulary.items():
                combo.addItem(f"{code} - {label}", code)
        for name in (*YES_NO, "private_employer"):
            combo = self._combo(name)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
        self.sex = self._combo("sex")
        for code in codes.SEXES:
            self.sex.addItem(code, code)
        for name, top in (*NUMBERS.items(), ("headcount", 1_000_000)):
            spin = QSpinBox()
            spin.setRange(0, top)
            # The lowest value, shown « — », means not known yet.
            spin.setSpecialValueText("—")
            spin.valueChanged.connect(self.changed)
            self._keep(name, spin)
        for name in (*DATES, "tutor_birth_date"):
            optional = OptionalDate(self.tr("known"), today, _camel(name))
            optional.changed.connect(self.changed)
            self.widgets[name] = optional
        self.vae_amendment = QCheckBox(self.tr("the contract amends the initial work contract "
                                               "(VAE)"))
        self.vae_amendment.toggled.connect(self.changed)
        self._keep("vae_amendment", self.vae_amendment)
        self.training_body = self._combo("training_body_id")
        for body in list_training_bodies(database):
            self.training_body.addItem(body.name, body.id)
        default_body = cohort_training_body(database, cohort_id)
        self.training_body.setCurrentIndex(max(0, self.training_body.findData(default_body)))
        self.missing_label = QLabel()
        self.missing_label.setObjectName("cerfaMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.missing: list[str] = []
        self.boxes = self._boxes()

    def __getattr__(self, name: str) -> Any:
        widgets = self.__dict__.get("widgets")
        if widgets is not None and name in widgets:
            return widgets[name]
        raise AttributeError(name)

    def _keep(self, name: str, widget: QWidget) -> None:
        widget.setObjectName(_camel(name))
        self.widgets[name] = widget

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        # The code lists' labels are long: the list opens wide, the form stays narrow.
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.addItem("—", None)
        combo.currentIndexChanged.connect(self.changed)
        self._keep(name, combo)
        return combo

    def _boxes(self) -> list[QGroupBox]:
        layout: list[tuple[str, list[tuple[str, str]]]] = [
            (self.tr("Employee (CERFA)"), [
                ("usage_name", self.tr("Usage name")),
                ("nir", self.tr("Social security number (NIR)")),
                ("sex", self.tr("Sex")), ("birth_department", self.tr("Department of birth")),
                ("birth_city", self.tr("Commune of birth")),
                ("rqth", self.tr("Recognised disabled worker (RQTH)")),
                ("rqth_youth_equivalence", self.tr("If not: RQTH youth equivalence")),
                ("rqth_boe_extension", self.tr("If not: BOE extension")),
                ("france_travail_registered", self.tr("Registered with France Travail")),
                ("france_travail_number", self.tr("Registration number")),
                ("france_travail_months", self.tr("Registered for (months)")),
                ("situation_before", self.tr("Situation before this contract")),
                ("minimum_social", self.tr("Minimum social benefit")),
                ("highest_diploma", self.tr("Highest diploma or title")),
            ]),
            (self.tr("Employer and tutors (CERFA)"), [
                ("employer_phone", self.tr("Employer's phone")),
                ("employer_email", self.tr("Employer's e-mail")),
                ("pension_fund", self.tr("Supplementary pension fund")),
                ("provident_fund", self.tr("Provident fund, if any")),
                ("private_employer", self.tr("Private individual employer")),
                ("urssaf_number", self.tr("URSSAF number (private employer)")),
                ("headcount", self.tr("Total headcount")),
                ("idcc", self.tr("IDCC code of the agreement")),
                ("opco_member_number", self.tr("OPCO membership number")),
                ("project_number", self.tr("Project number (VAE)")),
                ("tutor_birth_date", self.tr("Tutor's date of birth")),
                ("tutor_attested", self.tr("Employer attests the tutor is eligible")),
                ("user_tutor_last_name", self.tr("User company's tutor: last name")),
                ("user_tutor_first_name", self.tr("User company's tutor: first name")),
                ("user_tutor_job", self.tr("User company's tutor: job")),
                ("user_tutor_birth_date", self.tr("User company's tutor: date of birth")),
                ("user_company_naf", self.tr("User company's NAF code (VAE)")),
            ]),
            (self.tr("Contract details (CERFA)"), [
                ("cerfa_contract_kind", self.tr("Type of contract")),
                ("vae_amendment", self.tr("Amendment")),
                ("amendment_effective_on", self.tr("If amendment: effective date")),
                ("classification", self.tr("Classification in the agreement")),
                ("classification_level", self.tr("Level")),
                ("coefficient", self.tr("Coefficient")),
                ("trial_days", self.tr("Trial period (days)")),
                ("signed_at_place", self.tr("Signed at")),
            ]),
            (self.tr("Training (CERFA)"), [
                ("training_body_id", self.tr("Main training body")),
                ("declaration_number", self.tr("Its declaration number")),
                ("internal_training", self.tr("In-house training service")),
                ("internal_training_attested", self.tr("Employer attests its means")),
                ("training_body_count", self.tr("Number of training bodies")),
                ("qualification_type", self.tr("Type of qualification")),
                ("target_diploma", self.tr("Diploma or title aimed at")),
                ("rncp_code", self.tr("RNCP code")),
                ("nsf_code", self.tr("Training speciality (NSF)")),
                ("training_organisation", self.tr("Organisation of the training")),
                ("teaching_hours", self.tr("Of which teaching hours")),
                ("training_start_on", self.tr("Training cycle starts")),
                ("exams_end_on", self.tr("Exams end (planned)")),
            ]),
        ]
        boxes = []
        for title, rows in layout:
            form = QFormLayout()
            for name, label in rows:
                form.addRow(label, self.widgets[name])
            box = QGroupBox(title)
            box.setLayout(form)
            boxes.append(box)
        return boxes

    # Showing and reading ------------------------------------------------------------------
    def _set(self, name: str, value: Any) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)
        elif isinstance(widget, QSpinBox):
            widget.setValue(value or 0)
        elif isinstance(widget, OptionalDate):
            widget.set_value(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))

    def _get(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        if isinstance(widget, OptionalDate):
            return widget.value()
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def _draft_names(self) -> list[str]:
        return [*TEXTS, *CHOICES, *YES_NO, *NUMBERS, *DATES, "vae_amendment",
                "training_body_id"]

    def show_parties(self, parties: CerfaParties, only: tuple[str, ...] | None = None) -> None:
        for item in fields(parties):
            if only is None or item.name in only:
                self._set(item.name, getattr(parties, item.name))

    def fill(self, draft: ContractDraft, participant_id: str | None) -> None:
        """Show the draft's CERFA fields and its parties' (the stored ones when it has none)."""
        from coachdesk.services.cerfa import stored_parties

        for name in self._draft_names():
            self._set(name, getattr(draft, name))
        self.show_parties(draft.parties or stored_parties(self.database, participant_id, draft))

    def reload_parties(self, participant_id: str | None, draft: ContractDraft,
                       only: tuple[str, ...]) -> None:
        """Another person, employer, tutor or body chosen: show what its record holds
        (``only`` its facts: what was typed for the others stays)."""
        from coachdesk.services.cerfa import stored_parties

        self.show_parties(stored_parties(self.database, participant_id, draft), only)

    def completed(self, draft: ContractDraft) -> ContractDraft:
        """``draft`` with the CERFA fields and the parties' facts as typed."""
        from coachdesk.services.cerfa_checks import CerfaParties

        parties = CerfaParties(**{item.name: self._get(item.name)
                                  for item in fields(CerfaParties)})
        parties = replace(parties, sex=parties.sex or "")
        values = {name: self._get(name) for name in self._draft_names()}
        return replace(draft, parties=parties, **values)

    def show_missing(self, participant_id: str | None, draft: ContractDraft) -> None:
        """The short list of CERFA fields still empty (never blocking)."""
        from coachdesk.services.cerfa import missing_before_sending

        self.missing = missing_before_sending(self.database, participant_id, draft)
        if not self.missing:
            text = self.tr("Every field the CERFA asks for is filled in.")
            self.missing_label.setText(f"<p style='color:{DONE_COLOUR}'>✔ {text}</p>")
            return
        shown = self.missing[:12]
        items = "".join(f"<li>{html.escape(label)}</li>" for label in shown)
        more = len(self.missing) - len(shown)
        more_text = self.tr("and %1 more.").replace("%1", str(more))
        tail = f"<p>{more_text}</p>" if more > 0 else ""
        heading = self.tr("%1 field(s) of the CERFA still empty:").replace(
            "%1", str(len(self.missing)))
        self.missing_label.setText(
            f"<p style='color:{MISSING_COLOUR}'>{heading}</p>"
            f"<ul style='margin-left:-20px'>{items}</ul>{tail}"
        )
