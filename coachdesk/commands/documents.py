"""``coachdesk documents list|add|get``: the documents kept with a person, a contract, an
employer or a visit, as the window's « Documents » list shows them."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from coachdesk.commands._arguments import output_file

_OWNERS = (("personne", "participant"), ("contrat", "contract"), ("employeur", "employer"),
           ("visite", "visit"))


def _owner_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    for option, _kind in _OWNERS:
        group.add_argument(f"--{option}", metavar="IDENTIFIANT",
                           help=f"les documents de cette fiche ({option})")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "documents", help="documents gardés avec une fiche (lister, ajouter, extraire)",
        description="Les documents (CV, CERFA signé, décision de l'OPCO, compte rendu de "
        "visite…) gardés dans la base avec une personne, un contrat, un employeur ou une "
        "visite : PDF, images et fichiers de bureautique, 20 Mo au plus.",
    )
    actions = parser.add_subparsers(dest="documents_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="les documents d'une fiche")
    _owner_options(listing)
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.set_defaults(handler=run_list)
    adding = actions.add_parser("add", help="ajouter un fichier à une fiche")
    adding.add_argument("file", type=Path, metavar="FICHIER")
    _owner_options(adding)
    adding.set_defaults(handler=run_add)
    getting = actions.add_parser("get", help="écrire un document dans un fichier")
    getting.add_argument("document_id", metavar="DOCUMENT")
    getting.add_argument("--out", type=output_file(""), required=True, metavar="FICHIER")
    getting.set_defaults(handler=run_get)


def _owner(args: argparse.Namespace) -> Any:
    from coachdesk.services.documents import DocumentOwner

    for option, kind in _OWNERS:
        value = getattr(args, option)
        if value:
            return DocumentOwner(kind, value)  # type: ignore[arg-type]  # one of OwnerKind
    raise AssertionError("argparse requires one owner")


def run_list(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.documents import list_documents

    database = ctx.open_db()
    try:
        rows = list_documents(database, _owner(args))
    finally:
        database.dispose()
    if args.json:
        print(json.dumps([{"id": row.id, "nom": row.file_name, "type": row.kind,
                           "taille": row.size, "ajoute_le": row.added_on.isoformat(),
                           "rattache_a": row.attached_to} for row in rows],
                         ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    if not rows:
        print("Aucun document pour cette fiche.", file=ctx.out)
    for row in rows:
        print(f"{row.id}  {row.added_on:%d/%m/%Y}  {row.size_label:>10}  {row.attached_to:<22}"
              f"  {row.file_name}", file=ctx.out)
    return 0


def run_add(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.documents import add_document, read_document_file

    file = read_document_file(args.file)  # refused before the database is opened
    database = ctx.open_db()
    try:
        document_id = add_document(database, _owner(args), file)
    finally:
        database.dispose()
    print(f"Document ajouté : « {file.name} » ({document_id}).", file=ctx.out)
    return 0


def run_get(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.files import open_private
    from coachdesk.services.documents import document_content

    database = ctx.open_db()
    try:
        document = document_content(database, args.document_id)
    finally:
        database.dispose()
    out: Path = args.out
    # Complete or absent: written beside, then renamed into place (0600 from the first byte).
    partial = out.with_name(f".{out.name}.partiel")
    try:
        with open_private(partial, "wb") as written:
            written.write(document.content)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    print(f"« {document.name} » écrit dans {out}.", file=ctx.out)
    return 0
