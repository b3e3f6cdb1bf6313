"""Reading a large workbook in a second process while this one checks and writes its rows.

openpyxl spends about as long parsing a sheet's XML as the import spends checking, matching and
inserting the rows. On two cores both halves overlap: a reader process runs
:func:`~coachdesk.services.contact_import.reader.open_table` itself (same header search, same
sheet choice, same row numbers, same messages) and sends the table's description, then its rows
in chunks, through a bounded queue. The import takes about max(read, process) instead of their
sum. Small files are read in-process: starting a process costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coachdesk.errors import UserError
from coachdesk.services.contact_import.reader import Row, Table, open_table

# A workbook at least this big is read in a second process (~10,000 rows; a process starts in
# about half a second, reading 10,000 rows takes about one).
MIN_BYTES = 1_000_000
CHUNK_ROWS = 500
# Chunks read ahead at most: bounds the memory of a reader faster than the importer.
QUEUE_CHUNKS = 16
_POLL_SECONDS = 0.2
_ZIP_MAGIC = b"PK\x03\x04"


def worth_a_reader(path: Path | str) -> bool:
    """True for a workbook big enough that reading it in a second process pays."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size < MIN_BYTES:
            return False
        with path.open("rb") as handle:
            return handle.read(len(_ZIP_MAGIC)) == _ZIP_MAGIC
    except OSError:
        return False  # open_table reports it to the coach


def _read(
    path: str,
    sheet: str | None,
    mapping: dict[int | str, str | None] | None,
    chunk_rows: int,
    messages: Any,
    stop: Any,
) -> None:
    """Body of the reader process: the table's description, its rows in chunks, then "end"."""
    parent = multiprocessing.parent_process()

    def send(message: tuple[Any, ...]) -> bool:
        while True:
            if stop.is_set() or (parent is not None and not parent.is_alive()):
                # Nobody will read what is still buffered: exit without flushing it.
                messages.cancel_join_thread()
                return False
            try:
                messages.put(message, timeout=_POLL_SECONDS)
            except queue.Full:
                continue
            return True

    try:
        with open_table(path, sheet=sheet, mapping=mapping) as table:
            if not send(("table", table.file_name, table.sheet, table.header_row, table.columns,
                         table.last_row)):
                return
            chunk: list[tuple[int, Row]] = []
            for item in table.rows:
                chunk.append(item)
                if len(chunk) >= chunk_rows:
                    if not send(("rows", chunk)):
                        return
                    chunk = []
            if chunk and not send(("rows", chunk)):
                return
        send(("end",))
    except UserError as error:
        send(("user_error", error.message, error.hint))
    except BaseException:
        send(("error", traceback.format_exc()))


@contextmanager
def _children_allowed() -> Iterator[None]:
    """Let a daemonic process (the window's worker) start the reader.

    multiprocessing refuses children to a daemonic process so that none outlives it. The reader
    is itself daemonic (ended when its parent exits) and stops when its parent disappears, so
    the flag is lifted only while it starts.
    """
    current = multiprocessing.current_process()
    daemonic = current.daemon
    if daemonic:
        current.daemon = False
    try:
        yield
    finally:
        if daemonic:
            current.daemon = True


def _receive(messages: Any, process: Any) -> tuple[Any, ...]:
    while True:
        try:
            message: tuple[Any, ...] = messages.get(timeout=_POLL_SECONDS)
            return message
        except queue.Empty:
            if process.is_alive():
                continue
        try:  # it may have sent its last word just before exiting
            last: tuple[Any, ...] = messages.get(timeout=_POLL_SECONDS)
            return last
        except queue.Empty:
            raise RuntimeError(
                f"the workbook reader process stopped (exit code {process.exitcode})"
            ) from None


def _raise_for(message: tuple[Any, ...]) -> None:
    if message[0] == "user_error":
        raise UserError(message[1], hint=message[2])
    if message[0] == "error":
        raise RuntimeError("the workbook reader process failed:\n" + message[1])


@contextmanager
def open_table_in_reader(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
) -> Iterator[Table]:
    """:func:`open_table`, with the file parsed in a second process; same table, same errors.

    Leaving the block (at the end, on cancellation or on error) stops the reader.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue(maxsize=QUEUE_CHUNKS)
    stop = context.Event()
    process = context.Process(
        target=_read,
        args=(str(path), sheet, dict(mapping) if mapping else None, CHUNK_ROWS, messages, stop),
        name="coachdesk-workbook-reader",
        daemon=True,
    )
    with _children_allowed():
        process.start()
    try:
        first = _receive(messages, process)
        _raise_for(first)
        _kind, file_name, sheet_name, header_row, columns, last_row = first

        def rows() -> Iterator[tuple[int, Row]]:
            while True:
                message = _receive(messages, process)
                if message[0] == "rows":
                    yield from message[1]
                elif message[0] == "end":
                    return
                else:
                    _raise_for(message)

        yield Table(file_name, sheet_name, header_row, columns, rows(), last_row)
    finally:
        stop.set()
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover - a reader stuck in a damaged file
            process.terminate()
            process.join()
        messages.close()
