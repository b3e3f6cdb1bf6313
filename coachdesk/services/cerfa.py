"""Every field of the CERFA n° 12434 (contrat de professionnalisation, EJ 20) with its value for
one contract: the OPCO file, and what is still missing before the contract is sent.

``FIELDS`` lists the form's fields in its reading order with its own wording (CERFA
n° 12434*05 and its notice n° 51650#09); ``cerfa_lines`` gives each its value from the
contract, the person, the employer, the tutor and the training body. A field is *required*
when the form or the notice sets no condition on it, or when its condition holds (the URSSAF
number of a particulier-employeur, the RNCP code of an RNCP certification…); the signatures
are made by hand and never reported missing. The address number, the complement, the usage
name, the tutor attestation and « Organisation de la formation » are printed on the form with
no rule found in the notice: they are listed, never required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Contract, Employer, EmployerContact, Participant, TrainingBody
from coachdesk.services.cerfa_checks import (
    AMENDMENT_KIND,
    CONTRACT_KINDS,
    DIPLOMAS,
    MINIMUM_SOCIAL,
    QUALIFICATION_TYPES,
    RNCP_QUALIFICATION,
    SITUATIONS_BEFORE,
    CerfaParties,
)
from coachdesk.services.contract_draft import ContractDraft, draft_of
from coachdesk.services.contract_rules import fr_date

EMPLOYER = "Employeur"
EMPLOYEE = "Salarié"
TUTOR = "Tuteur"
CONTRACT = "Contrat"
TRAINING_BODY = "Organisme de formation"
TRAINING = "Formation"
SIGNATURES = "Signatures"
OPCO = "Cadre réservé à l'OPCO"

# (section, order, the form's label, required): required is True (always), False (never), or
# the name of the condition in ``_CONDITIONS``.
FIELDS: tuple[tuple[str, int, str, bool | str], ...] = (
    (EMPLOYER, 1, "Nom et prénom ou dénomination", True),
    (EMPLOYER, 2, "Adresse de l'établissement d'exécution du contrat - N°", False),
    (EMPLOYER, 3, "Adresse de l'établissement d'exécution du contrat - Voie", True),
    (EMPLOYER, 4, "Adresse de l'établissement d'exécution du contrat - Complément", False),
    (EMPLOYER, 5, "Code postal", True),
    (EMPLOYER, 6, "Commune", True),
    (EMPLOYER, 7, "Téléphone", True),
    (EMPLOYER, 8, "Courriel", True),
    (EMPLOYER, 9, "Caisse de retraite complémentaire", True),
    (EMPLOYER, 10, "Organisme de prévoyance le cas échéant", False),
    (EMPLOYER, 11, "Particulier-employeur : oui / non", True),
    (EMPLOYER, 12, "N° URSSAF du particulier-employeur", "private_employer"),
    (EMPLOYER, 13, "N° SIRET de l'établissement d'exécution du contrat", True),
    (EMPLOYER, 14, "Code activité de l'entreprise (NAF)", "company"),
    (EMPLOYER, 15, "Effectif total salariés de l'entreprise", True),
    (EMPLOYER, 16, "Code IDCC de la convention collective applicable", True),
    (EMPLOYER, 17, "Numéro du projet*", False),
    (EMPLOYEE, 18, "Nom de naissance du salarié", True),
    (EMPLOYEE, 19, "Nom d'usage", False),
    (EMPLOYEE, 20, "Le premier prénom du salarié selon l'état civil", True),
    (EMPLOYEE, 21, "Adresse du salarié - N°", False),
    (EMPLOYEE, 22, "Adresse du salarié - Voie", True),
    (EMPLOYEE, 23, "Adresse du salarié - Complément", False),
    (EMPLOYEE, 24, "Code postal", True),
    (EMPLOYEE, 25, "Commune", True),
    (EMPLOYEE, 26, "Téléphone", True),
    (EMPLOYEE, 27, "Courriel", True),
    (EMPLOYEE, 28, "NIR du salarié", True),
    (EMPLOYEE, 29, "Date de naissance", True),
    (EMPLOYEE, 30, "Sexe : M / F", True),
    (EMPLOYEE, 31, "Département de naissance", True),
    (EMPLOYEE, 32, "Commune de naissance", True),
    (EMPLOYEE, 33, "Déclare bénéficier de la reconnaissance de travailleur handicapé : "
     "oui / non", True),
    (EMPLOYEE, 34, "Si non, bénéficiez-vous de droits attachés à la RQTH - Équivalence "
     "jeunes : oui / non", False),
    (EMPLOYEE, 35, "Si non, bénéficiez-vous de droits attachés à la RQTH - Extension BOE : "
     "oui / non", False),
    (EMPLOYEE, 36, "Inscrit à France Travail : oui / non", True),
    (EMPLOYEE, 37, "Si oui, numéro d'inscription", "job_seeker"),
    (EMPLOYEE, 38, "Durée : ... mois", "job_seeker"),
    (EMPLOYEE, 39, "Situation avant ce contrat", True),
    (EMPLOYEE, 40, "Type de minimum social, si bénéficiaire", False),
    (EMPLOYEE, 41, "Diplôme ou titre le plus élevé obtenu", True),
    (TUTOR, 42, "Tuteur au sein de l'établissement employeur - Nom", True),
    (TUTOR, 43, "Tuteur au sein de l'établissement employeur - Prénom", True),
    (TUTOR, 44, "Tuteur au sein de l'établissement employeur - Emploi occupé", True),
    (TUTOR, 45, "Tuteur au sein de l'établissement employeur - Date de naissance", True),
    (TUTOR, 46, "Tuteur de l'entreprise utilisatrice, si travail temporaire ou Groupement "
     "d'employeur - Nom", False),
    (TUTOR, 47, "Tuteur de l'entreprise utilisatrice, si travail temporaire ou Groupement "
     "d'employeur - Prénom", False),
    (TUTOR, 48, "Tuteur de l'entreprise utilisatrice, si travail temporaire ou Groupement "
     "d'employeur - Emploi occupé", False),
    (TUTOR, 49, "Tuteur de l'entreprise utilisatrice, si travail temporaire ou Groupement "
     "d'employeur - Date de naissance", False),
    (TUTOR, 50, "Code activité de l'entreprise utilisatrice (NAF)*", False),
    (TUTOR, 51, "L'employeur atteste sur l'honneur que le tuteur répond à l'ensemble des "
     "critères d'éligibilité à cette fonction", False),
    (CONTRACT, 52, "Nature du contrat : CDI / CDD / travail temporaire", True),
    (CONTRACT, 53, "Si le présent contrat de professionnalisation vaut avenant au contrat de "
     "travail initial cochez la case ci-contre*", False),
    (CONTRACT, 54, "Type de contrat", True),
    (CONTRACT, 55, "Emploi occupé pendant le contrat (intitulé précis)", True),
    (CONTRACT, 56, "Classification de l'emploi dans la convention collective", True),
    (CONTRACT, 57, "Niveau", True),
    (CONTRACT, 58, "Coefficient hiérarchique", True),
    (CONTRACT, 59, "Durée de la période d'essai : ... jours", False),
    (CONTRACT, 60, "Date de début d'exécution du contrat", True),
    (CONTRACT, 61, "Si avenant, date d'effet", "amendment"),
    (CONTRACT, 62, "Date de fin du CDD ou de l'action de professionnalisation si CDI", True),
    (CONTRACT, 63, "Durée hebdomadaire du travail : ... heures ... minutes", True),
    (CONTRACT, 64, "Date de conclusion (date de signatures du contrat)", True),
    (CONTRACT, 65, "Salaire brut mensuel à l'embauche (ou salaire brut horaire pour un contrat "
     "de travail temporaire)", True),
    (TRAINING_BODY, 66, "Dénomination de l'organisme de formation principal", True),
    (TRAINING_BODY, 67, "N° SIRET de l'organisme de formation principal", True),
    (TRAINING_BODY, 68, "N° de déclaration d'activité de cet organisme", "external_training"),
    (TRAINING_BODY, 69, "S'agit-il d'un service de formation interne : oui / non", True),
    (TRAINING_BODY, 70, "L'employeur atteste que le service de formation interne dispose des "
     "moyens nécessaires à la réalisation de la formation du salarié", "internal_training"),
    (TRAINING_BODY, 71, "Nombre d'organismes de formation intervenant", True),
    (TRAINING, 72, "Type qualification visée", True),
    (TRAINING, 73, "Diplôme ou titre visé", True),
    (TRAINING, 74, "Code RNCP", "rncp"),
    (TRAINING, 75, "Intitulé précis", True),
    (TRAINING, 76, "Spécialité de formation", True),
    (TRAINING, 77, "Organisation de la formation", False),
    (TRAINING, 78, "Durée totale des actions d'évaluation, d'accompagnement et des "
     "enseignements : ... heures", True),
    (TRAINING, 79, "dont durée des enseignements généraux, professionnels et technologiques : "
     "... heures", True),
    (TRAINING, 80, "Date de début du cycle de formation", True),
    (TRAINING, 81, "Date prévue de fin des épreuves ou examens", True),
    (SIGNATURES, 82, "Fait à", True),
    (SIGNATURES, 83, "Signature de l'employeur", False),
    (SIGNATURES, 84, "Signature du salarié", False),
    (OPCO, 85, "Nom de l'OPCO", False),
    (OPCO, 86, "N° Adhérent de l'employeur à l'OPCO s'il existe", False),
)
SIGNED_BY_HAND = "(signature manuscrite)"
_CONTRACT_NATURES = {"cdd": "CDD", "cdi": "CDI"}
_STREET_NUMBER = re.compile(r"^(\d+\s*(?:bis|ter|quater|[A-Za-z](?![A-Za-z]))?)[\s,]+(.+)$")


@dataclass(frozen=True, slots=True)
class CerfaLine:
    """One field of the form: its section, number, label, value (as text) and whether the
    form asks for it for this contract."""

    section: str
    order: int
    label: str
    value: str
    required: bool

    @property
    def missing(self) -> bool:
        return self.required and not self.value


@dataclass(frozen=True, slots=True)
class OpcoFile:
    """The OPCO file of one contract: every field of the CERFA, in its order."""

    contract_id: str
    starts_on: date
    lines: tuple[CerfaLine, ...]

    @property
    def missing(self) -> list[str]:
        return [line.label for line in self.lines if line.missing]


def split_address(address: str) -> tuple[str, str]:
    """« 12 bis rue des Lilas » → (« 12 bis », « rue des Lilas »); no number → (« », address)."""
    text = " ".join(address.split())
    match = _STREET_NUMBER.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Oui" if value else "Non")


def _coded(code: str | None, vocabulary: dict[str, str]) -> str:
    return f"{code} - {vocabulary[code]}" if code in vocabulary else ""


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _hours(hours: Decimal | None) -> str:
    if hours is None:
        return ""
    minutes = int((hours * 60).to_integral_value())
    return f"{minutes // 60} heures {minutes % 60:02d} minutes"


def _euros(cents: int | None) -> str:
    if cents is None:
        return ""
    whole = f"{cents // 100:,}".replace(",", " ")
    return f"{whole},{cents % 100:02d} €"


@dataclass(frozen=True, slots=True)
class _Facts:
    draft: ContractDraft
    parties: CerfaParties
    person: Participant | None
    employer: Employer | None
    tutor: EmployerContact | None
    body: TrainingBody | None


def _parties_in(session: Session, participant_id: str | None, draft: ContractDraft
               ) -> CerfaParties:
    """The parties' CERFA facts as stored (what the contract dialog shows)."""
    person = session.get(Participant, participant_id) if participant_id else None
    employer = session.get(Employer, draft.employer_id) if draft.employer_id else None
    tutor = session.get(EmployerContact, draft.tutor_id) if draft.tutor_id else None
    body = session.get(TrainingBody, draft.training_body_id) if draft.training_body_id else None
    return CerfaParties(
        usage_name=person.usage_name if person else "",
        nir=person.nir if person else "",
        sex=person.sex if person else "",
        birth_department=person.birth_department if person else "",
        birth_city=person.birth_city if person else "",
        employer_phone=employer.phone if employer else "",
        employer_email=employer.email if employer else "",
        pension_fund=employer.pension_fund if employer else "",
        provident_fund=employer.provident_fund if employer else "",
        private_employer=employer.private_employer if employer else None,
        urssaf_number=employer.urssaf_number if employer else "",
        headcount=employer.headcount if employer else None,
        idcc=employer.idcc if employer else "",
        opco_member_number=employer.opco_member_number if employer else "",
        tutor_birth_date=tutor.birth_date if tutor else None,
        declaration_number=body.declaration_number if body else "",
    )


def stored_parties(db: Database, participant_id: str | None, draft: ContractDraft
                   ) -> CerfaParties:
    """The parties' CERFA facts as their records hold them (one read): what the contract
    dialog shows, and reloads when another person, employer, tutor or body is chosen."""
    with db.read() as session:
        return _parties_in(session, participant_id, draft)


def _required(rule: bool | str, facts: _Facts) -> bool:
    if isinstance(rule, bool):
        return rule
    draft, parties = facts.draft, facts.parties
    conditions = {
        "private_employer": parties.private_employer is True,
        "company": parties.private_employer is not True,
        "job_seeker": draft.france_travail_registered is True,
        "amendment": draft.cerfa_contract_kind == AMENDMENT_KIND,
        "external_training": draft.internal_training is not True,
        "internal_training": draft.internal_training is True,
        "rncp": draft.qualification_type == RNCP_QUALIFICATION,
    }
    return conditions[rule]


def _values(facts: _Facts) -> dict[int, str]:
    draft, parties = facts.draft, facts.parties
    person, employer, tutor, body = facts.person, facts.employer, facts.tutor, facts.body
    employer_number, employer_street = split_address(employer.address if employer else "")
    person_number, person_street = split_address(person.address if person else "")
    siret = draft.workplace_siret or (employer.siret if employer else None) or ""
    internal = draft.internal_training is True
    body_siret = (siret if internal else (body.siret if body else None)) or ""
    values = {
        1: employer.name if employer else "", 2: employer_number, 3: employer_street,
        5: employer.postcode if employer else "", 6: employer.city if employer else "",
        7: parties.employer_phone, 8: parties.employer_email, 9: parties.pension_fund,
        10: parties.provident_fund, 11: _yes_no(parties.private_employer),
        12: parties.urssaf_number, 13: siret,
        14: (employer.naf_code if employer else "").replace(".", ""),
        15: _number(parties.headcount), 16: parties.idcc, 17: draft.project_number,
        18: person.last_name if person else "", 19: parties.usage_name,
        20: person.first_name.split()[0] if person and person.first_name.split() else "",
        21: person_number, 22: person_street, 24: person.postcode if person else "",
        25: person.city if person else "", 26: person.phone if person else "",
        27: person.email if person else "", 28: parties.nir,
        29: fr_date(person.birth_date if person else None), 30: parties.sex,
        31: parties.birth_department, 32: parties.birth_city, 33: _yes_no(draft.rqth),
        34: _yes_no(draft.rqth_youth_equivalence), 35: _yes_no(draft.rqth_boe_extension),
        36: _yes_no(draft.france_travail_registered), 37: draft.france_travail_number,
        38: _number(draft.france_travail_months),
        39: _coded(draft.situation_before, SITUATIONS_BEFORE),
        40: _coded(draft.minimum_social, MINIMUM_SOCIAL),
        41: _coded(draft.highest_diploma, DIPLOMAS),
        42: tutor.last_name if tutor else "", 43: tutor.first_name if tutor else "",
        44: tutor.role if tutor else "", 45: fr_date(parties.tutor_birth_date),
        46: draft.user_tutor_last_name, 47: draft.user_tutor_first_name,
        48: draft.user_tutor_job, 49: fr_date(draft.user_tutor_birth_date),
        50: draft.user_company_naf.replace(".", ""), 51: _yes_no(draft.tutor_attested),
        52: "" if draft.vae_amendment else _CONTRACT_NATURES.get(draft.contract_type, ""),
        53: "Oui" if draft.vae_amendment else "",
        54: _coded(draft.cerfa_contract_kind, CONTRACT_KINDS), 55: draft.job_title,
        56: draft.classification, 57: draft.classification_level, 58: draft.coefficient,
        59: _number(draft.trial_days), 60: fr_date(draft.start_date),
        61: fr_date(draft.amendment_effective_on), 62: fr_date(draft.end_date),
        63: _hours(draft.weekly_hours), 64: fr_date(draft.signed_on),
        65: _euros(draft.gross_monthly_pay_cents),
        66: body.name if body else "", 67: body_siret,
        68: parties.declaration_number, 69: _yes_no(draft.internal_training),
        70: _yes_no(draft.internal_training_attested),
        71: _number(draft.training_body_count),
        72: _coded(draft.qualification_type, QUALIFICATION_TYPES),
        73: _coded(draft.target_diploma, DIPLOMAS), 74: draft.rncp_code,
        75: draft.qualification, 76: draft.nsf_code, 77: draft.training_organisation,
        78: _number(draft.training_hours), 79: _number(draft.teaching_hours),
        80: fr_date(draft.training_start_on), 81: fr_date(draft.exams_end_on),
        82: draft.signed_at_place, 83: SIGNED_BY_HAND, 84: SIGNED_BY_HAND, 85: draft.opco,
        86: parties.opco_member_number,
    }
    return values


def _lines(facts: _Facts) -> tuple[CerfaLine, ...]:
    values = _values(facts)
    return tuple(
        CerfaLine(section, order, label, values.get(order, ""), _required(rule, facts))
        for section, order, label, rule in FIELDS
    )


def _facts(session: Session, participant_id: str | None, draft: ContractDraft) -> _Facts:
    parties = draft.parties or _parties_in(session, participant_id, draft)
    return _Facts(
        draft, parties,
        session.get(Participant, participant_id) if participant_id else None,
        session.get(Employer, draft.employer_id) if draft.employer_id else None,
        session.get(EmployerContact, draft.tutor_id) if draft.tutor_id else None,
        session.get(TrainingBody, draft.training_body_id) if draft.training_body_id else None,
    )


def missing_before_sending(db: Database, participant_id: str | None, draft: ContractDraft
                           ) -> list[str]:
    """The labels of the CERFA fields still empty for this draft, in the form's order (the
    contract dialog shows them; saving is never blocked by them)."""
    with db.read() as session:
        return [line.label for line in _lines(_facts(session, participant_id, draft))
                if line.missing]


def cohort_training_body(db: Database, cohort_id: str) -> str | None:
    """The training body a promotion is trained by: a new contract's, by default."""
    with db.read() as session:
        cohort = session.get(Cohort, cohort_id)
        return cohort.training_body_id if cohort is not None else None


def opco_file(db: Database, contract_id: str) -> OpcoFile:
    """Every CERFA field of a recorded contract, in the form's order and wording.

    Raises:
        UserError: no contract has this id.
    """
    with db.read() as session:
        contract = session.get(Contract, contract_id)
        if contract is None:
            raise UserError(
                f"Aucun contrat n'a l'identifiant « {contract_id} ».",
                hint="Vérifiez l'identifiant du contrat, puis relancez.",
            )
        draft = draft_of(contract)
        facts = _facts(session, contract.participant_id, draft)
        return OpcoFile(contract.id, draft.start_date, _lines(facts))


def as_rows(file: OpcoFile) -> list[tuple[Any, ...]]:
    """The file as rows (section, number, label, value), for the workbook."""
    return [(line.section, line.order, line.label, line.value) for line in file.lines]
