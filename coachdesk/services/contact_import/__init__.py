"""Importing the contact files as they really come (university, Mission Locale): no Qt.

* :func:`preview_table` — the header, columns (recognised or not) and first rows, for the wizard;
* :func:`import_contacts` — the import itself, one transaction, with progress and cancellation.
"""

from coachdesk.services.contact_import.checks import (
    Duplicate,
    ImportReport,
    Rejection,
    RowWarning,
)
from coachdesk.services.contact_import.columns import FIELDS, recognise
from coachdesk.services.contact_import.importer import ImportCancelled, import_contacts
from coachdesk.services.contact_import.reader import (
    Column,
    Preview,
    Table,
    open_table,
    preview_table,
)

__all__ = [
    "FIELDS",
    "Column",
    "Duplicate",
    "ImportCancelled",
    "ImportReport",
    "Preview",
    "Rejection",
    "RowWarning",
    "Table",
    "import_contacts",
    "open_table",
    "preview_table",
    "recognise",
]
