"""The model layer: agreements and records as values, with their invariants.

Bodies, forums, chair rules, validity, mandate periods and the Swedish calendar.
Nothing here reads a file or knows a rule: the layers above (``busmodel.format``,
``busmodel.validation``, ``busmodel.cli``) build on it, never the reverse.
"""

from busmodel.model._agreement import (
    Adoption,
    Agreement,
    AgreementKind,
    ChairRule,
    ChairTerm,
    Decision,
    DocumentState,
    Exemption,
    Extension,
    Precision,
    Review,
    Signature,
    Validity,
    ValidityBasis,
)
from busmodel.model._bodies import Body, BodyKind, Municipality, Person
from busmodel.model._errors import BusmodelError, ModelError
from busmodel.model._forums import (
    Assignment,
    AssignmentStatus,
    Cadence,
    Duty,
    FollowUp,
    Forum,
    ForumLevel,
    ForumScope,
    Frequency,
    Member,
    Window,
)
from busmodel.model._lifetime import Extensions, prolonged
from busmodel.model._mandate import Convention, MandatePeriod, election_day, mandate_period
from busmodel.model._period import Period
from busmodel.model._plan import PlannedMeeting, plan
from busmodel.model._records import (
    Evaluation,
    Meeting,
    MeetingKind,
    Records,
    ReportRecord,
    ReviewRecord,
)
from busmodel.model._renewal import extend, renew
from busmodel.model._status import (
    Due,
    DueKind,
    Standing,
    Status,
    WindowStatus,
    status,
)
from busmodel.model._text import Lang, Text

__all__ = [
    "Adoption",
    "Agreement",
    "AgreementKind",
    "Assignment",
    "AssignmentStatus",
    "Body",
    "BodyKind",
    "BusmodelError",
    "Cadence",
    "ChairRule",
    "ChairTerm",
    "Convention",
    "Decision",
    "DocumentState",
    "Due",
    "DueKind",
    "Duty",
    "Evaluation",
    "Exemption",
    "Extension",
    "Extensions",
    "FollowUp",
    "Forum",
    "ForumLevel",
    "ForumScope",
    "Frequency",
    "Lang",
    "MandatePeriod",
    "Meeting",
    "MeetingKind",
    "Member",
    "ModelError",
    "Municipality",
    "Period",
    "Person",
    "PlannedMeeting",
    "Precision",
    "Records",
    "ReportRecord",
    "Review",
    "ReviewRecord",
    "Signature",
    "Standing",
    "Status",
    "Text",
    "Validity",
    "ValidityBasis",
    "Window",
    "WindowStatus",
    "election_day",
    "extend",
    "mandate_period",
    "plan",
    "prolonged",
    "renew",
    "status",
]
