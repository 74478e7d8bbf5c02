"""busmodel: Swedish municipal collaboration agreements (BUS) as typed, immutable values.

Load an agreement document, work with it as frozen attrs classes, check it::

    >>> import busmodel, datetime as dt
    >>> str(busmodel.mandate_period(dt.date(2024, 5, 1)))
    '2023–2026'

``import busmodel`` loads the model layer; the format and validation layers load on
the first use of one of their names (``busmodel.loads``, ``busmodel.validate``).
"""

import importlib
import threading
import typing

import attrs

from busmodel._version import __version__ as __version__
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
    DocumentState,
    Due,
    DueKind,
    Duty,
    Evaluation,
    Exemption,
    Extension,
    Extensions,
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
    PlannedMeeting,
    Precision,
    Records,
    ReportRecord,
    Review,
    ReviewRecord,
    Signature,
    Standing,
    Status,
    Text,
    Validity,
    ValidityBasis,
    Window,
    WindowStatus,
    election_day,
    extend,
    mandate_period,
    plan,
    renew,
    status,
)

if typing.TYPE_CHECKING:
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
        to_ical,
    )
    from busmodel.validation import (
        ENTRY_POINT_GROUP,
        Batch,
        Catalogue,
        Context,
        Documents,
        DocumentsRead,
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
        read_paths,
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
    "DocumentState",
    "Documents",
    "DocumentsRead",
    "Due",
    "DueKind",
    "Duty",
    "Evaluation",
    "Example",
    "Exempted",
    "Exemption",
    "Extension",
    "Extensions",
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
    "PlannedMeeting",
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
    "Standing",
    "Status",
    "Text",
    "Validity",
    "ValidityBasis",
    "Window",
    "WindowStatus",
    "dump",
    "dumps",
    "election_day",
    "extend",
    "load",
    "load_agreement",
    "load_records",
    "loads",
    "mandate_period",
    "plan",
    "read",
    "read_paths",
    "register",
    "renew",
    "rule",
    "rules",
    "status",
    "to_ical",
    "unregister",
    "validate",
    "validate_paths",
]

_LAZY: typing.Final[dict[str, tuple[str, ...]]] = {
    "busmodel.format": (
        "SCHEMA",
        "SUPPORTED_SCHEMAS",
        "Document",
        "DocumentError",
        "Format",
        "Loaded",
        "Position",
        "Positions",
        "Problem",
        "Registry",
        "dump",
        "dumps",
        "load",
        "load_agreement",
        "load_records",
        "loads",
        "read",
        "to_ical",
    ),
    "busmodel.validation": (
        "ENTRY_POINT_GROUP",
        "Batch",
        "Catalogue",
        "Context",
        "Documents",
        "DocumentsRead",
        "Example",
        "Exempted",
        "Finding",
        "Issue",
        "Message",
        "Need",
        "Options",
        "Report",
        "Rule",
        "RuleError",
        "Severity",
        "Skip",
        "Skipped",
        "Snippet",
        "read_paths",
        "register",
        "rule",
        "rules",
        "unregister",
        "validate",
        "validate_paths",
    ),
}
"""The names of the layers that ``import busmodel`` leaves until first asked for (PEP 562),
each layer after the layers it builds on."""
_LAYER_OF: typing.Final = {name: layer for layer, names in _LAZY.items() for name in names}
_LAYER_OF.update({layer.rpartition(".")[2]: layer for layer in _LAZY})
_loaded: set[str] = set()
"""The lazy layers whose names are published here."""
_loading: typing.Final = threading.Lock()
"""Held while a lazy layer's names are published, so that no thread sees them half done."""


def _publish(names: dict[str, object], namespace: dict[str, object]) -> None:
    """Show the public module, ``busmodel``, in every public class's and function's name.

    Reprs, tracebacks, pickles and docs then say ``busmodel.Agreement`` rather than
    the private module that defines it, as ``tomllib`` does for its error.
    ``namespace`` holds the names string annotations may use besides those of the
    module that wrote them.
    """
    public = [
        value
        for value in names.values()
        if callable(value) and getattr(value, "__module__", "").startswith("busmodel.")
    ]
    # typing.get_type_hints (and so cattrs) evaluates string annotations in the
    # namespace of __module__: resolve them first, where they were written.
    annotated: list[type] = [
        value for value in public if isinstance(value, type) and "__annotations__" in vars(value)
    ]
    for cls in annotated:
        cls.__annotations__ = typing.get_type_hints(cls, localns=namespace)
        if attrs.has(cls):
            attrs.resolve_types(cls)
    for value in public:
        value.__module__ = __name__


def _load(layer: str) -> None:
    """Import ``layer`` and publish its names here, after the layers it builds on.

    The import runs outside the lock (importlib's own module lock serialises it, and a
    module the layer imports may itself ask for a name here); the names are published
    under the lock and only then made visible, all at once.
    """
    for lower in _LAZY:
        if lower == layer:
            break
        _load(lower)
    module = importlib.import_module(layer)
    with _loading:
        if layer in _loaded:
            return
        names = {name: getattr(module, name) for name in _LAZY[layer]}
        _publish(names, {**globals(), **names})
        globals().update(names)
        _loaded.add(layer)


def _lazy_attribute(name: str) -> object:
    """A name of a layer that ``import busmodel`` did not load, loaded now (PEP 562)."""
    layer = _LAYER_OF.get(name)
    if layer is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _load(layer)
    return globals()[name]


if not typing.TYPE_CHECKING:
    # Only at run time: a module-level __getattr__ would make mypy accept any name.
    __getattr__ = _lazy_attribute


def __dir__() -> list[str]:
    """The module's names, with those of the layers not loaded yet."""
    return sorted({*globals(), *_LAYER_OF})


_publish({name: globals()[name] for name in __all__ if name in globals()}, globals())
