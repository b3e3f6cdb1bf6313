"""One stage computation and one contract status, for the window and the workbooks alike."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk.db import Database
from coachdesk.services.contract_terms import contract_status
from coachdesk.services.lists import participant_rows
from coachdesk.services.recruitment import schedule_selection_interview
from coachdesk.services.stages import participant_stages, stage_of
from tests import builders as b

D = date


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2010, 7, 1), "À venir"),
        (D(2010, 7, 12), "En cours"),
        (D(2011, 6, 1), "Terminé"),
    ],
)
def test_contract_status_on_a_day(day: date, status: str) -> None:
    assert contract_status(D(2010, 7, 12), D(2011, 5, 31), None, day) == status


def test_a_rupture_is_announced_until_its_day_then_the_contract_is_broken() -> None:
    start, end, rupture = D(2010, 7, 12), D(2011, 5, 31), D(2010, 9, 30)
    assert contract_status(start, end, rupture, D(2010, 9, 1)) == "Rupture prévue"
    assert contract_status(start, end, rupture, D(2010, 9, 30)) == "Rompu"
    assert contract_status(start, None, None, D(2030, 1, 1)) == "En cours"


def _stage(contract_status: str | None = None, exited: bool = False, validated: bool = False,
           in_bilan: bool = False, interviewed: bool = False, attended: bool = False) -> str:
    return stage_of(contract_status=contract_status, exited=exited, validated=validated,
                    in_bilan=in_bilan, interviewed=interviewed, attended=attended)


def test_a_running_contract_wins_a_solution_comes_after_an_ended_one() -> None:
    assert _stage(contract_status="En cours", exited=True) == "contrat"
    assert _stage(contract_status="Rupture prévue", exited=True) == "contrat"
    # The copies disagreed here: an ended contract then a solution is a sortie.
    assert _stage(contract_status="Terminé", exited=True) == "sortie"
    assert _stage(contract_status="Rompu") == "contrat"  # a solution is awaited
    assert _stage(exited=True, validated=True) == "sortie"
    assert _stage(validated=True, in_bilan=True) == "projet"
    assert _stage(in_bilan=True, interviewed=True) == "bilan"
    assert _stage(interviewed=True, attended=True) == "selection"
    assert _stage(attended=True) == "information"
    assert _stage() == "contact"


def test_only_what_happened_by_the_day_counts(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", D(2010, 2, 1))
    lea = b.person(db, cohort, "Roux", "Léa", listed_on=D(2010, 2, 1))
    theo = b.person(db, cohort, "Dubois", "Théo", listed_on=D(2010, 2, 1))
    # Théo's interview is held on 01/03 and not decided yet.
    schedule_selection_interview(db, theo, D(2010, 3, 1))
    employer = b.employer(db, "Boulangerie Pons")
    b.contract(db, lea, employer, D(2010, 7, 12), end_date=D(2010, 12, 31))
    b.outcome(db, lea, "promesse_cdi", D(2011, 1, 3))
    with db.read() as s:
        assert participant_stages(s, cohort, D(2010, 2, 28)) == {lea: "contact", theo: "contact"}
        assert participant_stages(s, cohort, D(2010, 3, 1)) == {lea: "contact",
                                                                theo: "selection"}
        assert participant_stages(s, cohort, D(2010, 7, 12))[lea] == "contrat"
        assert participant_stages(s, cohort, D(2011, 1, 2))[lea] == "contrat"
        assert participant_stages(s, cohort, D(2011, 1, 3))[lea] == "sortie"
        assert {row.id: row.stage for row in participant_rows(db, cohort)} == {
            lea: "sortie", theo: "selection"}
