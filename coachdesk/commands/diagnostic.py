"""``coachdesk diagnostic [--json]``: where CoachDesk keeps its files and whether it is complete.

For support ("where is my database?") and for the installed build's own check: the shipped
reference files and both French translations (CoachDesk's and Qt's standard buttons) must be
found, in the bundle as from source. Exit code 1 when something is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from coachdesk.errors import UserError

# Every file the application reads from its resources at run time.
REQUIRED_RESOURCES = (
    ("i18n", "coachdesk_fr.qm"),
    ("rome", "rome_codes.csv"),
    ("smic.csv",),
    ("checklists", "default_fr.json"),
    ("icons", "coachdesk.png"),
    ("help", "guide_fr.md"),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diagnostic",
        help="afficher où CoachDesk range ses fichiers et vérifier l'installation",
        description="Affiche la version, le mode (portable ou non), les dossiers de données et "
        "de réglages, et vérifie que les fichiers livrés et les traductions françaises sont "
        "présents. Utile pour l'assistance.",
    )
    parser.add_argument("--json", action="store_true", help="sortie JSON (pour les scripts)")
    parser.set_defaults(handler=run)


def _mode() -> str:
    from coachdesk import paths

    if os.environ.get("COACHDESK_HOME"):
        return "COACHDESK_HOME"
    if paths.portable_root() is not None:
        return "portable"
    return "profil utilisateur"


def _translations() -> dict[str, bool]:
    """Whether Qt's and CoachDesk's French translations load, and translate a known string."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from coachdesk import paths

    # Translators answer on their own, without an application: none is created here.
    qt_translator, ours = QTranslator(), QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_loaded = qt_translator.load("qtbase_fr", qt_dir)
    ours_loaded = ours.load(str(paths.resource("i18n", "coachdesk_fr.qm")))
    # A standard button label, as the window's dialogs will show it.
    cancel = qt_translator.translate("QPlatformTheme", "Cancel") if qt_loaded else ""
    return {
        "qtbase_fr": qt_loaded and cancel == "Annuler",
        "coachdesk_fr": ours_loaded and not ours.isEmpty(),
    }


def collect() -> dict[str, Any]:
    from coachdesk import __version__, paths

    return {
        "version": __version__,
        "python": sys.version.split()[0],
        "frozen": bool(getattr(sys, "frozen", False)),
        "mode": _mode(),
        "executable_dir": str(paths.executable_dir()),
        # Where the folders are, without creating them: a diagnostic writes nothing.
        "folders": {kind: str(paths.location(kind)) for kind in ("data", "config", "cache", "log")},
        "database": str(paths.default_db_path()),
        "resources_dir": str(paths.resources_dir()),
        "resources": {
            "/".join(parts): paths.resource(*parts).is_file() for parts in REQUIRED_RESOURCES
        },
        "translations": _translations(),
    }


def run(args: argparse.Namespace, ctx: Any) -> int:
    report = collect()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2), file=ctx.out)
    else:
        yes_no = {True: "oui", False: "NON"}
        lines = [
            f"CoachDesk {report['version']} (Python {report['python']}"
            + (", application installée" if report["frozen"] else ", depuis les sources")
            + ")",
            f"Mode : {report['mode']}",
            f"Base de données : {report['database']}",
            f"Dossier des données : {report['folders']['data']}",
            f"Dossier des réglages : {report['folders']['config']}",
            f"Journal : {report['folders']['log']}",
            f"Fichiers livrés : {report['resources_dir']}",
        ]
        lines += [f"  {name} : {yes_no[found]}" for name, found in report["resources"].items()]
        lines.append("Traductions françaises :")
        lines += [f"  {name} : {yes_no[ok]}" for name, ok in report["translations"].items()]
        print("\n".join(lines), file=ctx.out)
    missing = [name for name, found in report["resources"].items() if not found]
    missing += [name for name, ok in report["translations"].items() if not ok]
    if missing:
        raise UserError(
            "Installation incomplète : " + ", ".join(missing) + " introuvable(s).",
            hint="Réinstallez CoachDesk ou recopiez le dossier complet de l'application.",
        )
    return 0
