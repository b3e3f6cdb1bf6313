"""CoachDesk's settings file (window geometry, idle lock, backups, the last export folder).

It lives in the config folder (portable mode keeps it on the key) and holds no personal data:
folders, durations and window sizes only.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from coachdesk import paths


def settings() -> QSettings:
    """The settings file, ready to read and write (call ``sync()`` after writing)."""
    return QSettings(str(paths.config_dir() / "coachdesk.ini"), QSettings.Format.IniFormat)
