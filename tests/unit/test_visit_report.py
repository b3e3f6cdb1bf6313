"""The printable visit report left with the tutor, read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.visit_report import (
    latest_visit_id,
    load_visit_report,
    write_visit_report,
)
from coachdesk.services.coaches import CoachDraft, create_coach
from tests import builders as b


@pytest.fixture
def world(tmp_path: Path) -> tuple[Database, dict[str, str]]:
    database = open_database(tmp_path / "visits.sqlite3")
    cohort = b.cohort(database, "Promo test", date(2010, 5, 26))
    person = b.person(database, cohort, "Lefèvre", "Maëlys", listed_on=date(2010, 2, 1))
    employer = b.employer(database, "Cœur d'Hérault Assurances", address="3 rue de l'Œuvre",
                          postcode="34000", city="Montpellier")
    tutor = b.contact(database, employer, "Ségur", "Hélène", role="Gérante", is_tutor=True)
    contract = b.contract(database, person, employer, date(2010, 6, 7),
                          end_date=date(2011, 5, 31), tutor_id=tutor,
                          job_title="Assistante de gestion")
    julien = create_coach(database, CoachDraft("Julien Roux", phone="04 67 00 10 22"))
    planned = b.visit(database, contract, planned_on=date(2010, 6, 21))
    first = b.visit(
        database, contract, kind="visite", done_on=date(2010, 6, 21), coach_id=julien,
        met_people="Mme Ségur et Maëlys", rating=3, actions="RAS.",
        next_visit_on=date(2010, 8, 2),
    )
    second = b.visit(
        database, contract, kind="appel", done_on=date(2010, 8, 2), coach_id=julien,
        met_people="Mme Ségur", rating=1,
        difficulty_categories=["financier", "transport"],
        difficulties="Frais d'essence : 120 € par mois ; l'œuvre sociale n'aide pas.\n"
        "Deux retards le lundi.",
        actions="Demande d'aide au transport à la Mission Locale.",
    )
    yield database, {"contract": contract, "planned": planned, "first": first,
                     "second": second}
    database.dispose()


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _print(database: Database, visit_id: str, path: Path) -> Path:
    """What the window does: read the report, then write it where the coach chose."""
    return write_visit_report(load_visit_report(database, visit_id), path)


def test_report_prints_the_visit_for_the_tutor(
    world: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = world
    assert latest_visit_id(database, ids["contract"]) == ids["second"]
    report = load_visit_report(database, ids["second"])
    assert report.file_name == "Visite 2010-08-02 LEFÈVRE Maëlys.pdf"
    target = _print(database, ids["second"], tmp_path / report.file_name)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "Compte rendu de visite de suivi — LEFÈVRE Maëlys"
    text = text_of(target)
    for expected in (
        "Compte rendu de visite de suivi",
        "Appel — Lundi 2 août 2010",
        "LEFÈVRE Maëlys",
        "Cœur d'Hérault Assurances",
        "3 rue de l'Œuvre, 34000 Montpellier",
        "SÉGUR Hélène (Gérante)",
        "CDD du 07/06/2010 au 31/05/2011",
        "Fin de période d'essai",
        "Mme Ségur",
        "Très difficile",
        "[x] Très difficile",
        "Difficultés financières, Transport",
        "Frais d'essence : 120 € par mois ; l'œuvre sociale n'aide pas.",
        "Deux retards le lundi.",
        "Demande d'aide au transport à la Mission Locale.",
        "À fixer.",  # no next visit set in this report
        "Le tuteur",
        "L'alternant·e",
    ):
        assert expected in text, expected


def test_first_visit_and_a_planned_one(
    world: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = world
    text = text_of(_print(database, ids["first"], tmp_path / "v1.pdf"))
    assert "Visite en entreprise — Lundi 21 juin 2010" in text
    assert "Aucune difficulté signalée." in text and "Bien" in text
    assert "Lundi 2 août 2010" in text  # the next visit
    planned = text_of(_print(database, ids["planned"], tmp_path / "v0.pdf"))
    assert "Lundi 21 juin 2010 (prévue)" in planned


def test_bad_targets_raise_french_errors_and_leave_nothing(
    world: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = world
    with pytest.raises(UserError, match="n'existe pas"):
        _print(database, ids["second"], tmp_path / "absent" / "v.pdf")
    with pytest.raises(UserError, match="Visite introuvable"):
        _print(database, "00000000-0000-0000-0000-000000000000",
                            tmp_path / "v.pdf")
    assert list(tmp_path.glob("*.pdf")) == []
