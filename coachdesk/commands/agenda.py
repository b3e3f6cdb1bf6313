"""``coachdesk agenda [--week AAAA-Wss] [--json] [--ics FICHIER]``: the week's agenda."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from coachdesk.commands._arguments import iso_week, output_file

if TYPE_CHECKING:
    from coachdesk.services.weeks import IsoWeek


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "agenda",
        help="l'agenda de la semaine (périodes d'essai, visites, échéances…)",
        description="Affiche l'agenda d'une semaine calculé à partir des données.",
    )
    parser.add_argument(
        "--week", metavar="AAAA-Wss", type=iso_week,
        help="semaine ISO à afficher, par exemple 2010-W28 (par défaut : la semaine du jour "
        "de la base)",
    )
    parser.add_argument("--cohort", metavar="NOM", help="limiter à une promotion")
    parser.add_argument(
        "--json", action="store_true",
        help="écrire seulement une liste JSON (date, kind, participant, detail)",
    )
    parser.add_argument("--ics", type=output_file(".ics"), metavar="FICHIER",
                        help="exporter aussi les éléments dans un fichier .ics")
    parser.set_defaults(handler=run)


def _monday(week: IsoWeek | None, database: Any) -> date:
    """The week asked for, else the database's week (the demo's is the last week of 2010)."""
    from coachdesk.services.clock import today_for
    from coachdesk.services.weeks import week_start

    if week is None:
        return week_start(today_for(database))
    return week.monday


def run(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.agenda import KINDS, compute_agenda
    from coachdesk.services.contract_rules import fr_date
    from coachdesk.services.weeks import IsoWeek, week_label

    database = ctx.open_db(read_only=True)
    try:
        monday = _monday(args.week, database)
        cohort_id = None
        if args.cohort:
            from coachdesk.services.cohorts import find_cohort

            with database.read() as session:
                cohort_id = find_cohort(session, args.cohort).id
        items = compute_agenda(database, monday, cohort_id=cohort_id)
    finally:
        database.dispose()
    if args.ics is not None:
        from coachdesk.exports.ics import write_ics

        write_ics(items, args.ics)
    if args.json:
        json.dump([item.as_json() for item in items], ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    out = ctx.out
    out.write(f"Agenda de la {week_label(IsoWeek.of(monday))}\n\n")
    if not items:
        out.write("Rien de prévu cette semaine.\n")
    else:
        rows = [(fr_date(i.day), KINDS[i.kind], i.participant, i.detail) for i in items]
        headers = ("Date", "Type", "Personne", "Détail")
        widths = [max(len(h), *(len(r[c]) for r in rows)) for c, h in enumerate(headers[:3])]
        line = "  ".join(h.ljust(w) for h, w in zip(headers[:3], widths, strict=True))
        out.write(f"{line}  {headers[3]}\n")
        out.write("  ".join("-" * w for w in widths) + "  " + "-" * 6 + "\n")
        for row in rows:
            cells = "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True))
            out.write(f"{cells}  {row[3]}\n")
        out.write(f"\n{len(items)} élément(s).\n")
    if args.ics is not None:
        out.write(f"Fichier iCalendar écrit : {args.ics}\n")
    return 0
