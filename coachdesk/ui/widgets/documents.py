"""The « Documents » list of a file: add a document, open it in the system's viewer, delete it.

Shared by the participant file, the contract dialog and the employer dialog. The documents
live in the database (``services.documents``); opening one writes a private copy under a
neutral name (``services.document_copies``) and hands it to the system's viewer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.changes import Change
from coachdesk.errors import UserError
from coachdesk.services.document_copies import viewer_copy
from coachdesk.services.documents import (
    ACCEPTED,
    MAX_DOCUMENT_LABEL,
    DocumentOwner,
    DocumentRow,
    add_document,
    attach_targets,
    delete_document,
    list_documents,
    read_document_file,
)
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

DOCUMENT_COLUMNS: list[Column[DocumentRow]] = [
    # Narrow enough for a side column; the chosen document's type and size show below it.
    Column(QT_TRANSLATE_NOOP("Columns", "Document"), lambda d: d.file_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Attached to"), lambda d: d.attached_to),
    Column(QT_TRANSLATE_NOOP("Columns", "Added on"), lambda d: d.added_on),
]
# A new contract or visit is a new place to attach to.
_TABLES = ("document", "document_content", "contract", "follow_up_visit")


class DocumentsPanel(QGroupBox):
    """The documents of one record (``owner``); None for a record not saved yet."""

    def __init__(
        self, database: Database, owner: DocumentOwner | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Documents"))
        self.setObjectName("documentsPanel")
        self.database = database
        self.owner = owner
        self.model: RowTableModel[DocumentRow] = RowTableModel(DOCUMENT_COLUMNS, self)
        self.view = make_table_view(self.model, "documents", sortable=False)
        # A few lines: the file's own lists (the timeline) keep the room.
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(150)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addDocument")
        self.add_button.setToolTip(self.tr("PDF, images and office files, %1 at most").replace(
            "%1", MAX_DOCUMENT_LABEL))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openDocument")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteDocument")
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # Where « Ajouter… » attaches: the record itself, or (from a person's or a
        # contract's list) one of its contracts or visits.
        self.target = QComboBox()
        self.target.setObjectName("documentTarget")
        self.target_label = QLabel(self.tr("Attach to"))
        self.target.setVisible(False)
        self.target_label.setVisible(False)
        self.note = QLabel()
        self.note.setObjectName("documentsNote")
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        target = QHBoxLayout()
        target.addWidget(self.target_label)
        target.addWidget(self.target, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addLayout(target)
        layout.addLayout(buttons)
        change_relay().changed.connect(self._changed)
        self.reload()

    # Reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.owner is None:
            self.model.set_rows([])
            self.note.setText(self.tr("Save this record first; its documents come next."))
        else:
            self.model.set_rows(list_documents(self.database, self.owner))
            fit_columns(self.view)
            self._load_targets(self.owner)
        self._update_buttons()

    def _load_targets(self, owner: DocumentOwner) -> None:
        # Items hold "kind:id" (Qt compares Python objects by identity, text by value).
        chosen = self.target.currentData()
        self.target.clear()
        for label, target in attach_targets(self.database, owner):
            self.target.addItem(label, f"{target.kind}:{target.id}")
        self.target.setCurrentIndex(max(self.target.findData(chosen), 0))
        several = self.target.count() > 1
        self.target.setVisible(several)
        self.target_label.setVisible(several)

    def chosen_target(self) -> DocumentOwner | None:
        """Where « Ajouter… » attaches (the record itself unless another place is chosen)."""
        data = self.target.currentData()
        if not data:
            return self.owner
        kind, _, record_id = str(data).partition(":")
        return DocumentOwner(kind, record_id)  # type: ignore[arg-type]  # kinds we put there

    def _changed(self, change: Change) -> None:
        if change.touches(_TABLES):
            self.reload()

    def selected(self) -> DocumentRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        explain_enabled(self.add_button, self.owner is not None,
                        self.tr("Save this record first; its documents come next."))
        chosen = self.selected()
        why = self.tr("Choose a document in the list first.")
        explain_enabled(self.open_button, chosen is not None, why)
        explain_enabled(self.delete_button, chosen is not None, why)
        if self.owner is None:
            return
        if chosen is not None:
            # The whole name (the list may cut it), its type and its size.
            self.note.setText(self.tr("%1 — %2, %3, added on %4 (%5).")
                              .replace("%1", chosen.file_name).replace("%2", chosen.kind)
                              .replace("%3", chosen.size_label)
                              .replace("%4", f"{chosen.added_on:%d/%m/%Y}")
                              .replace("%5", chosen.attached_to))
        elif self.model.rowCount():
            self.note.setText(self.tr("Double-click a document to open it."))
        else:
            self.note.setText(self.tr("No document yet (a CV, the signed CERFA, a visit "
                                      "report…)."))

    # Acting ---------------------------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """The file the coach picks (None: cancelled)."""
        patterns = " ".join(f"*.{extension}" for extension in ACCEPTED)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a document"), str(Path.home()),
            self.tr("Documents (%1)").replace("%1", patterns),
        )
        return Path(chosen) if chosen else None

    def add(self) -> None:
        if self.owner is None:
            return
        path = self.choose_file()
        if path is None:
            return
        target = self.chosen_target()
        if target is None:
            return
        try:
            add_document(self.database, target, read_document_file(path))
        except UserError as error:
            messages.user_error(self, error)
            return
        self.reload()

    def _open_index(self, index: QModelIndex) -> None:
        self.view.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> None:
        document = self.selected()
        if document is None:
            return
        try:
            copy = viewer_copy(self.database, document.id)
        except UserError as error:
            messages.user_error(self, error)
            self.reload()
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            messages.warn(self, self.tr("Documents"), self.tr(
                "No program on this computer opens « %1 » documents. Install one (a PDF "
                "reader, an office suite), then open it again."
            ).replace("%1", document.kind))

    def delete_selected(self) -> None:
        document = self.selected()
        if document is None:
            return
        if not messages.confirm(self, self.tr("Delete a document"), self.tr(
            "Delete « %1 »? It will be gone from CoachDesk (its backups keep it until they "
            "are rotated away)."
        ).replace("%1", document.file_name)):
            return
        try:
            delete_document(self.database, document.id)
        except UserError as error:
            messages.user_error(self, error)
        self.reload()
