"""The demo cohort: the 2010 programme of the progress note, with invented people.

``build_demo`` records, through the same services the window uses, a cohort whose funnel gives
every figure of the progress note of 31 December 2010: 273 contacts, 9 information sessions with
58 present, 49 selection interviews, 46 selected, 41 entering the bilan, 22 validated projects,
40 job offers, 11 contracts of which 3 broken (2 during the trial period), 8 active, 2 adults in
the training, 3 employed outside the programme, 2 CDI promises, 1 hire promise and 8 young
people wanting a bac+2. Names, employers and numbers are invented; the result is deterministic.
"""

from __future__ import annotations

import json
import random
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from coachdesk import paths
from coachdesk.db import HEAD_REVISION, Database, backup_sqlite, open_database
from coachdesk.errors import UserError
from coachdesk.services import recording as rec

DEMO_COHORT_NAME = "Promotion 2010 — Certificat professionnel Assistant de gestion de PME"
TRAINING_TITLE = "Certificat professionnel Assistant de gestion de PME (bac+1), en alternance"
COACHES = ("Claire Vidal", "Julien Roux", "Nadia Benali")
NOTE_DATE = date(2010, 12, 31)

FIRST_NAMES_F = (
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Sarah",
    "Océane",
    "Laura",
    "Émilie",
    "Julie",
    "Anaïs",
    "Mélanie",
    "Marion",
    "Pauline",
    "Élodie",
    "Justine",
    "Amandine",
    "Céline",
    "Noémie",
    "Audrey",
    "Margaux",
    "Lucie",
    "Yasmine",
    "Clémence",
    "Maëva",
    "Ophélie",
    "Sabrina",
    "Nour",
    "Estelle",
    "Gaëlle",
)
FIRST_NAMES_M = (
    "Thomas",
    "Nicolas",
    "Kévin",
    "Julien",
    "Maxime",
    "Romain",
    "Alexandre",
    "Jérémy",
    "Florian",
    "Anthony",
    "Mehdi",
    "Quentin",
    "Sébastien",
    "Guillaume",
    "Loïc",
    "Mathieu",
    "Yanis",
    "Adrien",
    "Benoît",
    "Rémi",
    "Karim",
    "Théo",
    "Hugo",
    "Cédric",
    "Jonathan",
    "Bastien",
    "Samir",
    "Dylan",
    "Grégory",
    "Aurélien",
)
LAST_NAMES = (
    "Martin",
    "Bernard",
    "Fabre",
    "Roux",
    "Vidal",
    "Bonnet",
    "Garcia",
    "Lopez",
    "Martinez",
    "Fournier",
    "Girard",
    "Mercier",
    "Blanc",
    "Guerin",
    "Boyer",
    "Chevalier",
    "Rouvière",
    "Aubert",
    "Carrière",
    "Pons",
    "Granier",
    "Vialle",
    "Combes",
    "Sabatier",
    "Bousquet",
    "Maurel",
    "Teissier",
    "Castel",
    "Jourdan",
    "Espinasse",
    "Delmas",
    "Ferrand",
    "Pélissier",
    "Auriol",
    "Cabanel",
    "Salles",
    "Benoît",
    "Rey",
    "Arnaud",
    "Moreno",
    "Ribes",
    "Azéma",
    "Hérail",
    "Lafon",
    "Bouzid",
    "Haddad",
    "Nguyen",
    "Ferreira",
    "Da Silva",
    "Lefèvre",
    "Le Gall",
    "Saint-Pierre",
    "Dupont-Lajoie",
    "N'Diaye",
    "Œillet",
    "Courtès",
    "Malaval",
    "Py",
    "Tournier",
    "Estève",
    "Barral",
    "Cros",
    "Durand",
    "Gaillard",
    "Hugon",
    "Imbert",
    "Jullian",
    "Lacroix",
    "Marty",
    "Nègre",
    "Olivier",
    "Puech",
    "Quintana",
    "Reynès",
    "Soulier",
    "Thérond",
    "Urbain",
    "Valette",
    "Alary",
    "Boissière",
    "Coste",
    "Dumas",
    "Fabié",
    "Gras",
    "Hébrard",
    "Laurens",
    "Mas",
    "Navarro",
    "Ortega",
    "Pagès",
    "Rigaud",
    "Serre",
    "Trinquier",
    "Vernhes",
    "Belkacem",
    "Chaouch",
    "Diallo",
    "Kaya",
    "Mendes",
    "Petit",
    "Sanchez",
    "Torres",
    "Vincent",
    "Weber",
)
TRACKS = ("L1 AES", "L1 LEA", "L1 Psychologie")
BAC_SERIES = {
    "general": ("ES", "L", "S"),
    "technologique": ("STG", "STT", "SMS"),
    "professionnel": ("Secrétariat", "Comptabilité", "Commerce", "Vente"),
}
CITIES = (
    ("34000", "Montpellier"),
    ("34070", "Montpellier"),
    ("34080", "Montpellier"),
    ("34170", "Castelnau-le-Lez"),
    ("34430", "Saint-Jean-de-Védas"),
    ("34970", "Lattes"),
    ("34920", "Le Crès"),
    ("34130", "Mauguio"),
    ("34200", "Sète"),
    ("34500", "Béziers"),
    ("30000", "Nîmes"),
    ("34400", "Lunel"),
)
STREETS = (
    "rue de la Loge",
    "avenue de Toulouse",
    "rue du Faubourg Boutonnet",
    "avenue de Palavas",
    "rue des Étuves",
    "boulevard Renouvier",
    "rue de l'Aiguillerie",
    "avenue du Pont Juvénal",
    "chemin de Moularès",
    "rue Proudhon",
)
EMPLOYERS = (
    ("Cabinet Garrigues Expertise", "6920Z", "Montpellier", "10-49"),
    ("Transports Lirou", "4941A", "Saint-Jean-de-Védas", "50-249"),
    ("Clinique du Parc Lunaret", "8610Z", "Montpellier", "250+"),
    ("Bati-Hérault Rénovation", "4399C", "Lattes", "10-49"),
    ("Imprimerie des Arceaux", "1812Z", "Montpellier", "10-49"),
    ("Domaine des Trois Pins", "0121Z", "Mauguio", "1-9"),
    ("Optique Comédie", "4778A", "Montpellier", "1-9"),
    ("Agence immobilière Écusson", "6831Z", "Montpellier", "1-9"),
    ("Sud Logistique Services", "5210B", "Lunel", "50-249"),
    ("Mutuelle Occitane de Prévoyance", "6512Z", "Montpellier", "250+"),
    ("Garage Peyrou Automobiles", "4520A", "Castelnau-le-Lez", "10-49"),
    ("Hôtel Les Tilleuls", "5510Z", "Sète", "10-49"),
    ("Pharmacie de la Paillade", "4773Z", "Montpellier", "10-49"),
    ("Informatique Méditerranée Conseil", "6202A", "Montpellier", "10-49"),
    ("Société Languedocienne de Nettoyage", "8121Z", "Béziers", "250+"),
    ("Association Entraide Cévennes", "8899B", "Nîmes", "10-49"),
    ("Boulangeries Maurin", "1071C", "Le Crès", "10-49"),
    ("Électricité Générale Fabrègues", "4321A", "Montpellier", "10-49"),
    ("Cave coopérative de Mireval", "1102B", "Sète", "10-49"),
    ("Paysages du Lez", "8130Z", "Lattes", "1-9"),
    ("Centre de formation Polygone", "8559A", "Montpellier", "10-49"),
    ("Assurances Antigone", "6622Z", "Montpellier", "1-9"),
    ("Menuiserie Vialle et Fils", "1623Z", "Lunel", "1-9"),
    ("Laboratoire Biomed Sud", "7211Z", "Montpellier", "50-249"),
    ("Cabinet d'avocats Clapiès", "6910Z", "Montpellier", "1-9"),
    ("Supermarché Les Arcades", "4711D", "Castelnau-le-Lez", "50-249"),
    ("Auto-école Pitot", "8553Z", "Montpellier", "1-9"),
    ("Bureau d'études Hydro-Lez", "7112B", "Mauguio", "10-49"),
)
OPCOS = ("AGEFOS PME", "OPCALIA", "FAFIH", "OPCA Transports")
PROJECT_JOBS = (
    ("Assistant·e de gestion de PME", "M1607"),
    ("Secrétaire comptable", "M1608"),
    ("Agent·e administratif·ve", "M1602"),
    ("Assistant·e commercial·e", "D1401"),
    ("Assistant·e ressources humaines", "M1501"),
)
OTHER_JOBS = (
    ("Vendeur·se en prêt-à-porter", "D1214"),
    ("Animateur·rice socioculturel·le", "G1202"),
    ("Agent·e d'accueil", "M1601"),
)
INFO_SESSION_DAYS = (
    date(2010, 2, 22),
    date(2010, 2, 24),
    date(2010, 2, 26),
    date(2010, 3, 1),
    date(2010, 3, 3),
    date(2010, 3, 5),
    date(2010, 3, 8),
    date(2010, 3, 10),
    date(2010, 3, 12),
)
INFO_SESSION_PLACES = (
    "Cnam Languedoc-Roussillon, salle 2, Montpellier",
    "Mission Locale des Jeunes de l'agglomération, Montpellier",
)
BILAN_START = date(2010, 3, 22)
TRAINING_START = date(2010, 5, 26)
ENROLMENT_DEADLINE = date(2010, 7, 15)
CONTRACT_END = date(2011, 4, 30)
SMIC_2010_CENTS = 134_377


def _siret(rng: random.Random) -> str:
    from stdnum import luhn

    siren = str(rng.randint(30_000_000, 89_999_999))
    siren += luhn.calc_check_digit(siren)
    nic = f"{siren}{rng.randint(1, 99):04d}"
    return nic + luhn.calc_check_digit(nic)


def _phone(rng: random.Random) -> str:
    pairs = " ".join(f"{rng.randint(10, 99)}" for _ in range(4))
    return f"06 {pairs}"


def _email(first: str, last: str, rng: random.Random) -> str:
    from coachdesk.services.text import name_key

    domain = rng.choice(("laposte.net", "orange.fr", "free.fr", "gmail.com", "hotmail.fr"))
    return f"{name_key(first)}.{name_key(last)}{rng.randint(1, 99)}@{domain}"


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _checklist_labels() -> list[str]:
    data = json.loads(paths.resource("checklists", "default_fr.json").read_text("utf-8"))
    return [str(label) for label in data["items"]]


class _DemoBuilder:
    """Builds the demo step by step, in the order the events happened."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.rng = random.Random(2010)
        self.used_names: set[tuple[str, str]] = set()
        self.tutor_of: dict[str, str] = {}

    # People ---------------------------------------------------------------------------------
    def _new_name(self) -> tuple[str, str, bool]:
        while True:
            female = self.rng.random() < 0.62
            first = self.rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
            last = self.rng.choice(LAST_NAMES)
            if (first, last) not in self.used_names:
                self.used_names.add((first, last))
                return first, last, female

    def _person(self, listed_on: date, provenance: str, *, adult: bool = False) -> str:
        rng = self.rng
        first, last, _female = self._new_name()
        postcode, city = rng.choice(CITIES)
        if adult:
            birth = date(rng.randint(1968, 1982), rng.randint(1, 12), rng.randint(1, 28))
        else:
            birth = date(rng.randint(1988, 1991), rng.randint(1, 12), rng.randint(1, 28))
        bac_type = rng.choices(("general", "technologique", "professionnel"), weights=(4, 4, 3))[0]
        return rec.add_participant(
            self.s,
            self.cohort_id,
            last.upper() if rng.random() < 0.3 else last,
            first,
            listed_on=listed_on,
            birth_date=birth,
            is_adult=adult,
            phone=_phone(rng) if rng.random() < 0.93 else "",
            email=_email(first, last, rng) if rng.random() < 0.85 else "",
            address=f"{rng.randint(1, 140)} {rng.choice(STREETS)}",
            postcode=postcode,
            city=city,
            ine="" if adult else f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}",
            university_track="" if adult else rng.choice(TRACKS),
            bac_type=None if adult else bac_type,
            bac_series="" if adult else rng.choice(BAC_SERIES[bac_type]),
            bac_year=None if adult else birth.year + 18,
            provenance=provenance,
            coach=rng.choice(COACHES),
            consent_date=None,
        )

    def build(self) -> str:
        self.cohort_id = rec.add_cohort(
            self.s,
            DEMO_COHORT_NAME,
            TRAINING_START,
            training_title=TRAINING_TITLE,
            end_date=CONTRACT_END,
            enrolment_deadline=ENROLMENT_DEADLINE,
            visit_interval_weeks=6,
        )
        rec.add_checklist_template(
            self.s, "Préparation à l'entretien de recrutement", _checklist_labels(), is_default=True
        )
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
        employers = self._employers()
        offers = self._offers(employers)
        signers = validated[:11]
        self._placement(validated, signers, offers)
        adults = [self._person(date(2010, 5, 10), "autre", adult=True) for _ in range(2)]
        contracts = self._contracts(validated, signers, adults, offers, employers)
        self._follow_up(contracts)
        self._outcomes(validated, signers)
        return self.cohort_id

    # Recruitment ----------------------------------------------------------------------------
    def _outreach(self, contacts: list[str], interested: set[str]) -> None:
        rng = self.rng
        for person in contacts:
            coach = rng.choice(COACHES)
            rec.record_outreach(
                self.s,
                person,
                date(2010, 2, 10),
                "mailing",
                "envoye",
                author=coach,
                campaign="Mailing d'information février 2010",
            )
            first_call = date(2010, 2, 15) + timedelta(days=rng.randint(0, 10))
            if person in interested:
                if rng.random() < 0.4:
                    rec.record_outreach(
                        self.s, person, first_call, "telephone", "message_laisse", author=coach
                    )
                    first_call += timedelta(days=2)
                rec.record_outreach(
                    self.s,
                    person,
                    first_call,
                    "telephone",
                    "interesse",
                    author=coach,
                    notes="Invité·e à une réunion d'information collective.",
                )
                continue
            outcome = rng.choices(
                ("pas_de_reponse", "message_laisse", "pas_interesse", "faux_numero", "a_rappeler"),
                weights=(30, 25, 30, 8, 7),
            )[0]
            recall = first_call + timedelta(days=7) if outcome == "a_rappeler" else None
            rec.record_outreach(
                self.s, person, first_call, "telephone", outcome, author=coach, recall_on=recall
            )
            if outcome == "a_rappeler" and recall is not None:
                rec.record_outreach(
                    self.s,
                    person,
                    recall,
                    "telephone",
                    "pas_interesse",
                    author=coach,
                    notes="A repris un emploi saisonnier.",
                )

    def _info_sessions(self, present: list[str], absent: list[str]) -> None:
        sessions = [
            rec.add_info_session(
                self.s,
                self.cohort_id,
                datetime.combine(day, time(14, 0)),
                INFO_SESSION_PLACES[index % 2],
                capacity=15,
            )
            for index, day in enumerate(INFO_SESSION_DAYS)
        ]
        self.session_day = dict(zip(sessions, INFO_SESSION_DAYS, strict=True))
        self.person_session: dict[str, str] = {}
        for index, person in enumerate(present):
            session_id = sessions[index % len(sessions)]
            rec.set_attendance(self.s, session_id, person, "present")
            self.person_session[person] = session_id
        for index, person in enumerate(absent):
            rec.set_attendance(self.s, sessions[(index * 2) % len(sessions)], person, "absent")

    def _selection(self, interviewed: list[str]) -> list[str]:
        decisions = ["retenu"] * 46 + ["non_retenu", "non_retenu", "desistement"]
        selected = []
        for person, decision in zip(interviewed, decisions, strict=True):
            held = _weekday_on_or_after(
                self.session_day[self.person_session[person]]
                + timedelta(days=self.rng.randint(2, 5))
            )
            notes = {
                "retenu": "Motivation pour l'alternance et les métiers de la gestion.",
                "non_retenu": (
                    "Projet tourné vers un autre secteur : orienté·e vers la Mission Locale."
                ),
                "desistement": "A trouvé une formation dans une autre région.",
            }[decision]
            rec.record_selection_interview(
                self.s,
                person,
                held,
                decision=decision,
                interviewer=self.rng.choice(COACHES),
                motivation_notes=notes,
            )
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
        group = rec.add_bilan_group(self.s, self.cohort_id, "Groupe bilan printemps 2010", parts)
        for person in members:
            rec.add_bilan_member(self.s, group, person, BILAN_START)
        titles = {
            "bilan": ("Accueil et histoire de vie", "Intérêts professionnels", "Enquêtes métiers"),
            "remise_a_niveau": (
                "Français écrit",
                "Calcul professionnel",
                "Tableur et traitement de texte",
            ),
            "tre": (
                "CV et lettre de motivation",
                "Entretien de recrutement",
                "Prospection téléphonique",
            ),
        }
        for kind, (start, end) in parts.items():
            day = start
            for title in titles[kind]:
                session_id = rec.add_bilan_session(
                    self.s,
                    group,
                    kind,
                    _weekday_on_or_after(day),
                    title,
                    trainer=rng.choice(COACHES),
                )
                for person in members:
                    rec.set_bilan_attendance(self.s, session_id, person, rng.random() < 0.9)
                day += timedelta(days=max(1, (end - start).days // 3))
        for person in members:
            for domain in ("francais", "mathematiques", "bureautique"):
                before = rng.randint(6, 15)
                rec.record_skill_assessment(
                    self.s,
                    person,
                    domain,
                    score_before=before,
                    assessed_before_on=date(2010, 4, 7),
                    score_after=min(20, before + rng.randint(0, 5)),
                    assessed_after_on=date(2010, 4, 21),
                )
        validated = members[:22]
        for index, person in enumerate(members):
            gave_up = index >= 22 and index % 6 == 5
            rec.end_bilan(
                self.s,
                group,
                person,
                date(2010, 4, 16) if gave_up else parts["tre"][1],
                "abandon" if gave_up else "termine",
            )
            if person in validated:
                title, rome = PROJECT_JOBS[index % len(PROJECT_JOBS)]
                rec.record_project(
                    self.s,
                    person,
                    title,
                    rome,
                    decision="valide",
                    decided_on=date(2010, 5, 4),
                    directly_employable=True,
                )
            else:
                title, rome = rng.choice(OTHER_JOBS)
                decision = "a_retravailler" if index % 3 else "abandonne"
                rec.record_project(
                    self.s,
                    person,
                    title,
                    rome,
                    decision=decision,
                    decided_on=date(2010, 5, 4),
                    notes="Projet à confirmer par une période d'immersion.",
                )
        return validated

    # Employers and offers -------------------------------------------------------------------
    def _employers(self) -> list[str]:
        rng = self.rng
        employers = []
        postcodes = {city: postcode for postcode, city in CITIES}
        for index, (name, naf, city, size) in enumerate(EMPLOYERS):
            employer = rec.add_employer(
                self.s,
                name,
                siret=_siret(rng),
                naf_code=naf,
                address=f"{rng.randint(1, 90)} {rng.choice(STREETS)}",
                postcode=postcodes.get(city, "34000"),
                city=city,
                size_band=size,
                opco=OPCOS[index % len(OPCOS)],
                reached_via=("prospection_directe", "relais_opco", "relais_pole_emploi")[index % 3],
            )
            first, last, _ = self._new_name()
            self.tutor_of[employer] = rec.add_employer_contact(
                self.s,
                employer,
                last,
                first,
                role="Responsable administratif·ve",
                phone=f"04 67 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                is_tutor=True,
                tutor_experience_years=rng.randint(2, 15),
                is_employer_in_person=size == "1-9",
            )
            day = date(2010, 2, 8) + timedelta(days=index * 4)
            rec.record_prospecting(
                self.s,
                employer,
                day,
                rng.choice(("telephone", "visite")),
                author=rng.choice(COACHES),
                outcome="Présentation du dispositif et du bilan.",
                next_step="Rappeler pour recueillir une offre",
                next_step_on=day + timedelta(days=14),
            )
            employers.append(employer)
        return employers

    def _offers(self, employers: list[str]) -> list[tuple[str, str, str, str]]:
        offers = []
        for index in range(40):
            employer = employers[index % len(employers)]
            title, rome = PROJECT_JOBS[index % len(PROJECT_JOBS)]
            received = date(2010, 2, 15) + timedelta(days=index * 3)
            offer = rec.add_job_offer(
                self.s,
                self.cohort_id,
                employer,
                title,
                rome,
                received,
                city=EMPLOYERS[index % len(EMPLOYERS)][2],
                start_on=date(2010, 6, 1),
                weekly_hours=35,
                source=("prospection", "opco", "pole_emploi")[index % 3],
                description="Contrat de professionnalisation, formation au Cnam.",
            )
            offers.append((offer, employer, title, rome))
        return offers

    def _placement(
        self,
        validated: list[str],
        signers: list[str],
        offers: list[tuple[str, str, str, str]],
    ) -> None:
        """Referrals and recruitment interviews of spring and summer 2010."""
        rng = self.rng
        self.signer_offer: dict[str, tuple[str, str, str, str]] = {}
        for index, person in enumerate(validated):
            offer = offers[index]
            self.signer_offer[person] = offer
            proposed = date(2010, 4, 26) + timedelta(days=index * 3)
            referral = rec.add_referral(self.s, offer[0], person, proposed)
            rec.set_referral_status(self.s, referral, "cv_envoye", proposed + timedelta(days=1))
            rec.set_referral_status(
                self.s, referral, "entretien_prevu", proposed + timedelta(days=3)
            )
            interview_day = _weekday_on_or_after(proposed + timedelta(days=7))
            interview = rec.add_recruitment_interview(
                self.s,
                referral,
                datetime.combine(interview_day, time(rng.choice((9, 10, 14, 16)), 0)),
                place=EMPLOYERS[index % len(EMPLOYERS)][0],
                address=f"{EMPLOYERS[index % len(EMPLOYERS)][2]}",
                route_note="Tramway ligne 1, puis 10 minutes à pied.",
                contact_person="Responsable administratif·ve",
            )
            rec.tick_checklist(
                self.s, interview, range(1, rng.randint(6, 13)), interview_day - timedelta(days=2)
            )
            if person in signers:
                rec.set_interview_outcome(self.s, interview, "retenu")
                rec.set_referral_status(
                    self.s, referral, "retenu", interview_day + timedelta(days=2)
                )
            else:
                rec.set_interview_outcome(self.s, interview, "non_retenu")
                rec.set_referral_status(
                    self.s, referral, "refus_employeur", interview_day + timedelta(days=4)
                )

    # Contracts and follow-up ----------------------------------------------------------------
    def _contracts(
        self,
        validated: list[str],
        signers: list[str],
        adults: list[str],
        offers: list[tuple[str, str, str, str]],
        employers: list[str],
    ) -> list[tuple[str, date, date | None]]:
        rng = self.rng
        for person in [*validated, *adults]:
            rec.enrol(self.s, person, TRAINING_START)
        starts = [
            date(2010, 6, 1),
            date(2010, 7, 5),
            date(2010, 6, 14),
            date(2010, 5, 31),
            date(2010, 6, 7),
            date(2010, 6, 7),
            date(2010, 6, 21),
            date(2010, 6, 28),
            date(2010, 7, 5),
            date(2010, 7, 12),
            date(2010, 7, 12),
        ]
        ruptures = {
            0: (
                date(2010, 6, 18),
                "employeur",
                "periode_essai",
                "Rupture par l'employeur pendant la période d'essai.",
            ),
            1: (
                date(2010, 7, 23),
                "jeune",
                "periode_essai",
                "Le poste ne correspondait pas à ses attentes.",
            ),
            2: (date(2010, 10, 15), "jeune", "personnel", "Problèmes personnels du jeune."),
        }
        contracts: list[tuple[str, date, date | None]] = []
        for index, person in enumerate(signers):
            offer_id, employer, title, rome = self.signer_offer[person]
            start = starts[index]
            rate = rng.choice((55, 65, 70))
            contract = rec.record_contract(
                self.s,
                person,
                employer,
                start,
                end_date=CONTRACT_END,
                signed_on=start - timedelta(days=rng.randint(2, 6)),
                offer_id=offer_id,
                tutor_id=self.tutor_of[employer],
                weekly_hours=35,
                training_hours=400,
                job_title=title,
                rome_code=rome,
                qualification="Certificat professionnel Assistant de gestion de PME (Cnam)",
                gross_monthly_pay_cents=SMIC_2010_CENTS * rate // 100,
                opco=OPCOS[index % len(OPCOS)],
                sent_to_opco_on=start + timedelta(days=rng.randint(1, 4)),
                opco_decision="accepte",
                opco_decision_on=start + timedelta(days=rng.randint(8, 18)),
            )
            rec.set_offer_status(self.s, offer_id, "pourvue")
            rupture = ruptures.get(index)
            if rupture:
                rec.record_rupture(self.s, contract, *rupture)
            contracts.append((contract, start, rupture[0] if rupture else None))
        for index, person in enumerate(adults):
            start = date(2010, 6, 7)
            contract = rec.record_contract(
                self.s,
                person,
                employers[-1 - index],
                start,
                end_date=CONTRACT_END,
                signed_on=date(2010, 6, 1),
                tutor_id=self.tutor_of[employers[-1 - index]],
                weekly_hours=35,
                training_hours=400,
                job_title="Assistant·e de gestion de PME",
                rome_code="M1607",
                qualification="Certificat professionnel Assistant de gestion de PME (Cnam)",
                gross_monthly_pay_cents=SMIC_2010_CENTS,
                opco=OPCOS[0],
                sent_to_opco_on=date(2010, 6, 9),
                opco_decision="accepte",
                opco_decision_on=date(2010, 6, 22),
            )
            contracts.append((contract, start, None))
        # The others' places lapse by themselves after ENROLMENT_DEADLINE: nothing to record.
        for index, offer in enumerate(offers):
            if index % 7 == 6:
                rec.set_offer_status(self.s, offer[0], "annulee")
        return contracts

    def _follow_up(self, contracts: list[tuple[str, date, date | None]]) -> None:
        rng = self.rng
        for contract, start, rupture_on in contracts:
            day = start + timedelta(days=14)
            last_day = rupture_on or NOTE_DATE
            while day <= last_day:
                next_day = day + timedelta(weeks=6)
                difficulties = rng.random() < 0.25
                rec.record_visit(
                    self.s,
                    contract,
                    kind="visite" if rng.random() < 0.75 else "appel",
                    planned_on=day,
                    done_on=day,
                    author=rng.choice(COACHES),
                    met_people="Le tuteur et le jeune",
                    rating=rng.choice((2, 3, 3, 4, 4)),
                    difficulty_categories=[rng.choice(("transport", "horaires", "missions"))]
                    if difficulties
                    else [],
                    difficulties="Retards le lundi matin liés au transport."
                    if difficulties
                    else "",
                    actions="Point tuteur-jeune sur les horaires." if difficulties else "RAS.",
                    next_visit_on=next_day,
                )
                day = next_day
            if rupture_on is None:
                rec.record_visit(self.s, contract, planned_on=day, author=rng.choice(COACHES))

    def _outcomes(self, validated: list[str], signers: list[str]) -> None:
        lapsed = [person for person in validated if person not in signers]
        for person in lapsed[:3]:
            rec.record_outcome(
                self.s,
                person,
                "emploi_hors_dispositif",
                date(2010, 9, 13),
                notes="Emploi d'employé·e administratif·ve trouvé hors dispositif.",
            )
            rec.record_outcome(
                self.s,
                person,
                "cours_du_soir",
                date(2010, 10, 4),
                notes="Suit la même formation au Cnam en cours du soir.",
            )
        for person in lapsed[3:]:
            rec.record_outcome(
                self.s,
                person,
                "accompagnement_poursuivi",
                date(2010, 7, 16),
                notes="Accompagnement à la mise en œuvre du projet défini.",
            )
        broken = signers[:3]
        for person in broken:
            rec.record_outcome(self.s, person, "accompagnement_poursuivi", date(2010, 10, 18))
        active = signers[3:]
        for person in active[:2]:
            rec.record_outcome(
                self.s,
                person,
                "promesse_cdi",
                date(2010, 12, 10),
                notes="L'employeur s'engage à embaucher en CDI à la fin du contrat.",
            )
        rec.record_outcome(
            self.s,
            active[2],
            "promesse_embauche_date",
            date(2010, 12, 15),
            expected_on=date(2011, 9, 1),
            notes="Remplacement d'un salarié qui part à la retraite.",
        )
        for person in active:
            rec.record_outcome(
                self.s,
                person,
                "poursuite_etudes_souhait",
                date(2010, 12, 17),
                notes="Souhaite poursuivre vers un bac+2 en alternance.",
            )


def build_demo(database: Database) -> str:
    """Record the whole demo cohort in one transaction and return its id."""
    with database.write() as session:
        return _DemoBuilder(session).build()


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


def fresh_demo_copy() -> Path:
    """A new throw-away copy of the demo database for ``coachdesk --demo``.

    The demo is built once per CoachDesk version and schema into the cache folder; each launch
    gets its own copy, so the coach can play with it freely and never touches a real database.
    """
    from coachdesk import __version__

    cache = paths.cache_dir()
    template = cache / f"demo-{__version__}-{HEAD_REVISION}.sqlite3"
    if not template.exists():
        write_demo_database(template, force=True)
    sessions = cache / "demo-sessions"
    sessions.mkdir(exist_ok=True)
    # Copies of earlier launches are throw-away: keep the last few, never let them pile up.
    earlier = sorted(sessions.glob("demo-*.sqlite3*"), key=lambda p: p.stat().st_mtime)
    for old in earlier[:-15]:
        old.unlink(missing_ok=True)
    handle, name = tempfile.mkstemp(prefix="demo-", suffix=".sqlite3", dir=sessions)
    Path(name).unlink()
    import os

    os.close(handle)
    backup_sqlite(template, Path(name))
    return Path(name)
