"""The contact import's newcomers as rows for the database: ids, values, the INSERTs.

The rows, and what they share (ids, constants, conversions), are made before the write lock
(:class:`NewRows`); :func:`~coachdesk.services.contact_import.importer.import_contacts` then
inserts them in batches inside its one write transaction. (Made on a second thread while the
previous batch was inserted, they cost the import more: the two threads took turns at the
interpreter, and SQLite's writing waited for its turn.)
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from itertools import chain
from typing import Any, Protocol, cast

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

from coachdesk.db import Database, fold_log_after_commit
from coachdesk.files import text_name
from coachdesk.models import Participant
from coachdesk.services.contact_import.checks import CheckedPerson, ImportReport, gather
from coachdesk.services.text import search_texts_of_folded


class Matcher(Protocol):
    """What the matching of a file (``matching.Matcher``) hands over for writing."""

    @property
    def newcomers(self) -> list[CheckedPerson]:
        """The people to insert, in the file's order."""

    @property
    def folded(self) -> Mapping[str, str]:
        """Names and e-mails of the file, folded."""

    @property
    def follows(self) -> dict[int, str]:
        """Newcomer index → the earlier file (another promotion) it follows on from."""

    @property
    def known(self) -> dict[str, dict[str, Any]]:
        """The people already in the database, by id."""

_TEXT_FIELDS = ("address", "city", "ine", "university_track", "bac_series")

# SQLite's page cache while many newcomers are inserted (KiB): the pages the inserts touch
# stay in memory until the commit instead of being written to the journal, read back and
# written again. Only memory: what the commit writes, and how, is unchanged.
IMPORT_CACHE_KIB = 64 * 1024
LARGE_IMPORT = 5_000


@contextmanager
def page_cache(connection: Connection, rows: int) -> Iterator[None]:
    """A larger page cache on this connection while ``rows`` rows are inserted, then the
    connection's own again (it goes back to the pool)."""
    if connection.dialect.name != "sqlite" or rows < LARGE_IMPORT:
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


@contextmanager
def large_write(database: Database, session: Session, rows: int) -> Iterator[None]:
    """The write transaction inserting ``rows`` newcomers: for many of them, a larger page
    cache (:func:`page_cache`) and a commit that does not wait for the log to be folded into
    the database file (:func:`~coachdesk.db.fold_log_after_commit`)."""
    if rows >= LARGE_IMPORT:
        fold_log_after_commit(database, session)
    with page_cache(session.connection(), rows):
        yield


def ordered_ids(count: int) -> list[str]:
    """Fresh random ids (UUID version 4, as :func:`~coachdesk.models.new_id` makes), in order.

    Giving them out sorted makes the inserts walk the primary key's index in order instead of
    jumping around it.
    """
    ids = _drawn_ids(count)
    ids.sort()
    return ids


def _drawn_ids(count: int) -> list[str]:
    """Fresh random ids in the order drawn: in one go from the system's random source
    (``uuid.uuid4()`` one at a time cost a tenth of the whole import)."""
    random = bytearray(os.urandom(16 * count))
    # The version (4) and variant (RFC 4122) bits, as uuid.uuid4() sets them.
    random[6::16] = bytes(byte & 0x0F | 0x40 for byte in random[6::16])
    random[8::16] = bytes(byte & 0x3F | 0x80 for byte in random[8::16])
    digits = random.hex()
    return [f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
            for h in (digits[start : start + 32] for start in range(0, 32 * count, 32))]


class SpareIds:
    """Ids drawn ahead, for as many newcomers as the file has rows at most (the count known
    once the sheet is measured): drawn and sorted on a second thread while the reader loads
    the sheet, then :meth:`take` gives the first ones drawn, as :func:`ordered_ids` would.
    """

    def __init__(self, count: int) -> None:
        self.drawn = _drawn_ids(count)
        self.ordered = sorted(self.drawn)

    def take(self, count: int) -> list[str]:
        """``count`` fresh ids in order: the first ``count`` drawn, sorted."""
        if count == len(self.drawn):
            return self.ordered
        if count > len(self.drawn) or count < len(self.drawn) // 16:
            # More than drawn (never for a measured sheet), or so few that drawing them again
            # costs less than picking them out.
            return ordered_ids(count)
        unused = set(self.drawn[count:])
        return [row_id for row_id in self.ordered if row_id not in unused]


# A newcomer's row as written: the person's values (empty text or NULL when the file had
# none), then what the import adds. The first four make the search text.
_VALUE_COLUMNS = (
    "last_name", "first_name", "phone", "email", "postcode", *_TEXT_FIELDS,
    "birth_date", "bac_type", "bac_year",
)
_VALUE_FIELDS = (*((name, "") for name in _VALUE_COLUMNS[:-3]),
                 *((name, None) for name in _VALUE_COLUMNS[-3:]))
_ADDED_COLUMNS = ("notes", "search_text", "follows_from_id", "coach_id", "id")
# Rows per INSERT statement on SQLite (measured at 80,000 rows: 500 a statement spends about a
# tenth less time inserting than 50), fewer when the SQLite build allows fewer parameters in
# one statement (999 before SQLite 3.32, 32,766 since).
ROWS_PER_STATEMENT = 500
_OLD_SQLITE_PARAMETERS = 999


def _rows_per_statement(connection: Connection, shared: int, width: int) -> int:
    """Rows one INSERT may take: ``shared`` parameters, then ``width`` for each row."""
    raw: Any = connection.connection.dbapi_connection
    try:
        limit = int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        limit = _OLD_SQLITE_PARAMETERS
    return max(1, min(ROWS_PER_STATEMENT, (limit - shared) // width))


def _one_value(column: list[Any]) -> bool:
    """Whether every value of ``column`` is the first one (same type, equal)."""
    first = column[0]
    # (The two ends first: most columns that vary differ there already.)
    return (column[-1] == first and column.count(first) == len(column)
            and set(map(type, column)) == {first.__class__})


def _converted(done: dict[Any, Any], process: Callable[[Any], Any], value: Any) -> Any:
    """``process(value)``, kept in ``done`` for the next row with the same value."""
    result = done[value] = process(value)
    return result


class NewRows:
    """The newcomers' rows, in the form the database driver takes (:meth:`make`).

    Core's ``executemany`` would convert every value of every row through the column types'
    bind processors, and SQLite runs one statement per row: here each row is a tuple built
    once, only the columns whose type converts values are converted (a date once per distinct
    date), and the values every row shares (timestamps, promotion, provenance…) are passed
    once per statement. On SQLite, one statement inserts up to :data:`ROWS_PER_STATEMENT` rows
    (numbered parameters, the shared ones reused by every row): about half the time of one
    statement per row. Another database gets Core's compiled statement, once per row.
    """

    def __init__(
        self, matcher: Matcher, ids: list[str], provenance: str, today: date, now: datetime,
        report: ImportReport, dialect: Dialect,
    ) -> None:
        folded = matcher.folded
        follows = matcher.follows
        known = matcher.known
        table = cast(Table, Participant.__table__)

        def processor(name: str) -> Callable[[Any], Any] | None:
            return cast(Callable[[Any], Any] | None,
                        table.c[name].type.dialect_impl(dialect).bind_processor(dialect))

        def processed(name: str, value: Any) -> Any:
            process = processor(name)
            return value if process is None or value is None else process(value)

        self.dialect_name = dialect.name
        self.ids = ids
        self.constant: dict[str, Any] = {
            name: processed(name, value) for name, value in {
                "created_at": now, "updated_at": now, "is_adult": False,
                "provenance": provenance, "listed_on": today,
                "source_file": text_name(report.file_name), "source_sheet": report.sheet,
                "imported_at": now, "consent_date": None,
                # The CERFA's civil status, typed later in the contract dialog.
                "usage_name": "", "nir": "", "sex": "", "birth_department": "",
                "birth_city": "",
            }.items()
        }
        # The columns of the rows :meth:`make` gives, and the values it found the same in
        # every row (passed once per statement).
        self.columns: tuple[str, ...] = (*_VALUE_COLUMNS, *_ADDED_COLUMNS)
        self.same: dict[str, Any] = {}
        # The person's values whose type converts them (a date as text on SQLite): each
        # distinct value converted once.
        converted = [
            (position, process, {None: None})
            for position, name in enumerate(_VALUE_COLUMNS)
            if (process := processor(name)) is not None
        ]
        process_id = processor("id")
        self.row_ids = ids if process_id is None else [process_id(value) for value in ids]
        # SQLite INSERT statements by their columns and number of rows (see insert).
        self.statements: dict[tuple[tuple[str, ...], int], str] = {}
        self.converted = converted
        self.newcomers = matcher.newcomers
        self.folded = folded
        # A follow-on file keeps its link to the earlier one, and the coach who followed it.
        self.links = {
            index: (processed("follows_from_id", earlier),
                    processed("coach_id", known[earlier]["coach_id"]))
            for index, earlier in follows.items()
        }

    def make(self, start: int, stop: int) -> list[tuple[Any, ...]]:
        """The rows of newcomers [start, stop), as the INSERT takes them (made a column at a
        time: a person's value, else the column's default), for :meth:`insert` (made once: the
        values the rows share are kept for it)."""
        people = self.newcomers[start:stop]
        columns: list[Any] = gather(people, _VALUE_FIELDS)
        for position, process, done in self.converted:
            columns[position] = [
                done[value] if value in done else _converted(done, process, value)
                for value in columns[position]
            ]
        folded = self.folded
        columns.append(["\n".join(person.note_parts) if person.note_parts else ""
                        for person in people])
        lasts, firsts, phones, emails = columns[:4]
        fold = folded.__getitem__
        columns.append(search_texts_of_folded(
            list(map(fold, lasts)), list(map(fold, firsts)), phones, emails, folded))
        links = self.links
        if links:
            no_link = (None, None)
            linked = [links.get(index, no_link) for index in range(start, start + len(people))]
            columns.append([earlier for earlier, _coach in linked])
            columns.append([coach for _earlier, coach in linked])
        else:
            columns.extend(([None] * len(people), [None] * len(people)))
        columns.append(self.row_ids[start:start + len(people)])
        if not people:
            return []
        # A column holding one value for every newcomer (no notes, no follow-on, one town…)
        # is passed once per statement, as the constants are, rather than once per row: at
        # 80,000 rows a fifth less to bind and the INSERTs a fifth faster.
        varying = []
        self.same = {}
        for name, column in zip(_VALUE_COLUMNS + _ADDED_COLUMNS, columns, strict=True):
            if name != "id" and _one_value(column):
                self.same[name] = column[0]
            else:
                varying.append((name, column))
        self.columns = tuple(name for name, _column in varying)
        return list(zip(*(column for _name, column in varying), strict=True))

    def insert(self, connection: Connection, cohort_id: str, rows: list[tuple[Any, ...]]) -> None:
        """INSERT rows (from :meth:`make`) into the cohort."""
        if not rows:
            return
        dialect = connection.dialect
        if dialect.name != self.dialect_name:  # pragma: no cover - one database, one dialect
            raise RuntimeError("rows made for another database")
        table = cast(Table, Participant.__table__)
        process_id = table.c["cohort_id"].type.dialect_impl(dialect).bind_processor(dialect)
        shared = (process_id(cohort_id) if process_id else cohort_id,
                  *self.constant.values(), *self.same.values())
        names = ("cohort_id", *self.constant, *self.same, *self.columns)
        if dialect.name != "sqlite":
            statement = insert(table).compile(dialect=dialect, column_keys=list(names))
            parameters: list[Any] = [(*shared, *row) for row in rows]
            if not dialect.positional:
                parameters = [dict(zip(names, row, strict=True)) for row in parameters]
            else:
                order = [names.index(name) for name in statement.positiontup or names]
                parameters = [tuple(row[i] for i in order) for row in parameters]
            connection.exec_driver_sql(str(statement), parameters)
            return
        quote = dialect.identifier_preparer.quote
        head = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
                f"({', '.join(quote(name) for name in names)}) VALUES ")
        shared_marks = ", ".join(f"?{number}" for number in range(1, len(shared) + 1))
        width = len(self.columns)

        def many(count: int) -> str:
            # Made once for each number of rows (every batch's full statements are alike), and
            # for the columns the rows vary in (what :meth:`make` found the same is shared).
            statement = self.statements.get((names, count))
            if statement is None:
                groups = (
                    f"({shared_marks}, " + ", ".join(
                        f"?{len(shared) + row * width + column}"
                        for column in range(1, width + 1)
                    ) + ")"
                    for row in range(count)
                )
                statement = self.statements[names, count] = head + ", ".join(groups)
            return statement

        per_statement = _rows_per_statement(connection, len(shared), width)
        full = len(rows) - len(rows) % per_statement
        if full:
            connection.exec_driver_sql(many(per_statement), [
                (*shared, *chain.from_iterable(rows[at:at + per_statement]))
                for at in range(0, full, per_statement)
            ])
        if full < len(rows):
            connection.exec_driver_sql(
                many(len(rows) - full), (*shared, *chain.from_iterable(rows[full:])))
