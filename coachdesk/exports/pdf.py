"""Small PDF toolkit over ReportLab: atomic file writing, wrapped text, French dates.

Why ReportLab: it is a long-maintained PDF library with no Qt dependency, and its 14 standard
fonts use WinAnsi (cp1252) encoding, which holds every character French text needs — é è ê à ç
œ Œ ’ « » € — so sheets print correctly without shipping a font file. (fpdf2's core fonts are
Latin-1 only: œ, ’ and € would need a bundled TrueType font.) Text that falls outside WinAnsi
is replaced by a close character before drawing rather than printed as a black box.
"""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from coachdesk.errors import UserError

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")

# Characters French users type that WinAnsi lacks, and what prints instead.
_REPLACEMENTS = {
    "·": "·", "‐": "-", "‑": "-", "‒": "-", "⁄": "/", "\u202f": " ", "\u00a0": " ",
    "✓": "x", "✔": "x", "☐": "[ ]", "☑": "[x]",
}


def printable(text: str) -> str:
    """Text safe for the standard fonts (cp1252): unknown characters lose their accent or go."""
    out = []
    for char in text:
        char = _REPLACEMENTS.get(char, char)
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("cp1252", "ignore").decode("cp1252")
            out.append(base or "?")
    return "".join(out)


def french_date(day: date) -> str:
    """``mardi 4 mai 2010``."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{DAYS[day.weekday()]} {first} {MONTHS[day.month - 1]} {day.year}"


def french_datetime(moment: datetime) -> str:
    """``mardi 4 mai 2010 à 14 h 30``."""
    return f"{french_date(moment.date())} à {moment.hour} h {moment.minute:02d}"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` fitting ``width`` points, keeping the author's own line breaks."""
    lines: list[str] = []
    for paragraph in printable(text).splitlines() or [""]:
        lines.extend(simpleSplit(paragraph, font, size, width) or [""])
    return lines


def write_pdf(path: Path, draw: Callable[[Canvas], None], *, title: str, author: str = "",
              password: str | None = None) -> None:
    """Draw a PDF, then write it into a private temporary file beside ``path`` renamed into
    place.

    A failure leaves no half-written file behind. With a ``password`` the file is encrypted
    (AES-256, the PDF standard's strongest) before anything reaches the disk: every PDF reader
    asks for it before showing a page, and no plain copy ever lands beside it.
    """
    data = draw_pdf(draw, title=title, author=author)
    write_pdf_bytes(path, encrypted_pdf(data, password) if password is not None else data)


def draw_pdf(draw: Callable[[Canvas], None], *, title: str, author: str = "") -> bytes:
    """An A4 PDF drawn by ``draw``, in memory."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.2756, 841.8898), pageCompression=1)  # A4
    canvas.setTitle(printable(title))
    canvas.setAuthor(printable(author or "CoachDesk"))
    canvas.setCreator("CoachDesk")
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def write_pdf_bytes(path: Path, data: bytes) -> None:
    """Write a finished PDF to ``path``: a private (``0600``) temporary file beside it, renamed
    into place once complete."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            f"Le dossier « {folder} » n'existe pas : impossible d'y écrire « {path.name} ».",
            hint="Choisissez un dossier existant.",
        )
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except PermissionError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(
            f"Impossible d'écrire « {path} » : accès refusé.",
            hint="Le fichier est peut-être ouvert dans un lecteur PDF : fermez-le et réessayez.",
        ) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def encrypted_pdf(
    data: bytes, password: str, attachments: Iterable[tuple[str, bytes]] = ()
) -> bytes:
    """The PDF ``data`` encrypted with ``password`` (AES-256), in memory, with ``attachments``
    (file name, bytes) embedded as file attachments: encrypted with the rest, every PDF reader
    lists them once the password is given."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for name, content in attachments:
        writer.add_attachment(name, content)
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
