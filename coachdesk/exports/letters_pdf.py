"""The mailing on paper: one PDF with a letter per person, then sheets of address labels.

Letters are A4 with the address where a window envelope (DL, window on the right) shows it;
a long letter continues on the next page. The labels follow the letters on A4 sheets of 3 × 8
labels of 70 × 37 mm (the common 24-label sheets), in the letters' order; people with no postal
address get a letter but no label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import printable, wrap, write_pdf
from coachdesk.services.letters import LetterSet

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MM = 72 / 25.4
MARGIN = 25 * MM
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 11.0
LEADING = 15.0
# The address block, where a DL window envelope shows it (right, about 45 mm from the top).
ADDRESS_X = 110 * MM
ADDRESS_TOP = PAGE_HEIGHT - 50 * MM
LABEL_COLUMNS, LABEL_ROWS = 3, 8
LABEL_WIDTH, LABEL_HEIGHT = 70 * MM, 37 * MM
LABEL_TOP = PAGE_HEIGHT - (297 - LABEL_ROWS * 37) / 2 * MM
LABEL_PADDING = 6 * MM


@dataclass(frozen=True, slots=True)
class LettersPdf:
    """What was written: pages of letters, labels, and the people with no postal address."""

    letters: int
    letter_pages: int
    labels: int
    label_pages: int
    without_address: tuple[str, ...]


def write_letters_pdf(path: Path, letters: LetterSet, *, labels: bool = True) -> LettersPdf:
    """Write every letter of ``letters`` (and the address labels) into one PDF at ``path``."""
    counts = {"letter_pages": 0, "label_pages": 0}
    addressed = [letter for letter in letters.letters if letter.has_postal_address]

    def draw(canvas: Canvas) -> None:
        for letter in letters.letters:
            counts["letter_pages"] += _draw_letter(canvas, letter.sender_lines,
                                                   letter.address_lines, letter.dated,
                                                   letter.subject, letter.body)
        if labels and addressed:
            counts["label_pages"] = _draw_labels(canvas, [a.address_lines for a in addressed])

    write_pdf(path, draw, title=letters.template_name)
    return LettersPdf(len(letters.letters), counts["letter_pages"],
                      len(addressed) if labels else 0, counts["label_pages"],
                      tuple(letter.name for letter in letters.letters
                            if not letter.has_postal_address))


def _draw_letter(canvas: Canvas, sender: tuple[str, ...], address: tuple[str, ...],
                 dated: str, subject: str, body: str) -> int:
    """One letter from the top of a new page; returns the pages it took."""
    width = PAGE_WIDTH - 2 * MARGIN
    y = PAGE_HEIGHT - 20 * MM
    for number, line in enumerate(sender):
        canvas.setFont(BOLD if number == 0 else BODY, 10)
        canvas.drawString(MARGIN, y, printable(line))
        y -= 13
    y = ADDRESS_TOP
    canvas.setFont(BODY, SIZE)
    for line in address:
        canvas.drawString(ADDRESS_X, y, printable(line))
        y -= LEADING
    y = min(y, ADDRESS_TOP - 4 * LEADING) - 2 * LEADING
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y, printable(dated))
    y -= 2 * LEADING
    if subject:
        lines = wrap(f"Objet : {subject}", BOLD, SIZE, width)
        canvas.setFont(BOLD, SIZE)
        for line in lines:
            canvas.drawString(MARGIN, y, line)
            y -= LEADING
        y -= LEADING
    pages = 1
    canvas.setFont(BODY, SIZE)
    for line in wrap(body, BODY, SIZE, width):
        if y < MARGIN:
            canvas.showPage()
            pages += 1
            canvas.setFont(BODY, SIZE)
            y = PAGE_HEIGHT - MARGIN
        canvas.drawString(MARGIN, y, line)
        y -= LEADING
    canvas.showPage()
    return pages


def _draw_labels(canvas: Canvas, addresses: list[tuple[str, ...]]) -> int:
    """Address labels, 24 to a sheet; returns the sheets drawn."""
    per_sheet = LABEL_COLUMNS * LABEL_ROWS
    sheets = 0
    for start in range(0, len(addresses), per_sheet):
        sheets += 1
        for index, address in enumerate(addresses[start:start + per_sheet]):
            row, column = divmod(index, LABEL_COLUMNS)
            x = column * LABEL_WIDTH + LABEL_PADDING
            y = LABEL_TOP - row * LABEL_HEIGHT - LABEL_PADDING - 10
            for line in address:
                for part in wrap(line, BODY, 10, LABEL_WIDTH - 2 * LABEL_PADDING)[:2]:
                    canvas.setFont(BODY, 10)
                    canvas.drawString(x, y, part)
                    y -= 12.5
        canvas.showPage()
    return sheets
