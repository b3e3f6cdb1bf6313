"""``coachdesk --db PATH jour [--fixer AAAA-MM-JJ | --aujourdhui]``: the database's own day.

Every default (the agenda's week, an export's week, the contracts' statuses) starts from it.
The demo lives on 31/12/2010; a coach's database lives on today unless a day is set, for
example to replay a past situation on a copy.
"""

from __future__ import annotations

import argparse
from typing import Any

from coachdesk.commands._arguments import iso_date


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "jour",
        help="afficher ou fixer le jour de la base (celui des dates par défaut)",
        description="Affiche le jour sur lequel vit la base : l'agenda, les exports et le suivi "
        "des contrats partent de ce jour. La démo vit le 31/12/2010 ; une base de chargé·e "
        "d'accompagnement vit aujourd'hui, sauf si un jour est fixé.",
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--fixer", type=iso_date, metavar="AAAA-MM-JJ",
                        help="faire vivre la base à ce jour")
    choice.add_argument("--aujourdhui", action="store_true",
                        help="faire vivre la base au jour d'aujourd'hui")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.clock import set_clock, today_for

    changing = args.fixer is not None or args.aujourdhui
    database = ctx.open_db(read_only=not changing)
    try:
        if changing:
            set_clock(database, args.fixer)
        day = today_for(database)
    finally:
        database.dispose()
    print(f"La base vit le {day:%d/%m/%Y}.")
    return 0
