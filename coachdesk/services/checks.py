"""The checks every write path shares: each rule once, called by every service that needs it.

A SIRET is checked with python-stdnum (length, digits and the Luhn key), wherever it is typed
(an employer, a contract's workplace); a NAF code is stored in INSEE's form ``62.01Z``; a ROME
code must be in the ROME list shipped in ``resources/`` (``rome.check_rome_code``); a code from
a vocabulary of ``models.codes`` is one of its keys. Each raises a ``UserError`` whose French
sentence names the field and says what to do.
"""

from __future__ import annotations

import re
from datetime import date

from coachdesk.errors import UserError

_NAF = re.compile(r"^(\d{2})\.?(\d{2})([A-Z])$")


def check_siret(value: str | None, field: str = "SIRET") -> str | None:
    """The 14 digits of a valid SIRET, None when empty, else a UserError saying what is wrong
    (``field`` names the field: « SIRET », « SIRET du lieu de travail »)."""
    from stdnum import exceptions
    from stdnum.fr import siret

    if value is None or not value.strip():
        return None
    try:
        return str(siret.validate(value))
    except exceptions.InvalidLength:
        count = len(siret.compact(value))
        raise UserError(
            f"{field} « {value} » : il doit compter 14 chiffres, il en compte {count}.",
            hint="Le SIRET figure sur les fiches de paie et sur annuaire-entreprises.data.gouv.fr.",
        ) from None
    except exceptions.InvalidFormat:
        raise UserError(
            f"{field} « {value} » : il ne doit contenir que des chiffres.",
            hint="Recopiez les 14 chiffres du SIRET (les espaces sont acceptés).",
        ) from None
    except exceptions.InvalidChecksum:
        raise UserError(
            f"{field} « {value} » : la clé de contrôle est fausse, un chiffre a sans doute été "
            "mal recopié.",
            hint="Vérifiez le numéro sur annuaire-entreprises.data.gouv.fr.",
        ) from None
    except exceptions.ValidationError:
        raise UserError(f"{field} « {value} » : numéro invalide.") from None


def check_naf(value: str | None) -> str:
    """A NAF (APE) code in its usual form ``62.01Z``; ``6201z`` is accepted and reformatted."""
    text = (value or "").strip().upper().replace(" ", "")
    if not text:
        return ""
    match = _NAF.match(text)
    if not match:
        raise UserError(
            f"Code NAF « {value} » : format attendu « 62.01Z » (quatre chiffres et une lettre).",
            hint="Le code NAF (ou APE) figure sur l'avis de situation SIRENE de l'entreprise.",
        )
    return f"{match.group(1)}.{match.group(2)}{match.group(3)}"


def check_code(value: str | None, vocabulary: dict[str, str], field: str) -> str:
    if value not in vocabulary:
        choices = ", ".join(vocabulary.values())
        raise UserError(
            f"{field} : valeur « {value} » inconnue.", hint=f"Choix possibles : {choices}."
        )
    return value


def required_text(value: str | None, field: str) -> str:
    """The text typed, trimmed; a French UserError naming ``field`` when it is empty."""
    text = (value or "").strip()
    if not text:
        raise UserError(f"Le champ « {field} » est obligatoire.")
    return text


def check_order(first: date | None, then: date | None, message: str) -> None:
    """A UserError with ``message`` when ``then`` comes before ``first`` (both known)."""
    if first is not None and then is not None and then < first:
        raise UserError(message)
