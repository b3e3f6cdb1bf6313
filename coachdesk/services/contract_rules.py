"""Legal checks of a contrat de professionnalisation, computed offline from plain inputs.

Every function here is pure: the contract's draft (``contract_draft.ContractDraft``, the one
object holding a contract's terms) and plain dataclasses in, dates/Decimals or ``RuleWarning``
out, no database.
A warning never blocks the entry: it tells the coach, in one French sentence, what looks wrong
and which rule says so (``rule_fr``).

Rules implemented (Code du travail, as in force for the contrat de professionnalisation):

* trial period (art. L1242-10 for a CDD): one day per week of contract, at most two weeks when
  the contract lasts six months or less, at most one month otherwise. For a CDI the common
  rule applies (art. L1221-19): two months for an employee (the programme trains office
  assistants; the rule for technicians, 3 months, and managers, 4 months, is not used). The
  trial period written in the contract (override) always wins;
* minimum pay (art. D6325-15 to D6325-18): under 21 years 55 % of the SMIC, 21 to 25 years
  70 %, +10 points under 26 for a holder of a bac pro or a level-4 professional title;
  from 26 years the SMIC, or 85 % of the branch minimum when that is higher. The rate changes
  on the first day of the month that follows the birthday;
* duration 6 to 12 months (art. L6325-11; up to 24 months by branch agreement: warning);
* training 15 to 25 % of the duration, at least 150 hours (art. L6325-13/L6325-14);
* tutor (art. D6325-6 and D6325-9): two years of experience, at most three trainees, two when
  the employer is the tutor;
* OPCO: the contract is sent within five days of its start; the OPCO answers within twenty
  days of receipt, its silence being an acceptance (art. D6325-1 and D6325-2).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.smic import CENT, SmicTable

TRIAL_CAP_SHORT_DAYS = 14  # "deux semaines"
SHORT_CONTRACT_MONTHS = 6
CDI_TRIAL_MONTHS = 2
MIN_DURATION_MONTHS = 6
MAX_DURATION_MONTHS = 12
MIN_TRAINING_HOURS = 150
MIN_TRAINING_SHARE = Decimal("0.15")
MAX_TRAINING_SHARE = Decimal("0.25")
# The tutor's legal limits (art. D6325-6 and D6325-9), for the contract checks and for the
# warnings on the employers' contact persons alike.
MAX_TRAINEES_PER_TUTOR = 3
MAX_TRAINEES_PER_EMPLOYER_TUTOR = 2
MIN_TUTOR_EXPERIENCE_YEARS = 2
OPCO_SEND_DAYS = 5
OPCO_ANSWER_DAYS = 20
FULL_TIME_HOURS = Decimal(35)
DIPLOMA_BONUS_BAC_TYPES = frozenset({"professionnel", "titre_niveau4"})


# How much an alert weighs: against the law, to check (a branch agreement may allow it), or
# for information (something to plan, a delay already past).
ILLEGAL, TO_CHECK, INFORMATION = "illegal", "to_check", "information"
LEVELS = (ILLEGAL, TO_CHECK, INFORMATION)
LEVEL_LABELS = {ILLEGAL: "Illégal", TO_CHECK: "À vérifier", INFORMATION: "Information"}
RULE_LEVELS = {
    "trial_period_too_long": ILLEGAL,
    "pay_below_minimum": ILLEGAL,
    "pay_rise_due": INFORMATION,
    "duration_too_short": ILLEGAL,
    "duration_over_12_months": TO_CHECK,
    "training_under_150_hours": ILLEGAL,
    "training_share_low": ILLEGAL,
    "training_share_high": TO_CHECK,
    "tutor_missing": TO_CHECK,
    "tutor_overloaded": ILLEGAL,
    "tutor_inexperienced": TO_CHECK,
    "opco_not_sent": ILLEGAL,
    "opco_sent_late": INFORMATION,
    "opco_no_answer": INFORMATION,
    "opco_refused": TO_CHECK,
}


@dataclass(frozen=True, slots=True)
class RuleWarning:
    """One rule the contract seems not to respect: stable code, French sentence, the rule."""

    code: str
    message_fr: str
    rule_fr: str

    @property
    def level(self) -> str:
        """``ILLEGAL``, ``TO_CHECK`` or ``INFORMATION``."""
        return RULE_LEVELS.get(self.code, TO_CHECK)

    @property
    def level_fr(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True, slots=True)
class Trainee:
    birth_date: date | None
    bac_type: str | None = None


@dataclass(frozen=True, slots=True)
class TutorFacts:
    experience_years: int | None
    is_employer_in_person: bool
    # Trainees this tutor follows during the contract, this one included.
    trainees_followed: int


def fr_date(day: date | None) -> str:
    """``04/05/2010``; an empty text for no date."""
    # Formatted by hand: strftime costs several times more, on thousands of agenda lines.
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def fr_money(amount: Decimal) -> str:
    """``Decimal("1343.7")`` → ``"1 343,70 €"`` (French grouping, narrow no-break space)."""
    text = f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
    return text.replace(",", "\u202f").replace(".", ",") + " €"


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31/01 + 1 → 28/02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_period_end(start: date, months: int) -> date:
    """Last day of a period of ``months`` months starting on ``start`` (date to date).

    01/06 + 6 months ends on 30/11; 31/01 + 1 month ends on 28/02 (no 31/02: last day).
    """
    same_day = add_months(start, months)
    if same_day.day < start.day:
        return same_day
    return same_day - timedelta(days=1)


def first_of_next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def birthday(birth_date: date, years: int) -> date:
    year = birth_date.year + years
    # Born on 29 February: the birthday of a common year is the 28th.
    last_day = calendar.monthrange(year, birth_date.month)[1]
    return date(year, birth_date.month, min(birth_date.day, last_day))


def contract_days(start: date, end: date) -> int:
    """Calendar days of a contract, both ends included."""
    return (end - start).days + 1


def lasts_at_most(start: date, end: date, months: int) -> bool:
    """Whether a contract from ``start`` to ``end`` (included) lasts ``months`` months or less.

    From 01/06 to 30/11 is exactly six months; to 01/12 is more.
    """
    return end <= month_period_end(start, months)


# --- trial period ------------------------------------------------------------------------


def legal_trial_period_end(terms: ContractDraft) -> date:
    """Last day of the trial period by law (ignoring the contract's own clause)."""
    start = terms.start_date
    if terms.contract_type == "cdi" or terms.end_date is None:
        return month_period_end(start, CDI_TRIAL_MONTHS)
    weeks = contract_days(start, terms.end_date) // 7
    if lasts_at_most(start, terms.end_date, SHORT_CONTRACT_MONTHS):
        days = min(weeks, TRIAL_CAP_SHORT_DAYS)
        return start + timedelta(days=max(days, 1) - 1)
    one_month_end = month_period_end(start, 1)
    return min(start + timedelta(days=max(weeks, 1) - 1), one_month_end)


def trial_period_end(terms: ContractDraft) -> date:
    """The trial period that applies: the contract's own when written, else the legal one."""
    return terms.trial_period_end_override or legal_trial_period_end(terms)


TRIAL_RULE = (
    "Période d'essai d'un CDD : un jour par semaine de contrat, au plus deux semaines si le "
    "contrat dure six mois ou moins, au plus un mois sinon (art. L1242-10) ; CDI : deux mois "
    "pour un employé (art. L1221-19)."
)


def check_trial_period(terms: ContractDraft) -> list[RuleWarning]:
    if terms.trial_period_end_override is None:
        return []
    legal = legal_trial_period_end(terms)
    if terms.trial_period_end_override <= legal:
        return []
    return [
        RuleWarning(
            "trial_period_too_long",
            "La période d'essai du contrat se termine le "
            f"{fr_date(terms.trial_period_end_override)}, après la fin légale du {fr_date(legal)}.",
            TRIAL_RULE,
        )
    ]


# --- minimum pay --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaySegment:
    """A stretch of the contract with one legal minimum (Decimal euros, gross per month)."""

    starts_on: date
    ends_on: date
    age_band: str  # "under_21", "21_25", "26_plus"
    rate_percent: int
    smic_monthly: Decimal
    minimum_monthly: Decimal
    # The minimum is 85 % of the branch minimum (higher than the SMIC) rather than the SMIC.
    branch_minimum: Decimal | None = None


AGE_BAND_LABELS = {
    "under_21": "moins de 21 ans",
    "21_25": "21 à 25 ans",
    "26_plus": "26 ans et plus",
}


def age_band_on(birth_date: date, day: date) -> str:
    """The pay age band on ``day``: a new band starts on the 1st of the month after the birthday."""
    if day < first_of_next_month(birthday(birth_date, 21)):
        return "under_21"
    if day < first_of_next_month(birthday(birth_date, 26)):
        return "21_25"
    return "26_plus"


def pay_rate_percent(age_band: str, bac_type: str | None) -> int:
    """Share of the SMIC by age band, +10 points under 26 for a bac pro or a level-4 title."""
    base = {"under_21": 55, "21_25": 70, "26_plus": 100}[age_band]
    if age_band != "26_plus" and bac_type in DIPLOMA_BONUS_BAC_TYPES:
        base += 10
    return base


def minimum_pay_schedule(
    terms: ContractDraft, trainee: Trainee, smic: SmicTable
) -> list[PaySegment]:
    """The legal minimum monthly pay over the contract, one segment per change.

    Changes come from the age bands (1st of the month after the 21st and 26th birthdays) and
    from SMIC revaluations. Part-time contracts get the minimum pro rata of 35 hours. A CDI is
    followed over its first twelve months (the professionalisation action).
    """
    if trainee.birth_date is None:
        return []
    start = terms.start_date
    end = terms.end_date or month_period_end(start, MAX_DURATION_MONTHS)
    boundaries = {start}
    for years in (21, 26):
        change = first_of_next_month(birthday(trainee.birth_date, years))
        if start < change <= end:
            boundaries.add(change)
    boundaries.update(rate.effective_on for rate in smic.changes_between(start, end))
    ordered = sorted(boundaries)
    hours_share = Decimal(1)
    if terms.weekly_hours is not None and terms.weekly_hours < FULL_TIME_HOURS:
        hours_share = Decimal(terms.weekly_hours) / FULL_TIME_HOURS
    segments: list[PaySegment] = []
    for position, begins in enumerate(ordered):
        ends = ordered[position + 1] - timedelta(days=1) if position + 1 < len(ordered) else end
        band = age_band_on(trainee.birth_date, begins)
        rate = pay_rate_percent(band, trainee.bac_type)
        smic_monthly = smic.rate_on(begins).monthly_35h
        minimum = smic_monthly * rate / 100
        branch_applies = None
        if band == "26_plus" and terms.branch_minimum is not None:
            from_branch = terms.branch_minimum * Decimal("0.85")
            if from_branch > minimum:
                minimum, branch_applies = from_branch, terms.branch_minimum
        minimum = (minimum * hours_share).quantize(CENT, rounding=ROUND_HALF_UP)
        segments.append(
            PaySegment(begins, ends, band, rate, smic_monthly, minimum, branch_applies)
        )
    return segments


PAY_RULE = (
    "Salaire minimum en contrat de professionnalisation : 55 % du SMIC avant 21 ans, 70 % de "
    "21 à 25 ans, +10 points avant 26 ans pour un bac pro ou un titre professionnel de niveau 4, "
    "le SMIC (ou 85 % du minimum de branche s'il est plus élevé) à partir de 26 ans ; le taux "
    "change le 1er du mois qui suit l'anniversaire (art. D6325-15 à D6325-18)."
)


def check_pay(
    terms: ContractDraft, trainee: Trainee, smic: SmicTable, *,
    today: date | None = None, rupture_on: date | None = None,
) -> list[RuleWarning]:
    """Warn for each stretch of the contract where the pay is below the legal minimum.

    Judged only over the days the contract runs: nothing after its rupture. A minimum that
    rises after ``today`` (a birthday, a SMIC revaluation) is a pay rise to plan (information),
    not a breach yet; below the minimum from the start is always a breach.
    """
    pay = terms.gross_monthly_pay
    if pay is None or trainee.birth_date is None:
        return []
    if rupture_on is not None:
        terms = replace(terms, end_date=min(rupture_on, terms.end_date or rupture_on))
    warnings: list[RuleWarning] = []
    for segment in minimum_pay_schedule(terms, trainee, smic):
        if pay >= segment.minimum_monthly:
            continue
        if segment.branch_minimum is not None:
            basis = f"85 % du minimum de branche de {fr_money(segment.branch_minimum)}"
        else:
            basis = f"{segment.rate_percent} % du SMIC de {fr_money(segment.smic_monthly)}"
        basis += f", {AGE_BAND_LABELS[segment.age_band]}"
        if (today is not None and segment.starts_on > today
                and segment.starts_on != terms.start_date):
            warnings.append(RuleWarning(
                "pay_rise_due",
                f"À partir du {fr_date(segment.starts_on)}, le salaire minimum passe à "
                f"{fr_money(segment.minimum_monthly)} ({basis}) : le salaire prévu "
                f"({fr_money(pay)} brut par mois) devra être relevé ce jour-là.",
                PAY_RULE,
            ))
            continue
        reason = (
            "au début du contrat"
            if segment.starts_on == terms.start_date
            else f"à partir du {fr_date(segment.starts_on)}"
        )
        warnings.append(
            RuleWarning(
                "pay_below_minimum",
                f"Le salaire prévu ({fr_money(pay)} brut par mois) est "
                f"inférieur au minimum {reason} : {fr_money(segment.minimum_monthly)} "
                f"({basis}).",
                PAY_RULE,
            )
        )
    return warnings


# --- duration and training ------------------------------------------------------------------

DURATION_RULE = (
    "Un contrat de professionnalisation à durée déterminée dure de 6 à 12 mois, jusqu'à "
    "24 mois seulement si un accord de branche le prévoit (art. L6325-11 et L6325-12)."
)
TRAINING_RULE = (
    "La formation représente de 15 à 25 % de la durée du contrat, et au moins 150 heures ; "
    "au-delà de 25 % seulement si un accord de branche le prévoit (art. L6325-13 et L6325-14)."
)


def check_duration(terms: ContractDraft) -> list[RuleWarning]:
    """CDD (or the professionalisation action of a CDI when an end is given): 6 to 12 months."""
    if terms.end_date is None:
        return []
    start, end = terms.start_date, terms.end_date
    period = f"du {fr_date(start)} au {fr_date(end)}"
    if end < month_period_end(start, MIN_DURATION_MONTHS):
        return [
            RuleWarning(
                "duration_too_short",
                f"Le contrat {period} dure moins de six mois.",
                DURATION_RULE,
            )
        ]
    if not lasts_at_most(start, end, MAX_DURATION_MONTHS):
        return [
            RuleWarning(
                "duration_over_12_months",
                f"Le contrat {period} dure plus de douze mois : vérifiez qu'un accord de "
                "branche le permet.",
                DURATION_RULE,
            )
        ]
    return []


def contract_working_hours(terms: ContractDraft) -> Decimal | None:
    """Hours of the contract: weekly hours × calendar weeks (paid leave not deducted)."""
    if terms.end_date is None or terms.weekly_hours is None:
        return None
    weeks = Decimal(contract_days(terms.start_date, terms.end_date)) / 7
    return Decimal(terms.weekly_hours) * weeks


def check_training(terms: ContractDraft) -> list[RuleWarning]:
    if terms.training_hours is None:
        return []
    warnings: list[RuleWarning] = []
    hours = terms.training_hours
    if hours < MIN_TRAINING_HOURS:
        warnings.append(
            RuleWarning(
                "training_under_150_hours",
                f"La formation prévue ({hours} h) fait moins de {MIN_TRAINING_HOURS} heures.",
                TRAINING_RULE,
            )
        )
    total = contract_working_hours(terms)
    if total:
        share = Decimal(hours) / total
        percent = (share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if share < MIN_TRAINING_SHARE:
            warnings.append(
                RuleWarning(
                    "training_share_low",
                    f"La formation ({hours} h) ne représente que {percent} % des "
                    f"{total.quantize(Decimal(1))} heures du contrat (au moins 15 %).",
                    TRAINING_RULE,
                )
            )
        elif share > MAX_TRAINING_SHARE:
            warnings.append(
                RuleWarning(
                    "training_share_high",
                    f"La formation ({hours} h) représente {percent} % des "
                    f"{total.quantize(Decimal(1))} heures du contrat (plus de 25 %) : vérifiez "
                    "qu'un accord de branche le permet.",
                    TRAINING_RULE,
                )
            )
    return warnings


# --- tutor ----------------------------------------------------------------------------------

TUTOR_RULE = (
    "Le tuteur justifie de deux ans d'expérience dans une qualification en rapport avec "
    "l'objectif du contrat et suit au plus trois alternants, deux si c'est l'employeur "
    "lui-même (art. D6325-6 et D6325-9)."
)


def check_tutor(tutor: TutorFacts | None) -> list[RuleWarning]:
    if tutor is None:
        return [
            RuleWarning("tutor_missing", "Aucun tuteur n'est désigné pour ce contrat.", TUTOR_RULE)
        ]
    warnings: list[RuleWarning] = []
    limit = (
        MAX_TRAINEES_PER_EMPLOYER_TUTOR if tutor.is_employer_in_person else MAX_TRAINEES_PER_TUTOR
    )
    if tutor.trainees_followed > limit:
        who = "L'employeur tuteur" if tutor.is_employer_in_person else "Le tuteur"
        warnings.append(
            RuleWarning(
                "tutor_overloaded",
                f"{who} suit {tutor.trainees_followed} alternants en même temps (au plus {limit}).",
                TUTOR_RULE,
            )
        )
    if tutor.experience_years is not None and tutor.experience_years < MIN_TUTOR_EXPERIENCE_YEARS:
        warnings.append(
            RuleWarning(
                "tutor_inexperienced",
                f"Le tuteur a {tutor.experience_years} an(s) d'expérience (au moins deux ans).",
                TUTOR_RULE,
            )
        )
    return warnings


# --- OPCO -----------------------------------------------------------------------------------

OPCO_RULE = (
    "L'employeur transmet le contrat à l'OPCO dans les cinq jours qui suivent son début ; "
    "l'OPCO se prononce dans les vingt jours suivant la réception, son silence valant "
    "acceptation (art. D6325-1 et D6325-2)."
)


def opco_send_deadline(terms: ContractDraft) -> date:
    return terms.start_date + timedelta(days=OPCO_SEND_DAYS)


def opco_answer_deadline(terms: ContractDraft) -> date | None:
    if terms.sent_to_opco_on is None:
        return None
    return terms.sent_to_opco_on + timedelta(days=OPCO_ANSWER_DAYS)


def opco_answered(terms: ContractDraft) -> bool:
    return terms.opco_decision in {"accepte", "refuse"}


def check_opco(terms: ContractDraft, today: date) -> list[RuleWarning]:
    send_by = opco_send_deadline(terms)
    if terms.sent_to_opco_on is None:
        if today > send_by:
            return [
                RuleWarning(
                    "opco_not_sent",
                    f"Le contrat n'est pas encore transmis à l'OPCO alors qu'il devait l'être "
                    f"au plus tard le {fr_date(send_by)}.",
                    OPCO_RULE,
                )
            ]
        return []
    warnings: list[RuleWarning] = []
    if terms.sent_to_opco_on > send_by:
        warnings.append(
            RuleWarning(
                "opco_sent_late",
                f"Le contrat a été transmis à l'OPCO le {fr_date(terms.sent_to_opco_on)}, après "
                f"le délai du {fr_date(send_by)}.",
                OPCO_RULE,
            )
        )
    answer_by = opco_answer_deadline(terms)
    if answer_by is not None and not opco_answered(terms) and today > answer_by:
        warnings.append(
            RuleWarning(
                "opco_no_answer",
                f"L'OPCO n'a pas répondu au {fr_date(answer_by)} : son silence vaut acceptation, "
                "demandez-lui une confirmation écrite.",
                OPCO_RULE,
            )
        )
    if terms.opco_decision == "refuse":
        warnings.append(
            RuleWarning(
                "opco_refused",
                "L'OPCO a refusé la prise en charge du contrat : voyez avec l'employeur ce qui "
                "doit être corrigé.",
                OPCO_RULE,
            )
        )
    return warnings


# --- all together ---------------------------------------------------------------------------


def check_contract(
    terms: ContractDraft,
    trainee: Trainee,
    tutor: TutorFacts | None,
    smic: SmicTable,
    today: date,
    *,
    rupture_on: date | None = None,
) -> list[RuleWarning]:
    """Every check of one contract on ``today``, in the order a coach reads the form; each rule
    judged over the days it applies to (a broken contract's pay only until its rupture)."""
    return [
        *check_duration(terms),
        *check_trial_period(terms),
        *check_pay(terms, trainee, smic, today=today, rupture_on=rupture_on),
        *check_training(terms),
        *check_tutor(tutor),
        *check_opco(terms, today),
    ]
