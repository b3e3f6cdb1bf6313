"""The date and money fields every form uses: JJ/MM/AAAA dates with a calendar, amounts in euros.

* ``date_edit`` makes a date field; an optional one may stay empty (it shows « — »), read it
  with ``date_of`` and fill it with ``set_date``.
* ``OptionalDate`` is the other way to leave a date empty, for forms where an empty date means
  something the coach decides (« ends on », « sent to the OPCO on »): a tick box enables it.
* ``parse_euros`` reads what a coach types in an amount field (``1 343,77 €``), as a
  ``Decimal``; ``format_euros`` shows stored cents the same way.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

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


def date_edit(value: date | None = None, *, optional: bool = False, name: str = "") -> QDateEdit:
    """A JJ/MM/AAAA date field with a calendar, on ``value`` (else today, or empty if optional).

    An ``optional`` field can be left empty: its lowest value, shown « — », means no date.
    """
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if name:
        edit.setObjectName(name)
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
    if value is not None:
        edit.setDate(to_qdate(value))
    else:
        edit.setDate(NO_DATE if optional else QDate.currentDate())
    return edit


def date_of(edit: QDateEdit) -> date | None:
    """The date shown, or None for an optional field left empty."""
    value = edit.date()
    if value == NO_DATE and edit.minimumDate() == NO_DATE:
        return None
    return from_qdate(value)


def set_date(edit: QDateEdit, value: date | None) -> None:
    """Show ``value``; None empties an optional field."""
    edit.setDate(to_qdate(value) if value else NO_DATE)


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
