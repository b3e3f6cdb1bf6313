"""Contract alerts a coach has acknowledged, with the reason ("accord de branche").

A rule the coach has looked at and set aside stops flagging the contract: the Suivi des
contrats tab lists it apart, with its reason, and no longer counts it. The alerts themselves
are computed by ``contract_rules`` (each with its level: illegal, to check, information).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Contract, ContractAlertAck
from coachdesk.services.checks import required_text
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_rules import RULE_LEVELS
from coachdesk.services.records import get_record

MAX_REASON_LENGTH = 500


def acknowledge_alert(
    db: Database, contract_id: str, code: str, reason: str, *, on: date | None = None
) -> str:
    """Set one alert of a contract aside with the coach's reason (one transaction).

    Acknowledging the same alert again replaces its reason. Returns the acknowledgement's id.

    Raises:
        UserError: no reason given, unknown rule, or the contract no longer exists.
    """
    text = required_text(reason, "Raison")
    if len(text) > MAX_REASON_LENGTH:
        raise UserError(f"La raison fait {len(text)} caractères : {MAX_REASON_LENGTH} au plus.",
                        hint="Raccourcissez-la puis validez à nouveau.")
    if code not in RULE_LEVELS:
        raise UserError(f"Alerte inconnue : « {code} ».")
    with db.write() as session:
        get_record(session, Contract, contract_id, "Contrat")
        day = on or clock_day(session)
        ack = session.scalar(select(ContractAlertAck).where(
            ContractAlertAck.contract_id == contract_id, ContractAlertAck.code == code))
        if ack is None:
            ack = ContractAlertAck(contract_id=contract_id, code=code)
            session.add(ack)
        ack.reason = text
        ack.acknowledged_on = day
        session.flush()
        return ack.id


def withdraw_acknowledgement(db: Database, contract_id: str, code: str) -> None:
    """The alert flags the contract again, its reason forgotten (one transaction): a coach
    who set it aside by mistake takes it back.

    Raises:
        UserError: the alert is not set aside (any more) on that contract.
    """
    with db.write() as session:
        which = (ContractAlertAck.contract_id == contract_id, ContractAlertAck.code == code)
        if session.scalar(select(ContractAlertAck.id).where(*which)) is None:
            raise UserError(
                "Cette alerte n'est pas (ou plus) mise de côté pour ce contrat.",
                hint="Rouvrez l'onglet Suivi des contrats : il montre les alertes telles "
                     "qu'elles sont enregistrées.",
            )
        session.execute(delete(ContractAlertAck).where(*which))


def acknowledgements(
    session: Session, contract_ids: Iterable[str]
) -> dict[str, dict[str, str]]:
    """Per contract, the acknowledged rule codes and their reasons."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    ids = list(contract_ids)
    if not ids:
        return found
    rows = session.execute(
        select(ContractAlertAck.contract_id, ContractAlertAck.code, ContractAlertAck.reason)
        .where(ContractAlertAck.contract_id.in_(ids))
    ).all()
    for contract_id, code, reason in rows:
        found[contract_id][code] = reason
    return found
