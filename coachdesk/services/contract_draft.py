"""A contract's terms as a coach types them: the one draft every contract path shares.

The contract dialog fills its widgets from a ``ContractDraft`` and reads one back; recording
and editing a contract store it field by field (``contracts.record_contract`` and
``update_contract``); the Suivi des contrats tab, the agenda and the visit report rebuild it
from the stored row (``draft_of``); the legal checks of ``contract_rules`` read it. Each field
is named as its ``Contract`` column, so a new CERFA field is one field here (and its column)
plus its widget in the dialog: nothing copies the terms by hand anywhere else.

Money is in cents (``gross_monthly_pay`` and ``branch_minimum`` give the Decimal euros the
rules compute with), hours in Decimal, dates as dates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.cerfa_checks import (
    CONTRACT_KINDS,
    DIPLOMAS,
    MINIMUM_SOCIAL,
    NSF_CODE,
    QUALIFICATION_TYPES,
    SITUATIONS_BEFORE,
    CerfaParties,
    checked_parties,
    clean_text,
    not_negative,
    optional_code,
)
from coachdesk.services.checks import check_code, check_naf, check_order, check_rncp, check_siret
from coachdesk.services.rome import check_rome_code

MAX_WEEKLY_HOURS = 48


def _euros(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents) / 100


def euros_to_cents(amount: Decimal | None) -> int | None:
    """Decimal euros (« 1 075,02 » typed) to the cents a draft holds."""
    return None if amount is None else int((amount * 100).to_integral_value())


@dataclass(frozen=True, slots=True)
class ContractDraft:
    """Every term of a contrat de professionnalisation (CERFA EJ20) the coach fills in.

    A draft may be incomplete while the coach types (no employer chosen yet, no pay): the legal
    checks run on it as it is; ``checked`` says what must be fixed before it is stored.
    """

    start_date: date
    contract_type: str = "cdd"
    end_date: date | None = None
    signed_on: date | None = None
    # The trial period written in the contract, when it differs from the legal computation.
    trial_period_end_override: date | None = None
    employer_id: str | None = None
    workplace_siret: str | None = None
    tutor_id: str | None = None
    offer_id: str | None = None
    job_title: str = ""
    rome_code: str = ""
    qualification: str = ""
    weekly_hours: Decimal | None = None
    training_hours: int | None = None
    gross_monthly_pay_cents: int | None = None
    branch_minimum_cents: int | None = None
    opco: str = ""
    sent_to_opco_on: date | None = None
    opco_decision: str | None = None
    opco_decision_on: date | None = None
    # The rest of the CERFA n° 12434, in the form's order (``services.cerfa`` has the wording).
    situation_before: str | None = None
    minimum_social: str | None = None
    highest_diploma: str | None = None
    rqth: bool | None = None
    rqth_youth_equivalence: bool | None = None
    rqth_boe_extension: bool | None = None
    france_travail_registered: bool | None = None
    france_travail_number: str = ""
    france_travail_months: int | None = None
    user_tutor_last_name: str = ""
    user_tutor_first_name: str = ""
    user_tutor_job: str = ""
    user_tutor_birth_date: date | None = None
    user_company_naf: str = ""
    tutor_attested: bool | None = None
    project_number: str = ""
    vae_amendment: bool = False
    cerfa_contract_kind: str | None = None
    amendment_effective_on: date | None = None
    classification: str = ""
    classification_level: str = ""
    coefficient: str = ""
    trial_days: int | None = None
    training_body_id: str | None = None
    internal_training: bool | None = None
    internal_training_attested: bool | None = None
    training_body_count: int | None = None
    qualification_type: str | None = None
    target_diploma: str | None = None
    rncp_code: str = ""
    nsf_code: str = ""
    training_organisation: str = ""
    teaching_hours: int | None = None
    training_start_on: date | None = None
    exams_end_on: date | None = None
    signed_at_place: str = ""
    # What the CERFA asks of the person, the employer, the tutor and the training body, kept on
    # their own records: None leaves those records as they are (a draft rebuilt from the
    # contract row alone); the contract dialog always gives them.
    parties: CerfaParties | None = None

    @property
    def gross_monthly_pay(self) -> Decimal | None:
        """The gross monthly pay in Decimal euros, as the pay rules compute."""
        return _euros(self.gross_monthly_pay_cents)

    @property
    def branch_minimum(self) -> Decimal | None:
        return _euros(self.branch_minimum_cents)

    def columns(self) -> dict[str, Any]:
        """The values to store, by ``Contract`` column (the hours as the column holds them)."""
        values = {name: getattr(self, name) for name in DRAFT_FIELDS}
        if self.weekly_hours is not None:
            values["weekly_hours"] = float(self.weekly_hours)
        return values


# The draft's fields stored as ``Contract`` columns (the parties live on their own records).
DRAFT_FIELDS = tuple(field.name for field in fields(ContractDraft) if field.name != "parties")


def draft_of(row: Any) -> ContractDraft:
    """The draft of a stored contract: an ORM ``Contract`` or a Core row with its column names."""
    values = {name: getattr(row, name) for name in DRAFT_FIELDS}
    if values["weekly_hours"] is not None:
        # The column holds one decimal as a float: its text is the exact value typed.
        values["weekly_hours"] = Decimal(str(values["weekly_hours"]))
    return ContractDraft(**values)


def _clean_text(value: str | None) -> str:
    return (value or "").strip()


def checked(draft: ContractDraft) -> ContractDraft:
    """The draft ready to store (texts trimmed, codes normalised), or a French UserError saying
    which field is wrong. Recording and editing a contract both pass through here."""
    if not draft.employer_id:
        raise UserError(
            "Champ « Employeur » : choisissez l'employeur du contrat.",
            hint="Tapez quelques lettres de son nom et choisissez-le ; ajoutez-le d'abord dans "
            "l'onglet Employeurs s'il n'y est pas.",
        )
    check_code(draft.contract_type, codes.CONTRACT_TYPES, "Type de contrat")
    if draft.contract_type == "cdd" and draft.end_date is None:
        raise UserError("Un contrat à durée déterminée doit avoir une date de fin.")
    if draft.end_date is not None and draft.end_date <= draft.start_date:
        raise UserError(
            "Le contrat ne peut pas finir avant d'avoir commencé.",
            hint="Vérifiez les dates de début et de fin.",
        )
    override = draft.trial_period_end_override
    if override is not None and override < draft.start_date:
        raise UserError(
            "Champ « Période d'essai » : la fin de la période d'essai précède le début du "
            "contrat.",
            hint="Vérifiez la date écrite dans le contrat, ou décochez-la.",
        )
    siret = check_siret(draft.workplace_siret, "SIRET du lieu de travail")
    hours = draft.weekly_hours
    if hours is not None and not 0 < hours <= MAX_WEEKLY_HOURS:
        raise UserError(f"Champ « Heures par semaine » : entre 1 et {MAX_WEEKLY_HOURS} heures.")
    if draft.training_hours is not None and draft.training_hours < 0:
        raise UserError("Champ « Heures de formation » : le nombre ne peut pas être négatif.")
    for cents, field in ((draft.gross_monthly_pay_cents, "Salaire brut mensuel"),
                         (draft.branch_minimum_cents, "Minimum conventionnel de branche")):
        if cents is not None and cents < 0:
            raise UserError(f"Champ « {field} » : le montant ne peut pas être négatif.")
    if draft.opco_decision is not None:
        check_code(draft.opco_decision, codes.OPCO_DECISIONS, "Décision de l'OPCO")
    check_order(
        draft.sent_to_opco_on,
        draft.opco_decision_on,
        "Champ « Date de la décision » : l'OPCO ne peut pas décider avant d'avoir reçu le "
        "contrat.",
    )
    rome_code = _clean_text(draft.rome_code)
    if rome_code:
        rome_code = check_rome_code(rome_code, field="Code ROME du contrat")
    draft = _checked_cerfa(draft)
    return replace(
        draft,
        workplace_siret=siret,
        rome_code=rome_code,
        job_title=_clean_text(draft.job_title),
        qualification=_clean_text(draft.qualification),
        opco=_clean_text(draft.opco),
    )


def _checked_cerfa(draft: ContractDraft) -> ContractDraft:
    """The contract's CERFA fields checked and normalised (the code lists and the parties'
    checks are ``cerfa_checks``'); a French UserError names the field and what to do."""
    situation = optional_code(draft.situation_before, SITUATIONS_BEFORE,
                               "Situation avant ce contrat")
    social = optional_code(draft.minimum_social, MINIMUM_SOCIAL, "Type de minimum social")
    highest = optional_code(draft.highest_diploma, DIPLOMAS,
                             "Diplôme ou titre le plus élevé obtenu")
    kind = optional_code(draft.cerfa_contract_kind, CONTRACT_KINDS, "Type de contrat (CERFA)")
    qualification_type = optional_code(draft.qualification_type, QUALIFICATION_TYPES,
                                        "Type qualification visée")
    target = optional_code(draft.target_diploma, DIPLOMAS, "Diplôme ou titre visé")
    nsf = draft.nsf_code.strip()
    if nsf and not NSF_CODE.fullmatch(nsf):
        raise UserError(
            f"Champ « Spécialité de formation » : « {draft.nsf_code} » doit être un code NSF de "
            "trois chiffres, par exemple 314 (comptabilité, gestion).",
            hint="La spécialité figure sur la fiche RNCP de la certification.",
        )
    for value, field in ((draft.france_travail_months, "Durée d'inscription à France Travail"),
                         (draft.trial_days, "Durée de la période d'essai"),
                         (draft.teaching_hours, "Durée des enseignements")):
        not_negative(value, field)
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
        france_travail_number=clean_text(draft.france_travail_number),
        user_tutor_last_name=clean_text(draft.user_tutor_last_name),
        user_tutor_first_name=clean_text(draft.user_tutor_first_name),
        user_tutor_job=clean_text(draft.user_tutor_job),
        project_number=clean_text(draft.project_number),
        classification=clean_text(draft.classification),
        classification_level=clean_text(draft.classification_level),
        coefficient=clean_text(draft.coefficient),
        training_organisation=draft.training_organisation.strip(),
        signed_at_place=clean_text(draft.signed_at_place),
        parties=None if draft.parties is None else checked_parties(draft.parties),
    )
