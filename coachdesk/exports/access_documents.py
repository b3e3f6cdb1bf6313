"""The person's documents in a right-of-access export protected by a password.

One PDF beside the workbook (``fiche-documents.pdf`` for ``fiche.xlsx``), encrypted with the
workbook's password (AES-256, like the OPCO file): a cover page lists the documents (the name
each one is attached under, its type, what it is attached to, when it was added, its size),
and each document is attached to the PDF with its original bytes, under the neutral name the
workbook's « Documents » sheet gives beside its original name. Every PDF reader asks for the
password, then shows the attachments; nothing in a file name says who the person is.

The PDF is built and encrypted in memory: no document's bytes reach the disk in clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import draw_pdf, encrypted_pdf, printable, wrap
from coachdesk.services.documents import DocumentRow, neutral_name

TITLE = "Documents de la fiche du droit d'accès"
PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 50.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 9.0
LEADING = 14.0
# Column → (heading, x position).
COLUMNS = (
    ("Fichier joint", MARGIN),
    ("Type", MARGIN + 125),
    ("Rattaché à", MARGIN + 265),
    ("Ajouté le", MARGIN + 375),
    ("Taille", MARGIN + 440),
)


def documents_file(out: Path) -> Path:
    """Where the protected documents of the access workbook ``out`` go:
    ``<name>-documents.pdf`` beside it."""
    return out.with_name(f"{out.stem}-documents.pdf")


def _cells(row: DocumentRow) -> tuple[str, ...]:
    return (neutral_name(row.id, row.extension), row.kind, row.attached_to,
            f"{row.added_on:%d/%m/%Y}", row.size_label)


def _draw(canvas: Canvas, rows: Sequence[DocumentRow]) -> None:
    y = PAGE_HEIGHT - MARGIN
    canvas.setFont(BOLD, 13)
    canvas.drawString(MARGIN, y, printable(TITLE))
    y -= 22
    canvas.setFont(BODY, SIZE)
    for line in (
        f"{len(rows)} document(s) joint(s) à ce fichier, avec leur contenu d'origine. Ouvrez "
        "le panneau des pièces jointes de votre lecteur PDF pour les consulter ou les "
        "enregistrer.",
        "La feuille « Documents » du classeur donne le nom d'origine de chacun.",
    ):
        for part in wrap(line, BODY, SIZE, PAGE_WIDTH - 2 * MARGIN):
            canvas.drawString(MARGIN, y, part)
            y -= LEADING
    y -= 8

    def headings(top: float) -> float:
        canvas.setFont(BOLD, SIZE)
        for heading, x in COLUMNS:
            canvas.drawString(x, top, printable(heading))
        canvas.line(MARGIN, top - 4, PAGE_WIDTH - MARGIN, top - 4)
        canvas.setFont(BODY, SIZE)
        return top - LEADING - 2

    y = headings(y)
    for row in rows:
        if y < MARGIN:
            canvas.showPage()
            y = headings(PAGE_HEIGHT - MARGIN)
        for text, (_heading, x) in zip(_cells(row), COLUMNS, strict=True):
            canvas.drawString(x, y, printable(text))
        y -= LEADING


def documents_pdf(documents: Sequence[tuple[DocumentRow, bytes]], password: str) -> bytes:
    """The encrypted PDF holding ``documents`` (each row with its bytes): a cover page listing
    them, each attached under its neutral name."""
    rows = [row for row, _content in documents]
    cover = draw_pdf(lambda canvas: _draw(canvas, rows), title=TITLE)
    return encrypted_pdf(
        cover, password,
        [(neutral_name(row.id, row.extension), content) for row, content in documents],
    )
