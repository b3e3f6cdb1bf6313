"""The ROME 4.0 list of jobs (France Travail), read offline from the copy shipped in resources/.

The list is read on first use and kept in memory (about 1,600 codes, a few milliseconds); nothing
reads it at start-up. A coach can later load a newer official export with ``load_rome_file``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coachdesk.errors import UserError
from coachdesk.paths import resource
from coachdesk.services.text import fold

ROME_CODE = re.compile(r"^[A-N][0-9]{4}$")


@dataclass(frozen=True, slots=True)
class RomeJob:
    code: str
    label: str
    search_text: str

    @property
    def family(self) -> str:
        return rome_family(self.code)

    def display(self) -> str:
        return f"{self.code} – {self.label}"


def rome_family(code: str) -> str:
    """The family of a ROME code: its letter and first two digits (``M1607`` → ``M16``)."""
    return code[:3]


def normalise_code(code: str | None) -> str:
    return (code or "").strip().upper()


def load_rome_file(path: Path) -> dict[str, RomeJob]:
    """Read a ``code,libelle`` CSV file (UTF-8) into code → job.

    Raises:
        UserError: the file cannot be read or a row holds no valid ROME code.
    """
    jobs: dict[str, RomeJob] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"code", "libelle"} <= set(reader.fieldnames):
                raise UserError(
                    f"Le fichier ROME « {path.name} » n'a pas les colonnes « code » et "
                    "« libelle ».",
                    hint="Utilisez l'export officiel de France Travail au format CSV.",
                )
            for line, row in enumerate(reader, start=2):
                code = normalise_code(row["code"])
                label = (row["libelle"] or "").strip()
                if not ROME_CODE.match(code) or not label:
                    raise UserError(
                        f"Fichier ROME « {path.name} », ligne {line} : code « {row['code']} » "
                        "invalide ou libellé vide.",
                        hint="Un code ROME est une lettre suivie de quatre chiffres (ex. M1607).",
                    )
                jobs[code] = RomeJob(code, label, fold(f"{code} {label}"))
    except OSError as exc:
        raise UserError(f"Impossible de lire le fichier ROME « {path} » : {exc.strerror}.") from exc
    return jobs


@lru_cache(maxsize=1)
def rome_jobs() -> dict[str, RomeJob]:
    """Every ROME job shipped with CoachDesk, by code (read once, then cached)."""
    return load_rome_file(resource("rome", "rome_codes.csv"))


def rome_label(code: str) -> str | None:
    job = rome_jobs().get(normalise_code(code))
    return job.label if job else None


def check_rome_code(code: str, *, field: str = "Code ROME") -> str:
    """The normalised code when it is in the ROME list, else a UserError naming the field."""
    normalised = normalise_code(code)
    if normalised not in rome_jobs():
        raise UserError(
            f"{field} : « {code} » n'est pas un code ROME connu.",
            hint="Choisissez le métier dans la liste ROME (une lettre et quatre chiffres, "
            "ex. M1607).",
        )
    return normalised


def search_rome(text: str, limit: int = 50) -> list[RomeJob]:
    """Jobs whose code or label contains every word of ``text``, accents and case ignored.

    Codes starting with the text come first, then labels in alphabetical order.
    """
    words = fold(text).split()
    jobs = rome_jobs().values()
    if not words:
        return sorted(jobs, key=lambda job: job.code)[:limit]
    found = [job for job in jobs if all(word in job.search_text for word in words)]
    query = words[0].upper()
    found.sort(key=lambda job: (not job.code.startswith(query), fold(job.label)))
    return found[:limit]
