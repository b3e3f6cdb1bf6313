"""Command line: ``coachdesk [--db PATH] [--demo] [COMMAND …]``.

Without a command the window opens. Commands come from the modules of ``COMMAND_MODULES``; each
defines ``register(subparsers)`` and sets ``handler=fn`` on its parsers, with
``fn(args, ctx) -> int``. Command modules import their services inside the handler, never at
module level: building the parser must stay cheap, since it runs before the window opens.

Exit codes: 0 done, 1 an error the coach can act on (French message on stderr, no traceback),
2 bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from coachdesk.commands._argparse_fr import FrenchArgumentParser
from coachdesk.errors import UserError

if TYPE_CHECKING:
    from coachdesk.db import Database

COMMAND_MODULES: tuple[str, ...] = (
    "coachdesk.commands.agenda",
    "coachdesk.commands.clock",
    "coachdesk.commands.demo",
    "coachdesk.commands.report",
    "coachdesk.commands.print_sheets",
    "coachdesk.commands.letters",
    "coachdesk.commands.export",
    "coachdesk.commands.import_contacts",
    "coachdesk.commands.cohort",
    "coachdesk.commands.backup",
    "coachdesk.commands.gdpr",
    "coachdesk.commands.documents",
    "coachdesk.commands.diagnostic",
    "coachdesk.commands.sync",
    "coachdesk.commands.server",
)



@dataclass
class Context:
    """What a command needs from the command line: the database choice and the output streams."""

    db_path: Path | None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def database_path(self) -> Path:
        from coachdesk import paths

        # Absolute: SQLCipher opens files through file: URIs, which need one.
        chosen = self.db_path if self.db_path is not None else paths.default_db_path()
        return chosen.absolute()

    def open_db(self, *, create: bool = False, read_only: bool = False) -> Database:
        """Open the chosen database; by default refuse to create a missing one.

        A protected database asks its passphrase (COACHDESK_PASSPHRASE, or typed without echo
        on a terminal, with retries); it is never created or overwritten when it cannot be
        opened. ``read_only`` is for the commands that only read: nothing is ever written.
        """
        from coachdesk.security.cli_support import open_for_command

        database, _key = open_for_command(self, create=create, read_only=read_only)
        return database


# Commands that only read the database: they open it read-only (nothing created, upgraded or
# written) and may run beside an open CoachDesk window.
READ_ONLY_COMMANDS = frozenset({"report", "agenda", "print", "diagnostic"})


def _writes(args: argparse.Namespace) -> bool:
    if args.command in READ_ONLY_COMMANDS:
        return False
    if args.command == "server":
        return False  # the team server's PostgreSQL, not this laptop's database
    if args.command == "sync":
        return getattr(args, "sync_action", None) not in ("status", "conflicts")
    if args.command == "gdpr":
        return getattr(args, "gdpr_action", None) in {"erase", "access"} or (
            args.gdpr_action == "purge" and not args.preview
        )
    return True


def _unexpected(ctx: Context) -> int:
    """An error nobody foresaw: a report for the team (no personal data), a French sentence."""
    from coachdesk.logs import write_crash_report

    report = write_crash_report(*sys.exc_info())
    where = (
        f"Le détail technique est dans « {report} » : transmettez ce fichier à l'équipe "
        "CoachDesk."
        if report is not None
        else "Le rapport technique n'a pas pu être écrit (disque plein ?)."
    )
    print(
        "Erreur inattendue : l'opération n'a pas abouti et rien n'a été enregistré à moitié.\n"
        + where,
        file=ctx.err,
    )
    return 1


def _database_for_messages(ctx: Context) -> Path | None:
    try:
        return ctx.database_path()
    except Exception:  # the folders themselves cannot be made: no database to name
        return None


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The command-line parser; without commands, only the window's options (cheaper)."""
    from coachdesk import __version__

    parser = FrenchArgumentParser(
        prog="coachdesk",
        add_help=with_commands,
        description="CoachDesk : accompagnement des décrocheurs vers l'alternance et l'emploi.",
        epilog="Sans commande, la fenêtre de CoachDesk s'ouvre.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="CHEMIN",
        help="base de données à utiliser (sinon $COACHDESK_DB, sinon la base de l'utilisateur)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir la fenêtre sur une base de démonstration neuve (jamais sur votre base)",
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}",
                        help="afficher la version de CoachDesk et quitter")
    # For start-up measurements and the bundle's smoke test: quit once the data is shown.
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser
    )
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _run_gui(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.app import run

    if args.demo and args.db is not None:
        raise UserError(
            "--demo et --db ne peuvent pas être utilisés ensemble.",
            hint="--demo ouvre toujours une base de démonstration neuve.",
        )
    return run(db_path=ctx.db_path, demo=args.demo, exit_when_ready=args.exit_when_ready)


def _printable_streams() -> None:
    """File names that are not valid UTF-8 (or not in the terminal's encoding) are printed
    with escapes instead of failing after the work is done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _interrupt_on_hangup() -> None:
    """A closed terminal or a ``kill`` stops a command like Ctrl+C: its clean-up runs (an
    export being written leaves no hidden half file), and it ends with "Interrompu."."""
    import signal

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(number, interrupt)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _printable_streams()
    ctx = Context(db_path=None)
    try:
        # Opening the window must not pay for building every command's parser: first read
        # only the window's options, and build the full parser when anything else is on the
        # line.
        args, rest = build_parser(with_commands=False).parse_known_args(arguments)
        parser = None
        if rest:
            parser = build_parser()
            args = parser.parse_args(arguments)
        else:
            args.command = None
        ctx.db_path = args.db
        handler = getattr(args, "handler", None)
        if handler is None:
            if args.command and parser is not None:
                parser.parse_args([args.command, "--help"])
            return _run_gui(args, ctx)
        if argv is None:  # the program itself, not a caller's test or script
            _interrupt_on_hangup()
        if not _writes(args):
            return int(handler(args, ctx))
        # One database, one CoachDesk: a command that writes waits for no one, it says so.
        from coachdesk.database_lock import DatabaseLock

        with DatabaseLock(ctx.database_path()):
            return int(handler(args, ctx))
    except UserError as error:
        print(f"Erreur : {error}", file=ctx.err)
        return 1
    except KeyboardInterrupt:
        print("Interrompu.", file=ctx.err)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``coachdesk … | head``): not an error. Python
        # would complain again when flushing stdout at exit, so point it at /dev/null.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        from coachdesk.errors import explain_failure

        # A full disk, a read-only medium, a failing disk, a damaged database: said in French.
        explained = explain_failure(exc, database=_database_for_messages(ctx))
        if explained is not None:
            print(f"Erreur : {explained}", file=ctx.err)
            return 1
        return _unexpected(ctx)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
