"""The Mission Locale's weekly workbook, read back as a partner opens it."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.weekly import export_weekly
from coachdesk.models import ExportLog
from coachdesk.services.text import fold
from coachdesk.services.weeks import IsoWeek
from tests.unit.exports_sample import (
    COHORT_NAME,
    FORMULA_CITY,
    FORMULA_NAME,
    FORMULA_PHONE,
    build_sample,
)

LATER = date(2011, 1, 10)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    build_sample(database)
    yield database
    database.dispose()


def rows_of(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def by_first_name(rows: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["Prénom"]: row for row in rows}


def test_weekly_workbook_of_a_past_week(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = export_weekly(db, out, week=IsoWeek.parse("2010-W12"), today=LATER)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Jeunes", "Actions de la semaine", "Contrats", "Synthèse"]

    people = by_first_name(rows_of(book["Jeunes"]))
    # Every participant of the cohort listed by the end of the week, the adult included,
    # nobody from the other cohort.
    assert set(people) == {"Élodie", "Zoé", "Jérôme", "Inès", "Théo", "Anaïs", "Françoise"}
    elodie = people["Élodie"]
    assert elodie["Nom"] == "Lefèvre"
    assert elodie["Date de naissance"] == datetime(1991, 3, 4)
    assert elodie["Étape"] == "Bilan" and elodie["Statut"] == "En cours"
    assert elodie["Dernière action"] == "Entrée en bilan"
    assert elodie["Date de la dernière action"] == datetime(2010, 3, 22)
    assert people["Théo"]["Étape"] == "Entretien de sélection"
    assert people["Théo"]["Statut"] == "Retenu·e"
    anais = people["Anaïs"]
    assert anais["Étape"] == "Contact" and anais["Statut"] == "À rappeler"
    assert anais["Prochaine étape"] == "Rappeler"
    assert anais["Date de la prochaine étape"] == datetime(2010, 3, 30)
    assert people["Jérôme"]["Nom"] == FORMULA_NAME
    assert people["Zoé"]["Téléphone"] == FORMULA_PHONE
    assert people["Zoé"]["Ville"] == FORMULA_CITY
    date_cell = book["Jeunes"]["C2"]
    assert date_cell.is_date and date_cell.number_format == "dd/mm/yyyy"

    actions = rows_of(book["Actions de la semaine"])
    seen = {(row["Date"], row["Action"], row["Jeune"]) for row in actions}
    assert (datetime(2010, 3, 23), "Prise de contact", "GARÇON Anaïs") in seen
    assert (datetime(2010, 3, 22), "Entrée en bilan", "LEFÈVRE Élodie") in seen
    assert any(row["Action"] == "Offre d'emploi reçue"
               and row["Employeur"] == "Garrigue & Fils SARL" for row in actions)
    assert all(date(2010, 3, 22) <= row["Date"].date() <= date(2010, 3, 28) for row in actions)
    assert [row["Date"] for row in actions] == sorted(row["Date"] for row in actions)

    assert rows_of(book["Contrats"]) == []  # none signed yet at the end of March

    summary = book["Synthèse"]
    assert summary["A1"].value.startswith(COHORT_NAME)
    assert "2010-W12" in summary["A2"].value
    figures = {row[0]: row[1] for row in summary.iter_rows(min_row=5, values_only=True)}
    assert figures["Personnes retenues"] == 5
    assert figures["Entrées en bilan d'orientation"] == 4

    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)

    with db.read() as session:
        log = session.execute(select(ExportLog.kind, ExportLog.recipient, ExportLog.file_name,
                                     ExportLog.row_count, ExportLog.sha256,
                                     ExportLog.summary)).one()
    assert log.kind == "hebdomadaire" and log.recipient == "Mission Locale"
    assert log.file_name == "hebdo.xlsx"
    assert log.sha256 == hashlib.sha256(out.read_bytes()).hexdigest() == done.result.sha256
    assert log.row_count == done.result.row_count == 7 + len(actions) + 0 + 17
    assert json.loads(log.summary)["funnel"]["selected"] == 5


def test_contracts_and_what_changed_since_the_previous_export(
    db: Database, tmp_path: Path
) -> None:
    export_weekly(db, tmp_path / "mars.xlsx", week=IsoWeek.parse("2010-W12"), today=LATER)
    out = tmp_path / "septembre.xlsx"
    export_weekly(db, out, week=IsoWeek(2010, 39), cohort_name=COHORT_NAME, today=LATER)
    book = openpyxl.load_workbook(out)

    contracts = by_first_name(rows_of(book["Contrats"]))
    assert set(contracts) == {"Élodie", "Zoé", "Françoise"}
    elodie = contracts["Élodie"]
    assert elodie["Statut"] == "En cours"
    assert elodie["Tuteur"] == "BONNET René"
    assert elodie["Début"] == datetime(2010, 6, 7)
    assert elodie["Fin de la période d'essai"] == datetime(2010, 7, 6)
    assert elodie["Prochaine visite"] == datetime(2010, 10, 13)
    zoe = contracts["Zoé"]
    assert zoe["Statut"] == "Rompu" and zoe["Rompu le"] == datetime(2010, 6, 20)
    assert zoe["Rupture pendant l'essai"] == "Oui"
    assert zoe["Rupture à l'initiative de"] == "L'employeur"
    assert zoe["Prochaine visite"] is None

    people = by_first_name(rows_of(book["Jeunes"]))
    assert people["Élodie"]["Étape"] == "Contrat"
    assert people["Élodie"]["Prochaine étape"] == "Visite de suivi"
    assert people["Théo"]["Étape"] == "Sortie"
    assert people["Théo"]["Statut"] == "Emploi hors dispositif"

    summary = book["Synthèse"]
    assert "mars.xlsx" in summary["A3"].value
    lines = {row[0]: row for row in summary.iter_rows(min_row=5, values_only=True)}
    signed = lines["Contrats de professionnalisation signés"]
    assert signed[1] == 2 and signed[3] == 0 and signed[4] == 2
    assert lines["Projets professionnels validés"][2] == pytest.approx(2 / 4)


def test_unknown_cohort_is_a_french_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        export_weekly(db, tmp_path / "x.xlsx", cohort_name="Promotion 1999", today=LATER)
    assert "Promotion 1999" in caught.value.message
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2010-W54", "La semaine « 2010-W54 » n'existe pas : l'année 2010 compte 52 semaines"),
        ("semaine 12", "Semaine « semaine 12 » non reconnue : attendu AAAA-Wss"),
        ("2010-12", "Semaine « 2010-12 » non reconnue : attendu AAAA-Wss"),
    ],
)
def test_bad_week_is_a_french_message(text: str, said: str) -> None:
    with pytest.raises(UserError) as caught:
        IsoWeek.parse(text)
    assert caught.value.message.startswith(said)
    assert caught.value.hint


def test_week_actions_are_streamed_in_date_then_action_then_person_order(db: Database) -> None:
    from coachdesk.exports.weekly_actions import week_actions
    from coachdesk.services.cohorts import find_cohort

    with db.read() as session:
        cohort = find_cohort(session, COHORT_NAME)
        actions = week_actions(session, cohort.id, IsoWeek(2010, 12))
        # A generator over date-ordered queries, never a list of the whole week.
        assert not isinstance(actions, list)
        rows = list(actions)

    def moment(value: date | datetime) -> datetime:
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, datetime.min.time())

    keys = [(moment(row[0]), row[1], row[2] or "") for row in rows]
    assert keys == sorted(keys)
    assert len({row[1] for row in rows}) >= 3  # several kinds of events, merged
    assert ("Entrée en bilan", "LEFÈVRE Élodie") in {(row[1], row[2]) for row in rows}


@pytest.mark.parametrize("week", ["2010-W24", "2010-W26", "2010-W28", "2010-W31"])
def test_the_next_step_is_never_in_the_past_of_the_exported_week(
    demo_path: Path, tmp_path: Path, week: str
) -> None:
    # A visit done with its next one announced: the next step is the announced day, not the
    # day the visit had been planned for (which is past).
    database = open_database(demo_path)
    out = tmp_path / "hebdo.xlsx"
    try:
        export_weekly(database, out, week=IsoWeek.parse(week), today=LATER)
    finally:
        database.dispose()
    sunday = IsoWeek.parse(week).sunday
    people = rows_of(openpyxl.load_workbook(out)["Jeunes"])
    steps = [row for row in people if row["Prochaine étape"] is not None]
    visits = [row for row in steps if row["Prochaine étape"] == "Visite de suivi"]
    assert visits, "the demo follows contracts in these weeks"
    for row in steps:
        assert row["Date de la prochaine étape"].date() > sunday, row
    for row in people:
        if row["Date de la dernière action"] is not None:
            assert row["Date de la dernière action"].date() <= sunday, row


def test_people_are_listed_as_a_french_reader_sorts_them(demo_path: Path, tmp_path: Path) -> None:
    database = open_database(demo_path)
    out = tmp_path / "hebdo.xlsx"
    try:
        export_weekly(database, out, week=IsoWeek.parse("2010-W40"), today=LATER)
    finally:
        database.dispose()
    people = rows_of(openpyxl.load_workbook(out)["Jeunes"])
    names = [(fold(row["Nom"]), fold(row["Prénom"])) for row in people]
    # Case and accents do not split a name: "AURIOL", "Auriol" and "Azéma" come in this order.
    assert names == sorted(names)
    assert len({row["Nom"] for row in people}) > len({last for last, _ in names})
