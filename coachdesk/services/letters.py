"""Letters and e-mails from templates: the mailing of the recruitment, done rather than logged.

A template is French text with fields in braces — ``{prénom}``, ``{date_réunion}``,
``{téléphone_chargé}``… (:data:`FIELDS`) — stored in the database and edited by the coach; three
defaults (invitation to an information session, relance, convocation) are written from
``resources/letters/modeles_fr.json`` the first time the templates are listed. Field names are
matched without regard to accents or case (``{prenom}`` is ``{prénom}``); an unknown field is
refused with a French message listing those available. ``{{`` and ``}}`` print braces.

:func:`compose_letters` fills a template for each chosen person; the letters are written as one
PDF (``exports/letters_pdf``) or one ``.eml`` draft per person (``exports/letters_eml``) and are
never stored: only the campaign they belong to is recorded (``recruitment.record_campaign``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Coach, Cohort, InfoSession, LetterTemplate, Participant
from coachdesk.paths import resource
from coachdesk.services.clock import clock_day
from coachdesk.services.records import get_record
from coachdesk.services.text import fold, person_name

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
# The shipped templates have the same id on every laptop (from their name): in a team, two
# laptops writing the defaults write the same rows, not two templates of the same name.
DEFAULT_TEMPLATE_NAMESPACE = uuid.UUID("5f0c2f8e-6d1b-4c55-9a3e-2b7d4e8c1a90")

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Every field a template may use, with what it is replaced by (shown to the coach).
FIELDS: dict[str, str] = {
    "prénom": "prénom de la personne",
    "nom": "nom de la personne",
    "adresse": "adresse de la personne",
    "code_postal": "code postal de la personne",
    "ville": "ville de la personne",
    "courriel": "adresse électronique de la personne",
    "date_réunion": "date de la réunion d'information choisie (mardi 2 mars 2010)",
    "heure_réunion": "heure de la réunion (14 h 00)",
    "lieu_réunion": "lieu de la réunion",
    "chargé": "nom du ou de la chargé·e d'accompagnement",
    "téléphone_chargé": "téléphone du ou de la chargé·e",
    "courriel_chargé": "adresse électronique du ou de la chargé·e",
    "structure": "structure du ou de la chargé·e (Cnam, Mission Locale…)",
    "promotion": "nom de la promotion",
    "formation": "formation préparée par la promotion",
    "date_du_jour": "date du jour (2 mars 2010)",
}
SESSION_FIELDS = frozenset({"date_réunion", "heure_réunion", "lieu_réunion"})
NAME_LIMIT = 200
BODY_LIMIT = 20_000

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_BY_KEY = {fold(name).replace(" ", "_"): name for name in FIELDS}


def field_list() -> str:
    """The fields in braces, for messages and the editing dialog."""
    return ", ".join("{" + name + "}" for name in FIELDS)


def _canonical(raw: str) -> str | None:
    return _BY_KEY.get(fold(raw).strip().replace(" ", "_"))


def fields_used(text: str, where: str = "Le modèle") -> list[str]:
    """The fields ``text`` uses (canonical names); a UserError on an unknown or broken one."""
    used: list[str] = []
    for match in _FIELD.finditer(text):
        raw = match.group(1)
        if raw is None:
            continue
        name = _canonical(raw)
        if name is None:
            raise UserError(
                f"{where} contient le champ inconnu « {{{raw}}} ».",
                hint=f"Corrigez-le ; les champs disponibles sont : {field_list()}.",
            )
        used.append(name)
    leftover = _FIELD.sub("", text)
    if "{" in leftover or "}" in leftover:
        raise UserError(
            f"{where} contient une accolade sans sa paire.",
            hint="Chaque champ s'écrit entre deux accolades, par exemple {prénom} ; pour "
            "imprimer une accolade, doublez-la : {{ ou }}.",
        )
    return used


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each field replaced by its value (the text is checked first)."""
    fields_used(text)

    def replace(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole in ("{{", "}}"):
            return whole[0]
        name = _canonical(match.group(1))
        return values.get(name, "") if name else whole

    return _FIELD.sub(replace, text)


def french_day(day: date) -> str:
    """``2 mars 2010``."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


# --- templates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateDraft:
    """What the coach types for one template."""

    name: str
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class LetterTemplateRow:
    id: str
    name: str
    subject: str
    body: str

    @property
    def uses_session(self) -> bool:
        return bool(SESSION_FIELDS & set(fields_used(self.subject + "\n" + self.body)))


def default_templates() -> list[TemplateDraft]:
    """The French templates shipped in resources/letters."""
    data = json.loads(resource("letters", "modeles_fr.json").read_text(encoding="utf-8"))
    return [TemplateDraft(str(item["name"]), str(item["subject"]), str(item["body"]))
            for item in data["templates"]]


def checked_template(draft: TemplateDraft) -> TemplateDraft:
    """The draft cleaned, or a UserError naming the field to correct."""
    name = " ".join(draft.name.split())
    if not name:
        raise UserError("Le champ « Nom du modèle » est obligatoire.",
                        hint="Donnez un nom au modèle, par exemple « Invitation de mars ».")
    if len(name) > NAME_LIMIT:
        raise UserError(f"Le nom du modèle dépasse {NAME_LIMIT} caractères.",
                        hint="Raccourcissez-le.")
    subject = " ".join(draft.subject.split())
    if len(subject) > NAME_LIMIT:
        raise UserError(f"L'objet du modèle dépasse {NAME_LIMIT} caractères.",
                        hint="Raccourcissez-le.")
    body = draft.body.replace("\r\n", "\n").strip("\n")
    if not body.strip():
        raise UserError("Le champ « Texte » du modèle est vide.",
                        hint="Écrivez le texte de la lettre, avec ses champs entre accolades.")
    if len(body) > BODY_LIMIT:
        raise UserError(f"Le texte du modèle dépasse {BODY_LIMIT} caractères.",
                        hint="Raccourcissez-le : une lettre tient sur une page.")
    fields_used(subject, f"L'objet du modèle « {name} »")
    fields_used(body, f"Le texte du modèle « {name} »")
    return TemplateDraft(name, subject, body)


def _row(template: LetterTemplate) -> LetterTemplateRow:
    return LetterTemplateRow(str(template.id), template.name, template.subject, template.body)


def list_templates(database: Database) -> list[LetterTemplateRow]:
    """Every template by name; the shipped defaults are written on first use."""
    with database.read() as session:
        count = session.scalar(select(func.count(LetterTemplate.id))) or 0
    if not count:
        with database.write() as session:
            if not session.scalar(select(func.count(LetterTemplate.id))):
                for draft in default_templates():
                    session.add(LetterTemplate(
                        id=str(uuid.uuid5(DEFAULT_TEMPLATE_NAMESPACE, draft.name)),
                        name=draft.name, subject=draft.subject, body=draft.body))
    with database.read() as session:
        return [_row(template) for template in session.scalars(
            select(LetterTemplate).order_by(LetterTemplate.name))]


def save_template(database: Database, template_id: str | None, draft: TemplateDraft) -> str:
    """Create (``template_id`` None) or replace a template; returns its id."""
    clean = checked_template(draft)
    with database.write() as session:
        clash = session.scalar(select(LetterTemplate.id).where(LetterTemplate.name == clean.name))
        if clash is not None and str(clash) != template_id:
            raise UserError(f"Un modèle s'appelle déjà « {clean.name} ».",
                            hint="Choisissez un autre nom.")
        if template_id is None:
            template = LetterTemplate(name=clean.name)
            session.add(template)
        else:
            template = get_record(session, LetterTemplate, template_id, "Modèle de courrier")
            template.name = clean.name
        template.subject = clean.subject
        template.body = clean.body
        session.flush()
        return str(template.id)


def delete_template(database: Database, template_id: str) -> None:
    with database.write() as session:
        session.delete(get_record(session, LetterTemplate, template_id, "Modèle de courrier"))


# --- letters -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Letter:
    """One filled letter: who it goes to and its text (never stored)."""

    participant_id: str
    name: str
    # The postal address as printed on the letter and its label (« Prénom NOM », street, town).
    address_lines: tuple[str, ...]
    email: str
    # Who signs: name, structure, phone, e-mail (the lines that are known).
    sender_lines: tuple[str, ...]
    sender_email: str
    dated: str
    subject: str
    body: str

    @property
    def has_postal_address(self) -> bool:
        return len(self.address_lines) >= 3


@dataclass(frozen=True, slots=True)
class LetterSet:
    """The letters of one template, and who signs them."""

    template_name: str
    letters: tuple[Letter, ...]


def _coach_values(coach: Coach | None) -> dict[str, str]:
    if coach is None:
        return {"chargé": "", "téléphone_chargé": "", "courriel_chargé": "", "structure": ""}
    return {"chargé": coach.name, "téléphone_chargé": coach.phone,
            "courriel_chargé": coach.email, "structure": coach.structure}


def _session_values(info: InfoSession | None) -> dict[str, str]:
    if info is None:
        return {}
    moment = info.starts_at
    return {"date_réunion": f"{DAYS[moment.weekday()]} {french_day(moment.date())}",
            "heure_réunion": f"{moment.hour} h {moment.minute:02d}",
            "lieu_réunion": info.place}


def compose_letters(
    database: Database,
    template_id: str,
    participant_ids: Iterable[str],
    *,
    session_id: str | None = None,
    coach_id: str | None = None,
) -> LetterSet:
    """The template filled for each person, in the order given.

    The coach ``coach_id`` signs them; without one, each person's own coach does. A template
    speaking of an information session needs ``session_id``.
    """
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise UserError("Aucune personne n'est choisie pour ce courrier.",
                        hint="Sélectionnez dans la liste les personnes à qui écrire.")
    with database.read() as session:
        template = get_record(session, LetterTemplate, template_id, "Modèle de courrier")
        row = _row(template)
        used = set(fields_used(row.subject, f"L'objet du modèle « {row.name} »")) | set(
            fields_used(row.body, f"Le texte du modèle « {row.name} »"))
        info = (get_record(session, InfoSession, session_id, "Réunion d'information")
                if session_id else None)
        if info is None and used & SESSION_FIELDS:
            raise UserError(
                f"Le modèle « {row.name} » parle d'une réunion d'information : choisissez "
                "laquelle.",
                hint="Choisissez la réunion (« Réunion » dans la fenêtre, --session AAAA-MM-JJ "
                "en ligne de commande), ou un modèle sans les champs {date_réunion}, "
                "{heure_réunion} et {lieu_réunion}.",
            )
        signer = get_record(session, Coach, coach_id, "Chargé·e") if coach_id else None
        common = {"date_du_jour": french_day(clock_day(session)), **_session_values(info)}
        letters = [_letter(session, person, row, common, signer) for person in people]
    return LetterSet(row.name, tuple(letters))


def _letter(session: Session, participant_id: str, template: LetterTemplateRow,
            common: dict[str, str], signer: Coach | None) -> Letter:
    person = get_record(session, Participant, participant_id, "Personne")
    cohort = session.get(Cohort, person.cohort_id)
    coach = signer or (session.get(Coach, person.coach_id) if person.coach_id else None)
    values = {
        "prénom": person.first_name, "nom": person.last_name, "adresse": person.address,
        "code_postal": person.postcode, "ville": person.city, "courriel": person.email,
        "promotion": cohort.name if cohort else "",
        "formation": cohort.training_title if cohort else "",
        **_coach_values(coach), **common,
    }
    town = " ".join(part for part in (person.postcode, person.city.upper()) if part)
    addressee = " ".join(part for part in (person.first_name.strip(),
                                           person.last_name.strip().upper()) if part)
    address = tuple(line.strip() for line in (addressee, person.address, town) if line.strip())
    sender = tuple(line for line in (values["chargé"], values["structure"],
                                     values["téléphone_chargé"], values["courriel_chargé"])
                   if line)
    return Letter(str(person.id), person_name(person.last_name, person.first_name), address,
                  person.email.strip(), sender, values["courriel_chargé"],
                  f"Le {common['date_du_jour']}", fill(template.subject, values),
                  fill(template.body, values))


# --- for the command line ----------------------------------------------------------------------


def find_template(database: Database, name: str) -> LetterTemplateRow:
    """The template called ``name`` (case and accents aside), or a UserError listing them."""
    rows = list_templates(database)
    for row in rows:
        if fold(row.name) == fold(name):
            return row
    raise UserError(f"Aucun modèle de courrier ne s'appelle « {name} ».",
                    hint="Modèles de cette base : "
                    + ", ".join(f"« {row.name} »" for row in rows) + ".")


def promotion_people(database: Database, cohort_id: str) -> list[str]:
    """Everybody in the promotion (ids, by name)."""
    with database.read() as session:
        return [str(person) for person in session.scalars(
            select(Participant.id).where(Participant.cohort_id == cohort_id)
            .order_by(Participant.last_name, Participant.first_name))]


def session_on(database: Database, cohort_id: str, day: date) -> str:
    """The promotion's information session on ``day`` (the first, if there are several)."""
    with database.read() as session:
        sessions = session.execute(
            select(InfoSession.id, InfoSession.starts_at)
            .where(InfoSession.cohort_id == cohort_id).order_by(InfoSession.starts_at)).all()
    for session_id, starts_at in sessions:
        if starts_at.date() == day:
            return str(session_id)
    known = ", ".join(f"{starts_at:%d/%m/%Y}" for _, starts_at in sessions) or "aucune"
    raise UserError(f"La promotion n'a pas de réunion d'information le {day:%d/%m/%Y}.",
                    hint=f"Réunions de la promotion : {known}.")
