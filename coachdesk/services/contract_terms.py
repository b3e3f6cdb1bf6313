"""The trial period end from a contract's stored columns, for code reading plain rows.

The rule itself lives in ``contract_rules`` (one place, with its tests); this keeps the funnel,
the lists and the exports on exactly the same computation as the agenda and the warnings.
"""

from __future__ import annotations

from datetime import date

from coachdesk.services.contract_rules import ContractTerms
from coachdesk.services.contract_rules import trial_period_end as _trial_period_end


def trial_period_end(
    contract_type: str, start: date, end: date | None, override: date | None = None
) -> date:
    """Last day of the trial period: the contract's own when recorded, else the legal one."""
    return _trial_period_end(
        ContractTerms(
            contract_type=contract_type,
            start_date=start,
            end_date=end,
            trial_period_end_override=override,
        )
    )
