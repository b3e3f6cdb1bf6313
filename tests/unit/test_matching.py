"""Matching by ROME code then family, contracts excluded, and referrals with their statuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coachdesk.errors import UserError
from coachdesk.services import bilan, matching, offers
from coachdesk.services import employers as emp
from tests.employers_fixtures import (  # noqa: F401
    cohort_id,
    db,
    make_cohort,
    make_contract,
    make_participant,
)

ON = date(2010, 6, 1)


def _validated(db, cohort_id, last, first, rome, *, employable=False):  # noqa: F811
    person = make_participant(db, cohort_id, last, first)
    bilan.add_project(db, person, bilan.ProjectDraft(
        rome_code=rome, decision="valide", decided_on=date(2010, 5, 5),
        directly_employable=employable,
    ))
    return person


def test_candidates_same_code_first_then_family_without_contracts(db, cohort_id) -> None:  # noqa: F811
    employer = emp.create_employer(db, emp.EmployerDraft(name="Cabinet Roussel", city="Lunel"))
    offer = offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=employer, title="Secrétaire", rome_code="M1607", received_on=date(2010, 4, 1),
    ))
    exact = _validated(db, cohort_id, "Zéraïa", "Émilie", "M1607")
    employable = _validated(db, cohort_id, "Martin", "Chloé", "M1607", employable=True)
    family = _validated(db, cohort_id, "Abadie", "Théo", "M1602")
    _validated(db, cohort_id, "Vidal", "Noé", "D1214")  # another family
    hired = _validated(db, cohort_id, "Bonnet", "Inès", "M1607")
    make_contract(db, hired, employer, start=date(2010, 5, 26))
    broken = _validated(db, cohort_id, "Caron", "Yanis", "M1607")
    make_contract(db, broken, employer, start=date(2010, 5, 26), rupture_on=date(2010, 5, 30))
    pending = make_participant(db, cohort_id, "Durand", "Léa")
    bilan.add_project(db, pending, bilan.ProjectDraft(rome_code="M1607"))  # not validated
    elsewhere = make_cohort(db, "Promotion 2011")
    _validated(db, elsewhere, "Autre", "Promo", "M1607")

    found = matching.candidates_for_offer(db, offer, on=ON)
    assert [(c.first_name, c.match) for c in found] == [
        ("Chloé", "code"), ("Yanis", "code"), ("Émilie", "code"), ("Théo", "famille"),
    ]
    assert found[-1].match_label == "Même famille de métiers"
    assert {exact, employable, family, broken} == {c.participant_id for c in found}

    fits = matching.offers_for_participant(db, family)
    assert [(f.title, f.match) for f in fits] == [("Secrétaire", "famille")]
    offers.update_offer(db, offer, replace(offers.get_offer(db, offer), status="pourvue"))
    assert matching.offers_for_participant(db, family) == []


def test_referral_statuses_and_dates(db, cohort_id) -> None:  # noqa: F811
    employer = emp.create_employer(db, emp.EmployerDraft(name="Hôtel Œillet", city="Sète"))
    offer = offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=employer, title="Réceptionniste", rome_code="G1703",
        received_on=date(2010, 4, 1),
    ))
    person = _validated(db, cohort_id, "Ferrière", "Anaïs", "G1703")
    referral = matching.propose(db, offer, person, date(2010, 4, 26))
    with pytest.raises(UserError, match=r"déjà été proposé·e .*Proposée"):
        matching.propose(db, offer, person, date(2010, 4, 27))
    matching.set_referral_status(db, referral, "cv_envoye", date(2010, 4, 27))
    with pytest.raises(UserError, match="précède la proposition du 26/04/2010"):
        matching.set_referral_status(db, referral, "retenu", date(2010, 4, 1))
    rows = matching.list_referrals(db, offer_id=offer)
    assert [(r.first_name, r.status_label, r.status_on) for r in rows] == [
        ("Anaïs", "CV envoyé", date(2010, 4, 27)),
    ]
    assert matching.candidates_for_offer(db, offer, on=ON)[0].referral_label == "CV envoyé"
    offers.update_offer(db, offer, replace(offers.get_offer(db, offer), status="annulee"))
    other = _validated(db, cohort_id, "Gomez", "Lou", "G1703")
    with pytest.raises(UserError, match="annulée : impossible d'y proposer GOMEZ Lou"):
        matching.propose(db, offer, other, date(2010, 5, 1))
