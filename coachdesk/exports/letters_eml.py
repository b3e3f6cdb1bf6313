"""The mailing by e-mail: one ``.eml`` draft per person, for the coach's mail program.

Each draft is a plain-text UTF-8 message (To: the person, From: the signing coach when known,
Subject, body) marked ``X-Unsent: 1`` so that Outlook opens it as a message to send; Thunderbird
and most others open an ``.eml`` as a message too. The coach sends each one from their own
mailbox: CoachDesk sends nothing.

The drafts hold personal data and leave the store at the coach's explicit request, like an
export: they are written ``0600`` into a ``0700`` folder the coach chooses (new or empty), with
neutral names (``courriel-001.eml``…) so that no name shows in a file listing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from pathlib import Path

from coachdesk.errors import UserError
from coachdesk.files import open_private, private_dir
from coachdesk.services.letters import Letter, LetterSet


@dataclass(frozen=True, slots=True)
class EmlDrafts:
    """What was written: the draft files, who they go to (ids), and the people with no valid
    e-mail address (names)."""

    files: tuple[Path, ...]
    recipients: tuple[str, ...]
    without_email: tuple[str, ...]


def draft_message(letter: Letter) -> EmailMessage:
    """The e-mail of one letter; ValueError when the person's address is not one."""
    address = letter.email.strip()
    local, _, domain = address.rpartition("@")
    if not local or "." not in domain or any(char.isspace() or char in '<>"(),;'
                                             for char in address):
        raise ValueError(address)
    recipient = " ".join(letter.address_lines[:1]) or letter.name
    if address.isascii():
        message = EmailMessage(policy=SMTP)
        try:
            message["To"] = Address(display_name=recipient, addr_spec=address)
        except HeaderParseError as exc:
            raise ValueError(address) from exc
    else:
        # An address with accents (élodie@…) is legal in an SMTPUTF8 message only, and the
        # email package's Address refuses it: the header is written as text.
        message = EmailMessage(policy=SMTPUTF8)
        quoted = recipient.replace("\\", "\\\\").replace('"', '\\"')
        message["To"] = f'"{quoted}" <{address}>'
    if letter.sender_email:
        name = letter.sender_lines[0] if letter.sender_lines else ""
        with contextlib.suppress(ValueError, IndexError, HeaderParseError):
            message["From"] = Address(display_name=name, addr_spec=letter.sender_email)
    message["Subject"] = letter.subject
    message["X-Unsent"] = "1"
    message.set_content(letter.body + "\n")
    return message


def write_eml_drafts(folder: Path, letters: LetterSet) -> EmlDrafts:
    """One draft per person with an e-mail address, in ``folder`` (created if missing)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"« {folder} » n'est pas un dossier.",
                        hint="Choisissez un dossier vide ou un nouveau dossier.")
    if folder.is_dir() and any(folder.iterdir()):
        raise UserError(
            f"Le dossier « {folder} » n'est pas vide : les brouillons n'y ont pas été écrits.",
            hint="Choisissez un dossier vide ou créez-en un nouveau, pour que les brouillons de "
            "cet envoi ne se mêlent à aucun autre fichier.",
        )
    drafts: list[tuple[Letter, bytes]] = []
    for letter in letters.letters:
        with contextlib.suppress(ValueError):
            drafts.append((letter, draft_message(letter).as_bytes()))
    if not drafts:
        raise UserError("Aucune des personnes choisies n'a d'adresse électronique : aucun "
                        "brouillon écrit.",
                        hint="Complétez leur fiche, ou imprimez plutôt les lettres (PDF).")
    try:
        private_dir(folder)
    except OSError as exc:
        raise UserError(f"Impossible de créer le dossier « {folder} ».",
                        hint="Choisissez un dossier où vous pouvez écrire.") from exc
    written: list[Path] = []
    try:
        for number, (_letter, content) in enumerate(drafts, start=1):
            path = folder / f"courriel-{number:03d}.eml"
            with open_private(path, "wb", exclusive=True) as handle:
                handle.write(content)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    reached = tuple(letter.participant_id for letter, _content in drafts)
    return EmlDrafts(tuple(written), reached, tuple(
        letter.name for letter in letters.letters if letter.participant_id not in reached))
