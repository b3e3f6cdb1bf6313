"""Vocabularies of the programme: the codes stored in the database and their French labels.

Codes are short, stable, ASCII; labels are what coaches and partners read (in the window, the
CLI and the Excel exports). A partner renamed keeps its code: ``pole_emploi`` is labelled
« France Travail (ex-Pôle emploi) », the name it has had since 2024. Adding a code needs a
migration of the CHECK constraint using it.
"""

from __future__ import annotations

# Where a contact came from.
PROVENANCES = {
    "universite": "Fichier de l'université",
    "mission_locale": "Mission Locale",
    "pole_emploi": "France Travail (ex-Pôle emploi)",
    "candidature": "Candidature spontanée",
    "autre": "Autre",
}

BAC_TYPES = {
    "general": "Bac général",
    "technologique": "Bac technologique",
    "professionnel": "Bac professionnel",
    "titre_niveau4": "Titre professionnel de niveau 4",
    "autre": "Autre",
}

OUTREACH_CHANNELS = {
    "telephone": "Téléphone",
    "mailing": "Mailing",
    "courriel": "Courriel",
    "sms": "SMS",
    "courrier": "Courrier",
    "mission_locale": "Invitation Mission Locale",
}

OUTREACH_OUTCOMES = {
    "pas_de_reponse": "Pas de réponse",
    "message_laisse": "Message laissé",
    "interesse": "Intéressé·e",
    "pas_interesse": "Pas intéressé·e",
    "faux_numero": "Faux numéro",
    "a_rappeler": "À rappeler",
    "envoye": "Envoyé",
}

ATTENDANCE_STATUSES = {
    "invite": "Invité·e",
    "present": "Présent·e",
    "absent": "Absent·e",
    "excuse": "Excusé·e",
}

SELECTION_DECISIONS = {
    "retenu": "Retenu·e",
    "non_retenu": "Non retenu·e",
    "desistement": "Désistement",
}

BILAN_PARTS = {
    "bilan": "Bilan",
    "remise_a_niveau": "Remise à niveau",
    "tre": "Techniques de recherche d'emploi",
}

BILAN_STATUSES = {
    "en_cours": "En cours",
    "termine": "Terminé",
    "abandon": "Abandon",
}

SKILL_DOMAINS = {
    "francais": "Français",
    "mathematiques": "Mathématiques",
    "bureautique": "Bureautique",
}

PROJECT_DECISIONS = {
    "en_cours": "En cours",
    "valide": "Validé",
    "a_retravailler": "À retravailler",
    "abandonne": "Abandonné",
}

EMPLOYER_REACHED_VIA = {
    "prospection_directe": "Prospection directe",
    "relais_opco": "Relais OPCO",
    "relais_pole_emploi": "Relais France Travail (ex-Pôle emploi)",
    "reseau": "Réseau du centre",
    "autre": "Autre",
}

PROSPECTING_CHANNELS = {
    "telephone": "Téléphone",
    "visite": "Visite",
    "courriel": "Courriel",
    "courrier": "Courrier",
    "salon": "Salon, forum",
}

OFFER_STATUSES = {
    "ouverte": "Ouverte",
    "pourvue": "Pourvue",
    "annulee": "Annulée",
}

OFFER_SOURCES = {
    "prospection": "Prospection",
    "opco": "OPCO",
    "pole_emploi": "France Travail (ex-Pôle emploi)",
    "mission_locale": "Mission Locale",
    "candidature": "Candidature du jeune",
}

REFERRAL_STATUSES = {
    "proposee": "Proposée",
    "cv_envoye": "CV envoyé",
    "entretien_prevu": "Entretien prévu",
    "retenu": "Retenu·e",
    "refus_employeur": "Refus employeur",
    "refus_jeune": "Refus du jeune",
}

INTERVIEW_OUTCOMES = {
    "a_venir": "À venir",
    "retenu": "Retenu·e",
    "non_retenu": "Non retenu·e",
    "absent": "Absent·e",
    "reporte": "Reporté",
}

ENROLMENT_STATUSES = {
    "provisoire": "Provisoire",
    "confirmee": "Confirmée",
    "caduque": "Caduque",
}

CONTRACT_TYPES = {
    "cdd": "CDD",
    "cdi": "CDI",
}

OPCO_DECISIONS = {
    "en_attente": "En attente",
    "accepte": "Accepté",
    "refuse": "Refusé",
}

RUPTURE_BY = {
    "employeur": "L'employeur",
    "jeune": "Le jeune",
    "commun": "D'un commun accord",
}

RUPTURE_REASONS = {
    "periode_essai": "Fin de période d'essai",
    "personnel": "Raisons personnelles",
    "comportement": "Comportement, absences",
    "economique": "Raisons économiques",
    "autre_emploi": "Autre emploi",
    "autre": "Autre",
}

# Kinds of note in a person's journal (coachdesk.models.journal).
JOURNAL_KINDS = {
    "appel": "Appel",
    "entretien": "Entretien",
    "visite": "Visite",
    "courriel": "Courriel",
    "autre": "Autre",
}

VISIT_KINDS = {
    "visite": "Visite en entreprise",
    "appel": "Appel",
}

DIFFICULTY_CATEGORIES = {
    "integration": "Intégration dans l'équipe",
    "missions": "Missions confiées",
    "formation": "Formation, cours",
    "horaires": "Horaires, assiduité",
    "transport": "Transport",
    "logement": "Logement",
    "financier": "Difficultés financières",
    "sante": "Santé",
    "personnel": "Situation personnelle",
}

OUTCOME_KINDS = {
    "promesse_cdi": "Promesse d'embauche en CDI",
    "promesse_embauche_date": "Promesse d'embauche à une date",
    "cdi": "CDI",
    "cdd": "CDD",
    "poursuite_etudes_souhait": "Souhaite poursuivre ses études (bac+2)",
    "poursuite_etudes_inscrit": "Inscrit·e en poursuite d'études",
    "emploi_hors_dispositif": "Emploi hors dispositif",
    "cours_du_soir": "Cours du soir",
    "accompagnement_poursuivi": "Accompagnement poursuivi",
    "perdu_de_vue": "Perdu·e de vue",
}

# The stages of a participant's path, in order; computed from the events, never stored.
STAGES = {
    "contact": "Contact",
    "information": "Réunion d'information",
    "selection": "Entretien de sélection",
    "bilan": "Bilan",
    "projet": "Projet validé",
    "contrat": "Contrat",
    "sortie": "Sortie",
}

# The training a person follows (services.training): in work-study with their contract, or in
# evening classes beside a job (the note's three jobs outside the programme).
TRAINING_MODES = {
    "alternance": "Formation en alternance",
    "cours_du_soir": "Cours du soir",
}
# How a training ends: the certificate obtained or not, or the training left.
TRAINING_RESULTS = {
    "obtenu": "Certificat obtenu",
    "non_obtenu": "Certificat non obtenu",
    "abandon": "Abandon",
}
# Where an absence or an assessment came from: typed by the coach, or the training body's sheet.
TRAINING_ENTRY_SOURCES = {
    "saisie": "Saisie",
    "import": "Feuille de l'organisme de formation",
}
