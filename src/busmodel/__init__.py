"""busmodel: Swedish municipal collaboration agreements (BUS) as typed, immutable values.

Load an agreement document, work with it as frozen attrs classes, check it::

    >>> import busmodel, datetime as dt
    >>> str(busmodel.mandate_period(dt.date(2024, 5, 1)))
    '2023–2026'
"""

from busmodel._agreement import (
    Adoption,
    Agreement,
    AgreementKind,
    ChairRule,
    ChairTerm,
    Decision,
    Exemption,
    Extension,
    Precision,
    Review,
    Signature,
    Validity,
    ValidityBasis,
)
from busmodel._bodies import Body, BodyKind, Municipality, Person
from busmodel._catalogue import (
    ENTRY_POINT_GROUP,
    Context,
    Issue,
    Need,
    Options,
    Rule,
    Skip,
    register,
    rule,
    rules,
    unregister,
)
from busmodel._document import (
    SCHEMA,
    SUPPORTED_SCHEMAS,
    Document,
    Format,
    dump,
    dumps,
    load,
    load_agreement,
    load_records,
    loads,
)
from busmodel._errors import BusmodelError, DocumentError, ModelError, Problem
from busmodel._findings import Exempted, Finding, Report, Severity, Skipped
from busmodel._forums import (
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
from busmodel._mandate import Convention, MandatePeriod, election_day, mandate_period
from busmodel._period import Period
from busmodel._records import (
    Evaluation,
    Meeting,
    MeetingKind,
    Records,
    ReportRecord,
    ReviewRecord,
)
from busmodel._registry import Registry
from busmodel._text import Lang, Text
from busmodel._validate import RuleError, validate

__all__ = [
    "ENTRY_POINT_GROUP",
    "SCHEMA",
    "SUPPORTED_SCHEMAS",
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
    "Context",
    "Convention",
    "Decision",
    "Document",
    "DocumentError",
    "Duty",
    "Evaluation",
    "Exempted",
    "Exemption",
    "Extension",
    "Finding",
    "FollowUp",
    "Format",
    "Forum",
    "ForumLevel",
    "ForumScope",
    "Frequency",
    "Issue",
    "Lang",
    "MandatePeriod",
    "Meeting",
    "MeetingKind",
    "Member",
    "ModelError",
    "Municipality",
    "Need",
    "Options",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Records",
    "Registry",
    "Report",
    "ReportRecord",
    "Review",
    "ReviewRecord",
    "Rule",
    "RuleError",
    "Severity",
    "Signature",
    "Skip",
    "Skipped",
    "Text",
    "Validity",
    "ValidityBasis",
    "Window",
    "dump",
    "dumps",
    "election_day",
    "load",
    "load_agreement",
    "load_records",
    "loads",
    "mandate_period",
    "register",
    "rule",
    "rules",
    "unregister",
    "validate",
]

__version__ = "0.1.0.dev0"
