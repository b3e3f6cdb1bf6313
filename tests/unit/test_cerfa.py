"""The CERFA n° 12434 fields: their checks (NIR, SIRET, UAI, RNCP, IDCC), the schema from the
first release, the demo's complete contracts and their OPCO file read back (PDF text and xlsx
cells, in the form's order)."""

from __future__ import annotations

import io
import shutil
import sqlite3
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from pypdf import PdfReader

from coachdesk.db import HEAD_REVISION, Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.opco_file import write_opco_pdf, write_opco_xlsx
from coachdesk.models.base import canonical_id
from coachdesk.services import cerfa
from coachdesk.services.cerfa_checks import CerfaParties
from coachdesk.services.checks import check_idcc, check_nir, check_rncp, check_siret
from coachdesk.services.contract_board import contract_on_file
from coachdesk.services.contracts import update_contract
from coachdesk.services.training_bodies import check_uai

TESTS_DATA = Path(__file__).parent.parent / "data"
# A NIR written as INSEE's examples write it: sex, year, month, department, commune, order, key.
VALID_NIR = "2 88 07 34 172 101 94"


def _message(error: pytest.ExceptionInfo[UserError]) -> str:
    return str(error.value)


def test_a_nir_is_checked_with_its_key() -> None:
    assert check_nir(VALID_NIR) == "288073417210194"
    assert check_nir("  ") == ""
    # Corsica's departments are written 2A and 2B.
    body = "1850" + "52A" + "004" + "123"
    key = 97 - int(body.replace("2A", "19")) % 97
    assert check_nir(f"{body}{key:02d}") == f"{body}{key:02d}"
    with pytest.raises(UserError) as wrong_key:
        check_nir("288073417210195")
    assert _message(wrong_key).startswith("Champ « NIR du salarié » : la clé de "
                                          "« 288073417210195 » ne correspond pas au numéro")
    with pytest.raises(UserError) as short:
        check_nir("2880734172101")
    assert _message(short).startswith(
        "Champ « NIR du salarié » : « 2880734172101 » doit compter 15 caractères (13 chiffres "
        "et la clé de 2 chiffres), il en compte 13.")
    with pytest.raises(UserError, match="n'est pas un numéro de sécurité sociale"):
        check_nir("28807341721X194")


def test_a_siret_is_checked_with_the_luhn_key() -> None:
    # La Poste's head office and a SIRET of the INSEE's documentation.
    assert check_siret("356 000 000 00048") == "35600000000048"
    assert check_siret("73282932000074") == "73282932000074"
    with pytest.raises(UserError) as wrong:
        check_siret("73282932000075", "N° SIRET de l'organisme de formation principal")
    assert _message(wrong).startswith(
        "N° SIRET de l'organisme de formation principal « 73282932000075 » : la clé de "
        "contrôle est fausse")
    with pytest.raises(UserError, match="il doit compter 14 chiffres, il en compte 13"):
        check_siret("7328293200007")


@pytest.mark.parametrize("uai", [
    "0750655E",  # lycée Louis-le-Grand, Paris
    "0750654D",  # lycée Henri-IV, Paris
    "0801344B",  # université de Picardie Jules-Verne, Amiens
    "0753471R",  # Conservatoire national des arts et métiers, Paris
])
def test_real_uai_codes_pass_their_key_letter(uai: str) -> None:
    assert check_uai(uai.lower()) == uai


def test_a_wrong_uai_says_which_letter_was_expected() -> None:
    with pytest.raises(UserError) as wrong:
        check_uai("0750655F")
    assert _message(wrong).startswith("UAI « 0750655F » : la lettre de contrôle devrait être E")
    with pytest.raises(UserError, match="attendu sept chiffres suivis d'une lettre"):
        check_uai("075065E")


def test_rncp_and_idcc_codes() -> None:
    assert check_rncp("rncp 34592") == "RNCP34592"
    assert check_rncp("34592") == "RNCP34592"
    assert check_rncp("") == ""
    with pytest.raises(UserError) as wrong:
        check_rncp("RNCP-X12")
    assert _message(wrong).startswith("Champ « Code RNCP » : « RNCP-X12 » doit s'écrire RNCP "
                                      "suivi de chiffres, par exemple RNCP34592.")
    assert check_idcc("IDCC 1486") == "1486"
    assert check_idcc("0016") == "0016"
    for wrong_idcc in ("16", "14860", "SYNTEC"):
        with pytest.raises(UserError) as refused:
            check_idcc(wrong_idcc)
        assert _message(refused).startswith(f"Champ « Code IDCC » : « {wrong_idcc} » doit "
                                            "compter quatre chiffres")


def test_a_contract_refuses_a_wrong_cerfa_field_and_keeps_its_terms(demo_path: Path) -> None:
    database = open_database(demo_path)
    try:
        contract_id = _first_contract(database)
        stored = contract_on_file(database, contract_id)
        for change, start in (
            ({"rncp_code": "R34"}, "Champ « Code RNCP »"),
            ({"nsf_code": "31"}, "Champ « Spécialité de formation »"),
            ({"teaching_hours": 9999}, "Champ « dont durée des enseignements »"),
            ({"parties": replace(stored.draft.parties or CerfaParties(), idcc="12")},
             "Champ « Code IDCC »"),
            ({"parties": replace(stored.draft.parties or CerfaParties(), nir="123")},
             "Champ « NIR du salarié »"),
        ):
            with pytest.raises(UserError) as refused:
                update_contract(database, contract_id, replace(stored.draft, **change))
            assert str(refused.value).startswith(start)
        assert contract_on_file(database, contract_id).draft == stored.draft
    finally:
        database.dispose()


def test_upgrade_from_the_first_schema_adds_the_cerfa_fields(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        contract_id = _first_contract(database)
        file = cerfa.opco_file(database, contract_id)
        # The first release knew none of these: listed, empty, to complete.
        assert "NIR du salarié" in file.missing and "Code IDCC de la convention collective " \
            "applicable" in file.missing
        stored = contract_on_file(database, contract_id)
        update_contract(database, contract_id, replace(
            stored.draft, rncp_code="34592", situation_before="9",
            parties=replace(stored.draft.parties or CerfaParties(), nir=VALID_NIR, idcc="1486")))
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert connection.execute(
            "SELECT rncp_code, situation_before, vae_amendment FROM contract").fetchall() == [
            ("RNCP34592", "9", 0)]
        assert connection.execute("SELECT nir FROM participant WHERE nir != ''").fetchall() == [
            ("288073417210194",)]
        assert connection.execute("SELECT idcc FROM employer WHERE idcc != ''").fetchall() == [
            ("1486",)]
        columns = {row[1] for row in connection.execute("PRAGMA table_info(training_body)")}
        assert "declaration_number" in columns
    connection.close()


def _first_contract(database: Database) -> str:
    with database.read() as session:
        value = session.connection().exec_driver_sql(
            "SELECT id FROM contract ORDER BY start_date, id LIMIT 1").scalar()
    assert value is not None
    return canonical_id(value)


def test_the_demo_contracts_are_complete_and_one_opco_file_reads_back_in_the_forms_order(
    demo_path: Path, tmp_path: Path
) -> None:
    database = open_database(demo_path)
    try:
        with database.read() as session:
            ids = [canonical_id(value) for value in session.connection().exec_driver_sql(
                "SELECT id FROM contract ORDER BY start_date, id").scalars()]
        files = [cerfa.opco_file(database, contract_id) for contract_id in ids]
    finally:
        database.dispose()
    assert len(files) >= 11
    assert [file.missing for file in files] == [[] for _ in files]
    file = files[0]
    assert [line.order for line in file.lines] == list(range(1, 87))

    pdf = write_opco_pdf(tmp_path / "dossier-opco.pdf", file)
    xlsx = write_opco_xlsx(tmp_path / "dossier-opco.xlsx", file).path
    for written in (pdf, xlsx):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600

    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert text.startswith("Dossier OPCO - contrat de professionnalisation (CERFA n° 12434)")
    assert "Tous les champs demandés par le formulaire sont remplis." in text
    flat = " ".join(text.split())
    # Each field's number and label, then its value, in the form's order.
    position = 0
    for line in file.lines:
        position = flat.index(f"{line.order}. {line.label[:20]}", position)
        value = " ".join(line.value.split())[:14]
        position = flat.index(value, position)
    assert "Cnam Languedoc-Roussillon" in flat and "RNCP4211" in flat

    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    try:
        rows = list(workbook["CERFA 12434"].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = rows.index(("Rubrique", "N°", "Libellé du formulaire", "Valeur"))
    body = rows[header + 1:]
    assert [row[1] for row in body] == list(range(1, 87))
    assert [row[2] for row in body] == [line.label for line in file.lines]
    by_order = {row[1]: row for row in body}
    assert by_order[1][0] == "Employeur" and by_order[18][0] == "Salarié"
    assert by_order[16][3] == file.lines[15].value and len(by_order[16][3]) == 4
    assert by_order[28][3] == file.lines[27].value and len(by_order[28][3]) == 15
    assert by_order[72][3] == "1 - Certification enregistrée au RNCP autre qu'un CQP"
    assert by_order[85][0] == "Cadre réservé à l'OPCO"


def test_the_opco_workbook_can_be_encrypted_and_a_missing_field_is_marked(
    demo_path: Path, tmp_path: Path
) -> None:
    database = open_database(demo_path)
    try:
        contract_id = _first_contract(database)
        stored = contract_on_file(database, contract_id)
        update_contract(database, contract_id, replace(stored.draft, classification=""))
        file = cerfa.opco_file(database, contract_id)
    finally:
        database.dispose()
    assert file.missing == ["Classification de l'emploi dans la convention collective"]
    target = write_opco_xlsx(tmp_path / "dossier.xlsx", file,
                             password="cheval-orange-piano-47").path
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(Exception):  # noqa: B017 - openpyxl cannot read an encrypted package
        openpyxl.load_workbook(target)
    plain = io.BytesIO()
    with target.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password="cheval-orange-piano-47")
        office.decrypt(plain)
    workbook = openpyxl.load_workbook(plain, read_only=True)
    try:
        rows = {row[1]: row for row in workbook.active.iter_rows(values_only=True)
                if isinstance(row[1], int)}
    finally:
        workbook.close()
    assert rows[56][3] == "À compléter"
    assert rows[57][3] == "II"


def test_an_address_number_is_split_from_its_street() -> None:
    assert cerfa.split_address("12 bis rue des Lilas") == ("12 bis", "rue des Lilas")
    assert cerfa.split_address("4, avenue Foch") == ("4", "avenue Foch")
    assert cerfa.split_address("Lieu-dit Les Vignes") == ("", "Lieu-dit Les Vignes")
    assert date(2010, 1, 1)  # the module's dates are real dates (nothing to split)
