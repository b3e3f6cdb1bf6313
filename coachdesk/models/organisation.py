"""Who runs the programme: the coaches, and the training bodies a promotion is trained by.

A coach is a record rather than a name typed again on every form: the person a participant
is followed by, who made a call, who visited a company all point at one. Coaches are archived,
never deleted, when they leave: what they did stays theirs. In team mode these rows are shared
by the whole team (``coachdesk.sync.tables.TEAM_WIDE``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Entity, ShortText


class Coach(Entity):
    """A chargé·e d'accompagnement (a Cnam coach, a Mission Locale adviser, an external coach)."""

    __tablename__ = "coach"

    name: Mapped[str] = mapped_column(ShortText)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(ShortText, default="")
    # The coach's employer or network (« Cnam Picardie », « Mission Locale d'Amiens »).
    structure: Mapped[str] = mapped_column(ShortText, default="")
    # A coach who left: hidden from the pickers, still named on what they did.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime())


class TrainingBody(Entity):
    """An organisme de formation: where a promotion is trained (CERFA: SIRET and UAI)."""

    __tablename__ = "training_body"
    __table_args__ = (
        CheckConstraint("siret IS NULL OR length(siret) = 14", name="siret_length"),
        CheckConstraint("uai IS NULL OR length(uai) = 8", name="uai_length"),
    )

    name: Mapped[str] = mapped_column(ShortText)
    siret: Mapped[str | None] = mapped_column(String(14))
    # Unité administrative immatriculée: seven digits and a key letter (0802103W).
    uai: Mapped[str | None] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(ShortText, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(ShortText, default="")
    # N° de déclaration d'activité, given by the préfet (asked by the CERFA).
    declaration_number: Mapped[str] = mapped_column(String(20), default="")
