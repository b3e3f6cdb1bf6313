"""What the commands accept from the command line: dates, ISO weeks and files to write.

Each check raises a French :class:`~coachdesk.errors.UserError` (exit code 1) before any work
starts: a date CoachDesk cannot compute with, a week that does not exist, an output path that
is a folder, in a missing folder or in a folder that cannot be written. Used as argparse
``type=`` functions, they run while the command line is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from coachdesk.errors import UserError
from coachdesk.services.weeks import FIRST_DAY, LAST_DAY, IsoWeek, range_hint


def iso_date(text: str) -> date:
    """``AAAA-MM-JJ`` → a date within CoachDesk's range."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"Date « {text} » non reconnue : attendu AAAA-MM-JJ, par exemple 2010-12-31.",
            hint="Vérifiez le jour et le mois (par exemple, il n'y a pas de 31 avril).",
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(f"La date « {text} » est hors des dates possibles.", hint=range_hint())
    return day


def iso_week(text: str) -> IsoWeek:
    """``AAAA-Wss`` → the ISO week (:meth:`IsoWeek.parse`, the one week parser)."""
    return IsoWeek.parse(text)


def retention_years(text: str) -> int:
    """A number of years between 1 and 100."""
    try:
        years = int(text)
    except ValueError:
        years = 0
    if not 1 <= years <= 100:
        raise UserError(
            f"Durée « {text} » non reconnue : attendu un nombre d'années entre 1 et 100.",
            hint="Par exemple --years 2 (la durée recommandée par la CNIL).",
        )
    return years


def output_file(suffix: str) -> Callable[[str], Path]:
    """The argparse type of a file to write, ending normally in ``suffix`` (``.xlsx``…)."""

    def checked(text: str) -> Path:
        path = Path(text).expanduser()
        check_output_file(path, suffix)
        return path

    return checked


def check_output_file(path: Path, suffix: str = "") -> None:
    """Refuse, before any work, a file that could not be written (see the module doc)."""
    shown = os.fsdecode(path)
    if path.is_dir():
        raise UserError(
            f"« {shown} » est un dossier : indiquez le nom du fichier à écrire.",
            hint=f"Par exemple « {os.path.join(shown, 'fichier' + suffix)} » (rien n'a été "
            "écrit).",
        )
    folder = path.absolute().parent
    if not folder.is_dir():
        raise UserError(
            f"Impossible d'écrire « {path.name} » : le dossier « {folder} » n'existe pas.",
            hint="Choisissez un dossier existant (rien n'a été écrit).",
        )
    if not os.access(folder, os.W_OK):
        raise UserError(
            f"Impossible d'écrire « {path.name} » : le dossier « {folder} » est en lecture "
            "seule.",
            hint="Choisissez un dossier où vous avez le droit d'écrire, par exemple Documents "
            "(rien n'a été écrit).",
        )
