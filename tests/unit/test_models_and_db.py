"""The data model refuses impossible states; the database opens, upgrades and refuses safely."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from coachdesk.db import HEAD_REVISION, SCHEMA_REVISIONS, Database, open_database
from coachdesk.errors import UserError
from coachdesk.models import Attendance, Contract, Participant
from coachdesk.services.recruitment import create_info_session, invite
from tests import builders as b

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"


def _two_cohorts(db: Database) -> tuple[str, str, str, str]:
    first = b.cohort(db, "Promotion A", date(2010, 5, 1))
    second = b.cohort(db, "Promotion B", date(2011, 5, 1))
    person = b.person(db, first, "Fabre", "Léa", listed_on=date(2010, 2, 1))
    session_b = create_info_session(db, second, datetime(2011, 3, 1, 14), "Montpellier")
    return first, second, person, session_b


def test_new_database_has_every_table_uuid_keys_and_timestamps(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", date(2010, 5, 26))
    person = b.person(db, cohort, "Fabre", "Élodie", listed_on=date(2010, 2, 1))
    with db.read() as s:
        row = s.get(Participant, person)
        assert row is not None
        assert len(row.id) == 36 and row.id.count("-") == 4
        assert row.created_at is not None and row.updated_at is not None
        assert row.search_text.startswith("fabre | elodie")
        tables = set(inspect(s.connection()).get_table_names())
    for expected in ("cohort", "participant", "outreach", "attendance", "bilan_member",
                     "professional_project", "employer", "job_offer", "referral",
                     "recruitment_interview", "interview_checklist_item", "enrolment",
                     "contract", "follow_up_visit", "outcome", "export_log", "audit_event"):
        assert expected in tables


def test_sqlite_runs_with_foreign_keys_wal_and_busy_timeout(db: Database) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_attendance_for_a_session_of_another_cohort_is_impossible(db: Database) -> None:
    first, second, person, session_b = _two_cohorts(db)
    # Through the service: a clear French refusal.
    with pytest.raises(UserError, match="autre promotion"):
        invite(db, session_b, [person])
    # Around the service: the database itself refuses, whichever cohort the row claims.
    for claimed in (first, second):
        with pytest.raises(IntegrityError), db.write() as s:
            s.add(Attendance(session_id=session_b, participant_id=person, cohort_id=claimed))
    with db.read() as s:
        assert s.scalars(select(Attendance)).all() == []


def test_contract_ending_before_it_starts_is_impossible(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", date(2010, 5, 26))
    person = b.person(db, cohort, "Roux", "Hugo", listed_on=date(2010, 2, 1))
    employer = b.employer(db, "Imprimerie des Arceaux")
    with pytest.raises(UserError, match="finir avant"):
        b.contract(db, person, employer, date(2010, 6, 1), end_date=date(2010, 5, 1))
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(
            Contract(
                participant_id=person, employer_id=employer, start_date=date(2010, 6, 1),
                end_date=date(2010, 5, 1),
            )
        )
    with pytest.raises(IntegrityError), db.write() as s:  # a rupture without who ended it
        s.add(
            Contract(
                participant_id=person, employer_id=employer, start_date=date(2010, 6, 1),
                end_date=date(2011, 5, 1), rupture_on=date(2010, 7, 1),
            )
        )
    with db.read() as s:
        assert s.scalars(select(Contract)).all() == []


def test_invalid_siret_is_refused_in_french(db: Database) -> None:
    expected = r"SIRET « 12345678901234 » : la clé de contrôle est fausse"
    with pytest.raises(UserError, match=expected):
        b.employer(db, "Garage Peyrou", siret="12345678901234")


def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Ceci est un tableur, pas une base.\n" * 20)
    before = path.read_bytes()
    with pytest.raises(UserError, match="n'est pas une base CoachDesk"):
        open_database(path)
    assert path.read_bytes() == before


def test_database_from_a_newer_coachdesk_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="version plus récente de CoachDesk"):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "avant-migration" in p.name) == []


def test_committed_first_schema_database_opens_with_its_data(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy, create=False)
    try:
        with database.read() as s:
            names = s.execute(select(Participant.first_name)).scalars().all()
            version = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert names == ["Élodie"]
        assert version == HEAD_REVISION
    finally:
        database.dispose()


def test_the_fixture_script_writes_a_small_database_and_never_replaces_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """scripts/make_schema_fixture.py records its people through the services; asked for an
    existing file (a released fixture), it refuses and leaves it as it is."""
    import runpy

    script = runpy.run_path(str(TESTS_DATA.parent.parent / "scripts" / "make_schema_fixture.py"))
    target = tmp_path / "schema-next.sqlite3"
    assert script["main"]([str(target)]) == 0
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("SELECT first_name, phone FROM participant").fetchall() == [
            ("Élodie", "06 12 34 56 78")
        ]
        assert connection.execute("SELECT naf_code, siret FROM employer").fetchall() == [
            ("", "43219876000014")
        ]
        assert connection.execute("SELECT count(*) FROM contract").fetchone() == (1,)
    finally:
        connection.close()
    released = TESTS_DATA / "schema-0001.sqlite3"
    before = released.read_bytes()
    assert script["main"]([str(released)]) == 1
    assert "existe déjà" in capsys.readouterr().out
    assert released.read_bytes() == before


def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    """Alembic from nothing gives the same schema as the models (what new databases get)."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from coachdesk.db import make_engine
    from coachdesk.migrations import alembic_config
    from coachdesk.models import Base

    engine = make_engine(tmp_path / "migrated.sqlite3")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
    engine.dispose()


def test_every_migration_file_is_a_known_revision() -> None:
    from alembic.script import ScriptDirectory

    from coachdesk.migrations import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    revisions = [script.revision for script in scripts.walk_revisions()]
    assert sorted(revisions) == sorted(SCHEMA_REVISIONS)
    assert scripts.get_current_head() == HEAD_REVISION


def test_older_database_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    """An older revision: the backup API copy is made before Alembic touches the file."""
    from coachdesk import db as db_module
    from coachdesk.db_copy import backup_sqlite

    path = tmp_path / "ancienne.sqlite3"
    open_database(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'old0'")
    connection.close()
    upgraded: list[str] = []

    def fake_alembic_step(path_: Path, engine: object, from_revision: str) -> Path:
        # Run the real copy-aside, then record which revision the upgrade started from.
        backup = path_.with_name(f"{path_.stem}.avant-migration-{from_revision}{path_.suffix}")
        backup_sqlite(path_, backup)
        upgraded.append(from_revision)
        with sqlite3.connect(path_) as connection:
            connection.execute(f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'")
        connection.close()
        return backup

    original = db_module.SCHEMA_REVISIONS
    db_module.SCHEMA_REVISIONS = ("old0", *original)
    saved_upgrade = db_module.upgrade
    db_module.upgrade = fake_alembic_step  # type: ignore[assignment]
    try:
        open_database(path).dispose()
    finally:
        db_module.SCHEMA_REVISIONS = original
        db_module.upgrade = saved_upgrade  # type: ignore[assignment]
    assert upgraded == ["old0"]
    backup = tmp_path / "ancienne.avant-migration-old0.sqlite3"
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("old0",)
    connection.close()


def test_upgrade_from_first_schema_gives_the_database_an_identity(tmp_path: Path) -> None:
    """Revision 0002: a database of the first release gets one identity row on upgrade, a new
    database gets its own at creation; the identity names the database's backup folder."""
    from coachdesk.models import DatabaseIdentity

    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "database_identity" not in tables
    identities = []
    for path in (copy, tmp_path / "nouvelle.sqlite3", tmp_path / "autre.sqlite3"):
        database = open_database(path)
        try:
            with database.read() as s:
                rows = s.execute(select(DatabaseIdentity.id, DatabaseIdentity.is_demo)).all()
        finally:
            database.dispose()
        assert len(rows) == 1 and rows[0].is_demo is False
        identities.append(rows[0].id)
    assert len(set(identities)) == 3
    # Opened again, the upgraded database keeps the identity it got.
    database = open_database(copy)
    with database.read() as s:
        assert s.execute(select(DatabaseIdentity.id)).scalar_one() == identities[0]
    database.dispose()


def test_a_migrated_coach_has_the_same_id_on_a_laptop_and_on_the_team_server() -> None:
    """Revision 0011 (laptops) and s0002 (team server) turn a typed name into the same coach id,
    however it was typed, so one coach stays one record across a team."""
    import importlib.util

    root = Path(__file__).resolve().parents[2] / "coachdesk"
    modules = []
    for path in (
        root / "migrations" / "versions" / "0011_coaches_training_bodies_promotions.py",
        root / "server" / "migrations" / "versions" / "s0002_coaches_training_bodies_promotions.py",
    ):
        spec = importlib.util.spec_from_file_location(f"revision_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    laptop, server = modules
    assert laptop.COACH_NAMESPACE == server.COACH_NAMESPACE
    for spelling in ("Claire Vidal", "  CLAIRE   vidal ", "Clàire Vidal"):
        assert laptop._coach_id(spelling) == server._coach_id(spelling) == laptop._coach_id(
            "claire vidal")
    assert laptop._coach_id("Paul Roux") != laptop._coach_id("Claire Vidal")


def test_upgrade_from_first_schema_turns_typed_coach_names_into_records(tmp_path: Path) -> None:
    """Revision 0011: the names typed in « Chargé·e » and « Appel passé par » become coach
    records, one per coach however the name was typed; the promotion keeps its data and gets
    its new fields empty."""
    from coachdesk.models import Coach, Cohort, Outreach

    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE participant SET coach = 'Claire  VIDAL'")
        person = connection.execute("SELECT id FROM participant").fetchone()[0]
        for number, author in enumerate(("claire vidal", "Clàire Vidal", "Paul Roux", "")):
            connection.execute(
                "INSERT INTO outreach (participant_id, done_on, channel, outcome, author, "
                "campaign, notes, id, created_at, updated_at) VALUES (?, '2011-02-15', "
                "'telephone', 'interesse', ?, '', '', ?, '2011-02-15 10:00:00', "
                "'2011-02-15 10:00:00')", (person, author, f"{number:032x}"))
    connection.close()
    database = open_database(copy, create=False)
    try:
        with database.read() as s:
            coaches = dict(s.execute(select(Coach.id, Coach.name)).all())
            # The spelling typed most often names the coach, spaces tidied.
            assert len(coaches) == 2 and "Paul Roux" in coaches.values()
            assert {"Claire VIDAL", "claire vidal", "Clàire Vidal"} & set(coaches.values())
            claire = next(i for i, name in coaches.items() if name != "Paul Roux")
            assert s.scalar(select(Participant.coach_id)) == claire
            authors = sorted(coaches.get(coach_id or "", "") for coach_id in
                             s.scalars(select(Outreach.coach_id)))
            # The first release's own call named nobody, nor did the last one added here.
            assert authors == ["", "", coaches[claire], coaches[claire], "Paul Roux"]
            cohort = s.scalars(select(Cohort)).one()
            assert (cohort.name, cohort.archived_at, cohort.target_size) == (
                "Promotion 2011", None, None)
    finally:
        database.dispose()


def test_a_kept_connection_tells_when_another_one_committed(tmp_path: Path):
    """Reads and writes on a connection kept out of the pool (the contact import's): its own
    commits leave ``commits_seen`` as it was, another connection's change it, be it one of the
    pool or another program's."""
    from coachdesk.db import commits_seen
    from coachdesk.models import Cohort
    from coachdesk.services.cohorts import CohortDraft, add_cohort, create_cohort

    path = tmp_path / "base.sqlite3"
    database = open_database(path)
    try:
        with database.engine.connect() as kept:
            with database.read(kept) as session:
                seen = commits_seen(session.connection())
            with database.write(kept) as session:
                add_cohort(session, CohortDraft(name="Promo", start_date=date(2010, 9, 1)))
            with database.read(kept) as session:
                assert commits_seen(session.connection()) == seen
                assert session.scalars(select(Cohort.name)).all() == ["Promo"]
            create_cohort(database, CohortDraft(name="Promo 2", start_date=date(2010, 9, 1)))
            with database.read(kept) as session:
                assert commits_seen(session.connection()) != seen
                seen = commits_seen(session.connection())
            other = sqlite3.connect(path)
            other.execute("UPDATE cohort SET name = 'Promo 3' WHERE name = 'Promo 2'")
            other.commit()
            other.close()
            with database.write(kept) as session:
                assert commits_seen(session.connection()) != seen
    finally:
        database.dispose()
