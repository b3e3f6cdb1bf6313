"""The programme as data: SQLAlchemy 2 typed ORM, one module per aggregate, no Qt.

Names are loaded on first use (PEP 562), so ``from coachdesk.models import codes`` — the
vocabularies the window needs at start-up — does not import SQLAlchemy. Asking for ``Base``
loads every model module, so its metadata always holds the whole schema.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_MODULE_OF = {
    "Base": "base",
    "Entity": "base",
    "new_id": "base",
    "utcnow": "base",
    "BilanAttendance": "bilan",
    "BilanGroup": "bilan",
    "BilanMember": "bilan",
    "BilanPart": "bilan",
    "BilanSession": "bilan",
    "ProfessionalProject": "bilan",
    "SkillAssessment": "bilan",
    "AuditEvent": "contracts",
    "Contract": "contracts",
    "Enrolment": "contracts",
    "ExportLog": "contracts",
    "FollowUpVisit": "contracts",
    "Outcome": "contracts",
    "Employer": "employers",
    "EmployerContact": "employers",
    "JobOffer": "employers",
    "ProspectingEvent": "employers",
    "ChecklistTemplate": "placement",
    "ChecklistTemplateItem": "placement",
    "InterviewChecklistItem": "placement",
    "RecruitmentInterview": "placement",
    "Referral": "placement",
    "Cohort": "programme",
    "Participant": "programme",
    "Reminder": "programme",
    "Attendance": "recruitment",
    "InfoSession": "recruitment",
    "Outreach": "recruitment",
    "SelectionInterview": "recruitment",
}
_TABLE_MODULES = ("programme", "recruitment", "bilan", "employers", "placement", "contracts")

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module_name = _MODULE_OF.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name == "Base":
        for table_module in _TABLE_MODULES:
            importlib.import_module(f"{__name__}.{table_module}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from coachdesk.models.base import Base, Entity, new_id, utcnow
    from coachdesk.models.bilan import (
        BilanAttendance,
        BilanGroup,
        BilanMember,
        BilanPart,
        BilanSession,
        ProfessionalProject,
        SkillAssessment,
    )
    from coachdesk.models.contracts import (
        AuditEvent,
        Contract,
        Enrolment,
        ExportLog,
        FollowUpVisit,
        Outcome,
    )
    from coachdesk.models.employers import Employer, EmployerContact, JobOffer, ProspectingEvent
    from coachdesk.models.placement import (
        ChecklistTemplate,
        ChecklistTemplateItem,
        InterviewChecklistItem,
        RecruitmentInterview,
        Referral,
    )
    from coachdesk.models.programme import Cohort, Participant, Reminder
    from coachdesk.models.recruitment import Attendance, InfoSession, Outreach, SelectionInterview
