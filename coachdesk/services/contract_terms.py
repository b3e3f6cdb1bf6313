"""Dates that follow from a contract's terms, shared by the funnel, the agenda and the exports."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month (31/01 + 1 → 28/02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def trial_period_end(
    contract_type: str, start: date, end: date | None, override: date | None = None
) -> date:
    """Last day of the trial period (période d'essai) of a contrat de professionnalisation.

    The contract's own trial period wins when the coach recorded one. Otherwise, for a CDD
    (Code du travail, art. L1242-10): one day per full week of the contract's length, at most two
    weeks when the contract lasts six months or less, at most one month otherwise. A CDI has no
    statutory length here, so we take the usual two months for an employee (art. L1221-19).
    """
    if override is not None:
        return override
    if contract_type == "cdi" or end is None:
        return add_months(start, 2) - timedelta(days=1)
    weeks = ((end - start).days + 1) // 7
    if end < add_months(start, 6):
        length = min(weeks, 14)
        return start + timedelta(days=length - 1) if length else start
    by_weeks = start + timedelta(days=weeks - 1)
    return min(by_weeks, add_months(start, 1) - timedelta(days=1))
