"""The invented people, places and employers of the demo cohort (``demo``), and the calendar
of its 2010 programme. Nothing here is a real person or company.
"""

from __future__ import annotations

import random
from datetime import date

COACHES = ("Claire Vidal", "Julien Roux", "Nadia Benali")
# The demo's coaches (two at the training centre, one at the Mission Locale) and its training
# body: invented, with numbers that pass the checks (phones of the 04 67 area, e-mails of a
# reserved domain).
TRAINING_CENTRE = "Cnam Languedoc-Roussillon"
COACH_RECORDS = (
    ("Claire Vidal", "04 67 00 10 21", "claire.vidal@example.org", TRAINING_CENTRE),
    ("Julien Roux", "04 67 00 10 22", "julien.roux@example.org", TRAINING_CENTRE),
    ("Nadia Benali", "04 67 00 20 31", "nadia.benali@example.org",
     "Mission Locale des Jeunes de l'Agglomération de Montpellier"),
)
TRAINING_BODY = {"name": TRAINING_CENTRE, "siret": "301 234 563 00015", "uai": "0341234G",
                 "address": "Avenue du Professeur Grasset", "postcode": "34090",
                 "city": "Montpellier"}
TARGET_SIZE = 15
FIRST_NAMES_F = (
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Océane", "Laura", "Émilie", "Julie",
    "Anaïs", "Mélanie", "Marion", "Pauline", "Élodie", "Justine", "Amandine", "Céline", "Noémie",
    "Audrey", "Margaux", "Lucie", "Yasmine", "Clémence", "Maëva", "Ophélie", "Sabrina", "Nour",
    "Estelle", "Gaëlle",
)

FIRST_NAMES_M = (
    "Thomas", "Nicolas", "Kévin", "Julien", "Maxime", "Romain", "Alexandre", "Jérémy", "Florian",
    "Anthony", "Mehdi", "Quentin", "Sébastien", "Guillaume", "Loïc", "Mathieu", "Yanis", "Adrien",
    "Benoît", "Rémi", "Karim", "Théo", "Hugo", "Cédric", "Jonathan", "Bastien", "Samir", "Dylan",
    "Grégory", "Aurélien",
)

LAST_NAMES = (
    "Martin", "Bernard", "Fabre", "Roux", "Vidal", "Bonnet", "Garcia", "Lopez", "Martinez",
    "Fournier", "Girard", "Mercier", "Blanc", "Guerin", "Boyer", "Chevalier", "Rouvière", "Aubert",
    "Carrière", "Pons", "Granier", "Vialle", "Combes", "Sabatier", "Bousquet", "Maurel",
    "Teissier", "Castel", "Jourdan", "Espinasse", "Delmas", "Ferrand", "Pélissier", "Auriol",
    "Cabanel", "Salles", "Benoît", "Rey", "Arnaud", "Moreno", "Ribes", "Azéma", "Hérail", "Lafon",
    "Bouzid", "Haddad", "Nguyen", "Ferreira", "Da Silva", "Lefèvre", "Le Gall", "Saint-Pierre",
    "Dupont-Lajoie", "N'Diaye", "Œillet", "Courtès", "Malaval", "Py", "Tournier", "Estève",
    "Barral", "Cros", "Durand", "Gaillard", "Hugon", "Imbert", "Jullian", "Lacroix", "Marty",
    "Nègre", "Olivier", "Puech", "Quintana", "Reynès", "Soulier", "Thérond", "Urbain", "Valette",
    "Alary", "Boissière", "Coste", "Dumas", "Fabié", "Gras", "Hébrard", "Laurens", "Mas",
    "Navarro", "Ortega", "Pagès", "Rigaud", "Serre", "Trinquier", "Vernhes", "Belkacem", "Chaouch",
    "Diallo", "Kaya", "Mendes", "Petit", "Sanchez", "Torres", "Vincent", "Weber",
)

TRACKS = ("L1 AES", "L1 LEA", "L1 Psychologie")
BAC_SERIES = {
    "general": ("ES", "L", "S"),
    "technologique": ("STG", "STT", "SMS"),
    "professionnel": ("Secrétariat", "Comptabilité", "Commerce", "Vente"),
}

CITIES = (
    ("34000", "Montpellier"), ("34070", "Montpellier"), ("34080", "Montpellier"),
    ("34170", "Castelnau-le-Lez"), ("34430", "Saint-Jean-de-Védas"), ("34970", "Lattes"),
    ("34920", "Le Crès"), ("34130", "Mauguio"), ("34200", "Sète"), ("34500", "Béziers"),
    ("30000", "Nîmes"), ("34400", "Lunel"),
)

STREETS = (
    "rue de la Loge", "avenue de Toulouse", "rue du Faubourg Boutonnet", "avenue de Palavas",
    "rue des Étuves", "boulevard Renouvier", "rue de l'Aiguillerie", "avenue du Pont Juvénal",
    "chemin de Moularès", "rue Proudhon",
)

# Name, NAF code (in INSEE's form), town, size band.
EMPLOYERS = (
    ("Cabinet Garrigues Expertise", "69.20Z", "Montpellier", "10-49"),
    ("Transports Lirou", "49.41A", "Saint-Jean-de-Védas", "50-249"),
    ("Clinique du Parc Lunaret", "86.10Z", "Montpellier", "250+"),
    ("Bati-Hérault Rénovation", "43.99C", "Lattes", "10-49"),
    ("Imprimerie des Arceaux", "18.12Z", "Montpellier", "10-49"),
    ("Domaine des Trois Pins", "01.21Z", "Mauguio", "1-9"),
    ("Optique Comédie", "47.78A", "Montpellier", "1-9"),
    ("Agence immobilière Écusson", "68.31Z", "Montpellier", "1-9"),
    ("Sud Logistique Services", "52.10B", "Lunel", "50-249"),
    ("Mutuelle Occitane de Prévoyance", "65.12Z", "Montpellier", "250+"),
    ("Garage Peyrou Automobiles", "45.20A", "Castelnau-le-Lez", "10-49"),
    ("Hôtel Les Tilleuls", "55.10Z", "Sète", "10-49"),
    ("Pharmacie de la Paillade", "47.73Z", "Montpellier", "10-49"),
    ("Informatique Méditerranée Conseil", "62.02A", "Montpellier", "10-49"),
    ("Société Languedocienne de Nettoyage", "81.21Z", "Béziers", "250+"),
    ("Association Entraide Cévennes", "88.99B", "Nîmes", "10-49"),
    ("Boulangeries Maurin", "10.71C", "Le Crès", "10-49"),
    ("Électricité Générale Fabrègues", "43.21A", "Montpellier", "10-49"),
    ("Cave coopérative de Mireval", "11.02B", "Sète", "10-49"),
    ("Paysages du Lez", "81.30Z", "Lattes", "1-9"),
    ("Centre de formation Polygone", "85.59A", "Montpellier", "10-49"),
    ("Assurances Antigone", "66.22Z", "Montpellier", "1-9"),
    ("Menuiserie Vialle et Fils", "16.23Z", "Lunel", "1-9"),
    ("Laboratoire Biomed Sud", "72.11Z", "Montpellier", "50-249"),
    ("Cabinet d'avocats Clapiès", "69.10Z", "Montpellier", "1-9"),
    ("Supermarché Les Arcades", "47.11D", "Castelnau-le-Lez", "50-249"),
    ("Auto-école Pitot", "85.53Z", "Montpellier", "1-9"),
    ("Bureau d'études Hydro-Lez", "71.12B", "Mauguio", "10-49"),
)

OPCOS = ("AGEFOS PME", "OPCALIA", "FAFIH", "OPCA Transports")
# The jobs of the validated projects and of the others, with their ROME codes.
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


def siret(rng: random.Random) -> str:
    """A made-up SIRET with valid check digits."""
    from stdnum import luhn

    siren = str(rng.randint(30_000_000, 89_999_999))
    siren += luhn.calc_check_digit(siren)
    nic = f"{siren}{rng.randint(1, 99):04d}"
    return nic + luhn.calc_check_digit(nic)


def phone(rng: random.Random) -> str:
    pairs = " ".join(f"{rng.randint(10, 99)}" for _ in range(4))
    return f"06 {pairs}"


def email(first: str, last: str, rng: random.Random) -> str:
    from coachdesk.services.text import fold

    local = ".".join("".join(ch for ch in fold(part) if ch.isalnum()) for part in (first, last))
    domain = rng.choice(("laposte.net", "orange.fr", "free.fr", "gmail.com", "hotmail.fr"))
    return f"{local}{rng.randint(1, 99)}@{domain}"
