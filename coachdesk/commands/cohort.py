"""Promotions, coaches and training bodies from the command line.

``coachdesk cohort create|edit|list [--json]``: a promotion's set-up, as « Nouvelle
promotion… » does in the window (the same service, the same rules).
``coachdesk coach add|list`` and ``coachdesk training-body add|list``: the records a promotion
points at (its coaches in charge, its training body).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from coachdesk.commands._arguments import iso_date

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.cohorts import CohortDetails, CohortDraft


def _set_up_options(parser: argparse.ArgumentParser, *, creating: bool) -> None:
    """The promotion's fields; on ``edit`` each one given replaces the saved value."""
    parser.add_argument("--name", required=creating, metavar="NOM",
                        help="nom de la promotion" + ("" if creating else " (nouveau nom)"))
    parser.add_argument("--start", type=iso_date, required=creating, metavar="AAAA-MM-JJ",
                        help="début de la formation")
    parser.add_argument("--end", type=iso_date, metavar="AAAA-MM-JJ", help="fin de la formation")
    parser.add_argument("--training", metavar="TITRE",
                        help="certificat ou formation préparé·e")
    parser.add_argument("--training-body", metavar="NOM",
                        help="organisme de formation (voir « coachdesk training-body list »)")
    parser.add_argument("--bilan-start", type=iso_date, metavar="AAAA-MM-JJ",
                        help="début du bilan d'orientation")
    parser.add_argument("--bilan-end", type=iso_date, metavar="AAAA-MM-JJ",
                        help="fin du bilan d'orientation")
    parser.add_argument("--deadline", type=iso_date, metavar="AAAA-MM-JJ",
                        help="date limite des inscriptions provisoires")
    parser.add_argument("--visit-interval", type=int, metavar="SEMAINES",
                        help="intervalle entre deux visites en entreprise (6 par défaut)")
    parser.add_argument("--target", type=int, metavar="PLACES", help="effectif visé")
    parser.add_argument("--coach", action="append", metavar="NOM",
                        help="chargé·e de la promotion (répétable ; voir « coachdesk coach "
                        "list »)")
    parser.add_argument("--notes", metavar="TEXTE", help="remarques")
    parser.add_argument("--json", action="store_true",
                        help="écrire seulement la promotion en JSON")


def register(subparsers: Any) -> None:
    cohort = subparsers.add_parser(
        "cohort", help="créer, modifier, archiver et lister les promotions",
        description="Les promotions : leur formation, leurs dates, leurs chargé·es.")
    commands = cohort.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)
    create = commands.add_parser("create", help="créer une promotion",
                                 description="Crée une promotion.")
    _set_up_options(create, creating=True)
    create.add_argument("--create-database", action="store_true",
                        help="créer la base si elle n'existe pas encore")
    create.set_defaults(handler=run_create)
    edit = commands.add_parser("edit", help="modifier ou archiver une promotion",
                               description="Modifie une promotion : seuls les champs donnés "
                               "changent.")
    edit.add_argument("cohort", metavar="PROMOTION", help="nom actuel de la promotion")
    _set_up_options(edit, creating=False)
    archive = edit.add_mutually_exclusive_group()
    archive.add_argument("--archive", action="store_true",
                         help="archiver la promotion (elle quitte la liste, rien n'est effacé)")
    archive.add_argument("--unarchive", action="store_true", help="la sortir des archives")
    edit.set_defaults(handler=run_edit)
    listing = commands.add_parser("list", help="lister les promotions",
                                  description="Liste les promotions, la plus récente d'abord.")
    listing.add_argument("--all", action="store_true", help="avec les promotions archivées")
    listing.add_argument("--json", action="store_true", help="écrire seulement une liste JSON")
    listing.set_defaults(handler=run_list)

    coach = subparsers.add_parser("coach", help="les chargé·es d'accompagnement",
                                  description="Les chargé·es d'accompagnement de la base.")
    coach_commands = coach.add_subparsers(dest="coach_command", metavar="ACTION", required=True)
    add = coach_commands.add_parser("add", help="ajouter un·e chargé·e")
    add.add_argument("--name", required=True, metavar="NOM", help="prénom et nom")
    add.add_argument("--phone", default="", metavar="TÉLÉPHONE")
    add.add_argument("--email", default="", metavar="COURRIEL")
    add.add_argument("--structure", default="", metavar="STRUCTURE",
                     help="par exemple la Mission Locale")
    add.set_defaults(handler=run_coach_add)
    coach_list = coach_commands.add_parser("list", help="lister les chargé·es")
    coach_list.add_argument("--json", action="store_true")
    coach_list.set_defaults(handler=run_coach_list)

    body = subparsers.add_parser("training-body", help="les organismes de formation",
                                 description="Les organismes de formation de la base.")
    body_commands = body.add_subparsers(dest="body_command", metavar="ACTION", required=True)
    add = body_commands.add_parser("add", help="ajouter un organisme de formation")
    add.add_argument("--name", required=True, metavar="NOM")
    add.add_argument("--siret", default="", metavar="SIRET")
    add.add_argument("--uai", default="", metavar="UAI", help="numéro UAI (7 chiffres et une "
                     "lettre)")
    add.add_argument("--address", default="", metavar="ADRESSE")
    add.add_argument("--postcode", default="", metavar="CODE")
    add.add_argument("--city", default="", metavar="VILLE")
    add.set_defaults(handler=run_body_add)
    body_list = body_commands.add_parser("list", help="lister les organismes de formation")
    body_list.add_argument("--json", action="store_true")
    body_list.set_defaults(handler=run_body_list)


# --- promotions ------------------------------------------------------------------------------


def _draft(database: Database, args: argparse.Namespace, draft: CohortDraft) -> CohortDraft:
    """``draft`` with every option given on the command line."""
    from coachdesk.services.coaches import find_coach
    from coachdesk.services.training_bodies import find_training_body

    changes: dict[str, Any] = {}
    for option, field in (
        ("name", "name"), ("start", "start_date"), ("end", "end_date"),
        ("training", "training_title"), ("bilan_start", "bilan_start_date"),
        ("bilan_end", "bilan_end_date"), ("deadline", "enrolment_deadline"),
        ("visit_interval", "visit_interval_weeks"), ("target", "target_size"),
        ("notes", "notes"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    if args.training_body is not None:
        changes["training_body_id"] = (find_training_body(database, args.training_body).id
                                       if args.training_body.strip() else None)
    if args.coach is not None:
        changes["coach_ids"] = tuple(find_coach(database, name).id for name in args.coach
                                     if name.strip())
    return replace(draft, **changes)


def _show(details: CohortDetails, out: Any) -> None:
    from coachdesk.services.contract_rules import fr_date

    draft = details.draft

    def day(value: date | None) -> str:
        return fr_date(value) if value else "—"

    archived = " (archivée)" if details.archived else ""
    out.write(f"« {draft.name} »{archived}\n")
    if draft.training_title:
        out.write(f"  Formation : {draft.training_title}\n")
    if details.training_body:
        out.write(f"  Organisme de formation : {details.training_body}\n")
    out.write(f"  Bilan : du {day(draft.bilan_start_date)} au {day(draft.bilan_end_date)}\n")
    out.write(f"  Formation : du {day(draft.start_date)} au {day(draft.end_date)}\n")
    out.write(f"  Inscriptions provisoires jusqu'au {day(draft.enrolment_deadline)}\n")
    out.write(f"  Visites toutes les {draft.visit_interval_weeks} semaines")
    out.write(f", effectif visé : {draft.target_size}\n" if draft.target_size else "\n")
    if details.coaches:
        out.write(f"  Chargé·es : {', '.join(details.coaches)}\n")


def _done(database: Database, cohort_id: str, args: argparse.Namespace, ctx: Any,
          verb: str) -> int:
    from coachdesk.services.cohorts import get_cohort

    details = get_cohort(database, cohort_id)
    if args.json:
        json.dump(details.as_json(), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        ctx.out.write(f"Promotion {verb} : ")
        _show(details, ctx.out)
    return 0


def run_create(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.cohorts import CohortDraft, create_cohort

    database = ctx.open_db(create=args.create_database)
    try:
        draft = _draft(database, args, CohortDraft(name=args.name, start_date=args.start))
        return _done(database, create_cohort(database, draft), args, ctx, "créée")
    finally:
        database.dispose()


def run_edit(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.cohorts import archive_cohort, find_cohort, get_cohort, update_cohort

    database = ctx.open_db()
    try:
        with database.read() as session:
            cohort_id = find_cohort(session, args.cohort).id
        draft = _draft(database, args, get_cohort(database, cohort_id).draft)
        update_cohort(database, cohort_id, draft)
        if args.archive or args.unarchive:
            archive_cohort(database, cohort_id, archived=args.archive)
        return _done(database, cohort_id, args, ctx, "enregistrée")
    finally:
        database.dispose()


def run_list(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.cohorts import cohort_details

    database = ctx.open_db(read_only=True)
    try:
        rows = cohort_details(database, include_archived=args.all)
    finally:
        database.dispose()
    if args.json:
        json.dump([row.as_json() for row in rows], ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    if not rows:
        ctx.out.write("Aucune promotion. Créez-en une avec « coachdesk cohort create --name … "
                      "--start AAAA-MM-JJ ».\n")
    for row in rows:
        _show(row, ctx.out)
    return 0


# --- coaches and training bodies --------------------------------------------------------------


def run_coach_add(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.coaches import CoachDraft, create_coach

    database = ctx.open_db()
    try:
        create_coach(database, CoachDraft(args.name, args.phone, args.email, args.structure))
    finally:
        database.dispose()
    ctx.out.write(f"Chargé·e ajouté·e : {' '.join(args.name.split())}.\n")
    return 0


def run_coach_list(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.coaches import list_coaches

    database = ctx.open_db(read_only=True)
    try:
        rows = list_coaches(database)
    finally:
        database.dispose()
    if args.json:
        json.dump([{"id": r.id, "name": r.name, "phone": r.phone, "email": r.email,
                    "structure": r.structure} for r in rows],
                  ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for row in rows:
        ctx.out.write(" — ".join(part for part in (row.name, row.structure, row.phone,
                                                   row.email) if part) + "\n")
    return 0


def run_body_add(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.training_bodies import TrainingBodyDraft, create_training_body

    database = ctx.open_db()
    try:
        create_training_body(database, TrainingBodyDraft(
            args.name, siret=args.siret, uai=args.uai, address=args.address,
            postcode=args.postcode, city=args.city))
    finally:
        database.dispose()
    ctx.out.write(f"Organisme de formation ajouté : {' '.join(args.name.split())}.\n")
    return 0


def run_body_list(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.training_bodies import list_training_bodies

    database = ctx.open_db(read_only=True)
    try:
        rows = list_training_bodies(database)
    finally:
        database.dispose()
    if args.json:
        json.dump([{"id": r.id, "name": r.name, "siret": r.siret, "uai": r.uai,
                    "city": r.city} for r in rows], ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for row in rows:
        ctx.out.write(" — ".join(part for part in (row.name, row.uai or "", row.city) if part)
                      + "\n")
    return 0
