"""Letters and e-mails from templates: fields filled, unknown fields refused in French, the PDF
and the .eml drafts read back, and nothing about a person kept in the templates."""

from __future__ import annotations

import email
import shutil
import sqlite3
import stat
from datetime import date, datetime
from email.policy import default as default_policy
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.db import HEAD_REVISION, Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.letters_eml import write_eml_drafts
from coachdesk.exports.letters_pdf import write_letters_pdf
from coachdesk.services import coaches, letters, recruitment
from coachdesk.services.clock import set_clock
from tests import builders

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def programme(db: Database) -> dict[str, str]:
    set_clock(db, date(2010, 2, 15))
    cohort = builders.cohort(db, training_title="Certificat professionnel Assistant de gestion")
    coach = coaches.create_coach(db, coaches.CoachDraft(
        "Claire Martin", phone="04 67 00 00 01", email="claire.martin@cnam.example",
        structure="Cnam Languedoc-Roussillon"))
    zoe = builders.person(db, cohort, "Lefèvre", "Zoé", email="zoe.lefevre@example.org",
                          address="12 rue de l'Œuf", postcode="34000", city="Montpellier")
    noel = builders.person(db, cohort, "Noël", "Théo", address="3 place Jean Jaurès",
                           postcode="34070", city="Montpellier")
    anna = builders.person(db, cohort, "Durand", "Anna", email="anna.durand@example.org")
    session = recruitment.create_info_session(
        db, cohort, datetime(2010, 3, 2, 14, 0), "Cnam, 2 rue du Musée, Montpellier")
    return {"cohort": cohort, "coach": coach, "zoe": zoe, "noel": noel, "anna": anna,
            "session": session}


def _template(db: Database, name: str) -> letters.LetterTemplateRow:
    return next(row for row in letters.list_templates(db) if row.name == name)


INVITATION = "Invitation à une réunion d'information"


def test_the_defaults_are_written_once_and_every_field_is_replaced(
    db: Database, programme: dict[str, str]
) -> None:
    names = [row.name for row in letters.list_templates(db)]
    assert names == ["Convocation à la réunion d'information",
                     "Invitation à une réunion d'information", "Relance"]
    assert len(letters.list_templates(db)) == 3  # listed again: not written twice
    invitation = _template(db, INVITATION)
    result = letters.compose_letters(db, invitation.id, [programme["zoe"]],
                                     session_id=programme["session"],
                                     coach_id=programme["coach"])
    letter = result.letters[0]
    assert letter.subject == "Invitation à une réunion d'information le mardi 2 mars 2010"
    assert letter.body.startswith("Bonjour Zoé Lefèvre,")
    assert "le mardi 2 mars 2010 à 14 h 00" in letter.body
    assert "Cnam, 2 rue du Musée, Montpellier" in letter.body
    assert "« Certificat professionnel Assistant de gestion »" in letter.body
    assert "04 67 00 00 01" in letter.body and "claire.martin@cnam.example" in letter.body
    assert "{" not in letter.body and "}" not in letter.body
    assert letter.address_lines == ("Zoé LEFÈVRE", "12 rue de l'Œuf", "34000 MONTPELLIER")
    assert letter.dated == "Le 15 février 2010"


def test_field_names_ignore_accents_and_case_and_double_braces_print_braces() -> None:
    assert letters.fill("{Prenom} {NOM} {{ok}}", {"prénom": "Zoé", "nom": "Lefèvre"}) == (
        "Zoé Lefèvre {ok}")


def test_an_unknown_field_is_refused_in_french_with_the_fields_available(
    db: Database, programme: dict[str, str]
) -> None:
    with pytest.raises(UserError) as error:
        letters.save_template(db, None, letters.TemplateDraft(
            "Essai", "Bonjour", "Bonjour {prénom}, votre {numéro_dossier} est prêt."))
    assert error.value.message == (
        "Le texte du modèle « Essai » contient le champ inconnu « {numéro_dossier} ».")
    assert error.value.hint is not None
    assert "{prénom}, {nom}," in error.value.hint and "{lieu_réunion}" in error.value.hint
    with pytest.raises(UserError, match="accolade sans sa paire"):
        letters.save_template(db, None, letters.TemplateDraft("Essai", "", "Bonjour {prénom"))
    assert "Essai" not in [row.name for row in letters.list_templates(db)]


def test_a_template_edited_and_one_without_a_session(
    db: Database, programme: dict[str, str]
) -> None:
    invitation = _template(db, INVITATION)
    with pytest.raises(UserError, match="parle d'une réunion d'information"):
        letters.compose_letters(db, invitation.id, [programme["zoe"]])
    plain = letters.save_template(db, None, letters.TemplateDraft(
        "Rappel simple", "Un mot pour {prénom}", "Bonjour {prénom},\n\nÀ bientôt,\n{chargé}"))
    with pytest.raises(UserError, match="s'appelle déjà"):
        letters.save_template(db, None, letters.TemplateDraft("Rappel simple", "", "x"))
    letters.save_template(db, plain, letters.TemplateDraft(
        "Rappel simple", "Un mot pour {prénom}", "Salut {prénom} !"))
    # Without a signer, each person's own coach signs (here nobody: the field is empty).
    result = letters.compose_letters(db, plain, [programme["noel"]])
    assert result.letters[0].body == "Salut Théo !"
    assert result.letters[0].subject == "Un mot pour Théo"


def test_one_pdf_one_letter_per_person_then_the_address_labels(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    invitation = _template(db, INVITATION)
    chosen = [programme["zoe"], programme["noel"], programme["anna"]]
    result = letters.compose_letters(db, invitation.id, chosen, session_id=programme["session"],
                                     coach_id=programme["coach"])
    target = tmp_path / "invitations.pdf"
    written = write_letters_pdf(target, result)
    assert (written.letters, written.letter_pages, written.labels, written.label_pages) == (
        3, 3, 2, 1)
    assert written.without_address == ("DURAND Anna",)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert len(pages) == 4
    assert "Bonjour Zoé Lefèvre," in pages[0] and "Zoé LEFÈVRE" in pages[0]
    assert "Objet : Invitation à une réunion d'information le mardi 2 mars 2010" in pages[0]
    assert "Bonjour Théo Noël," in pages[1] and "34070 MONTPELLIER" in pages[1]
    assert "Bonjour Anna Durand," in pages[2]
    assert "Claire Martin" in pages[0] and "Le 15 février 2010" in pages[0]
    labels = pages[3]
    assert "Zoé LEFÈVRE" in labels and "12 rue de l'Œuf" in labels
    assert "Théo NOËL" in labels and "Anna" not in labels
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_one_eml_draft_per_person_parsed_back(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    invitation = _template(db, INVITATION)
    result = letters.compose_letters(
        db, invitation.id, [programme["zoe"], programme["noel"], programme["anna"]],
        session_id=programme["session"], coach_id=programme["coach"])
    folder = tmp_path / "courriels de mars"
    drafts = write_eml_drafts(folder, result)
    assert [path.name for path in drafts.files] == ["courriel-001.eml", "courriel-002.eml"]
    assert drafts.without_email == ("NOËL Théo",)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    parsed = []
    for path in drafts.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        parsed.append(email.message_from_bytes(path.read_bytes(), policy=default_policy))
    first = parsed[0]
    assert first["To"].addresses[0].addr_spec == "zoe.lefevre@example.org"
    assert first["To"].addresses[0].display_name == "Zoé LEFÈVRE"
    assert first["From"].addresses[0].addr_spec == "claire.martin@cnam.example"
    assert first["Subject"] == "Invitation à une réunion d'information le mardi 2 mars 2010"
    body = first.get_body().get_content()  # type: ignore[union-attr]
    assert body.startswith("Bonjour Zoé Lefèvre,")
    assert "le mardi 2 mars 2010 à 14 h 00" in body
    assert parsed[1]["To"].addresses[0].addr_spec == "anna.durand@example.org"
    # A folder already holding files is refused, nothing written in it.
    with pytest.raises(UserError, match="n'est pas vide"):
        write_eml_drafts(folder, result)
    assert len(list(folder.iterdir())) == 2


def test_templates_keep_nothing_of_the_people_written_to(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    invitation = _template(db, INVITATION)
    result = letters.compose_letters(db, invitation.id, [programme["zoe"]],
                                     session_id=programme["session"])
    write_letters_pdf(tmp_path / "a.pdf", result)
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT name, subject, body FROM letter_template").fetchall()
    text = " ".join(" ".join(row) for row in rows)
    assert "{prénom}" in text
    for personal in ("Zoé", "Lefèvre", "zoe.lefevre", "rue de l'Œuf"):
        assert personal not in text


def test_upgrade_from_the_first_schema_has_the_templates(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        rows = letters.list_templates(database)
        assert len(rows) == 3
        letters.save_template(database, rows[0].id, letters.TemplateDraft(
            rows[0].name, "Objet modifié", "Bonjour {prénom}"))
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        stored = connection.execute(
            "SELECT subject FROM letter_template ORDER BY name").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert stored[0] == ("Objet modifié",) and len(stored) == 3
    assert version == (HEAD_REVISION,)  # upgraded through 0018 to the last revision


def test_addresses_with_accents_are_kept_and_broken_ones_get_no_draft(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    cohort = programme["cohort"]
    accented = builders.person(db, cohort, "Bézier", "Éloïse", email="éloïse@exemple.fr")
    broken = builders.person(db, cohort, "Faux", "Félix", email="felix chez exemple.fr")
    plain = letters.save_template(db, None, letters.TemplateDraft("Mot", "Pour {prénom}",
                                                                  "Bonjour {prénom}"))
    result = letters.compose_letters(db, plain, [accented, broken])
    drafts = write_eml_drafts(tmp_path / "brouillons", result)
    assert drafts.recipients == (accented,)
    assert drafts.without_email == ("FAUX Félix",)
    message = email.message_from_string(drafts.files[0].read_bytes().decode("utf-8"),
                                        policy=default_policy)
    assert message["To"].addresses[0].addr_spec == "éloïse@exemple.fr"
    assert message["To"].addresses[0].display_name == "Éloïse BÉZIER"
    assert message["Subject"] == "Pour Éloïse"


def test_labels_fill_a_sheet_of_24_then_the_next(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    people = [builders.person(db, programme["cohort"], f"Personne{index:02d}", "Zoé",
                              address=f"{index} rue Haute", postcode="34000", city="Sète")
              for index in range(30)]
    plain = letters.save_template(db, None, letters.TemplateDraft(
        "Long", "", "Bonjour {prénom},\n" + "Une ligne de la lettre.\n" * 70))
    result = letters.compose_letters(db, plain, people)
    target = tmp_path / "lettres.pdf"
    written = write_letters_pdf(target, result)
    # A letter of 70 lines takes two pages; 30 labels take two sheets of 24.
    assert (written.letter_pages, written.labels, written.label_pages) == (60, 30, 2)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert len(pages) == 62
    assert "PERSONNE23" in pages[60] and "PERSONNE24" not in pages[60]
    assert "PERSONNE24" in pages[61] and "29 rue Haute" in pages[61]
    assert "34000 SÈTE" in pages[61]


def test_an_erased_person_leaves_nothing_in_the_database_file(
    db: Database, programme: dict[str, str], tmp_path: Path
) -> None:
    from coachdesk.services.campaigns import record_campaign_answer
    from coachdesk.services.gdpr import erase_for_good

    invitation = _template(db, INVITATION)
    result = letters.compose_letters(db, invitation.id, [programme["zoe"]],
                                     session_id=programme["session"])
    write_eml_drafts(tmp_path / "envoi", result)
    recruitment.record_campaign(db, [programme["zoe"]], date(2010, 2, 15), "courriel",
                                campaign="Invitations de mars")
    record_campaign_answer(db, [programme["zoe"]], "Invitations de mars", "interesse",
                           date(2010, 2, 16))
    erase_for_good(db, programme["zoe"])
    assert db.path is not None
    path = db.path
    db.dispose()
    stored = b"".join(file.read_bytes() for file in path.parent.glob(path.name + "*"))
    for personal in ("Lefèvre", "LEFÈVRE", "zoe.lefevre@example.org", "rue de l'Œuf"):
        assert personal.encode("utf-8") not in stored
    assert "Invitation à une réunion".encode() in stored  # the templates stay
