"""Column recognition: which participant field a header of a contact file stands for."""

from __future__ import annotations

import re
from collections.abc import Mapping

from coachdesk.services.text import fold

# The participant fields a contact file may fill, with the French label a coach reads.
FIELDS: dict[str, str] = {
    "last_name": "Nom",
    "first_name": "Prénom",
    "birth_date": "Date de naissance",
    "phone": "Téléphone",
    "email": "Courriel",
    "address": "Adresse",
    "postcode": "Code postal",
    "city": "Ville",
    "ine": "INE",
    "university_track": "Filière",
    "bac_type": "Type de bac",
    "bac_series": "Série du bac",
    "bac_year": "Année du bac",
    "notes": "Observations",
}

# Header spellings met in university, Mission Locale and hand-made files, French and English.
# Compared through header_key(): no case, no accents, no spaces or punctuation.
_ALIASES: dict[str, tuple[str, ...]] = {
    "last_name": (
        "nom", "noms", "nom de famille", "nom famille", "nom d'usage", "nom usuel",
        "nom patronymique", "nom de naissance", "nom du jeune", "nom etudiant",
        "last name", "lastname", "surname", "family name",
    ),
    "first_name": (
        "prenom", "prenoms", "prenom usuel", "prenom du jeune", "prenom etudiant",
        "first name", "firstname", "given name", "forename",
    ),
    "birth_date": (
        "ne le", "nee le", "ne(e) le", "né·e le", "date de naissance", "date naissance",
        "naissance", "ddn", "date de naiss", "date naiss", "birth date", "birthdate",
        "date of birth", "dob", "birthday",
    ),
    "phone": (
        "tel", "tel.", "telephone", "portable", "tel portable", "telephone portable", "mobile",
        "tel mobile", "telephone mobile", "numero de telephone", "n de telephone", "num tel",
        "gsm", "phone", "phone number", "mobile phone", "cell", "cell phone",
    ),
    "email": (
        "courriel", "email", "e-mail", "mail", "mel", "adresse mail", "adresse e-mail",
        "adresse email", "adresse electronique", "adresse courriel", "email address",
    ),
    "address": ("adresse", "adresse postale", "rue", "voie", "address", "street", "street address"),
    "postcode": ("cp", "code postal", "postcode", "postal code", "zip", "zip code", "zipcode"),
    "city": ("ville", "commune", "localite", "city", "town"),
    "ine": (
        "ine", "n ine", "n° ine", "numero ine", "no ine", "num ine", "code ine",
        "ine number", "student number",
    ),
    "university_track": (
        "filiere", "filiere universitaire", "formation", "parcours", "licence", "cursus",
        "diplome prepare", "formation suivie", "track", "course", "programme", "program",
    ),
    "bac_type": ("type de bac", "type bac", "bac type", "type du bac"),
    "bac_series": (
        "serie du bac", "serie bac", "serie", "bac", "baccalaureat", "serie du baccalaureat",
        "bac series",
    ),
    "bac_year": (
        "annee du bac", "annee bac", "annee d'obtention du bac", "annee obtention bac",
        "bac year", "year of bac",
    ),
    "notes": (
        "observations", "observation", "commentaire", "commentaires", "remarques", "remarque",
        "notes", "note", "comments",
    ),
}

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def header_key(text: object) -> str:
    """The comparison key of a header: ``"Né(e) le"`` → ``"neele"``, ``"Tél."`` → ``"tel"``."""
    if text is None:
        return ""
    return _NOT_ALNUM.sub("", fold(str(text)))


_BY_KEY: dict[str, str] = {
    header_key(alias): field for field, aliases in _ALIASES.items() for alias in aliases
}


def recognise(label: object) -> str | None:
    """The participant field a header names, or None when it is not recognised."""
    return _BY_KEY.get(header_key(label))


def assign_fields(
    labels: list[str], mapping: Mapping[int | str, str | None] | None = None
) -> list[str | None]:
    """The field of each column: the caller's mapping first, then recognition.

    ``mapping`` keys are a column's 0-based index or its header text as in the file; a value of
    None ignores the column. A field goes to the first column that claims it, so two "Tél."
    columns never fight: the second one is left unrecognised for the coach to map or ignore.
    """
    mapping = mapping or {}
    for value in mapping.values():
        if value is not None and value not in FIELDS:
            raise ValueError(f"unknown participant field {value!r}")
    fields: list[str | None] = [None] * len(labels)
    taken: set[str] = set()
    # Explicit choices first, so recognition never steals a field the coach assigned.
    explicit: set[int] = set()
    for index, label in enumerate(labels):
        for key in (index, label):
            if key in mapping:
                explicit.add(index)
                field = mapping[key]
                if field is not None and field not in taken:
                    fields[index] = field
                    taken.add(field)
                break
    for index, label in enumerate(labels):
        if index in explicit or not label:
            continue
        field = recognise(label)
        if field is not None and field not in taken:
            fields[index] = field
            taken.add(field)
    return fields
