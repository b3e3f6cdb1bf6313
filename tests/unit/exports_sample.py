"""A small cohort covering every stage, written straight through the models, for export tests.

Names carry accents and a few values look like formulas: exports must keep them intact and inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from coachdesk.db import Database
from coachdesk.models import (
    Attendance,
    BilanGroup,
    BilanMember,
    Coach,
    Cohort,
    Contract,
    Employer,
    EmployerContact,
    FollowUpVisit,
    InfoSession,
    JobOffer,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    SelectionInterview,
)

FORMULA_NAME = "=HYPERLINK(\"http://x.example\",\"clic\")"
FORMULA_PHONE = "+33 6 11 22 33 44"
FORMULA_CITY = "@Montpellier"
COHORT_NAME = "Promotion 2010 — Assistant de gestion"


@dataclass(frozen=True)
class Sample:
    cohort_id: str
    people: dict[str, str]  # first name → participant id


def build_sample(db: Database) -> Sample:
    """Six young people at different stages and one adult, in week 2010-W12 and around;
    all but Inès have their date of information / consent recorded."""
    with db.write() as s:
        cohort = Cohort(
            name=COHORT_NAME, training_title="Certificat professionnel",
            start_date=date(2010, 2, 1), end_date=date(2011, 4, 30),
            enrolment_deadline=date(2010, 7, 15),
        )
        older = Cohort(name="Promotion 2009", start_date=date(2009, 2, 1))
        claire = Coach(name="Claire Dubois", phone="04 67 00 00 01")
        marc = Coach(name="Marc Teyssier")
        s.add_all([cohort, older, claire, marc])
        s.flush()

        def person(last: str, first: str, **extra: object) -> Participant:
            defaults: dict[str, object] = {
                "birth_date": date(1990, 5, 17), "phone": "06 12 34 56 78",
                "email": f"{first.lower()}@exemple.fr", "listed_on": date(2010, 2, 15),
                "coach_id": claire.id, "city": "Montpellier",
                "consent_date": date(2010, 2, 15),
            }
            defaults.update(extra)
            p = Participant(cohort_id=cohort.id, last_name=last, first_name=first, **defaults)
            s.add(p)
            return p

        elodie = person("Lefèvre", "Élodie", birth_date=date(1991, 3, 4))
        zoe = person("N'Diaye", "Zoé", phone=FORMULA_PHONE, city=FORMULA_CITY)
        hacker = person(FORMULA_NAME, "Jérôme")
        ines = person("Benali", "Inès", consent_date=None)  # never recorded
        theo = person("Roux", "Théo")
        contact = person("Garçon", "Anaïs", listed_on=date(2010, 3, 1), birth_date=None)
        adult = person("Martin", "Françoise", is_adult=True, birth_date=date(1970, 1, 2))
        s.add(Participant(cohort_id=older.id, last_name="Ancien", first_name="Paul",
                          listed_on=date(2009, 2, 1)))
        s.flush()

        # Week 2010-W12 runs from Monday 22/03/2010 to Sunday 28/03/2010.
        s.add(Outreach(participant_id=contact.id, done_on=date(2010, 3, 23), channel="telephone",
                       outcome="a_rappeler", coach_id=claire.id, recall_on=date(2010, 3, 30)))
        meeting = InfoSession(cohort_id=cohort.id, starts_at=datetime(2010, 3, 2, 14, 0),
                              place="Cnam, salle 2")
        s.add(meeting)
        s.flush()
        for p in (elodie, zoe, hacker, ines, theo):
            s.add(Attendance(session_id=meeting.id, participant_id=p.id, cohort_id=cohort.id,
                             status="present"))
            s.add(SelectionInterview(participant_id=p.id, held_on=date(2010, 3, 9),
                                     decision="retenu", interviewer="Claire"))
        group = BilanGroup(cohort_id=cohort.id, name="Groupe A", start_date=date(2010, 3, 22))
        s.add(group)
        s.flush()
        for p in (elodie, zoe, hacker, ines):
            s.add(BilanMember(group_id=group.id, participant_id=p.id, cohort_id=cohort.id,
                              started_on=date(2010, 3, 22)))
        for p in (elodie, zoe):
            s.add(ProfessionalProject(participant_id=p.id, job_title="Assistant de gestion",
                                      rome_code="M1607", decision="valide",
                                      decided_on=date(2010, 5, 5), directly_employable=True))
        employer = Employer(name="Garrigue & Fils SARL", siret="12345678900011", opco="AGEFOS PME",
                            city="Lunel")
        s.add(employer)
        s.flush()
        tutor = EmployerContact(employer_id=employer.id, last_name="Bonnet", first_name="René",
                                is_tutor=True)
        s.add(tutor)
        s.add(JobOffer(cohort_id=cohort.id, employer_id=employer.id, title="Assistant·e de gestion",
                       rome_code="M1607", received_on=date(2010, 3, 24)))
        s.flush()
        active = Contract(participant_id=elodie.id, employer_id=employer.id, tutor_id=tutor.id,
                          contract_type="cdd", signed_on=date(2010, 6, 1),
                          start_date=date(2010, 6, 7), end_date=date(2011, 6, 6),
                          job_title="Assistante de gestion", opco="AGEFOS PME",
                          gross_monthly_pay_cents=110_000)
        broken = Contract(participant_id=zoe.id, employer_id=employer.id,
                          contract_type="cdd", start_date=date(2010, 6, 7),
                          end_date=date(2011, 6, 6), rupture_on=date(2010, 6, 20),
                          rupture_by="employeur", rupture_reason_category="periode_essai")
        adult_contract = Contract(participant_id=adult.id, employer_id=employer.id,
                                  contract_type="cdd", start_date=date(2010, 6, 7),
                                  end_date=date(2011, 6, 6))
        s.add_all([active, broken, adult_contract])
        s.flush()
        s.add(FollowUpVisit(contract_id=active.id, done_on=date(2010, 9, 1),
                            next_visit_on=date(2010, 10, 13), coach_id=marc.id))
        s.add(FollowUpVisit(contract_id=active.id, planned_on=date(2010, 10, 13),
                            coach_id=marc.id))
        s.add(Outcome(participant_id=elodie.id, kind="poursuite_etudes_souhait",
                      recorded_on=date(2010, 12, 15)))
        s.add(Outcome(participant_id=theo.id, kind="emploi_hors_dispositif",
                      recorded_on=date(2010, 7, 20)))
        return Sample(cohort.id, {
            "Élodie": elodie.id, "Zoé": zoe.id, "Jérôme": hacker.id, "Inès": ines.id,
            "Théo": theo.id, "Anaïs": contact.id, "Françoise": adult.id,
        })
