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


def check_nir(value: str | None, field: str = "NIR du salarié") -> str:
    """The social-security number (NIR) as 15 characters (13 and the 2-digit key), checked
    with python-stdnum (length, Corsica's 2A/2B, the key); "" when empty."""
    from stdnum import exceptions
    from stdnum.fr import nir

    text = "".join((value or "").split()).upper()
    if not text:
        return ""
    try:
        return str(nir.validate(text))
    except exceptions.InvalidLength:
        raise UserError(
            f"Champ « {field} » : « {value} » doit compter 15 caractères (13 chiffres et la "
            f"clé de 2 chiffres), il en compte {len(text)}.",
            hint="Recopiez le numéro de sécurité sociale depuis la carte Vitale ou une fiche "
            "de paie, clé comprise.",
        ) from None
    except exceptions.InvalidChecksum:
        raise UserError(
            f"Champ « {field} » : la clé de « {value} » ne correspond pas au numéro, un "
            "chiffre a sans doute été mal recopié.",
            hint="Vérifiez le numéro et sa clé sur la carte Vitale.",
        ) from None
    except exceptions.ValidationError:
        raise UserError(
            f"Champ « {field} » : « {value} » n'est pas un numéro de sécurité sociale (13 "
            "chiffres, 2A ou 2B pour la Corse, puis la clé de 2 chiffres).",
            hint="Recopiez-le depuis la carte Vitale ou une fiche de paie.",
        ) from None


_IDCC = re.compile(r"\d{4}")
_RNCP = re.compile(r"(?:RNCP)?(\d{2,6})")


def check_idcc(value: str | None) -> str:
    """A collective agreement's IDCC code: four digits (« IDCC 1486 » is accepted); ""."""
    text = "".join((value or "").split()).upper().removeprefix("IDCC")
    if not text:
        return ""
    if not _IDCC.fullmatch(text):
        raise UserError(
            f"Champ « Code IDCC » : « {value} » doit compter quatre chiffres, par exemple 1486 "
            "ou 0016.",
            hint="Le code IDCC figure sur les fiches de paie ; 9999 s'il n'y a pas de "
            "convention collective, 9998 si elle est en cours de négociation.",
        )
    return text


def check_rncp(value: str | None) -> str:
    """A certification's RNCP code written ``RNCP34592`` (``34592`` and ``rncp 34592`` are
    accepted); ""."""
    text = "".join((value or "").split()).upper()
    if not text:
        return ""
    match = _RNCP.fullmatch(text)
    if match is None:
        raise UserError(
            f"Champ « Code RNCP » : « {value} » doit s'écrire RNCP suivi de chiffres, par "
            "exemple RNCP34592.",
            hint="Le code figure sur la fiche de la certification sur "
            "francecompetences.fr (Répertoire national des certifications professionnelles).",
        )
    return f"RNCP{match.group(1)}"
