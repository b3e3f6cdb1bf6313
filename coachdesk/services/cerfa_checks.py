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
from typing import TYPE_CHECKING

from coachdesk.errors import UserError
from coachdesk.services.checks import check_code, check_idcc, check_naf, check_nir, check_rncp

if TYPE_CHECKING:
    from coachdesk.services.contract_draft import ContractDraft

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
_NSF = re.compile(r"\d{3}")


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


def _text(value: str) -> str:
    return " ".join(value.split())


def _optional_code(value: str | None, vocabulary: dict[str, str], field: str) -> str | None:
    return None if value in (None, "") else check_code(value, vocabulary, field)


def _not_negative(value: int | None, field: str) -> None:
    if value is not None and value < 0:
        raise UserError(f"Champ « {field} » : le nombre ne peut pas être négatif.")


def checked_parties(parties: CerfaParties) -> CerfaParties:
    """The parties' CERFA facts ready to store, or a French UserError naming the field."""
    sex = parties.sex.strip().upper()
    if sex:
        check_code(sex, SEXES, "Sexe du salarié")
    _not_negative(parties.headcount, "Effectif total salariés de l'entreprise")
    return replace(
        parties,
        usage_name=_text(parties.usage_name),
        nir=check_nir(parties.nir),
        sex=sex,
        birth_department=_text(parties.birth_department),
        birth_city=_text(parties.birth_city),
        employer_phone=_text(parties.employer_phone),
        employer_email=_text(parties.employer_email),
        pension_fund=_text(parties.pension_fund),
        provident_fund=_text(parties.provident_fund),
        urssaf_number=_text(parties.urssaf_number),
        idcc=check_idcc(parties.idcc),
        opco_member_number=_text(parties.opco_member_number),
        declaration_number=_text(parties.declaration_number),
    )


def checked_cerfa(draft: ContractDraft) -> ContractDraft:
    """The contract's CERFA fields checked and normalised (``contract_draft.checked`` calls
    it); a French UserError names the field and what to do."""
    situation = _optional_code(draft.situation_before, SITUATIONS_BEFORE,
                               "Situation avant ce contrat")
    social = _optional_code(draft.minimum_social, MINIMUM_SOCIAL, "Type de minimum social")
    highest = _optional_code(draft.highest_diploma, DIPLOMAS,
                             "Diplôme ou titre le plus élevé obtenu")
    kind = _optional_code(draft.cerfa_contract_kind, CONTRACT_KINDS, "Type de contrat (CERFA)")
    qualification_type = _optional_code(draft.qualification_type, QUALIFICATION_TYPES,
                                        "Type qualification visée")
    target = _optional_code(draft.target_diploma, DIPLOMAS, "Diplôme ou titre visé")
    nsf = draft.nsf_code.strip()
    if nsf and not _NSF.fullmatch(nsf):
        raise UserError(
            f"Champ « Spécialité de formation » : « {draft.nsf_code} » doit être un code NSF de "
            "trois chiffres, par exemple 314 (comptabilité, gestion).",
            hint="La spécialité figure sur la fiche RNCP de la certification.",
        )
    for value, field in ((draft.france_travail_months, "Durée d'inscription à France Travail"),
                         (draft.trial_days, "Durée de la période d'essai"),
                         (draft.teaching_hours, "Durée des enseignements")):
        _not_negative(value, field)
    if draft.training_body_count is not None and draft.training_body_count < 1:
        raise UserError("Champ « Nombre d'organismes de formation intervenant » : au moins 1 "
                        "(l'organisme principal compris).")
    if (draft.teaching_hours is not None and draft.training_hours is not None
            and draft.teaching_hours > draft.training_hours):
        raise UserError(
            "Champ « dont durée des enseignements » : elle ne peut pas dépasser la durée totale "
            f"de la formation ({draft.training_hours} heures).",
            hint="Vérifiez les deux durées sur la convention de formation.",
        )
    if (draft.training_start_on is not None and draft.exams_end_on is not None
            and draft.exams_end_on < draft.training_start_on):
        raise UserError(
            "Champ « Date prévue de fin des épreuves ou examens » : elle précède le début du "
            "cycle de formation.",
            hint="Vérifiez les deux dates sur le calendrier de la formation.",
        )
    user_naf = check_naf(draft.user_company_naf)
    return replace(
        draft,
        situation_before=situation,
        minimum_social=social,
        highest_diploma=highest,
        cerfa_contract_kind=kind,
        qualification_type=qualification_type,
        target_diploma=target,
        nsf_code=nsf,
        rncp_code=check_rncp(draft.rncp_code),
        user_company_naf=user_naf,
        france_travail_number=_text(draft.france_travail_number),
        user_tutor_last_name=_text(draft.user_tutor_last_name),
        user_tutor_first_name=_text(draft.user_tutor_first_name),
        user_tutor_job=_text(draft.user_tutor_job),
        project_number=_text(draft.project_number),
        classification=_text(draft.classification),
        classification_level=_text(draft.classification_level),
        coefficient=_text(draft.coefficient),
        training_organisation=draft.training_organisation.strip(),
        signed_at_place=_text(draft.signed_at_place),
        parties=None if draft.parties is None else checked_parties(draft.parties),
    )
