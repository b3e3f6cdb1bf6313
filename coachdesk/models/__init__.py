"""The programme as data: SQLAlchemy 2 typed ORM, one module per aggregate, no Qt.

Names are loaded on first use (PEP 562), so ``from coachdesk.models import codes`` — the
vocabularies the window needs at start-up — does not import SQLAlchemy. Asking for ``Base``
or any model loads every model module, so the metadata always holds the whole schema.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_MODULE_OF = {
    "Base": "base",
    "canonical_id": "base",
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
    "ContractAlertAck": "contracts",
    "Enrolment": "contracts",
    "ExportLog": "contracts",
    "FollowUpVisit": "contracts",
    "Outcome": "contracts",
    "Employer": "employers",
    "EmployerContact": "employers",
    "JobOffer": "employers",
    "JournalEntry": "journal",
    "ProspectingEvent": "employers",
    "ChecklistTemplate": "placement",
    "ChecklistTemplateItem": "placement",
    "InterviewChecklistItem": "placement",
    "RecruitmentInterview": "placement",
    "Referral": "placement",
    "Coach": "organisation",
    "Cohort": "programme",
    "LetterTemplate": "letters",
    "CohortCoach": "programme",
    "DatabaseIdentity": "identity",
    "Document": "documents",
    "DocumentContent": "documents",
    "Participant": "programme",
    "Reminder": "programme",
    "Attendance": "recruitment",
    "InfoSession": "recruitment",
    "Outreach": "recruitment",
    "SelectionInterview": "recruitment",
    "SyncConflict": "sync",
    "SyncErased": "sync",
    "SyncOutboxOp": "sync",
    "SyncState": "sync",
    "TrainingBody": "organisation",
    "Training": "training",
    "TrainingAbsence": "training",
    "TrainingAssessment": "training",
}
_TABLE_MODULES = (
    "organisation", "programme", "recruitment", "bilan", "employers", "placement", "contracts",
    "identity", "sync", "training", "letters", "documents", "journal",
)

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module_name = _MODULE_OF.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module_name != "base" or name == "Base":
        # A model's foreign keys name tables of other modules (a person's coach, a promotion's
        # training body): whoever asks for one model gets the whole schema mapped, or the first
        # flush fails on a table SQLAlchemy has never heard of.
        for table_module in _TABLE_MODULES:
            importlib.import_module(f"{__name__}.{table_module}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    # Redundant aliases mark these as re-exported for type checkers.
    from coachdesk.models.base import (
        Base as Base,
    )
    from coachdesk.models.base import (
        Entity as Entity,
    )
    from coachdesk.models.base import (
        canonical_id as canonical_id,
    )
    from coachdesk.models.base import (
        new_id as new_id,
    )
    from coachdesk.models.base import (
        utcnow as utcnow,
    )
    from coachdesk.models.bilan import (
        BilanAttendance as BilanAttendance,
    )
    from coachdesk.models.bilan import (
        BilanGroup as BilanGroup,
    )
    from coachdesk.models.bilan import (
        BilanMember as BilanMember,
    )
    from coachdesk.models.bilan import (
        BilanPart as BilanPart,
    )
    from coachdesk.models.bilan import (
        BilanSession as BilanSession,
    )
    from coachdesk.models.bilan import (
        ProfessionalProject as ProfessionalProject,
    )
    from coachdesk.models.bilan import (
        SkillAssessment as SkillAssessment,
    )
    from coachdesk.models.contracts import (
        AuditEvent as AuditEvent,
    )
    from coachdesk.models.contracts import (
        Contract as Contract,
    )
    from coachdesk.models.contracts import (
        ContractAlertAck as ContractAlertAck,
    )
    from coachdesk.models.contracts import (
        Enrolment as Enrolment,
    )
    from coachdesk.models.contracts import (
        ExportLog as ExportLog,
    )
    from coachdesk.models.contracts import (
        FollowUpVisit as FollowUpVisit,
    )
    from coachdesk.models.contracts import (
        Outcome as Outcome,
    )
    from coachdesk.models.documents import (
        Document as Document,
    )
    from coachdesk.models.documents import (
        DocumentContent as DocumentContent,
    )
    from coachdesk.models.employers import (
        Employer as Employer,
    )
    from coachdesk.models.employers import (
        EmployerContact as EmployerContact,
    )
    from coachdesk.models.employers import (
        JobOffer as JobOffer,
    )
    from coachdesk.models.employers import (
        ProspectingEvent as ProspectingEvent,
    )
    from coachdesk.models.identity import (
        DatabaseIdentity as DatabaseIdentity,
    )
    from coachdesk.models.journal import (
        JournalEntry as JournalEntry,
    )
    from coachdesk.models.letters import (
        LetterTemplate as LetterTemplate,
    )
    from coachdesk.models.organisation import (
        Coach as Coach,
    )
    from coachdesk.models.organisation import (
        TrainingBody as TrainingBody,
    )
    from coachdesk.models.placement import (
        ChecklistTemplate as ChecklistTemplate,
    )
    from coachdesk.models.placement import (
        ChecklistTemplateItem as ChecklistTemplateItem,
    )
    from coachdesk.models.placement import (
        InterviewChecklistItem as InterviewChecklistItem,
    )
    from coachdesk.models.placement import (
        RecruitmentInterview as RecruitmentInterview,
    )
    from coachdesk.models.placement import (
        Referral as Referral,
    )
    from coachdesk.models.programme import (
        Cohort as Cohort,
    )
    from coachdesk.models.programme import (
        CohortCoach as CohortCoach,
    )
    from coachdesk.models.programme import (
        Participant as Participant,
    )
    from coachdesk.models.programme import (
        Reminder as Reminder,
    )
    from coachdesk.models.recruitment import (
        Attendance as Attendance,
    )
    from coachdesk.models.recruitment import (
        InfoSession as InfoSession,
    )
    from coachdesk.models.recruitment import (
        Outreach as Outreach,
    )
    from coachdesk.models.recruitment import (
        SelectionInterview as SelectionInterview,
    )
    from coachdesk.models.sync import (
        SyncConflict as SyncConflict,
    )
    from coachdesk.models.sync import (
        SyncErased as SyncErased,
    )
    from coachdesk.models.sync import (
        SyncOutboxOp as SyncOutboxOp,
    )
    from coachdesk.models.sync import (
        SyncState as SyncState,
    )
    from coachdesk.models.training import (
        Training as Training,
    )
    from coachdesk.models.training import (
        TrainingAbsence as TrainingAbsence,
    )
    from coachdesk.models.training import (
        TrainingAssessment as TrainingAssessment,
    )
