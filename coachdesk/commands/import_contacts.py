"""``coachdesk --db PATH import contacts FILE [--cohort NAME] [--dry-run] [--json]
[--provenance CODE]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

# How many rejected rows, warnings and duplicates the French summary lists one by one.
_LISTED = 30


def register(subparsers: Any) -> None:
    importing = subparsers.add_parser("import", help="importer des données dans la base")
    kinds = importing.add_subparsers(dest="import_kind", metavar="TYPE", required=True)
    contacts = kinds.add_parser(
        "contacts",
        help="importer un fichier de contacts (.xlsx, .xlsm, .xls, .ods, .csv)",
        description="Importe un fichier de contacts (université, Mission Locale…) dans une "
        "promotion. Les doublons ne sont jamais importés deux fois ; l'import se fait en entier "
        "ou pas du tout.",
    )
    contacts.add_argument("file", type=Path, metavar="FICHIER", help="le fichier à importer")
    contacts.add_argument(
        "--cohort", metavar="NOM",
        help="promotion d'arrivée, créée si elle n'existe pas (par défaut la plus récente)",
    )
    contacts.add_argument(
        "--dry-run", action="store_true", help="tout vérifier et compter sans rien enregistrer"
    )
    contacts.add_argument("--json", action="store_true", help="seulement un objet JSON sur stdout")
    contacts.add_argument(
        "--provenance", default="universite", metavar="CODE",
        # Checked by the service (models are not imported while building the parser).
        help="origine du fichier : universite, mission_locale, pole_emploi (France Travail, "
        "ex-Pôle emploi), candidature ou autre (par défaut universite)",
    )
    contacts.add_argument("--sheet", metavar="FEUILLE", help="feuille du classeur à lire")
    contacts.add_argument(
        "--create", action="store_true",
        help="créer la base de --db si elle n'existe pas encore (sinon elle doit exister)",
    )
    contacts.set_defaults(handler=run_import_contacts)
    from coachdesk.commands.import_training import register_kind

    register_kind(kinds)


def run_import_contacts(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.services.contact_import import import_contacts

    # A database is created only when asked: a missing file is refused by default, and always
    # where a protected database is expected.
    database = ctx.open_db(create=args.create and not args.dry_run)
    try:
        report = import_contacts(
            database, args.file, cohort=args.cohort, provenance=args.provenance,
            sheet=args.sheet, dry_run=args.dry_run,
        )
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False), file=ctx.out)
        return 0
    out = ctx.out
    where = f"« {report.file_name} »" + (f", feuille « {report.sheet} »" if report.sheet else "")
    print(f"Fichier {where} : titres de colonnes en ligne {report.header_row}, "
          f"{_count(report.data_rows, 'ligne de données', 'lignes de données')}.", file=out)
    created = " (nouvelle promotion)" if report.cohort_created else ""
    imported = (("personne serait importée", "personnes seraient importées") if report.dry_run
                else ("personne importée", "personnes importées"))
    print(f"Promotion « {report.cohort_name} »{created}.", file=out)
    print(", ".join((
        _count(report.imported, *imported),
        _count(len(report.duplicates), "doublon", "doublons"),
        _count(len(report.rejected), "ligne rejetée", "lignes rejetées"),
        _count(report.blank_rows, "ligne vide ignorée", "lignes vides ignorées"),
        _count(len(report.warnings), "avertissement", "avertissements"),
    )) + ".", file=out)
    if report.unrecognised_columns:
        print("Colonnes non reconnues, ignorées : "
              + ", ".join(f"« {label} »" for label in report.unrecognised_columns) + ".", file=out)
    _section(out, "Lignes rejetées", [f"ligne {r.row} : {r.reason}" for r in report.rejected])
    _section(out, "Avertissements", [
        f"ligne {w.row}, colonne « {w.field} », valeur « {w.value} » : {w.message}"
        for w in report.warnings
    ])
    _section(out, "Doublons", [
        f"ligne {d.row} : {d.name} ({d.reason}) — "
        + (f"déjà en ligne {d.same_as_row}" if d.same_as_row else "déjà dans la base")
        + (f" ; complété : {', '.join(d.filled)}" if d.filled else "")
        for d in report.duplicates
    ])
    if report.dry_run:
        print("\nEssai à blanc : rien n'a été enregistré.", file=out)
    return 0


def _count(number: int, one: str, several: str) -> str:
    """« 1 doublon », « 0 ligne rejetée », « 80 000 personnes importées »: French agreement,
    thousands grouped by a narrow no-break space."""
    return f"{number:,}".replace(",", "\u202f") + " " + (several if number > 1 else one)


def _section(out: Any, title: str, lines: list[str]) -> None:
    if not lines:
        return
    print(f"\n{title} :", file=out)
    for line in lines[:_LISTED]:
        print(f"  {line}", file=out)
    if len(lines) > _LISTED:
        print(f"  … et {len(lines) - _LISTED} autres.", file=out)
