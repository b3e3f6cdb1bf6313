"""``coachdesk --db PATH import training FILE [--cohort NAME] [--sheet SHEET] [--dry-run]
[--json]``: the training body's sheet of absences and assessments (its columns are listed in
``coachdesk.services.training_import``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

# How many rejected rows the French summary lists one by one.
_LISTED = 30


def register_kind(kinds: Any) -> None:
    """Add ``training`` beside ``contacts`` under ``coachdesk import``."""
    training = kinds.add_parser(
        "training",
        help="importer la feuille d'absences et d'évaluations de l'organisme de formation",
        description="Importe les absences et les évaluations transmises par l'organisme de "
        "formation (.xlsx, .xls, .ods, .csv). Colonnes : Nom, Prénom, Date de naissance, Date, "
        "Nature (absence ou évaluation), Heures ou Demi-journées, Justifiée (oui/non), Motif, "
        "Matière, Résultat, Note sur 20. Les lignes déjà enregistrées ne sont pas doublées ; "
        "les lignes refusées sont listées avec leur ligne et leur colonne.",
    )
    training.add_argument("file", type=Path, metavar="FICHIER", help="la feuille à importer")
    training.add_argument("--cohort", metavar="NOM",
                          help="chercher les personnes dans cette promotion seulement")
    training.add_argument("--sheet", metavar="FEUILLE", help="feuille du classeur à lire")
    training.add_argument("--dry-run", action="store_true",
                          help="tout vérifier et compter sans rien enregistrer")
    training.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    training.set_defaults(handler=run_import_training)


def run_import_training(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.training_import import import_training_sheet

    database = ctx.open_db()
    try:
        report = import_training_sheet(database, args.file, cohort_name=args.cohort,
                                       sheet=args.sheet, dry_run=args.dry_run)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, default=str), file=ctx.out)
        return 0
    out = ctx.out
    where = f"« {report.file_name} »" + (f", feuille « {report.sheet} »" if report.sheet else "")
    verb = "seraient importées" if report.dry_run else "importées"
    print(f"Fichier {where} : titres de colonnes en ligne {report.header_row}, "
          f"{report.data_rows} lignes de données.", file=out)
    print(f"{report.absences} absences et {report.assessments} évaluations {verb}, "
          f"{report.already_recorded} déjà enregistrées, {len(report.rejected)} lignes "
          "refusées.", file=out)
    if report.rejected:
        print("\nLignes refusées :", file=out)
        for rejection in report.rejected[:_LISTED]:
            print(f"  {rejection.message}", file=out)
        if len(report.rejected) > _LISTED:
            print(f"  … et {len(report.rejected) - _LISTED} autres.", file=out)
    if report.dry_run:
        print("\nEssai à blanc : rien n'a été enregistré.", file=out)
    return 0
