"""Pay rises due during a week: the days a running contract's legal minimum goes above its
pay (a SMIC revaluation, the 1st of the month after the 21st or 26th birthday), for the agenda.

A minimum only changes on a SMIC revaluation or on the 1st of a month, so a week holding
neither reads nothing; on a birthday month only the people of the right birth months are read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from coachdesk.models import Contract, Employer, Participant
from coachdesk.services.contract_draft import draft_of
from coachdesk.services.contract_rules import (
    AGE_BAND_LABELS,
    Trainee,
    fr_money,
    minimum_pay_schedule,
)
from coachdesk.services.smic import SmicTable, load_smic_table
from coachdesk.services.text import person_name


@dataclass(frozen=True, slots=True)
class PayRise:
    day: date
    participant_id: str
    participant: str
    contract_id: str
    detail: str  # French


def _birth_window(first_of_month: date, years: int) -> Any:
    """Born in the month before ``first_of_month``, ``years`` years earlier."""
    month_start = (first_of_month - timedelta(days=1)).replace(day=1)
    try:
        start = month_start.replace(year=month_start.year - years)
        end = first_of_month.replace(year=first_of_month.year - years)
    except ValueError:  # pragma: no cover - the 1st of a month exists every year
        return False
    return and_(Participant.birth_date >= start, Participant.birth_date < end)


def pay_rises(
    session: Session, monday: date, sunday: date, cohort_filter: Any,
    smic: SmicTable | None = None,
) -> list[PayRise]:
    """Each running contract whose pay falls below its legal minimum on a day of the week."""
    smic = smic or load_smic_table()
    revaluation = bool(smic.changes_between(monday - timedelta(days=1), sunday))
    firsts = [monday + timedelta(days=n) for n in range(7)
              if (monday + timedelta(days=n)).day == 1]
    if not revaluation and not firsts:
        return []
    running = and_(
        Contract.start_date < monday, Contract.gross_monthly_pay_cents.is_not(None),
        or_(Contract.end_date.is_(None), Contract.end_date >= monday),
        or_(Contract.rupture_on.is_(None), Contract.rupture_on >= monday),
        Participant.birth_date.is_not(None), cohort_filter,
    )
    if not revaluation:
        running = and_(running, or_(*(_birth_window(first, years)
                                      for first in firsts for years in (21, 26))))
    rows = session.execute(
        select(Contract, Participant.first_name, Participant.last_name, Participant.birth_date,
               Participant.bac_type, Employer.name)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(running)
    ).all()
    rises: list[PayRise] = []
    for contract, first, last, birth_date, bac_type, employer in rows:
        terms = draft_of(contract)
        if contract.rupture_on is not None:
            terms = replace(terms, end_date=contract.rupture_on)
        pay = terms.gross_monthly_pay
        assert pay is not None  # selected so
        for segment in minimum_pay_schedule(terms, Trainee(birth_date, bac_type), smic):
            if monday <= segment.starts_on <= sunday and pay < segment.minimum_monthly:
                rises.append(PayRise(
                    segment.starts_on, contract.participant_id, person_name(last, first),
                    contract.id,
                    f"Chez {employer}, le salaire minimum passe à "
                    f"{fr_money(segment.minimum_monthly)} ({segment.rate_percent} % du SMIC, "
                    f"{AGE_BAND_LABELS[segment.age_band]}) : l'employeur relève le salaire "
                    f"prévu ({fr_money(pay)} brut par mois)."))
    return rises
