"""The demo cohort: the 2010 programme of the progress note, with invented people.

``build_demo`` records, step by step and in the order the events happened, what the coaches of
2010 did — through the very public services the window and the command line call, one
transaction per thing a coach does, so whatever the demo shows a coach can do from an empty
database (``tests/unit/test_one_write_path.py`` reads the code to keep it so). Its funnel gives
every figure of the progress note of 31 December 2010: 273 contacts, 9 information sessions with
58 present, 49 selection interviews, 46 selected, 41 entering the bilan, 22 validated projects,
40 job offers, 11 contracts of which 3 broken (2 during the trial period), 8 active, 2 adults in
the training, 3 employed outside the programme, 2 CDI promises, 1 hire promise and 8 young
people wanting a bac+2. Names, employers and numbers are invented (``demo_data``); the result is
deterministic.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from coachdesk.db import Database, open_database
from coachdesk.db_copy import backup_sqlite
from coachdesk.errors import UserError
from coachdesk.services import (
    bilan,
    clock,
    coaches,
    cohorts,
    contracts,
    demo_journal,
    employers,
    enrolment,
    interviews,
    matching,
    offers,
    outcomes,
    participants,
    recruitment,
    training_bodies,
    visits,
)
from coachdesk.services import contract_rules as rules
from coachdesk.services import demo_data as data
from coachdesk.services.contract_draft import ContractDraft
from coachdesk.services.demo_cerfa import complete_demo_cerfa
from coachdesk.services.demo_contracts import demo_smic, lawful_terms
from coachdesk.services.demo_training import follow_the_training

DEMO_COHORT_NAME = "Promotion 2010 — Certificat professionnel Assistant de gestion de PME"
TRAINING_TITLE = "Certificat professionnel Assistant de gestion de PME (bac+1), en alternance"
NOTE_DATE = date(2010, 12, 31)
# The information mailing sent to every contact with an e-mail address.
INFORMATION_MAILING = date(2010, 2, 10)
BILAN_START = date(2010, 3, 22)
BILAN_END = date(2010, 5, 5)
TRAINING_START = date(2010, 5, 26)
ENROLMENT_DEADLINE = date(2010, 7, 15)
CONTRACT_END = date(2011, 4, 30)
SMIC_2010_CENTS = 134_377
QUALIFICATION = "Certificat professionnel Assistant de gestion de PME (Cnam)"
# An offer, its employer, the job's title and ROME code.
Offer = tuple[str, str, str, str]


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class _DemoBuilder:
    """Builds the demo step by step, in the order the events happened."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.rng = random.Random(2010)
        self.used_names: set[tuple[str, str]] = set()
        self.tutor_of: dict[str, str] = {}
        self.coach_ids: dict[str, str] = {}  # each coach's record, by name
        self.trainee_of: dict[str, rules.Trainee] = {}
        self.smic = demo_smic()

    # People ---------------------------------------------------------------------------------
    def _new_name(self) -> tuple[str, str, bool]:
        while True:
            female = self.rng.random() < 0.62
            first = self.rng.choice(data.FIRST_NAMES_F if female else data.FIRST_NAMES_M)
            last = self.rng.choice(data.LAST_NAMES)
            if (first, last) not in self.used_names:
                self.used_names.add((first, last))
                return first, last, female

    def _person(self, listed_on: date, provenance: str, *, adult: bool = False) -> str:
        rng = self.rng
        first, last, _female = self._new_name()
        postcode, city = rng.choice(data.CITIES)
        if adult:
            birth = date(rng.randint(1968, 1982), rng.randint(1, 12), rng.randint(1, 28))
        else:
            birth = date(rng.randint(1988, 1991), rng.randint(1, 12), rng.randint(1, 28))
        bac_type = rng.choices(("general", "technologique", "professionnel"), weights=(4, 4, 3))[0]
        # Drawn in the order the demo always drew them, so the demo's people stay the same.
        typed_last = last.upper() if rng.random() < 0.3 else last
        phone = data.phone(rng) if rng.random() < 0.93 else ""
        email = data.email(first, last, rng) if rng.random() < 0.85 else ""
        person = participants.ParticipantData(
            last_name=typed_last,
            first_name=first,
            birth_date=birth,
            is_adult=adult,
            phone=phone,
            email=email,
            address=f"{rng.randint(1, 140)} {rng.choice(data.STREETS)}",
            postcode=postcode,
            city=city,
            ine="" if adult else f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}",
            university_track="" if adult else rng.choice(data.TRACKS),
            bac_type=None if adult else bac_type,
            bac_series="" if adult else rng.choice(data.BAC_SERIES[bac_type]),
            bac_year=None if adult else birth.year + 18,
            provenance=provenance,
            coach_id=self.coach_ids[rng.choice(data.COACHES)],
            # Informed of the programme's use of their data by the information e-mail of
            # 10/02/2010 (the adults when they joined); those without an e-mail address were
            # never reached that way, and nothing is recorded for them.
            consent_date=max(listed_on, INFORMATION_MAILING) if email else None,
        )
        person_id = participants.create_participant(self.db, self.cohort_id, person,
                                                    listed_on=listed_on)
        self.trainee_of[person_id] = rules.Trainee(birth, person.bac_type)
        return person_id

    def build(self) -> str:
        # The demo lives on the day of the progress note it tells.
        clock.set_clock(self.db, NOTE_DATE)
        # The coaches, the training body and the promotion, as a coach sets them up.
        self.coach_ids = {record[0]: coaches.create_coach(self.db, coaches.CoachDraft(*record))
                          for record in data.COACH_RECORDS}
        body = training_bodies.create_training_body(
            self.db, training_bodies.TrainingBodyDraft(**data.TRAINING_BODY))
        self.cohort_id = cohorts.create_cohort(self.db, cohorts.CohortDraft(
            name=DEMO_COHORT_NAME, start_date=TRAINING_START, training_title=TRAINING_TITLE,
            training_body_id=body, bilan_start_date=BILAN_START, bilan_end_date=BILAN_END,
            end_date=CONTRACT_END, enrolment_deadline=ENROLMENT_DEADLINE,
            visit_interval_weeks=6, target_size=data.TARGET_SIZE,
            coach_ids=tuple(self.coach_ids.values()),
        ))
        university = [self._person(date(2010, 2, 1), "universite") for _ in range(212)]
        mission_locale = [self._person(date(2010, 2, 8), "mission_locale") for _ in range(61)]
        contacts = university + mission_locale
        self.rng.shuffle(contacts)

        present = contacts[:58]
        absent_invitees = contacts[58:75]
        self._outreach(contacts, set(present) | set(absent_invitees))
        self._info_sessions(present, absent_invitees)
        selected = self._selection(present[:49])
        bilan_members = selected[:41]
        validated = self._bilan(bilan_members)
        employer_ids = self._employers()
        offer_rows = self._offers(employer_ids)
        signers = validated[:11]
        self._placement(validated, signers, offer_rows)
        adults = [self._person(date(2010, 5, 10), "autre", adult=True) for _ in range(2)]
        signed = self._contracts(validated, signers, adults, offer_rows, employer_ids)
        complete_demo_cerfa(self.db, [contract for contract, *_rest in signed], self.cohort_id)
        self._follow_up(signed)
        self._outcomes(validated, signers)
        follow_the_training(self.db, signed, [p for p in validated if p not in signers][:3])
        demo_journal.record_journal(self.db, signers, [c for c, _s, _r in signed], self.coach_ids)
        return self.cohort_id

    # Recruitment ----------------------------------------------------------------------------
    def _outreach(self, contacts: list[str], interested: set[str]) -> None:
        """The February mailing to everyone, then the phoning of each contact."""
        rng = self.rng
        recruitment.record_campaign(
            self.db, contacts, date(2010, 2, 10), "mailing",
            coach_id=self.coach_ids[data.COACHES[0]],
            campaign="Mailing d'information février 2010",
        )
        for person in contacts:
            coach = self.coach_ids[rng.choice(data.COACHES)]
            first_call = date(2010, 2, 15) + timedelta(days=rng.randint(0, 10))
            if person in interested:
                if rng.random() < 0.4:
                    recruitment.record_call(self.db, person, "message_laisse", first_call,
                                            coach_id=coach)
                    first_call += timedelta(days=2)
                recruitment.record_call(self.db, person, "interesse", first_call, coach_id=coach,
                                        notes="Invité·e à une réunion d'information collective.")
                continue
            outcome = rng.choices(
                ("pas_de_reponse", "message_laisse", "pas_interesse", "faux_numero", "a_rappeler"),
                weights=(30, 25, 30, 8, 7),
            )[0]
            recall = first_call + timedelta(days=7) if outcome == "a_rappeler" else None
            recruitment.record_call(self.db, person, outcome, first_call, coach_id=coach,
                                    recall_on=recall)
            if recall is not None:
                recruitment.record_call(self.db, person, "pas_interesse", recall, coach_id=coach,
                                        notes="A repris un emploi saisonnier.")

    def _info_sessions(self, present: list[str], absent: list[str]) -> None:
        """Nine meetings: the people interested are invited, then marked present or absent."""
        sessions = [
            recruitment.create_info_session(
                self.db, self.cohort_id, datetime.combine(day, time(14, 0)),
                data.INFO_SESSION_PLACES[index % 2], capacity=15,
            )
            for index, day in enumerate(data.INFO_SESSION_DAYS)
        ]
        self.session_day = dict(zip(sessions, data.INFO_SESSION_DAYS, strict=True))
        self.person_session: dict[str, str] = {}
        marks: dict[str, dict[str, str]] = {session_id: {} for session_id in sessions}
        for index, person in enumerate(present):
            session_id = sessions[index % len(sessions)]
            marks[session_id][person] = "present"
            self.person_session[person] = session_id
        for index, person in enumerate(absent):
            marks[sessions[(index * 2) % len(sessions)]][person] = "absent"
        for session_id, statuses in marks.items():
            recruitment.invite(self.db, session_id, statuses)
            recruitment.set_presence(self.db, session_id, statuses)

    def _selection(self, interviewed: list[str]) -> list[str]:
        decisions = ["retenu"] * 46 + ["non_retenu", "non_retenu", "desistement"]
        notes = {
            "retenu": "Motivation pour l'alternance et les métiers de la gestion.",
            "non_retenu": "Projet tourné vers un autre secteur : orienté·e vers la Mission Locale.",
            "desistement": "A trouvé une formation dans une autre région.",
        }
        selected = []
        for person, decision in zip(interviewed, decisions, strict=True):
            held = _weekday_on_or_after(
                self.session_day[self.person_session[person]]
                + timedelta(days=self.rng.randint(2, 5))
            )
            interview = recruitment.schedule_selection_interview(
                self.db, person, held, self.rng.choice(data.COACHES)
            )
            recruitment.record_decision(self.db, interview, decision, notes[decision])
            if decision == "retenu":
                selected.append(person)
        return selected

    # Bilan ----------------------------------------------------------------------------------
    def _bilan(self, members: list[str]) -> list[str]:
        rng = self.rng
        parts = {
            "bilan": (date(2010, 3, 22), date(2010, 4, 6)),
            "remise_a_niveau": (date(2010, 4, 7), date(2010, 4, 21)),
            "tre": (date(2010, 4, 22), date(2010, 5, 5)),
        }
        group = bilan.create_group(
            self.db, cohort_id=self.cohort_id, name="Groupe bilan printemps 2010",
            start_date=parts["bilan"][0], end_date=parts["tre"][1], parts=parts,
        )
        for person in members:
            bilan.add_member(self.db, group, person, BILAN_START)
        titles = {
            "bilan": ("Accueil et histoire de vie", "Intérêts professionnels", "Enquêtes métiers"),
            "remise_a_niveau": ("Français écrit", "Calcul professionnel",
                                "Tableur et traitement de texte"),
            "tre": ("CV et lettre de motivation", "Entretien de recrutement",
                    "Prospection téléphonique"),
        }
        for kind, (start, end) in parts.items():
            day = start
            for title in titles[kind]:
                session_id = bilan.add_session(
                    self.db, group, part=kind, held_on=_weekday_on_or_after(day), title=title,
                    trainer=rng.choice(data.COACHES),
                )
                bilan.record_attendance(
                    self.db, session_id, {person: rng.random() < 0.9 for person in members}
                )
                day += timedelta(days=max(1, (end - start).days // 3))
        for person in members:
            for domain in ("francais", "mathematiques", "bureautique"):
                before = rng.randint(6, 15)
                bilan.set_skill_assessment(self.db, person, bilan.SkillAssessmentDraft(
                    domain=domain, score_before=before, assessed_before_on=date(2010, 4, 7),
                    score_after=min(20, before + rng.randint(0, 5)),
                    assessed_after_on=date(2010, 4, 21),
                ))
        validated = members[:22]
        for index, person in enumerate(members):
            gave_up = index >= 22 and index % 6 == 5
            bilan.set_member_status(
                self.db, group, person, "abandon" if gave_up else "termine",
                date(2010, 4, 16) if gave_up else parts["tre"][1],
            )
            if person in validated:
                title, rome = data.PROJECT_JOBS[index % len(data.PROJECT_JOBS)]
                project = bilan.ProjectDraft(
                    rome_code=rome, job_title=title, decision="valide",
                    decided_on=date(2010, 5, 4), directly_employable=True,
                )
            else:
                title, rome = rng.choice(data.OTHER_JOBS)
                project = bilan.ProjectDraft(
                    rome_code=rome, job_title=title,
                    decision="a_retravailler" if index % 3 else "abandonne",
                    decided_on=date(2010, 5, 4),
                    notes="Projet à confirmer par une période d'immersion.",
                )
            bilan.add_project(self.db, person, project)
        return validated

    # Employers and offers -------------------------------------------------------------------
    def _employers(self) -> list[str]:
        rng = self.rng
        employer_ids = []
        postcodes = {city: postcode for postcode, city in data.CITIES}
        for index, (name, naf, city, size) in enumerate(data.EMPLOYERS):
            employer = employers.create_employer(self.db, employers.EmployerDraft(
                name=name, siret=data.siret(rng), naf_code=naf,
                address=f"{rng.randint(1, 90)} {rng.choice(data.STREETS)}",
                postcode=postcodes.get(city, "34000"), city=city, size_band=size,
                opco=data.OPCOS[index % len(data.OPCOS)],
                reached_via=("prospection_directe", "relais_opco", "relais_pole_emploi")[index % 3],
            ))
            first, last, _ = self._new_name()
            tutor = employers.ContactDraft(
                last_name=last, first_name=first, role="Responsable administratif·ve",
                phone=f"04 67 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                is_tutor=True, tutor_experience_years=rng.randint(2, 15),
                is_employer_in_person=size == "1-9",
            )
            self.tutor_of[employer] = employers.add_contact(self.db, employer, tutor)
            day = date(2010, 2, 8) + timedelta(days=index * 4)
            employers.add_prospecting_event(self.db, employer, employers.ProspectingDraft(
                done_on=day, channel=rng.choice(("telephone", "visite")),
                author=rng.choice(data.COACHES), outcome="Présentation du dispositif et du bilan.",
                next_step="Rappeler pour recueillir une offre",
                next_step_on=day + timedelta(days=14),
            ))
            employer_ids.append(employer)
        return employer_ids

    def _offers(self, employer_ids: list[str]) -> list[Offer]:
        offer_rows = []
        for index in range(40):
            employer = employer_ids[index % len(employer_ids)]
            title, rome = data.PROJECT_JOBS[index % len(data.PROJECT_JOBS)]
            offer = offers.create_offer(self.db, self.cohort_id, offers.OfferDraft(
                employer_id=employer,
                title=title,
                rome_code=rome,
                received_on=date(2010, 2, 15) + timedelta(days=index * 3),
                city=data.EMPLOYERS[index % len(data.EMPLOYERS)][2],
                start_on=date(2010, 6, 1),
                weekly_hours=Decimal(35),
                source=("prospection", "opco", "pole_emploi")[index % 3],
                description="Contrat de professionnalisation, formation au Cnam.",
            ))
            offer_rows.append((offer, employer, title, rome))
        return offer_rows

    def _placement(self, validated: list[str], signers: list[str], offer_rows: list[Offer]) -> None:
        """Referrals and recruitment interviews of spring and summer 2010: the interview's
        outcome moves its referral (« retenu·e » hires, « non retenu·e » is a refusal)."""
        rng = self.rng
        self.signer_offer: dict[str, Offer] = {}
        for index, person in enumerate(validated):
            offer = offer_rows[index]
            self.signer_offer[person] = offer
            proposed = date(2010, 4, 26) + timedelta(days=index * 3)
            referral = matching.propose(self.db, offer[0], person, proposed)
            matching.set_referral_status(self.db, referral, "cv_envoye",
                                         proposed + timedelta(days=1))
            interview_day = _weekday_on_or_after(proposed + timedelta(days=7))
            place = data.EMPLOYERS[index % len(data.EMPLOYERS)]
            interview = interviews.schedule_interview(
                self.db, referral, interviews.InterviewDraft(
                    starts_at=datetime.combine(interview_day,
                                               time(rng.choice((9, 10, 14, 16)), 0)),
                    place=place[0],
                    address=place[2],
                    route_note="Tramway ligne 1, puis 10 minutes à pied.",
                    contact_person="Responsable administratif·ve",
                ),
                planned_on=proposed + timedelta(days=3),
            )
            ticked = range(1, rng.randint(6, 13))
            for item in interviews.checklist(self.db, interview):
                if item.position in ticked:
                    interviews.tick_item(self.db, item.id, True,
                                         on=interview_day - timedelta(days=2))
            interviews.set_interview_outcome(
                self.db, interview, "retenu" if person in signers else "non_retenu"
            )

    # Contracts and follow-up ----------------------------------------------------------------
    def _contracts(
        self,
        validated: list[str],
        signers: list[str],
        adults: list[str],
        offer_rows: list[Offer],
        employer_ids: list[str],
    ) -> list[tuple[str, date, date | None]]:
        rng = self.rng
        enrolment.enrol(self.db, [*validated, *adults], TRAINING_START)
        starts = [date(2010, 6, 1), date(2010, 7, 5), date(2010, 6, 14), date(2010, 5, 31),
                  date(2010, 6, 7), date(2010, 6, 7), date(2010, 6, 21), date(2010, 6, 28),
                  date(2010, 7, 5), date(2010, 7, 12), date(2010, 7, 12)]
        ruptures = {
            0: visits.RuptureDraft(date(2010, 6, 18), "employeur", "periode_essai",
                                   "Rupture par l'employeur pendant la période d'essai."),
            1: visits.RuptureDraft(date(2010, 7, 23), "jeune", "periode_essai",
                                   "Le poste ne correspondait pas à ses attentes."),
            2: visits.RuptureDraft(date(2010, 10, 15), "jeune", "personnel",
                                   "Problèmes personnels du jeune."),
        }
        signed: list[tuple[str, date, date | None]] = []
        for index, person in enumerate(signers):
            offer_id, employer, title, rome = self.signer_offer[person]
            start = starts[index]
            rng.choice((55, 65, 70))  # kept: the rest of the demo draws the same names
            terms = ContractDraft(
                start_date=start,
                end_date=CONTRACT_END,
                signed_on=start - timedelta(days=rng.randint(2, 6)),
                employer_id=employer,
                offer_id=offer_id,
                tutor_id=self.tutor_of[employer],
                weekly_hours=Decimal(35),
                training_hours=400,
                job_title=title,
                rome_code=rome,
                qualification=QUALIFICATION,
                opco=data.OPCOS[index % len(data.OPCOS)],
                sent_to_opco_on=start + timedelta(days=rng.randint(1, 4)),
                opco_decision="accepte",
                opco_decision_on=start + timedelta(days=rng.randint(8, 18)),
            )
            contract = contracts.record_contract(
                self.db, person,
                lawful_terms(terms, self.trainee_of[person], self.smic, NOTE_DATE, alert=index))
            # The offer is filled: the coach says so on the offer's form.
            draft = offers.get_offer(self.db, offer_id)
            offers.update_offer(self.db, offer_id, replace(draft, status="pourvue"))
            rupture = ruptures.get(index)
            if rupture is not None:
                visits.record_rupture(self.db, contract, rupture)
            signed.append((contract, start, rupture.rupture_on if rupture else None))
        for index, person in enumerate(adults):
            employer = employer_ids[-1 - index]
            start = date(2010, 6, 7)
            contract = contracts.record_contract(self.db, person, ContractDraft(
                start_date=start,
                end_date=CONTRACT_END,
                signed_on=date(2010, 6, 1),
                employer_id=employer,
                tutor_id=self.tutor_of[employer],
                weekly_hours=Decimal(35),
                training_hours=400,
                job_title="Assistant·e de gestion de PME",
                rome_code="M1607",
                qualification=QUALIFICATION,
                gross_monthly_pay_cents=SMIC_2010_CENTS,
                opco=data.OPCOS[0],
                sent_to_opco_on=date(2010, 6, 9),
                opco_decision="accepte",
                opco_decision_on=date(2010, 6, 22),
            ))
            signed.append((contract, start, None))
        # The others' provisional enrolments lapse by themselves after the deadline; a few offers
        # still open are withdrawn by their employers.
        for index, (offer_id, *_rest) in enumerate(offer_rows):
            draft = offers.get_offer(self.db, offer_id)
            if index % 7 == 6 and draft.status == "ouverte":
                offers.update_offer(self.db, offer_id, replace(draft, status="annulee"))
        return signed

    def _follow_up(self, signed: list[tuple[str, date, date | None]]) -> None:
        rng = self.rng
        for contract, start, rupture_on in signed:
            day = start + timedelta(days=14)
            last_day = rupture_on or NOTE_DATE
            while day <= last_day:
                next_day = day + timedelta(weeks=6)
                difficulties = rng.random() < 0.25
                visits.record_visit(self.db, contract, visits.VisitDraft(
                    kind="visite" if rng.random() < 0.75 else "appel",
                    planned_on=day,
                    done_on=day,
                    coach_id=self.coach_ids[rng.choice(data.COACHES)],
                    met_people="Le tuteur et le jeune",
                    rating=rng.choice((2, 3, 3, 4, 4)),
                    difficulty_categories=(
                        (rng.choice(("transport", "horaires", "missions")),) if difficulties
                        else ()
                    ),
                    difficulties="Retards le lundi matin liés au transport." if difficulties
                    else "",
                    actions="Point tuteur-jeune sur les horaires." if difficulties else "RAS.",
                    next_visit_on=next_day,
                ))
                day = next_day
            if rupture_on is None:
                visits.record_visit(self.db, contract, visits.VisitDraft(
                    planned_on=day, coach_id=self.coach_ids[rng.choice(data.COACHES)]
                ))

    def _outcome(self, person: str, kind: str, on: date, notes: str = "",
                 expected_on: date | None = None) -> None:
        outcomes.record_outcome(self.db, person, outcomes.OutcomeDraft(
            kind=kind, recorded_on=on, expected_on=expected_on, notes=notes
        ))

    def _outcomes(self, validated: list[str], signers: list[str]) -> None:
        lapsed = [person for person in validated if person not in signers]
        for person in lapsed[:3]:
            self._outcome(person, "emploi_hors_dispositif", date(2010, 9, 13),
                          "Emploi d'employé·e administratif·ve trouvé hors dispositif.")
            self._outcome(person, "cours_du_soir", date(2010, 10, 4),
                          "Suit la même formation au Cnam en cours du soir.")
        for person in lapsed[3:]:
            self._outcome(person, "accompagnement_poursuivi", date(2010, 7, 16),
                          "Accompagnement à la mise en œuvre du projet défini.")
        for person in signers[:3]:  # the three broken contracts
            self._outcome(person, "accompagnement_poursuivi", date(2010, 10, 18))
        active = signers[3:]
        for person in active[:2]:
            self._outcome(person, "promesse_cdi", date(2010, 12, 10),
                          "L'employeur s'engage à embaucher en CDI à la fin du contrat.")
        self._outcome(active[2], "promesse_embauche_date", date(2010, 12, 15),
                      "Remplacement d'un salarié qui part à la retraite.",
                      expected_on=date(2011, 9, 1))
        for person in active:
            self._outcome(person, "poursuite_etudes_souhait", date(2010, 12, 17),
                          "Souhaite poursuivre vers un bac+2 en alternance.")


def build_demo(database: Database) -> str:
    """Record the whole demo cohort, one service call per thing a coach does; returns its id.

    Built into a new file (``write_demo_database``) that replaces the target only when
    complete, so the many transactions never leave a half-built demo where a coach opens it.
    """
    return _DemoBuilder(database).build()


def write_demo_database(path: Path, *, force: bool = False) -> Path:
    """Write a new demo database at ``path``: complete, or not at all.

    Raises:
        UserError: ``path`` exists and ``force`` is false (the file is left untouched).
    """
    path = Path(path)
    if path.exists() and not force:
        raise UserError(
            f"Le fichier « {path} » existe déjà : la base de démonstration n'a pas été écrite.",
            hint="Choisissez un autre chemin, ou ajoutez --force pour le remplacer.",
        )
    if path.exists() and path.is_dir():
        raise UserError(f"« {path} » est un dossier : indiquez un nom de fichier.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".coachdesk-demo-") as folder:
        building = Path(folder) / "demo.sqlite3"
        database = open_database(building)
        try:
            build_demo(database)
            from coachdesk.services.backups import mark_as_demo

            mark_as_demo(database)
        finally:
            database.dispose()
        backup_sqlite(building, Path(folder) / "complete.sqlite3")
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        (Path(folder) / "complete.sqlite3").replace(path)
    return path
