"""The Cohorte tab: every participant of the cohort with their stage, searchable as you type."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from coachdesk.models import codes
from coachdesk.services.text import fold
from coachdesk.ui.list_tab import ListTab, make_table_view
from coachdesk.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.lists import ParticipantRow

COLUMNS: list[Column[ParticipantRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Last name"), lambda r: r.last_name),
    Column(QT_TRANSLATE_NOOP("Columns", "First name"), lambda r: r.first_name),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Stage"),
        lambda r: list(codes.STAGES).index(r.stage),
        display=lambda index: list(codes.STAGES.values())[index],
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Source"), lambda r: r.provenance),
    Column(QT_TRANSLATE_NOOP("Columns", "Coach"), lambda r: r.coach),
    Column(QT_TRANSLATE_NOOP("Columns", "Adult"), lambda r: r.is_adult),
]


class CohortTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self._all: list[ParticipantRow] = []
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("participantSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a phone number or an e-mail…"))
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.addItem(self.tr("All stages"), None)
        for code, label in codes.STAGES.items():
            self.stage_filter.addItem(label, code)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.stage_filter, 1)
        self.model: RowTableModel[ParticipantRow] = RowTableModel(COLUMNS, self)
        self.view = make_table_view(self.model, "participantTable")
        self.views.append(self.view)
        self.layout_.addLayout(filters)
        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.count_label)
        # Coalesce fast typing into one refresh.
        self._debounce = QTimer(self, singleShot=True, interval=80)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.stage_filter.currentIndexChanged.connect(self.apply_filter)

    def load(self) -> None:
        from coachdesk.services.lists import participant_rows

        if self.cohort_id is None:
            self._all = []
        else:
            assert self.database is not None
            with self.database.read() as session:
                self._all = participant_rows(session, self.cohort_id)
        self.apply_filter()

    def apply_filter(self) -> None:
        words = fold(self.search.text()).split()
        stage = self.stage_filter.currentData()
        rows = [
            row
            for row in self._all
            if (stage is None or row.stage == stage)
            and all(word in row.search_text for word in words)
        ]
        self.model.set_rows(rows)
        per_stage = Counter(row.stage for row in self._all)
        detail = " · ".join(
            f"{label} : {per_stage[code]}"
            for code, label in codes.STAGES.items()
            if per_stage[code]
        )
        self.count_label.setText(
            self.tr("%n participant(s) shown of %1", "", len(rows)).replace(
                "%1", str(len(self._all))
            )
            + (f" — {detail}" if detail else "")
        )

    def create_new(self) -> None:
        self.search.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
