"""The export-profile editor: per recipient, which columns, in which order, under which labels,
and which rows — for the contract list (filters on the contracts) and for the Mission Locale's
weekly workbook (which people, which of their details). Profiles are saved by
``coachdesk.exports.profiles`` in the configuration folder, where the exports (window and
command line) find them.

The column list is a short fixed list (about thirty columns), so a QListWidget with checkable,
editable, movable items is the right tool here; nothing in it grows with the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.forms import GuardedDialog

if TYPE_CHECKING:
    from coachdesk.exports.profiles import Profile
    from coachdesk.exports.xlsx import Column

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# The kinds of export a profile shapes (``Profile.export``).
CONTRACTS = "contrats"
WEEKLY = "hebdomadaire"


def _profiles(built_in: Mapping[str, Profile], export: str) -> dict[str, Profile]:
    """The built-in profiles, then the coach's saved ones of that export (a saved profile of
    the same name replaces the built-in one, as in the export itself)."""
    from coachdesk.exports.profiles import load_profiles

    try:
        saved = load_profiles()
    except UserError as error:
        messages.user_error(None, error)
        saved = {}
    profiles = dict(built_in)
    profiles.update({name: p for name, p in saved.items() if p.export == export})
    return profiles


def contract_profiles() -> dict[str, Profile]:
    """The contract list's profiles, built-in then saved."""
    from coachdesk.exports.partner_lists import DEFAULT_PROFILES

    return _profiles(DEFAULT_PROFILES, CONTRACTS)


def weekly_profiles() -> dict[str, Profile]:
    """The weekly workbook's profiles, built-in (the Mission Locale's) then saved."""
    from coachdesk.exports.weekly_scope import DEFAULT_PROFILES

    return _profiles(DEFAULT_PROFILES, WEEKLY)


def profiles_of(export: str) -> dict[str, Profile]:
    return weekly_profiles() if export == WEEKLY else contract_profiles()


def _columns_of(export: str) -> dict[str, Column]:
    """The columns a profile of ``export`` chooses among (the weekly workbook's names are
    always first on every page: they are not a choice)."""
    if export == WEEKLY:
        from coachdesk.exports.weekly_people import PEOPLE_COLUMNS
        from coachdesk.exports.weekly_scope import IDENTITY_KEYS

        return {c.key: c for c in PEOPLE_COLUMNS if c.key not in IDENTITY_KEYS}
    from coachdesk.exports.partner_lists import CONTRACT_LIST_COLUMNS

    return {column.key: column for column in CONTRACT_LIST_COLUMNS}


def filter_choices() -> dict[str, tuple[str, ...]]:
    """Columns a profile can filter on, with the values the contract list writes in them."""
    from coachdesk.models import codes

    return {
        # The statuses written by partner_lists._status.
        "status": ("À venir", "En cours", "Terminé", "Rompu"),
        "contract_type": tuple(codes.CONTRACT_TYPES.values()),
        "opco_decision": tuple(codes.OPCO_DECISIONS.values()),
        "rupture_in_trial": ("Oui", "Non"),
    }


class ProfileEditor(GuardedDialog):
    """Edit and save one profile of an export (``export``: the contract list, the default, or
    the weekly workbook); ``saved`` carries the saved profile's name."""

    saved = Signal(str)

    def __init__(
        self, profile_name: str | None = None, parent: QWidget | None = None, *,
        export: str = CONTRACTS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self.setWindowTitle(self.tr("Export profiles"))
        self.export = export
        self.columns = _columns_of(export)
        self.profiles = profiles_of(export)
        layout = QVBoxLayout(self)

        top = QFormLayout()
        self.chooser = QComboBox()
        self.chooser.setObjectName("profileChooser")
        for name, profile in self.profiles.items():
            self.chooser.addItem(f"{profile.recipient} ({name})", name)
        top.addRow(self.tr("Start from:"), self.chooser)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("profileName")
        self.name_edit.setPlaceholderText(self.tr("short name, e.g. agefos"))
        top.addRow(self.tr("Profile name:"), self.name_edit)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("profileRecipient")
        top.addRow(self.tr("Recipient:"), self.recipient_edit)
        layout.addLayout(top)

        body = QHBoxLayout()
        columns_box = QGroupBox(self.tr("Columns (tick, order, double-click to rename)"))
        columns_layout = QVBoxLayout(columns_box)
        self.column_list = QListWidget()
        self.column_list.setObjectName("profileColumns")
        self.column_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.column_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        columns_layout.addWidget(self.column_list)
        moves = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveUp")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveDown")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        columns_layout.addLayout(moves)
        body.addWidget(columns_box, 3)

        self.filter_boxes: dict[str, list[QCheckBox]] = {}
        self.option_boxes: dict[str, QCheckBox] = {}
        self.opco_filter = QLineEdit()
        if export == WEEKLY:
            body.addWidget(self._people_box(), 2)
        else:
            body.addWidget(self._contracts_box(), 2)
        layout.addLayout(body, 1)

        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("saveProfile")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.chooser.currentIndexChanged.connect(self._chosen)
        index = self.chooser.findData(profile_name) if profile_name else 0
        self.chooser.setCurrentIndex(max(index, 0))
        self._chosen()
        self.resize(860, 640)

    def _contracts_box(self) -> QGroupBox:
        """Which contracts the list holds: filters on its columns."""
        filters_box = QGroupBox(self.tr("Contracts to include (nothing ticked: all)"))
        filters_layout = QFormLayout(filters_box)
        for key, values in filter_choices().items():
            row = QVBoxLayout()
            boxes = []
            for value in values:
                box = QCheckBox(value)
                box.setObjectName(f"filter_{key}_{value}")
                row.addWidget(box)
                boxes.append(box)
            self.filter_boxes[key] = boxes
            filters_layout.addRow(QLabel(self.columns[key].label), row)
        self.opco_filter.setObjectName("filterOpco")
        self.opco_filter.setPlaceholderText(self.tr("OPCO names separated by ;"))
        filters_layout.addRow(QLabel(self.columns["opco"].label), self.opco_filter)
        return filters_box

    def _people_box(self) -> QGroupBox:
        """Which people the weekly workbook lists, and a word on their personal details."""
        from coachdesk.exports.weekly_scope import INCLUDE_LEFT, INCLUDE_WITHOUT_CONSENT

        box = QGroupBox(self.tr("People to include"))
        column = QVBoxLayout(box)
        explained = QLabel(self.tr(
            "By default the workbook lists the people still in the programme whose date of "
            "information / consent is recorded. The Synthèse says how many were left out, and "
            "why."
        ))
        explained.setWordWrap(True)
        column.addWidget(explained)
        for option, text, detail in (
            (INCLUDE_LEFT, self.tr("Also the people no longer in the programme"),
             self.tr("Not interested, withdrew or not selected, gave up the bilan, left with a "
                     "solution.")),
            (INCLUDE_WITHOUT_CONSENT, self.tr("Also the people without a recorded consent"),
             self.tr("No date of information / consent in their file.")),
        ):
            check = QCheckBox(text)
            check.setObjectName(f"option_{option}")
            check.setToolTip(detail)
            column.addWidget(check)
            said = QLabel(detail)
            said.setWordWrap(True)
            said.setContentsMargins(24, 0, 0, 4)
            column.addWidget(said)
            self.option_boxes[option] = check
        personal = QLabel(self.tr(
            "Last and first names come first on every printed page. Birth date, phone, e-mail "
            "and address are personal data the Mission Locale keeps in its own file: tick them "
            "only if it asks for them."
        ))
        personal.setObjectName("personalDataNote")
        personal.setWordWrap(True)
        column.addWidget(personal)
        column.addStretch(1)
        return box

    # Showing a profile --------------------------------------------------------------------------
    def _chosen(self) -> None:
        name = self.chooser.currentData()
        if name in self.profiles:
            self.show_profile(self.profiles[name])
        if self.isVisible():
            self.mark_clean()  # a profile to start from is no change of the coach's

    def show_profile(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.recipient_edit.setText(profile.recipient)
        self.column_list.clear()
        chosen = [c for c in profile.columns if c.key in self.columns]
        rest = [key for key in self.columns if key not in {c.key for c in chosen}]
        for column in chosen:
            self._add_item(column.key, column.label, checked=True)
        for key in rest:
            self._add_item(key, None, checked=False)
        for key, boxes in self.filter_boxes.items():
            allowed = set(profile.filters.get(key, ()))
            for box in boxes:
                box.setChecked(box.text() in allowed)
        self.opco_filter.setText(" ; ".join(profile.filters.get("opco", ())))
        for option, check in self.option_boxes.items():
            check.setChecked(option in profile.options)

    def _add_item(self, key: str, label: str | None, *, checked: bool) -> None:
        own = self.columns[key].label
        item = QListWidgetItem(label or own)
        item.setData(KEY_ROLE, key)
        if self.export == WEEKLY:
            from coachdesk.exports.weekly_scope import OPT_IN_KEYS

            tip = self.tr("Column “%1” of the people sheet").replace("%1", own)
            if key in OPT_IN_KEYS:
                tip += "\n" + self.tr("Personal data: only if the Mission Locale asks for it.")
            item.setToolTip(tip)
        else:
            item.setToolTip(self.tr("Column “%1” of the contract list").replace("%1", own))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.column_list.addItem(item)

    def move_current(self, step: int) -> None:
        row = self.column_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.column_list.count():
            return
        item = self.column_list.takeItem(row)
        self.column_list.insertItem(target, item)
        self.column_list.setCurrentRow(target)

    # Saving -------------------------------------------------------------------------------------
    def profile(self) -> Profile:
        """The profile as shown; a French UserError when it cannot be saved."""
        from coachdesk.exports.profiles import Profile, ProfileColumn

        name = self.name_edit.text().strip()
        if not name:
            raise UserError(self.tr("Give the profile a name."),
                            hint=self.tr("The name is used to choose the profile when exporting."))
        columns = []
        for row in range(self.column_list.count()):
            item = self.column_list.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            key = str(item.data(KEY_ROLE))
            label = item.text().strip()
            columns.append(ProfileColumn(key, None if label in ("", self.columns[key].label)
                                         else label))
        if not columns:
            raise UserError(self.tr("Tick at least one column."))
        filters = {
            key: tuple(box.text() for box in boxes if box.isChecked())
            for key, boxes in self.filter_boxes.items()
        }
        opcos = tuple(part.strip() for part in self.opco_filter.text().split(";") if part.strip())
        if opcos:
            filters["opco"] = opcos
        recipient = self.recipient_edit.text().strip() or name
        options = frozenset(option for option, check in self.option_boxes.items()
                            if check.isChecked())
        return Profile(name, self.export, recipient, tuple(columns),
                       {key: values for key, values in filters.items() if values}, options)

    def save(self) -> None:
        from coachdesk.exports.profiles import save_profile

        try:
            profile = self.profile()
            save_profile(profile)
        except UserError as error:
            messages.user_error(self, error)
            return
        except OSError as error:
            messages.warn(self, self.windowTitle(), self.tr(
                "The profile could not be saved: %1").replace("%1", error.strerror or str(error)))
            return
        self.saved.emit(profile.name)
        self.accept()
