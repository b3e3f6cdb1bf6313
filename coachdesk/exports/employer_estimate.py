"""The one-page estimate a coach gives an employer: what the contrat de professionnalisation costs
over its duration, the hiring aids in force at its start, and what remains (PDF, A4).

It names the employer, the job and the dates, never the young person (an estimate travels
before and beyond the hire). Every aid counted comes with its source; the aids to check with
their conditions; the page says that the amounts are maxima decided by the payer.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from coachdesk.exports.pdf import printable, wrap, write_pdf
from coachdesk.services.contract_rules import fr_money
from coachdesk.services.employer_estimate import EmployerEstimate
from coachdesk.services.hiring_aids import PUBLIC_LABELS

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 48.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 10.0
SMALL = 8.0
LEADING = 13.0
AMOUNT_X = PAGE_WIDTH - MARGIN
TITLE = "Estimation du coût d'un contrat de professionnalisation"


class _Page:
    """Draws top-down, and never past the bottom margin: the estimate is one page."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = PAGE_HEIGHT - MARGIN
        self.width = PAGE_WIDTH - 2 * MARGIN

    def room(self, lines: int = 1, leading: float = LEADING) -> bool:
        return self.y - lines * leading >= MARGIN

    def line(self, text: str, font: str = BODY, size: float = SIZE, *, amount: str = "",
             indent: float = 0.0) -> None:
        if not self.room():
            return
        self.c.setFont(font, size)
        self.c.drawString(MARGIN + indent, self.y, printable(text))
        if amount:
            self.c.drawRightString(AMOUNT_X, self.y, printable(amount))
        self.y -= LEADING if size >= SIZE else SMALL + 2

    def paragraph(self, text: str, size: float = SIZE, *, indent: float = 0.0,
                  max_lines: int = 4) -> None:
        lines = wrap(text, BODY, size, self.width - indent - 90)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " …"]
        for text_line in lines:
            self.line(text_line, BODY, size, indent=indent)

    def rule(self) -> None:
        self.y += 4
        self.c.setLineWidth(0.6)
        self.c.line(MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y)
        self.y -= LEADING


def _period(estimate: EmployerEstimate) -> str:
    start = f"{estimate.starts_on:%d/%m/%Y}"
    if estimate.ends_on is None:
        return (f"à partir du {start}, à durée indéterminée (estimation sur les "
                f"{estimate.months} premiers mois)")
    return f"du {start} au {estimate.ends_on:%d/%m/%Y}, soit {estimate.months} mois"


def _draw(canvas: Canvas, estimate: EmployerEstimate) -> None:
    page = _Page(canvas)
    page.line(TITLE, BOLD, 15)
    page.y -= 6
    if estimate.employer_name:
        page.line(f"Employeur : {estimate.employer_name}", BOLD, 11)
    if estimate.job_title:
        page.line(f"Poste : {estimate.job_title}")
    if estimate.qualification:
        page.paragraph(f"Qualification préparée : {estimate.qualification}", max_lines=2)
    page.line(f"Contrat : {_period(estimate)}")
    if estimate.age is not None:
        page.line(f"Âge du ou de la salarié·e à la signature : {estimate.age} ans")
    page.rule()

    monthly = estimate.monthly
    page.line("Chaque mois", BOLD)
    page.line("Salaire brut", amount=fr_money(monthly.gross_pay), indent=12)
    page.line("Charges patronales estimées", amount=fr_money(monthly.contributions), indent=12)
    page.line("Coût mensuel", BOLD, amount=fr_money(monthly.monthly_cost), indent=12)
    page.y -= 4
    page.line(f"Sur la durée du contrat ({estimate.months} mois)", BOLD,
              amount=fr_money(estimate.total_before_aids))
    page.rule()

    page.line("Aides à l'embauche en vigueur au début du contrat", BOLD)
    if not estimate.aids.applying:
        page.line("Aucune aide comptée pour ce contrat.", indent=12)
    for item in estimate.aids.applying:
        page.paragraph(item.aid.label, indent=12, max_lines=2)
        page.y += LEADING
        page.line("", amount=f"- {fr_money(item.amount)}")
        page.paragraph(f"Source : {item.aid.source}", SMALL, indent=24, max_lines=2)
    page.y -= 4
    page.line("Coût net estimé sur la durée du contrat", BOLD, 11,
              amount=fr_money(estimate.net_total))
    page.line("soit en moyenne par mois", amount=fr_money(estimate.net_monthly), indent=12)
    page.rule()

    if estimate.aids.to_check:
        page.line("Aides possibles, non comptées : leurs conditions sont à vérifier", BOLD)
        for aid in estimate.aids.to_check:
            amount = f"jusqu'à {fr_money(aid.amount)}" if aid.amount is not None else \
                "montant variable"
            condition = PUBLIC_LABELS.get(aid.public, "")
            page.paragraph(f"{aid.label} ({amount}{' ; ' + condition if condition else ''})",
                           SMALL, indent=12, max_lines=2)
        page.rule()
    page.paragraph(
        "Estimation indicative, sans valeur d'engagement : les charges sont un taux moyen après "
        "réduction générale, non un calcul de paie ; la formation, prise en charge par l'OPCO, "
        "n'est pas comptée. Les aides sont des montants maximaux, proratisés selon les textes "
        "(temps partiel, durée) et versées sous conditions par l'organisme payeur (ASP, France "
        "Travail) : vérifiez-les avant de vous engager.", SMALL, max_lines=6)


def write_employer_estimate(path: Path, estimate: EmployerEstimate) -> None:
    """Write the one-page estimate to ``path`` (atomically)."""
    write_pdf(Path(path), lambda canvas: _draw(canvas, estimate), title=TITLE)
