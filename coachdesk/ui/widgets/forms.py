"""The one base of CoachDesk's form dialogs: a form over one service call.

The coach fills the form and clicks OK (or Save); ``save()`` writes through a Qt-free service,
in one transaction, and returns the id of the record saved. A ``UserError`` (bad dates, a score
above the scale…) keeps the dialog open with everything typed, so nothing is lost: its French
message, and its hint once, appear in red above the buttons, or in a message box for the
forms that ask for it (``ERRORS_IN_A_MESSAGE_BOX``: the contract follow-up forms). Dialogs are
opened with ``open()`` (not blocking), so tests drive them as a coach does.

Closing a form with changes asks first, whichever way it is closed (Cancel, Escape, the
window's close button): ``GuardedDialog``, the base of ``FormDialog``, compares what the fields
hold with what they held when the dialog opened. Dialogs that are not forms over one service
call but where the coach types a record (the participant file) derive from it too. A date
typed wrong is refused with its field's name before ``save()`` is called.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.fields import ERROR_COLOUR, DateField, DateTimeField, TimeField

# Widgets of a form whose content is not the coach's entry (a search box in a picker).
NOT_AN_ENTRY = "notAnEntry"


def _entry_of(widget: QWidget) -> tuple[bool, object]:
    """What ``widget`` holds as the coach's entry, and whether its children are looked at."""
    value_of = getattr(widget, "form_value", None)
    if callable(value_of):
        return False, value_of()
    if isinstance(widget, DateField | DateTimeField | TimeField):
        return False, widget.text() if not isinstance(widget, DateTimeField) else (
            widget.date_field.text(), widget.time_field.text())
    if isinstance(widget, QComboBox):
        return False, (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return False, widget.text()
    if isinstance(widget, QLineEdit):
        return False, None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return False, None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return False, widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QGroupBox):
        return True, widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):  # items the coach ticks, orders or renames
        items = (widget.item(row) for row in range(widget.count()))
        return False, tuple((item.text(), item.checkState().value) for item in items)
    if isinstance(widget, QAbstractItemView):
        return False, None  # lists to choose from or to look at; pickers say their choice
    return True, None


def form_entries(root: QWidget) -> list[object]:
    """Everything the coach may have typed, ticked or chosen in ``root``, in a fixed order."""
    entries: list[object] = []
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow() or child.property(NOT_AN_ENTRY):
            continue
        descend, value = _entry_of(child)
        if value is not None:
            entries.append((child.objectName(), type(child).__name__, value))
        if descend:
            entries.extend(form_entries(child))
    return entries


def _holds(item: QLayoutItem | None, widget: QWidget) -> bool:
    if item is None:
        return False
    held = item.widget()
    if held is not None:
        return held is widget or held.isAncestorOf(widget)
    layout = item.layout()
    return layout is not None and any(
        _holds(layout.itemAt(index), widget) for index in range(layout.count())
    )


def field_label(field: QWidget) -> str:
    """The label a form shows beside ``field`` (its row's), or an empty string."""
    for form in field.window().findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and _holds(form.itemAt(row, QFormLayout.ItemRole.FieldRole),
                                            field):
                text = label.widget()
                if isinstance(text, QLabel) and text.text():
                    return text.text().replace("&", "").rstrip(" :")
    return ""


def typed_date_error(root: QWidget) -> str | None:
    """The first date or hour of ``root`` typed so that it cannot be read, said with its
    field's label; None when every one is right."""
    for field in [root, *root.findChildren(QWidget)]:
        if not isinstance(field, DateField | DateTimeField) or not field.isEnabled():
            continue
        if isinstance(field, DateField) and isinstance(field.parentWidget(), DateTimeField):
            continue  # said by the date and time field it belongs to
        error = field.text_error()
        if error is not None:
            label = field_label(field)
            if not label:
                return error
            return QCoreApplication.translate("FormDialog", "%1: %2").replace(
                "%1", label).replace("%2", error)
    return None


def refuse_wrong_dates(root: QWidget) -> bool:
    """For the dialogs that save without the form base: say the first date typed wrong in
    ``root`` and return True (nothing is saved), or return False when every date is right."""
    error = typed_date_error(root)
    if error is None:
        return False
    messages.user_error(root, UserError(error))
    return True


class GuardedDialog(QDialog):
    """A dialog where the coach types a record: closing it with changes asks first.

    What the fields hold when the dialog is first shown is the starting point; ``mark_clean``
    takes a new one (after a save that keeps the dialog open).
    """

    _clean_entries: list[object] | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._clean_entries is None:
            self.mark_clean()

    def mark_clean(self) -> None:
        self._clean_entries = form_entries(self)

    def has_unsaved_changes(self) -> bool:
        return self._clean_entries is not None and form_entries(self) != self._clean_entries

    def reject(self) -> None:
        """Cancel, Escape and the window's close button all come here."""
        if self.isVisible() and self.has_unsaved_changes() and not messages.discard_changes(
            self, self.windowTitle()
        ):
            return
        super().reject()


class FormDialog(GuardedDialog):
    """A form over a service call: the save button saves, a UserError keeps the dialog open.

    Subclasses add their fields to ``self.form`` (rows of label and field) or, for another
    shape, lay them out with ``add_to_body``; they implement ``save``.
    """

    # Say it in a message box rather than in the dialog (the dialog's own choice of shape).
    ERRORS_IN_A_MESSAGE_BOX = False

    saved = Signal(str)

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        save_button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.buttons = QDialogButtonBox(save_button | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button: QPushButton = self.buttons.button(save_button)
        if save_button == QDialogButtonBox.StandardButton.Save:
            self.ok_button.setText(self.tr("Save"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.saved_id: str | None = None

    def add_to_body(self, item: QWidget | QLayout, stretch: int = 0) -> None:
        """Add a widget or a layout below the form, above the error line and the buttons."""
        index = self.layout_.indexOf(self.error)
        if isinstance(item, QWidget):
            self.layout_.insertWidget(index, item, stretch)
        else:
            self.layout_.insertLayout(index, item, stretch)

    def save(self) -> str | None:
        """Write what the form holds through a service; return the record's id, if any.

        Raise UserError when it cannot be saved (the dialog stays open).
        """
        raise NotImplementedError

    def show_error(self, error: UserError | str) -> None:
        """The message and its hint (``str(error)`` holds both), each shown once."""
        if self.ERRORS_IN_A_MESSAGE_BOX:
            messages.user_error(self, error if isinstance(error, UserError) else UserError(error))
            return
        self.error.setText(str(error))
        self.error.show()

    def confirm_before_save(self) -> bool:
        """A question to ask before saving what is allowed but unlikely (a date years away);
        False keeps the form open as it is."""
        return True

    def accept(self) -> None:
        date_error = typed_date_error(self)
        if date_error is not None:
            self.show_error(date_error)
            return
        if not self.confirm_before_save():
            return
        try:
            saved_id = self.save()
        except UserError as error:
            self.show_error(error)
            return
        if saved_id is not None:
            self.saved_id = saved_id
        self.saved.emit(self.saved_id or "")
        super().accept()
