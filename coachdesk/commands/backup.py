"""``coachdesk backup --out FILE``, ``coachdesk restore FILE``, and protecting a database:
``coachdesk protect``, ``coachdesk change-passphrase``, ``coachdesk reset-passphrase``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="sauvegarder la base dans un fichier",
        description="Copie cohérente de la base (API de sauvegarde de SQLite). Une base protégée "
        "donne une sauvegarde chiffrée, accompagnée de son fichier de clés.",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FICHIER")
    backup.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="remplacer la base par une sauvegarde",
        description="Vérifie la sauvegarde avant tout, garde une copie de la base remplacée, "
        "puis la remplace. Fermez CoachDesk avant de restaurer.",
    )
    restore.add_argument("file", type=Path, metavar="FICHIER")
    restore.add_argument(
        "--recovery-key", action="store_true", help="ouvrir la sauvegarde avec la clé de secours"
    )
    restore.set_defaults(handler=run_restore)

    protect = subparsers.add_parser(
        "protect",
        help="chiffrer la base par une phrase de passe",
        description="Chiffre la base (SQLCipher) et affiche une clé de secours à imprimer.",
    )
    protect.set_defaults(handler=run_protect)

    change = subparsers.add_parser(
        "change-passphrase",
        help="changer la phrase de passe",
        description="Change la phrase de passe ; avec --new-key, change aussi la clé de données "
        "(la base et ses sauvegardes sont rechiffrées, une nouvelle clé de secours est "
        "affichée).",
    )
    change.add_argument(
        "--new-key",
        action="store_true",
        help="changer aussi la clé de données (les anciens fichiers de clés n'ouvrent plus la "
        "base)",
    )
    change.set_defaults(handler=run_change_passphrase)

    reset = subparsers.add_parser(
        "reset-passphrase", help="phrase de passe oubliée : la remplacer avec la clé de secours"
    )
    reset.set_defaults(handler=run_reset_passphrase)


def run_backup(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.commands._arguments import check_output_file
    from coachdesk.db_copy import check_not_damaged
    from coachdesk.errors import UserError
    from coachdesk.files import text_name
    from coachdesk.security import crypto
    from coachdesk.security.cli_support import open_for_command
    from coachdesk.services import audit, backups

    database = Path(ctx.database_path())
    out: Path = args.out
    check_output_file(out, ".sqlite3")
    if out.exists() and not args.force:
        raise UserError(
            f"Le fichier « {out} » existe déjà.", hint="Choisissez un autre nom, ou --force."
        )
    if out.exists() and out.resolve() == database.resolve():
        raise UserError("La sauvegarde ne peut pas remplacer la base elle-même.")
    db, key = open_for_command(ctx)
    try:
        db.check_writable()  # the backup is audited: a read-only database is refused first
        backups.write_backup(db, out)
        with db.write() as session:
            # A damaged database gets no audit row: the copy's check refused it already, and
            # this is the last word before writing.
            check_not_damaged(session)
            audit.record(session, "backup", f"Sauvegarde vers {text_name(out.name)}")
    finally:
        db.dispose()
    print(f"Sauvegarde écrite : {out}", file=ctx.out)
    if key is not None:
        print(
            "La sauvegarde est chiffrée, comme la base : elle s'ouvre avec la phrase de passe "
            "actuelle ou la clé de secours. Gardez avec elle son fichier de clés "
            f"« {crypto.sidecar_path(out).name} ».",
            file=ctx.out,
        )
    return 0


def run_restore(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.security import crypto, sqlcipher
    from coachdesk.security.cli_support import (
        PASSPHRASE_ENV,
        RECOVERY_KEY_ENV,
        ask_secret,
    )
    from coachdesk.services import restoring

    backup: Path = args.file
    database = Path(ctx.database_path())
    passphrase = recovery = None
    target_key = None
    if restoring.target_is_protected(database):
        # The restored database stays encrypted with the database's own key and keys file.
        secret = ask_secret(f"Phrase de passe de « {database.name} » : ", PASSPHRASE_ENV)
        if database.exists() and database.stat().st_size > 0:
            target_key = sqlcipher.unlock(database, passphrase=secret)
        else:
            target_key = crypto.unlock_with_passphrase(database, secret)
        passphrase = secret
    if backup.is_file() and sqlcipher.is_protected(backup):
        if args.recovery_key:
            recovery = ask_secret("Clé de secours de la sauvegarde : ", RECOVERY_KEY_ENV)
        elif passphrase is None:
            passphrase = ask_secret("Phrase de passe de la sauvegarde : ", PASSPHRASE_ENV)
    result = restoring.restore(
        backup, database, passphrase=passphrase, recovery_key=recovery, target_key=target_key
    )
    people = result.table_counts.get("participant", 0)
    print(f"Base restaurée depuis « {backup} » ({people} personnes).", file=ctx.out)
    if target_key is not None:
        print(
            "La base reste chiffrée, avec la même phrase de passe et la même clé de secours.",
            file=ctx.out,
        )
    if result.previous_copy is not None:
        print(f"La base remplacée est conservée dans « {result.previous_copy} ».", file=ctx.out)
    return 0


def run_protect(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.db import open_database
    from coachdesk.security.cli_support import ask_new_passphrase
    from coachdesk.services import protection

    database = Path(ctx.database_path())
    # Opening first refuses a damaged, foreign or newer database, and upgrades an older one.
    # A plain file where a protected one was expected is accepted here only: it gets protected.
    open_database(database, create=False, allow_plain=True).dispose()
    passphrase = ask_new_passphrase()
    result = protection.protect(database, passphrase)
    print(f"La base « {database.name} » est maintenant chiffrée.", file=ctx.out)
    if result.encrypted_copies:
        print(
            f"{len(result.encrypted_copies)} copie(s) existante(s) de la base (sauvegardes, "
            "copies avant restauration ou migration) ont été chiffrées de même.",
            file=ctx.out,
        )
    for deleted in result.deleted_copies:
        print(
            f"La copie en clair « {deleted} » était endommagée : elle n'a pas pu être chiffrée "
            "et a été effacée.",
            file=ctx.out,
        )
    _print_recovery_key(result.recovery_key, ctx)
    return 0


def _print_recovery_key(recovery: str, ctx: Any) -> None:
    print(
        "CLÉ DE SECOURS — imprimez-la et rangez-la à part, elle ne sera plus affichée :",
        file=ctx.out,
    )
    print(f"    {recovery}", file=ctx.out)
    print(
        "Sans la phrase de passe ni cette clé, personne (pas même l'équipe CoachDesk) ne peut "
        "relire la base.",
        file=ctx.out,
    )


def run_change_passphrase(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.db import open_database
    from coachdesk.errors import UserError
    from coachdesk.security.cli_support import ask_new_passphrase, unlock_key
    from coachdesk.services import protection

    database = Path(ctx.database_path())
    key = unlock_key(database)
    if key is None:
        raise UserError(
            f"La base « {database.name} » n'est pas protégée.",
            hint="Protégez-la d'abord avec « coachdesk protect ».",
        )
    # Refuses a damaged database before anything changes.
    open_database(database, create=False, key=key).dispose()
    change = protection.change_keys(
        database, key, ask_new_passphrase(), new_key=args.new_key
    )
    db = open_database(database, create=False, key=change.key)
    try:
        protection.record_passphrase_change(db, new_key=args.new_key)
    finally:
        db.dispose()
    if change.recovery_key is None:
        print("Phrase de passe changée. La clé de secours reste valable.", file=ctx.out)
        return 0
    print(
        "Phrase de passe et clé de données changées : l'ancienne phrase de passe, l'ancienne "
        "clé de secours et les anciens fichiers de clés n'ouvrent plus la base.",
        file=ctx.out,
    )
    if change.reencrypted_copies:
        print(
            f"{len(change.reencrypted_copies)} sauvegarde(s) ont été rechiffrées avec la "
            "nouvelle clé.",
            file=ctx.out,
        )
    _print_recovery_key(change.recovery_key, ctx)
    return 0


def run_reset_passphrase(args: argparse.Namespace, ctx: Any) -> int:
    from coachdesk.db import open_database
    from coachdesk.security import crypto
    from coachdesk.security.cli_support import ask_new_passphrase, unlock_key
    from coachdesk.services import audit

    database = Path(ctx.database_path())
    key = unlock_key(database, use_recovery_key=True)
    if key is None:
        from coachdesk.errors import UserError

        raise UserError(f"La base « {database.name} » n'est pas protégée.")
    crypto.set_passphrase(database, key, ask_new_passphrase())
    db = open_database(database, create=False, key=key)
    try:
        with db.write() as session:
            audit.record(session, "passphrase_change", "Phrase de passe remplacée (clé de secours)")
    finally:
        db.dispose()
    print("Nouvelle phrase de passe enregistrée.", file=ctx.out)
    return 0
