"""The one-page « Fiche de préparation à l'entretien » a young person takes to an interview:
when, who receives them and where, the offer, their preparation, and whom to call (their coach,
by name and number) should anything come up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import french_date, french_datetime, printable, wrap, write_pdf
from coachdesk.services.interviews import InterviewSheet
from coachdesk.services.rome import rome_label

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 48.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 10.0
LEADING = 13.0
LABEL_WIDTH = 150.0
BOX = 9.0
TITLE = "Fiche de préparation à l'entretien"


class _Page:
    """Draws one sheet top-down and never runs past the bottom margin (one page per sheet)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = PAGE_HEIGHT - MARGIN
        self.width = PAGE_WIDTH - 2 * MARGIN

    def room(self, lines: int = 1) -> bool:
        return self.y - lines * LEADING >= MARGIN + LEADING  # keep the footer line free

    def text(self, x: float, text: str, font: str = BODY, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, self.y, printable(text))

    def title(self, sheet: InterviewSheet) -> None:
        self.text(MARGIN, TITLE, BOLD, 16)
        self.y -= 22
        self.text(MARGIN, french_datetime(sheet.starts_at).capitalize(), BOLD, 12)
        self.y -= 8
        self.c.setLineWidth(0.8)
        self.c.line(MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y)
        self.y -= LEADING + 4

    def field(self, label: str, value: str, *, max_lines: int = 3) -> None:
        if not value.strip():
            return
        lines = wrap(value, BODY, SIZE, self.width - LABEL_WIDTH)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " …"]
        if not self.room(len(lines)):
            return
        self.text(MARGIN, label, BOLD)
        for line in lines:
            self.text(MARGIN + LABEL_WIDTH, line)
            self.y -= LEADING

    def heading(self, text: str) -> None:
        if not self.room(2):
            return
        self.y -= 6
        self.text(MARGIN, text, BOLD, 12)
        self.y -= LEADING + 2

    def checklist(self, sheet: InterviewSheet) -> None:
        done = sum(item.checked for item in sheet.checklist)
        self.heading(f"Ma préparation ({done} sur {len(sheet.checklist)} points faits)")
        text_x = MARGIN + BOX + 8
        status_width = 70.0
        for item in sheet.checklist:
            lines = wrap(item.label, BODY, SIZE, self.width - BOX - 8 - status_width)
            note_lines = wrap(f"Note : {item.note}", "Helvetica-Oblique", SIZE - 1,
                              self.width - BOX - 8) if item.note else []
            if not self.room(len(lines) + len(note_lines[:2])):
                self.text(text_x, "… (liste complète dans CoachDesk)", "Helvetica-Oblique")
                self.y -= LEADING
                return
            self._box(item.checked)
            if item.checked:
                when = f"Fait le {item.checked_on:%d/%m}" if item.checked_on else "Fait"
                self.c.setFont(BODY, SIZE - 1)
                self.c.drawRightString(PAGE_WIDTH - MARGIN, self.y, when)
            for line in lines:
                self.text(text_x, line)
                self.y -= LEADING
            for line in note_lines[:2]:
                self.text(text_x, line, "Helvetica-Oblique", SIZE - 1)
                self.y -= LEADING
            self.y -= 2

    def _box(self, checked: bool) -> None:
        bottom = self.y - 2
        self.c.setLineWidth(0.8)
        self.c.rect(MARGIN, bottom, BOX, BOX, stroke=1, fill=0)
        if checked:
            # A hand-drawn tick: no glyph needed, prints the same everywhere.
            self.c.setLineWidth(1.6)
            path = self.c.beginPath()
            path.moveTo(MARGIN + 1.8, bottom + 4.6)
            path.lineTo(MARGIN + 3.8, bottom + 1.8)
            path.lineTo(MARGIN + BOX - 1.2, bottom + BOX - 1.2)
            self.c.drawPath(path, stroke=1, fill=0)

    def footer(self, sheet: InterviewSheet, printed_at: datetime) -> None:
        text = (f"Imprimé le {printed_at:%d/%m/%Y} par CoachDesk. En cas d'imprévu, appelez "
                f"{whom_to_call(sheet)} avant l'heure du rendez-vous.")
        self.c.setFont("Helvetica-Oblique", 8)
        for number, line in enumerate(wrap(text, "Helvetica-Oblique", 8, self.width)[:2]):
            self.c.drawString(MARGIN, MARGIN - 14 - number * 10, printable(line))


def whom_to_call(sheet: InterviewSheet) -> str:
    """« Claire Vidal, votre chargé·e d'accompagnement, au 06 12 34 56 78 », or as much of
    it as is known."""
    coach = sheet.coach
    said = "votre chargé·e d'accompagnement"
    if coach.name:
        said = f"{coach.name}, {said},"
    if coach.phone:
        said += f" au {coach.phone}"
    return said


def _time(moment: datetime) -> str:
    return f"{moment.hour} h {moment.minute:02d}"


def draw_sheet(canvas: Canvas, sheet: InterviewSheet, printed_at: datetime) -> None:
    page = _Page(canvas)
    page.title(sheet)
    page.heading("Le rendez-vous")
    page.field("Candidat·e", sheet.candidate)
    page.field("Heure", f"{_time(sheet.starts_at)} : présentez-vous dix minutes avant")
    page.field("Entreprise", sheet.employer_name)
    page.field("Vous serez reçu·e par", sheet.recruiter or sheet.contact_person)
    page.field("Adresse", sheet.meeting_address)
    if sheet.address and sheet.employer_address not in sheet.meeting_address:
        page.field("Adresse de l'entreprise", sheet.employer_address)
    page.field("Itinéraire", sheet.route_note, max_lines=3)
    coach = sheet.coach
    page.field("Votre chargé·e", " – ".join(part for part in (coach.name, coach.phone) if part))
    page.heading("L'offre")
    page.field("Poste", sheet.offer_title)
    label = rome_label(sheet.rome_code)
    page.field("Métier (code ROME)", f"{sheet.rome_code} – {label}" if label else sheet.rome_code)
    details = []
    if sheet.offer_city:
        details.append(sheet.offer_city)
    if sheet.offer_start_on:
        details.append(f"début le {french_date(sheet.offer_start_on)}")
    if sheet.weekly_hours:
        details.append(f"{sheet.weekly_hours:g} h par semaine".replace(".", ","))
    page.field("Lieu, début, horaires", ", ".join(details))
    page.field("Description", sheet.offer_description, max_lines=4)
    page.checklist(sheet)
    if sheet.notes.strip():
        page.heading("Notes")
        page.field("", sheet.notes, max_lines=3)
    page.footer(sheet, printed_at)


def write_interview_sheets(
    path: Path, sheets: Sequence[InterviewSheet], *, printed_at: datetime | None = None
) -> int:
    """One page per interview in one PDF at ``path``; returns the number of pages."""
    moment = printed_at or datetime.now()

    def draw(canvas: Canvas) -> None:
        for sheet in sheets:
            draw_sheet(canvas, sheet, moment)
            canvas.showPage()

    write_pdf(path, draw, title=TITLE)
    return len(sheets)
