"""The dated SMIC table (French minimum wage, gross, metropolitan France).

The shipped table is ``resources/smic.csv``. A coach adds a row when a new decree is published,
in a copy kept in the configuration folder (``smic.csv`` in ``paths.config_dir()``): its rows
override the shipped row of the same date and extend the table. Both files have the columns
``date_effet,horaire_brut,mensuel_brut_35h``; the monthly amount may be left empty (it is then
hourly × 35 × 52 / 12). Files saved by a French spreadsheet (``;`` separator, decimal comma,
JJ/MM/AAAA dates) are read too.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from coachdesk import paths
from coachdesk.errors import UserError

SMIC_FILE_NAME = "smic.csv"
COLUMNS = ("date_effet", "horaire_brut", "mensuel_brut_35h")
CENT = Decimal("0.01")
# 35 hours a week, 52 weeks a year, 12 months: the legal monthly equivalent of the hourly rate.
MONTHLY_HOURS_35H = Decimal(35 * 52) / Decimal(12)


@dataclass(frozen=True, slots=True)
class SmicRate:
    """One revaluation: the day it takes effect and the gross amounts (Decimal euros)."""

    effective_on: date
    hourly: Decimal
    monthly_35h: Decimal


class SmicTable:
    """Every known revaluation, oldest first; ``rate_on(day)`` gives the one in force."""

    def __init__(self, rates: Iterable[SmicRate]) -> None:
        by_date = {rate.effective_on: rate for rate in rates}
        self.rates: tuple[SmicRate, ...] = tuple(by_date[d] for d in sorted(by_date))
        self._dates = [rate.effective_on for rate in self.rates]

    def rate_on(self, day: date) -> SmicRate:
        index = bisect_right(self._dates, day) - 1
        if index < 0:
            first = self._dates[0].strftime("%d/%m/%Y") if self._dates else "—"
            raise UserError(
                f"Le tableau du SMIC ne connaît aucune valeur au {day:%d/%m/%Y} "
                f"(première valeur connue : {first}).",
                hint=f"Ajoutez la ligne manquante dans {user_smic_path()}.",
            )
        return self.rates[index]

    def changes_between(self, start: date, end: date) -> list[SmicRate]:
        """Revaluations taking effect after ``start`` and on or before ``end``."""
        return [rate for rate in self.rates if start < rate.effective_on <= end]

    def __len__(self) -> int:
        return len(self.rates)


def user_smic_path() -> Path:
    """The coach's own SMIC file (may not exist)."""
    return paths.config_dir() / SMIC_FILE_NAME


def monthly_from_hourly(hourly: Decimal) -> Decimal:
    return (hourly * MONTHLY_HOURS_35H).quantize(CENT, rounding=ROUND_HALF_UP)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FR_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


def _parse_date(text: str) -> date:
    text = text.strip()
    if _ISO_DATE.match(text):
        return date.fromisoformat(text)
    if _FR_DATE.match(text):
        return datetime.strptime(text, "%d/%m/%Y").date()
    raise ValueError(text)


def _parse_amount(text: str) -> Decimal:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite() or value <= 0:
        raise InvalidOperation(text)
    return value


def read_smic_file(path: Path) -> list[SmicRate]:
    """Rows of one SMIC file; raises UserError naming the file, line and field of a bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Le fichier du SMIC « {path} » n'est pas enregistré en UTF-8.",
            hint="Enregistrez-le au format « CSV UTF-8 » puis relancez.",
        ) from exc
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return []
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(lines, delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    missing = [name for name in COLUMNS[:2] if name not in header]
    if missing:
        raise UserError(
            f"Fichier du SMIC « {path} », ligne 1 : colonne « {missing[0]} » absente.",
            hint="La première ligne doit être : " + ",".join(COLUMNS),
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    rates: list[SmicRate] = []
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            position = index.get(name)
            return row[position].strip() if position is not None and position < len(row) else ""

        def bad(field: str, value: str, expected: str, line: int = line_number) -> UserError:
            return UserError(
                f"Fichier du SMIC « {path} », ligne {line}, champ « {field} » : "
                f"« {value} » n'est pas {expected}.",
                hint="Corrigez la ligne (ou supprimez-la) puis relancez.",
            )

        try:
            effective_on = _parse_date(cell("date_effet"))
        except ValueError:
            raise bad("date_effet", cell("date_effet"), "une date (AAAA-MM-JJ)") from None
        try:
            hourly = _parse_amount(cell("horaire_brut"))
        except InvalidOperation:
            raise bad("horaire_brut", cell("horaire_brut"), "un montant positif en euros") from None
        monthly_text = cell("mensuel_brut_35h")
        if monthly_text:
            try:
                monthly = _parse_amount(monthly_text)
            except InvalidOperation:
                raise bad(
                    "mensuel_brut_35h", monthly_text, "un montant positif en euros"
                ) from None
        else:
            monthly = monthly_from_hourly(hourly)
        rates.append(SmicRate(effective_on, hourly, monthly))
    return rates


def load_smic_table(shipped: Path | None = None, user: Path | None = None) -> SmicTable:
    """The shipped table, overridden and extended by the coach's own rows."""
    shipped = shipped or paths.resource(SMIC_FILE_NAME)
    user = user or user_smic_path()
    rates = read_smic_file(shipped)
    if user.exists():
        rates += read_smic_file(user)  # later rows of the same date win
    return SmicTable(rates)
