"""``coachdesk --db PATH print opco-file CONTRACT_ID [--pdf FILE.pdf] [--xlsx FILE.xlsx]
[--password-prompt | --no-password]``: every CERFA field of a contract, in the form's order,
for the OPCO."""

from __future__ import annotations

import argparse
from typing import Any

from coachdesk.commands._arguments import output_file


def register_opco_file(kinds: Any) -> None:
    from coachdesk.commands.export import password_option

    opco = kinds.add_parser(
        "opco-file",
        help="dossier OPCO d'un contrat : chaque champ du CERFA n° 12434 dans son ordre "
        "(PDF et/ou classeur xlsx)",
        description="Chaque champ du CERFA n° 12434 (rubrique, libellé, valeur) dans l'ordre "
        "du formulaire, pour remplir le portail de l'OPCO d'une traite ; les champs manquants "
        "sont marqués « À compléter ».",
    )
    opco.add_argument("contract_id", metavar="CONTRAT", help="identifiant du contrat")
    opco.add_argument("--pdf", metavar="FICHIER.pdf", type=output_file(".pdf"),
                      help="fichier PDF à écrire")
    opco.add_argument("--xlsx", metavar="FICHIER.xlsx", type=output_file(".xlsx"),
                      help="classeur xlsx à écrire")
    password_option(opco)
    opco.set_defaults(handler=run_opco_file)


def run_opco_file(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.commands.export import export_password
    from coachdesk.errors import UserError
    from coachdesk.exports.opco_file import write_opco_pdf, write_opco_xlsx
    from coachdesk.services.cerfa import opco_file

    if args.pdf is None and args.xlsx is None:
        raise UserError("Indiquez au moins un fichier à écrire : --pdf FICHIER.pdf ou "
                        "--xlsx FICHIER.xlsx.", hint="Rien n'a été écrit.")
    password = export_password(args, ctx)
    database = ctx.open_db(read_only=True)
    try:
        file = opco_file(database, args.contract_id)
    finally:
        database.dispose()
    if args.pdf is not None:
        write_opco_pdf(args.pdf, file, password=password)
        protected = " (protégé par mot de passe)" if password else ""
        print(f"Dossier OPCO écrit dans {args.pdf}{protected}.", file=ctx.out)
    if args.xlsx is not None:
        write_opco_xlsx(args.xlsx, file, password=password)
        protected = " (protégé par mot de passe)" if password else ""
        print(f"Dossier OPCO écrit dans {args.xlsx}{protected}.", file=ctx.out)
    missing = file.missing
    if missing:
        print(f"{len(missing)} champ(s) à compléter avant l'envoi : " + " ; ".join(missing)
              + ".", file=ctx.out)
    else:
        print("Tous les champs demandés par le formulaire sont remplis.", file=ctx.out)
    return 0
