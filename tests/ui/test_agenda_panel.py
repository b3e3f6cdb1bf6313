"""The week's agenda on the Tableau de bord: the demo cohort's summer 2010, driven as a coach."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.models import Cohort, Employer, Participant, RecruitmentInterview, Referral
from coachdesk.services.agenda import add_reminder
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 760)
    main.show()
    main.attach_database(open_database(demo_path))
    main.show_tab(4)
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def shown(window: MainWindow) -> list[tuple[date, str, str]]:
    return [(i.day, i.kind, i.participant) for i in window.dashboard_tab.agenda.items()]


def test_dashboard_opens_on_the_week_and_navigates(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.dashboard_tab.agenda
    assert panel.isVisible()
    assert panel.geometry().top() < window.dashboard_tab.chart.mapTo(
        window.dashboard_tab, window.dashboard_tab.chart.rect().topLeft()
    ).y()  # the agenda first, the funnel below it
    # The demo lives on Friday 31/12/2010: its agenda opens on that week, with its visits.
    assert panel.monday == date(2010, 12, 27)
    assert panel.title.text() == (
        "Cette semaine — semaine 52 (du 27 décembre 2010 au 2 janvier 2011)")
    assert {kind for _day, kind, _who in shown(window)} >= {"visit_due"}
    panel.week_date.setDate(QDate(2010, 7, 14))  # any day of the week
    # Any other week than today's is said by its number and dates, never « Cette semaine ».
    assert panel.title.text() == "Semaine 28 (du 12 au 18 juillet 2010)"
    items = shown(window)
    kinds = {kind for _day, kind, _who in items}
    assert {"enrolment_deadline", "trial_period_end", "visit_due"} <= kinds
    assert (date(2010, 7, 13), "trial_period_end", "SALLES Anthony") in items
    deadline = [who for day, kind, who in items if kind == "enrolment_deadline"]
    assert len(deadline) == 11 and all(day == date(2010, 7, 15) for day, kind, _ in items
                                        if kind == "enrolment_deadline")
    headers = [panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Jour", "Quoi", "Qui", "Détail"]
    assert panel.model.index(0, 0).data() == "lun. 12/07/2010"
    assert panel.model.index(0, 1).data() == "Visite à faire"
    # Weber's contract, broken on 18/06, is notified to the OPCO within 30 days: by 18/07.
    assert (date(2010, 7, 18), "rupture_notice", "WEBER Pauline") in items
    assert panel.summary.text().startswith("14 éléments cette semaine-là")
    panel.next_button.click()
    assert panel.title.text() == "Semaine 29 (du 19 au 25 juillet 2010)"
    panel.previous_button.click()
    panel.previous_button.click()
    assert panel.title.text() == "Semaine 27 (du 5 au 11 juillet 2010)"
    panel.show_week(date(2030, 1, 7))
    assert panel.summary.text() == "Rien de prévu cette semaine-là."
    assert not panel.ics_button.isEnabled()
    panel.this_week_button.click()
    assert panel.monday == date(2010, 12, 27)  # the demo's week, not the calendar's
    assert panel.title.text() == (
        "Cette semaine — semaine 52 (du 27 décembre 2010 au 2 janvier 2011)")


def test_an_item_opens_its_record(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.dashboard_tab.agenda
    panel.show_week(date(2010, 7, 12))
    rows = panel.items()
    trial = next(r for r, item in enumerate(rows) if item.kind == "trial_period_end")
    # Enter on the selected line, as with the keyboard.
    panel.view.setFocus()
    panel.view.selectRow(trial)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 3
    selected = window.contracts_tab.current_contract()
    assert selected is not None and selected.id == rows[trial].contract_id
    assert selected.participant == "SALLES Anthony"
    # A deadline opens the person's enrolment in the same tab.
    window.show_tab(4)
    deadline = next(r for r, item in enumerate(rows) if item.kind == "enrolment_deadline")
    panel.view.doubleClicked.emit(panel.model.index(deadline, 2))
    assert window.tabs.currentIndex() == 3
    enrolment = window.contracts_tab.current_enrolment()
    assert enrolment is not None and enrolment.participant_id == rows[deadline].participant_id


def test_a_reminder_opens_the_persons_file(window: MainWindow) -> None:
    assert window.database is not None
    with window.database.read() as session:
        cohort_id = session.scalar(select(Cohort.id))
        person_id = session.scalar(select(Participant.id).order_by(Participant.last_name))
    add_reminder(window.database, person_id, date(2010, 7, 14), "Appeler pour le CV.")
    panel = window.dashboard_tab.agenda
    assert panel.cohort_id == cohort_id
    panel.show_week(date(2010, 7, 12))
    row = next(r for r, item in enumerate(panel.items()) if item.kind == "reminder")
    assert panel.model.index(row, 3).data() == "Appeler pour le CV."
    panel.view.doubleClicked.emit(panel.model.index(row, 0))
    assert window.tabs.currentIndex() == 0
    dialog = window.cohort_tab.dialog  # the person's file
    assert dialog is not None and dialog.participant_id == person_id
    dialog.reject()


def test_a_reminder_about_an_employer_opens_it_in_the_directory(window: MainWindow) -> None:
    assert window.database is not None
    with window.database.read() as session:
        employer_id, name = session.execute(
            select(Employer.id, Employer.name).order_by(Employer.name.desc())).first()
    add_reminder(window.database, None, date(2010, 7, 15), f"{name} : relancer.",
                 employer_id=employer_id)
    # A search in the directory that hides it is emptied.
    window.show_tab(2)
    window.employers_tab.search.setText("aucun employeur ne s'appelle ainsi")
    window.show_tab(4)
    panel = window.dashboard_tab.agenda
    panel.show_week(date(2010, 7, 12))
    row = next(r for r, item in enumerate(panel.items()) if item.employer_id == employer_id)
    assert panel.model.index(row, 2).data() == name  # « Qui »: the employer
    panel.view.doubleClicked.emit(panel.model.index(row, 0))
    employers = window.employers_tab
    assert window.tabs.currentIndex() == 2 and employers.pages.currentIndex() == 0
    selected = employers.selected_employer()
    assert selected is not None and selected.id == employer_id
    assert employers.search.text() == ""


def test_export_the_shown_week_to_ics(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.dashboard_tab.agenda
    panel.show_week(date(2010, 7, 12))
    suggested: list[str] = []

    def choose(name: str) -> Path:
        suggested.append(name)
        return tmp_path / "semaine"

    monkeypatch.setattr(panel, "ask_save_path", choose)
    panel.ics_button.click()
    assert suggested == ["agenda-2010-S28.ics"]
    target = tmp_path / "semaine.ics"
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(panel.items()) == 14
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert "Fin de période d'essai — SALLES Anthony" in summaries
    assert "Suite d'une rupture — WEBER Pauline" in summaries
    assert messages.last_messages[-1].text == f"14 éléments écrits dans {target}."


def test_a_recruitment_interview_opens_on_its_rows(window: MainWindow) -> None:
    assert window.database is not None
    panel = window.dashboard_tab.agenda
    panel.show_week(date(2010, 6, 7))
    rows = panel.items()
    interviews = [r for r, item in enumerate(rows) if item.kind == "recruitment_interview"]
    assert len(interviews) >= 2
    # Not the first one of the week: the very interview chosen is selected, not just any.
    chosen = rows[interviews[-1]]
    panel.view.doubleClicked.emit(panel.model.index(interviews[-1], 1))
    assert window.tabs.currentIndex() == 2
    employers = window.employers_tab
    assert employers.pages.currentIndex() == 2
    assert employers.pages.tabText(2) == "Mises en relation et entretiens"
    with window.database.read() as session:
        referral_id, last_name, first_name = session.execute(
            select(RecruitmentInterview.referral_id, Participant.last_name,
                   Participant.first_name)
            .join(Referral, Referral.id == RecruitmentInterview.referral_id)
            .join(Participant, Participant.id == Referral.participant_id)
            .where(RecruitmentInterview.id == chosen.record_id)
        ).one()
    interview_rows = employers.interview_view.selectionModel().selectedRows()
    assert len(interview_rows) == 1
    shown_interview = employers.interview_model.row_at(interview_rows[0].row())
    assert shown_interview.id == chosen.record_id
    assert shown_interview.starts_at == chosen.starts_at
    # What the coach reads on the selected lines: the same person, the interview's referral.
    assert employers.interview_model.index(interview_rows[0].row(), 1).data() == (
        f"{last_name} {first_name}"
    )
    referral_rows = employers.referral_view.selectionModel().selectedRows()
    assert len(referral_rows) == 1
    assert employers.referral_model.row_at(referral_rows[0].row()).id == referral_id
    assert employers.checklist_button.isEnabled()
