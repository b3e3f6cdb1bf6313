"""Legal checks of a contrat de professionnalisation, with the boundary cases of the issue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from coachdesk.errors import UserError
from coachdesk.services import contract_rules as rules
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.contract_rules import Trainee, TutorFacts
from coachdesk.services.employer_cost import employer_monthly_cost
from coachdesk.services.smic import load_smic_table, read_smic_file

D = date


@pytest.fixture(scope="module")
def smic() -> rules.SmicTable:
    # The shipped table only: the coach's copy lives in a temporary home that has none.
    return load_smic_table(user=Path("/nonexistent/smic.csv"))


def cdd(start: date, end: date, **kw: object) -> ContractDraft:
    """A CDD's draft; money may be given in Decimal euros, as the rules show it."""
    for euros in ("gross_monthly_pay", "branch_minimum"):
        if euros in kw:
            kw[f"{euros}_cents"] = int(Decimal(str(kw.pop(euros))) * 100)
    return ContractDraft(start, "cdd", end, **kw)  # type: ignore[arg-type]


# --- trial period -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        # Exactly six months: 26 weeks, capped at two weeks.
        (cdd(D(2010, 6, 1), D(2010, 11, 30)), D(2010, 6, 14)),
        # One day more than six months: one day per week (26), the one-month cap does not bite.
        (cdd(D(2010, 6, 1), D(2010, 12, 1)), D(2010, 6, 26)),
        # Three months: 13 weeks, 13 days.
        (cdd(D(2010, 6, 1), D(2010, 8, 31)), D(2010, 6, 13)),
        # Twelve months: 52 days capped at one month.
        (cdd(D(2010, 5, 26), D(2011, 5, 25)), D(2010, 6, 25)),
        # One month from 31 January ends on the last day of February.
        (cdd(D(2011, 1, 31), D(2012, 1, 30)), D(2011, 2, 28)),
        # CDI: two months for an employee.
        (ContractDraft(D(2010, 5, 26), "cdi"), D(2010, 7, 25)),
        # The contract's own trial period wins.
        (cdd(D(2010, 6, 1), D(2011, 5, 31), trial_period_end_override=D(2010, 6, 10)),
         D(2010, 6, 10)),
    ],
)
def test_trial_period_end(terms: ContractDraft, expected: date) -> None:
    assert rules.trial_period_end(terms) == expected


def test_trial_period_longer_than_the_law_is_explained() -> None:
    terms = cdd(D(2010, 6, 1), D(2010, 11, 30), trial_period_end_override=D(2010, 6, 30))
    [warning] = rules.check_trial_period(terms)
    assert warning.code == "trial_period_too_long"
    assert "30/06/2010" in warning.message_fr and "14/06/2010" in warning.message_fr
    assert "deux semaines" in warning.rule_fr


# --- minimum pay --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("birth", "day", "band"),
    [
        # Birthday on the 1st: the new rate starts on the 1st of the *next* month.
        (D(1990, 3, 1), D(2011, 3, 31), "under_21"),
        (D(1990, 3, 1), D(2011, 4, 1), "21_25"),
        # Birthday on the 31st: the very next day.
        (D(1990, 1, 31), D(2011, 1, 31), "under_21"),
        (D(1990, 1, 31), D(2011, 2, 1), "21_25"),
        # December birthday: 1st of January of the next year.
        (D(1989, 12, 15), D(2010, 12, 31), "under_21"),
        (D(1989, 12, 15), D(2011, 1, 1), "21_25"),
        (D(1984, 9, 10), D(2010, 9, 30), "21_25"),
        (D(1984, 9, 10), D(2010, 10, 1), "26_plus"),
        # Born on 29 February.
        (D(1992, 2, 29), D(2013, 2, 28), "under_21"),
        (D(1992, 2, 29), D(2013, 3, 1), "21_25"),
    ],
)
def test_age_band_changes_on_the_first_of_the_next_month(birth: date, day: date, band: str) -> None:
    assert rules.age_band_on(birth, day) == band


@pytest.mark.parametrize(
    ("band", "bac", "percent"),
    [
        ("under_21", "general", 55),
        ("under_21", "professionnel", 65),
        ("21_25", None, 70),
        ("21_25", "professionnel", 80),
        ("21_25", "titre_niveau4", 80),
        ("26_plus", "professionnel", 100),
    ],
)
def test_pay_rate(band: str, bac: str | None, percent: int) -> None:
    assert rules.pay_rate_percent(band, bac) == percent


def test_turning_26_and_smic_change_during_the_contract(smic: rules.SmicTable) -> None:
    terms = cdd(D(2010, 6, 1), D(2011, 5, 31), gross_monthly_pay=Decimal("1000.00"))
    trainee = Trainee(D(1984, 9, 10), "general")
    schedule = rules.minimum_pay_schedule(terms, trainee, smic)
    assert [(s.starts_on, s.ends_on, s.rate_percent, s.minimum_monthly) for s in schedule] == [
        (D(2010, 6, 1), D(2010, 9, 30), 70, Decimal("940.64")),
        (D(2010, 10, 1), D(2010, 12, 31), 100, Decimal("1343.77")),
        (D(2011, 1, 1), D(2011, 5, 31), 100, Decimal("1365.00")),
    ]
    warnings = rules.check_pay(terms, trainee, smic)
    assert [w.code for w in warnings] == ["pay_below_minimum", "pay_below_minimum"]
    assert "à partir du 01/10/2010" in warnings[0].message_fr
    assert "1\u202f343,77 €" in warnings[0].message_fr
    assert "26 ans et plus" in warnings[0].message_fr
    assert "à partir du 01/01/2011" in warnings[1].message_fr


def test_smic_change_alone_makes_a_pay_too_low(smic: rules.SmicTable) -> None:
    # 19 years old all along: 55 % of 1 343,77 = 739,07 in 2010, of 1 365,00 = 750,75 in 2011.
    terms = cdd(D(2010, 6, 1), D(2011, 5, 31), gross_monthly_pay=Decimal("740.00"))
    [warning] = rules.check_pay(terms, Trainee(D(1991, 5, 5), "general"), smic)
    assert "à partir du 01/01/2011" in warning.message_fr
    assert "750,75 €" in warning.message_fr


def test_pay_is_judged_only_over_the_days_the_contract_runs(smic: rules.SmicTable) -> None:
    """A contract broken in October owes nothing after it: no alert for the SMIC rise of
    January; on a running contract that rise is a pay rise to plan until the day comes."""
    terms = cdd(D(2010, 6, 1), D(2011, 5, 31), gross_monthly_pay=Decimal("740.00"))
    trainee = Trainee(D(1991, 5, 5), "general")
    assert rules.check_pay(terms, trainee, smic, today=D(2011, 3, 1),
                           rupture_on=D(2010, 10, 15)) == []
    [coming] = rules.check_pay(terms, trainee, smic, today=D(2010, 12, 31))
    assert (coming.code, coming.level, coming.level_fr) == (
        "pay_rise_due", rules.INFORMATION, "Information")
    assert coming.message_fr.startswith(
        "À partir du 01/01/2011, le salaire minimum passe à 750,75 € (55 % du SMIC")
    [breach] = rules.check_pay(terms, trainee, smic, today=D(2011, 1, 1))
    assert (breach.code, breach.level_fr) == ("pay_below_minimum", "Illégal")
    # Below the minimum from the start is a breach, even for a contract not started yet.
    low = cdd(D(2011, 6, 1), D(2012, 5, 31), gross_monthly_pay=Decimal("600.00"))
    first, *later = rules.check_pay(low, trainee, smic, today=D(2011, 3, 1))
    assert later and {w.code for w in later} == {"pay_rise_due"}  # the later SMIC rises
    assert first.level == rules.ILLEGAL and "au début du contrat" in first.message_fr


def test_every_rule_has_a_level() -> None:
    codes = {"trial_period_too_long", "pay_below_minimum", "pay_rise_due", "duration_too_short",
             "duration_over_12_months", "training_under_150_hours", "training_share_low",
             "training_share_high", "tutor_missing", "tutor_overloaded", "tutor_inexperienced",
             "opco_not_sent", "opco_sent_late", "opco_no_answer", "opco_refused"}
    assert set(rules.RULE_LEVELS) == codes
    assert set(rules.RULE_LEVELS.values()) == set(rules.LEVELS)


@pytest.mark.parametrize(
    ("birth", "bac", "pay", "expected_codes"),
    [
        # 21–25 with a bac pro: 80 % of the SMIC, 1 075,02 € in 2010 (the seed's "80 %").
        (D(1988, 4, 2), "professionnel", "1075.02", []),
        (D(1988, 4, 2), "professionnel", "1075.01", ["pay_below_minimum"]),
        (D(1988, 4, 2), "general", "940.64", []),
        (D(1991, 4, 2), "professionnel", "873.45", []),
        (D(1991, 4, 2), "professionnel", "873.44", ["pay_below_minimum"]),
    ],
)
def test_pay_with_and_without_the_bac_pro_bonus(
    smic: rules.SmicTable, birth: date, bac: str, pay: str, expected_codes: list[str]
) -> None:
    terms = cdd(D(2010, 6, 1), D(2010, 12, 31), gross_monthly_pay=Decimal(pay))
    assert [w.code for w in rules.check_pay(terms, Trainee(birth, bac), smic)] == expected_codes


def test_branch_minimum_and_part_time(smic: rules.SmicTable) -> None:
    older = Trainee(D(1980, 1, 1), None)
    branch = cdd(D(2010, 6, 1), D(2010, 12, 31), branch_minimum=Decimal("1700"))
    [segment] = rules.minimum_pay_schedule(branch, older, smic)
    assert segment.minimum_monthly == Decimal("1445.00")
    below = cdd(
        D(2010, 6, 1), D(2010, 12, 31), branch_minimum=Decimal("1700"),
        gross_monthly_pay=Decimal("1400"),
    )
    [warning] = rules.check_pay(below, older, smic)
    assert "1 445,00 € (85 % du minimum de branche de 1 700,00 €, 26 ans et plus)" in (
        warning.message_fr.replace("\u202f", " ").replace("\xa0", " ")
    )
    part_time = cdd(D(2010, 6, 1), D(2010, 12, 31), weekly_hours=Decimal(28))
    [segment] = rules.minimum_pay_schedule(part_time, older, smic)
    assert segment.minimum_monthly == Decimal("1075.02")


# --- duration and training ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "end", "codes"),
    [
        (D(2010, 6, 1), D(2010, 11, 30), []),
        (D(2010, 6, 1), D(2010, 11, 29), ["duration_too_short"]),
        (D(2010, 6, 1), D(2011, 5, 31), []),
        (D(2010, 6, 1), D(2011, 6, 1), ["duration_over_12_months"]),
        (D(2010, 8, 31), D(2011, 2, 28), []),
    ],
)
def test_duration(start: date, end: date, codes: list[str]) -> None:
    assert [w.code for w in rules.check_duration(cdd(start, end))] == codes


@pytest.mark.parametrize(
    ("end", "hours", "codes"),
    [
        # Six months at 35 h = 915 h: 150 h is 16 %.
        (D(2010, 11, 30), 150, []),
        (D(2010, 11, 30), 140, ["training_under_150_hours"]),
        # Twelve months = 1 825 h: 400 h is 22 %, 200 h is 11 %, 500 h is 27 %.
        (D(2011, 5, 31), 400, []),
        (D(2011, 5, 31), 200, ["training_share_low"]),
        (D(2011, 5, 31), 500, ["training_share_high"]),
    ],
)
def test_training(end: date, hours: int, codes: list[str]) -> None:
    terms = cdd(D(2010, 6, 1), end, weekly_hours=Decimal(35), training_hours=hours)
    warnings = rules.check_training(terms)
    assert [w.code for w in warnings] == codes
    for warning in warnings:
        assert f"{hours} h" in warning.message_fr
        assert "150 heures" in warning.rule_fr


# --- tutor --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("tutor", "codes"),
    [
        (TutorFacts(5, False, 3), []),
        (TutorFacts(5, False, 4), ["tutor_overloaded"]),
        (TutorFacts(5, True, 2), []),
        (TutorFacts(5, True, 3), ["tutor_overloaded"]),
        (TutorFacts(1, False, 1), ["tutor_inexperienced"]),
        (TutorFacts(2, False, 1), []),
        (None, ["tutor_missing"]),
    ],
)
def test_tutor(tutor: TutorFacts | None, codes: list[str]) -> None:
    assert [w.code for w in rules.check_tutor(tutor)] == codes


# --- OPCO ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sent", "decision", "today", "codes"),
    [
        (None, None, D(2010, 6, 6), []),
        (None, None, D(2010, 6, 7), ["opco_not_sent"]),
        (D(2010, 6, 7), None, D(2010, 6, 8), ["opco_sent_late"]),
        (D(2010, 6, 3), None, D(2010, 6, 23), []),
        (D(2010, 6, 3), "en_attente", D(2010, 6, 24), ["opco_no_answer"]),
        (D(2010, 6, 3), "accepte", D(2010, 7, 24), []),
        (D(2010, 6, 3), "refuse", D(2010, 6, 10), ["opco_refused"]),
    ],
)
def test_opco_deadlines(
    sent: date | None, decision: str | None, today: date, codes: list[str]
) -> None:
    terms = cdd(D(2010, 6, 1), D(2011, 5, 31), sent_to_opco_on=sent, opco_decision=decision)
    warnings = rules.check_opco(terms, today)
    assert [w.code for w in warnings] == codes
    assert all("cinq jours" in w.rule_fr for w in warnings)


# --- cost and everything together ---------------------------------------------------------

def test_employer_cost_says_its_assumptions() -> None:
    terms = cdd(
        D(2010, 6, 1), D(2011, 5, 31), weekly_hours=Decimal(35), training_hours=400,
        gross_monthly_pay=Decimal("1075.02"),
    )
    cost = employer_monthly_cost(terms)
    assert cost is not None
    assert cost.contributions == Decimal("139.75")
    assert cost.monthly_cost == Decimal("1214.77")
    assert "1\u202f214,77 €" in cost.message_fr
    assert "charges patronales estimées à 13 %" in cost.message_fr
    assert "hors formation prise en charge par l'OPCO" in cost.message_fr
    # 400 h of training out of 1 825 h: in the company 78 % of the time.
    assert "78 % du temps" in cost.message_fr
    aided = employer_monthly_cost(terms, monthly_aid=Decimal("200"))
    assert aided is not None and aided.monthly_cost == Decimal("1014.77")
    assert "moins 200,00 € d'aides déclarées" in aided.message_fr


def test_check_contract_gathers_every_rule(smic: rules.SmicTable) -> None:
    terms = cdd(
        D(2010, 6, 1), D(2010, 11, 15), weekly_hours=Decimal(35), training_hours=100,
        gross_monthly_pay=Decimal("500"),
    )
    warnings = rules.check_contract(
        terms, Trainee(D(1990, 1, 1), "general"), None, smic, today=D(2010, 7, 1)
    )
    assert [w.code for w in warnings] == [
        "duration_too_short", "pay_below_minimum", "training_under_150_hours",
        "training_share_low", "tutor_missing", "opco_not_sent",
    ]
    assert all(w.message_fr.endswith((".", ")")) and w.rule_fr for w in warnings)


# --- the SMIC table -----------------------------------------------------------------------

def test_smic_rate_on_boundaries(smic: rules.SmicTable) -> None:
    assert smic.rate_on(D(2010, 12, 31)).hourly == Decimal("8.86")
    assert smic.rate_on(D(2011, 1, 1)).monthly_35h == Decimal("1365.00")
    with pytest.raises(UserError, match="aucune valeur au 01/01/2000"):
        smic.rate_on(D(2000, 1, 1))


def test_coach_copy_overrides_and_extends(tmp_path: Path) -> None:
    user = tmp_path / "smic.csv"
    # As saved by a French spreadsheet: semicolons, decimal comma, French dates.
    user.write_text(
        "date_effet;horaire_brut;mensuel_brut_35h\n01/01/2027;12,50;\n2010-01-01;8,87;1345,29\n",
        encoding="utf-8",
    )
    table = load_smic_table(user=user)
    assert table.rate_on(D(2027, 3, 1)).monthly_35h == Decimal("1895.83")
    assert table.rate_on(D(2010, 6, 1)).hourly == Decimal("8.87")
    assert table.rate_on(D(2026, 12, 31)).hourly == Decimal("12.02")


@pytest.mark.parametrize(
    ("content", "line", "field"),
    [
        ("date_effet,horaire_brut,mensuel_brut_35h\n2027-01-01,12.5,\n2027-13-01,12.6,\n",
         3, "date_effet"),
        ("date_effet,horaire_brut,mensuel_brut_35h\n2027-01-01,douze,\n", 2, "horaire_brut"),
        ("date_effet,horaire_brut,mensuel_brut_35h\n2027-01-01,12.5,-3\n", 2, "mensuel_brut_35h"),
        ("date,horaire_brut\n2027-01-01,12.5\n", 1, "date_effet"),
    ],
)
def test_bad_rows_name_file_line_and_field(
    tmp_path: Path, content: str, line: int, field: str
) -> None:
    bad = tmp_path / "smic.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_smic_file(bad)
    message = caught.value.message
    assert str(bad) in message and f"ligne {line}" in message and field in message
