"""The editor of preparation checklist templates, opened from the Employeurs tab.

Coaches keep several lists (a default one, one for large companies, one for a shop…): they add,
remove, rename and reorder points, and choose which list new interviews copy. Every change is
saved at once through ``services.interviews``; interviews already planned keep their own copy,
so editing a list here never changes them. Lists hold a dozen points: plain list widgets are
enough (nothing here grows with the number of participants).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services import interviews
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.rome_picker import on_return

if TYPE_CHECKING:
    from coachdesk.db import Database

ID_ROLE = Qt.ItemDataRole.UserRole


class ChecklistEditor(QDialog):
    """Edit the preparation checklist templates; each change is written at once."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preparation checklists"))
        self.setMinimumSize(900, 520)
        self.database = database
        self._filling = False

        # Left: the lists.
        self.templates = QListWidget()
        self.templates.setObjectName("templateList")
        self.templates.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New list (copy of this one)"))
        self.new_button.setObjectName("newTemplate")
        self.delete_button = QPushButton(self.tr("Delete the list…"))
        self.delete_button.setObjectName("deleteTemplate")
        left = QGroupBox(self.tr("Lists"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.templates, 1)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.delete_button)

        # Right: the selected list, its name, whether it is the default, its points.
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.is_default = QCheckBox(self.tr("Default list: new interviews copy it"))
        self.is_default.setObjectName("templateDefault")
        self.items = QListWidget()
        self.items.setObjectName("templateItems")
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.new_item = QLineEdit()
        self.new_item.setObjectName("newTemplateItem")
        self.new_item.setPlaceholderText(self.tr("Type a new point, then press Enter"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove the point"))
        self.remove_button.setObjectName("removeTemplateItem")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveItemUp")
        self.up_button.setToolTip(self.tr("Ctrl+Up in the list"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveItemDown")
        self.down_button.setToolTip(self.tr("Ctrl+Down in the list"))
        self.help = QLabel(self.tr(
            "Double-click a point (or press F2) to rename it; Ctrl+Up and Ctrl+Down move it, "
            "Delete removes it. Changes are saved at once. "
            "Interviews already planned keep their own copy of the list."))
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setObjectName("editorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        right = QGroupBox(self.tr("Selected list"))
        right_layout = QVBoxLayout(right)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Name:")))
        name_row.addWidget(self.name, 1)
        right_layout.addLayout(name_row)
        right_layout.addWidget(self.is_default)
        right_layout.addWidget(self.items, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.add_button)
        right_layout.addLayout(add_row)
        move_row = QHBoxLayout()
        move_row.addWidget(self.up_button)
        move_row.addWidget(self.down_button)
        move_row.addStretch(1)
        move_row.addWidget(self.remove_button)
        right_layout.addLayout(move_row)
        right_layout.addWidget(self.help)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.templates.currentItemChanged.connect(lambda *_: self._show_template())
        self.new_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.name.editingFinished.connect(self.rename)
        self.is_default.toggled.connect(self._default_toggled)
        self.items.itemChanged.connect(lambda _item: self._save_items(self.labels()))
        self.items.currentRowChanged.connect(lambda _row: self._update_buttons())
        on_return(self.new_item, self.add_item)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(+1))

        # Return belongs to the fields (new point, rename): no button may take it.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.items.installEventFilter(self)

        interviews.ensure_default_template(database)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the points list: Ctrl+Up / Ctrl+Down move the point, Delete removes it."""
        if watched is self.items and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent) and self.items.state() != QAbstractItemView.State.EditingState:
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_item(-1 if event.key() == Qt.Key.Key_Up else +1)
                return True
            if event.key() == Qt.Key.Key_Delete and self.remove_button.isEnabled():
                self.remove_item()
                return True
        return super().eventFilter(watched, event)

    # Reading -------------------------------------------------------------------------------
    def template_id(self) -> str | None:
        item = self.templates.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def labels(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]

    def reload(self, select_id: str | None = None) -> None:
        """Read the lists again, keeping (or moving to) the one selected."""
        select_id = select_id or self.template_id()
        self._filling = True
        self.templates.clear()
        for row in interviews.list_templates(self.database):
            text = row.name
            if row.is_default:
                text += " " + self.tr("(default)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            item.setToolTip(self.tr("%n point(s)", "", row.items))
            if row.is_default:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.templates.addItem(item)
            if row.id == select_id:
                self.templates.setCurrentItem(item)
        if self.templates.currentItem() is None and self.templates.count():
            self.templates.setCurrentRow(0)
        self._filling = False
        self._show_template()

    def _show_template(self, item_row: int | None = None) -> None:
        if self._filling:
            return
        template_id = self.template_id()
        rows = {row.id: row for row in interviews.list_templates(self.database)}
        template = rows.get(template_id or "")
        self._filling = True
        self.items.clear()
        if template is not None:
            self.name.setText(template.name)
            self.is_default.setChecked(template.is_default)
            for label in interviews.template_labels(self.database, template.id):
                item = QListWidgetItem(label)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.items.addItem(item)
            if item_row is not None and self.items.count():
                self.items.setCurrentRow(max(0, min(item_row, self.items.count() - 1)))
        self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_template = self.template_id() is not None
        row = self.items.currentRow()
        default = self.is_default.isChecked()
        self.name.setEnabled(has_template)
        # There is always one default list: it stops being so when another one becomes it.
        self.is_default.setEnabled(has_template and not default)
        self.delete_button.setEnabled(has_template and not default)
        self.delete_button.setToolTip(
            self.tr("The default list cannot be deleted: choose another default first.")
            if default else "")
        self.new_button.setEnabled(has_template)
        self.remove_button.setEnabled(row >= 0 and self.items.count() > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.items.count() - 1)

    # Writing -------------------------------------------------------------------------------
    def _run(self, action: Callable[[], object]) -> bool:
        """Run a service call; a UserError is shown in red in the dialog."""
        try:
            action()
        except UserError as error:
            self.error.setText(str(error))  # the message and its hint, once
            self.error.show()
            return False
        self.error.hide()
        return True

    def _save_items(self, labels: list[str], current_row: int | None = None) -> bool:
        if self._filling:
            return False
        template_id = self.template_id()
        if template_id is None:
            return False
        row = self.items.currentRow() if current_row is None else current_row
        ok = self._run(lambda: interviews.save_template(
            self.database, self._stored_name(), labels,
            template_id=template_id))
        # Show what the database holds (a blank rename is dropped, a refused change undone).
        self._show_template(row)
        self._refresh_counts()
        return ok

    def _stored_name(self) -> str:
        rows = {row.id: row.name for row in interviews.list_templates(self.database)}
        return rows.get(self.template_id() or "", "")

    def _refresh_counts(self) -> None:
        rows = {row.id: row for row in interviews.list_templates(self.database)}
        for index in range(self.templates.count()):
            item = self.templates.item(index)
            row = rows.get(str(item.data(ID_ROLE)))
            if row is not None:
                item.setToolTip(self.tr("%n point(s)", "", row.items))

    def add_item(self) -> None:
        text = self.new_item.text()
        if not text.strip():
            return
        if self._save_items([*self.labels(), text], current_row=self.items.count()):
            self.new_item.clear()

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        labels = self.labels()
        del labels[row]
        self._save_items(labels, current_row=row)

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        labels = self.labels()
        labels[row], labels[target] = labels[target], labels[row]
        self._save_items(labels, current_row=target)
        self.items.setFocus()

    def rename(self) -> None:
        template_id = self.template_id()
        if self._filling or template_id is None or self.name.text() == self._stored_name():
            return
        if not self._run(lambda: interviews.save_template(
                self.database, self.name.text(), self.labels(), template_id=template_id)):
            return
        self.reload(template_id)

    def _default_toggled(self, checked: bool) -> None:
        template_id = self.template_id()
        if self._filling or not checked or template_id is None:
            return
        self._run(lambda: interviews.set_default_template(self.database, template_id))
        self.reload(template_id)

    def duplicate(self) -> None:
        """A new list starting from the selected one's points, named « Copie de … »."""
        template_id = self.template_id()
        if template_id is None:
            return
        name = interviews.copy_name(self.database, self._stored_name())
        new_id: list[str] = []
        if self._run(lambda: new_id.append(interviews.save_template(
                self.database, name, self.labels()))):
            self.reload(new_id[0])
            self.name.setFocus()
            self.name.selectAll()

    def delete(self) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        name = self._stored_name()
        if not messages.confirm(
            self, self.tr("Delete the list"),
            self.tr("Delete the list « %1 »? Interviews already planned keep their copy.")
            .replace("%1", name),
        ):
            return
        if self._run(lambda: interviews.delete_template(self.database, template_id)):
            self.reload()
