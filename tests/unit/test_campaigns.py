"""Answers recorded per campaign, and the funnel's first steps per source and per campaign."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.services import campaigns, recruitment
from coachdesk.services.funnel_sources import cohort_reach
from tests import builders

FEB = "Mailing février 2010"


@pytest.fixture
def recruited(db: Database) -> dict[str, str]:
    cohort = builders.cohort(db, enrolment_deadline=date(2010, 7, 15))
    people = {
        "u1": builders.person(db, cohort, "Arnaud", "Alice"),
        "u2": builders.person(db, cohort, "Bernard", "Bruno"),
        "u3": builders.person(db, cohort, "Colin", "Chloé"),
        "m1": builders.person(db, cohort, "Dupont", "David", provenance="mission_locale"),
        "m2": builders.person(db, cohort, "Étienne", "Eva", provenance="mission_locale"),
        "p1": builders.person(db, cohort, "Fabre", "Farid", provenance="pole_emploi"),
    }
    recruitment.record_campaign(db, [people["u1"], people["u2"], people["u3"], people["m1"]],
                                date(2010, 2, 10), "courrier", campaign=FEB)
    recruitment.record_campaign(db, [people["u3"]], date(2010, 2, 20), "courriel",
                                campaign="Relance")
    campaigns.record_campaign_answer(db, [people["u1"], people["m1"]], FEB, "interesse",
                                     date(2010, 2, 15), channel="courrier")
    campaigns.record_campaign_answer(db, [people["u2"]], FEB, "pas_interesse",
                                     date(2010, 2, 16))
    recruitment.record_call(db, people["m2"], "interesse", date(2010, 2, 17))
    session = recruitment.create_info_session(db, cohort, datetime(2010, 3, 2, 14), "Cnam")
    recruitment.invite(db, session, [people["u1"], people["m1"], people["m2"]])
    recruitment.set_presence(db, session, {people["u1"]: "present", people["m1"]: "present",
                                           people["m2"]: "present"})
    builders.bilan_group(db, cohort, [people["m1"]])
    builders.enrol(db, people["m1"], date(2010, 5, 26))
    return {"cohort": cohort, **people}


def test_answers_per_campaign_and_the_funnel_by_source(
    db: Database, recruited: dict[str, str]
) -> None:
    reach = cohort_reach(db, recruited["cohort"], date(2010, 6, 1))
    by_source = {row.label: row.figures() for row in reach.by_source}
    assert by_source == {
        "Fichier de l'université": {"people": 3, "contacted": 3, "answered": 2, "came": 1,
                                    "enrolled": 0},
        "Mission Locale": {"people": 2, "contacted": 2, "answered": 2, "came": 2,
                           "enrolled": 1},
        "Autre": {"people": 1, "contacted": 0, "answered": 0, "came": 0, "enrolled": 0},
    }
    by_campaign = {row.label: row.figures() for row in reach.by_campaign}
    assert by_campaign == {
        FEB: {"people": 4, "contacted": 4, "answered": 3, "came": 2, "enrolled": 1},
        "Relance": {"people": 1, "contacted": 1, "answered": 0, "came": 0, "enrolled": 0},
    }
    # As of a day before the answers, nobody had answered yet.
    early = cohort_reach(db, recruited["cohort"], date(2010, 2, 12))
    assert [row.answered for row in early.by_campaign] == [0]


def test_a_campaign_s_recipients_and_those_who_have_not_answered(
    db: Database, recruited: dict[str, str]
) -> None:
    assert campaigns.campaign_names(db, recruited["cohort"]) == ["Relance", FEB]
    everyone = campaigns.campaign_recipients(db, recruited["cohort"], FEB)
    assert everyone == [recruited[key] for key in ("u1", "u2", "u3", "m1")]
    assert campaigns.campaign_recipients(db, recruited["cohort"], FEB,
                                         unanswered_only=True) == [recruited["u3"]]


def test_an_answer_needs_the_campaign_received_and_a_date_after_it(
    db: Database, recruited: dict[str, str]
) -> None:
    with pytest.raises(UserError) as error:
        campaigns.record_campaign_answer(db, [recruited["m2"]], FEB, "interesse",
                                         date(2010, 2, 18))
    assert error.value.message == ("1 des personnes choisies n'ont pas reçu la campagne "
                                   "« Mailing février 2010 » : aucune réponse enregistrée.")
    with pytest.raises(UserError, match="précède l'envoi"):
        campaigns.record_campaign_answer(db, [recruited["u3"]], FEB, "interesse",
                                         date(2010, 2, 1))
    with pytest.raises(UserError, match="n'est pas une réponse"):
        campaigns.record_campaign_answer(db, [recruited["u3"]], FEB, "envoye",
                                         date(2010, 2, 18))
    history = recruitment.outreach_history(db, recruited["u3"])
    assert [(row.campaign, row.outcome) for row in history] == [
        ("Relance", "envoye"), (FEB, "envoye")]
