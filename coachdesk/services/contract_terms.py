"""A contract's trial period end and its status, from its stored columns, for code reading rows.

The trial period rule itself lives in ``contract_rules`` (one place, with its tests); this keeps
the funnel, the lists and the exports on exactly the same computation as the agenda and the
warnings. The status is the one the Suivi des contrats tab and the partners' workbooks show.
"""

from __future__ import annotations

from datetime import date


def trial_period_end(
    contract_type: str, start: date, end: date | None, override: date | None = None
) -> date:
    """Last day of the trial period: the contract's own when recorded, else the legal one."""
    # (Loaded here: the window's first list reads contract statuses before anything else.)
    from coachdesk.services.contract_draft import ContractDraft
    from coachdesk.services.contract_rules import trial_period_end as _trial_period_end

    return _trial_period_end(
        ContractDraft(
            contract_type=contract_type,
            start_date=start,
            end_date=end,
            trial_period_end_override=override,
        )
    )


# A contract still running on the day (or about to): it is followed, visits are due.
RUNNING_STATUSES = frozenset({"À venir", "En cours", "Rupture prévue"})


def contract_status(start: date, end: date | None, rupture_on: date | None, day: date) -> str:
    """The contract's status on ``day``: Rompu, À venir, Terminé, Rupture prévue or En cours.

    A rupture counts from its date on; recorded for a later day, it is announced (« Rupture
    prévue ») while the contract runs until then.
    """
    if rupture_on is not None and rupture_on <= day:
        return "Rompu"
    if start > day:
        return "À venir"
    if end is not None and end < day:
        return "Terminé"
    if rupture_on is not None:
        return "Rupture prévue"
    return "En cours"
