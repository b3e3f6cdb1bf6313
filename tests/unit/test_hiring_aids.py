"""The dated, sourced table of hiring aids for contrats de professionnalisation, which aids a
hire may claim, and the employer's cost estimate net of them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from coachdesk import paths
from coachdesk.errors import UserError
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.employer_estimate import (
    contract_months,
    employer_under_250,
    estimate,
)
from coachdesk.services.hiring_aids import (
    COLUMNS,
    HireFacts,
    aids_for_hire,
    load_hiring_aids,
    read_aids_file,
)

HEADER = ";".join(COLUMNS)


@pytest.fixture(scope="module")
def table() -> tuple:  # type: ignore[type-arg]
    return load_hiring_aids(user=Path("/nonexistent/aides.csv"))


def _hire(day: date, age: int | None, **facts: object) -> HireFacts:
    return HireFacts(starts_on=day, age=age, **facts)  # type: ignore[arg-type]


def test_every_shipped_row_has_its_sources_and_a_sourced_notice(table: tuple) -> None:  # type: ignore[type-arg]
    assert len(table) == 29
    assert all(aid.source and aid.label and aid.conditions for aid in table)
    notice = paths.resource("AIDES-SOURCE.md").read_text(encoding="utf-8")
    assert "décret n° 2009-694" in notice and "`public`" in notice


def test_the_2010_youth_aid_by_diploma_level_age_and_date(table: tuple) -> None:  # type: ignore[type-arg]
    with_bac = aids_for_hire(table, _hire(date(2010, 9, 1), 20, has_baccalaureate=True))
    assert [(a.aid.code, a.amount) for a in with_bac.applying] == [
        ("AIDE_JEUNE_2010_BAC", Decimal(1000))]
    assert "décret n° 2009-694" in with_bac.applying[0].aid.source
    without = aids_for_hire(table, _hire(date(2010, 9, 1), 20, has_baccalaureate=False))
    assert [(a.aid.code, a.amount) for a in without.applying] == [
        ("AIDE_JEUNE_2010_INFBAC", Decimal(2000))]
    # The decree covers hires up to 31/12/2010 and people under 26 on the day they sign.
    assert aids_for_hire(table, _hire(date(2011, 1, 3), 20, has_baccalaureate=True)).total == 0
    assert aids_for_hire(table, _hire(date(2010, 9, 1), 26, has_baccalaureate=True)).total == 0
    # Before its end on 30/06/2010, the first version of the same aid.
    june = aids_for_hire(table, _hire(date(2010, 6, 1), 20, has_baccalaureate=True))
    assert [a.aid.code for a in june.applying] == ["AIDE_JEUNE_2009_BAC"]


def test_unknown_facts_make_an_aid_to_check_never_counted(table: tuple) -> None:  # type: ignore[type-arg]
    unknown = aids_for_hire(table, _hire(date(2010, 9, 1), 20))
    assert unknown.total == 0
    assert {"AIDE_JEUNE_2010_BAC", "AIDE_JEUNE_2010_INFBAC"} <= {a.code for a in unknown.to_check}
    adult = aids_for_hire(table, _hire(date(2010, 9, 1), 35))
    assert adult.total == 0 and "AFE_2008" in {a.code for a in adult.to_check}
    seeker = aids_for_hire(table, _hire(date(2010, 9, 1), 35, job_seeker=True))
    assert [(a.aid.code, a.amount) for a in seeker.applying] == [("AFE_2008", Decimal(2000))]
    # A variable amount (the general reduction) is listed, never counted.
    today = aids_for_hire(table, _hire(date(2025, 9, 1), 22))
    assert today.total == 0 and "REDUCTION_GENERALE" in {a.code for a in today.to_check}


def test_part_time_prorates_the_aids_whose_text_says_so(table: tuple) -> None:  # type: ignore[type-arg]
    half = aids_for_hire(table, _hire(date(2010, 9, 1), 20, has_baccalaureate=True,
                                      weekly_hours=Decimal("17.5")))
    assert half.total == Decimal("500.00")


def test_a_coach_adds_and_replaces_rows(tmp_path: Path) -> None:
    user = tmp_path / "aides_contrat_pro.csv"
    user.write_text(
        HEADER + "\n"
        "AIDE_PRO_2024;Aide 2024 corrigée;5000;2024-01-01;2024-04-30;;29;conditions;décret X;\n"
        "AIDE_NOUVELLE_2030;Aide nouvelle;1234;2030-01-01;;;;conditions;décret Y;\n",
        encoding="utf-8",
    )
    table = load_hiring_aids(user=user)
    assert len(table) == 30
    hire = aids_for_hire(table, _hire(date(2024, 2, 1), 22))
    assert [(a.aid.label, a.amount) for a in hire.applying] == [("Aide 2024 corrigée", 5000)]
    assert aids_for_hire(table, _hire(date(2030, 5, 1), 22)).total == Decimal(1234)


@pytest.mark.parametrize(
    ("row", "field", "value"),
    [
        ("X;Aide;mille;2010-01-01;;;;c;s;", "montant_eur", "mille"),
        ("X;Aide;10;01/01/2010;;;;c;s;", "debut", "01/01/2010"),
        ("X;Aide;10;;;vingt;;c;s;", "age_min", "vingt"),
        ("X;Aide;10;;;;;c;s;chômeur", "public", "chômeur"),
    ],
)
def test_a_bad_row_is_named_in_french(tmp_path: Path, row: str, field: str, value: str) -> None:
    path = tmp_path / "aides.csv"
    path.write_text(HEADER + "\n\n" + row + "\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_aids_file(path)
    assert f"« {path} », ligne 3, champ « {field} » : « {value} »" in str(caught.value)


def test_cost_over_the_contract_net_of_the_aids(table: tuple) -> None:  # type: ignore[type-arg]
    terms = ContractDraft(start_date=date(2010, 9, 1), end_date=date(2011, 8, 31),
                          weekly_hours=Decimal(35), training_hours=400,
                          gross_monthly_pay_cents=100_000, job_title="Secrétaire")
    result = estimate(terms, _hire(date(2010, 9, 1), 20, has_baccalaureate=True), table,
                      employer_name="Optique Comédie")
    assert result is not None
    assert result.months == 12
    assert result.monthly.monthly_cost == Decimal("1130.00")  # 1 000 € + 13 % of charges
    assert result.total_before_aids == Decimal("13560.00")
    assert result.net_total == Decimal("12560.00")
    assert result.net_monthly == Decimal("1046.67")
    assert result.summary_fr == (
        "Coût estimé sur 12 mois : 13\u202f560,00 €, moins 1\u202f000,00 € d'aides à "
        "l'embauche, soit 12\u202f560,00 € (1\u202f046,67 € par mois en moyenne)."
    )
    unpaid = ContractDraft(start_date=date(2010, 9, 1), end_date=date(2011, 8, 31))
    assert estimate(unpaid, _hire(date(2010, 9, 1), 20), table) is None


def test_months_and_employer_size() -> None:
    assert contract_months(date(2010, 6, 1), date(2011, 4, 30)) == 11
    assert contract_months(date(2010, 6, 1), None) == 12
    assert contract_months(date(2010, 6, 1), date(2010, 6, 10)) == 1
    assert [employer_under_250(b) for b in ("10-49", "250+", "1000+", "")] == [
        True, False, False, None]


def test_aids_the_texts_forbid_to_combine_are_never_counted_together(table: tuple) -> None:  # type: ignore[type-arg]
    # A 27-year-old job seeker hired in March 2023: the 2023 aid (6 000 €) and the AFE
    # (2 000 €), which combines only with the State's aid for job seekers of 45 and over.
    hire = aids_for_hire(table, _hire(date(2023, 3, 1), 27, job_seeker=True))
    assert [(a.aid.code, a.amount) for a in hire.applying] == [
        ("AIDE_PRO_2023", Decimal(6000))]
    assert hire.total == Decimal(6000)
    assert "AFE_2011" in [aid.code for aid in hire.to_check]
    # At 46 the AFE and the State's 45+ aid add up, as the texts allow.
    older = aids_for_hire(table, _hire(date(2023, 3, 1), 46, job_seeker=True))
    assert sorted(a.aid.code for a in older.applying) == ["AFE_2011", "AIDE_DE45_ETAT"]
    assert older.total == Decimal(4000)
