"""Each database's own day: the demo lives on 31/12/2010, a coach's database on today."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from coachdesk.db import HEAD_REVISION, Database, open_database
from coachdesk.services import clock, contract_alerts
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.contract_board import contract_board
from coachdesk.services.funnel import cohort_funnel
from coachdesk.services.smic import load_smic_table

TESTS_DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_coach_database_lives_on_today_and_the_demo_on_its_note(
    db: Database, demo_path: Path
) -> None:
    assert clock.today_for(db) == date.today()
    clock.set_clock(db, date(2011, 3, 1))
    assert clock.today_for(db) == date(2011, 3, 1)
    clock.set_clock(db, None)
    assert clock.today_for(db) == date.today()
    demo = open_database(demo_path)
    try:
        assert clock.today_for(demo) == date(2010, 12, 31)
        # The funnel's default date is the demo's day: the note's own figures.
        with demo.read() as session:
            cohort_id = find_cohort(session, None).id
        funnel = cohort_funnel(demo, cohort_id)
        assert funnel.as_of == date(2010, 12, 31)
    finally:
        demo.dispose()


def test_upgrade_from_the_first_schema_lives_on_today_and_can_acknowledge(
    tmp_path: Path,
) -> None:
    """Revision 0013 on a first-release database: no day written (today), the
    acknowledgements table is there and empty, and an acknowledgement can be recorded."""
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        assert clock.today_for(database) == date.today()
        with database.read() as session:
            contract_id = session.connection().exec_driver_sql(
                "SELECT id FROM contract LIMIT 1").scalar()
        assert contract_id is not None  # the first release's database holds one contract
        from coachdesk.models.base import canonical_id

        contract_alerts.acknowledge_alert(
            database, canonical_id(contract_id), "training_share_high",
            "accord de branche", on=date(2010, 9, 1))
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(database_identity)")}
        assert "clock_date" in columns
        assert connection.execute("SELECT clock_date FROM database_identity").fetchall() == [
            (None,)]
        acks = connection.execute("SELECT code, reason FROM contract_alert_ack").fetchall()
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
    connection.close()
    assert acks == [("training_share_high", "accord de branche")]


def test_on_the_demo_day_at_most_three_contracts_are_flagged_each_for_a_reason(
    demo_path: Path,
) -> None:
    database = open_database(demo_path)
    try:
        with database.read() as session:
            cohort_id = find_cohort(session, None).id
        board = contract_board(database, cohort_id, clock.today_for(database),
                               load_smic_table())
    finally:
        database.dispose()
    flagged = {line.participant: [w.code for w in line.warnings if w.level != "information"]
               for line in board.contracts if line.flagged}
    assert 1 <= len(flagged) <= 3
    assert flagged == {"URBAIN Dylan": ["pay_below_minimum"],
                       "VINCENT Gaëlle": ["training_share_high"]}
    # The broken contracts carry no pay alert for the months after their rupture.
    broken = [line for line in board.contracts if line.rupture_on is not None]
    assert len(broken) == 3 and all(not line.warnings for line in broken)
    # Running contracts read "En cours" on the demo's day; the SMIC rise of 01/01/2011 is a
    # pay rise to plan (information), not a breach yet.
    running = [line for line in board.contracts if line.rupture_on is None]
    assert {line.status for line in running} == {"En cours"}
    assert all(any(w.code == "pay_rise_due" and w.level == "information" for w in line.warnings)
               for line in running)


def test_erasing_a_person_erases_the_acknowledgements_of_their_contracts(
    demo_path: Path,
) -> None:
    from sqlalchemy import func, select

    from coachdesk.models import Contract, ContractAlertAck
    from coachdesk.services.gdpr import erase_for_good

    database = open_database(demo_path)
    try:
        with database.read() as session:
            contract_id, person_id = session.execute(
                select(Contract.id, Contract.participant_id).limit(1)).one()
        contract_alerts.acknowledge_alert(database, contract_id, "training_share_high",
                                          "accord de branche")
        with database.read() as session:
            ack = session.execute(select(ContractAlertAck.acknowledged_on)).scalar_one()
        assert ack == date(2010, 12, 31)  # dated on the demo's day
        erase_for_good(database, person_id)
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(ContractAlertAck)) == 0
    finally:
        database.dispose()


def test_a_broken_contract_on_edit_is_judged_only_up_to_its_rupture(db: Database) -> None:
    from coachdesk.services.contract_board import check_draft, contract_on_file
    from tests import builders as b

    cohort_id = b.cohort(db, "Promo")
    person = b.person(db, cohort_id, "Roux", "Éva", birth_date=date(1991, 5, 5),
                      bac_type="general")
    employer = b.employer(db, "Librairie Sauramps")
    contract_id = b.contract(db, person, employer, date(2010, 6, 1), end_date=date(2011, 5, 31),
                             weekly_hours=35, training_hours=300, gross_monthly_pay_cents=74000)
    draft = contract_on_file(db, contract_id).draft
    smic = load_smic_table()
    before = check_draft(db, person, draft, smic, date(2011, 3, 1), contract_id=contract_id)
    assert "pay_below_minimum" in {w.code for w in before}  # the SMIC rise of 01/01/2011
    b.rupture(db, contract_id, date(2010, 10, 15), "jeune", "personnel")
    after = check_draft(db, person, draft, smic, date(2011, 3, 1), contract_id=contract_id)
    assert not {"pay_below_minimum", "pay_rise_due"} & {w.code for w in after}
