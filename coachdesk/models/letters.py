"""Letter and e-mail templates: the invitations, reminders and convocations a coach sends.

A template holds French text with fields in braces (``{prénom}``, ``{date_réunion}``…), never a
person: the letters are filled in when they are written, from the person's file, and are not
kept in the database.
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Entity, ShortText


class LetterTemplate(Entity):
    """One editable template: its name, the subject (« Objet » of a letter, an e-mail's
    subject) and the body."""

    __tablename__ = "letter_template"

    name: Mapped[str] = mapped_column(ShortText, unique=True)
    subject: Mapped[str] = mapped_column(ShortText, default="")
    body: Mapped[str] = mapped_column(Text, default="")
