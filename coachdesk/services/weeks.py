"""ISO weeks, Monday to Sunday: typed ``2010-W28`` on the command line, written « semaine 28 (du
12 au 18 juillet 2010) » everywhere a coach or a partner reads them (``week_label``: the window,
the workbooks, the command line's output).

The one parser of a week typed by a coach (the weekly workbook, the interview sheets, the
agenda): ``2010-W28``, ``2010W28`` or ``2010-w28``, spaces around allowed; a week that does not
exist in that year (``2010-W53``) is refused like a badly written one, with a French message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.errors import UserError

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)

# The dates CoachDesk computes with: a programme's past and future, far from the calendar's
# limits (a year 9999 overflows as soon as a week is added to it).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


def range_hint() -> str:
    """The French hint given with a date or week outside ``FIRST_DAY``–``LAST_DAY``."""
    return f"CoachDesk accepte les dates du {FIRST_DAY:%d/%m/%Y} au {LAST_DAY:%d/%m/%Y}."


MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def day_label(day: date, *, month: bool = True, year: bool = True) -> str:
    """``date(2010, 7, 1)`` → « 1er juillet 2010 » (the first of the month is « 1er »)."""
    text = "1er" if day.day == 1 else str(day.day)
    if month:
        text += f" {MONTHS_FR[day.month - 1]}"
    if year:
        text += f" {day.year}"
    return text


def week_span(monday: date, sunday: date) -> str:
    """« du 12 au 18 juillet 2010 », « du 28 juin au 4 juillet 2010 », « du 27 décembre 2010
    au 2 janvier 2011 »: the month and the year only where they change."""
    same_year = monday.year == sunday.year
    same_month = same_year and monday.month == sunday.month
    start = day_label(monday, month=not same_month, year=not same_year)
    return f"du {start} au {day_label(sunday)}"


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def next_monday(self) -> date:
        """The first day after the week (the end of a half-open range)."""
        return self.monday + timedelta(days=7)

    @property
    def code(self) -> str:
        """``2010-W28``: what the command line takes, and file names; not what a coach reads."""
        return f"{self.year}-W{self.week:02d}"

    @property
    def label(self) -> str:
        """« semaine 28 (du 12 au 18 juillet 2010) »: how a week is written to a coach."""
        return week_label(self)

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """``2010-W12`` (or ``2010W12``) → the ISO week; a French UserError otherwise."""
        match = _WEEK.match(text or "")
        if match is None:
            raise UserError(
                f"Semaine « {text} » non reconnue : attendu AAAA-Wss, par exemple 2010-W28.",
                hint="Écrivez l'année, un tiret, W puis le numéro de la semaine ISO (1 à 52 ou "
                "53).",
            )
        year, week = int(match.group(1)), int(match.group(2))
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise UserError(
                f"La semaine « {text} » est hors des dates possibles.", hint=range_hint()
            )
        weeks = date(year, 12, 28).isocalendar()[1]
        if not 1 <= week <= weeks:
            raise UserError(
                f"La semaine « {text} » n'existe pas : l'année {year} compte {weeks} semaines "
                "ISO.",
                hint="Les semaines ISO sont numérotées de 1 à 52 (53 certaines années).",
            )
        return cls(year, week)


def week_label(week: IsoWeek, *, capital: bool = False) -> str:
    """The one way CoachDesk writes a week to a person: « semaine 28 (du 12 au 18 juillet
    2010) », « Semaine 28 (…) » at the start of a sentence (``capital``)."""
    word = "Semaine" if capital else "semaine"
    return f"{word} {week.week} ({week_span(week.monday, week.sunday)})"


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return IsoWeek.of(day).monday
