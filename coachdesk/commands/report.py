"""``coachdesk --db PATH report funnel [--cohort NAME] [--as-of YYYY-MM-DD] [--json]`` and
``coachdesk --db PATH report sources`` (same options)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from coachdesk.commands._arguments import iso_date


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="tableaux de suivi du dispositif")
    kinds = report.add_subparsers(dest="report", metavar="RAPPORT", required=True)
    funnel = kinds.add_parser(
        "funnel",
        help="l'entonnoir d'une promotion à une date",
        description="Les effectifs de chaque étape, comptés à partir des événements enregistrés.",
    )
    funnel.add_argument("--cohort", metavar="NOM", help="promotion (par défaut la plus récente)")
    funnel.add_argument(
        "--as-of",
        type=iso_date,
        metavar="AAAA-MM-JJ",
        help="date de la situation (par défaut aujourd'hui, ou la fin de la promotion terminée)",
    )
    funnel.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    funnel.set_defaults(handler=run_funnel)
    sources = kinds.add_parser(
        "sources",
        help="le recrutement par source de contacts et par campagne",
        description="Pour chaque source (fichier de l'université, Mission Locale, autre) et "
        "chaque campagne : personnes contactées, qui ont répondu, venues à une réunion "
        "d'information, inscrites en formation.",
    )
    sources.add_argument("--cohort", metavar="NOM", help="promotion (par défaut la plus récente)")
    sources.add_argument("--as-of", type=iso_date, metavar="AAAA-MM-JJ",
                         help="date de la situation (par défaut aujourd'hui)")
    sources.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    sources.set_defaults(handler=run_sources)


def run_funnel(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.cohorts import find_cohort
    from coachdesk.services.funnel import FUNNEL_LABELS, compute_funnel

    database = ctx.open_db(read_only=True)
    try:
        with database.read() as session:
            cohort = find_cohort(session, args.cohort)
            funnel = compute_funnel(session, cohort.id, args.as_of)
    finally:
        database.dispose()
    figures = funnel.figures()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False), file=ctx.out)
        return 0
    width = max(len(label) for label in FUNNEL_LABELS.values())
    print(f"{cohort.name}", file=ctx.out)
    print(f"Situation au {funnel.as_of:%d/%m/%Y}", file=ctx.out)
    print("", file=ctx.out)
    print(f"{'Étape'.ljust(width)}  {'Effectif':>8}  {'Taux':>6}", file=ctx.out)
    print(f"{'-' * width}  {'-' * 8}  {'-' * 6}", file=ctx.out)
    for key, label in FUNNEL_LABELS.items():
        rate = funnel.conversion(key)
        shown = f"{rate * 100:5.0f} %".replace(".", ",") if rate is not None else ""
        print(f"{label.ljust(width)}  {figures[key]:>8}  {shown:>6}", file=ctx.out)
    print("", file=ctx.out)
    print("Taux : part de l'étape précédente de l'entonnoir.", file=ctx.out)
    return 0


def run_sources(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.cohorts import find_cohort
    from coachdesk.services.funnel_sources import REACH_LABELS, cohort_reach

    database = ctx.open_db(read_only=True)
    try:
        with database.read() as session:
            cohort = find_cohort(session, args.cohort)
        reach = cohort_reach(database, cohort.id, args.as_of)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps({
            "as_of": reach.as_of.isoformat(),
            "sources": {row.label: row.figures() for row in reach.by_source},
            "campaigns": {row.label: row.figures() for row in reach.by_campaign},
        }, ensure_ascii=False), file=ctx.out)
        return 0
    print(f"{cohort.name}, situation au {reach.as_of:%d/%m/%Y}", file=ctx.out)
    for title, rows in (("Par source", reach.by_source), ("Par campagne", reach.by_campaign)):
        print("", file=ctx.out)
        width = max([len(title), *(len(row.label) for row in rows)])
        print(title.ljust(width) + "".join(f"  {label}" for label in
                                           ("Personnes", *REACH_LABELS.values())), file=ctx.out)
        if not rows:
            print("(aucune campagne enregistrée)", file=ctx.out)
        for row in rows:
            figures = (row.people, row.contacted, row.answered, row.came, row.enrolled)
            print(row.label.ljust(width) + "".join(
                f"  {value:>{len(label)}}" for value, label in
                zip(figures, ("Personnes", *REACH_LABELS.values()), strict=True)), file=ctx.out)
    return 0
