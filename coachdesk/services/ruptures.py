"""The cohort's ruptures as the dashboard analyses them: in or after the trial period, by
reason, by who ended the contract, by employer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Contract, Employer, Participant, codes
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.contract_rules import trial_period_end
from coachdesk.services.visits import ended_in_trial


@dataclass(frozen=True, slots=True)
class RuptureSummary:
    """Counts of the ruptures dated on or before ``as_of``; each list most frequent first."""

    as_of: date
    total: int
    in_trial: int
    after_trial: int
    by_reason: tuple[tuple[str, int], ...]  # French label, count
    by_whom: tuple[tuple[str, int], ...]
    by_employer: tuple[tuple[str, int], ...]


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda pair: (-pair[1], pair[0])))


def rupture_summary(
    database: Database, cohort_id: str, as_of: date | None = None
) -> RuptureSummary:
    """The ruptures of the cohort's contracts up to ``as_of`` (default: the database's day)."""
    with database.read() as session:
        day = as_of or clock_day(session)
        rows = session.execute(
            select(Contract.contract_type, Contract.start_date, Contract.end_date,
                   Contract.trial_period_end_override, Contract.rupture_on, Contract.rupture_by,
                   Contract.rupture_reason_category, Employer.name)
            .join(Participant, Participant.id == Contract.participant_id)
            .join(Employer, Employer.id == Contract.employer_id)
            .where(Participant.cohort_id == cohort_id, Contract.rupture_on.is_not(None),
                   Contract.rupture_on <= day)
        ).all()
    in_trial = 0
    reasons: Counter[str] = Counter()
    whom: Counter[str] = Counter()
    employers: Counter[str] = Counter()
    for contract_type, start, end, override, rupture_on, by, reason, employer in rows:
        terms = ContractDraft(start_date=start, contract_type=contract_type, end_date=end,
                              trial_period_end_override=override)
        in_trial += ended_in_trial(rupture_on, trial_period_end(terms))
        reasons[codes.RUPTURE_REASONS.get(reason or "", "Non précisé")] += 1
        whom[codes.RUPTURE_BY.get(by or "", "Non précisé")] += 1
        employers[employer] += 1
    return RuptureSummary(day, len(rows), in_trial, len(rows) - in_trial, _ranked(reasons),
                          _ranked(whom), _ranked(employers))
