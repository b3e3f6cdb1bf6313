"""CoachDesk: the coaches' desktop tool, from the dropouts' contact file to a lasting contract."""

# The one place the version is written (pyproject.toml reads it from here). Reading it from the
# package metadata instead would cost ~90 ms of start-up.
__version__ = "0.1.0"
