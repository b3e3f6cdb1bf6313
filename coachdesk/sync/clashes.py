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


def check_promotion_names(session: Session, team_cohorts: Iterable[dict[str, Any]]) -> None:
    """Raise a French ``UserError`` naming the first local promotion the team also has.

    ``team_cohorts`` are the team's cohort rows as received (``id`` and ``name``). The same
    promotion (same id) on both sides is no clash: it is the team's own, received again.
    """
    from coachdesk.models import Cohort

    team = {str(row["name"]): canonical_id(row["id"]) for row in team_cohorts
            if row.get("name") is not None}
    if not team:
        return
    local = session.execute(select(Cohort.id, Cohort.name)
                            .where(Cohort.name.in_(sorted(team)))
                            .order_by(Cohort.name)).all()
    for cohort_id, name in local:
        if canonical_id(cohort_id) != team[name]:
            raise UserError(
                f"Impossible de rejoindre l'équipe : la promotion « {name} » de ce portable "
                "porte le même nom qu'une promotion de l'équipe. Rien n'a été modifié sur ce "
                "portable.",
                hint=f"Renommez « {name} » sur ce portable (Promotion ▸ Paramètres de la "
                "promotion…), puis demandez un nouveau code d'accès au responsable de "
                "l'équipe pour la rejoindre.",
            )
