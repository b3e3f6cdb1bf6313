"""GDPR duties from the window: retention preview and purge, right of access, erasure of one
person, and the people whose information/consent date is missing.

Every dialog reads plain rows from ``coachdesk.services.gdpr`` (no ORM object reaches a view);
purge and erasure ask for confirmation and write one transaction each, logged in the audit log.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services.text import person_name
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.person_picker import PersonPicker
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.gdpr import MissingConsent, PurgeCandidate
    from coachdesk.services.participant_list import ParticipantRow

PURGE_COLUMNS: list[Column[PurgeCandidate]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Last name"), lambda r: person_name(r.last_name, "")),
    Column(QT_TRANSLATE_NOOP("Columns", "First name"), lambda r: r.first_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Cohort"), lambda r: r.cohort_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Last contact"), lambda r: r.last_contact),
    Column(QT_TRANSLATE_NOOP("Columns", "Kept until"), lambda r: r.kept_until),
]

CONSENT_COLUMNS: list[Column[MissingConsent]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Last name"), lambda r: person_name(r.last_name, "")),
    Column(QT_TRANSLATE_NOOP("Columns", "First name"), lambda r: r.first_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Cohort"), lambda r: r.cohort_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Listed on"), lambda r: r.listed_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Source file"), lambda r: r.source_file),
]


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.rejected.connect(dialog.reject)
    return box


class RetentionDialog(QDialog):
    """Who the retention rule would purge today, then the purge itself (confirmed)."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        from coachdesk.services import gdpr

        super().__init__(parent)
        self.database = database
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Retention period and purge"))
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        rule = QHBoxLayout()
        rule.addWidget(QLabel(self.tr("Keep each person's data for")))
        self.years = QSpinBox()
        self.years.setObjectName("retentionYears")
        self.years.setRange(1, 20)
        self.years.setValue(gdpr.DEFAULT_RETENTION_YEARS)
        self.years.setSuffix(self.tr(" years"))
        rule.addWidget(self.years)
        rule.addWidget(QLabel(self.tr("after the last contact.")))
        rule.addStretch(1)
        layout.addLayout(rule)
        advice = QLabel(
            self.tr(
                "The CNIL's reference framework for the support of young people recommends two "
                "years after the last contact. The purge deletes these people from every table; "
                "the audit log keeps only how many, never who."
            )
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.model: RowTableModel[PurgeCandidate] = RowTableModel(PURGE_COLUMNS, self)
        self.view = make_table_view(self.model, "purgeTable")
        layout.addWidget(self.view, 1)
        self.count = QLabel()
        self.count.setObjectName("purgeCount")
        layout.addWidget(self.count)
        buttons = _buttons(self)
        self.purge_button = buttons.addButton(
            self.tr("Purge these people…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.clicked.connect(self.purge)
        layout.addWidget(buttons)
        self.years.valueChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from coachdesk.services import gdpr

        rows = gdpr.purge_candidates(self.database, self.today, self.years.value())
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.view)
        self.count.setText(
            self.tr("%n person(s) past the retention period on %1.", "", len(rows)).replace(
                "%1", self.today.strftime("%d/%m/%Y")
            )
        )
        self.purge_button.setEnabled(bool(rows))

    def purge(self) -> None:
        from coachdesk.services import gdpr

        count = self.model.rowCount()
        if not count or not messages.confirm(
            self,
            self.tr("Purge"),
            self.tr(
                "Delete for good the %n person(s) listed, and everything recorded about them?",
                "",
                count,
            ),
        ):
            return
        deleted = gdpr.purge_for_good(self.database, self.today, self.years.value())
        messages.info(
            self,
            self.tr("Purge"),
            self.tr(
                "%n person(s) deleted. Older backups still hold them until rotation removes "
                "them (9 months at most).",
                "",
                deleted,
            ),
        )
        self.refresh()


class _PersonDialog(QDialog):
    def __init__(
        self,
        database: Database,
        cohort_id: str | None,
        selected_id: str | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.resize(760, 520)
        self.layout_ = QVBoxLayout(self)
        self.picker = PersonPicker(database, cohort_id, selected_id, self)

    def _chosen(self) -> ParticipantRow | None:
        person = self.picker.selected()
        if person is None:
            messages.warn(self, self.windowTitle(), self.tr("Choose a person in the list first."))
        return person


class AccessExportDialog(_PersonDialog):
    """Right of access: everything known about one person, as a workbook."""

    def __init__(
        self,
        database: Database,
        cohort_id: str | None,
        selected_id: str | None = None,
        parent: QWidget | None = None,
        *,
        encrypted: bool = False,
    ) -> None:
        super().__init__(database, cohort_id, selected_id, parent)
        self.encrypted = encrypted
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Right of access"))
        intro = QLabel(
            self.tr(
                "Export everything CoachDesk knows about one person into a workbook, one sheet "
                "per kind of record, to hand over when they ask for it. Their documents go "
                "beside it: with a password, attached to one PDF protected by the same "
                "password; without one, copied unencrypted into a folder."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.picker, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Workbook:")))
        self.out = QLineEdit()
        self.out.setObjectName("accessFile")
        self.out.setPlaceholderText(self.tr("Where to write the workbook (.xlsx)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.layout_.addLayout(row)
        # Protected by default when the database is encrypted, like the partners' workbooks.
        from coachdesk.ui.widgets.password_box import WorkbookPasswordBox

        self.password_box = WorkbookPasswordBox(encrypted)
        self.layout_.addWidget(self.password_box)
        buttons = _buttons(self)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.layout_.addWidget(buttons)

    def _browse(self) -> None:
        person = self.picker.selected()
        # The person's id, not their name: file names end up in logs and recent-file lists.
        suggested = f"acces-{person.id[:8]}.xlsx" if person else "acces.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Right of access workbook"),
            str(Path.home() / suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen:
            self.out.setText(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")

    def export(self) -> None:
        from coachdesk.exports.access import write_access_export

        person = self._chosen()
        if person is None:
            return
        if not self.out.text().strip():
            self._browse()
            if not self.out.text().strip():
                return
        out = Path(self.out.text().strip())
        if not out.parent.is_dir():
            messages.user_error(
                self,
                UserError(
                    self.tr("The folder « %1 » does not exist.").replace("%1", str(out.parent)),
                    hint=self.tr("Choose where to write the workbook with « Choose… »."),
                ),
            )
            return
        weakness = self.password_box.weakness()
        if weakness is not None:
            messages.warn(self, self.windowTitle(), self.tr(
                "This workbook password is too easy to guess: %1. Use the one CoachDesk "
                "proposes (unrelated words and a number, easy to read on the phone)."
            ).replace("%1", weakness))
            return
        password = self.password_box.password()
        written = write_access_export(self.database, person.id, out, password=password)
        self.written = out
        text = self.tr("Workbook written: %1 (%n record(s)).", "", written.records).replace(
            "%1", str(out)
        )
        if password is not None:
            text += "\n" + self.tr(
                "It is protected by the password %1: give it to the person by phone or in "
                "person, never with the workbook. CoachDesk keeps it nowhere."
            ).replace("%1", password)
        if written.protected_file is not None:
            text += "\n" + self.tr(
                "The person's documents (%n file(s)) are attached to the PDF %1, protected by "
                "the same password as the workbook: a PDF reader shows them among the file's "
                "attachments.", "", written.documents).replace("%1", str(written.protected_file))
        elif written.folder is not None:
            text += "\n" + self.tr(
                "The person's documents are in the folder %1 (%n file(s)).", "",
                written.documents).replace("%1", str(written.folder))
        if password is None and self.encrypted:
            text += "\n" + (self.tr(
                "This workbook and the documents' folder are NOT encrypted, unlike the "
                "database. Hand them to the person by a safe means, then delete them."
            ) if written.folder is not None else self.tr(
                "This workbook is NOT encrypted, unlike the database. Hand it to the person "
                "by a safe means, then delete it."
            ))
        messages.info(self, self.tr("Right of access"), text)


class ErasureDialog(_PersonDialog):
    """Erase one person from every table, after confirmation."""

    def __init__(
        self,
        database: Database,
        cohort_id: str | None,
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, cohort_id, selected_id, parent)
        self.erased = 0
        self.setWindowTitle(self.tr("Erase a person"))
        intro = QLabel(
            self.tr(
                "Right to erasure: the person chosen is deleted from every table (outreach, "
                "meetings, interviews, bilan, referrals, contracts, visits…). This cannot be "
                "undone."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.picker, 1)
        buttons = _buttons(self)
        self.erase_button = buttons.addButton(
            self.tr("Erase…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.clicked.connect(self.erase)
        self.layout_.addWidget(buttons)

    def erase(self) -> None:
        from coachdesk.services import gdpr

        person = self._chosen()
        if person is None:
            return
        name = person_name(person.last_name, person.first_name)
        if not messages.confirm(
            self,
            self.tr("Erase a person"),
            self.tr(
                "Erase %1 for good, with everything recorded about them? This cannot be undone."
            ).replace("%1", name),
        ):
            return
        rows = gdpr.erase_for_good(self.database, person.id)
        self.erased += 1
        messages.info(
            self,
            self.tr("Erase a person"),
            self.tr(
                "%1 erased (%2 rows deleted). Older backups still hold this person until "
                "rotation removes them (9 months at most)."
            )
            .replace("%1", name)
            .replace("%2", str(rows)),
        )
        self.accept()


class MissingConsentDialog(QDialog):
    """People with no information/consent date recorded."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        from coachdesk.services import gdpr

        super().__init__(parent)
        self.setWindowTitle(self.tr("Missing information/consent dates"))
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        rows = gdpr.missing_consent(database)
        self.count = QLabel(
            self.tr(
                "%n person(s) have no date of information/consent. Inform them of what "
                "CoachDesk records, then note the date in their file.",
                "",
                len(rows),
            )
        )
        self.count.setObjectName("consentCount")
        self.count.setWordWrap(True)
        layout.addWidget(self.count)
        self.model: RowTableModel[MissingConsent] = RowTableModel(CONSENT_COLUMNS, self)
        self.view = make_table_view(self.model, "consentTable")
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.view)
        layout.addWidget(self.view, 1)
        layout.addWidget(_buttons(self))


class GdprWindow(Protocol):
    """What the GDPR menu needs of the main window (which is one)."""

    database: Database | None
    database_key: bytes | None

    @property
    def cohort_tab(self) -> Any: ...

    def current_cohort_id(self) -> str | None: ...


def open_gdpr_dialog(window: GdprWindow, which: str) -> None:
    """Open one of the GDPR menu's dialogs (``retention``, ``access``, ``erase`` or
    ``consent``) on the window's database, its cohort and the person selected in Cohorte."""
    database = window.database
    if database is None:
        return
    parent = window if isinstance(window, QWidget) else None
    person: str | None = None
    if which in ("access", "erase"):
        tab = window.cohort_tab
        rows = tab.view.selectionModel().selectedRows()
        person = tab.model.row_at(rows[0].row()).id if rows else None
    dialog: QDialog
    if which == "retention":
        dialog = RetentionDialog(database, parent)
    elif which == "access":
        dialog = AccessExportDialog(database, window.current_cohort_id(), person, parent,
                                    encrypted=window.database_key is not None)
    elif which == "erase":
        dialog = ErasureDialog(database, window.current_cohort_id(), person, parent)
    else:
        dialog = MissingConsentDialog(database, parent)
    dialog.exec()
