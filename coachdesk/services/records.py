"""Reading one record by its id inside a service's transaction, or saying it is gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from coachdesk.errors import UserError

Record = TypeVar("Record")


def get_record(session: Session, model: type[Record], record_id: str, what: str) -> Record:
    """The ``model`` row ``record_id``, or a French UserError naming ``what`` (« Offre »…)
    when it no longer exists: deleted meanwhile, from another list or by a GDPR erasure."""
    record = session.get(model, record_id)
    if record is None:
        raise UserError(f"{what} introuvable : la fiche a peut-être été supprimée entre-temps.")
    return record
