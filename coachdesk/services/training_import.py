"""Importing the training body's sheet of absences and assessments (xlsx, xls, ods or csv).

The sheet is read by the contact files' reader (``services.contact_import.open_table``: the
same bounds on hostile files, header found below title lines, Excel's encodings). Its columns,
in any order, headers without case or accents (a line per absence or per assessment):

========================  ==========================================================
Nom, Prénom               required: the person, as in CoachDesk
Date de naissance         recommended: tells apart two people with the same name
Date                      required: the day of the absence or of the assessment
Nature                    required: « absence » or « évaluation »
Heures | Demi-journées    an absence: its length, one of the two (3,5 — 1 or 2)
Justifiée                 an absence: oui / non (empty: non)
Motif                     an absence: optional
Matière                   an assessment: required (subject or module)
Résultat | Note sur 20    an assessment: a result in words and/or a grade from 0 to 20
========================  ==========================================================

Every row is checked before anything is written; the good rows are written in one
transaction, each bad row is reported with the file, its row, its column and what to do, so
the coach corrects the sheet and imports it again: rows already recorded with the same values
are recognised and skipped, never doubled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Contract,
    Participant,
    Training,
    TrainingAbsence,
    TrainingAssessment,
)
from coachdesk.services.clock import clock_day
from coachdesk.services.contact_import import normalise
from coachdesk.services.contact_import.columns import header_key
from coachdesk.services.contact_import.reader import open_table, row_is_blank
from coachdesk.services.contact_import.workbooks import Row
from coachdesk.services.contract_rules import fr_date
from coachdesk.services.text import fold, name_key, person_name
from coachdesk.services.training import (
    AbsenceDraft,
    AssessmentDraft,
    check_absence,
    check_assessment,
    check_in_period,
)

# Each column of the layout: its label in messages and the headers it is recognised by.
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "day": ("Date", ("date", "jour", "date de l'absence", "date de l'évaluation")),
    "kind": ("Nature", ("nature", "type", "type de ligne")),
    "hours": ("Heures", ("heures", "nombre d'heures", "nb heures", "durée (heures)")),
    "half_days": ("Demi-journées", ("demi-journées", "demi-journée", "nombre de demi-journées",
                                    "nb demi-journées")),
    "justified": ("Justifiée", ("justifiée", "justifié", "justifiée ?", "justification")),
    "reason": ("Motif", ("motif", "motif de l'absence")),
    "subject": ("Matière", ("matière", "module", "épreuve", "matière ou module")),
    "result": ("Résultat", ("résultat", "appréciation")),
    "grade": ("Note sur 20", ("note sur 20", "note/20", "note (sur 20)")),
}
_BY_KEY = {header_key(alias): field for field, (_label, aliases) in COLUMNS.items()
           for alias in aliases}
_YES = {"oui", "o", "x", "1", "vrai", "justifiee", "justifie", "yes"}
_NO = {"", "non", "n", "0", "faux", "non justifiee", "non justifie", "no"}
_HOURS_MINUTES = re.compile(r"^(\d{1,2})\s*h\s*(\d{2})?$")
_TO_REIMPORT = "Corrigez la ligne dans le fichier puis importez-le de nouveau."


@dataclass(frozen=True)
class TrainingRejection:
    """A row left out, and why: ``message`` is the whole French sentence for the coach."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class TrainingImportReport:
    file_name: str
    sheet: str
    header_row: int
    data_rows: int
    absences: int
    assessments: int
    already_recorded: int
    blank_rows: int
    rejected: tuple[TrainingRejection, ...]
    dry_run: bool

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["rejected"] = [asdict(r) for r in self.rejected]
        return data


class _Refused(Exception):
    def __init__(self, column: str, problem: str) -> None:
        super().__init__(problem)
        self.column, self.problem = column, problem


@dataclass(frozen=True)
class _Period:
    training_id: str
    mode: str
    start: date | None
    end: date | None


def _number(value: Any, column: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().lower().replace(",", ".").removesuffix("heures").strip()
    match = _HOURS_MINUTES.match(text)
    if match:
        return int(match.group(1)) + int(match.group(2) or 0) / 60
    try:
        return float(text.removesuffix("h").strip())
    except ValueError:
        raise _Refused(column, f"la valeur « {value} » n'est pas un nombre.") from None


def _justified(value: Any) -> bool:
    text = fold(normalise.cell_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _Refused("Justifiée", f"la valeur « {value} » n'est ni « oui » ni « non ».")


def _kind(value: Any) -> str:
    text = fold(normalise.cell_text(value))
    if text.startswith("abs"):
        return "absence"
    if text.startswith(("eval", "éval", "note", "examen", "controle")):
        return "assessment"
    raise _Refused("Nature", f"la valeur « {value} » n'est ni « absence » ni « évaluation ».")


def _sentence(file_name: str, row: int, column: str, problem: str) -> str:
    return f"« {file_name} », ligne {row}, colonne « {column} » : {problem} {_TO_REIMPORT}"


class _Matcher:
    """The people, their trainings and what is recorded already, read once for the sheet."""

    def __init__(self, session: Session, cohort_id: str | None) -> None:
        people = select(Participant.id, Participant.last_name, Participant.first_name,
                        Participant.birth_date)
        if cohort_id is not None:
            people = people.where(Participant.cohort_id == cohort_id)
        self.people: dict[tuple[str, str], list[tuple[str, date | None]]] = {}
        for person_id, last, first, born in session.execute(people):
            self.people.setdefault((name_key(last), name_key(first)), []).append((person_id, born))
        self.trainings: dict[str, list[_Period]] = {}
        for tid, person, mode, start, end, c_start, c_end, rupture in session.execute(
            select(Training.id, Training.participant_id, Training.mode, Training.start_date,
                   Training.end_date, Contract.start_date, Contract.end_date,
                   Contract.rupture_on)
            .outerjoin(Contract, Contract.id == Training.contract_id)
        ):
            self.trainings.setdefault(person, []).append(
                _Period(tid, mode, start or c_start, end or rupture or c_end))
        self.absences = {
            (tid, day): (hours, halves, justified)
            for tid, day, hours, halves, justified in session.execute(select(
                TrainingAbsence.training_id, TrainingAbsence.absent_on, TrainingAbsence.hours,
                TrainingAbsence.half_days, TrainingAbsence.justified))}
        self.assessments = {
            (tid, day, subject): (result, grade)
            for tid, day, subject, result, grade in session.execute(select(
                TrainingAssessment.training_id, TrainingAssessment.assessed_on,
                TrainingAssessment.subject, TrainingAssessment.result,
                TrainingAssessment.grade))}

    def person(self, last: str, first: str, born: date | None) -> str:
        shown = person_name(last, first)
        found = self.people.get((name_key(last), name_key(first)), [])
        if born is not None:
            found = [p for p in found if p[1] == born]
        if not found:
            raise _Refused("Nom", f"personne ne s'appelle {shown}"
                           + (f" né·e le {fr_date(born)}" if born else "")
                           + " dans CoachDesk : vérifiez l'orthographe et la date de naissance.")
        if len(found) > 1:
            raise _Refused("Date de naissance", f"plusieurs personnes s'appellent {shown} : "
                           "ajoutez leur date de naissance pour les distinguer.")
        return found[0][0]

    def training(self, person_id: str, day: date, shown: str) -> str:
        periods = self.trainings.get(person_id, [])
        if not periods:
            raise _Refused("Nom", f"aucune formation n'est enregistrée pour {shown} : "
                           "enregistrez-la d'abord (Suivi des contrats ▸ Formation…).")
        covering = []
        for period in periods:
            try:
                check_in_period(day, (period.start, period.end), "La ligne")
            except UserError:
                continue
            covering.append(period)
        if not covering:
            raise _Refused("Date", f"le {fr_date(day)} est en dehors de la formation de {shown} : "
                           "vérifiez la date.")
        # Work-study first: evening classes overlapping a contract are rare.
        covering.sort(key=lambda p: p.mode != "alternance")
        return covering[0].training_id


def import_training_sheet(
    database: Database, path: Path | str, *, cohort_name: str | None = None,
    sheet: str | None = None, dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> TrainingImportReport:
    """Import the absences and assessments of a training body's sheet (one transaction).

    Args:
        cohort_name: look for the people in this promotion only (all promotions by default).
        dry_run: check and count everything, write nothing.

    Raises:
        UserError: the file cannot be read, or lacks the name, « Date » or « Nature » columns.
    """
    path = Path(path)
    with open_table(path, sheet=sheet) as table:
        fields: dict[str, int] = {}
        for column in table.columns:
            field = column.field if column.field in ("last_name", "first_name", "birth_date") \
                else _BY_KEY.get(header_key(column.label))
            if field is not None and field not in fields:
                fields[field] = column.index
        for needed in ("day", "kind"):
            if needed not in fields:
                label = COLUMNS[needed][0]
                raise UserError(
                    f"Le fichier « {table.file_name} » n'a pas de colonne « {label} » (titres "
                    f"en ligne {table.header_row}) : rien n'a été importé.",
                    hint="Ajoutez la colonne (la disposition attendue : Nom, Prénom, Date de "
                    "naissance, Date, Nature, Heures ou Demi-journées, Justifiée, Motif, "
                    "Matière, Résultat, Note sur 20), puis importez le fichier de nouveau.")
        rows = list(table.rows)
        file_name, sheet_name, header_row = table.file_name, table.sheet, table.header_row

    def cell(row: Row, field: str) -> Any:
        index = fields.get(field)
        return row[index] if index is not None and index < len(row) else None

    with (database.read() if dry_run else database.write()) as session:
        today = clock_day(session)
        cohort_id = None
        if cohort_name is not None:
            from coachdesk.services.cohorts import find_cohort

            cohort_id = find_cohort(session, cohort_name).id
        matcher = _Matcher(session, cohort_id)
        rejected: list[TrainingRejection] = []
        absences = assessments = already = blank = 0
        for done, (number, row) in enumerate(rows, 1):
            if on_progress is not None and done % 200 == 0:
                on_progress(done)
            if row_is_blank(row):
                blank += 1
                continue
            try:
                last = normalise.cell_text(cell(row, "last_name"))
                first = normalise.cell_text(cell(row, "first_name"))
                if not last or not first:
                    raise _Refused("Nom" if not last else "Prénom",
                                   "le nom et le prénom de la personne sont nécessaires.")
                born = None
                if cell(row, "birth_date") not in (None, ""):
                    born = normalise.parse_date(cell(row, "birth_date"), today)
                    if born is None:
                        raise _Refused("Date de naissance", f"« {cell(row, 'birth_date')} » "
                                       "n'est pas une date (JJ/MM/AAAA).")
                raw_day = cell(row, "day")
                day = normalise.parse_date(raw_day, today) if raw_day not in (None, "") \
                    else None
                if day is None:
                    raise _Refused("Date", f"« {normalise.cell_text(raw_day)} » n'est pas une "
                                   "date (JJ/MM/AAAA).")
                kind = _kind(cell(row, "kind"))
                person_id = matcher.person(last, first, born)
                training_id = matcher.training(person_id, day, person_name(last, first))
                if kind == "absence":
                    added = _absence(session, matcher, training_id, day, row, cell, dry_run)
                    absences += added
                else:
                    added = _assessment(session, matcher, training_id, day, row, cell, dry_run)
                    assessments += added
                already += 1 - added
            except _Refused as refused:
                rejected.append(TrainingRejection(
                    number, refused.column,
                    _sentence(file_name, number, refused.column, refused.problem)))
        return TrainingImportReport(
            file_name, sheet_name, header_row, len(rows) - blank, absences, assessments,
            already, blank, tuple(rejected), dry_run)


def _checked(check: Callable[[Any], None], draft: Any, column: str) -> None:
    try:
        check(draft)
    except UserError as error:
        raise _Refused(column, error.message + (f" {error.hint}" if error.hint else "")) \
            from None


def _absence(session: Session, matcher: _Matcher, training_id: str, day: date,
             row: Row, cell: Callable[[Row, str], Any],
             dry_run: bool) -> int:
    """1 when the absence is new (written unless a dry run), 0 when recorded already."""
    hours = _number(cell(row, "hours"), "Heures")
    hours = None if hours is None else round(hours, 2)
    halves = _number(cell(row, "half_days"), "Demi-journées")
    if halves is not None and not halves.is_integer():
        raise _Refused("Demi-journées", f"« {cell(row, 'half_days')} » n'est pas un nombre "
                       "entier de demi-journées (1 ou 2).")
    draft = AbsenceDraft(day, hours=hours, half_days=None if halves is None else int(halves),
                         justified=_justified(cell(row, "justified")),
                         reason=normalise.cell_text(cell(row, "reason")))
    _checked(check_absence, draft, "Heures" if draft.hours is not None else "Demi-journées")
    values = (draft.hours, draft.half_days, draft.justified)
    known = matcher.absences.get((training_id, day))
    if known is not None:
        if known == values:
            return 0
        raise _Refused("Date", f"une autre absence est déjà enregistrée le {fr_date(day)} pour "
                       "cette personne : corrigez-la dans la fenêtre (Suivi des contrats ▸ "
                       "Formation…) ou dans le fichier.")
    matcher.absences[(training_id, day)] = values
    if not dry_run:
        session.add(TrainingAbsence(
            training_id=training_id, absent_on=day, hours=draft.hours, half_days=draft.half_days,
            justified=draft.justified, reason=draft.reason, source="import"))
    return 1


def _assessment(session: Session, matcher: _Matcher, training_id: str, day: date,
                row: Row, cell: Callable[[Row, str], Any],
                dry_run: bool) -> int:
    """1 when the assessment is new (written unless a dry run), 0 when recorded already."""
    draft = AssessmentDraft(day, subject=normalise.cell_text(cell(row, "subject")),
                            result=normalise.cell_text(cell(row, "result")),
                            grade=_number(cell(row, "grade"), "Note sur 20"))
    column = "Matière" if not draft.subject else "Note sur 20" if draft.grade is not None \
        else "Résultat"
    _checked(check_assessment, draft, column)
    values = (draft.result, draft.grade)
    key = (training_id, day, draft.subject)
    known = matcher.assessments.get(key)
    if known is not None:
        if known == values:
            return 0
        raise _Refused("Matière", f"l'évaluation « {draft.subject} » du {fr_date(day)} est déjà "
                       "enregistrée avec un autre résultat : corrigez-la dans la fenêtre "
                       "(Suivi des contrats ▸ Formation…) ou dans le fichier.")
    matcher.assessments[key] = values
    if not dry_run:
        session.add(TrainingAssessment(
            training_id=training_id, assessed_on=day, subject=draft.subject,
            result=draft.result, grade=draft.grade, source="import"))
    return 1
