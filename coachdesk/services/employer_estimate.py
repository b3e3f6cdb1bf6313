"""What a contrat de professionnalisation costs its employer over the contract, net of the hiring
aids in force at its start: the estimate a coach prints for the employer.

The monthly cost is ``employer_cost.employer_monthly_cost`` (gross pay plus estimated employer
contributions); the aids come from the dated table of ``hiring_aids``, judged on the day the
contract starts with what CoachDesk knows of the hire (the person's age when the contract is
signed, their baccalauréat, the employer's size). Aids that turn on something CoachDesk does not
know (a registered job seeker, a GEIQ) are listed to check, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.services.contract_draft import ContractDraft, draft_of
from coachdesk.services.contract_rules import fr_money
from coachdesk.services.employer_cost import EmployerCost, employer_monthly_cost
from coachdesk.services.hiring_aids import (
    HireAids,
    HireFacts,
    HiringAid,
    aids_for_hire,
    load_hiring_aids,
)
from coachdesk.services.smic import CENT

# Months counted for a contract without an end date (a CDI): the first year, over which the
# aids are paid.
OPEN_ENDED_MONTHS = 12
AVERAGE_MONTH_DAYS = Decimal("30.4375")  # 365.25 / 12
_UNDER_250 = {"1-9", "10-49", "50-249"}
_250_AND_MORE = {"250+", "250-999", "1000+"}


@dataclass(frozen=True, slots=True)
class EmployerEstimate:
    """The estimate for one contract, in Decimal euros, with what it rests on."""

    employer_name: str
    job_title: str
    qualification: str
    starts_on: date
    ends_on: date | None
    months: int
    age: int | None
    monthly: EmployerCost
    total_before_aids: Decimal
    aids: HireAids
    net_total: Decimal
    net_monthly: Decimal

    @property
    def summary_fr(self) -> str:
        """One French sentence: the cost over the contract, the aids, what remains."""
        aids = (f", moins {fr_money(self.aids.total)} d'aides à l'embauche"
                if self.aids.applying else ", sans aide à l'embauche comptée")
        return (
            f"Coût estimé sur {self.months} mois : {fr_money(self.total_before_aids)}{aids}, "
            f"soit {fr_money(self.net_total)} ({fr_money(self.net_monthly)} par mois en "
            "moyenne)."
        )


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def contract_months(starts_on: date, ends_on: date | None) -> int:
    """The months the contract runs, rounded (at least one); the first year when it has no
    end."""
    if ends_on is None:
        return OPEN_ENDED_MONTHS
    days = (ends_on - starts_on).days + 1
    return max(int((Decimal(days) / AVERAGE_MONTH_DAYS).quantize(Decimal(1), ROUND_HALF_UP)), 1)


def employer_under_250(size_band: str) -> bool | None:
    band = size_band.replace(" ", "")
    if band in _UNDER_250:
        return True
    if band in _250_AND_MORE:
        return False
    return None


def estimate(terms: ContractDraft, facts: HireFacts, aids: tuple[HiringAid, ...], *,
             employer_name: str = "") -> EmployerEstimate | None:
    """The estimate for ``terms`` (None while the pay is not typed)."""
    monthly = employer_monthly_cost(terms)
    if monthly is None:
        return None
    months = contract_months(terms.start_date, terms.end_date)
    total = (monthly.monthly_cost * months).quantize(CENT)
    found = aids_for_hire(aids, facts)
    net = max(total - found.total, Decimal(0)).quantize(CENT)
    per_month = (net / months).quantize(CENT, rounding=ROUND_HALF_UP)
    return EmployerEstimate(employer_name, terms.job_title, terms.qualification,
                            terms.start_date, terms.end_date, months, facts.age, monthly, total,
                            found, net, per_month)


def contract_estimate(db: Database, contract_id: str, *, job_seeker: bool | None = None,
                      aids: tuple[HiringAid, ...] | None = None) -> EmployerEstimate:
    """The estimate of a recorded contract; a French UserError when its pay is not recorded."""
    from coachdesk.models import Contract, Employer, Participant

    with db.read() as session:
        contract = session.get(Contract, contract_id)
        if contract is None:
            raise UserError(
                f"Aucun contrat n'a l'identifiant « {contract_id} ».",
                hint="Vérifiez l'identifiant du contrat, puis relancez.",
            )
        terms = draft_of(contract)
        person = session.get(Participant, contract.participant_id)
        employer = session.get(Employer, terms.employer_id) if terms.employer_id else None
        signed = terms.signed_on or terms.start_date
        facts = HireFacts(
            starts_on=terms.start_date,
            age=age_on(person.birth_date if person else None, signed),
            weekly_hours=terms.weekly_hours,
            has_baccalaureate=True if person is not None and (
                person.bac_type or person.bac_year) else None,
            job_seeker=job_seeker,
            employer_under_250=employer_under_250(employer.size_band) if employer else None,
        )
        employer_name = employer.name if employer else ""
    result = estimate(terms, facts, aids if aids is not None else load_hiring_aids(),
                      employer_name=employer_name)
    if result is None:
        raise UserError(
            "Le salaire brut mensuel de ce contrat n'est pas saisi : impossible d'estimer son "
            "coût pour l'employeur.",
            hint="Saisissez le salaire dans la fiche du contrat (onglet Contrats), puis "
            "relancez.",
        )
    return result
