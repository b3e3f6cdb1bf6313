"""How the demo's employers write their contracts: lawful, except two chosen to show alerts.

Pay at the legal minimum up to the note's day (rounded up to the euro; the SMIC rise of
1 January 2011 is for the coach to announce), training within 15-25 % of the contract's hours.
The two exceptions, by order of signature: one keeps the training's 400 hours on a contract
shorter than the others (above 25 %: to check, a branch agreement may allow it); on another the
employer forgot the +10 points of the bac pro (pay below the minimum: illegal).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from coachdesk import paths
from coachdesk.services import contract_rules as rules
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.smic import SMIC_FILE_NAME, SmicTable, read_smic_file

TRAINING_ALERT, PAY_ALERT = 9, 8


def demo_smic() -> SmicTable:
    """The shipped SMIC table only: the demo is the same on every machine."""
    return SmicTable(read_smic_file(paths.resource(SMIC_FILE_NAME)))


def lawful_terms(
    draft: ContractDraft, trainee: rules.Trainee, smic: SmicTable, day: date, *, alert: int
) -> ContractDraft:
    """``draft`` with the pay and training hours a careful employer writes, as of ``day``;
    ``alert`` is the contract's rank of signature (``TRAINING_ALERT``, ``PAY_ALERT``)."""
    if alert == PAY_ALERT:
        trainee = replace(trainee, bac_type=None)  # the bac pro's bonus forgotten
    minimum = max(
        (segment.minimum_monthly for segment in rules.minimum_pay_schedule(draft, trainee, smic)
         if segment.starts_on <= day),
        default=Decimal(0),
    )
    pay_cents = -(-int(minimum * 100) // 100) * 100
    hours = draft.training_hours
    total = rules.contract_working_hours(draft)
    if alert != TRAINING_ALERT and hours is not None and total is not None:
        hours = min(hours, int(total * rules.MAX_TRAINING_SHARE))
    return replace(draft, gross_monthly_pay_cents=pay_cents, training_hours=hours)
