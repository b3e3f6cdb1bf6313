"""Participant services of the Cohorte tab, on the demo cohort and on hand-made people."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Contract, Outreach, Participant, codes
from coachdesk.services import participant_list
from coachdesk.services import participants as svc
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.demo import DEMO_COHORT_NAME
from coachdesk.services.lists import participant_rows
from coachdesk.services.recruitment import record_call
from coachdesk.services.text import fold
from tests import builders as b


@pytest.fixture(scope="module")
def demo(
    recorded_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Database, str]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(recorded_demo, path)
    db = open_database(path, create=False)
    with db.read() as session:
        cohort_id = find_cohort(session, DEMO_COHORT_NAME).id
    yield db, cohort_id
    db.dispose()


@pytest.fixture
def database(tmp_path: Path) -> tuple[Database, str]:
    db = open_database(tmp_path / "coachdesk.sqlite3")
    cohort_id = b.cohort(db, "Promo 2010", date(2010, 2, 1))
    yield db, cohort_id
    db.dispose()


def test_stage_counts_follow_the_demo_funnel(demo):
    db, cohort_id = demo
    with db.read() as session:
        rows = participant_rows(db, cohort_id)
        contracts = session.scalar(select(func.count(func.distinct(Contract.participant_id))))
    counts = Counter(row.stage for row in rows)
    assert set(counts) <= set(codes.STAGES)
    # Everyone who ever signed a contract is at "contrat" or has left with a solution.
    assert counts["contrat"] <= contracts <= counts["contrat"] + counts["sortie"]
    names = [(fold(row.last_name), fold(row.first_name)) for row in rows]
    assert names == sorted(names)


def test_the_list_is_in_name_order_whatever_the_capitals_and_accents(database):
    db, cohort_id = database
    for last, first in [("Le Gall", "Yann"), ("BARRAL", "Zoé"), ("Azéma", "Nour"),
                        ("Barral", "Bastien"), ("LE", "Anne"), ("AUBERT", "Léo"),
                        ("barral", "Élodie"), ("Le", "Émile")]:
        svc.create_participant(db, cohort_id, svc.ParticipantData(last, first))
    rows = participant_rows(db, cohort_id)
    assert [(row.last_name, row.first_name) for row in rows] == [
        ("AUBERT", "Léo"), ("Azéma", "Nour"),
        # One family name typed three ways: its people by first name.
        ("Barral", "Bastien"), ("barral", "Élodie"), ("BARRAL", "Zoé"),
        # A shorter name before the longer one it begins.
        ("LE", "Anne"), ("Le", "Émile"), ("Le Gall", "Yann"),
    ]


def test_stage_filter(demo):
    db, cohort_id = demo
    rows = participant_rows(db, cohort_id)
    in_contract = participant_list.search_rows(rows, "", "contrat")
    assert in_contract and len(in_contract) == sum(row.stage == "contrat" for row in rows)
    assert participant_list.search_rows(rows, "ma", "contrat") == [
        row for row in in_contract if "ma" in row.search_text
    ]


def test_search_ignores_accents_and_case(database):
    db, cohort_id = database
    for last, first, phone in [("LEFÈVRE", "Élodie", "0612345678"), ("Martin", "Léo", ""),
                               ("Dupont", "Eloise", "")]:
        svc.create_participant(db, cohort_id, svc.ParticipantData(last, first, phone=phone))
    rows = participant_rows(db, cohort_id)

    def names(text: str) -> list[str]:
        return [r.first_name for r in participant_list.search_rows(rows, text)]

    assert names("elodie") == ["Élodie"]
    assert names("ÉLO") == ["Eloise", "Élodie"]
    assert names("lefevre elo") == ["Élodie"]
    assert names("06 12 34") == names("06.12.34") == names("06-12-34") == ["Élodie"]
    assert names("%%") == [] and names("__") == []
    # The groups of a phone are the digits in sequence, not each group anywhere.
    svc.create_participant(db, cohort_id, svc.ParticipantData("Roux", "Inès", phone="0694127200"))
    rows = participant_rows(db, cohort_id)
    assert names("06 94 72") == []  # 06, 94 and 72 are all in 06 94 12 72 00, not in sequence
    assert names("06 94 12 72") == names("0694 1272") == ["Inès"]
    assert names("roux 06 94") == ["Inès"]
    # Shorter than two characters: too broad to filter, everyone is shown.
    assert names("") == names("e") == ["Eloise", "Élodie", "Léo", "Inès"]


def test_create_edit_delete_keep_search_text(database):
    db, cohort_id = database
    person = svc.create_participant(
        db, cohort_id, svc.ParticipantData("Durand", "Léa", phone="612345678")
    )
    with db.read() as session:
        file = svc.get_participant(db, person)
    assert file.data.phone == "06 12 34 56 78"
    svc.update_participant(db, person, svc.ParticipantData(
        "Durand-Rossi", "Léa", email="lea@exemple.fr", bac_type="professionnel"
    ))
    with db.read() as session:
        stored = session.execute(
            select(Participant.search_text, Participant.bac_type, Participant.phone)
            .where(Participant.id == person)
        ).one()
        found = participant_list.search_rows(participant_rows(db, cohort_id), "rossi")
    assert stored == ("durand-rossi | lea | lea durand-rossi | lea@exemple.fr", "professionnel", "")
    assert [row.id for row in found] == [person]
    record_call(db, person, "interesse", date(2010, 2, 3))
    svc.delete_participant(db, person)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 0
        assert session.scalar(select(func.count()).select_from(Outreach)) == 0
    with pytest.raises(UserError):
        svc.delete_participant(db, person)


def test_invalid_edits_are_refused_and_change_nothing(database):
    db, cohort_id = database
    person = svc.create_participant(db, cohort_id, svc.ParticipantData("Durand", "Léa"))
    with pytest.raises(UserError, match="Prénom"):
        svc.update_participant(db, person, svc.ParticipantData("Durand", "  "))
    with pytest.raises(UserError, match="Type de bac"):
        svc.update_participant(db, person, svc.ParticipantData("X", "Y", bac_type="bts"))
    assert svc.get_participant(db, person).data.last_name == "Durand"


def test_timeline_covers_every_tab_in_date_order(demo):
    db, cohort_id = demo
    signers = [r for r in participant_rows(db, cohort_id)
               if r.stage in ("contrat", "sortie")]
    timelines = {r.id: svc.participant_timeline(db, r.id) for r in signers}
    # A young signer went through the whole path (the adults joined at the training).
    timeline = max(timelines.values(), key=lambda events: len({e.kind for e in events}))
    kinds = {event.kind for event in timeline}
    assert {"contact", "outreach", "information", "selection", "bilan", "project", "referral",
            "recruitment", "contract", "visit"} <= kinds
    assert [event.on for event in timeline] == sorted(event.on for event in timeline)
    assert timeline[0].title == "Entrée dans le fichier de contacts"
