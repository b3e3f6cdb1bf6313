"""The CERFA n° 12434's code lists and the checks of what a coach types for it.

The code lists are the notice n° 51650#09's (DGEFP, « Notice pour le contrat de
professionnalisation », January 2025): the situation before the contract, the minimum social
benefits, the table of diplomas and titles, the kinds of contract and of qualification. The
identifiers are checked with the shared checks (``checks.check_nir``, ``check_siret``,
``check_idcc``, ``check_rncp``, ``check_naf``); every refusal is a French sentence naming the
field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from coachdesk.errors import UserError
from coachdesk.services.checks import check_code, check_idcc, check_nir

SITUATIONS_BEFORE = {
    "1": "Scolaire",
    "2": "Jeune bénéficiaire du CIVIS",
    "3": "Étudiant",
    "4": "Contrat d'apprentissage",
    "5": "Contrat de professionnalisation",
    "6": "Salarié en contrat aidé : CUI-CIE, CUI-CAE",
    "7": "Stagiaire de la formation professionnelle",
    "8": "Salarié (y compris intérimaires et salariés à temps partiel)",
    "9": "Personne à la recherche d'un emploi",
    "10": "Inactif",
}
MINIMUM_SOCIAL = {
    "1": "Revenu de solidarité active (RSA)",
    "2": "Allocation de solidarité spécifique (ASS)",
    "3": "Allocation aux adultes handicapés (AAH)",
}
DIPLOMAS = {
    "10": "Doctorat",
    "11": "Master 2 professionnel / DESS / diplôme grande école",
    "12": "Master 2 recherche / DEA",
    "19": "Autre diplôme ou titre de niveau bac +5 ou plus",
    "21": "Master 1 professionnel",
    "22": "Master 1 général",
    "23": "Licence professionnelle",
    "24": "Licence générale",
    "29": "Autre diplôme ou titre de niveau bac +3 ou 4",
    "31": "Brevet de technicien supérieur",
    "32": "Diplôme universitaire de technologie",
    "39": "Autre diplôme ou titre de niveau bac +2",
    "41": "Baccalauréat professionnel",
    "42": "Baccalauréat général",
    "43": "Baccalauréat technologique",
    "49": "Autre diplôme ou titre de niveau bac",
    "51": "CAP",
    "52": "BEP",
    "53": "Mention complémentaire",
    "59": "Autre diplôme ou titre de niveau CAP/BEP",
    "60": "Aucun diplôme ni titre professionnel",
}
CONTRACT_KINDS = {
    "11": "Contrat initial (cas général)",
    "12": "Contrat initial conclu avec deux employeurs pour une activité saisonnière",
    "21": "Renouvellement : échec aux épreuves d'évaluation",
    "22": "Renouvellement : défaillance de l'organisme de formation",
    "23": "Renouvellement : maternité, maladie ou accident du travail",
    "24": "Renouvellement : qualification supérieure ou complémentaire",
    "30": "Avenant : changement des conditions du contrat",
}
AMENDMENT_KIND = "30"
QUALIFICATION_TYPES = {
    "1": "Certification enregistrée au RNCP autre qu'un CQP",
    "2": "Certificat de qualification professionnelle (CQP)",
    "3": "Qualification reconnue dans les classifications d'une convention collective nationale",
    "4": "Contrat expérimental",
    "8": "Certification ou qualification visée dans l'expérimentation VAE",
}
RNCP_QUALIFICATION = "1"
SEXES = {"M": "M", "F": "F"}
NSF_CODE = re.compile(r"\d{3}")


@dataclass(frozen=True, slots=True)
class CerfaParties:
    """What the CERFA asks of the contract's parties, each kept on its own record: the person
    (usage name, NIR, sex, birth place), the employer (contact, funds, IDCC, size, URSSAF and
    OPCO numbers), the tutor's birth date, the training body's declaration number."""

    usage_name: str = ""
    nir: str = ""
    sex: str = ""
    birth_department: str = ""
    birth_city: str = ""
    employer_phone: str = ""
    employer_email: str = ""
    pension_fund: str = ""
    provident_fund: str = ""
    private_employer: bool | None = None
    urssaf_number: str = ""
    headcount: int | None = None
    idcc: str = ""
    opco_member_number: str = ""
    tutor_birth_date: date | None = None
    declaration_number: str = ""


def clean_text(value: str) -> str:
    return " ".join(value.split())


def optional_code(value: str | None, vocabulary: dict[str, str], field: str) -> str | None:
    return None if value in (None, "") else check_code(value, vocabulary, field)


def not_negative(value: int | None, field: str) -> None:
    if value is not None and value < 0:
        raise UserError(f"Champ « {field} » : le nombre ne peut pas être négatif.")


def checked_parties(parties: CerfaParties) -> CerfaParties:
    """The parties' CERFA facts ready to store, or a French UserError naming the field."""
    sex = parties.sex.strip().upper()
    if sex:
        check_code(sex, SEXES, "Sexe du salarié")
    not_negative(parties.headcount, "Effectif total salariés de l'entreprise")
    return replace(
        parties,
        usage_name=clean_text(parties.usage_name),
        nir=check_nir(parties.nir),
        sex=sex,
        birth_department=clean_text(parties.birth_department),
        birth_city=clean_text(parties.birth_city),
        employer_phone=clean_text(parties.employer_phone),
        employer_email=clean_text(parties.employer_email),
        pension_fund=clean_text(parties.pension_fund),
        provident_fund=clean_text(parties.provident_fund),
        urssaf_number=clean_text(parties.urssaf_number),
        idcc=check_idcc(parties.idcc),
        opco_member_number=clean_text(parties.opco_member_number),
        declaration_number=clean_text(parties.declaration_number),
    )
