"""CoachDesk: the coaches' desktop tool, from the dropouts' contact file to a lasting contract."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coachdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

import logging as _logging

# Library practice: nothing is printed unless the application sets up its log file.
_logging.getLogger("coachdesk").addHandler(_logging.NullHandler())
