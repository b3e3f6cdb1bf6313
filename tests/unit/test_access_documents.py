"""The right of access protected by a password: the person's documents go into one PDF
encrypted with the workbook's password, never in clear beside it."""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, WrongPasswordError
from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.exports.access import write_access_export
from coachdesk.models import Contract, Participant
from coachdesk.services.documents import DocumentFile, DocumentOwner, add_document

PASSWORD = "girafe-tambour-olive-canal-brioche-31"


def _pdf(marker: bytes) -> bytes:
    return b"%PDF-1.4\n% " + marker + b"\n" + os.urandom(3000).hex().encode() + b"\n%%EOF\n"


@pytest.fixture
def demo(demo_path: Path):
    database = open_database(demo_path)
    yield database
    database.dispose()


def _person_with_documents(database: Database) -> tuple[str, str, dict[str, bytes]]:
    """A demo person with a contract, a CV and a signed CERFA named after them, and a note:
    (person id, last name, the name each document is attached under → its bytes)."""
    with database.read() as session:
        person, contract, last_name, first_name = session.execute(
            select(Contract.participant_id, Contract.id, Participant.last_name,
                   Participant.first_name)
            .join(Participant, Participant.id == Contract.participant_id).limit(1)
        ).one()
    cv, cerfa, note = (_pdf(b"CANARY-CV"), _pdf(b"CANARY-CERFA"),
                       b"CANARY-NOTE " + last_name.encode())
    cv_id = add_document(database, DocumentOwner("participant", person),
                         DocumentFile(f"CV {first_name} {last_name}.pdf", cv))
    cerfa_id = add_document(database, DocumentOwner("contract", contract),
                            DocumentFile(f"CERFA {last_name}.pdf", cerfa))
    note_id = add_document(database, DocumentOwner("participant", person),
                           DocumentFile("notes.txt", note))
    return person, last_name, {f"document-{cv_id[:8]}.pdf": cv,
                               f"document-{cerfa_id[:8]}.pdf": cerfa,
                               f"document-{note_id[:8]}.txt": note}


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where the coach writes the export (the demo database lives in ``tmp_path``)."""
    folder = tmp_path / "remise"
    folder.mkdir()
    return folder


def _every_file(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_a_protected_export_puts_the_documents_in_one_encrypted_pdf(
    demo: Database, out_dir: Path
) -> None:
    person, last_name, contents = _person_with_documents(demo)
    out = out_dir / "acces.xlsx"
    written = write_access_export(demo, person, out, password=PASSWORD)

    protected = out_dir / "acces-documents.pdf"
    assert (written.documents, written.folder, written.protected_file) == (3, None, protected)
    # Two files, neutral names, private; no folder, nothing left half-written.
    assert sorted(p.name for p in out_dir.iterdir()) == ["acces-documents.pdf", "acces.xlsx"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in out_dir.iterdir()} == {0o600}
    # Not one document's bytes, nor the person's name, readable in clear anywhere.
    for path in _every_file(out_dir):
        data = path.read_bytes()
        assert b"CANARY" not in data, path.name
        assert last_name.encode() not in data, path.name
        for content in contents.values():
            assert content[-200:] not in data, path.name

    # Refused without the password, or with another one.
    locked = PdfReader(protected)
    assert locked.is_encrypted
    encryption = locked.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256
    with pytest.raises(FileNotDecryptedError):
        _ = locked.attachments
    with pytest.raises(WrongPasswordError):
        PdfReader(protected, password="girafe-tambour-olive-canal-brioche-32")

    # With it, each document's original bytes, under its neutral name.
    reader = PdfReader(protected, password=PASSWORD)
    expected = {name: [content] for name, content in contents.items()}
    assert dict(reader.attachments) == expected
    cover = reader.pages[0].extract_text()
    assert "Documents de la fiche du droit d'accès" in cover
    assert "3 document(s) joint(s)" in cover
    for name in expected:
        assert name in cover
    assert "Contrat" in cover and "Personne" in cover and "Texte" in cover
    assert last_name not in cover

    # The workbook's « Documents » sheet ties each original name to its attachment.
    plain = io.BytesIO()
    with out.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=PASSWORD, verify_password=True)
        office.decrypt(plain)
    rows = list(openpyxl.load_workbook(plain)["Documents"].iter_rows(min_row=2, values_only=True))
    assert {row[5] for row in rows} == set(expected)
    assert f"CERFA {last_name}.pdf" in {row[0] for row in rows}


def test_file_names_say_nothing_about_the_person(demo: Database, out_dir: Path) -> None:
    person, last_name, _contents = _person_with_documents(demo)
    write_access_export(demo, person, out_dir / "acces.xlsx", password=PASSWORD)
    reader = PdfReader(out_dir / "acces-documents.pdf", password=PASSWORD)
    names = [p.name for p in out_dir.iterdir()] + list(reader.attachments)
    assert all(last_name.lower() not in name.lower() for name in names)
    assert all(re.fullmatch(r"document-[0-9a-f]{8}\.(pdf|txt)", name)
               for name in reader.attachments)


def test_a_protected_export_replaces_an_earlier_plain_folder_and_back(
    demo: Database, out_dir: Path
) -> None:
    person, _last_name, _contents = _person_with_documents(demo)
    out = out_dir / "acces.xlsx"
    plain = write_access_export(demo, person, out)
    assert plain.folder == out_dir / "acces-documents" and plain.protected_file is None
    assert len(list(plain.folder.iterdir())) == 3

    write_access_export(demo, person, out, password=PASSWORD)
    assert sorted(p.name for p in out_dir.iterdir()) == ["acces-documents.pdf", "acces.xlsx"]
    assert not any(b"CANARY" in path.read_bytes() for path in _every_file(out_dir))

    # Without a password again (the coach's explicit choice): the folder, no stale PDF.
    write_access_export(demo, person, out)
    assert sorted(p.name for p in out_dir.iterdir()) == ["acces-documents", "acces.xlsx"]


def test_a_failed_protected_export_leaves_nothing(
    demo: Database, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk.exports import access

    person, _last_name, _contents = _person_with_documents(demo)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(access, "write_workbook", full_disk)
    with pytest.raises(OSError):
        write_access_export(demo, person, out_dir / "acces.xlsx", password=PASSWORD)
    assert list(out_dir.iterdir()) == []


def test_a_person_without_documents_gets_no_pdf(demo: Database, out_dir: Path) -> None:
    with demo.read() as session:
        person = session.scalar(select(Participant.id).limit(1))
    assert person is not None
    written = write_access_export(demo, person, out_dir / "acces.xlsx", password=PASSWORD)
    assert (written.documents, written.folder, written.protected_file) == (0, None, None)
    assert [p.name for p in out_dir.iterdir()] == ["acces.xlsx"]
