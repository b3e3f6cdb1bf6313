"""The mouse wheel never changes a field the coach is not in.

Scrolling down a long form with the wheel used to change every spin box, date and list that
passed under the pointer (« Heures de formation » went from 400 to 376 while the coach only
meant to scroll). One filter on the application, for every window and dialog whatever Qt class
built its fields:

* spin boxes, date/time editors, combo boxes and sliders no longer take the focus from the
  wheel (``Qt.StrongFocus`` instead of ``Qt.WheelFocus``: a click or Tab gives it);
* a wheel turn over such a field without the focus is left to what contains it: the form
  scrolls, the field does not change. With the focus, the wheel works as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

# The fields a wheel turn changes in Qt: the guard's business. Scroll bars are for scrolling.
GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


class FieldWheelGuard(QObject):
    """The application's filter: see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not is_guarded(watched):
            return False
        kind = event.type()
        if kind == QEvent.Type.Wheel and not _has_focus(watched):
            # Not accepted, so Qt hands the turn to the parent: the form scrolls.
            event.ignore()
            return True
        if (kind == QEvent.Type.Polish
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _has_focus(widget: QWidget) -> bool:
    # A combo box's or a spin box's own line edit holds the focus for it.
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def install_field_wheel_guard(app: QApplication) -> FieldWheelGuard:
    """Install the guard on ``app`` (once; later calls return the installed one)."""
    guard = app.findChild(FieldWheelGuard, "fieldWheelGuard")
    if guard is None:
        guard = FieldWheelGuard(app)
        guard.setObjectName("fieldWheelGuard")
        app.installEventFilter(guard)
    return guard
