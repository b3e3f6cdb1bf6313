"""Nothing greyed out without saying why.

A button or an action that cannot be used now says what is missing, in its tooltip and in
the status bar (its status tip) — « Il n'y a pas encore de promotion… » — and gets its own
tooltip back once it can be used.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

# Where the usual tooltip is kept while the reason for the grey shows instead.
_USUAL_TIP = "coachdeskUsualTip"


def explain_enabled(target: QWidget | QAction, enabled: bool, why: str) -> None:
    """Enable ``target``, or disable it saying ``why`` (a complete French sentence)."""
    usual = target.property(_USUAL_TIP)
    if usual is None:
        usual = target.toolTip()
        if isinstance(target, QAction) and usual == target.text().replace("&", ""):
            usual = ""  # Qt's default tooltip of an action is its text
        target.setProperty(_USUAL_TIP, usual)
    target.setEnabled(enabled)
    target.setToolTip(usual if enabled else why)
    target.setStatusTip(usual if enabled else why)
