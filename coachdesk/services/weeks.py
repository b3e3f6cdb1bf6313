"""ISO weeks, as coaches and partners name them: ``2010-W28``, Monday to Sunday.

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
        return f"{self.year}-W{self.week:02d}"

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """``2010-W12`` (or ``2010W12``) → the ISO week; a French UserError otherwise."""
        match = _WEEK.match(text or "")
        if match:
            year, week = int(match.group(1)), int(match.group(2))
            try:
                date.fromisocalendar(year, week, 1)
            except ValueError:
                pass
            else:
                return cls(year, week)
        raise UserError(
            f"Semaine « {text} » non reconnue.",
            hint="Indiquez l'année et le numéro de semaine ISO au format AAAA-Wss, par exemple "
            "2010-W28 (de 1 à 52, ou 53 certaines années).",
        )


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return IsoWeek.of(day).monday
