"""argparse in French: the help (« utilisation : », « arguments », « afficher cette aide et
quitter ») and the usage errors (« ces arguments sont obligatoires : … »).

argparse takes its words through ``gettext`` (the module's ``_`` and ``ngettext``), looked up
when a parser is built, a help is formatted or an error is said. ``FrenchArgumentParser`` puts
French lookups in their place for exactly those moments and restores them afterwards, so
nothing else in the process (a test runner, a library) is changed. Python's own ``argparse``
messages of 3.11 to 3.13 are all here; a message a later Python adds stays in English until it
is added below.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

MESSAGES_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "subcommands": "commandes",
    "%(heading)s:": "%(heading)s :",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    " (default: %(default)s)": " (par défaut : %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s : attention : %(message)s\n",
    "the following arguments are required: %s": "ces arguments sont obligatoires : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix non valable : %(value)r (choisissez parmi %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur non valable (%(type)s) : %(value)r",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë : %(option)s peut être %(matches)s",
    "ignored explicit argument %r": "valeur ignorée : %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "commande inconnue : %(parser_name)r (choix : %(choices)s)",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "argument '%(argument_name)s' is deprecated": "l'argument « %(argument_name)s » est obsolète",
    "command '%(parser_name)s' is deprecated": "la commande « %(parser_name)s » est obsolète",
    "option '%(option)s' is deprecated": "l'option « %(option)s » est obsolète",
}

PLURALS_FR = {
    ("expected %s argument", "expected %s arguments"): ("%s valeur attendue",
                                                        "%s valeurs attendues"),
}


def _gettext_fr(message: str) -> str:
    return MESSAGES_FR.get(message, message)


def _ngettext_fr(singular: str, plural: str, count: int) -> str:
    french = PLURALS_FR.get((singular, plural))
    if french is None:
        return singular if count == 1 else plural
    # French: 0 and 1 take the singular.
    return french[0] if count <= 1 else french[1]


@contextlib.contextmanager
def french_argparse() -> Iterator[None]:
    """argparse speaks French inside the block (blocks may nest)."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _gettext_fr, _ngettext_fr
    try:
        yield
    finally:
        module._, module.ngettext = saved


class FrenchHelpFormatter(argparse.HelpFormatter):
    """French typography in the help: a space before the colon of each heading."""

    def start_section(self, heading: str | None) -> None:
        # Python 3.13 translates the heading's colon (« %(heading)s : »); before, the colon
        # is written by argparse itself, so the space goes with the heading.
        if heading and sys.version_info < (3, 13):
            heading += " "
        super().start_section(heading)


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and usage errors are French (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        with french_argparse():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with french_argparse():
            return super().add_subparsers(**kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with french_argparse():
            return super().add_argument(*args, **kwargs)

    # Argument-for-argument as argparse's, which typeshed overloads on the namespace's type.
    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with french_argparse():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with french_argparse():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with french_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with french_argparse():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """The usage, then what is wrong, on stderr; exit code 2 (bad usage)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur d'utilisation : {message}\n")
