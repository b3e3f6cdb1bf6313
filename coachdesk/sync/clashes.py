"""What a laptop holds that the team's data would collide with when it joins (no Qt).

Joining copies the team's promotions next to the laptop's own. A promotion's name is unique on
the laptop, so a team promotion with the name of a different local one cannot be received: the
coach is told which one and what to do before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import UserError
from coachdesk.models.base import canonical_id


def clashing_promotion(session: Session, team_cohorts: Iterable[dict[str, Any]]) -> str | None:
    """The first local promotion named like a different promotion of the team, or None."""
    from coachdesk.models import Cohort

    team = {str(row["name"]): canonical_id(row["id"]) for row in team_cohorts
            if row.get("name") is not None}
    if not team:
        return None
    local = session.execute(select(Cohort.id, Cohort.name)
                            .where(Cohort.name.in_(sorted(team)))
                            .order_by(Cohort.name)).all()
    for cohort_id, name in local:
        if canonical_id(cohort_id) != team[name]:
            return str(name)
    return None


def clash_error(name: str, *, code_kept: bool) -> UserError:
    """What the coach reads: which promotion, and whether the same code still serves."""
    then = ("puis relancez l'adhésion avec le même code d'accès : il reste valable."
            if code_kept else
            "puis demandez un nouveau code d'accès au responsable de l'équipe pour la "
            "rejoindre.")
    return UserError(
        f"Impossible de rejoindre l'équipe : la promotion « {name} » de ce portable "
        "porte le même nom qu'une promotion de l'équipe. Rien n'a été modifié sur ce "
        "portable.",
        hint=f"Renommez « {name} » sur ce portable (Promotion ▸ Paramètres de la "
        f"promotion…), {then}",
    )
