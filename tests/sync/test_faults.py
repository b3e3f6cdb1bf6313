"""Randomised fault injection with real kills of laptop and server processes (case 11).

``COACHDESK_FAULT_RUNS`` sets the number of runs (100 by default, as in CI);
``benchmarks/sync_faults.py`` runs 1,000.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.sync.faults import run_campaign

pytestmark = pytest.mark.faults


def test_random_cuts_duplicates_reorderings_and_kills_lose_no_edit(
    team_server: Any, tmp_path: Path
) -> None:
    runs = int(os.environ.get("COACHDESK_FAULT_RUNS", "100"))
    seed = int(os.environ.get("COACHDESK_FAULT_SEED", "20101231"))
    result = run_campaign(runs, seed, team_server.engine, team_server.database_url, tmp_path)
    assert result.runs == runs
    # The faults really happened, and the invariants held through them (checked per run).
    assert result.laptop_kills > 0 and result.failed_syncs > 0
    assert set(result.faults) == {"drop_before", "drop_after", "duplicate", "delay"}
    if runs >= 50:
        assert result.server_kills > 0 and result.created > 0
    print(f"fault injection: {result}")
