"""The fields every form uses: dates and times typed as coaches write them, amounts in euros.

* ``DateField`` (made by ``date_edit``) is a JJ/MM/AAAA date the coach types freely —
  « 05072010 », « 5/7/2010 », « 05/07/2010 », « 5.7.10 » — or picks in a calendar (the button,
  or Alt+Bas). It is a line edit rather than Qt's QDateEdit, whose sections made typing after
  select-all do nothing and a click then digits change the wrong part of the date. Up and Down
  move a day, Page Up and Page Down a month; the wheel never changes it. An optional one may
  stay empty; read it with ``date_of`` and fill it with ``set_date``.
* ``OptionalDate`` is the other way to leave a date empty, for forms where an empty date means
  something the coach decides (« ends on », « sent to the OPCO on »): a tick box enables it.
* ``DateTimeField`` (``date_time_edit``): a date and an hour (« 14:30 », « 14h30 », « 1430 »).
* ``parse_euros`` reads what a coach types in an amount field (``1 343,77 €``), as a
  ``Decimal``; ``format_euros`` shows stored cents the same way.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QRegularExpression,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

# The colour of what is wrong in a form (the form dialog's error line uses the same).
ERROR_COLOUR = "#b00020"

# ``date`` is also the name of the fields' own method (as in Qt): the type, for their signatures.
Day = date

# The value an optional date field shows as empty.
NO_DATE = QDate(1900, 1, 1)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def from_qdatetime(value: QDateTime) -> datetime:
    """The date and time shown, to the minute's second (Qt's milliseconds are left out)."""
    clock = value.time()
    return datetime.combine(from_qdate(value.date()),
                            time(clock.hour(), clock.minute(), clock.second()))


# The dates a field accepts unless told otherwise: the programme's past and future, as the
# services check them (``services.weeks``).
FIRST_DATE = QDate(1900, 1, 1)
LAST_DATE = QDate(2100, 12, 31)

# What a date may be typed with: digits and the separators coaches use.
_DATE_CHARACTERS = QRegularExpression(r"[0-9/.\- ]{0,10}")
_SEPARATORS = re.compile(r"[/.\- ]+")
_TIME_CHARACTERS = QRegularExpression(r"[0-9:hH. ]{0,5}")


def _full_year(digits: str, today: date) -> int:
    """A year typed with two digits: this century up to ten years ahead, else the last one
    (« 92 » is 1992 for a birth date, « 10 » is 2010)."""
    year = int(digits)
    if len(digits) > 2:
        return year
    century = today.year - today.year % 100
    return century + year if century + year <= today.year + 10 else century - 100 + year


def parse_typed_date(text: str, *, default_year: int | None = None,
                     today: date | None = None) -> date | None:
    """What a coach typed in a date field, as a date; None when empty.

    « 05072010 », « 050710 », « 5/7/2010 », « 05/07/2010 », « 5.7.10 », « 5-7-2010 »,
    « 2010-07-05 »; « 5/7 » or « 0507 » is in ``default_year``. Raises ValueError otherwise
    (letters, a 31 February).
    """
    today = today or date.today()
    year_now = default_year or today.year
    cleaned = text.strip()
    if not cleaned:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
        year, month, day = (int(part) for part in cleaned.split("-"))
        return date(year, month, day)
    if cleaned.isdigit():
        if len(cleaned) == 8:
            return date(int(cleaned[4:]), int(cleaned[2:4]), int(cleaned[:2]))
        if len(cleaned) == 6:
            return date(_full_year(cleaned[4:], today), int(cleaned[2:4]), int(cleaned[:2]))
        if len(cleaned) == 4:
            return date(year_now, int(cleaned[2:]), int(cleaned[:2]))
        raise ValueError(text)
    parts = _SEPARATORS.split(cleaned)
    if len(parts) == 2 and all(part.isdigit() and len(part) <= 2 for part in parts):
        return date(year_now, int(parts[1]), int(parts[0]))
    if (len(parts) == 3 and all(part.isdigit() for part in parts)
            and len(parts[0]) <= 2 and len(parts[1]) <= 2 and len(parts[2]) in (2, 4)):
        return date(_full_year(parts[2], today), int(parts[1]), int(parts[0]))
    raise ValueError(text)


def parse_typed_time(text: str) -> time:
    """« 14:30 », « 14h30 », « 14h », « 1430 », « 930 », « 9 » → the time; ValueError otherwise."""
    cleaned = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d{1,2})(?:[:h.](\d{2})?)?", cleaned) or re.fullmatch(
        r"(\d{1,2})(\d{2})", cleaned)
    if match is None:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2) or 0))


class _TypedLine(QLineEdit):
    """The line of a typed field: a click that gives it the focus selects the whole value, so
    what the coach types next replaces it (a second click places the cursor as usual)."""

    stepped = Signal(int, int)  # days, months
    calendar_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._select_on_release = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            self._select_on_release = True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_release:
            self._select_on_release = False
            if not self.hasSelectedText():  # not when the coach dragged over a part of it
                self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {
            Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1),
        }
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.calendar_asked.emit()
            return
        if key in steps and not alt:
            self.stepped.emit(*steps[key])
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """A date typed as the coach writes it, or picked in a calendar; JJ/MM/AAAA once typed.

    It answers as Qt's QDateEdit does (``date()``, ``setDate()``, ``dateChanged``, a range),
    so forms read it the same way. While the text is not a date yet (being typed, or wrong), the
    field keeps its last date and says so in red; ``text_error()`` tells a form to refuse it.
    An ``optional`` field may be emptied: ``date()`` is then ``NO_DATE``.
    """

    dateChanged = Signal(QDate)

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self._date = QDate()
        self._minimum = NO_DATE if optional else FIRST_DATE
        self._maximum = LAST_DATE
        self._calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        self.line = _TypedLine(self)
        self.line.setObjectName("dateText")
        self.line.setValidator(QRegularExpressionValidator(_DATE_CHARACTERS, self.line))
        self.line.setPlaceholderText("—" if optional else self.tr("DD/MM/YYYY"))
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("Calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._finished)
        self.line.stepped.connect(self._step)
        self.line.calendar_asked.connect(self.show_calendar)
        self.button.clicked.connect(self.show_calendar)
        if value is not None:
            self.setDate(to_qdate(value))
        elif not optional:
            self.setDate(QDate.currentDate())

    # What QDateEdit offers ----------------------------------------------------------------------
    def date(self) -> QDate:
        """The date shown; ``NO_DATE`` for an optional field left empty."""
        return QDate(self._date) if self._date.isValid() else QDate(NO_DATE)

    def setDate(self, value: QDate) -> None:
        if self._optional and (not value.isValid() or value == NO_DATE):
            self._set(QDate(), "")
            return
        if not value.isValid():
            return
        value = max(self._minimum, min(self._maximum, value))
        self._set(value, value.toString("dd/MM/yyyy"))

    def minimumDate(self) -> QDate:
        return QDate(self._minimum)

    def maximumDate(self) -> QDate:
        return QDate(self._maximum)

    def setMinimumDate(self, value: QDate) -> None:
        self._minimum = QDate(value)
        if self._date.isValid() and self._date < value:
            self.setDate(value)

    def setMaximumDate(self, value: QDate) -> None:
        self._maximum = QDate(value)
        if self._date.isValid() and self._date > value:
            self.setDate(value)

    def setDateRange(self, minimum: QDate, maximum: QDate) -> None:
        self.setMinimumDate(minimum)
        self.setMaximumDate(maximum)

    def text(self) -> str:
        """The text shown (« — » for an optional field left empty)."""
        return self.line.text() or ("—" if self._optional else "")

    def lineEdit(self) -> QLineEdit:
        return self.line

    def calendarWidget(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setObjectName("calendar")
            self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
            self._menu = QMenu(self)
            action = QWidgetAction(self._menu)
            action.setDefaultWidget(self._calendar)
            self._menu.addAction(action)
        return self._calendar

    # CoachDesk's own ----------------------------------------------------------------------------
    def value(self) -> Day | None:
        """The date shown, or None for an optional field left empty."""
        return from_qdate(self._date) if self._date.isValid() else None

    def is_optional(self) -> bool:
        return self._optional

    def text_error(self) -> str | None:
        """Why the text typed is not a date the field can take (a French sentence), or None."""
        try:
            typed = self._parse(self.line.text())
        except ValueError:
            return QCoreApplication.translate(
                "DateField", "« %1 » is not a date: type it as DD/MM/YYYY, e.g. 05/07/2010."
            ).replace("%1", self.line.text())
        if typed is None:
            if self._optional:
                return None
            return QCoreApplication.translate(
                "DateField", "The date is missing: type it as DD/MM/YYYY, e.g. 05/07/2010.")
        if not self._minimum <= to_qdate(typed) <= self._maximum:
            return QCoreApplication.translate(
                "DateField", "The date %1 is outside the dates allowed here (%2 to %3)."
            ).replace("%1", f"{typed:%d/%m/%Y}").replace(
                "%2", self._minimum.toString("dd/MM/yyyy")).replace(
                "%3", self._maximum.toString("dd/MM/yyyy"))
        return None

    def show_calendar(self) -> None:
        calendar = self.calendarWidget()
        calendar.setDateRange(max(self._minimum, FIRST_DATE), self._maximum)
        shown = self._date if self._date.isValid() else QDate.currentDate()
        calendar.setSelectedDate(shown)
        assert self._menu is not None
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    # Inside -------------------------------------------------------------------------------------
    def _parse(self, text: str) -> Day | None:
        year = self._date.year() if self._date.isValid() else None
        return parse_typed_date(text, default_year=year)

    def _set(self, value: QDate, text: str) -> None:
        changed = value != self._date
        self._date = QDate(value)
        if self.line.text() != text:
            self.line.setText(text)
        self._show_error(None)
        if changed:
            self.dateChanged.emit(self.date())

    def _typed(self, text: str) -> None:
        """Each keystroke: a complete date is taken at once (the form's other fields follow)."""
        try:
            typed = self._parse(text)
        except ValueError:
            return
        if typed is None:
            if self._optional and self._date.isValid():
                self._date = QDate()
                self.dateChanged.emit(self.date())
            return
        # « 5/7/2 » is on its way to « 5/7/2010 »: wait for a full year before taking it.
        parts = _SEPARATORS.split(text.strip())
        if len(parts) == 3 and len(parts[2]) not in (2, 4):
            return
        value = to_qdate(typed)
        if self._minimum <= value <= self._maximum and value != self._date:
            self._date = value
            self.dateChanged.emit(self.date())

    def _finished(self) -> None:
        """Enter or leaving the field: a date is shown JJ/MM/AAAA; anything else is said."""
        error = self.text_error()
        if error is None:
            typed = self._parse(self.line.text())
            self.setDate(to_qdate(typed) if typed is not None else QDate())
            return
        self._show_error(error)

    def _show_error(self, error: str | None) -> None:
        self.line.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.line.setToolTip(error or "")

    def _step(self, days: int, months: int) -> None:
        start = self._date if self._date.isValid() else QDate.currentDate()
        self.setDate(start.addDays(days).addMonths(months))
        self.line.selectAll()

    def _picked(self, value: QDate) -> None:
        self.setDate(value)
        if self._menu is not None:
            self._menu.close()
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)


def date_edit(value: date | None = None, *, optional: bool = False, name: str = "") -> DateField:
    """A JJ/MM/AAAA date field with a calendar, on ``value`` (else today, or empty if optional).

    An ``optional`` field can be left empty (it then reads None with ``date_of``).
    """
    edit = DateField(value, optional=optional)
    if name:
        edit.setObjectName(name)
    return edit


def date_of(edit: DateField) -> date | None:
    """The date shown, or None for an optional field left empty."""
    return edit.value()


def set_date(edit: DateField, value: date | None) -> None:
    """Show ``value``; None empties an optional field."""
    edit.setDate(to_qdate(value) if value else NO_DATE)


class TimeField(_TypedLine):
    """An hour typed « 14:30 », « 14h30 », « 1430 » or « 9 »; shown HH:MM. Up and Down move a
    quarter of an hour."""

    timeChanged = Signal(QTime)

    def __init__(self, value: time = time(9, 0), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = QTime(value.hour, value.minute)
        self.setValidator(QRegularExpressionValidator(_TIME_CHARACTERS, self))
        self.setText(self._time.toString("HH:mm"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:000") + 16)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)
        self.stepped.connect(lambda days, _months: self.setTime(self._time.addSecs(days * 900)))

    def time(self) -> QTime:
        return QTime(self._time)

    def setTime(self, value: QTime) -> None:
        self.setText(value.toString("HH:mm"))
        self.setStyleSheet("")
        if value != self._time:
            self._time = QTime(value)
            self.timeChanged.emit(self.time())

    def text_error(self) -> str | None:
        try:
            parse_typed_time(self.text())
        except ValueError:
            return QCoreApplication.translate(
                "DateField", "« %1 » is not an hour: type it as HH:MM, e.g. 14:30."
            ).replace("%1", self.text())
        return None

    def _typed(self, text: str) -> None:
        try:
            typed = parse_typed_time(text)
        except ValueError:
            return
        value = QTime(typed.hour, typed.minute)
        if value != self._time:
            self._time = value
            self.timeChanged.emit(self.time())

    def _finished(self) -> None:
        error = self.text_error()
        if error is None:
            typed = parse_typed_time(self.text())
            self.setTime(QTime(typed.hour, typed.minute))
            return
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setToolTip(error)


class DateTimeField(QWidget):
    """A date and an hour (an interview, an information session), each typed freely.

    Answers as QDateTimeEdit does: ``dateTime()``, ``setDateTime()``."""

    dateTimeChanged = Signal(QDateTime)

    def __init__(self, value: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_field = DateField(value.date())
        self.date_field.setObjectName("dateField")
        self.time_field = TimeField(value.time())
        self.time_field.setObjectName("timeField")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_field, 1)
        layout.addWidget(QLabel(self.tr("at")))
        layout.addWidget(self.time_field)
        self.setFocusProxy(self.date_field)
        self.date_field.dateChanged.connect(lambda _d: self.dateTimeChanged.emit(self.dateTime()))
        self.time_field.timeChanged.connect(lambda _t: self.dateTimeChanged.emit(self.dateTime()))

    def dateTime(self) -> QDateTime:
        return QDateTime(self.date_field.date(), self.time_field.time())

    def setDateTime(self, value: QDateTime) -> None:
        self.date_field.setDate(value.date())
        self.time_field.setTime(value.time())

    def text_error(self) -> str | None:
        return self.date_field.text_error() or self.time_field.text_error()


def date_time_edit(value: datetime, *, name: str = "") -> DateTimeField:
    """A date and an hour, typed or picked (JJ/MM/AAAA, HH:MM)."""
    field = DateTimeField(value)
    if name:
        field.setObjectName(name)
    return field


class OptionalDate(QWidget):
    """A date the coach may leave empty: a tick box that enables a date field."""

    changed = Signal()

    def __init__(self, label: str, day: date, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.check = QCheckBox(label)
        self.check.setObjectName(name + "Set")
        self.edit = date_edit(day, name=name + "Date")
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        if day is not None:
            self.edit.setDate(to_qdate(day))
        self.check.setChecked(day is not None)


def parse_euros(text: str) -> Decimal | None:
    """``"1 343,77 €"`` or ``"1343.77"`` → ``Decimal("1343.77")``; empty → None.

    Raises ValueError on text that is not an amount."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(text)
    return amount.quantize(Decimal("0.01"))


def format_euros(cents: int | None) -> str:
    """``134377`` → ``"1 343,77"`` (as coaches type amounts); None → ``""``."""
    if cents is None:
        return ""
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", " ") + f",{rest:02d}"
