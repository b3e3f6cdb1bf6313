"""``coachdesk --db PATH export weekly|evaluator|contracts|progress-note --out FILE.xlsx``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coachdesk.commands._arguments import iso_date, iso_week, output_file


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=output_file(".xlsx"), required=True, metavar="FICHIER.xlsx",
                        help="fichier Excel à écrire (remplacé seulement une fois complet)")


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="classeurs Excel pour les partenaires")
    kinds = export.add_subparsers(dest="export", metavar="EXPORT", required=True)

    weekly = kinds.add_parser(
        "weekly", help="le classeur hebdomadaire de la Mission Locale",
        description="Jeunes, actions de la semaine, contrats et synthèse de l'entonnoir.",
    )
    _out(weekly)
    weekly.add_argument("--week", type=iso_week, metavar="AAAA-Wss",
                        help="semaine ISO (par défaut la semaine du jour de la base)")
    weekly.add_argument("--cohort", metavar="NOM", help="promotion (par défaut la plus récente)")
    weekly.add_argument("--profile", metavar="PROFIL",
                        help="mission_locale (par défaut : les personnes encore dans le "
                        "dispositif dont le consentement est enregistré, sans coordonnées), ou "
                        "un profil enregistré")
    weekly.set_defaults(handler=run_weekly)

    evaluator = kinds.add_parser(
        "evaluator", help="l'export pseudonymisé pour l'évaluateur (CEREQ)",
        description="Aucun nom, aucune coordonnée, aucun texte libre : des pseudonymes stables.",
    )
    _out(evaluator)
    evaluator.add_argument("--cohort", metavar="NOM",
                           help="une seule promotion (par défaut toutes)")
    evaluator.set_defaults(handler=run_evaluator)

    contracts = kinds.add_parser(
        "contracts", help="la liste des contrats pour l'OPCO ou France Travail (ex-Pôle emploi)",
    )
    _out(contracts)
    contracts.add_argument("--recipient", default="opco", metavar="PROFIL",
                           help="opco (par défaut), pole_emploi pour France Travail "
                                "(ex-Pôle emploi), ou un profil enregistré")
    contracts.add_argument("--cohort", metavar="NOM", help="une seule promotion")
    contracts.set_defaults(handler=run_contracts)

    note = kinds.add_parser(
        "progress-note", help="la note d'étape : l'entonnoir présenté comme en 2010",
    )
    _out(note)
    note.add_argument("--as-of", type=iso_date, metavar="AAAA-MM-JJ",
                      help="date de la situation (par défaut aujourd'hui, ou la fin de la "
                      "promotion terminée)")
    note.add_argument("--cohort", metavar="NOM", help="promotion (par défaut la plus récente)")
    note.set_defaults(handler=run_progress_note)


def _open(ctx: Any) -> Any:
    """The database, after the plain-workbook notice when it is protected (said before writing)."""
    from coachdesk.exports.jobs import plain_workbook_notice

    database = ctx.open_db()
    try:
        # Every export is noted in the history: a database that cannot be written is said so
        # before a workbook is written, never after.
        database.check_writable()
    except BaseException:
        database.dispose()
        raise
    notice = plain_workbook_notice(database.path)
    if notice:
        print(notice, file=ctx.err)
    return database


def _done(ctx: Any, path: Path, rows: int, sha256: str) -> int:
    print(f"Export écrit : {path} ({rows} lignes)", file=ctx.out)
    print(f"SHA-256 : {sha256}", file=ctx.out)
    return 0


def run_weekly(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.weekly import export_weekly

    database = _open(ctx)
    try:
        done = export_weekly(database, args.out, week=args.week, cohort_name=args.cohort,
                             profile=args.profile)
    finally:
        database.dispose()
    print(f"{done.cohort_name}, {done.week.label}", file=ctx.out)
    left_out = sum((done.left_out or {}).values())
    print(f"Personnes listées : {done.listed} ; non listées : {left_out} (le détail est dans "
          "la feuille « Synthèse »)", file=ctx.out)
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256)


def run_evaluator(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.evaluator import export_evaluator

    database = _open(ctx)
    try:
        done = export_evaluator(database, args.out, cohort_name=args.cohort)
    finally:
        database.dispose()
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256)


def run_contracts(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.partner_lists import export_contracts

    database = _open(ctx)
    try:
        result = export_contracts(database, args.out, recipient=args.recipient,
                                  cohort_name=args.cohort)
    finally:
        database.dispose()
    return _done(ctx, result.path, result.row_count, result.sha256)


def run_progress_note(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.progress_note import export_progress_note

    database = _open(ctx)
    try:
        done = export_progress_note(database, args.out, as_of=args.as_of,
                                    cohort_name=args.cohort)
    finally:
        database.dispose()
    print(f"Situation au {done.funnel.as_of:%d/%m/%Y}", file=ctx.out)
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256)
