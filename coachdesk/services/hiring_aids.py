"""The dated table of hiring aids for contrats de professionnalisation, and which of them a hire
may claim.

The shipped table is ``resources/aides_contrat_pro.csv`` (its sources in
``resources/AIDES-SOURCE.md``): one row per version of an aid, with the period of hires it
covers, its maximum amount, the age band, the conditions and the texts it comes from. A coach adds
a row when a new decree is published, in a copy kept in the configuration folder
(``aides_contrat_pro.csv`` in ``paths.config_dir()``, same columns): its rows replace the
shipped row of the same code and extend the table.

For one hire, :func:`aids_for_hire` sorts the aids in force on the day the contract starts into
those that apply — a fixed amount, the age band met, and the one fact the row turns on (the
person's diploma level, being a registered job seeker, the employer's size) known to hold — and
those to check, listed with their conditions but never counted. Aids the texts forbid to combine
(:data:`COMBINES_ONLY_WITH`) are never counted together: the larger is counted, the other joins
those to check.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from coachdesk import paths
from coachdesk.errors import UserError

AIDS_FILE_NAME = "aides_contrat_pro.csv"
SOURCES_FILE_NAME = "AIDES-SOURCE.md"
COLUMNS = ("code", "libelle", "montant_eur", "debut", "fin", "age_min", "age_max",
           "conditions", "source", "public")
FULL_TIME_HOURS = Decimal(35)
CENT = Decimal("0.01")

# The fact a row turns on (column ``public``), beyond the hire's date and the person's age.
PUBLIC_LABELS = {
    "niveau_bac": "salarié·e titulaire du bac ou d'un diplôme supérieur",
    "niveau_infra_bac": "salarié·e sans le bac",
    "demandeur_emploi": "salarié·e inscrit·e comme demandeur·se d'emploi",
    "demandeur_emploi_longue_duree": "demandeur·se d'emploi de longue durée",
    "geiq": "employeur groupement GEIQ",
    "moins_250_salaries": "entreprise de moins de 250 salariés",
}


@dataclass(frozen=True, slots=True)
class HiringAid:
    """One version of an aid: the hires it covers, its maximum (None: variable), its texts."""

    code: str
    label: str
    amount: Decimal | None
    starts_on: date | None
    ends_on: date | None
    age_min: int | None
    age_max: int | None
    conditions: str
    source: str
    public: str = ""

    def in_force_on(self, day: date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or day <= self.ends_on)

    def fits_age(self, age: int | None) -> bool:
        if age is None:
            return self.age_min is None and self.age_max is None
        return (self.age_min is None or age >= self.age_min) and (
            self.age_max is None or age <= self.age_max)


# Aids that cannot be claimed with others for the same hire (code prefix → the prefixes it may
# be combined with), as the rows' conditions say: the AFE of 2008 "non cumulable avec une
# autre aide à l'emploi" (instruction PE n° 2009-305, fiche 7); the AFE of 2011 "cumulable
# seulement avec l'aide de l'État DE 45 ans et plus" (délibération Pôle emploi n° 2011/18); the
# long-term job seekers' aid "se substitue aux aides de l'État pour ces contrats" (décrets
# n° 2021-1404 and n° 2022-957).
COMBINES_ONLY_WITH: dict[str, tuple[str, ...]] = {
    "AFE_2008": (),
    "AFE_2011": ("AIDE_DE45_ETAT",),
    "AIDE_DELD_": (),
}


def combinable(first: HiringAid, second: HiringAid) -> bool:
    """Whether the texts let one hire claim both aids."""
    for one, other in ((first, second), (second, first)):
        for prefix, allowed in COMBINES_ONLY_WITH.items():
            if one.code.startswith(prefix) and not any(
                    other.code.startswith(partner) for partner in allowed):
                return False
    return True


@dataclass(frozen=True, slots=True)
class HireFacts:
    """What is known of one hire; None where CoachDesk does not know (then aids turning on it
    are to check, never counted)."""

    starts_on: date
    age: int | None
    weekly_hours: Decimal | None = None
    has_baccalaureate: bool | None = None
    job_seeker: bool | None = None
    employer_under_250: bool | None = None
    geiq: bool | None = None


@dataclass(frozen=True, slots=True)
class AidAmount:
    """An aid that applies to a hire and the amount counted (prorated for part time)."""

    aid: HiringAid
    amount: Decimal


@dataclass(frozen=True, slots=True)
class HireAids:
    """The aids in force for one hire: counted ones, and those whose conditions to check."""

    applying: tuple[AidAmount, ...]
    to_check: tuple[HiringAid, ...]

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.applying), Decimal(0))


def user_aids_path() -> Path:
    """The coach's own rows (may not exist)."""
    return paths.config_dir() / AIDS_FILE_NAME


def _public_holds(public: str, facts: HireFacts) -> bool | None:
    known: dict[str, bool | None] = {
        "": True,
        "niveau_bac": facts.has_baccalaureate,
        "niveau_infra_bac": None if facts.has_baccalaureate is None
        else not facts.has_baccalaureate,
        "demandeur_emploi": facts.job_seeker,
        "demandeur_emploi_longue_duree": None,
        "geiq": facts.geiq,
        "moins_250_salaries": facts.employer_under_250,
    }
    return known.get(public)


def aids_for_hire(aids: Iterable[HiringAid], facts: HireFacts) -> HireAids:
    """The aids in force on the day the contract starts whose age band the person meets, as
    counted (fixed amount, the row's decisive fact known to hold) or to check."""
    aids = tuple(aids)
    by_code = {aid.code: aid for aid in aids}
    applying: list[AidAmount] = []
    to_check: list[HiringAid] = []
    for aid in aids:
        if not aid.in_force_on(facts.starts_on):
            continue
        if facts.age is not None and not aid.fits_age(facts.age):
            continue
        holds = _public_holds(aid.public, facts)
        if holds is False:
            continue
        if holds is None or aid.amount is None or (facts.age is None and not aid.fits_age(None)):
            to_check.append(aid)
            continue
        prorated = _prorated_for_part_time(aid, by_code)
        applying.append(AidAmount(aid, _prorated(aid.amount, prorated, facts.weekly_hours)))
    counted: list[AidAmount] = []
    # The larger aid first: of two that cannot be combined, the employer claims the larger.
    for item in sorted(applying, key=lambda item: item.amount, reverse=True):
        if all(combinable(item.aid, kept.aid) for kept in counted):
            counted.append(item)
        else:
            to_check.append(item.aid)
    counted.sort(key=applying.index)
    return HireAids(tuple(counted), tuple(to_check))


_SAME_CONDITIONS = re.compile(r"mêmes conditions que ([A-Z0-9_]+)")


def _prorated_for_part_time(aid: HiringAid, by_code: dict[str, HiringAid]) -> bool:
    """Whether the row's conditions (or those of the row it says it shares them with:
    « mêmes conditions que CODE ») prorate the aid for part-time work."""
    seen = {aid.code}
    while "proratis" not in aid.conditions:
        shared = _SAME_CONDITIONS.search(aid.conditions)
        if shared is None or shared.group(1) not in by_code or shared.group(1) in seen:
            return False
        aid = by_code[shared.group(1)]
        seen.add(aid.code)
    return True


def _prorated(amount: Decimal, prorated: bool, weekly_hours: Decimal | None) -> Decimal:
    """The amount for a part-time hire, in proportion to 35 hours, where the row says so."""
    if not prorated or weekly_hours is None or weekly_hours >= FULL_TIME_HOURS:
        return amount
    return (amount * weekly_hours / FULL_TIME_HOURS).quantize(CENT, rounding=ROUND_HALF_UP)


def read_aids_file(path: Path) -> list[HiringAid]:
    """Rows of one aids file; a bad row raises a UserError naming the file, line and field."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Le fichier des aides à l'embauche « {path} » n'est pas enregistré en UTF-8.",
            hint="Enregistrez-le au format « CSV UTF-8 » (séparateur point-virgule) puis "
            "relancez.",
        ) from exc
    reader = csv.reader(text.splitlines(), delimiter=";")
    header = [cell.strip().lower() for cell in next(reader, [])]
    missing = [name for name in COLUMNS[:9] if name not in header]
    if missing:
        raise UserError(
            f"Fichier des aides à l'embauche « {path} », ligne 1 : colonne « {missing[0]} » "
            "absente.",
            hint="La première ligne doit être : " + ";".join(COLUMNS),
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    aids: list[HiringAid] = []
    for line, row in enumerate(reader, start=2):
        if any(cell.strip() for cell in row):
            values = {name: row[i].strip() if i < len(row) else "" for name, i in index.items()}
            aids.append(_aid(path, line, values))
    return aids


def _aid(path: Path, line: int, values: dict[str, str]) -> HiringAid:
    """One row of an aids file, or a UserError naming the file, line and field."""

    def cell(name: str) -> str:
        return values.get(name, "")

    def bad(name: str, expected: str) -> UserError:
        return UserError(
            f"Fichier des aides à l'embauche « {path} », ligne {line}, champ « {name} » : "
            f"« {cell(name)} » n'est pas {expected}.",
            hint="Corrigez la ligne (ou supprimez-la) puis relancez.",
        )

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(cell(name)) if cell(name) else None
        except ValueError:
            raise bad(name, "une date (AAAA-MM-JJ)") from None

    def whole(name: str) -> int | None:
        if not cell(name):
            return None
        if not cell(name).isdigit():
            raise bad(name, "un âge en années")
        return int(cell(name))

    amount: Decimal | None = None
    if cell("montant_eur"):
        try:
            amount = Decimal(cell("montant_eur").replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            raise bad("montant_eur", "un montant en euros") from None
        if not amount.is_finite() or amount < 0:
            raise bad("montant_eur", "un montant en euros")
    if not cell("code"):
        raise bad("code", "un code d'aide")
    public = cell("public")
    if public and public not in PUBLIC_LABELS:
        raise bad("public", "l'un de : " + ", ".join(PUBLIC_LABELS))
    return HiringAid(cell("code"), cell("libelle"), amount, day("debut"), day("fin"),
                     whole("age_min"), whole("age_max"), cell("conditions"), cell("source"),
                     public)


def load_hiring_aids(
    shipped: Path | None = None, user: Path | None = None
) -> tuple[HiringAid, ...]:
    """The shipped table, its rows replaced and extended by the coach's own (by code)."""
    shipped = shipped or paths.resource(AIDS_FILE_NAME)
    user = user or user_aids_path()
    by_code = {aid.code: aid for aid in read_aids_file(shipped)}
    if user.exists():
        by_code.update((aid.code, aid) for aid in read_aids_file(user))
    return tuple(by_code.values())
