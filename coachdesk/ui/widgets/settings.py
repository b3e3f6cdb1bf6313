"""CoachDesk's settings file (window geometry, idle lock, backups, the last export folder).

It lives in the config folder (portable mode keeps it on the key) and holds no personal data:
folders, durations and window sizes only.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from coachdesk import paths


def settings() -> QSettings:
    """The settings file, ready to read and write (call ``sync()`` after writing).

    The file is private (``0600``): made so before Qt first writes it, which keeps the mode of
    the file it replaces; a file left ``0644`` by an older version is tightened.
    """
    from coachdesk.files import create_private, tighten

    path = paths.config_dir() / "coachdesk.ini"
    try:
        create_private(path)
    except FileExistsError:
        tighten(path)
    except OSError:  # a read-only settings folder: Qt keeps the settings in memory
        pass
    return QSettings(str(path), QSettings.Format.IniFormat)
