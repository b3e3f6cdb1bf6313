"""``coachdesk --db PATH print interview-sheets [--week AAAA-Wss] --out FILE.pdf``,
``coachdesk --db PATH print interview-calendar [--week AAAA-Wss] --out FILE.ics`` and
``coachdesk --db PATH print employer-estimate CONTRACT_ID [--job-seeker] --out FILE.pdf`` and
``coachdesk --db PATH print opco-file CONTRACT_ID [--pdf FILE.pdf] [--xlsx FILE.xlsx]``."""

from __future__ import annotations

import argparse
from typing import Any

from coachdesk.commands._arguments import iso_week, output_file


def register(subparsers: Any) -> None:
    printing = subparsers.add_parser("print", help="documents à imprimer ou à emporter")
    kinds = printing.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    sheets = kinds.add_parser(
        "interview-sheets",
        help="fiches de préparation des entretiens de recrutement d'une semaine (PDF)",
        description="Une page par entretien de recrutement de la semaine, dans un seul PDF.",
    )
    sheets.add_argument("--week", metavar="AAAA-Wss", type=iso_week,
                        help="semaine ISO, par exemple 2010-W18 (par défaut la semaine du "
                        "jour de la base)")
    sheets.add_argument("--out", metavar="FICHIER.pdf", type=output_file(".pdf"), required=True,
                        help="fichier PDF à écrire")
    sheets.set_defaults(handler=run_interview_sheets)
    calendar = kinds.add_parser(
        "interview-calendar",
        help="entretiens de recrutement d'une semaine en agenda .ics (téléphone)",
    )
    calendar.add_argument("--week", metavar="AAAA-Wss", type=iso_week,
                          help="semaine ISO (par défaut la semaine du jour de la base)")
    calendar.add_argument("--out", metavar="FICHIER.ics", type=output_file(".ics"), required=True)
    calendar.set_defaults(handler=run_interview_calendar)
    estimate = kinds.add_parser(
        "employer-estimate",
        help="coût d'un contrat pour l'employeur, net des aides à l'embauche (PDF d'une page)",
        description="Le coût du contrat sur sa durée, les aides à l'embauche en vigueur à son "
        "début (tableau daté et sourcé) et le coût net, à remettre à l'employeur.",
    )
    estimate.add_argument("contract_id", metavar="CONTRAT", help="identifiant du contrat")
    estimate.add_argument("--job-seeker", action="store_true",
                          help="le ou la salarié·e était inscrit·e comme demandeur·se d'emploi "
                          "à l'embauche (compte les aides qui le demandent)")
    estimate.add_argument("--out", metavar="FICHIER.pdf", type=output_file(".pdf"),
                          required=True, help="fichier PDF à écrire")
    estimate.set_defaults(handler=run_employer_estimate)
    from coachdesk.commands.opco_file import register_opco_file

    register_opco_file(kinds)


def _week_sheets(args: argparse.Namespace, ctx: Any) -> tuple[str, list[Any]]:
    from coachdesk.errors import UserError
    from coachdesk.services.clock import today_for
    from coachdesk.services.interviews import interview_sheets
    from coachdesk.services.weeks import IsoWeek

    database = ctx.open_db(read_only=True)
    try:
        parsed = args.week or IsoWeek.of(today_for(database))
        week, start, end = parsed.label, parsed.monday, parsed.next_monday
        sheets = interview_sheets(database, start, end)
    finally:
        database.dispose()
    if not sheets:
        raise UserError(
            f"Aucun entretien de recrutement en {week} : aucun fichier écrit.",
            hint="Choisissez une autre semaine avec --week AAAA-Wss.",
        )
    return week, sheets


def run_interview_sheets(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.interview_sheet import write_interview_sheets

    week, sheets = _week_sheets(args, ctx)
    pages = write_interview_sheets(args.out, sheets)
    print(f"{pages} fiche{'s' if pages > 1 else ''} de préparation ({week}) "
          f"écrite{'s' if pages > 1 else ''} dans {args.out}.", file=ctx.out)
    return 0


def run_interview_calendar(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.ics_interviews import write_interviews_ics

    week, sheets = _week_sheets(args, ctx)
    write_interviews_ics(args.out, sheets)
    print(f"{len(sheets)} entretien{'s' if len(sheets) > 1 else ''} ({week}) dans "
          f"{args.out}.", file=ctx.out)
    return 0


def run_employer_estimate(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.exports.employer_estimate import write_employer_estimate
    from coachdesk.services.contract_rules import fr_money
    from coachdesk.services.employer_estimate import contract_estimate

    database = ctx.open_db(read_only=True)
    try:
        estimate = contract_estimate(database, args.contract_id,
                                     job_seeker=True if args.job_seeker else None)
    finally:
        database.dispose()
    write_employer_estimate(args.out, estimate)
    print(estimate.summary_fr, file=ctx.out)
    for item in estimate.aids.applying:
        print(f"  {item.aid.code} : {fr_money(item.amount)}", file=ctx.out)
    if estimate.aids.to_check:
        print(f"{len(estimate.aids.to_check)} aide(s) à vérifier, non comptée(s) : "
              + ", ".join(aid.code for aid in estimate.aids.to_check) + ".", file=ctx.out)
    print(f"Estimation écrite dans {args.out}.", file=ctx.out)
    return 0
