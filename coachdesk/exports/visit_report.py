"""The printable « Compte rendu de visite de suivi » a coach leaves with the tutor.

One A4 page (a second one only when the texts are long): the contract, the visit (date, visit
or call, who was met, how it is going), the difficulties, the actions decided, the next visit,
and three signature boxes (tutor, young person, coach). Drawn with ReportLab through the
helpers of ``exports.pdf`` (WinAnsi standard fonts, atomic write).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.exports.pdf import french_date, printable, wrap, write_pdf
from coachdesk.models import (
    Coach,
    Contract,
    Employer,
    EmployerContact,
    FollowUpVisit,
    Participant,
    codes,
)
from coachdesk.services.contract_draft import draft_of
from coachdesk.services.contract_rules import fr_date, trial_period_end
from coachdesk.services.text import person_name

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 48.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 10.0
LEADING = 13.5
LABEL_WIDTH = 140.0
TITLE = "Compte rendu de visite de suivi"
RATING_LABELS = {1: "Très difficile", 2: "Difficile", 3: "Bien", 4: "Très bien"}


@dataclass(frozen=True, slots=True)
class VisitReport:
    """Everything printed on the report, read once from the database."""

    visit_id: str
    participant: str
    employer: str
    employer_address: str
    tutor: str
    job_title: str
    contract: str  # "CDD du 07/06/2010 au 30/04/2011"
    trial_period_end: date
    kind: str  # French label
    done_on: date | None
    planned_on: date | None
    author: str
    met_people: str
    rating: int | None
    difficulty_categories: tuple[str, ...]  # French labels
    difficulties: str
    actions: str
    next_visit_on: date | None

    @property
    def file_name(self) -> str:
        day = self.done_on or self.planned_on or date.today()
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in self.participant)
        return f"Visite {day:%Y-%m-%d} {safe.strip()}.pdf"


def load_visit_report(database: Database, visit_id: str) -> VisitReport:
    """What the report of one visit shows, read in one transaction."""
    with database.read() as session:
        return _visit_report(session, visit_id)


def _coach_name(session: Session, coach_id: str | None) -> str:
    """The chargé·e de suivi's name ("" when nobody was named)."""
    if coach_id is None:
        return ""
    return session.scalar(select(Coach.name).where(Coach.id == coach_id)) or ""


def _visit_report(session: Session, visit_id: str) -> VisitReport:
    row = session.execute(
        select(FollowUpVisit, Contract, Participant.first_name, Participant.last_name,
               Employer.name, Employer.address, Employer.postcode, Employer.city)
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(FollowUpVisit.id == visit_id)
    ).one_or_none()
    if row is None:
        raise UserError("Visite introuvable : elle a peut-être été supprimée.")
    visit, contract, first, last, employer, address, postcode, city = row
    tutor = ""
    if contract.tutor_id is not None:
        contact = session.get(EmployerContact, contract.tutor_id)
        if contact is not None:
            tutor = person_name(contact.last_name, contact.first_name)
            if contact.role:
                tutor += f" ({contact.role})"
    kind = codes.CONTRACT_TYPES[contract.contract_type]
    period = f"{kind} du {fr_date(contract.start_date)}"
    if contract.end_date is not None:
        period += f" au {fr_date(contract.end_date)}"
    if contract.rupture_on is not None:
        period += f", rompu le {fr_date(contract.rupture_on)}"
    categories = tuple(
        codes.DIFFICULTY_CATEGORIES.get(code, code)
        for code in visit.difficulty_categories.split(",") if code
    )
    return VisitReport(
        visit_id=visit.id,
        participant=person_name(last, first),
        employer=employer,
        employer_address=", ".join(part for part in (address, f"{postcode} {city}".strip())
                                   if part),
        tutor=tutor,
        job_title=contract.job_title,
        contract=period,
        trial_period_end=trial_period_end(draft_of(contract)),
        kind=codes.VISIT_KINDS[visit.kind],
        done_on=visit.done_on,
        planned_on=visit.planned_on,
        author=_coach_name(session, visit.coach_id),
        met_people=visit.met_people,
        rating=visit.rating,
        difficulty_categories=categories,
        difficulties=visit.difficulties,
        actions=visit.actions,
        next_visit_on=visit.next_visit_on,
    )


def latest_visit_id(database: Database, contract_id: str) -> str | None:
    """The last visit or call done for a contract (the one a coach prints after it)."""
    with database.read() as session:
        return session.scalar(
            select(FollowUpVisit.id)
            .where(FollowUpVisit.contract_id == contract_id, FollowUpVisit.done_on.is_not(None))
            .order_by(FollowUpVisit.done_on.desc(), FollowUpVisit.created_at.desc())
            .limit(1)
        )


class _Page:
    """Draws top-down; starts a new page when the bottom margin is reached."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = PAGE_HEIGHT - MARGIN
        self.width = PAGE_WIDTH - 2 * MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 20:
            self.footer()
            self.c.showPage()
            self.y = PAGE_HEIGHT - MARGIN

    def text(self, x: float, text: str, font: str = BODY, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, self.y, printable(text))

    def rule(self) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y)

    def section(self, title: str) -> None:
        self.need(3 * LEADING)
        self.y -= 6
        self.text(MARGIN, title, BOLD, 11.5)
        self.y -= 5
        self.rule()
        self.y -= LEADING

    def field(self, label: str, value: str) -> None:
        lines = wrap(value or "—", BODY, SIZE, self.width - LABEL_WIDTH)
        self.need(len(lines) * LEADING)
        self.text(MARGIN, label, BOLD)
        for line in lines:
            self.text(MARGIN + LABEL_WIDTH, line)
            self.y -= LEADING

    def paragraph(self, value: str) -> None:
        for line in wrap(value or "—", BODY, SIZE, self.width):
            self.need(LEADING)
            self.text(MARGIN, line)
            self.y -= LEADING

    def footer(self) -> None:
        self.c.setFont(BODY, 8)
        self.c.drawString(MARGIN, MARGIN - 10,
                          printable("Document remis au tuteur — CoachDesk"))
        self.c.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 10,
                               printable(f"page {self.c.getPageNumber()}"))


def _draw(report: VisitReport, canvas: Canvas) -> None:
    page = _Page(canvas)
    page.text(MARGIN, TITLE, BOLD, 17)
    page.y -= 22
    day = report.done_on or report.planned_on
    when = french_date(day).capitalize() if day else ""
    status = "" if report.done_on else " (prévue)"
    page.text(MARGIN, f"{report.kind} — {when}{status}", BOLD, 12)
    page.y -= 10
    page.rule()
    page.y -= LEADING + 4

    page.section("Le contrat")
    page.field("Alternant·e", report.participant)
    page.field("Entreprise", report.employer)
    if report.employer_address:
        page.field("Adresse", report.employer_address)
    page.field("Tuteur", report.tutor)
    page.field("Poste", report.job_title)
    page.field("Contrat", report.contract)
    page.field("Fin de période d'essai", fr_date(report.trial_period_end))

    page.section("La visite")
    page.field("Chargé·e de suivi", report.author)
    page.field("Personnes rencontrées", report.met_people)
    page.field("Appréciation", RATING_LABELS.get(report.rating or 0, "—"))
    scale = "   ".join(
        ("[x] " if value == report.rating else "[  ] ") + label
        for value, label in RATING_LABELS.items()
    )
    page.field("", scale)

    page.section("Difficultés")
    page.field("Domaines", ", ".join(report.difficulty_categories) or "Aucune signalée")
    page.paragraph(report.difficulties or "Aucune difficulté signalée.")

    page.section("Actions décidées")
    page.paragraph(report.actions or "—")

    page.section("Prochaine visite")
    page.paragraph(french_date(report.next_visit_on).capitalize()
                   if report.next_visit_on else "À fixer.")

    # Three signature boxes side by side.
    box_height = 70.0
    page.need(box_height + 3 * LEADING)
    page.y -= LEADING
    gap = 12.0
    box_width = (page.width - 2 * gap) / 3
    for index, who in enumerate(("Le tuteur", "L'alternant·e", "Le chargé de suivi")):
        x = MARGIN + index * (box_width + gap)
        canvas.setFont(BOLD, SIZE)
        canvas.drawString(x + 4, page.y, printable(who))
        canvas.setLineWidth(0.5)
        canvas.rect(x, page.y - box_height, box_width, box_height + LEADING)
    page.y -= box_height + LEADING
    page.footer()


def write_visit_report(report: VisitReport, path: Path) -> Path:
    """Write the report to ``path`` (temporary file renamed into place)."""
    write_pdf(Path(path), lambda canvas: _draw(report, canvas),
              title=f"{TITLE} — {report.participant}", author=report.author)
    return Path(path)
