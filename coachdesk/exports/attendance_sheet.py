"""The « Feuille d'émargement » of an information session: date, place, a line to sign per name."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import french_datetime, printable, write_pdf
from coachdesk.services.recruitment import AttendanceSheet

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 48.0
ROW_HEIGHT = 26.0
BLANK_LINES = 3  # for walk-ins nobody invited
TITLE = "Feuille d'émargement"


def _header(canvas: Canvas, sheet: AttendanceSheet, page: int, pages: int) -> float:
    y = PAGE_HEIGHT - MARGIN
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(MARGIN, y, printable(f"{TITLE} — réunion d'information collective"))
    y -= 22
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(MARGIN, y, printable(french_datetime(sheet.starts_at).capitalize()))
    y -= 16
    canvas.setFont("Helvetica", 11)
    canvas.drawString(MARGIN, y, printable(f"Lieu : {sheet.place}"))
    y -= 15
    programme = sheet.cohort_name + (f" — {sheet.training_title}" if sheet.training_title else "")
    canvas.drawString(MARGIN, y, printable(f"Promotion : {programme}"))
    canvas.setFont("Helvetica", 9)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN / 2, f"Page {page} / {pages}")
    return y - 24


def write_attendance_sheet(path: Path, sheet: AttendanceSheet) -> None:
    """Write the sheet to ``path`` (atomically): one row per invited person, then blank rows."""
    names = [*sheet.names, *([""] * BLANK_LINES)]
    first_page_rows = int((PAGE_HEIGHT - 2 * MARGIN - 110) // ROW_HEIGHT)
    pages = max(1, -(-len(names) // first_page_rows))
    name_width = (PAGE_WIDTH - 2 * MARGIN) * 0.55

    def draw(canvas: Canvas) -> None:
        for page in range(pages):
            y = _header(canvas, sheet, page + 1, pages)
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(MARGIN + 4, y, "Nom et prénom")
            canvas.drawString(MARGIN + name_width + 4, y, "Signature")
            y -= 6
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
            canvas.setFont("Helvetica", 11)
            for name in names[page * first_page_rows:(page + 1) * first_page_rows]:
                top = y
                y -= ROW_HEIGHT
                canvas.drawString(MARGIN + 4, y + 9, printable(name))
                canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
                canvas.line(MARGIN + name_width, top, MARGIN + name_width, y)
            canvas.showPage()

    write_pdf(Path(path), draw, title=f"{TITLE} du {sheet.starts_at:%d/%m/%Y}")
