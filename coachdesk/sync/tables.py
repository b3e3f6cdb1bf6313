"""Which tables a team shares, and who may see each row (shared by laptop and server).

* **Person-scoped** tables hold a young person and everything about them. A row belongs to
  the structure of its person (and to the person's promotion, for coaches limited to some
  promotions); the server's row-level security shows it only to coaches of that scope.
* **Team-wide** tables (promotions, employers, offers, checklists, letter templates, the
  coaches' and training bodies' records…) are seen by every coach of the team.
* **Local** tables never leave the laptop (its export log, its audit log, the sync tables,
  and the documents' files, too big for the team protocol).

A new table must be placed in one of these groups (a test fails until it is).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Person-scoped table → (column pointing at its parent, parent table); the person is the root.
PERSON_SCOPED: dict[str, tuple[str, str] | None] = {
    "participant": None,
    "reminder": ("participant_id", "participant"),
    "journal_entry": ("participant_id", "participant"),
    "outreach": ("participant_id", "participant"),
    "attendance": ("participant_id", "participant"),
    "selection_interview": ("participant_id", "participant"),
    "bilan_member": ("participant_id", "participant"),
    "bilan_attendance": ("participant_id", "participant"),
    "skill_assessment": ("participant_id", "participant"),
    "professional_project": ("participant_id", "participant"),
    "referral": ("participant_id", "participant"),
    "enrolment": ("participant_id", "participant"),
    "contract": ("participant_id", "participant"),
    "outcome": ("participant_id", "participant"),
    "follow_up_visit": ("contract_id", "contract"),
    # A coach's acknowledgement of a contract alert: the whole team then sees the alert set
    # aside (with why), not only the laptop where it was acknowledged.
    "contract_alert_ack": ("contract_id", "contract"),
    # The training followed (rhythm, result), its absences and its assessments.
    "training": ("participant_id", "participant"),
    "training_absence": ("training_id", "training"),
    "training_assessment": ("training_id", "training"),
    "recruitment_interview": ("referral_id", "referral"),
    "interview_checklist_item": ("interview_id", "recruitment_interview"),
}

TEAM_WIDE: tuple[str, ...] = (
    "coach",
    "training_body",
    "cohort",
    "cohort_coach",
    "employer",
    "employer_contact",
    "prospecting_event",
    "job_offer",
    "info_session",
    "bilan_group",
    "bilan_part",
    "bilan_session",
    "checklist_template",
    "checklist_template_item",
    # Letter templates hold no person: the same invitations on every laptop of the team.
    "letter_template",
)

LOCAL_ONLY: tuple[str, ...] = (
    "database_identity",
    # Documents (their bytes) stay on the laptop that received them in this version: the
    # team protocol carries rows of a few hundred bytes, not files of up to 20 MB.
    "document",
    "document_content",
    "export_log",
    "audit_event",
    "sync_state",
    "sync_outbox",
    "sync_conflict",
    "sync_erased",
)

SYNCED: frozenset[str] = frozenset(PERSON_SCOPED) | frozenset(TEAM_WIDE)

# Bookkeeping columns: merged by clock without ever making a conflict.
SILENT_COLUMNS: frozenset[str] = frozenset({"created_at", "updated_at"})

# Columns only the server changes: a person's structure moves by an explicit act.
SERVER_MANAGED: dict[str, frozenset[str]] = {"participant": frozenset({"structure_id"})}


def _participant_search(row: dict[str, Any]) -> str:
    from coachdesk.services.text import participant_search_text

    return participant_search_text(
        row.get("last_name") or "", row.get("first_name") or "", row.get("phone") or "",
        row.get("email") or "",
    )


def _employer_search(row: dict[str, Any]) -> str:
    from coachdesk.services.text import employer_search_text

    return employer_search_text(row.get("name") or "", row.get("city") or "", row.get("siret"))


# Columns computed from others: recomputed after a merge, never a conflict of their own.
DERIVED: dict[str, tuple[str, frozenset[str], Callable[[dict[str, Any]], str]]] = {
    "participant": (
        "search_text",
        frozenset({"last_name", "first_name", "phone", "email"}),
        _participant_search,
    ),
    "employer": ("search_text", frozenset({"name", "city", "siret"}), _employer_search),
}


def person_descendants() -> dict[str, list[tuple[str, str]]]:
    """Parent table → the person-scoped tables pointing at it, each with its pointing column."""
    children: dict[str, list[tuple[str, str]]] = {}
    for table, link in PERSON_SCOPED.items():
        if link is not None:
            column, parent = link
            children.setdefault(parent, []).append((table, column))
    return children


def dependency_rank() -> dict[str, int]:
    """Synced table → its place in foreign-key order (parents first)."""
    from coachdesk.models import Base

    order = [t.name for t in Base.metadata.sorted_tables if t.name in SYNCED]
    return {name: index for index, name in enumerate(order)}
