"""The programme as data: SQLAlchemy 2 typed ORM, one module per aggregate, no Qt."""

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

__all__ = [
    "Attendance",
    "AuditEvent",
    "Base",
    "BilanAttendance",
    "BilanGroup",
    "BilanMember",
    "BilanPart",
    "BilanSession",
    "ChecklistTemplate",
    "ChecklistTemplateItem",
    "Cohort",
    "Contract",
    "Employer",
    "EmployerContact",
    "Enrolment",
    "Entity",
    "ExportLog",
    "FollowUpVisit",
    "InfoSession",
    "InterviewChecklistItem",
    "JobOffer",
    "Outcome",
    "Outreach",
    "Participant",
    "ProfessionalProject",
    "ProspectingEvent",
    "RecruitmentInterview",
    "Referral",
    "Reminder",
    "SelectionInterview",
    "SkillAssessment",
    "new_id",
    "utcnow",
]
