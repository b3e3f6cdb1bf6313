"""The rest of the CERFA for the demo's contracts, as a coach completes it before sending each
file to the OPCO: the person's civil status, the employer's funds and agreement, the tutor's
birth date, the training body's declaration, the contract's classification and training.

Everything goes through the window's services (``contracts.update_contract`` with the
contract's draft, ``participants.update_participant``, ``employers.update_employer``); nothing
here draws from the demo's random sequence, so the rest of the demo is unchanged. The
identifiers are made up but well formed (the NIR's and the SIRET's keys are computed).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from coachdesk.db import Database
from coachdesk.services import contracts, employers, participants
from coachdesk.services.cerfa import cohort_training_body
from coachdesk.services.cerfa_checks import CerfaParties
from coachdesk.services.contract_board import contract_on_file
from coachdesk.services.demo_data import FIRST_NAMES_F
from coachdesk.services.text import fold

# The employers' collective agreements by NAF division (IDCC codes of the agreements' texts).
_IDCC_BY_NAF = {"69": "0787", "49": "0016", "86": "2264", "43": "1597"}
_DEFAULT_IDCC = "1486"
_HEADCOUNT = {"1-9": 6, "10-49": 24, "50-249": 120, "250+": 480}
_DIPLOMA_OF_BAC = {"professionnel": "41", "general": "42", "technologique": "43"}
_STREETS = ("rue de la Loge", "avenue de Toulouse", "rue du Faubourg Figuerolles",
            "boulevard Renouvier", "rue de l'Aiguillerie", "avenue de Lodève")
# Montpellier (Hérault, INSEE 34172): where the demo's people are born and trained.
_BIRTH_DEPARTMENT, _BIRTH_COMMUNE_CODE, _BIRTH_CITY = "34", "172", "Montpellier"


def _luhn_completed(digits: str) -> str:
    """``digits`` and the Luhn check digit that makes them a valid SIREN/SIRET."""
    for last in "0123456789":
        candidate = digits + last
        total = 0
        for position, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")  # one digit always completes a Luhn number


def demo_siret(index: int) -> str:
    """A well-formed SIRET for the demo's ``index``-th employer (SIREN and SIRET keys)."""
    siren = _luhn_completed(f"5{index:02d}71{index:03d}"[:8])
    return _luhn_completed(f"{siren}0001")


def demo_nir(sex: str, birth: date | None, order: int) -> str:
    """A well-formed NIR: sex, year and month of birth, the commune, an order and its key."""
    born = birth or date(1990, 1, 1)
    body = (f"{'2' if sex == 'F' else '1'}{born:%y}{born:%m}{_BIRTH_DEPARTMENT}"
            f"{_BIRTH_COMMUNE_CODE}{100 + order:03d}")
    return f"{body}{97 - int(body) % 97:02d}"


def complete_demo_cerfa(db: Database, contract_ids: list[str], cohort_id: str) -> None:
    """Fill every CERFA field of the demo's contracts (the second contract of a person
    included), as the coach does from the contract dialog."""
    body_id = cohort_training_body(db, cohort_id)
    completed_employers: set[str] = set()
    for index, contract_id in enumerate(contract_ids):
        stored = contract_on_file(db, contract_id)
        draft = stored.draft
        person = participants.get_participant(db, stored.participant_id).data
        if not person.address:
            participants.update_participant(db, stored.participant_id, replace(
                person, address=f"{3 + 7 * index} {_STREETS[index % len(_STREETS)]}",
                postcode="34000", city="Montpellier"))
        sex = "F" if person.first_name.split()[0] in FIRST_NAMES_F else "M"
        assert draft.employer_id is not None
        employer = employers.get_employer(db, draft.employer_id)
        if draft.employer_id not in completed_employers and not employer.siret:
            employers.update_employer(db, draft.employer_id, replace(
                employer, siret=demo_siret(index),
                address=employer.address or f"{12 + index} {_STREETS[-1 - index % 3]}",
                postcode=employer.postcode or "34000"))
        completed_employers.add(draft.employer_id)
        naf_division = employer.naf_code[:2]
        slug = "".join(ch for ch in fold(employer.name) if ch.isascii() and ch.isalnum())[:20]
        parties = CerfaParties(
            nir=demo_nir(sex, person.birth_date, index), sex=sex,
            birth_department=_BIRTH_DEPARTMENT, birth_city=_BIRTH_CITY,
            employer_phone=f"04 67 {10 + index:02d} {20 + 3 * index:02d} {40 + index:02d}",
            employer_email=f"recrutement@{slug}.example",
            pension_fund="Malakoff Médéric", provident_fund="Humanis Prévoyance",
            private_employer=False,
            headcount=_HEADCOUNT.get(employer.size_band.replace(" ", ""), 15),
            idcc=_IDCC_BY_NAF.get(naf_division, _DEFAULT_IDCC),
            opco_member_number=f"{340000 + 17 * index}",
            tutor_birth_date=date(1962 + index % 15, 1 + index % 12, 3 + index),
            declaration_number="91340512334",
        )
        job_seeker = person.is_adult
        trained_hours = draft.training_hours or 400
        terms = replace(
            draft,
            parties=parties,
            situation_before="9",
            highest_diploma=_DIPLOMA_OF_BAC.get(person.bac_type or "", "49"),
            rqth=False,
            france_travail_registered=job_seeker,
            france_travail_number=f"{3400000 + 131 * index}A" if job_seeker else "",
            france_travail_months=8 if job_seeker else None,
            tutor_attested=True,
            cerfa_contract_kind="11",
            classification="Employé administratif",
            classification_level="II",
            coefficient=str(160 + 5 * (index % 3)),
            trial_days=30,
            training_body_id=body_id,
            internal_training=False,
            training_body_count=1,
            qualification_type="1",
            target_diploma="39",
            rncp_code="RNCP4211",
            nsf_code="314",
            training_organisation="Alternance : une semaine au Cnam, trois semaines en "
            "entreprise.",
            teaching_hours=trained_hours - 40,
            training_start_on=draft.start_date,
            exams_end_on=(draft.end_date or draft.start_date + timedelta(days=364))
            - timedelta(days=14),
            signed_at_place="Montpellier",
        )
        contracts.update_contract(db, contract_id, terms)
