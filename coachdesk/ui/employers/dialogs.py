"""Dialogs of the Employeurs tab: employers, contact persons and tutors, prospecting, job
offers, matching and referrals. Each saves through the Qt-free services on OK."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import employers, matching, offers
from coachdesk.services.checks import check_siret
from coachdesk.services.documents import DocumentOwner
from coachdesk.services.text import digits, person_name
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.documents import DocumentsPanel
from coachdesk.ui.widgets.employer_picker import EmployerPicker
from coachdesk.ui.widgets.fields import date_edit, date_of, set_date
from coachdesk.ui.widgets.forms import FormDialog
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.rome_picker import RomePicker
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

RED = "color: #b00020;"
ORANGE = "color: #9a5b00;"


def _combo(vocabulary: dict[str, str], name: str, *, empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    if empty is not None:
        combo.addItem(empty, None)
    for code, label in vocabulary.items():
        combo.addItem(label, code)
    return combo


def _select(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


class EmployerDialog(FormDialog):
    """Create or edit an employer; the SIRET is checked as soon as it is typed."""

    def __init__(
        self, database: Database, employer_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit the employer") if employer_id else self.tr("New employer")
        super().__init__(title, parent)
        self.database = database
        self.employer_id = employer_id
        self.name = QLineEdit()
        self.name.setObjectName("employerName")
        self.siret = QLineEdit()
        self.siret.setObjectName("employerSiret")
        self.siret.setPlaceholderText("123 456 789 00012")
        self.siret_error = QLabel()
        self.siret_error.setObjectName("siretError")
        self.siret_error.setWordWrap(True)
        self.siret_error.setStyleSheet(RED)
        self.siret_error.hide()
        self.naf = QLineEdit()
        self.naf.setPlaceholderText("62.01Z")
        self.address = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(90)
        self.city = QLineEdit()
        self.city.setObjectName("employerCity")
        self.size_band = QComboBox()
        self.size_band.setEditable(True)
        self.size_band.addItems(["", "1-9", "10-49", "50-249", "250-999", "1000+"])
        self.agreement = QLineEdit()
        self.opco = QLineEdit()
        self.opco.setPlaceholderText("AGEFOS PME, Atlas, OPCO EP…")
        self.reached_via = _combo(codes.EMPLOYER_REACHED_VIA, "employerReachedVia", empty="—")
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.form.addRow(self.tr("Company name"), self.name)
        siret_box = QWidget()
        siret_layout = QHBoxLayout(siret_box)
        siret_layout.setContentsMargins(0, 0, 0, 0)
        siret_layout.addWidget(self.siret, 1)
        siret_layout.addWidget(self.siret_error, 2)
        self.form.addRow(self.tr("SIRET"), siret_box)
        self.form.addRow(self.tr("NAF code"), self.naf)
        self.form.addRow(self.tr("Address"), self.address)
        town = QHBoxLayout()
        town.addWidget(self.postcode)
        town.addWidget(self.city, 1)
        self.form.addRow(self.tr("Postcode and town"), town)
        self.form.addRow(self.tr("Size (employees)"), self.size_band)
        self.form.addRow(self.tr("Collective agreement"), self.agreement)
        self.form.addRow(self.tr("OPCO"), self.opco)
        self.form.addRow(self.tr("Reached via"), self.reached_via)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.siret.editingFinished.connect(self.check_siret)
        self.siret.textEdited.connect(self._siret_typed)
        if employer_id:
            self._fill(employers.get_employer(database, employer_id))
            # Its Kbis, a signed agreement…
            self.add_to_body(DocumentsPanel(database, DocumentOwner("employer", employer_id)))

    def _fill(self, detail: employers.EmployerDraft) -> None:
        self.name.setText(detail.name)
        self.siret.setText(detail.siret or "")
        self.naf.setText(detail.naf_code)
        self.address.setText(detail.address)
        self.postcode.setText(detail.postcode)
        self.city.setText(detail.city)
        self.size_band.setCurrentText(detail.size_band)
        self.agreement.setText(detail.collective_agreement)
        self.opco.setText(detail.opco)
        _select(self.reached_via, detail.reached_via)
        self.notes.setPlainText(detail.notes)

    def _siret_typed(self, text: str) -> None:
        # Say what is wrong as soon as the whole number is typed, not only on leaving the field.
        if len(digits(text)) >= 14 or any(ch.isalpha() for ch in text):
            self.check_siret()
        else:
            self.siret_error.hide()

    def check_siret(self) -> UserError | None:
        """Check the SIRET typed and say what is wrong (and how to find it) next to the field."""
        try:
            check_siret(self.siret.text())
        except UserError as error:
            self.siret_error.setText(str(error))
            self.siret_error.show()
            return error
        self.siret_error.hide()
        return None

    def save(self) -> str | None:
        problem = self.check_siret()
        if problem is not None:
            # Where to find the right number is said next to the field already.
            raise UserError(problem.message, hint="Corrigez le SIRET ou laissez le champ vide.")
        draft = employers.EmployerDraft(
            name=self.name.text(), siret=self.siret.text(), naf_code=self.naf.text(),
            address=self.address.text(), postcode=self.postcode.text(),
            city=self.city.text(), size_band=self.size_band.currentText(),
            collective_agreement=self.agreement.text(), opco=self.opco.text(),
            reached_via=self.reached_via.currentData(), notes=self.notes.toPlainText(),
        )
        if self.employer_id:
            employers.update_employer(self.database, self.employer_id, draft)
            return self.employer_id
        return employers.create_employer(self.database, draft)


class ContactDialog(FormDialog):
    """A contact person of an employer; a tutor shows the legal warnings as they are typed."""

    def __init__(
        self,
        database: Database,
        employer_id: str,
        existing: employers.ContactRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit the contact person") if existing else self.tr("New contact person")
        super().__init__(title, parent)
        self.database = database
        self.employer_id = employer_id
        self.existing = existing
        self.last_name = QLineEdit()
        self.last_name.setObjectName("contactLastName")
        self.first_name = QLineEdit()
        self.role = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.is_tutor = QCheckBox(self.tr("Tutor of a trainee"))
        self.is_tutor.setObjectName("contactIsTutor")
        self.in_person = QCheckBox(self.tr("The employer in person (at most two trainees)"))
        self.experience = QSpinBox()
        self.experience.setObjectName("tutorExperience")
        self.experience.setRange(-1, 60)
        self.experience.setSpecialValueText(self.tr("not known"))
        self.experience.setSuffix(self.tr(" year(s)"))
        self.experience.setValue(-1)
        self.warnings = QLabel()
        self.warnings.setObjectName("tutorWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(ORANGE)
        self.form.addRow(self.tr("Last name"), self.last_name)
        self.form.addRow(self.tr("First name"), self.first_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow("", self.is_tutor)
        self.form.addRow("", self.in_person)
        self.form.addRow(self.tr("Tutor's experience"), self.experience)
        self.form.addRow(self.warnings)
        if existing is not None:
            self.last_name.setText(existing.last_name)
            self.first_name.setText(existing.first_name)
            self.role.setText(existing.role)
            self.phone.setText(existing.phone)
            self.email.setText(existing.email)
            self.is_tutor.setChecked(existing.is_tutor)
            self.in_person.setChecked(existing.is_employer_in_person)
            if existing.tutor_experience_years is not None:
                self.experience.setValue(existing.tutor_experience_years)
        for box in (self.is_tutor, self.in_person):
            box.toggled.connect(self.show_warnings)
        self.experience.valueChanged.connect(self.show_warnings)
        self.show_warnings()

    def _experience(self) -> int | None:
        return None if self.experience.value() < 0 else self.experience.value()

    def show_warnings(self) -> None:
        tutor = self.is_tutor.isChecked() or self.in_person.isChecked()
        self.experience.setEnabled(tutor)
        trainees = self.existing.active_trainees if self.existing else 0
        found = employers.tutor_warnings(tutor, self.in_person.isChecked(), self._experience(),
                                         trainees)
        self.warnings.setText("\n".join(f"⚠ {text}" for text in found))
        self.warnings.setVisible(bool(found))

    def save(self) -> str | None:
        draft = employers.ContactDraft(
            last_name=self.last_name.text(), first_name=self.first_name.text(),
            role=self.role.text(), phone=self.phone.text(), email=self.email.text(),
            is_tutor=self.is_tutor.isChecked(), is_employer_in_person=self.in_person.isChecked(),
            tutor_experience_years=self._experience(),
        )
        if self.existing is not None:
            employers.update_contact(self.database, self.existing.id, draft)
            return self.existing.id
        return employers.add_contact(self.database, self.employer_id, draft)


class ProspectingDialog(FormDialog):
    """One step of prospecting an employer, and the next step planned."""

    def __init__(
        self, database: Database, employer_id: str, author: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Log a prospecting contact"), parent)
        self.database = database
        self.employer_id = employer_id
        self.done_on = date_edit(database_day(self.database))
        self.channel = _combo(codes.PROSPECTING_CHANNELS, "prospectingChannel")
        self.author = QLineEdit(author)
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("prospectingOutcome")
        self.outcome.setMaximumHeight(70)
        self.next_step = QLineEdit()
        self.next_step.setObjectName("prospectingNextStep")
        self.next_step_on = date_edit(None, optional=True)
        self.form.addRow(self.tr("Date"), self.done_on)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("By"), self.author)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Next step"), self.next_step)
        self.form.addRow(self.tr("Next step on"), self.next_step_on)

    def save(self) -> str | None:
        done_on = date_of(self.done_on)
        assert done_on is not None
        return employers.add_prospecting_event(
            self.database, self.employer_id,
            employers.ProspectingDraft(
                done_on=done_on, channel=str(self.channel.currentData()),
                author=self.author.text(), outcome=self.outcome.toPlainText(),
                next_step=self.next_step.text(), next_step_on=date_of(self.next_step_on),
            ),
        )


class OfferDialog(FormDialog):
    """Create or edit a job offer of the cohort, its job picked from the ROME list."""

    def __init__(
        self,
        database: Database,
        cohort_id: str,
        *,
        employer_id: str | None = None,
        offer: offers.OfferRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit the job offer") if offer else self.tr("New job offer"),
                         parent)
        self.setMinimumWidth(560)
        self.database = database
        self.cohort_id = cohort_id
        self.offer = offer
        # Searched in SQL as the coach types: the directory may hold 10,000 employers.
        self.employer = EmployerPicker(database)
        self.employer.setObjectName("offerEmployer")
        self.title = QLineEdit()
        self.title.setObjectName("offerTitle")
        self.rome = RomePicker()
        self.city = QLineEdit()
        self.city.setPlaceholderText(self.tr("The employer's town unless you type another"))
        self.received_on = date_edit(database_day(self.database))
        self.start_on = date_edit(None, optional=True)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 48)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText("—")
        self.hours.setSuffix(" h")
        self.status = _combo(codes.OFFER_STATUSES, "offerStatus")
        self.source = _combo(codes.OFFER_SOURCES, "offerSource")
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(70)
        self.form.addRow(self.tr("Employer"), self.employer)
        self.form.addRow(self.tr("Job title"), self.title)
        self.form.addRow(self.tr("Job (ROME)"), self.rome)
        self.form.addRow(self.tr("Town"), self.city)
        self.form.addRow(self.tr("Received on"), self.received_on)
        self.form.addRow(self.tr("Starts on"), self.start_on)
        self.form.addRow(self.tr("Hours per week"), self.hours)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Description"), self.description)
        if employer_id:
            self.employer.set_employer(employer_id)
        if offer is not None:
            self.fill(offers.get_offer(database, offer.id))

    def fill(self, draft: offers.OfferDraft) -> None:
        """Show an offer's fields."""
        self.employer.set_employer(draft.employer_id)
        self.title.setText(draft.title)
        self.rome.set_code(draft.rome_code)
        self.rome.search.setText(draft.rome_code)
        self.city.setText(draft.city)
        set_date(self.received_on, draft.received_on)
        set_date(self.start_on, draft.start_on)
        self.hours.setValue(float(draft.weekly_hours or 0))
        _select(self.status, draft.status)
        _select(self.source, draft.source)
        self.description.setPlainText(draft.description)

    def save(self) -> str | None:
        employer_id = self.employer.employer_id()
        if employer_id is None:
            raise UserError("Offre d'emploi : choisissez l'employeur dans la liste.",
                            hint="Créez d'abord l'employeur dans l'annuaire s'il n'y est pas.")
        if not self.rome.code():
            raise UserError("Offre d'emploi : choisissez le métier dans la liste ROME.",
                            hint="Tapez quelques lettres du métier, puis cliquez sur la ligne.")
        received_on = date_of(self.received_on)
        assert received_on is not None  # not an optional field
        hours = self.hours.value()
        draft = offers.OfferDraft(
            employer_id=employer_id, title=self.title.text(), rome_code=self.rome.code(),
            received_on=received_on, city=self.city.text(), start_on=date_of(self.start_on),
            weekly_hours=Decimal(str(hours)) if hours else None,
            status=str(self.status.currentData()), source=str(self.source.currentData()),
            description=self.description.toPlainText(),
        )
        if self.offer is not None:
            offers.update_offer(self.database, self.offer.id, draft)
            return self.offer.id
        return offers.create_offer(self.database, self.cohort_id, draft)


CANDIDATE_COLUMNS: list[Column[matching.Candidate]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"),
           lambda r: person_name(r.last_name, r.first_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Match"), lambda r: r.match_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Validated project"),
           lambda r: f"{r.job_title} ({r.rome_code})"),
    Column(QT_TRANSLATE_NOOP("Columns", "Directly employable"), lambda r: r.directly_employable),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Referral"), lambda r: r.referral_label),
]

OFFER_MATCH_COLUMNS: list[Column[matching.OfferMatch]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Match"), lambda r: r.match_label),
    Column(QT_TRANSLATE_NOOP("Columns", "ROME"), lambda r: r.rome_code),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Starts on"), lambda r: r.start_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Referral"),
           lambda r: codes.REFERRAL_STATUSES.get(r.referral_status or "", "")),
]


class CandidatesDialog(FormDialog):
    """The people to propose for an offer (same ROME code first, then same family).

    OK proposes the selected person (a referral « proposée » dated as chosen).
    """

    def __init__(
        self, database: Database, offer: offers.OfferRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Candidates for « %1 »").replace("%1", offer.title), parent)
        self.setMinimumSize(820, 480)
        self.database = database
        self.offer = offer
        self.model: RowTableModel[matching.Candidate] = RowTableModel(CANDIDATE_COLUMNS, self)
        self.view = make_table_view(self.model, "candidateTable", sortable=False)
        self.model.set_rows(matching.candidates_for_offer(database, offer.id))
        if self.model.rowCount():
            fit_columns(self.view)
        self.proposed_on = date_edit(database_day(self.database))
        self.notes = QLineEdit()
        heading = QLabel(self.tr("%1 — %2, %3 (%4)").replace("%1", offer.title)
                         .replace("%2", offer.employer_name).replace("%3", offer.city)
                         .replace("%4", offer.rome_code))
        self.form.addRow(heading)
        self.form.addRow(self.view)
        self.form.addRow(self.tr("Proposed on"), self.proposed_on)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.ok_button.setText(self.tr("Propose the selected person"))
        if not self.model.rowCount():
            self.form.addRow(QLabel(self.tr("Nobody of the cohort holds a validated project in "
                                            "this job or its family.")))

    def select(self, participant_id: str) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.participant_id == participant_id:
                self.view.selectRow(number)
                return

    def save(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            raise UserError("Choisissez dans la liste la personne à proposer.")
        candidate = self.model.row_at(index.row())
        proposed_on = date_of(self.proposed_on)
        assert proposed_on is not None
        return matching.propose(self.database, self.offer.id, candidate.participant_id,
                                         proposed_on, self.notes.text().strip())


class ParticipantOffersDialog(FormDialog):
    """The open offers fitting one participant's validated projects; OK proposes them."""

    def __init__(
        self, database: Database, people: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Open offers for a participant"), parent)
        self.setMinimumSize(820, 480)
        self.database = database
        self.person = QComboBox()
        self.person.setObjectName("offersPerson")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for participant_id, name in people:
            self.person.addItem(name, participant_id)
        self.model: RowTableModel[matching.OfferMatch] = RowTableModel(OFFER_MATCH_COLUMNS, self)
        self.view = make_table_view(self.model, "participantOfferTable", sortable=False)
        self.empty = QLabel()
        self.proposed_on = date_edit(database_day(self.database))
        self.form.addRow(self.tr("Participant"), self.person)
        self.form.addRow(self.view)
        self.form.addRow(self.empty)
        self.form.addRow(self.tr("Proposed on"), self.proposed_on)
        self.ok_button.setText(self.tr("Propose for the selected offer"))
        self.person.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def participant_id(self) -> str | None:
        value = self.person.currentData()
        return str(value) if value else None

    def refresh(self) -> None:
        participant_id = self.participant_id()
        rows = matching.offers_for_participant(self.database, participant_id) \
            if participant_id else []
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.view)
        self.empty.setText("" if rows else self.tr(
            "No open offer fits this person's validated projects."))

    def save(self) -> str | None:
        index = self.view.currentIndex()
        participant_id = self.participant_id()
        if not index.isValid() or participant_id is None:
            raise UserError("Choisissez dans la liste l'offre pour laquelle proposer la personne.")
        proposed_on = date_of(self.proposed_on)
        assert proposed_on is not None
        return matching.propose(self.database, self.model.row_at(index.row()).offer_id,
                                         participant_id, proposed_on)


class ReferralStatusDialog(FormDialog):
    """Move a referral one step: CV envoyé, entretien prévu, retenu·e, or a refusal."""

    def __init__(
        self, database: Database, referral: matching.ReferralRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Referral of %1").replace(
            "%1", person_name(referral.last_name, referral.first_name)), parent)
        self.database = database
        self.referral = referral
        self.status = _combo(codes.REFERRAL_STATUSES, "referralStatus")
        _select(self.status, referral.status)
        # Offer the next usual step.
        if referral.status in matching.REFERRAL_PATH[:-1]:
            path = matching.REFERRAL_PATH
            _select(self.status, path[path.index(referral.status) + 1])
        self.on = date_edit(max(database_day(self.database), referral.status_on))
        self.notes = QPlainTextEdit(referral.notes)
        self.notes.setMaximumHeight(70)
        self.form.addRow(QLabel(f"{referral.offer_title} — {referral.employer_name}"))
        self.form.addRow(self.tr("Current status"),
                         QLabel(f"{referral.status_label} ({referral.status_on:%d/%m/%Y})"))
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("On"), self.on)
        self.form.addRow(self.tr("Notes"), self.notes)

    def save(self) -> str | None:
        on = date_of(self.on)
        assert on is not None
        matching.set_referral_status(self.database, self.referral.id,
                                     str(self.status.currentData()), on,
                                     self.notes.toPlainText())
        return self.referral.id


__all__ = [
    "CandidatesDialog", "ContactDialog", "EmployerDialog", "OfferDialog",
    "ParticipantOffersDialog", "ProspectingDialog", "ReferralStatusDialog",
]
