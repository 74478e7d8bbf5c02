"""Print a short summary of busmodel documents.

Usage: python examples/summary.py [PATHS...]

Without paths, every *.toml file next to this script is summarised. Each file
is read with busmodel.load; a file that cannot be read is reported on stderr
and makes the exit status 1, but the other files are still summarised.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import busmodel

EXAMPLES = Path(__file__).resolve().parent


def _body_name(agreement: busmodel.Agreement, body_id: str) -> str:
    body = agreement.body(body_id)
    return f"{body_id} (undeclared)" if body is None else f"{body.name} ({body_id})"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summarise_agreement(agreement: busmodel.Agreement) -> Iterator[str]:
    """Lines describing an agreement or a framework."""
    yield f"{agreement.id} ({agreement.kind.value}): {agreement.title}"
    if agreement.municipality is not None:
        code = agreement.municipality.code
        suffix = "" if code is None else f" ({code})"
        yield f"  municipality: {agreement.municipality.name}{suffix}"
    if agreement.framework is not None:
        yield f"  framework: {agreement.framework}"
    if agreement.members:
        yield f"  members: {_plural(len(agreement.members), 'municipality', 'municipalities')}"
    parties = ", ".join(_body_name(agreement, party) for party in agreement.parties) or "none"
    yield f"  parties: {parties}"
    if agreement.participants:
        yield f"  participants: {_plural(len(agreement.participants), 'body', 'bodies')}"
    if agreement.forums:
        yield "  forums:"
        for forum in agreement.forums:
            members = _plural(len(forum.members), "member")
            level = "" if forum.level is None else f" [{forum.level.value}]"
            scope = "" if forum.scope is None else f" ({forum.scope.value})"
            yield f"    - {forum.name}{level}{scope}: {members}"
    if agreement.validity is None:
        yield "  validity: not stated"
    else:
        validity = agreement.validity
        notice = (
            "" if validity.notice_months is None else f", notice {validity.notice_months} months"
        )
        yield f"  validity: {validity.period} ({validity.basis.value}{notice})"
    yield f"  signatures: {len(agreement.signatures)}, adoptions: {len(agreement.adoptions)}"


def summarise_records(records: busmodel.Records) -> Iterator[str]:
    """Lines describing a records document."""
    extra = sum(1 for m in records.meetings if m.kind is busmodel.MeetingKind.EXTRA)
    yield f"records for {records.agreement}"
    yield f"  meetings: {len(records.meetings)} ({extra} extra)"
    yield f"  evaluations: {len(records.evaluations)}"


def summarise(document: busmodel.Document) -> Iterator[str]:
    """Lines describing any document that busmodel.load returns."""
    if isinstance(document, busmodel.Records):
        yield from summarise_records(document)
    else:
        yield from summarise_agreement(document)


def main(argv: list[str] | None = None) -> int:
    """Summarise the documents named in ``argv`` (default: the examples)."""
    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(arg) for arg in args] if args else sorted(EXAMPLES.glob("*.toml"))
    status = 0
    for index, path in enumerate(paths):
        try:
            document = busmodel.load(path)
        except (busmodel.BusmodelError, OSError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            status = 1
            continue
        if index:
            print()
        print(f"== {path.name}")
        for line in summarise(document):
            print(line)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
