"""Who the Mission Locale's weekly workbook names, and which of their details it carries.

By default the workbook lists only the people still in the programme on the exported week —
not those who declined (« Pas intéressé·e » at the first call, a withdrawal at the selection
interview), were not selected, gave up the bilan or left with a solution — and only those whose
date of information / consent is recorded by then. A profile may include the others, each
group by its own option; whoever is left out is counted, by reason, in the Synthèse.

The details follow data minimisation (GDPR art. 5(1)(c)): the Mission Locale follows these young
people in its own file, where it keeps their contact details; what it needs from the programme
is who is where, what happened and what comes next. Birth date, phone, e-mail and address are
columns a profile may add, never sent by default.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from coachdesk.errors import UserError
from coachdesk.exports.profiles import Profile, ProfileColumn, load_profiles

KIND = "hebdomadaire"

# Profile options of the weekly workbook.
INCLUDE_LEFT = "include_left"
INCLUDE_WITHOUT_CONSENT = "include_without_consent"
OPTIONS = (INCLUDE_LEFT, INCLUDE_WITHOUT_CONSENT)

# Why a person is not in the programme on the day, in the order of the programme.
DECLINED = "pas_interesse"
WITHDREW = "desistement"
NOT_SELECTED = "non_retenu"
GAVE_UP_BILAN = "abandon_bilan"
LEFT = "sorti"
NO_CONSENT = "sans_consentement"

# How the Synthèse counts each reason: (one person, several people).
REASON_WORDS: dict[str, tuple[str, str]] = {
    DECLINED: ("pas intéressé·e", "pas intéressé·e·s"),
    WITHDREW: ("désistement à la sélection", "désistements à la sélection"),
    NOT_SELECTED: ("non retenu·e à la sélection", "non retenu·e·s à la sélection"),
    GAVE_UP_BILAN: ("abandon du bilan", "abandons du bilan"),
    LEFT: ("sorti·e du dispositif", "sorti·e·s du dispositif"),
    NO_CONSENT: ("sans date d'information / consentement",
                 "sans date d'information / consentement"),
}

# Solutions after which a person is still followed: everything else recorded as a « sortie »
# ends their time in the programme.
STILL_FOLLOWED = frozenset({"accompagnement_poursuivi"})

# The columns naming the person, first on every printed page whatever the profile says.
IDENTITY_KEYS = ("last_name", "first_name")
# What a profile may add: personal details the Mission Locale does not need by default.
OPT_IN_KEYS = ("birth_date", "phone", "email", "address", "postcode", "city")

MISSION_LOCALE = Profile(
    "mission_locale", KIND, "Mission Locale",
    tuple(ProfileColumn(key) for key in (
        "last_name", "first_name", "public", "provenance", "stage", "status", "outcome",
        "coach", "last_action", "last_action_on", "next_step", "next_step_on",
    )),
)
DEFAULT_PROFILES: dict[str, Profile] = {MISSION_LOCALE.name: MISSION_LOCALE}


def find_weekly_profile(name: str | None, saved: dict[str, Profile] | None = None) -> Profile:
    """The coach's saved weekly profile of that name, else the built-in one (default: the
    Mission Locale's)."""
    name = name or MISSION_LOCALE.name
    saved = load_profiles() if saved is None else saved
    profile = saved.get(name) or DEFAULT_PROFILES.get(name)
    if profile is None or profile.export != KIND:
        names = sorted({*DEFAULT_PROFILES, *(n for n, p in saved.items() if p.export == KIND)})
        raise UserError(
            f"Aucun profil du classeur hebdomadaire ne s'appelle « {name} ».",
            hint="Profils disponibles : " + ", ".join(names) + ".",
        )
    return profile


def leaving_reason(
    *,
    stage: str,
    outreach_outcome: str | None,
    selection_decision: str | None,
    bilan_status: str | None,
    outcome_kind: str | None,
) -> str | None:
    """Why the person is no longer in the programme on the day (a reason code), or None.

    ``stage`` is :func:`coachdesk.services.stages.stage_of`'s, from the same events: a person
    who declined a first call and came to a meeting later is at the meeting's stage, and in.
    """
    if stage == "contact" and outreach_outcome == "pas_interesse":
        return DECLINED
    if stage == "selection" and selection_decision == "desistement":
        return WITHDREW
    if stage == "selection" and selection_decision == "non_retenu":
        return NOT_SELECTED
    if stage == "bilan" and bilan_status == "abandon":
        return GAVE_UP_BILAN
    if stage == "sortie" and outcome_kind not in STILL_FOLLOWED:
        return LEFT
    return None


@dataclass
class Listing:
    """Who a workbook lists, decided person by person while the « Jeunes » sheet is written.

    The later sheets (actions, contracts) keep only the people listed here, and the Synthèse,
    written last, says how many were left out and why.
    """

    include_left: bool = False
    include_without_consent: bool = False
    listed: set[str] = field(default_factory=set)
    listed_adults: int = 0
    left_out: Counter[str] = field(default_factory=Counter)

    @classmethod
    def for_profile(cls, profile: Profile) -> Listing:
        return cls(INCLUDE_LEFT in profile.options, INCLUDE_WITHOUT_CONSENT in profile.options)

    def decide(
        self, participant_id: str, *, reason: str | None, consent_on: date | None, day: date,
        is_adult: bool,
    ) -> bool:
        """Whether the person is listed; their reason is counted when they are not."""
        if reason is not None and not self.include_left:
            self.left_out[reason] += 1
            return False
        if (consent_on is None or consent_on > day) and not self.include_without_consent:
            self.left_out[NO_CONSENT] += 1
            return False
        self.listed.add(participant_id)
        self.listed_adults += is_adult
        return True

    @property
    def everyone(self) -> int:
        return len(self.listed) + sum(self.left_out.values())

    def left_out_words(self) -> list[str]:
        """« 75 pas intéressé·e·s », « 2 non retenu·e·s à la sélection », … in the order of
        the programme."""
        return [
            f"{count} {REASON_WORDS[reason][count > 1]}"
            for reason in REASON_WORDS
            if (count := self.left_out.get(reason, 0))
        ]
