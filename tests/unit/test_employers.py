"""Employers directory, contacts and tutors, prospecting log and job offers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from coachdesk.errors import UserError
from coachdesk.models import Employer, JobOffer
from coachdesk.services import employers as svc
from coachdesk.services import offers
from tests.employers_fixtures import cohort_id, db, make_contract, make_participant  # noqa: F401

VALID_SIRET = "732 829 320 00074"


def test_create_employer_stores_clean_fields_and_search_text(db) -> None:  # noqa: F811
    employer_id = svc.create_employer(db, svc.EmployerDraft(
        name="Cabinet Lefèvre & Fils", siret=VALID_SIRET, naf_code="6920z", city="Béziers",
        opco="AGEFOS PME", reached_via="relais_opco",
    ))
    with db.read() as session:
        employer = session.get(Employer, employer_id)
    assert employer.siret == "73282932000074"
    assert employer.naf_code == "69.20Z"
    assert employer.search_text == "cabinet lefevre & fils | beziers | 73282932000074"
    assert [row.name for row in svc.list_employers(db, "LEFEVRE beziers")] == [
        "Cabinet Lefèvre & Fils"
    ]
    assert svc.list_employers(db, "82932")[0].id == employer_id
    assert svc.list_employers(db, "montpellier") == []

    svc.update_employer(
        db, employer_id, replace(svc.get_employer(db, employer_id), city="Montpellier")
    )
    assert svc.list_employers(db, "montpellier")[0].id == employer_id
    assert svc.get_employer(db, employer_id).city == "Montpellier"


@pytest.mark.parametrize(
    ("siret", "message"),
    [
        ("73282932000075", "la clé de contrôle est fausse"),
        ("7328293200007", "il doit compter 14 chiffres, il en compte 13"),
        ("7328293200007A", "il ne doit contenir que des chiffres"),
    ],
)
def test_invalid_siret_is_refused_in_french(db, siret: str, message: str) -> None:  # noqa: F811
    with pytest.raises(UserError, match=message) as caught:
        svc.create_employer(db, svc.EmployerDraft(name="Boulangerie", siret=siret))
    assert caught.value.message.startswith(f"SIRET « {siret} »")
    assert svc.list_employers(db) == []


def test_duplicate_siret_and_bad_naf(db) -> None:  # noqa: F811
    svc.create_employer(db, svc.EmployerDraft(name="Première", siret=VALID_SIRET))
    with pytest.raises(UserError, match=r"déjà enregistré .*Première"):
        svc.create_employer(db, svc.EmployerDraft(name="Seconde", siret=VALID_SIRET))
    with pytest.raises(UserError, match="Code NAF « 692 »"):
        svc.create_employer(db, svc.EmployerDraft(name="Seconde", naf_code="692"))
    with pytest.raises(UserError, match="Raison sociale"):
        svc.create_employer(db, svc.EmployerDraft(name="  "))


def test_tutor_warnings(db, cohort_id) -> None:  # noqa: F811
    employer_id = svc.create_employer(db, svc.EmployerDraft(name="Garage Dupré", city="Sète"))
    boss = svc.add_contact(db, employer_id, svc.ContactDraft(
        last_name="Dupré", first_name="Hélène", is_employer_in_person=True,
        tutor_experience_years=20,
    ))
    svc.add_contact(db, employer_id, svc.ContactDraft(
        last_name="Martin", is_tutor=True, tutor_experience_years=1,
    ))
    svc.add_contact(db, employer_id, svc.ContactDraft(last_name="Accueil", role="Standard"))
    on = date(2010, 9, 1)
    for index in range(2):
        person = make_participant(db, cohort_id, f"Jeune{index}", "Zoé")
        make_contract(db, person, employer_id, start=date(2010, 6, 1), tutor_id=boss)
    # A broken contract no longer counts.
    person = make_participant(db, cohort_id, "Rompu", "Léo")
    make_contract(db, person, employer_id, start=date(2010, 6, 1), tutor_id=boss,
                  rupture_on=date(2010, 7, 1))

    rows = {row.last_name: row for row in svc.list_contacts(db, employer_id, on=on)}
    assert rows["Dupré"].active_trainees == 2 and rows["Dupré"].is_tutor
    assert rows["Dupré"].warnings == ()
    assert rows["Martin"].warnings == (
        "Le tuteur n'a que 1 an d'expérience : il en faut au moins deux.",
    )
    assert rows["Accueil"].warnings == ()
    assert svc.tutor_warnings(True, True, 5, 2, adding=1) == (
        "L'employeur tuteur peut suivre au plus 2 alternants : celui-ci en aurait 3.",
    )
    assert svc.tutor_warnings(True, False, 5, 3, adding=1) == (
        "Un tuteur peut suivre au plus 3 alternants : celui-ci en aurait 4.",
    )


def test_prospecting_log(db) -> None:  # noqa: F811
    employer_id = svc.create_employer(db, svc.EmployerDraft(name="Mutuelle Œuvre Sociale"))
    svc.add_prospecting_event(db, employer_id, svc.ProspectingDraft(
        done_on=date(2010, 3, 2), channel="telephone", author="Nadia",
        outcome="Intéressée, rappeler", next_step="Visite", next_step_on=date(2010, 3, 9),
    ))
    svc.add_prospecting_event(db, employer_id, svc.ProspectingDraft(
        done_on=date(2010, 3, 9), channel="visite", outcome="Offre d'assistante de gestion",
    ))
    log = svc.list_prospecting(db, employer_id)
    assert [(e.done_on, e.channel_label) for e in log] == [
        (date(2010, 3, 9), "Visite"), (date(2010, 3, 2), "Téléphone"),
    ]
    due = svc.next_prospecting_steps(db, until=date(2010, 3, 10))
    assert [(name, step.next_step) for name, step in due] == [("Mutuelle Œuvre Sociale", "Visite")]
    with pytest.raises(UserError, match="antérieure au contact"):
        svc.add_prospecting_event(db, employer_id, svc.ProspectingDraft(
            done_on=date(2010, 3, 9), channel="visite", next_step_on=date(2010, 3, 1),
        ))
    with pytest.raises(UserError, match="Canal de prospection"):
        svc.add_prospecting_event(db, employer_id, svc.ProspectingDraft(
            done_on=date(2010, 3, 9), channel="pigeon",
        ))


def test_offers_filtered_by_status_rome_and_town(db, cohort_id) -> None:  # noqa: F811
    beziers = svc.create_employer(db, svc.EmployerDraft(name="Cave coopérative", city="Béziers"))
    mtp = svc.create_employer(db, svc.EmployerDraft(name="Agence Hérault", city="Montpellier"))
    first = offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=beziers, title="Assistant·e de gestion", rome_code="m1607",
        received_on=date(2010, 3, 1), weekly_hours=Decimal(35), source="opco",
    ))
    offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=mtp, title="Secrétaire comptable", rome_code="M1608",
        received_on=date(2010, 4, 1),
    ))
    offers.create_offer(db, cohort_id, offers.OfferDraft(
        employer_id=mtp, title="Vendeur", rome_code="D1214", received_on=date(2010, 5, 1),
        status="annulee",
    ))

    with db.read() as session:
        offer = session.get(JobOffer, first)
    assert (offer.city, offer.rome_code, offer.weekly_hours) == ("Béziers", "M1607", 35.0)

    assert [o.title for o in offers.list_offers(db, cohort_id=cohort_id, city="BEZIERS")] == [
        "Assistant·e de gestion"
    ]
    assert [o.title for o in offers.list_offers(db, status="ouverte")] == [
        "Secrétaire comptable", "Assistant·e de gestion",
    ]
    assert [o.title for o in offers.list_offers(db, rome_code="M16")] == [
        "Secrétaire comptable", "Assistant·e de gestion",
    ]
    assert [o.title for o in offers.list_offers(db, rome_code="D1214")] == ["Vendeur"]
    offers.update_offer(db, first, replace(offers.get_offer(db, first), status="pourvue"))
    assert offers.list_offers(db, status="pourvue")[0].status_label == "Pourvue"
    assert [row.open_offers for row in svc.list_employers(db)] == [1, 0]

    with pytest.raises(UserError, match="Code ROME de l'offre"):
        offers.create_offer(db, cohort_id, offers.OfferDraft(
            employer_id=mtp, title="X", rome_code="Q0000", received_on=date(2010, 5, 1),
        ))
    with pytest.raises(UserError, match="Durée hebdomadaire « 60 »"):
        offers.update_offer(db, first, replace(offers.get_offer(db, first), weekly_hours=60))
    with db.read() as session:
        assert len(session.execute(select(JobOffer.id)).all()) == 3


@pytest.mark.parametrize("in_person", [False, True])
@pytest.mark.parametrize("trainees", [1, 2, 3, 4])
@pytest.mark.parametrize("years", [None, 1, 2])
def test_contacts_and_contract_checks_apply_the_same_tutor_limits(
    in_person: bool, trainees: int, years: int | None
) -> None:
    """The Employeurs tab and the contract dialog warn about a tutor in the same cases."""
    from coachdesk.services.contract_rules import TutorFacts, check_tutor

    contact = svc.tutor_warnings(True, in_person, years, trainees)
    contract = {w.code for w in check_tutor(TutorFacts(years, in_person, trainees))}
    assert any("au plus" in text for text in contact) == ("tutor_overloaded" in contract)
    too_new = any("il en faut au moins deux" in text for text in contact)
    assert too_new == ("tutor_inexperienced" in contract)
