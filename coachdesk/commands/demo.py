"""``coachdesk --db PATH demo [--force]``: write the 2010 demo cohort to a new database."""

from __future__ import annotations

import argparse
from typing import Any

from coachdesk.errors import UserError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="écrire la base de démonstration (promotion 2010) dans le fichier de --db",
        description="Écrit une base de démonstration : la promotion 2010 de la note d'étape, "
        "avec des personnes inventées.",
    )
    parser.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.demo import write_demo_database

    if ctx.db_path is None:
        raise UserError(
            "Indiquez le fichier à écrire avec --db, avant la commande.",
            hint="Exemple : coachdesk --db demo.sqlite3 demo",
        )
    from coachdesk.security.expected import protection_expected

    if protection_expected(ctx.db_path.absolute()):
        raise UserError(
            f"« {ctx.db_path} » est la place d'une base protégée par une phrase de passe : la "
            "démonstration ne l'occupe pas, même avec --force.",
            hint="Écrivez la démonstration dans un autre fichier.",
        )
    path = write_demo_database(ctx.db_path, force=args.force)
    print(f"Base de démonstration écrite : {path}", file=ctx.out)
    return 0
