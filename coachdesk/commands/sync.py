"""``coachdesk --db BASE sync [join URL CODE | status] [--json]``: team mode on a laptop."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="synchroniser avec le serveur de l'équipe (envoyer puis recevoir)",
        description="Sans action : envoie les modifications de ce poste puis reçoit celles de "
        "l'équipe. « join » rejoint une équipe, « status » dit où en est ce poste.",
    )
    sync.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    sync.set_defaults(handler=run_sync)
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION")
    join = actions.add_parser("join", help="rejoindre une équipe avec un code à usage unique")
    join.add_argument("url", metavar="ADRESSE", help="adresse du serveur, ex. https://equipe.org")
    join.add_argument("code", metavar="CODE", help="code remis par le responsable de l'équipe")
    join.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    join.set_defaults(handler=run_join)
    status = actions.add_parser("status", help="modifications à envoyer, conflits, dernière "
                                "synchronisation")
    status.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    status.set_defaults(handler=run_status)
    conflicts = actions.add_parser("conflicts", help="les conflits et doublons à examiner")
    conflicts.add_argument("--json", action="store_true", help="seulement un JSON sur stdout")
    conflicts.set_defaults(handler=run_conflicts)
    resolve = actions.add_parser("resolve", help="régler un conflit")
    resolve.add_argument("conflict_id", metavar="CONFLIT")
    resolve.add_argument("--keep", choices=("retenue", "perdue"), required=True,
                         help="garder la valeur retenue, ou remettre la valeur perdue")
    resolve.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    resolve.set_defaults(handler=run_resolve)


def run_join(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.sync.team import join_and_synchronise

    database, _key = open_for_command(ctx, create=True)
    try:
        # The same steps as the window's Fichier ▸ Rejoindre une équipe…
        joined, report = join_and_synchronise(database, args.url, args.code)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps({**joined, **report.as_json()}, ensure_ascii=False), file=ctx.out)
        return 0
    print(f"Ce poste a rejoint l'équipe « {joined['team']} » ({joined['structure']}, "
          f"{joined['coach']}) : {joined['received'] + report.received} fiche(s) reçue(s), "
          f"{report.sent} envoyée(s).", file=ctx.out)
    return 0


def run_sync(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.sync import engine

    database, _key = open_for_command(ctx)
    try:
        report = engine.synchronise(database)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False), file=ctx.out)
        return 0
    print(report.sentence(), file=ctx.out)
    if report.pending:
        print(f"{report.pending} modification(s) restent à envoyer.", file=ctx.out)
    if report.open_conflicts:
        print(f"{report.open_conflicts} conflit(s) à examiner (coachdesk sync status).",
              file=ctx.out)
    return 0


def run_status(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.sync import engine

    database, _key = open_for_command(ctx)
    try:
        status = engine.status(database)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(status.as_json(), ensure_ascii=False), file=ctx.out)
        return 0
    if not status.joined:
        print("Cette base n'a pas rejoint d'équipe (coachdesk sync join ADRESSE CODE).",
              file=ctx.out)
        return 0
    last = status.last_sync_at or "jamais"
    print(f"Équipe : {status.server_url} — {status.structure_name}, {status.coach_name}.",
          file=ctx.out)
    print(f"Dernière synchronisation : {last} ; {status.pending} modification(s) à envoyer ; "
          f"{status.open_conflicts} conflit(s) ; {status.duplicates} doublon(s) possible(s) ; "
          f"{status.refused} refusée(s).", file=ctx.out)
    if status.blocked_message:
        print(status.blocked_message, file=ctx.out)
    for refusal in status.refusals or []:
        print(f"  Refusée ({refusal['table']} {refusal['row']}) : {refusal['message']}",
              file=ctx.out)
    return 0


def run_conflicts(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.sync import engine

    database, _key = open_for_command(ctx)
    try:
        found = engine.conflicts(database)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(found, ensure_ascii=False), file=ctx.out)
        return 0
    if not found:
        print("Aucun conflit à examiner.", file=ctx.out)
    for c in found:
        if c["reason"] == "duplicate":
            print(f"{c['id']} : doublon possible, fiche {c['row']} et fiche {c['kept']}.",
                  file=ctx.out)
        else:
            print(f"{c['id']} : {c['table']} {c['row']}, champ « {c['column']} » — valeur "
                  f"retenue {c['kept']!r}, valeur perdue {c['lost']!r}.", file=ctx.out)
    return 0


def run_resolve(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.sync import engine

    database, _key = open_for_command(ctx)
    try:
        engine.resolve(database, args.conflict_id, take_lost=args.keep == "perdue")
    finally:
        database.dispose()
    print("Conflit réglé ; l'équipe le saura à la prochaine synchronisation.", file=ctx.out)
    return 0
