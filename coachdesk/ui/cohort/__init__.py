"""The Cohorte tab: the participants list, their file, the contact import, the call sheet, the
information sessions and the selection interviews."""
