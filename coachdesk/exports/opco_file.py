"""The OPCO file of a contract: every field of the CERFA n° 12434 in the form's order and
wording (section, number, label, value), as a PDF to read and an xlsx to copy from, so the
OPCO's portal is filled in one pass.

Both files are about a person: written ``0600`` (``write_pdf`` and ``write_workbook`` write a
private temporary file renamed into place); the workbook can be encrypted with a password like
the partners' workbooks. A field the form asks for that is still empty is marked « À
compléter » in both.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import printable, wrap, write_pdf
from coachdesk.exports.xlsx import Column, ExportResult, Sheet, write_workbook
from coachdesk.services.cerfa import OpcoFile

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 40.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 8.5
LEADING = 10.5
LABEL_WIDTH = 300.0
VALUE_X = MARGIN + LABEL_WIDTH + 12
VALUE_WIDTH = PAGE_WIDTH - MARGIN - VALUE_X
TITLE = "Dossier OPCO - contrat de professionnalisation (CERFA n° 12434)"
TO_COMPLETE = "À compléter"
FILE_MODE = 0o600


def _shown(value: str, missing: bool) -> str:
    return TO_COMPLETE if missing else value


def _draw(canvas: Canvas, file: OpcoFile) -> None:
    y = PAGE_HEIGHT - MARGIN
    page = 1

    def new_page() -> float:
        nonlocal page
        canvas.setFont(BODY, 7)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN / 2, f"page {page}")
        canvas.showPage()
        page += 1
        return PAGE_HEIGHT - MARGIN

    canvas.setFont(BOLD, 12)
    canvas.drawString(MARGIN, y, printable(TITLE))
    y -= 16
    canvas.setFont(BODY, SIZE)
    missing = len([line for line in file.lines if line.missing])
    summary = (f"{missing} champ(s) à compléter avant l'envoi à l'OPCO." if missing
               else "Tous les champs demandés par le formulaire sont remplis.")
    canvas.drawString(MARGIN, y, printable(summary))
    y -= 8
    section = ""
    for line in file.lines:
        labels = wrap(f"{line.order}. {line.label}", BODY, SIZE, LABEL_WIDTH)
        values = wrap(_shown(line.value, line.missing), BOLD, SIZE, VALUE_WIDTH)
        height = LEADING * max(len(labels), len(values)) + 3
        header = line.section != section
        if y - height - (22 if header else 0) < MARGIN:
            y = new_page()
        if header:
            section = line.section
            y -= 14
            canvas.setFont(BOLD, 10)
            canvas.drawString(MARGIN, y, printable(section.upper()))
            y -= 4
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
            y -= LEADING
        top = y
        canvas.setFont(BODY, SIZE)
        for text in labels:
            canvas.drawString(MARGIN, y, text)
            y -= LEADING
        y_value = top
        canvas.setFont(BOLD, SIZE)
        if line.missing:
            canvas.setFillColorRGB(0.7, 0.15, 0.12)
        for text in values:
            canvas.drawString(VALUE_X, y_value, text)
            y_value -= LEADING
        canvas.setFillColorRGB(0, 0, 0)
        y = min(y, y_value) - 3
    canvas.setFont(BODY, 7)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN / 2, f"page {page}")


def write_opco_pdf(path: Path, file: OpcoFile, *, password: str | None = None) -> Path:
    """The OPCO file as an A4 PDF, ``0600``; encrypted when a ``password`` is given."""
    write_pdf(path, lambda canvas: _draw(canvas, file), title=TITLE, password=password)
    os.chmod(path, FILE_MODE)
    return path


COLUMNS = (
    Column("section", "Rubrique", width=22),
    Column("order", "N°", "int", width=6),
    Column("label", "Libellé du formulaire", width=70),
    Column("value", "Valeur", width=45),
)


def write_opco_xlsx(path: Path, file: OpcoFile, *, password: str | None = None
                    ) -> ExportResult:
    """The OPCO file as a one-sheet workbook in the form's order, ``0600``; encrypted when a
    ``password`` is given."""
    rows = ((line.section, line.order, line.label, _shown(line.value, line.missing))
            for line in file.lines)
    sheet = Sheet("CERFA 12434", COLUMNS, rows, title_lines=(TITLE,),
                  expected_rows=len(file.lines))
    result = write_workbook(path, [sheet], password=password)
    os.chmod(result.path, FILE_MODE)
    return result
