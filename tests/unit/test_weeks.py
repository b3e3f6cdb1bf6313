"""One week parser for the whole product: the workbook, the interview sheets and the agenda."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk.errors import UserError
from coachdesk.services.weeks import IsoWeek, week_label, week_start


@pytest.mark.parametrize("text", ["2010-W28", "2010W28", " 2010-w28 ", "2010-W28\n"])
def test_a_week_is_typed_with_or_without_its_dash_in_any_case(text: str) -> None:
    week = IsoWeek.parse(text)
    assert week == IsoWeek(2010, 28)
    assert (week.monday, week.sunday, week.next_monday) == (
        date(2010, 7, 12), date(2010, 7, 18), date(2010, 7, 19))
    assert week.code == "2010-W28"


def test_week_53_exists_only_in_long_years() -> None:
    assert IsoWeek.parse("2015-W53").monday == date(2015, 12, 28)
    with pytest.raises(UserError) as caught:
        IsoWeek.parse("2010-W53")
    assert caught.value.message == (
        "La semaine « 2010-W53 » n'existe pas : l'année 2010 compte 52 semaines ISO.")
    assert caught.value.hint == "Les semaines ISO sont numérotées de 1 à 52 (53 certaines années)."


@pytest.mark.parametrize("text", ["2010-W0", "2010-W00", "2015-W54", "2010-W99"])
def test_a_week_number_the_year_does_not_have_is_said_so(text: str) -> None:
    with pytest.raises(UserError, match=f"^La semaine « {text} » n'existe pas : l'année"):
        IsoWeek.parse(text)


@pytest.mark.parametrize("text", ["semaine 28", "2010-28", "10-W28", "2010-W028", ""])
def test_anything_else_is_the_same_french_refusal(text: str) -> None:
    with pytest.raises(UserError) as caught:
        IsoWeek.parse(text)
    assert caught.value.message == (
        f"Semaine « {text} » non reconnue : attendu AAAA-Wss, par exemple 2010-W28.")
    assert "numéro de la semaine ISO" in (caught.value.hint or "")


@pytest.mark.parametrize("text", ["1899-W52", "2101-W01", "9999-W52", "0000-W01"])
def test_a_week_outside_coachdesks_dates_is_refused(text: str) -> None:
    with pytest.raises(UserError) as caught:
        IsoWeek.parse(text)
    assert caught.value.message == f"La semaine « {text} » est hors des dates possibles."
    assert caught.value.hint == "CoachDesk accepte les dates du 01/01/1900 au 31/12/2100."


def test_the_week_of_a_day_and_its_monday() -> None:
    assert IsoWeek.of(date(2011, 1, 2)) == IsoWeek(2010, 52)  # a Sunday
    assert week_start(date(2010, 7, 18)) == date(2010, 7, 12)
    assert week_start(date(2010, 7, 12)) == date(2010, 7, 12)


@pytest.mark.parametrize(("day", "label"), [
    (date(2010, 7, 14), "semaine 28 (du 12 au 18 juillet 2010)"),
    (date(2010, 6, 30), "semaine 26 (du 28 juin au 4 juillet 2010)"),
    (date(2010, 3, 1), "semaine 9 (du 1er au 7 mars 2010)"),
    (date(2010, 12, 31), "semaine 52 (du 27 décembre 2010 au 2 janvier 2011)"),
    (date(2010, 1, 2), "semaine 53 (du 28 décembre 2009 au 3 janvier 2010)"),
])
def test_a_week_is_written_as_a_coach_reads_it(day: date, label: str) -> None:
    week = IsoWeek.of(day)
    assert week_label(week) == week.label == label
    assert week_label(week, capital=True) == "S" + label[1:]
    # The command line's form is still what is typed, and reads back the same week.
    assert IsoWeek.parse(week.code) == week
