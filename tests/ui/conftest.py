"""What the window's tests share beyond tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """After a test, pytest-qt closes the windows it left open. A form left with changes then
    asks whether to lose them (as it would ask a coach) and would wait for an answer nobody
    gives: during that clean-up only, questions are answered without a dialog."""
    from coachdesk.ui.widgets import messages

    quiet = messages.quiet
    messages.quiet = True
    try:
        return (yield)
    finally:
        messages.quiet = quiet
