"""The one base of CoachDesk's form dialogs: a form over one service call.

The coach fills the form and clicks OK (or Save); ``save()`` writes through a Qt-free service,
in one transaction, and returns the id of the record saved. A ``UserError`` (bad dates, a score
above the scale…) keeps the dialog open with everything typed, so nothing is lost: its French
message, and its hint once, appear in red above the buttons, or in a message box for the
forms that ask for it (``ERRORS_IN_A_MESSAGE_BOX``: the contract follow-up forms). Dialogs are
opened with ``open()`` (not blocking), so tests drive them as a coach does.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.widgets import messages

ERROR_COLOUR = "#b00020"


class FormDialog(QDialog):
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

    def accept(self) -> None:
        try:
            saved_id = self.save()
        except UserError as error:
            self.show_error(error)
            return
        if saved_id is not None:
            self.saved_id = saved_id
        self.saved.emit(self.saved_id or "")
        super().accept()
