"""Open a workbook in LibreOffice through its UNO API and print what a partner would see.

Run with the system Python that has Debian's ``python3-uno`` (not the project's virtual
environment)::

    /usr/bin/python3 tests/unit/libreoffice_uno.py WORKBOOK.xlsx SHEET CELL [PASSWORD]

The password, when given, is read from the environment variable ``WORKBOOK_PASSWORD`` rather
than the command line if the fourth argument is ``-``. Prints one JSON object: ``{"opened":
true, "text": "..."}`` with the text of ``CELL`` in ``SHEET``, or ``{"opened": false,
"error": "..."}`` when LibreOffice refuses the document. ``soffice`` runs headless with a
profile of its own (removed afterwards), so several runs and a coach's LibreOffice never meet.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

CONNECT_SECONDS = 60


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
            )
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def read_cell(workbook: Path, sheet: str, cell: str, password: str | None) -> dict[str, object]:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    pipe = f"coachdesk_test_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice", "--headless", "--invisible", "--norestore", "--nologo",
            "--nodefault", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context
        )
        properties = [_property("Hidden", True), _property("ReadOnly", True)]
        if password is not None:
            properties.append(_property("Password", password))
        try:
            document = desktop.loadComponentFromURL(
                workbook.resolve().as_uri(), "_blank", 0, tuple(properties)
            )
        except Exception as error:  # a UNO exception: LibreOffice refused the document
            return {"opened": False, "error": f"{type(error).__name__}: {error}"}
        if document is None:
            return {"opened": False, "error": "loadComponentFromURL returned nothing"}
        try:
            text = document.Sheets.getByName(sheet).getCellRangeByName(cell).getString()
            return {"opened": True, "text": text}
        finally:
            document.close(True)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    workbook, sheet, cell = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    password = sys.argv[4] if len(sys.argv) > 4 else None
    if password == "-":
        password = os.environ["WORKBOOK_PASSWORD"]
    print(json.dumps(read_cell(workbook, sheet, cell, password), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
