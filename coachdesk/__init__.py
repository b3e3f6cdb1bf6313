"""CoachDesk: the coaches' desktop tool, from the dropouts' contact file to a lasting contract."""

# The one place the version is written (pyproject.toml reads it from here). Reading it from the
# package metadata instead would cost ~90 ms of start-up.
__version__ = "0.1.0"

import logging as _logging

# Library practice: nothing is printed unless the application sets up its log file.
_logging.getLogger("coachdesk").addHandler(_logging.NullHandler())
