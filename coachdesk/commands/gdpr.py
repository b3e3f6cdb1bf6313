"""``coachdesk gdpr …``: retention purge, right of access, erasure, missing consent dates."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from coachdesk.commands._arguments import iso_date, output_file, retention_years
from coachdesk.commands.export import password_option


def register(subparsers: Any) -> None:
    gdpr = subparsers.add_parser("gdpr", help="obligations RGPD : conservation, accès, effacement")
    actions = gdpr.add_subparsers(dest="gdpr_action", metavar="ACTION", required=True)

    purge = actions.add_parser(
        "purge",
        help="supprimer les personnes dont le dernier contact dépasse la durée de conservation",
        description="Par défaut, deux ans après le dernier contact (référentiel de la CNIL). "
        "Le journal ne garde que le nombre de personnes supprimées.",
    )
    mode = purge.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true", help="lister sans rien supprimer")
    mode.add_argument("--confirm", action="store_true", help="supprimer vraiment")
    purge.add_argument("--years", type=retention_years, default=2, metavar="ANS",
                       help="durée (2 par défaut)")
    purge.add_argument("--today", type=iso_date, metavar="AAAA-MM-JJ", help=argparse.SUPPRESS)
    purge.set_defaults(handler=run_purge)

    access = actions.add_parser(
        "access", help="tout ce qui est connu d'une personne (xlsx) et ses documents",
        description="Avec un mot de passe, les documents de la personne sont joints à un PDF "
        "chiffré par le même mot de passe que le classeur (FICHIER-documents.pdf) ; sans mot de "
        "passe, ils sont copiés en clair dans le dossier FICHIER-documents.",
    )
    access.add_argument("participant_id", metavar="IDENTIFIANT")
    access.add_argument("--out", type=output_file(".xlsx"), required=True, metavar="FICHIER.xlsx")
    password_option(access)
    access.set_defaults(handler=run_access)

    erase = actions.add_parser("erase", help="effacer une personne de toutes les tables")
    erase.add_argument("participant_id", metavar="IDENTIFIANT")
    erase.add_argument("--confirm", action="store_true", help="effacer vraiment")
    erase.set_defaults(handler=run_erase)

    missing = actions.add_parser(
        "missing-consent", help="personnes sans date d'information / de consentement"
    )
    missing.set_defaults(handler=run_missing_consent)


def run_purge(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.services import gdpr
    from coachdesk.services.text import person_name

    today = args.today or date.today()
    db, _key = open_for_command(ctx, read_only=args.preview)
    try:
        if args.preview:
            candidates = gdpr.purge_candidates(db, today, args.years)
            print(
                f"{len(candidates)} personne(s) seraient supprimées (dernier contact il y a plus "
                f"de {args.years} ans) :",
                file=ctx.out,
            )
            for c in candidates:
                who = person_name(c.last_name, c.first_name)
                print(
                    f"  {who} ({c.cohort_name}) — dernier contact le "
                    f"{c.last_contact:%d/%m/%Y}, conservable jusqu'au {c.kept_until:%d/%m/%Y} "
                    f"— {c.participant_id}",
                    file=ctx.out,
                )
            if candidates:
                print("Pour les supprimer : gdpr purge --confirm", file=ctx.out)
            return 0
        count = gdpr.purge_for_good(db, today, args.years)
    finally:
        db.dispose()
    print(f"{count} personne(s) supprimée(s). Le journal garde seulement ce nombre.", file=ctx.out)
    return 0


def run_access(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.commands.export import export_password, protected_notice
    from coachdesk.exports.access import write_access_export
    from coachdesk.security.cli_support import open_for_command

    password = export_password(args, ctx)
    db, key = open_for_command(ctx)
    try:
        db.check_writable()  # the access export is audited: refused before, never after
        written = write_access_export(db, args.participant_id, args.out, password=password)
    finally:
        db.dispose()
    print(f"Fiche d'accès écrite : {args.out} ({written.records} enregistrements).", file=ctx.out)
    if written.protected_file is not None:
        print(f"Documents de la personne : {written.documents} fichier(s) joint(s) au PDF "
              f"{written.protected_file}, protégé par le même mot de passe que le classeur ; "
              "ils s'ouvrent depuis les pièces jointes d'un lecteur PDF.", file=ctx.out)
    elif written.folder is not None:
        print(f"Documents de la personne : {written.folder} ({written.documents} fichier(s)).",
              file=ctx.out)
    if password is not None:
        protected_notice(ctx)
    elif key is not None:
        if written.folder is not None:
            warning = ("ce classeur et le dossier des documents ne sont PAS chiffrés, "
                       "contrairement à la base. Remettez-les à la personne par un moyen sûr "
                       "puis supprimez-les.")
        else:
            warning = ("ce classeur n'est PAS chiffré, contrairement à la base. Remettez-le à "
                       "la personne par un moyen sûr puis supprimez-le.")
        print(f"Attention : {warning}", file=ctx.out)
    return 0


def run_erase(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.errors import UserError
    from coachdesk.models import Participant
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.services import gdpr
    from coachdesk.services.text import person_name

    db, _key = open_for_command(ctx)
    try:
        if not args.confirm:
            with db.read() as session:
                person = session.get(Participant, args.participant_id)
                if person is None:
                    raise UserError(f"Aucune personne n'a l'identifiant « {args.participant_id} ».")
                name = person_name(person.last_name, person.first_name)
            raise UserError(
                f"L'effacement de {name} est définitif et touche toutes ses données.",
                hint="Relancez avec --confirm pour effacer.",
            )
        rows = gdpr.erase_for_good(db, args.participant_id)
    finally:
        db.dispose()
    print(f"Personne effacée ({rows} lignes supprimées dans toutes les tables).", file=ctx.out)
    print(
        "Les sauvegardes antérieures la contiennent encore : elles disparaissent avec la "
        "rotation (9 mois au plus).",
        file=ctx.out,
    )
    return 0


def run_missing_consent(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.services import gdpr
    from coachdesk.services.text import person_name

    db, _key = open_for_command(ctx, read_only=True)
    try:
        missing = gdpr.missing_consent(db)
    finally:
        db.dispose()
    print(f"{len(missing)} personne(s) sans date d'information / de consentement :", file=ctx.out)
    for m in missing:
        source = f" — fichier {m.source_file}" if m.source_file else ""
        print(
            f"  {person_name(m.last_name, m.first_name)} ({m.cohort_name}), au fichier depuis le "
            f"{m.listed_on:%d/%m/%Y}{source} — {m.participant_id}",
            file=ctx.out,
        )
    return 0
