"""``coachdesk --db PATH letters templates`` and
``coachdesk --db PATH letters write --template NOM [--cohort NOM] [--campaign NOM
[--unanswered]] [--session AAAA-MM-JJ] [--signed-by NOM] (--pdf FICHIER.pdf | --eml DOSSIER)
[--record-campaign NOM]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coachdesk.commands._arguments import iso_date, output_file


def register(subparsers: Any) -> None:
    letters = subparsers.add_parser(
        "letters",
        help="lettres et courriels à partir de modèles (invitation, relance, convocation)")
    kinds = letters.add_subparsers(dest="letters", metavar="ACTION", required=True)
    templates = kinds.add_parser("templates", help="les modèles de courrier et leurs champs")
    templates.set_defaults(handler=run_templates)
    write = kinds.add_parser(
        "write",
        help="une lettre par personne (un PDF, avec les étiquettes d'adresse) ou un brouillon "
        "de courriel .eml par personne",
        description="Remplit un modèle pour chaque personne de la promotion (ou pour les "
        "destinataires d'une campagne) et écrit un PDF ou un dossier de brouillons .eml à "
        "ouvrir dans la messagerie.",
    )
    write.add_argument("--template", metavar="NOM", required=True, help="nom du modèle")
    write.add_argument("--cohort", metavar="NOM", help="promotion (par défaut la plus récente)")
    write.add_argument("--campaign", metavar="NOM",
                       help="seulement les destinataires de cette campagne")
    write.add_argument("--unanswered", action="store_true",
                       help="avec --campaign : seulement ceux qui n'y ont pas répondu (relance)")
    write.add_argument("--session", metavar="AAAA-MM-JJ", type=iso_date,
                       help="jour de la réunion d'information dont parle le courrier")
    write.add_argument("--signed-by", metavar="NOM",
                       help="chargé·e qui signe (par défaut le ou la chargé·e de chaque "
                       "personne)")
    output = write.add_mutually_exclusive_group(required=True)
    output.add_argument("--pdf", metavar="FICHIER.pdf", type=output_file(".pdf"),
                        help="un PDF : une lettre par personne, puis les étiquettes d'adresse")
    output.add_argument("--eml", metavar="DOSSIER", type=Path,
                        help="dossier nouveau ou vide où écrire un brouillon .eml par personne")
    write.add_argument("--no-labels", action="store_true",
                       help="avec --pdf : sans les planches d'étiquettes d'adresse")
    write.add_argument("--record-campaign", metavar="NOM",
                       help="enregistre l'envoi comme une campagne de ce nom (courrier ou "
                       "courriel, au jour de la base)")
    write.set_defaults(handler=run_write)


def run_templates(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.letters import field_list, list_templates

    database = ctx.open_db()
    try:
        rows = list_templates(database)
    finally:
        database.dispose()
    for row in rows:
        print(f"{row.name} — objet : {row.subject}", file=ctx.out)
    print(f"Champs disponibles : {field_list()}.", file=ctx.out)
    return 0


def run_write(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.errors import UserError
    from coachdesk.exports.letters_eml import write_eml_drafts
    from coachdesk.exports.letters_pdf import write_letters_pdf
    from coachdesk.services import campaigns, letters, recruitment
    from coachdesk.services.clock import today_for
    from coachdesk.services.coaches import find_coach
    from coachdesk.services.cohorts import find_cohort

    if args.unanswered and not args.campaign:
        raise UserError("L'option --unanswered va avec --campaign NOM.",
                        hint="Indiquez la campagne dont relancer les destinataires.")
    database = ctx.open_db()
    try:
        with database.read() as session:
            cohort = find_cohort(session, args.cohort)
        template = letters.find_template(database, args.template)
        if args.campaign:
            people = campaigns.campaign_recipients(database, cohort.id, args.campaign,
                                                   unanswered_only=args.unanswered)
            if not people:
                raise UserError(
                    f"La campagne « {args.campaign} » n'a "
                    + ("plus de destinataire sans réponse" if args.unanswered
                       else "aucun destinataire") + f" dans la promotion « {cohort.name} ».",
                    hint="Campagnes de la promotion : " + (", ".join(
                        f"« {name} »" for name in campaigns.campaign_names(database, cohort.id))
                        or "aucune") + ".")
        else:
            people = letters.promotion_people(database, cohort.id)
        session_id = letters.session_on(database, cohort.id, args.session) if args.session \
            else None
        signer = find_coach(database, args.signed_by).id if args.signed_by else None
        result = letters.compose_letters(database, template.id, people, session_id=session_id,
                                         coach_id=signer)
        if args.pdf:
            written = write_letters_pdf(args.pdf, result, labels=not args.no_labels)
            print(f"{written.letters} lettre(s) et {written.labels} étiquette(s) écrites dans "
                  f"{args.pdf}.", file=ctx.out)
            missing, channel = written.without_address, "courrier"
            reached = [letter.participant_id for letter in result.letters]
            if missing:
                print(f"{len(missing)} personne(s) sans adresse postale complète (lettre sans "
                      "étiquette) : " + ", ".join(missing) + ".", file=ctx.err)
        else:
            drafts = write_eml_drafts(args.eml, result)
            print(f"{len(drafts.files)} brouillon(s) de courriel écrits dans {args.eml}.",
                  file=ctx.out)
            missing, channel = drafts.without_email, "courriel"
            reached = list(drafts.recipients)
            if missing:
                print(f"{len(missing)} personne(s) sans adresse électronique valide (aucun "
                      "brouillon) : " + ", ".join(missing) + ".", file=ctx.err)
        if args.record_campaign:
            count = recruitment.record_campaign(database, reached, today_for(database), channel,
                                                campaign=args.record_campaign,
                                                coach_id=signer)
            print(f"Campagne « {args.record_campaign} » enregistrée pour {count} personne(s).",
                  file=ctx.out)
    finally:
        database.dispose()
    return 0
