"""The demo's training, followed: what the training body reported by 31 December 2010.

Every contract's training at the Cnam, at the rhythm the note gives (the young person is at
work 80 % of the time: one day at the centre, four in the company); a few absences and the
first assessments of the autumn; the three broken contracts ended the training on the day of
their rupture; the three young people who found a job outside the programme follow the same
certificate in evening classes. No certificate yet: the training runs until the end of April
2011. Recorded through the services the window calls, like the rest of the demo.
"""

from __future__ import annotations

from datetime import date

from coachdesk.db import Database
from coachdesk.services.contract_board import contract_on_file
from coachdesk.services.training import (
    AbsenceDraft,
    AssessmentDraft,
    TrainingDraft,
    contract_training_defaults,
    evening_classes_defaults,
    record_absence,
    record_assessment,
    save_training,
    set_training_result,
)

# (day, hours or None, half-days or None, justified, reason), per active young person.
_ABSENCES: tuple[tuple[tuple[date, float | None, int | None, bool, str], ...], ...] = (
    ((date(2010, 10, 4), 3.5, None, True, "Rendez-vous médical"),),
    ((date(2010, 9, 13), None, 2, False, ""), (date(2010, 11, 8), None, 1, False, "Retard")),
    (),
    ((date(2010, 12, 6), 7, None, True, "Arrêt maladie"),),
)
# The autumn's assessments: bureautique in words, then a first grade in accounting.
_GRADES = (14.5, 11, 12.5, 9.5, 16, 13, 10.5, 15)


def follow_the_training(db: Database, signed: list[tuple[str, date, date | None]],
                        evening_people: list[str]) -> None:
    """Record the training of every contract in ``signed`` (contract, start, rupture day) and
    the evening classes of ``evening_people``."""
    active = 0
    for contract_id, _start, rupture_on in signed:
        person = contract_on_file(db, contract_id).participant_id
        defaults = contract_training_defaults(db, contract_id)
        training = save_training(db, person, TrainingDraft(
            mode=defaults.mode, contract_id=contract_id,
            training_body_id=defaults.training_body_id, qualification=defaults.qualification,
            start_date=defaults.start_date, end_date=defaults.end_date,
            days_at_training_body=1, days_at_work=4))
        if rupture_on is not None:
            if rupture_on >= date(2010, 10, 1):  # a month at the centre before leaving
                for day in (date(2010, 9, 20), date(2010, 10, 11)):
                    record_absence(db, training, AbsenceDraft(day, half_days=2,
                                                              reason="Sans nouvelles"))
            set_training_result(db, training, "abandon", rupture_on)
            continue
        for day, hours, halves, justified, reason in _ABSENCES[active % len(_ABSENCES)]:
            record_absence(db, training, AbsenceDraft(day, hours, halves, justified, reason))
        record_assessment(db, training, AssessmentDraft(
            date(2010, 11, 19), "Bureautique",
            result="Acquis" if active % 3 else "En cours d'acquisition"))
        record_assessment(db, training, AssessmentDraft(
            date(2010, 12, 10), "Comptabilité générale", grade=_GRADES[active % len(_GRADES)]))
        active += 1
    for person in evening_people:
        defaults = evening_classes_defaults(db, person)
        save_training(db, person, TrainingDraft(
            mode="cours_du_soir", training_body_id=defaults.training_body_id,
            qualification=defaults.qualification, start_date=date(2010, 10, 4),
            end_date=date(2011, 6, 30),
            notes="Suit la même formation au Cnam en cours du soir, à côté de son emploi."))
