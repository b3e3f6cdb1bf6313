"""What a contract costs the employer each month: an estimate the coach shows employers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.contract_rules import contract_working_hours, fr_money
from coachdesk.services.smic import CENT

# Employer contributions left at low pay once the general reduction applies; an estimate the
# coach can change, not a payroll computation.
DEFAULT_EMPLOYER_CONTRIBUTION_RATE = Decimal("0.13")


@dataclass(frozen=True, slots=True)
class EmployerCost:
    """Monthly cost estimate for the employer (Decimal euros) and its explanation."""

    gross_pay: Decimal
    contributions: Decimal
    monthly_aid: Decimal
    monthly_cost: Decimal
    presence_share: Decimal | None  # share of the time spent in the company (not in training)
    cost_per_present_hour: Decimal | None
    message_fr: str


def employer_monthly_cost(
    terms: ContractDraft,
    *,
    contribution_rate: Decimal = DEFAULT_EMPLOYER_CONTRIBUTION_RATE,
    monthly_aid: Decimal = Decimal(0),
) -> EmployerCost | None:
    """What the contract costs the employer each month, as an estimate to show employers.

    Assumptions, said in the French sentence too: the cost is the gross pay plus employer
    contributions at ``contribution_rate`` of the gross pay (what remains at low pay once the
    general reduction applies; not a payroll computation), minus the monthly hiring aids the
    coach declares (``monthly_aid``, none by default); the training itself is paid by the OPCO
    and not counted. The time in the company is the contract's hours minus its training hours,
    spread evenly over the contract.
    """
    if terms.gross_monthly_pay is None:
        return None
    gross = terms.gross_monthly_pay
    contributions = (gross * contribution_rate).quantize(CENT, rounding=ROUND_HALF_UP)
    cost = max(gross + contributions - monthly_aid, Decimal(0)).quantize(CENT)
    total_hours = contract_working_hours(terms)
    presence_share: Decimal | None = None
    per_hour: Decimal | None = None
    message = (
        f"Coût estimé pour l'employeur : {fr_money(cost)} par mois (salaire brut "
        f"{fr_money(gross)} + charges patronales estimées à "
        f"{(contribution_rate * 100).normalize():f} % soit {fr_money(contributions)}"
    )
    if monthly_aid:
        message += f", moins {fr_money(monthly_aid)} d'aides déclarées"
    message += "), hors formation prise en charge par l'OPCO."
    if total_hours and terms.training_hours is not None and terms.weekly_hours:
        presence_share = max(Decimal(1) - Decimal(terms.training_hours) / total_hours, Decimal(0))
        monthly_hours = Decimal(terms.weekly_hours) * 52 / 12
        present_hours = monthly_hours * presence_share
        if present_hours > 0:
            per_hour = (cost / present_hours).quantize(CENT, rounding=ROUND_HALF_UP)
            percent = (presence_share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            message += (
                f" Présent·e {percent} % du temps dans l'entreprise, soit {fr_money(per_hour)} "
                "par heure de présence."
            )
    return EmployerCost(gross, contributions, monthly_aid, cost, presence_share, per_hour, message)
