"""A warning sent through Python's logging fails the test that caused it (tests/conftest.py)."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import _no_logged_warnings


class _Test:
    """A test with its markers, as the check sees it."""

    def __init__(self, expects_warning: bool) -> None:
        self.expects_warning = expects_warning

    def get_closest_marker(self, name: str) -> object | None:
        return object() if self.expects_warning and name == "logs_warning" else None


@pytest.mark.logs_warning  # this test logs on purpose, inside the checks it looks at
def test_a_logged_warning_fails_unless_the_test_expects_it() -> None:
    with (
        pytest.raises(pytest.fail.Exception, match="Sauvegarde automatique impossible"),
        _no_logged_warnings(_Test(expects_warning=False)),
    ):
        logging.getLogger("coachdesk.test").warning("Sauvegarde automatique impossible")
    with _no_logged_warnings(_Test(expects_warning=True)):
        logging.getLogger("coachdesk.test").error("attendu")
    with _no_logged_warnings(_Test(expects_warning=False)):
        logging.getLogger("coachdesk.test").info("une information ne compte pas")
