"""Export profiles chosen by the coach: columns, order, labels, filters, saved and applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from coachdesk.db import Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.partner_lists import KIND, export_contracts
from coachdesk.exports.profiles import (
    Profile,
    ProfileColumn,
    load_profiles,
    profiles_path,
    save_profile,
)
from tests.unit.exports_sample import build_sample


@pytest.fixture
def db(tmp_path: Path, home: Path) -> Database:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    build_sample(database)
    yield database
    database.dispose()


def test_saved_profile_chooses_columns_labels_and_rows(db: Database, tmp_path: Path) -> None:
    profile = Profile(
        "agefos", KIND, "AGEFOS PME",
        (ProfileColumn("employer"), ProfileColumn("last_name", "NOM DE L'ALTERNANT"),
         ProfileColumn("start_date"), ProfileColumn("status")),
        {"status": ("En cours",)},
    )
    save_profile(profile)
    assert load_profiles() == {"agefos": profile}
    assert "AGEFOS PME" in profiles_path().read_text(encoding="utf-8")

    out = tmp_path / "agefos.xlsx"
    result = export_contracts(db, out, recipient="agefos", today=date(2010, 9, 1))
    sheet = openpyxl.load_workbook(out)["Contrats"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Employeur", "NOM DE L'ALTERNANT", "Début", "Statut")
    # Zoé's contract was broken: the filter keeps Élodie's and the adult's.
    # Names as partners list them: the last name in capitals (stored as typed).
    assert sorted(row[1] for row in rows[1:]) == ["LEFÈVRE", "MARTIN"]
    assert result.row_count == 2
    assert sheet["C2"].number_format == "dd/mm/yyyy"


def test_built_in_profiles_and_unknown_names(db: Database, tmp_path: Path) -> None:
    export_contracts(db, tmp_path / "pe.xlsx", recipient="pole_emploi")
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "pe.xlsx")["Contrats"][1]]
    assert header[:3] == ["Nom", "Prénom", "Date de naissance"]
    assert "Salaire brut mensuel" not in header and "Identifiant (INE)" in header

    with pytest.raises(UserError) as caught:
        export_contracts(db, tmp_path / "x.xlsx", recipient="banque")
    assert "banque" in caught.value.message and "opco" in (caught.value.hint or "")

    save_profile(Profile("faux", KIND, "Faux", (ProfileColumn("pointure"),)))
    with pytest.raises(UserError) as caught:
        export_contracts(db, tmp_path / "x.xlsx", recipient="faux")
    assert "pointure" in caught.value.message
    assert not (tmp_path / "x.xlsx").exists()


def test_damaged_profile_file_is_a_french_message(home: Path) -> None:
    profiles_path().write_text("{pas du json", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_profiles()
    assert "profils-export.json" in caught.value.message
