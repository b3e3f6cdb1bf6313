"""Campaigns (a mailing, the e-mails of a template, the Mission Locale's invitations) and the
answers they bring.

A campaign is the name recorded on the outreach rows it sent (``recruitment.record_campaign``,
outcome « envoyé »). An answer is one more outreach row under the same campaign name, dated the
day it came, with the channel it came by and its outcome (interested or not): so the funnel
counts the answers per campaign and per source (``services.funnel_sources``), and the person's
history shows the answer beside the letter.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Outreach, Participant, codes

# The outcomes that are an answer of the person (to a letter, an e-mail or a call).
ANSWER_OUTCOMES: tuple[str, ...] = ("interesse", "pas_interesse")
# How an answer may come back.
ANSWER_CHANNELS: tuple[str, ...] = ("telephone", "courriel", "courrier", "sms")


def campaign_names(database: Database, cohort_id: str) -> list[str]:
    """The campaigns sent to people of the promotion, the latest first."""
    with database.read() as session:
        rows = session.execute(
            select(Outreach.campaign, Outreach.done_on)
            .join(Participant, Participant.id == Outreach.participant_id)
            .where(Participant.cohort_id == cohort_id, Outreach.campaign != "",
                   Outreach.outcome == "envoye")
            .order_by(Outreach.done_on.desc(), Outreach.campaign)
        ).all()
    return list(dict.fromkeys(name for name, _ in rows))


def campaign_recipients(
    database: Database, cohort_id: str, campaign: str, *, unanswered_only: bool = False
) -> list[str]:
    """Who the campaign was sent to (ids, by name); ``unanswered_only`` keeps those who have
    not answered it (the people a relance goes to)."""
    answer = aliased(Outreach)
    query = (
        select(Participant.id)
        .join(Outreach, Outreach.participant_id == Participant.id)
        .where(Participant.cohort_id == cohort_id, Outreach.campaign == campaign,
               Outreach.outcome == "envoye")
        .group_by(Participant.id, Participant.last_name, Participant.first_name)
        .order_by(Participant.last_name, Participant.first_name)
    )
    if unanswered_only:
        query = query.where(~exists().where(and_(
            answer.participant_id == Participant.id, answer.campaign == campaign,
            answer.outcome.in_(ANSWER_OUTCOMES))))
    with database.read() as session:
        return [str(person) for person in session.scalars(query)]


def record_campaign_answer(
    database: Database,
    participant_ids: Iterable[str],
    campaign: str,
    outcome: str,
    on: date,
    *,
    channel: str = "telephone",
    coach_id: str | None = None,
    notes: str = "",
) -> int:
    """The answer of each person to a campaign they were sent (one transaction); returns how
    many answers were recorded."""
    people = list(dict.fromkeys(participant_ids))
    campaign = campaign.strip()
    if not people:
        raise UserError("Aucune personne n'est sélectionnée.",
                        hint="Sélectionnez dans la liste les personnes qui ont répondu.")
    if outcome not in ANSWER_OUTCOMES:
        raise UserError(
            f"« {codes.OUTREACH_OUTCOMES.get(outcome, outcome)} » n'est pas une réponse.",
            hint="Choisissez « Intéressé·e » ou « Pas intéressé·e ».")
    if channel not in ANSWER_CHANNELS:
        raise UserError(f"Canal de réponse inconnu : « {channel} ».",
                        hint="Choisissez téléphone, courriel, courrier ou SMS.")
    with database.write() as session:
        sent = {
            str(row.participant_id): row.done_on for row in session.execute(
                select(Outreach.participant_id, Outreach.done_on)
                .where(Outreach.participant_id.in_(people), Outreach.campaign == campaign,
                       Outreach.outcome == "envoye"))
        }
        missing = [person for person in people if person not in sent]
        if missing:
            raise UserError(
                f"{len(missing)} des personnes choisies n'ont pas reçu la campagne "
                f"« {campaign} » : aucune réponse enregistrée.",
                hint="Choisissez la campagne qu'elles ont reçue, ou notez leur réponse comme "
                "un appel dans la fiche d'appels.")
        early = [person for person in people if on < sent[person]]
        if early:
            raise UserError(
                f"La date de la réponse ({on:%d/%m/%Y}) précède l'envoi de la campagne "
                f"« {campaign} ».", hint="Corrigez la date de la réponse.")
        session.add_all(
            Outreach(participant_id=person, done_on=on, channel=channel, outcome=outcome,
                     coach_id=coach_id or None, campaign=campaign, notes=notes.strip())
            for person in people)
    return len(people)
