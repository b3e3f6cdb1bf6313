"""The export history: every workbook sent (when, what, to whom, which file, rows, SHA-256), and
the audit log that says who did it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.exports.jobs import ExportLogRow
    from coachdesk.services.audit import AuditRow


def local_time(value: datetime | None) -> str:
    """Timestamps are stored in UTC; the coach reads them in local time, JJ/MM/AAAA hh:mm."""
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


EXPORT_COLUMNS: list[Column[ExportLogRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.exported_at, display=local_time),
    Column(QT_TRANSLATE_NOOP("Columns", "Export"), lambda r: r.kind_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Recipient"), lambda r: r.recipient),
    Column(QT_TRANSLATE_NOOP("Columns", "Cohort"), lambda r: r.cohort),
    Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda r: r.file_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Rows"), lambda r: r.row_count, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "SHA-256"), lambda r: r.sha256),
]

AUDIT_COLUMNS: list[Column[AuditRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.at, display=local_time),
    Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r: r.actor),
    Column(QT_TRANSLATE_NOOP("Columns", "Action"), lambda r: r.action_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Detail"), lambda r: r.detail),
    Column(QT_TRANSLATE_NOOP("Columns", "Rows"), lambda r: r.count, align_right=True),
]


class ExportHistoryDialog(QDialog):
    """Two lists, newest first: the export log and the audit log."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("exportHistory")
        self.setWindowTitle(self.tr("Export history"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.export_model: RowTableModel[ExportLogRow] = RowTableModel(EXPORT_COLUMNS, self)
        self.export_view = make_table_view(self.export_model, "exportLogTable")
        self.audit_model: RowTableModel[AuditRow] = RowTableModel(AUDIT_COLUMNS, self)
        self.audit_view = make_table_view(self.audit_model, "auditLogTable")
        for view in (self.export_view, self.audit_view):
            view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.tabs.addTab(self.export_view, self.tr("Exported files"))
        self.tabs.addTab(self.audit_view, self.tr("Audit log"))
        layout.addWidget(self.tabs, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")
        layout.addWidget(self.count_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 520)
        self.reload()

    def reload(self) -> None:
        from coachdesk.exports.jobs import export_history
        from coachdesk.services.audit import list_events

        self.export_model.set_rows(export_history(self.database))
        self.audit_model.set_rows(list_events(self.database))
        count = self.export_model.rowCount()
        self.count_label.setText(self.tr("%n file(s) exported from this database.", "", count))
        for view in (self.export_view, self.audit_view):
            if view.model().rowCount():
                fit_columns(view)
