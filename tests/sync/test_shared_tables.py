"""The training followed, contract alerts set aside and letter templates travel in a team."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.models import LetterTemplate, Training, TrainingAbsence, TrainingAssessment
from coachdesk.services import letters
from coachdesk.services.contract_alerts import (
    acknowledge_alert,
    acknowledgements,
    withdraw_acknowledgement,
)
from coachdesk.services.training import (
    AbsenceDraft,
    AssessmentDraft,
    TrainingDraft,
    contract_training,
    contract_training_defaults,
    record_absence,
    record_assessment,
    save_training,
)
from coachdesk.sync import engine
from tests import builders as b
from tests.sync.support import add_person, outbox, server_rows

TRAINING_TABLES = (Training, TrainingAbsence, TrainingAssessment)


def _counts(db: Database) -> list[int]:
    with db.read() as s:
        return [s.scalar(select(func.count()).select_from(m)) or 0 for m in TRAINING_TABLES]


def _person_in_training(db: Database, last: str) -> tuple[str, str, str]:
    """A person under contract with their training, one absence and one assessment."""
    person = add_person(db, last, "Hugo")
    employer = b.employer(db, f"Imprimerie {last}")
    contract = b.contract(db, person, employer, date(2010, 6, 7), end_date=date(2011, 4, 30))
    draft = contract_training_defaults(db, contract)
    training = save_training(db, person, TrainingDraft(
        draft.mode, draft.contract_id, draft.training_body_id, "Assistant de gestion",
        draft.start_date, draft.end_date, 2, 3))
    record_absence(db, training, AbsenceDraft(date(2010, 10, 4), half_days=1,
                                              reason="Rendez-vous médical", justified=True))
    record_assessment(db, training, AssessmentDraft(date(2010, 12, 10), "Comptabilité",
                                                    "Acquis", 14.5))
    return person, contract, training


def test_a_training_reaches_the_laptops_of_its_structure_and_no_other(
    team_server: Any, laptop_factory: Any
) -> None:
    a = laptop_factory("Anne", structure="Mission Locale Nord")
    b_ = laptop_factory("Basile", structure="Mission Locale Nord")
    south = laptop_factory("Sami", structure="Mission Locale Sud")
    _person, contract, training = _person_in_training(a, "Roux")
    engine.synchronise(a)
    assert all(r["status"] != "refused" for r in outbox(a))
    assert engine.synchronise(b_).refused == 0
    engine.synchronise(south)

    assert _counts(b_) == [1, 1, 1]
    seen = contract_training(b_, contract)
    assert seen is not None and seen.id == training
    assert (seen.rhythm, seen.qualification) == ("2 j centre / 3 j entreprise",
                                                 "Assistant de gestion")
    assert [(x.absent_on, x.half_days, x.justified, x.reason) for x in seen.absences] == [
        (date(2010, 10, 4), 1, True, "Rendez-vous médical")]
    assert [(x.assessed_on, x.subject, x.result, x.grade) for x in seen.assessments] == [
        (date(2010, 12, 10), "Comptabilité", "Acquis", 14.5)]
    # Row-level security: the other structure's laptop gets nothing of it.
    assert _counts(south) == [0, 0, 0]
    # On the server the rows carry their person's scope.
    scopes = server_rows(team_server, """
        SELECT DISTINCT t.sync_structure_id = p.sync_structure_id
        FROM training t JOIN participant p ON p.id = t.participant_id
        JOIN training_absence a ON a.training_id = t.id
        JOIN training_assessment s ON s.training_id = t.id
        WHERE t.id = CAST(:t AS uuid) AND a.sync_structure_id = p.sync_structure_id
        AND s.sync_structure_id = p.sync_structure_id""", t=training)
    assert scopes == [(True,)]


def test_an_erasure_removes_the_training_from_the_other_laptop(
    team_server: Any, laptop_factory: Any
) -> None:
    from coachdesk.server import people
    from coachdesk.server.admin import now

    a, b_ = laptop_factory("Anne"), laptop_factory("Basile")
    person, _contract, training = _person_in_training(a, "Effacé")
    engine.synchronise(a)
    engine.synchronise(b_)
    assert _counts(b_) == [1, 1, 1]
    with team_server.engine.begin() as connection:
        people.erase_person(connection, person, now())
    report = engine.synchronise(b_)
    assert report.erased == 1
    assert _counts(b_) == [0, 0, 0]
    engine.synchronise(a)
    assert _counts(a) == [0, 0, 0]
    for table in ("training", "training_absence", "training_assessment"):
        assert server_rows(team_server, f"SELECT count(*) FROM {table} t "
                           "JOIN sync_erased_row e ON e.row_id = t.id") == [(0,)]
    assert server_rows(team_server, "SELECT count(*) FROM sync_erased_row "
                       "WHERE row_id = CAST(:t AS uuid)", t=training) == [(1,)]


def test_a_letter_template_reaches_every_laptop_of_the_team(
    team_server: Any, laptop_factory: Any
) -> None:
    north = laptop_factory("Anne", structure="Mission Locale Nord")
    south = laptop_factory("Sami", structure="Mission Locale Sud")
    # Both laptops write the shipped templates before ever syncing: the same rows, no clash.
    defaults = {t.name for t in letters.default_templates()}
    assert {t.name for t in letters.list_templates(north)} == defaults
    assert {t.name for t in letters.list_templates(south)} == defaults
    letters.save_template(north, None, letters.TemplateDraft(
        "Relance de juin", "Atelier CV", "Bonjour {prénom},\nNous vous attendons."))
    assert engine.synchronise(north).refused == 0
    assert engine.synchronise(south).refused == 0
    assert all(r["status"] != "refused" for r in outbox(south))
    engine.synchronise(north)
    for laptop in (north, south):
        names = [t.name for t in letters.list_templates(laptop)]
        assert sorted(names) == sorted(defaults | {"Relance de juin"})
    with south.read() as s:
        body = s.scalar(select(LetterTemplate.body)
                        .where(LetterTemplate.name == "Relance de juin"))
    assert body == "Bonjour {prénom},\nNous vous attendons."
    assert server_rows(team_server, "SELECT count(*) FROM letter_template "
                       "WHERE sync_structure_id IS NOT NULL") == [(0,)]


def test_an_acknowledged_contract_alert_travels_with_its_reason(
    team_server: Any, laptop_factory: Any
) -> None:
    a, b_ = laptop_factory("Anne"), laptop_factory("Basile")
    south = laptop_factory("Sami", structure="Mission Locale Sud")
    person = add_person(a, "Alerte", "Inès")
    contract = b.contract(a, person, b.employer(a, "Garage des Arènes"), date(2010, 9, 1),
                          end_date=date(2011, 9, 1))
    acknowledge_alert(a, contract, "duration_over_12_months", "Accord de branche",
                      on=date(2010, 9, 2))
    engine.synchronise(a)
    engine.synchronise(b_)
    engine.synchronise(south)
    with b_.read() as s:
        assert acknowledgements(s, [contract]) == {
            contract: {"duration_over_12_months": "Accord de branche"}}
    with south.read() as s:
        assert acknowledgements(s, [contract]) == {}


@pytest.mark.logs_warning
def test_the_same_alert_set_aside_on_two_laptops_offline_waits_for_the_coach(
    team_server: Any, laptop_factory: Any
) -> None:
    """One unique fact recorded twice: the second laptop's row is refused (the coach sees
    why), its synchronisation keeps working, and the team's row arrives once it is settled."""
    a, b_ = laptop_factory("Anne"), laptop_factory("Basile")
    person = add_person(a, "Double", "Inès")
    contract = b.contract(a, person, b.employer(a, "Garage du Pont"), date(2010, 9, 1),
                          end_date=date(2011, 9, 1))
    engine.synchronise(a)
    engine.synchronise(b_)
    code = "duration_over_12_months"
    acknowledge_alert(a, contract, code, "Accord de branche")
    acknowledge_alert(b_, contract, code, "Vu avec l'OPCO")
    engine.synchronise(a)
    report = engine.synchronise(b_)
    assert report.refused == 1
    refused = [r for r in outbox(b_) if r["status"] == "refused"]
    assert [(r["table_name"], r["refusal_code"]) for r in refused] == [
        ("contract_alert_ack", "duplicate")]
    assert "modifiez l'une des deux" in refused[0]["refusal_message"]
    # Nothing lost on the laptop, and the next synchronisation runs.
    with b_.read() as s:
        assert acknowledgements(s, [contract]) == {contract: {code: "Vu avec l'OPCO"}}
    engine.synchronise(b_)
    # The coach settles it: their own acknowledgement withdrawn, the team's arrives.
    withdraw_acknowledgement(b_, contract, code)
    engine.synchronise(b_)
    with b_.read() as s:
        assert acknowledgements(s, [contract]) == {contract: {code: "Accord de branche"}}
    assert engine.status(b_).pending == 0
