"""Documents kept in the database: what is accepted, read back, copied for the viewer,
backed up and restored, exported by the right of access, erased with the person."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coachdesk import paths
from coachdesk.db import HEAD_REVISION, Database, open_database
from coachdesk.errors import UserError
from coachdesk.exports.access import write_access_export
from coachdesk.models import Contract, Document, DocumentContent, FollowUpVisit, Participant
from coachdesk.services import backups, document_copies, gdpr, restoring
from coachdesk.services.documents import (
    MAX_DOCUMENT_BYTES,
    DocumentFile,
    DocumentOwner,
    add_document,
    delete_document,
    document_content,
    list_documents,
    read_document_file,
)
from tests import builders as b

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"

# A small PDF whose body holds a marker that appears nowhere else in a database.
CANARY = b"CANARY-DOCUMENT-7f3e91"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n% " + CANARY + b"\n%%EOF\n"


def _pdf(marker: bytes = CANARY) -> bytes:
    return b"%PDF-1.4\n% " + marker + b"\n" + os.urandom(3000).hex().encode() + b"\n%%EOF\n"


@pytest.fixture
def demo(demo_path: Path):
    database = open_database(demo_path)
    yield database
    database.dispose()


def _contract_with_visit(database: Database) -> tuple[str, str, str]:
    """(person, contract, visit) of a demo contract with a follow-up visit."""
    with database.read() as session:
        row = session.execute(
            select(Contract.participant_id, Contract.id, FollowUpVisit.id)
            .join(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)
            .where(FollowUpVisit.done_on.is_not(None))
            .order_by(Contract.start_date, FollowUpVisit.done_on).limit(1)
        ).one()
    return row[0], row[1], row[2]


def test_a_document_is_added_listed_read_back_and_deleted(db: Database) -> None:
    cohort = b.cohort(db)
    person = b.person(db, cohort, "Durand", "Léa")
    owner = DocumentOwner("participant", person)
    document_id = add_document(db, owner, DocumentFile("CV Léa Durand.pdf", PDF))

    (row,) = list_documents(db, owner)
    assert (row.id, row.file_name, row.kind, row.attached_to) == (
        document_id, "CV Léa Durand.pdf", "PDF", "Personne")
    assert row.size == len(PDF) and row.size_label == f"{len(PDF)} octets"
    assert row.added_on == date.today()  # a coach's database lives on today
    assert document_content(db, document_id) == DocumentFile("CV Léa Durand.pdf", PDF)

    wal = Path(str(db.path) + "-wal")
    assert CANARY in wal.read_bytes() + Path(str(db.path)).read_bytes()
    delete_document(db, document_id)
    assert list_documents(db, owner) == []
    # Gone from the disk too: zeroed in the file, the write-ahead log emptied.
    for part in (Path(str(db.path)), wal):
        assert CANARY not in (part.read_bytes() if part.exists() else b""), part.name
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(DocumentContent)) == 0
    with pytest.raises(UserError, match="n'existe plus"):
        document_content(db, document_id)


def test_a_name_is_data_never_a_path(db: Database) -> None:
    person = b.person(db, b.cohort(db), "Durand", "Léa")
    owner = DocumentOwner("participant", person)
    add_document(db, owner, DocumentFile("../../etc/x\x07y.pdf", PDF))
    assert [row.file_name for row in list_documents(db, owner)] == ["xy.pdf"]


def test_too_big_wrong_type_and_false_extension_are_refused_in_french(
    db: Database, tmp_path: Path
) -> None:
    owner = DocumentOwner("participant", b.person(db, b.cohort(db), "Durand", "Léa"))
    big = tmp_path / "scan complet.pdf"
    with big.open("wb") as out:  # sparse: 21 MB on paper, nothing on the disk
        out.write(b"%PDF-1.4\n")
        out.truncate(MAX_DOCUMENT_BYTES + 1024 * 1024)
    with pytest.raises(UserError) as refused:
        read_document_file(big)
    assert refused.value.message == (
        "Le fichier « scan complet.pdf » pèse 21,0 Mo : un document gardé dans CoachDesk ne "
        "peut pas dépasser 20 Mo.")
    assert "Réduisez-le" in (refused.value.hint or "")
    with pytest.raises(UserError, match="20 Mo"):
        add_document(db, owner, DocumentFile("gros.pdf", b"%PDF-" + bytes(MAX_DOCUMENT_BYTES)))

    with pytest.raises(UserError) as refused:
        add_document(db, owner, DocumentFile("setup.exe", b"MZ\x90\x00"))
    assert refused.value.message == (
        "Le fichier « setup.exe » (« .exe ») n'est pas d'un type que CoachDesk garde.")
    assert "PDF, images (JPEG, PNG, TIFF)" in (refused.value.hint or "")
    with pytest.raises(UserError) as refused:
        add_document(db, owner, DocumentFile("cerfa.pdf", b"MZ\x90\x00 not a pdf"))
    assert refused.value.message == (
        "Le fichier « cerfa.pdf » ne contient pas ce que son extension annonce (PDF) : il n'a "
        "pas été ajouté.")
    with pytest.raises(UserError, match="est vide"):
        add_document(db, owner, DocumentFile("vide.png", b""))
    with pytest.raises(UserError, match="ne peut pas être lu"):
        read_document_file(tmp_path / "absent.pdf")
    assert list_documents(db, owner) == []

    # What is accepted, by its first bytes: an office file, an image, a scan read from disk.
    add_document(db, owner, DocumentFile("bilan.docx", b"PK\x03\x04rest"))
    add_document(db, owner, DocumentFile("photo.JPG", b"\xff\xd8\xff\xe0rest"))
    scan = tmp_path / "décision OPCO.pdf"
    scan.write_bytes(PDF)
    add_document(db, owner, read_document_file(scan))
    assert sorted(row.kind for row in list_documents(db, owner)) == [
        "Document Word", "Image JPEG", "PDF"]


def test_a_person_sees_the_documents_of_their_contract_and_visits(demo: Database) -> None:
    person, contract, visit = _contract_with_visit(demo)
    add_document(demo, DocumentOwner("participant", person), DocumentFile("cv.pdf", PDF))
    add_document(demo, DocumentOwner("contract", contract), DocumentFile("cerfa.pdf", PDF))
    add_document(demo, DocumentOwner("visit", visit), DocumentFile("visite.pdf", PDF))
    with demo.read() as session:
        employer = session.scalar(select(Contract.employer_id).where(Contract.id == contract))
        visit_day = session.get(FollowUpVisit, visit).done_on
    add_document(demo, DocumentOwner("employer", employer), DocumentFile("kbis.pdf", PDF))

    attached = {row.file_name: row.attached_to
                for row in list_documents(demo, DocumentOwner("participant", person))}
    assert attached == {"cv.pdf": "Personne", "cerfa.pdf": "Contrat",
                        "visite.pdf": f"Visite du {visit_day:%d/%m/%Y}"}
    assert {row.file_name for row in list_documents(demo, DocumentOwner("contract", contract))
            } == {"cerfa.pdf", "visite.pdf"}
    assert [row.file_name for row in list_documents(demo, DocumentOwner("employer", employer))
            ] == ["kbis.pdf"]
    # The demo lives on its own day.
    assert {row.added_on for row in list_documents(demo, DocumentOwner("employer", employer))
            } == {date(2010, 12, 31)}
    with pytest.raises(UserError, match="introuvable"):
        add_document(demo, DocumentOwner("visit", "00000000-0000-0000-0000-000000000000"),
                     DocumentFile("x.pdf", PDF))


def test_the_viewer_copy_is_private_neutrally_named_and_removed(
    db: Database, home: Path
) -> None:
    person = b.person(db, b.cohort(db), "Durand", "Léa")
    document_id = add_document(db, DocumentOwner("participant", person),
                               DocumentFile("CV Léa Durand.pdf", PDF))
    copy = document_copies.viewer_copy(db, document_id)

    assert copy.read_bytes() == PDF
    assert copy.name == f"document-{document_id[:8]}.pdf"
    assert "Durand" not in str(copy) and "Léa" not in str(copy)
    assert copy.parent == paths.cache_dir() / "documents-ouverts" / str(os.getpid())
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.parent.parent.stat().st_mode) == 0o700

    document_copies.remove_session_copies()
    assert not copy.exists()
    assert not (paths.cache_dir() / "documents-ouverts").exists()


def test_copies_left_by_a_crash_go_at_the_next_start(db: Database, home: Path) -> None:
    person = b.person(db, b.cohort(db), "Durand", "Léa")
    document_id = add_document(db, DocumentOwner("participant", person),
                               DocumentFile("cv.pdf", PDF))
    # A CoachDesk killed while a document was open: its folder is left behind.
    crashed = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True, text=True, check=True,
    )
    left = paths.cache_dir() / "documents-ouverts" / crashed.stdout.strip()
    left.mkdir(parents=True)
    (left / "document-0badf00d.pdf").write_bytes(PDF)
    # Another CoachDesk still running (the test's parent process) keeps its copies.
    running = paths.cache_dir() / "documents-ouverts" / str(os.getppid())
    running.mkdir()
    (running / "document-12345678.pdf").write_bytes(PDF)
    mine = document_copies.viewer_copy(db, document_id)

    assert document_copies.remove_stale_copies() == 1
    assert not left.exists()
    assert (running / "document-12345678.pdf").exists()
    assert mine.exists()


def test_documents_survive_backup_and_restore_on_the_bytes(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    database = open_database(path)
    person = b.person(database, b.cohort(database), "Durand", "Léa")
    content = _pdf()
    document_id = add_document(database, DocumentOwner("participant", person),
                               DocumentFile("cerfa signé.pdf", content))
    saved = backups.write_backup(database, tmp_path / "copie.sqlite3")
    assert CANARY in saved.read_bytes()
    delete_document(database, document_id)
    database.dispose()

    restoring.restore(saved, path)
    database = open_database(path)
    try:
        assert document_content(database, document_id) == DocumentFile("cerfa signé.pdf",
                                                                        content)
    finally:
        database.dispose()


def test_erasure_takes_every_document_of_the_person_off_the_disk(demo_path: Path) -> None:
    database = open_database(demo_path)
    person, contract, visit = _contract_with_visit(database)
    markers = [b"CANARY-PERSON-1a2b", b"CANARY-CONTRACT-3c4d", b"CANARY-VISIT-5e6f"]
    for owner, marker in zip((DocumentOwner("participant", person),
                              DocumentOwner("contract", contract),
                              DocumentOwner("visit", visit)), markers, strict=True):
        add_document(database, owner, DocumentFile("scan.pdf", _pdf(marker)))
    database.dispose()
    data = demo_path.read_bytes()
    assert all(marker in data for marker in markers)

    database = open_database(demo_path)
    try:
        gdpr.erase_for_good(database, person)
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Document)) == 0
            assert session.scalar(select(func.count()).select_from(DocumentContent)) == 0
            assert gdpr.remaining_rows(session, [person]) == {}
        wal = demo_path.with_name(demo_path.name + "-wal")
        for part in (demo_path, wal):
            data = part.read_bytes() if part.exists() else b""
            assert not any(marker in data for marker in markers), part.name
    finally:
        database.dispose()


def test_the_right_of_access_carries_the_documents(demo: Database, tmp_path: Path) -> None:
    person, contract, _visit = _contract_with_visit(demo)
    cv, cerfa = _pdf(b"CANARY-CV"), _pdf(b"CANARY-CERFA")
    cv_id = add_document(demo, DocumentOwner("participant", person),
                         DocumentFile("CV.pdf", cv))
    cerfa_id = add_document(demo, DocumentOwner("contract", contract),
                            DocumentFile("CERFA signé.pdf", cerfa))
    out = tmp_path / "acces.xlsx"
    written = write_access_export(demo, person, out)

    assert written.documents == 2 and written.folder == tmp_path / "acces-documents"
    folder = written.folder
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"document-{cv_id[:8]}.pdf", f"document-{cerfa_id[:8]}.pdf"])
    assert (folder / f"document-{cv_id[:8]}.pdf").read_bytes() == cv
    assert (folder / f"document-{cerfa_id[:8]}.pdf").read_bytes() == cerfa
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial folder

    book = openpyxl.load_workbook(out, read_only=True)
    try:
        rows = list(book["Documents"].iter_rows(values_only=True))
    finally:
        book.close()
    assert rows[0] == ("Nom du fichier", "Type", "Taille", "Ajouté le", "Rattaché à",
                       "Copie jointe")
    assert {(row[0], row[4], row[5]) for row in rows[1:]} == {
        ("CV.pdf", "Personne", f"document-{cv_id[:8]}.pdf"),
        ("CERFA signé.pdf", "Contrat", f"document-{cerfa_id[:8]}.pdf"),
    }

    # A person without documents: no folder.
    with demo.read() as session:
        other = session.scalar(select(Participant.id).where(Participant.id != person).limit(1))
    assert write_access_export(demo, other, tmp_path / "autre.xlsx").folder is None
    assert not (tmp_path / "autre-documents").exists()


def test_upgrade_from_the_first_schema_keeps_documents(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        with database.read() as session:
            person = session.scalar(select(Participant.id).limit(1))
        assert person is not None
        owner = DocumentOwner("participant", person)
        document_id = add_document(database, owner, DocumentFile("cv.pdf", PDF))
        assert document_content(database, document_id).content == PDF
    finally:
        database.dispose()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert connection.execute("SELECT count(*) FROM document_content").fetchone() == (1,)
    connection.close()


def test_a_protected_database_keeps_documents_encrypted_in_it_and_its_backups(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk.security import crypto, sqlcipher
    from tests.security_support import FAST_SCRYPT, PASSPHRASE, make_plain_db

    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)
    path = tmp_path / "base.sqlite3"
    (person, *_others) = make_plain_db(path)
    sqlcipher.protect_database(path, PASSPHRASE)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    try:
        content = _pdf()
        document_id = add_document(database, DocumentOwner("participant", person),
                                   DocumentFile("cv.pdf", content))
        saved = backups.write_backup(database, tmp_path / "copie.sqlite3")
        assert document_content(database, document_id).content == content
    finally:
        database.dispose()
    for part in (path, path.with_name(path.name + "-wal"), saved):
        data = part.read_bytes() if part.exists() else b""
        assert CANARY not in data, part.name


def test_merging_two_files_keeps_the_documents_of_both(db: Database) -> None:
    from coachdesk.services.participant_merge import merge_participants

    cohort = b.cohort(db)
    kept = b.person(db, cohort, "Durand", "Léa")
    merged = b.person(db, cohort, "Durand", "Lea", phone="06 12 34 56 78")
    add_document(db, DocumentOwner("participant", kept), DocumentFile("cv.pdf", PDF))
    add_document(db, DocumentOwner("participant", merged), DocumentFile("cerfa.pdf", PDF))
    merge_participants(db, kept, merged)
    assert sorted(row.file_name for row in list_documents(
        db, DocumentOwner("participant", kept))) == ["cerfa.pdf", "cv.pdf"]


def test_a_failed_access_export_leaves_neither_workbook_nor_documents(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk.exports import access

    person, _contract, _visit = _contract_with_visit(demo)
    add_document(demo, DocumentOwner("participant", person), DocumentFile("CV.pdf", PDF))

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(access, "write_workbook", full_disk)
    out = tmp_path / "remise"
    out.mkdir()
    with pytest.raises(OSError):
        write_access_export(demo, person, out / "acces.xlsx")
    assert list(out.iterdir()) == []
