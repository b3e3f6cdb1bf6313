"""The Mission Locale's weekly workbook, read back as a partner opens and prints it."""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.profiles import Profile, ProfileColumn, save_profile
from coachdesk.exports.weekly import export_weekly, week_words
from coachdesk.exports.weekly_scope import (
    INCLUDE_LEFT,
    INCLUDE_WITHOUT_CONSENT,
    KIND,
    MISSION_LOCALE,
)
from coachdesk.models import (
    Attendance,
    Contract,
    ExportLog,
    InfoSession,
    Outreach,
    Participant,
    SelectionInterview,
)
from coachdesk.services.text import fold
from coachdesk.services.weeks import IsoWeek
from tests.unit.exports_sample import (
    COHORT_NAME,
    FORMULA_CITY,
    FORMULA_NAME,
    FORMULA_PHONE,
    Sample,
    build_sample,
)

LATER = date(2011, 1, 10)
TABS = ["Synthèse", "Jeunes", "Actions de la semaine", "Contrats"]
# What the Mission Locale gets by default: no birth date, no contact details.
PERSONAL = {"Date de naissance", "Téléphone", "Courriel", "Adresse", "Code postal", "Ville"}


@pytest.fixture
def sample(tmp_path: Path, home: Path) -> tuple[Database, Sample]:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    built = build_sample(database)
    yield database, built
    database.dispose()


@pytest.fixture
def db(sample: tuple[Database, Sample]) -> Database:
    return sample[0]


def rows_of(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The table of a sheet as dictionaries, from its header row on (print titles)."""
    header_row = int(sheet.print_title_rows.split(":")[0].strip("$"))
    values = list(sheet.iter_rows(min_row=header_row, values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def by_first_name(rows: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["Prénom"]: row for row in rows}


def summary_of(book) -> tuple[list[str], dict[str, object]]:  # type: ignore[no-untyped-def]
    """The Synthèse's title lines and its figures by indicator."""
    sheet = book["Synthèse"]
    header_row = int(sheet.print_title_rows.split(":")[0].strip("$"))
    titles = [sheet.cell(row, 1).value for row in range(1, header_row - 1)]
    figures = {row["Indicateur"]: row["Nombre"] for row in rows_of(sheet)}
    return titles, figures


def test_weekly_workbook_of_a_past_week(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "hebdo.xlsx"
    done = export_weekly(db, out, week=IsoWeek.parse("2010-W12"), today=LATER)

    book = openpyxl.load_workbook(out)
    # The summary first: it is what a counsellor reads first, and the workbook opens on it.
    assert book.sheetnames == TABS
    assert book["Synthèse"].views.sheetView[0].tabSelected

    people = by_first_name(rows_of(book["Jeunes"]))
    # The cohort's people listed by the end of the week, the adult included, nobody from the
    # other cohort; Inès has no date of information / consent: she is left out.
    assert set(people) == {"Élodie", "Zoé", "Jérôme", "Théo", "Anaïs", "Françoise"}
    elodie = people["Élodie"]
    assert elodie["Nom"] == "Lefèvre"
    assert elodie["Public"] == "Jeune" and people["Françoise"]["Public"] == "Adulte"
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
    # Data minimisation: no birth date, phone, e-mail or address unless a profile asks.
    assert not PERSONAL & set(elodie)
    row = [r["Prénom"] for r in rows_of(book["Jeunes"])].index("Élodie") + 2
    date_cell = book["Jeunes"][f"J{row}"]  # her last action's date, a real date
    assert date_cell.is_date and date_cell.number_format == "dd/mm/yyyy"

    actions = rows_of(book["Actions de la semaine"])
    seen = {(row["Date"], row["Action"], row["Jeune"]) for row in actions}
    assert (datetime(2010, 3, 23), "Prise de contact", "GARÇON Anaïs") in seen
    assert (datetime(2010, 3, 22), "Entrée en bilan", "LEFÈVRE Élodie") in seen
    # Inès entered the bilan that week too, but she is not listed: her name is nowhere.
    assert not [row for row in actions if "BENALI" in str(row["Jeune"])]
    assert any(row["Action"] == "Offre d'emploi reçue"
               and row["Employeur"] == "Garrigue & Fils SARL" for row in actions)
    assert all(date(2010, 3, 22) <= row["Date"].date() <= date(2010, 3, 28) for row in actions)
    assert [row["Date"] for row in actions] == sorted(row["Date"] for row in actions)

    assert rows_of(book["Contrats"]) == []  # none signed yet at the end of March

    titles, figures = summary_of(book)
    assert titles[0] == COHORT_NAME
    assert titles[1] == "Situation au 28/03/2010, semaine 12 (du 22 au 28 mars 2010)"
    assert figures["Personnes retenues"] == 5
    assert figures["Entrées en bilan d'orientation"] == 4  # Inès counted: figures are for all
    assert figures["Personnes listées dans la feuille « Jeunes »"] == 6
    assert figures["… sans date d'information / consentement"] == 1

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
    summary_rows = len(rows_of(book["Synthèse"]))
    assert log.row_count == done.result.row_count == 6 + len(actions) + 0 + summary_rows
    logged = json.loads(log.summary)
    assert logged["funnel"]["selected"] == 5
    assert logged["listed"] == 6 and logged["left_out"] == {"sans_consentement": 1}
    assert logged["profile"] == "mission_locale"


def _add_people_who_left(db: Database, sample: Sample) -> dict[str, str]:
    """People of the sample's cohort out of the programme by September 2010: one declined on
    the phone, one withdrew at selection, one was not selected (Théo found a job in July)."""
    with db.write() as s:
        cohort_id = sample.cohort_id

        def person(last: str, first: str) -> Participant:
            p = Participant(cohort_id=cohort_id, last_name=last, first_name=first,
                            listed_on=date(2010, 2, 15), consent_date=date(2010, 2, 15))
            s.add(p)
            s.flush()
            return p

        declined = person("Pujol", "Kévin")
        s.add(Outreach(participant_id=declined.id, done_on=date(2010, 2, 20),
                       channel="telephone", outcome="pas_interesse"))
        meeting = s.scalars(select(InfoSession.id)).one()
        ids = {"Kévin": declined.id}
        for last, first, decision in (("Sabatier", "Lou", "desistement"),
                                      ("Tessier", "Hugo", "non_retenu")):
            p = person(last, first)
            s.add(Attendance(session_id=meeting, participant_id=p.id, cohort_id=cohort_id,
                             status="present"))
            s.add(SelectionInterview(participant_id=p.id, held_on=date(2010, 3, 9),
                                     decision=decision, interviewer="Claire"))
            ids[first] = p.id
        # Jérôme's contract broke in October, after week 39; Inès (no consent) has one too.
        employer = s.scalars(select(Contract.employer_id)).first()
        s.add(Contract(participant_id=sample.people["Jérôme"], employer_id=employer,
                       contract_type="cdd", signed_on=date(2010, 6, 28),
                       start_date=date(2010, 7, 5), end_date=date(2011, 7, 4),
                       rupture_on=date(2010, 10, 20), rupture_by="jeune",
                       rupture_reason_category="personnel"))
        s.add(Contract(participant_id=sample.people["Inès"], employer_id=employer,
                       contract_type="cdd", start_date=date(2010, 9, 6),
                       end_date=date(2011, 9, 5)))
    return ids


def test_by_default_only_the_people_still_in_the_programme_with_consent(
    sample: tuple[Database, Sample], tmp_path: Path
) -> None:
    db, built = sample
    _add_people_who_left(db, built)
    out = tmp_path / "septembre.xlsx"
    done = export_weekly(db, out, week=IsoWeek(2010, 39), today=LATER)
    book = openpyxl.load_workbook(out)

    listed = {"Élodie", "Zoé", "Jérôme", "Anaïs", "Françoise"}
    left_out = {"Kévin", "Lou", "Hugo", "Théo", "Inès"}
    assert set(by_first_name(rows_of(book["Jeunes"]))) == listed
    assert {row["Prénom"] for row in rows_of(book["Contrats"])} == {"Élodie", "Zoé", "Jérôme",
                                                                    "Françoise"}
    # Nobody left out appears anywhere in the workbook.
    for sheet in book.worksheets:
        text = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
        for first in left_out:
            assert first not in text, (sheet.title, first)

    titles, figures = summary_of(book)
    assert _listing_line(titles) == (
        "Personnes listées : 5 sur 10 (profil « Mission Locale »). Non listées : "
        "1 pas intéressé·e, 1 désistement à la sélection, 1 non retenu·e à la sélection, "
        "1 sorti·e du dispositif, 1 sans date d'information / consentement. Les chiffres de "
        "la synthèse comptent toutes les personnes."
    )
    assert figures["Personnes listées dans la feuille « Jeunes »"] == 5
    assert figures["… dont adultes (colonne « Public »)"] == 1
    assert figures["Personnes non listées"] == 5
    for reason in ("… pas intéressé·e·s", "… désistements à la sélection",
                   "… non retenu·e·s à la sélection", "… sorti·e·s du dispositif",
                   "… sans date d'information / consentement"):
        assert figures[reason] == 1, reason
    assert done.listed == 5 and sum((done.left_out or {}).values()) == 5


def _listing_line(titles: list[str]) -> str:
    """The Synthèse's sentence on who is listed, its wrapped lines joined again."""
    start = next(i for i, line in enumerate(titles) if line.startswith("Personnes listées"))
    end = next(i for i, line in enumerate(titles) if line.startswith("Contrats :"))
    return " ".join(titles[start:end])


def _contracts_line(titles: list[str]) -> str:
    start = next(i for i, line in enumerate(titles) if line.startswith("Contrats :"))
    return " ".join(titles[start:])


def test_contracts_as_of_a_past_week_and_counts_that_agree(
    sample: tuple[Database, Sample], tmp_path: Path
) -> None:
    db, built = sample
    _add_people_who_left(db, built)
    export_weekly(db, tmp_path / "mars.xlsx", week=IsoWeek.parse("2010-W12"), today=LATER)
    out = tmp_path / "septembre.xlsx"
    export_weekly(db, out, week=IsoWeek(2010, 39), cohort_name=COHORT_NAME, today=LATER)
    book = openpyxl.load_workbook(out)

    contracts = by_first_name(rows_of(book["Contrats"]))
    assert set(contracts) == {"Élodie", "Zoé", "Jérôme", "Françoise"}
    elodie = contracts["Élodie"]
    assert elodie["Statut"] == "En cours" and elodie["Public"] == "Jeune"
    assert elodie["Tuteur"] == "BONNET René"
    assert elodie["Début"] == datetime(2010, 6, 7)
    assert elodie["Fin de la période d'essai"] == datetime(2010, 7, 6)
    assert elodie["Prochaine visite"] == datetime(2010, 10, 13)
    zoe = contracts["Zoé"]
    assert zoe["Statut"] == "Rompu" and zoe["Rompu le"] == datetime(2010, 6, 20)
    assert zoe["Rupture pendant l'essai"] == "Oui"
    assert zoe["Rupture à l'initiative de"] == "L'employeur"
    assert zoe["Prochaine visite"] is None
    # Broken on 20/10/2010, after the week: at the end of week 39 the contract was running,
    # and nothing of its rupture shows.
    jerome = contracts["Jérôme"]
    assert jerome["Statut"] == "En cours"
    assert jerome["Rompu le"] is None and jerome["Rupture à l'initiative de"] is None
    assert jerome["Motif de la rupture"] is None and jerome["Rupture pendant l'essai"] is None
    assert contracts["Françoise"]["Public"] == "Adulte"

    people = by_first_name(rows_of(book["Jeunes"]))
    assert people["Élodie"]["Étape"] == "Contrat"
    assert people["Élodie"]["Prochaine étape"] == "Visite de suivi"
    assert people["Jérôme"]["Statut"] == "Contrat en cours"

    titles, figures = summary_of(book)
    assert "mars.xlsx" in titles[2]
    # The funnel counts young people with a contract (Inès's included); the sheet lists the
    # contracts of the people listed, adults labelled; the Synthèse says how they add up.
    assert figures["Contrats de professionnalisation signés"] == 4
    assert figures["Contrats signés, jeunes et adultes"] == 5
    assert figures["… dont contrats de jeunes"] == 4
    assert figures["… dont contrats d'adultes (colonne « Public »)"] == 1
    assert figures["Contrats listés dans la feuille « Contrats »"] == len(contracts) == 4
    assert figures["Contrats non listés (personne non listée)"] == 1
    assert _contracts_line(titles) == (
        "Contrats : 5 signés, 4 de jeunes (la ligne « Contrats de professionnalisation "
        "signés » compte 4 jeunes) et 1 d’adulte (« Adulte » dans la colonne « Public ») ; "
        "4 listés dans la feuille « Contrats », 1 non listé (personne non listée)."
    )
    lines = {row["Indicateur"]: row for row in rows_of(book["Synthèse"])}
    signed = lines["Contrats de professionnalisation signés"]
    assert signed["Export précédent"] == 0 and signed["Évolution"] == 4
    assert lines["Projets professionnels validés"]["Taux de conversion"] == pytest.approx(2 / 4)

    # Four weeks later the rupture has happened, and shows.
    later = tmp_path / "octobre.xlsx"
    export_weekly(db, later, week=IsoWeek(2010, 43), today=LATER)
    jerome = by_first_name(rows_of(openpyxl.load_workbook(later)["Contrats"]))["Jérôme"]
    assert jerome["Statut"] == "Rompu" and jerome["Rompu le"] == datetime(2010, 10, 20)
    assert jerome["Rupture à l'initiative de"] == "Le jeune"


def test_a_profile_may_include_everyone_and_their_contact_details(
    sample: tuple[Database, Sample], tmp_path: Path
) -> None:
    db, built = sample
    _add_people_who_left(db, built)
    everyone = Profile(
        "ml_complet", KIND, "Mission Locale (tous, coordonnées)",
        (*MISSION_LOCALE.columns, ProfileColumn("birth_date"),
         ProfileColumn("phone", "Portable"), ProfileColumn("city")),
        options=frozenset({INCLUDE_LEFT, INCLUDE_WITHOUT_CONSENT}),
    )
    save_profile(everyone)
    out = tmp_path / "complet.xlsx"
    done = export_weekly(db, out, week=IsoWeek(2010, 39), profile="ml_complet", today=LATER)
    book = openpyxl.load_workbook(out)

    people = by_first_name(rows_of(book["Jeunes"]))
    assert set(people) == {"Élodie", "Zoé", "Jérôme", "Anaïs", "Françoise", "Kévin", "Lou",
                           "Hugo", "Théo", "Inès"}
    header = list(next(iter(rows_of(book["Jeunes"]))))
    assert header[:2] == ["Nom", "Prénom"] and header[-3:] == ["Date de naissance", "Portable",
                                                               "Ville"]
    assert people["Théo"]["Étape"] == "Sortie"
    assert people["Théo"]["Statut"] == "Emploi hors dispositif"
    assert people["Élodie"]["Date de naissance"] == datetime(1991, 3, 4)
    # Text typed by a person that looks like a formula stays inert text.
    assert people["Zoé"]["Portable"] == FORMULA_PHONE
    assert people["Zoé"]["Ville"] == FORMULA_CITY
    assert {row["Prénom"] for row in rows_of(book["Contrats"])} == {
        "Élodie", "Zoé", "Jérôme", "Françoise", "Inès"}
    titles, figures = summary_of(book)
    assert _listing_line(titles) == (
        "Personnes listées : 10 sur 10 (profil « Mission Locale (tous, coordonnées) »). Les "
        "chiffres de la synthèse comptent toutes les personnes."
    )
    assert figures["Personnes non listées"] == 0
    assert done.result.path == out

    with db.read() as session:
        recipient = session.scalars(select(ExportLog.recipient)).one()
    assert recipient == "Mission Locale (tous, coordonnées)"


def test_unknown_profile_or_column_is_a_french_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        export_weekly(db, tmp_path / "x.xlsx", profile="banque", today=LATER)
    assert "banque" in caught.value.message and "mission_locale" in (caught.value.hint or "")
    save_profile(Profile("faux", KIND, "Faux", (ProfileColumn("pointure"),)))
    with pytest.raises(UserError) as caught:
        export_weekly(db, tmp_path / "x.xlsx", profile="faux", today=LATER)
    assert "pointure" in caught.value.message
    assert not (tmp_path / "x.xlsx").exists()


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


@pytest.mark.parametrize(("week", "words"), [
    (IsoWeek(2010, 28), "semaine 28 (du 12 au 18 juillet 2010)"),
    (IsoWeek(2010, 26), "semaine 26 (du 28 juin au 4 juillet 2010)"),
    (IsoWeek(2010, 52), "semaine 52 (du 27 décembre 2010 au 2 janvier 2011)"),
    (IsoWeek(2010, 13), "semaine 13 (du 29 mars au 4 avril 2010)"),
    (IsoWeek(2010, 48), "semaine 48 (du 29 novembre au 5 décembre 2010)"),
    (IsoWeek(2011, 13), "semaine 13 (du 28 mars au 3 avril 2011)"),
    (IsoWeek(2010, 35), "semaine 35 (du 30 août au 5 septembre 2010)"),
    (IsoWeek(2010, 9), "semaine 9 (du 1er au 7 mars 2010)"),
])
def test_weeks_are_written_in_words(week: IsoWeek, words: str) -> None:
    assert week_words(week) == words


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


def _demo_workbook(demo_path: Path, out: Path, week: str) -> openpyxl.Workbook:
    database = open_database(demo_path)
    try:
        export_weekly(database, out, week=IsoWeek.parse(week), today=LATER)
    finally:
        database.dispose()
    return openpyxl.load_workbook(out)


@pytest.mark.parametrize("week", ["2010-W24", "2010-W26", "2010-W28", "2010-W31"])
def test_the_next_step_is_never_in_the_past_of_the_exported_week(
    demo_path: Path, tmp_path: Path, week: str
) -> None:
    # A visit done with its next one announced: the next step is the announced day, not the
    # day the visit had been planned for (which is past).
    people = rows_of(_demo_workbook(demo_path, tmp_path / "hebdo.xlsx", week)["Jeunes"])
    sunday = IsoWeek.parse(week).sunday
    steps = [row for row in people if row["Prochaine étape"] is not None]
    visits = [row for row in steps if row["Prochaine étape"] == "Visite de suivi"]
    assert visits, "the demo follows contracts in these weeks"
    for row in steps:
        assert row["Date de la prochaine étape"].date() > sunday, row
    for row in people:
        if row["Date de la dernière action"] is not None:
            assert row["Date de la dernière action"].date() <= sunday, row


def test_people_are_listed_as_a_french_reader_sorts_them(demo_path: Path, tmp_path: Path) -> None:
    people = rows_of(_demo_workbook(demo_path, tmp_path / "hebdo.xlsx", "2010-W40")["Jeunes"])
    names = [(fold(row["Nom"]), fold(row["Prénom"])) for row in people]
    # Case and accents do not split a name: "AURIOL", "Auriol" and "Azéma" come in this order.
    assert names == sorted(names)
    assert len({row["Nom"] for row in people}) > len({last for last, _ in names})


def test_the_demo_workbook_as_a_counsellor_receives_it(demo_path: Path, tmp_path: Path) -> None:
    book = _demo_workbook(demo_path, tmp_path / "hebdo.xlsx", "2010-W28")
    assert book.sheetnames == TABS
    people = rows_of(book["Jeunes"])
    statuses = {row["Statut"] for row in people}
    # The 75 people who said « Pas intéressé·e » are not sent; most people's consent is
    # recorded in the demo, as in a real programme, so most of the others are.
    assert "Pas intéressé·e" not in statuses
    _, figures = summary_of(book)
    assert figures["… pas intéressé·e·s"] == 75
    no_consent = figures["… sans date d'information / consentement"]
    assert 0 < no_consent < len(people) / 3
    assert figures["Personnes listées dans la feuille « Jeunes »"] == len(people)
    assert len(people) + figures["Personnes non listées"] == 275
    # The 13 contracts: 11 of young people, 2 of adults, labelled, and the counts agree.
    contracts = rows_of(book["Contrats"])
    assert figures["Contrats de professionnalisation signés"] == 11
    assert figures["… dont contrats de jeunes"] == 11
    assert figures["… dont contrats d'adultes (colonne « Public »)"] == 2
    assert [row["Public"] for row in contracts].count("Adulte") == 2
    assert figures["Contrats listés dans la feuille « Contrats »"] == len(contracts)
    # Week 28 ends on 18/07/2010; a contract broken on 23/07/2010 was still running.
    for row in contracts:
        if row["Statut"] in ("En cours", "À venir"):
            assert row["Rompu le"] is None, row
        if row["Rompu le"] is not None:
            assert row["Rompu le"].date() <= date(2010, 7, 18), row
            assert row["Statut"] == "Rompu", row
    assert not PERSONAL & set(people[0])


def test_every_printed_page_names_its_people(demo_path: Path, tmp_path: Path) -> None:
    """Print titles and page breaks, read back: the names at the left of every page and the
    header atop it, the pages across before down, a page never ending inside a person."""
    book = _demo_workbook(demo_path, tmp_path / "hebdo.xlsx", "2010-W52")
    for name in ("Jeunes", "Contrats"):
        sheet = book[name]
        assert sheet.print_title_cols == "$A:$B", name
        assert sheet.print_title_rows == "$1:$1", name
        assert (sheet["A1"].value, sheet["B1"].value) == ("Nom", "Prénom")
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.page_setup.pageOrder == "overThenDown"
        assert 70 <= sheet.page_setup.scale <= 100
        # The columns after the names split into page-wide groups at set places.
        assert all(brk.id > 2 for brk in sheet.col_breaks.brk)
    jeunes = book["Jeunes"]
    breaks = [brk.id for brk in jeunes.row_breaks.brk]
    assert len(breaks) >= 3, "160 people need several pages"
    pages = [1, *breaks, jeunes.max_row]
    lengths = [b - a for a, b in itertools.pairwise(pages)]
    assert max(lengths[:-1]) - min(lengths[:-1]) <= 1 and lengths[-1] <= lengths[0]
    # The summary fits one page, its header row repeated should it not.
    summary = book["Synthèse"]
    assert summary.print_title_cols is None
    assert summary["A" + summary.print_title_rows.split(":")[0].strip("$")].value == "Indicateur"
    assert not summary.row_breaks.brk and not summary.col_breaks.brk
    assert summary.page_setup.scale >= 70
