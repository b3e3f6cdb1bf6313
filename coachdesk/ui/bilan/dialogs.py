"""Dialogs of the Bilan tab: groups and their calendar, members, sessions, skills, projects.

Every dialog is a ``FormDialog`` (``ui/widgets/forms.py``): it saves through a Qt-free service
when the coach clicks OK, and a ``UserError`` (bad dates, a score above the scale…) is shown in
red inside the dialog, which stays open with everything typed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import bilan
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.fields import DateField, date_edit, date_of, set_date
from coachdesk.ui.widgets.forms import FormDialog
from coachdesk.ui.widgets.rome_picker import RomePicker

if TYPE_CHECKING:
    from coachdesk.db import Database

def score_spin(value: int | None, maximum: int = 20) -> QSpinBox:
    """A score field whose lowest step, shown « — », means « not assessed yet »."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("—")
    spin.setValue(-1 if value is None else value)
    return spin


def score_of(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


# ---------------------------------------------------------------------------------------------
# Groups, members and sessions


class GroupDialog(FormDialog):
    """A new bilan group: its name, its dates and the calendar of its three parts."""

    def __init__(self, database: Database, cohort_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New bilan group"), parent)
        self.database = database
        self.cohort_id = cohort_id
        self.name = QLineEdit()
        self.name.setObjectName("groupName")
        today = database_day(self.database)
        self.start = date_edit(today)
        self.end = date_edit(date.fromordinal(today.toordinal() + 44))
        self.form.addRow(self.tr("Group name"), self.name)
        self.form.addRow(self.tr("Starts on"), self.start)
        self.form.addRow(self.tr("Ends on"), self.end)
        self.parts: dict[str, tuple[DateField, DateField]] = {}
        note = QLabel(self.tr("The three parts are cut in equal thirds; change them if needed."))
        note.setWordWrap(True)
        self.form.addRow(note)
        for kind, label in codes.BILAN_PARTS.items():
            first, last = date_edit(), date_edit()
            row = QHBoxLayout()
            row.addWidget(first)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(last)
            self.form.addRow(label, row)
            self.parts[kind] = (first, last)
        self.start.dateChanged.connect(self.split_in_thirds)
        self.end.dateChanged.connect(self.split_in_thirds)
        self.split_in_thirds()

    def split_in_thirds(self) -> None:
        start, end = date_of(self.start), date_of(self.end)
        if start is None or end is None or (end - start).days < 2:
            return
        for kind, (first, last) in bilan.split_in_thirds(start, end).items():
            set_date(self.parts[kind][0], first)
            set_date(self.parts[kind][1], last)

    def save(self) -> str | None:
        start, end = date_of(self.start), date_of(self.end)
        assert start is not None and end is not None
        parts = {}
        for kind, (first, last) in self.parts.items():
            part_start, part_end = date_of(first), date_of(last)
            assert part_start is not None and part_end is not None
            parts[kind] = (part_start, part_end)
        return bilan.create_group(
            self.database, cohort_id=self.cohort_id, name=self.name.text(), start_date=start,
            end_date=end, parts=parts,
        )


class MemberDialog(FormDialog):
    """Add a participant of the cohort to a bilan group."""

    def __init__(
        self,
        database: Database,
        group_id: str,
        people: list[tuple[str, str]],
        start: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add a participant to the group"), parent)
        self.database = database
        self.group_id = group_id
        self.person = QComboBox()
        self.person.setObjectName("memberPerson")
        # Typing part of a name narrows the list (hundreds of contacts in a cohort).
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for participant_id, name in people:
            self.person.addItem(name, participant_id)
        self.started_on = date_edit(start)
        self.form.addRow(self.tr("Participant"), self.person)
        self.form.addRow(self.tr("Started on"), self.started_on)

    def save(self) -> str | None:
        index = self.person.findText(self.person.currentText())
        if index < 0:
            raise UserError("Choisissez une personne de la liste.")
        started_on = date_of(self.started_on)
        assert started_on is not None
        return bilan.add_member(
            self.database, self.group_id, str(self.person.itemData(index)), started_on
        )


class SessionDialog(FormDialog):
    """A dated session of one of the three parts."""

    def __init__(
        self, database: Database, group_id: str, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New bilan session"), parent)
        self.database = database
        self.group_id = group_id
        self.part = QComboBox()
        self.part.setObjectName("sessionPart")
        for code, label in codes.BILAN_PARTS.items():
            self.part.addItem(label, code)
        self.held_on = date_edit(day)
        self.title = QLineEdit()
        self.title.setObjectName("sessionTitle")
        self.trainer = QLineEdit()
        self.form.addRow(self.tr("Part"), self.part)
        self.form.addRow(self.tr("Date"), self.held_on)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Trainer"), self.trainer)

    def save(self) -> str | None:
        held_on = date_of(self.held_on)
        assert held_on is not None
        return bilan.add_session(
            self.database, self.group_id, part=str(self.part.currentData()), held_on=held_on,
            title=self.title.text(), trainer=self.trainer.text(),
        )


class MemberStatusDialog(FormDialog):
    """Mark a member as finished or dropped out of the bilan, with the day."""

    def __init__(
        self, database: Database, group_id: str, participant_id: str, name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Status in the bilan: %1").replace("%1", name), parent)
        self.database = database
        self.group_id = group_id
        self.participant_id = participant_id
        self.status = QComboBox()
        self.status.setObjectName("memberStatus")
        for code, label in codes.BILAN_STATUSES.items():
            self.status.addItem(label, code)
        self.left_on = date_edit(database_day(self.database))
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Since"), self.left_on)

    def save(self) -> str | None:
        bilan.set_member_status(
            self.database, self.group_id, self.participant_id, str(self.status.currentData()),
            date_of(self.left_on),
        )
        return None


# ---------------------------------------------------------------------------------------------
# Skills and projects


class SkillDialog(FormDialog):
    """Scores of one domain before and after the remise à niveau."""

    def __init__(
        self,
        database: Database,
        participant_id: str,
        existing: bilan.SkillRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Skill assessment"), parent)
        self.database = database
        self.participant_id = participant_id
        self.domain = QComboBox()
        self.domain.setObjectName("skillDomain")
        # Coaches may name a domain of their own: the combo accepts free text.
        self.domain.setEditable(True)
        self.domain.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in bilan.skill_domains(database):
            self.domain.addItem(label, code)
        self.max_score = QSpinBox()
        self.max_score.setRange(1, 1000)
        self.max_score.setValue(existing.max_score if existing else 20)
        self.before = score_spin(existing.score_before if existing else None)
        self.before_on = date_edit(existing.assessed_before_on if existing else None,
                                   optional=True)
        self.after = score_spin(existing.score_after if existing else None)
        self.after_on = date_edit(existing.assessed_after_on if existing else None, optional=True)
        self.max_score.valueChanged.connect(self._scale_changed)
        self._scale_changed(self.max_score.value())
        if existing is not None:
            self.domain.setCurrentText(existing.domain_label)
            self.domain.setEnabled(False)
        self.form.addRow(self.tr("Domain"), self.domain)
        self.form.addRow(self.tr("Out of"), self.max_score)
        self.form.addRow(self.tr("Score before"), self.before)
        self.form.addRow(self.tr("Date (before)"), self.before_on)
        self.form.addRow(self.tr("Score after"), self.after)
        self.form.addRow(self.tr("Date (after)"), self.after_on)

    def _scale_changed(self, maximum: int) -> None:
        self.before.setMaximum(maximum)
        self.after.setMaximum(maximum)

    def save(self) -> str | None:
        return bilan.set_skill_assessment(
            self.database, self.participant_id,
            bilan.SkillAssessmentDraft(
                domain=self.domain.currentText(), max_score=self.max_score.value(),
                score_before=score_of(self.before), assessed_before_on=date_of(self.before_on),
                score_after=score_of(self.after), assessed_after_on=date_of(self.after_on),
            ),
        )


class ProjectDialog(FormDialog):
    """A professional project: the target job from the ROME list and the decision on it.

    For an existing project only the decision, its date and « directly employable » change.
    """

    def __init__(
        self,
        database: Database,
        participant_id: str,
        existing: bilan.ProjectRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Decision on the project") if existing else self.tr("New project")
        super().__init__(title, parent)
        self.setMinimumWidth(560)
        self.database = database
        self.participant_id = participant_id
        self.existing = existing
        self.rome = RomePicker()
        self.job_title = QLineEdit()
        self.job_title.setObjectName("projectTitle")
        self.job_title.setPlaceholderText(self.tr("The ROME label unless you type another"))
        self.decision = QComboBox()
        self.decision.setObjectName("projectDecision")
        for code, label in codes.PROJECT_DECISIONS.items():
            self.decision.addItem(label, code)
        self.decided_on = date_edit(None, optional=True)
        self.employable = QCheckBox(self.tr("Directly employable"))
        self.employable.setObjectName("projectEmployable")
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        if existing is None:
            self.form.addRow(self.tr("Target job (ROME)"), self.rome)
            self.form.addRow(self.tr("Job title"), self.job_title)
        else:
            heading = QLabel(f"<b>{existing.job_title}</b> ({existing.rome_code})")
            self.form.addRow(self.tr("Project"), heading)
            self.decision.setCurrentIndex(self.decision.findData(existing.decision))
            set_date(self.decided_on, existing.decided_on)
            self.employable.setChecked(existing.directly_employable)
        self.form.addRow(self.tr("Decision"), self.decision)
        self.form.addRow(self.tr("Decided on"), self.decided_on)
        self.form.addRow("", self.employable)
        if existing is None:
            self.form.addRow(self.tr("Notes"), self.notes)
        self.decision.currentIndexChanged.connect(self._decision_changed)

    def _decision_changed(self) -> None:
        # A decision is dated: offer today rather than an empty field.
        if self.decision.currentData() != "en_cours" and date_of(self.decided_on) is None:
            set_date(self.decided_on, database_day(self.database))

    def save(self) -> str | None:
        decision = str(self.decision.currentData())
        if self.existing is not None:
            bilan.decide_project(self.database, self.existing.id, decision,
                                 date_of(self.decided_on),
                                 directly_employable=self.employable.isChecked())
            return self.existing.id
        if not self.rome.code():
            raise UserError("Projet professionnel : choisissez le métier visé dans la liste ROME.",
                            hint="Tapez quelques lettres du métier, puis cliquez sur la ligne.")
        return bilan.add_project(
            self.database, self.participant_id,
            bilan.ProjectDraft(
                rome_code=self.rome.code(), job_title=self.job_title.text(), decision=decision,
                decided_on=date_of(self.decided_on),
                directly_employable=self.employable.isChecked(), notes=self.notes.toPlainText(),
            ),
        )
