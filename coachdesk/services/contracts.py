"""Recording and editing a contrat de professionnalisation, one transaction each.

The terms arrive as one ``ContractDraft`` (``contract_draft``), checked there and stored column
by column; the parties are checked here (the person, the employer, a tutor of that employer, an
offer of that employer). A signed contract confirms the person's provisional enrolment: the
place in the training becomes definitive on the day it is signed (its start when no signature
date is known), never before the enrolment itself. The rupture, the visits and the outcomes that
follow are ``visits`` and ``outcomes``; what the tab shows is ``contract_board``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Contract,
    Employer,
    EmployerContact,
    JobOffer,
    Participant,
    Training,
    TrainingBody,
)
from coachdesk.services.contract_draft import ContractDraft, checked
from coachdesk.services.records import get_record


def _check_parties(session: Session, draft: ContractDraft) -> None:
    assert draft.employer_id is not None  # checked() requires it
    if session.get(Employer, draft.employer_id) is None:
        raise UserError("Employeur introuvable : il a peut-être été supprimé.",
                        hint="Choisissez un autre employeur.")
    if draft.tutor_id is not None:
        tutor = session.get(EmployerContact, draft.tutor_id)
        if tutor is None or tutor.employer_id != draft.employer_id:
            raise UserError("Le tuteur choisi ne fait pas partie de cet employeur.",
                            hint="Choisissez un tuteur parmi les contacts de l'employeur.")
    if draft.offer_id is not None:
        offer = session.get(JobOffer, draft.offer_id)
        if offer is None or offer.employer_id != draft.employer_id:
            raise UserError("L'offre choisie n'est pas une offre de cet employeur.",
                            hint="Choisissez une offre de l'employeur, ou aucune.")
    if draft.training_body_id is not None and session.get(
            TrainingBody, draft.training_body_id) is None:
        raise UserError("L'organisme de formation choisi n'existe plus dans la base.",
                        hint="Choisissez-en un autre dans la liste.")


def _store_parties(session: Session, participant_id: str, draft: ContractDraft) -> None:
    """The CERFA facts of the person, the employer, the tutor and the training body, written
    to their own records in the contract's transaction (nothing when the draft has none)."""
    parties = draft.parties
    if parties is None:
        return
    person = session.get(Participant, participant_id)
    if person is not None:
        person.usage_name = parties.usage_name
        person.nir = parties.nir
        person.sex = parties.sex
        person.birth_department = parties.birth_department
        person.birth_city = parties.birth_city
    employer = session.get(Employer, draft.employer_id)
    if employer is not None:
        employer.phone = parties.employer_phone
        employer.email = parties.employer_email
        employer.pension_fund = parties.pension_fund
        employer.provident_fund = parties.provident_fund
        employer.private_employer = parties.private_employer
        employer.urssaf_number = parties.urssaf_number
        employer.headcount = parties.headcount
        employer.idcc = parties.idcc
        employer.opco_member_number = parties.opco_member_number
    tutor = session.get(EmployerContact, draft.tutor_id) if draft.tutor_id else None
    if tutor is not None:
        tutor.birth_date = parties.tutor_birth_date
    body = session.get(TrainingBody, draft.training_body_id) if draft.training_body_id else None
    if body is not None:
        body.declaration_number = parties.declaration_number


def _share_training(session: Session, contract: Contract) -> None:
    """The contract's training body and training start are those of its followed training:
    set on the CERFA, they are set on the training (when one is recorded) too."""
    training = session.scalar(select(Training).where(Training.contract_id == contract.id))
    if training is None:
        return
    if contract.training_body_id is not None:
        training.training_body_id = contract.training_body_id
    if contract.training_start_on is not None:
        training.start_date = contract.training_start_on


def record_contract(db: Database, participant_id: str, draft: ContractDraft) -> str:
    """Record a signed contract; it confirms the person's provisional enrolment.

    Raises:
        UserError: a term is wrong (see ``contract_draft.checked``), or the person, the
            employer, the tutor or the offer is not (or no longer) what the draft says.
    """
    clean = checked(draft)
    with db.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        _check_parties(session, clean)
        contract = Contract(participant_id=participant_id, **clean.columns())
        session.add(contract)
        _store_parties(session, participant_id, clean)
        session.flush()
        return contract.id


def update_contract(db: Database, contract_id: str, draft: ContractDraft) -> None:
    """Change the terms of a recorded contract (its person stays), with the same checks.

    Filled in weeks later too: the date sent to the OPCO, its decision and the decision date.
    A confirmed enrolment keeps the date of the person's first contract.
    """
    clean = checked(draft)
    with db.write() as session:
        contract = get_record(session, Contract, contract_id, "Contrat")
        _check_parties(session, clean)
        if contract.rupture_on is not None and contract.rupture_on < clean.start_date:
            raise UserError(
                f"Le contrat a été rompu le {contract.rupture_on:%d/%m/%Y} : il ne peut pas "
                "commencer après.",
                hint="Vérifiez la date de début.",
            )
        for name, value in clean.columns().items():
            setattr(contract, name, value)
        _store_parties(session, contract.participant_id, clean)
        _share_training(session, contract)
        session.flush()
