"""busmodel: Swedish municipal collaboration agreements (BUS) as typed, immutable values.

Load an agreement document, work with it as frozen attrs classes, check it::

    >>> import busmodel, datetime as dt
    >>> str(busmodel.mandate_period(dt.date(2024, 5, 1)))
    '2023–2026'
"""

import typing

import attrs

from busmodel._version import __version__ as __version__
from busmodel.format import (
    SCHEMA,
    SUPPORTED_SCHEMAS,
    Document,
    DocumentError,
    Format,
    Loaded,
    Position,
    Positions,
    Problem,
    Registry,
    dump,
    dumps,
    load,
    load_agreement,
    load_records,
    loads,
    read,
)
from busmodel.model import (
    Adoption,
    Agreement,
    AgreementKind,
    Assignment,
    AssignmentStatus,
    Body,
    BodyKind,
    BusmodelError,
    Cadence,
    ChairRule,
    ChairTerm,
    Convention,
    Decision,
    Duty,
    Evaluation,
    Exemption,
    Extension,
    FollowUp,
    Forum,
    ForumLevel,
    ForumScope,
    Frequency,
    Lang,
    MandatePeriod,
    Meeting,
    MeetingKind,
    Member,
    ModelError,
    Municipality,
    Period,
    Person,
    Precision,
    Records,
    ReportRecord,
    Review,
    ReviewRecord,
    Signature,
    Text,
    Validity,
    ValidityBasis,
    Window,
    election_day,
    mandate_period,
)
from busmodel.validation import (
    ENTRY_POINT_GROUP,
    Batch,
    Catalogue,
    Context,
    Documents,
    Example,
    Exempted,
    Finding,
    Issue,
    Message,
    Need,
    Options,
    Report,
    Rule,
    RuleError,
    Severity,
    Skip,
    Skipped,
    Snippet,
    register,
    rule,
    rules,
    unregister,
    validate,
    validate_paths,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "SCHEMA",
    "SUPPORTED_SCHEMAS",
    "Adoption",
    "Agreement",
    "AgreementKind",
    "Assignment",
    "AssignmentStatus",
    "Batch",
    "Body",
    "BodyKind",
    "BusmodelError",
    "Cadence",
    "Catalogue",
    "ChairRule",
    "ChairTerm",
    "Context",
    "Convention",
    "Decision",
    "Document",
    "DocumentError",
    "Documents",
    "Duty",
    "Evaluation",
    "Example",
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
    "Loaded",
    "MandatePeriod",
    "Meeting",
    "MeetingKind",
    "Member",
    "Message",
    "ModelError",
    "Municipality",
    "Need",
    "Options",
    "Period",
    "Person",
    "Position",
    "Positions",
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
    "Snippet",
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
    "read",
    "register",
    "rule",
    "rules",
    "unregister",
    "validate",
    "validate_paths",
]


def _publish() -> None:
    """Show the public module, ``busmodel``, in every public class's and function's name.

    Reprs, tracebacks, pickles and docs then say ``busmodel.Agreement`` rather than
    the private module that defines it, as ``tomllib`` does for its error.
    """
    for name in __all__:
        value = globals()[name]
        if not callable(value) or not getattr(value, "__module__", "").startswith("busmodel."):
            continue
        if isinstance(value, type) and "__annotations__" in vars(value):
            # typing.get_type_hints (and so cattrs) evaluates string annotations in the
            # namespace of __module__: resolve them first, where they were written.
            value.__annotations__ = typing.get_type_hints(value, localns=globals())
            if attrs.has(value):
                attrs.resolve_types(value)
        value.__module__ = __name__


_publish()
