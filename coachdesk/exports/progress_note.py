"""The "Note d'étape" workbook: the cohort's funnel laid out as the December 2010 progress note
reports it to the Fonds d'expérimentations pour la jeunesse (phase by phase, figure by figure,
with the rates the note quotes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coachdesk.db import Database
from coachdesk.exports._common import log_export, recording
from coachdesk.exports.xlsx import Column, ExportResult, Sheet, write_workbook
from coachdesk.services.funnel import Funnel, compute_funnel

KIND = "note_etape"

COLUMNS = [
    Column("phase", "Phase", width=46),
    Column("indicator", "Indicateur", width=52),
    Column("count", "Nombre", "int", 10),
    Column("rate", "Taux", "percent", 10),
    Column("base", "Taux calculé sur", width=34),
]

# (phase, indicator, figure, figure the rate is computed on or None)
LAYOUT: tuple[tuple[str, str, str, str | None], ...] = (
    ("1) Repérage et information des décrocheurs", "Contacts du fichier (université, Mission "
     "Locale)", "contacts", None),
    ("1) Repérage et information des décrocheurs", "Réunions d'information collectives",
     "info_sessions", None),
    ("1) Repérage et information des décrocheurs", "Présents aux réunions d'information",
     "info_session_attendees", "contacts"),
    ("1) Repérage et information des décrocheurs", "Entretiens individuels de sélection",
     "selection_interviews", "info_session_attendees"),
    ("1) Repérage et information des décrocheurs", "Personnes retenues pour le dispositif",
     "selected", "selection_interviews"),
    ("2) Prospection des employeurs", "Offres d'emploi recueillies", "job_offers", None),
    ("3) Bilan d'orientation professionnelle", "Personnes au démarrage du bilan",
     "bilan_started", "selected"),
    ("3) Bilan d'orientation professionnelle",
     "Projets validés, personnes directement employables", "projects_validated",
     "bilan_started"),
    ("4) Formation en alternance", "Contrats de professionnalisation signés",
     "contracts_signed", "projects_validated"),
    ("4) Formation en alternance", "Contrats rompus", "contracts_broken", "contracts_signed"),
    ("4) Formation en alternance", "… dont durant la période d'essai",
     "contracts_broken_in_trial", "contracts_broken"),
    ("4) Formation en alternance", "Jeunes restant dans le dispositif", "contracts_active",
     "contracts_signed"),
    ("4) Formation en alternance", "Adultes suivant la formation avec les jeunes",
     "adults_in_training", None),
    ("5) Solutions et insertion professionnelle", "Emploi hors dispositif",
     "employed_outside_programme", None),
    ("5) Solutions et insertion professionnelle", "Promesses d'embauche en CDI",
     "cdi_promises", None),
    ("5) Solutions et insertion professionnelle", "Promesses d'embauche à une date",
     "hire_promises", None),
    ("5) Solutions et insertion professionnelle",
     "Jeunes souhaitant poursuivre leurs études à bac+2", "further_study_wishes",
     "contracts_active"),
    ("5) Solutions et insertion professionnelle", "Qualification obtenue (certificat)",
     "qualifications_obtained", None),
)


def note_rows(funnel: Funnel) -> list[tuple[Any, ...]]:
    from coachdesk.services.funnel import FUNNEL_LABELS

    figures = funnel.figures()
    rows = []
    for phase, indicator, key, base in LAYOUT:
        rate = None
        if base is not None and figures[base]:
            rate = figures[key] / figures[base]
        rows.append((phase, indicator, figures[key], rate,
                     FUNNEL_LABELS[base] if base is not None else None))
    return rows


@dataclass(frozen=True)
class ProgressNoteExport:
    result: ExportResult
    funnel: Funnel


def export_progress_note(
    database: Database,
    out: Path | str,
    *,
    as_of: date | None = None,
    cohort_name: str | None = None,
    password: str | None = None,
) -> ProgressNoteExport:
    from coachdesk.services.cohorts import find_cohort

    with database.read() as session:
        cohort = find_cohort(session, cohort_name)
        funnel = compute_funnel(session, cohort.id, as_of)
    title = [
        f"Note d'étape sur l'expérimentation au {funnel.as_of:%d/%m/%Y}",
        cohort.name + (f" — {cohort.training_title}" if cohort.training_title else ""),
        "Effectifs comptés à partir des événements enregistrés dans CoachDesk.",
    ]
    sheet = Sheet("Note d'étape", COLUMNS, note_rows(funnel), title_lines=title)
    result = write_workbook(out, [sheet], password=password)
    with recording(database, result) as session:
        log_export(session, kind=KIND, recipient="Note d'étape", result=result,
                   cohort_id=cohort.id,
                   summary={"as_of": funnel.as_of.isoformat(), "funnel": funnel.figures()})
    return ProgressNoteExport(result, funnel)
