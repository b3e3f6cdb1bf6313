"""Rebuild the sample contact files of this folder: ``python tests/data/contacts/make_samples.py``.

They imitate the files coaches really receive: a university workbook with a merged title banner,
a blank row and hand-typed values; Mission Locale CSVs in UTF-8 with BOM (`,`) and Windows-1252
(`;`); a tab-separated export. The expected results are asserted in tests/unit and tests/cli.

``universite_2010.ods`` and ``universite_2010.xls`` are LibreOffice's own copies of the workbook
(`soffice --headless --convert-to ods universite_2010.xlsx`, likewise `xls`), made again by
``main()`` when ``soffice`` is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def university_workbook() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Décrocheurs L1"
    sheet["A1"] = "Université Montpellier III — étudiants de L1 ayant décroché (S1)"
    sheet.merge_cells("A1:K1")
    sheet["A2"] = "Extraction du 15/02/2010"
    sheet.merge_cells("A2:C2")
    sheet.append(["NOM", "Prénom", "Né(e) le", "Tél.", "Courriel", "Filière", "Série du bac",
                  "N° INE", "CP", "Ville", "Boursier"])
    rows = [
        # 4: complete; the phone lost its leading 0 in Excel, the postcode is missing.
        ["DUPONT", "Élodie", datetime(1991, 3, 12), 612345678, "elodie.dupont@exemple.fr",
         "AES", "ES", "1234567890A", None, "Montpellier", "oui"],
        # 5: a text date and a spaced phone.
        ["MARTIN", "Lucas", "12/05/1990", "06 11 22 33 44", "lucas.martin@exemple.fr",
         "LEA", "STG", None, 34070, "Montpellier", None],
        # 6: blank.
        [None] * 11,
        # 7: formula-looking names stay text; a serial-number date; a bad e-mail.
        ["=cmd", "+Jean", 33000, "0467123456", "pas-un-mail", "Psychologie", "Bac pro commerce",
         None, 1000, "Bourg-en-Bresse", None],
        # 8: no last name: rejected.
        [None, "Sans Nom", None, None, None, None, None, None, None, None, None],
        # 9: Élodie again (accents, case): a duplicate that brings her postcode.
        ["Dupont", "elodie", datetime(1991, 3, 12), None, None, None, None, None, 34000,
         None, None],
        # 10: impossible date and phone: kept, warned.
        ["LEFÈVRE", "Zoé", "31/02/1999", "12", "zoe.lefevre@exemple.fr", "AES", "L", None,
         None, None, None],
        # 11: ISO date, international mobile.
        ["N'GUYEN", "Anh", "1992-07-01", "+33 7 81 23 45 67", None, "LEA", "S", None, None,
         None, None],
        # 12: two-digit year.
        ["BERNARD", "Inès", "05/06/93", None, "ines.bernard@exemple.fr", "AES", "ES", None,
         None, None, None],
        # 13: only an unrecognised column: rejected.
        [None, None, None, None, None, None, None, None, None, None, "non"],
    ]
    for row in rows:
        sheet.append(row)
    # A typed text that looks like a formula: Excel stores it as text, openpyxl would not.
    sheet["A7"].data_type = "s"
    sheet["B7"].data_type = "s"
    sheet["C4"].number_format = "DD/MM/YYYY"
    sheet["C9"].number_format = "DD/MM/YYYY"
    notes = workbook.create_sheet("Notes")
    notes["A1"] = "Fichier transmis par le SCUIO"
    workbook.save(HERE / "universite_2010.xlsx")


MISSION_LOCALE = (
    "Mission Locale des Jeunes de l'Agglomération de Montpellier\n"
    "\n"
    "Nom de famille,Prénom,Date de naissance,Portable,E-mail,Adresse,Code postal,Ville\n"
    "Garcia,Théo,03/04/1990,0611223355,theo.garcia@exemple.fr,\"12, rue de l'Aiguillerie\","
    "34000,Montpellier\n"
    "Roux,Chloé,1991-11-30,07 81 00 00 01,chloe.roux@exemple.fr,\"Résidence Les Pins\n"
    "Bât. B\",34080,Montpellier\n"
    ",,,,,,,\n"
    "Petit,,01/01/1990,,,,,\n"
    "Garcia,Theo,,,theo.garcia@exemple.fr,,,\n"
)

WINDOWS = (
    "NOM;PRENOM;NE(E) LE;TEL;COURRIEL;FILIERE;SERIE DU BAC\n"
    "Lefèvre;Maëlle;14/07/1991;0612000001;maelle.lefevre@exemple.fr;Psychologie;ES\n"
    "Bœuf;Jérôme;02/02/1990;612000002;jerome.boeuf@exemple.fr;AES;STT\n"
    "Øster;Noé;;+41 22 555 12 34;;LEA;\n"
)

TABS = (
    "Last name\tFirst name\tDate of birth\tPhone\tEmail\tINE\n"
    "Smith\tAnna\t1990-05-04\t0633445566\tanna.smith@example.com\tABC123\n"
    "\n"
    "Moreau\tPaul\t36526\t0699887766\t\tABC124\n"
    "Moreau-Smith\tPaul\t\t\t\tabc124\n"
)


def main() -> None:
    university_workbook()
    (HERE / "mission_locale_utf8_bom.csv").write_bytes(
        b"\xef\xbb\xbf" + MISSION_LOCALE.replace("\n", "\r\n").encode("utf-8")
    )
    (HERE / "mission_locale_cp1252.csv").write_bytes(
        WINDOWS.replace("\n", "\r\n").encode("cp1252")
    )
    (HERE / "export_tabulations.csv").write_bytes(TABS.encode("utf-8"))
    if shutil.which("soffice"):
        for kind in ("ods", "xls"):
            subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(HERE),
                            str(HERE / "universite_2010.xlsx")], check=True, timeout=120)


if __name__ == "__main__":
    main()
