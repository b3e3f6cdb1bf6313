"""``coachdesk server init|add-coach|run|revoke|erase|move``: the team server (extra ``server``).

The database address comes from ``--database-url`` or ``COACHDESK_SERVER_DATABASE_URL`` (which
keeps the password out of the process list).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

URL_ENV = "COACHDESK_SERVER_DATABASE_URL"


def register(subparsers: Any) -> None:
    server = subparsers.add_parser(
        "server", help="serveur d'équipe (PostgreSQL) : créer, inscrire des chargés, lancer")
    actions = server.add_subparsers(dest="server_action", metavar="ACTION", required=True)

    def with_url(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--database-url", metavar="URL", default=os.environ.get(URL_ENV),
                            help=f"base PostgreSQL de l'équipe (sinon ${URL_ENV})")
        return parser

    init = with_url(actions.add_parser("init", help="créer ou mettre à jour le schéma"))
    init.add_argument("--team", metavar="NOM", default="Équipe", help="nom de l'équipe")
    init.set_defaults(handler=run_init)

    add = with_url(actions.add_parser(
        "add-coach", help="inscrire un chargé d'accompagnement ; affiche son code d'accès"))
    add.add_argument("--name", required=True, metavar="NOM")
    add.add_argument("--scope", metavar="STRUCTURE", default="Structure principale",
                     help="structure du chargé (créée si nouvelle)")
    add.add_argument("--promotion", action="append", default=[], metavar="PROMOTION",
                     help="limiter le chargé à cette promotion (répétable)")
    add.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    add.set_defaults(handler=run_add_coach)

    run = with_url(actions.add_parser("run", help="lancer le service HTTP"))
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8470)
    run.set_defaults(handler=run_serve)

    revoke = with_url(actions.add_parser("revoke", help="retirer un poste (perdu, volé)"))
    revoke.add_argument("device_id", metavar="POSTE")
    revoke.set_defaults(handler=run_revoke)

    erase = with_url(actions.add_parser(
        "erase", help="effacer une personne de l'équipe (RGPD) et l'ordonner aux postes"))
    erase.add_argument("participant_id", metavar="IDENTIFIANT")
    erase.add_argument("--confirm", action="store_true", help="effacer vraiment")
    erase.set_defaults(handler=run_erase)

    move = with_url(actions.add_parser(
        "move", help="confier une personne à une autre structure"))
    move.add_argument("participant_id", metavar="IDENTIFIANT")
    move.add_argument("--to", required=True, metavar="STRUCTURE")
    move.set_defaults(handler=run_move)


def _engine(args: argparse.Namespace) -> Any:
    from coachdesk.errors import UserError

    if not args.database_url:
        raise UserError(
            "Aucune base PostgreSQL indiquée pour le serveur de l'équipe.",
            hint=f"Ajoutez --database-url postgresql://… ou définissez {URL_ENV}.",
        )
    try:
        from coachdesk.server.admin import engine_for
    except ImportError as error:
        raise UserError(
            "Les composants du serveur d'équipe ne sont pas installés.",
            hint='Installez-les avec : pip install "coachdesk[server]"',
        ) from error
    return engine_for(args.database_url)


def run_init(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.server.admin import init_schema

    engine = _engine(args)
    try:
        revision = init_schema(engine, args.team)
    finally:
        engine.dispose()
    print(f"Schéma de l'équipe à jour (révision {revision}).", file=ctx.out)
    return 0


def run_add_coach(args: argparse.Namespace, ctx: Any) -> int:
    import json

    from coachdesk.server.admin import add_coach, check_schema

    engine = _engine(args)
    try:
        check_schema(engine)
        added = add_coach(engine, args.name, args.scope, args.promotion)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(added, ensure_ascii=False), file=ctx.out)
        return 0
    print(f"{args.name} est inscrit·e ({args.scope}). Code d'accès à usage unique, valable "
          f"7 jours : {added['code']}", file=ctx.out)
    print("Sur son poste : coachdesk sync join ADRESSE_DU_SERVEUR CODE", file=ctx.out)
    return 0


def run_serve(args: argparse.Namespace, ctx: Any) -> int:
    import uvicorn

    from coachdesk.server.admin import check_role, check_schema
    from coachdesk.server.app import create_app

    engine = _engine(args)
    check_role(engine)
    check_schema(engine)
    print(f"Serveur de l'équipe à l'écoute sur http://{args.host}:{args.port}", file=ctx.out,
          flush=True)
    uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="warning")
    return 0


def run_revoke(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.errors import UserError
    from coachdesk.server import devices
    from coachdesk.server.admin import now

    engine = _engine(args)
    try:
        with engine.begin() as connection:
            done = devices.revoke_device(connection, args.device_id, now())
    finally:
        engine.dispose()
    if not done:
        raise UserError(f"Aucun poste actif n'a l'identifiant « {args.device_id} ».")
    print("Poste retiré : il ne pourra plus se synchroniser.", file=ctx.out)
    return 0


def run_erase(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.errors import UserError
    from coachdesk.server import people
    from coachdesk.server.admin import now

    if not args.confirm:
        raise UserError("L'effacement est définitif pour toute l'équipe.",
                        hint="Ajoutez --confirm pour effacer vraiment.")
    engine = _engine(args)
    try:
        with engine.begin() as connection:
            erasure_id = people.erase_person(connection, args.participant_id, now())
    except LookupError as error:
        raise UserError(f"Aucune personne n'a l'identifiant « {args.participant_id} ».") from error
    finally:
        engine.dispose()
    print(f"Personne effacée ; ordre d'effacement {erasure_id} envoyé aux postes à leur "
          "prochaine synchronisation.", file=ctx.out)
    return 0


def run_move(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.errors import UserError
    from coachdesk.server import devices, people
    from coachdesk.server.admin import now

    engine = _engine(args)
    try:
        with engine.begin() as connection:
            structure_id = devices.ensure_structure(connection, args.to, now())
            stamp = now()
            people.move_person(connection, args.participant_id, structure_id, stamp,
                              int(stamp.timestamp() * 1000))
    except LookupError as error:
        raise UserError(f"Aucune personne n'a l'identifiant « {args.participant_id} ».") from error
    finally:
        engine.dispose()
    print(f"Personne confiée à « {args.to} » : elle quitte les postes de l'ancienne structure "
          "à leur prochaine synchronisation.", file=ctx.out)
    return 0
