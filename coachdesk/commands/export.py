"""``coachdesk --db PATH export weekly|evaluator|contracts|progress-note --out FILE.xlsx
[--password-prompt | --no-password]``.

A workbook is protected by a password when ``--password-prompt`` is given (the password is
asked twice on the terminal, without echo) or when ``COACHDESK_EXPORT_PASSWORD`` is set
(scripts). Never from an argument: it would be visible in the process list and the shell
history. From a protected (encrypted) database the workbook is protected by default: the
password is asked on a terminal, and without one the export is refused unless
``--no-password`` says a plain workbook is wanted.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from coachdesk.commands._arguments import iso_date, iso_week, output_file


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=output_file(".xlsx"), required=True, metavar="FICHIER.xlsx",
                        help="fichier Excel à écrire (remplacé seulement une fois complet)")
    password_option(parser)


def password_option(parser: argparse.ArgumentParser) -> None:
    """``--password-prompt``: the workbook is protected by a password typed on the terminal;
    ``--no-password``: a plain workbook, even from a protected database."""
    from coachdesk.exports.workbook_password import PASSWORD_ENV

    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--password-prompt", action="store_true",
        help="protéger le classeur par un mot de passe, demandé deux fois au terminal sans "
        f"écho (ou lu dans {PASSWORD_ENV}) ; jamais sur la ligne de commande",
    )
    choice.add_argument(
        "--no-password", action="store_true",
        help="écrire un classeur en clair, même depuis une base chiffrée (qui protège ses "
        "classeurs par défaut)",
    )


def export_password(args: argparse.Namespace, ctx: Any) -> str | None:
    """The workbook's password: typed on the terminal (``--password-prompt``), else from
    ``COACHDESK_EXPORT_PASSWORD``, else None (a plain workbook). Checked for strength.

    From a protected database, a plain workbook must be asked for (``--no-password``): the
    password is otherwise asked on the terminal, and the export refused without one.
    """
    from coachdesk.errors import UserError
    from coachdesk.exports.workbook_password import PASSWORD_ENV, check_password
    from coachdesk.security.sqlcipher import is_protected

    from_environment = os.environ.get(PASSWORD_ENV)
    if getattr(args, "no_password", False):
        return None
    asked = getattr(args, "password_prompt", False)
    if not asked and not from_environment and is_protected(ctx.database_path()):
        if sys.stdin is None or not sys.stdin.isatty():
            raise UserError(
                "La base est chiffrée : ses classeurs sont protégés par un mot de passe, mais "
                "la commande ne tourne pas dans un terminal pour le demander. Aucun classeur "
                "écrit.",
                hint=f"Lancez-la dans un terminal, définissez la variable {PASSWORD_ENV}, ou "
                "ajoutez --no-password pour écrire un classeur en clair.",
            )
        print("La base est chiffrée : le classeur sera protégé par un mot de passe "
              "(--no-password pour l'écrire en clair).", file=ctx.err)
        asked = True
    if asked and not from_environment:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UserError(
                "--password-prompt demande le mot de passe au terminal, mais la commande ne "
                "tourne pas dans un terminal : aucun classeur écrit.",
                hint=f"Lancez-la dans un terminal, ou définissez la variable {PASSWORD_ENV}.",
            )
        password = getpass.getpass("Mot de passe du classeur : ")
        if getpass.getpass("Le même mot de passe, encore une fois : ") != password:
            raise UserError(
                "Les deux mots de passe saisis diffèrent : aucun classeur écrit.",
                hint="Relancez la commande et tapez deux fois le même mot de passe.",
            )
        return check_password(password)
    if from_environment:
        return check_password(from_environment)
    return None


def protected_notice(ctx: Any) -> None:
    """Said after a protected workbook is written: how to give its password."""
    from coachdesk.exports.workbook_password import GIVE_BY_PHONE

    print(f"Classeur protégé par mot de passe. {GIVE_BY_PHONE}", file=ctx.out)


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


def _open(ctx: Any, password: str | None) -> Any:
    """The database, after the plain-workbook notice when it is protected and the workbook will
    not be (said before writing)."""
    from coachdesk.exports.jobs import plain_workbook_notice

    database = ctx.open_db()
    try:
        # Every export is noted in the history: a database that cannot be written is said so
        # before a workbook is written, never after.
        database.check_writable()
    except BaseException:
        database.dispose()
        raise
    notice = plain_workbook_notice(database.path) if password is None else None
    if notice:
        print(notice, file=ctx.err)
    return database


def _done(ctx: Any, path: Path, rows: int, sha256: str, password: str | None) -> int:
    print(f"Export écrit : {path} ({rows} lignes)", file=ctx.out)
    print(f"SHA-256 : {sha256}", file=ctx.out)
    if password is not None:
        protected_notice(ctx)
    return 0


def run_weekly(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.weekly import export_weekly

    password = export_password(args, ctx)
    database = _open(ctx, password)
    try:
        done = export_weekly(database, args.out, week=args.week, cohort_name=args.cohort,
                             profile=args.profile, password=password)
    finally:
        database.dispose()
    print(f"{done.cohort_name}, {done.week.label}", file=ctx.out)
    left_out = sum((done.left_out or {}).values())
    print(f"Personnes listées : {done.listed} ; non listées : {left_out} (le détail est dans "
          "la feuille « Synthèse »)", file=ctx.out)
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256, password)


def run_evaluator(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.evaluator import export_evaluator

    password = export_password(args, ctx)
    database = _open(ctx, password)
    try:
        done = export_evaluator(database, args.out, cohort_name=args.cohort, password=password)
    finally:
        database.dispose()
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256, password)


def run_contracts(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.partner_lists import export_contracts

    password = export_password(args, ctx)
    database = _open(ctx, password)
    try:
        result = export_contracts(database, args.out, recipient=args.recipient,
                                  cohort_name=args.cohort, password=password)
    finally:
        database.dispose()
    return _done(ctx, result.path, result.row_count, result.sha256, password)


def run_progress_note(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.progress_note import export_progress_note

    password = export_password(args, ctx)
    database = _open(ctx, password)
    try:
        done = export_progress_note(database, args.out, as_of=args.as_of,
                                    cohort_name=args.cohort, password=password)
    finally:
        database.dispose()
    print(f"Situation au {done.funnel.as_of:%d/%m/%Y}", file=ctx.out)
    return _done(ctx, done.result.path, done.result.row_count, done.result.sha256, password)
