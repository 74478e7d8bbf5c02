"""busmodel's costs as ratios to the floor and to the libraries a user would otherwise pick.

    python benchmarks/run.py [--quick] [--rounds N] [--json] [--chart docs/performance.svg]

Every figure is a ratio to a floor this machine sets in the same run, on the
same bytes, timed the same way: ``json.loads`` for reading JSON,
``tomllib.loads`` for reading TOML, ``json.dumps`` (compact, the C encoder) for
writing JSON. The peers read the same JSON into values with busmodel's
invariants (``benchmarks/peers/``): pydantic v2, msgspec and marshmallow.
``validate`` (all rules) is also given as a ratio to ``busmodel.loads`` of the
documents it checks.

The documents: the corrected Alingsås example
(``examples/alingsas-bus-2023-corrected.toml``), and records of 10, 1,000 and
100,000 meetings of its forums (``--quick``: not 100,000, few rounds and no
cold start, for a smoke test). Their ``validate`` is of the Alingsås agreement with those
records.

How it times: in CPU time of the process (``time.process_time``; for the cold
start, the CPU time of the child process), so that the time a shared machine
gives to other processes is not counted. Every subject of a document is timed
in each round, in an order that turns by one each round, so that a slow spell
falls on all of them alike; a round calls a subject enough times to take a few
milliseconds and drops each result at once (``for _ in range(n): f()``), the
way a caller that handles one document at a time does; a figure is the median
of the rounds. The garbage collector stays on, as it is for a user. Nothing
here asserts a time.

The error path: records of 10,000 meetings (``--quick``: 1,000), valid, then the
same text with every meeting broken one way (a date that is no date; an unknown
key) and with one meeting broken among them all, in JSON and in TOML. Each
broken text's ``loads`` (which raises :class:`busmodel.DocumentError` listing
every problem, each with its line and column; the count is checked before the
timing) is given as a ratio to ``busmodel.loads`` of the valid text in the same
format. These figures are measured first, before the larger documents are built.

The cold start is ``busmodel validate`` of the Alingsås example as written, as
a ratio to ``python -c pass``, and ``import busmodel`` less ``import attrs``,
each a new process, its bytecode cached.

``jsonschema`` and ``fastjsonschema`` are not among the peers: they need a JSON
Schema of ``busmodel/1``, which busmodel does not publish yet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Final, Protocol
from xml.sax.saxutils import escape

import attrs

ROOT: Final = Path(__file__).resolve().parent.parent
HERE: Final = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the peers live next to this script
    sys.path.insert(0, str(HERE))
if str(ROOT) not in sys.path:  # the framework is shared with the tests
    sys.path.insert(0, str(ROOT))

from tests.support.scaling_inputs import county_framework  # noqa: E402

import busmodel  # noqa: E402

EXAMPLE: Final = ROOT / "examples" / "alingsas-bus-2023-corrected.toml"
TODAY: Final = dt.date(2026, 11, 22)
SIZES: Final = (10, 1_000, 100_000)
QUICK_SIZES: Final = (10, 1_000)
ERROR_SIZE: Final = 10_000
FRAMEWORK_SIZE: Final = 400
"""Bodies in the county framework that ``validate`` is measured on: 50 municipalities."""
QUICK_ERROR_SIZE: Final = 1_000
PEER_MODULES: Final = ("with_pydantic", "with_msgspec", "with_marshmallow")
NO_SCHEMA: Final = (
    "jsonschema and fastjsonschema: not measured; they need a JSON Schema of busmodel/1, "
    "which busmodel does not publish yet"
)


class Peer(Protocol):
    """What a module in ``benchmarks/peers/`` offers."""

    NAME: str

    def load_agreement(self, text: str) -> object:
        """Read an agreement document from JSON text."""
        ...

    def load_records(self, text: str) -> object:
        """Read a records document from JSON text."""
        ...


def peers() -> tuple[Peer, ...]:
    """The peers whose library is installed (the ``bench`` extra), in a fixed order."""
    found: list[Peer] = []
    for name in PEER_MODULES:
        try:
            module: ModuleType = __import__(f"peers.{name}", fromlist=["NAME"])
        except ImportError:
            continue
        found.append(module)
    return tuple(found)


@attrs.frozen
class Document:
    """One benchmark document: its name, its JSON and TOML text, and its kind."""

    name: str
    kind: str
    """``agreement`` or ``records``."""
    json_text: str
    toml_text: str
    value: busmodel.Agreement | busmodel.Records


@attrs.frozen
class Subject:
    """One thing timed on a document."""

    figure: str
    """``loads``, ``validate``, ``dumps`` or ``toml``: the table it belongs to."""
    library: str
    run: Callable[[], object]


@attrs.frozen
class Measurement:
    """A median CPU time per call, and the floor's, of one subject on one document."""

    figure: str
    document: str
    library: str
    seconds: float
    floor: str
    floor_seconds: float

    @property
    def ratio(self) -> float:
        """The time as a multiple of the floor's."""
        return self.seconds / self.floor_seconds


def records_of(size: int, agreement: busmodel.Agreement) -> busmodel.Records:
    """Records of ``size`` meetings of the agreement's forums, on weekdays from 2023 on.

    Every seventh meeting is an extra one; each has one or two topics. The dates
    run through 2023-2026 and start over, so that every size stays in the
    agreement's period.
    """
    forums = [forum.id for forum in agreement.forums]
    first = dt.date(2023, 1, 2)
    span = (dt.date(2026, 12, 31) - first).days + 1
    meetings = []
    for index in range(size):
        day = first + dt.timedelta(days=(index * 3) % span)
        if day.weekday() >= 5:
            day -= dt.timedelta(days=day.weekday() - 4)
        topics = ["Lägesrapport från arbetsgruppen"]
        if index % 2:
            topics.append(f"Uppföljning av insats {index}")
        meetings.append(
            busmodel.Meeting(
                forums[index % len(forums)],
                day,
                busmodel.MeetingKind.EXTRA if index % 7 == 6 else busmodel.MeetingKind.REGULAR,
                topics,
            )
        )
    return busmodel.Records(agreement=agreement.id, meetings=meetings)


def documents(sizes: Sequence[int]) -> tuple[busmodel.Agreement, tuple[Document, ...]]:
    """The corrected Alingsås agreement, and the benchmark documents."""
    agreement = busmodel.load_agreement(EXAMPLE)
    values: list[tuple[str, busmodel.Agreement | busmodel.Records]] = [("alingsås", agreement)]
    values += [(f"records {size:,}", records_of(size, agreement)) for size in sizes]
    return agreement, tuple(
        Document(
            name,
            "agreement" if isinstance(value, busmodel.Agreement) else "records",
            busmodel.dumps(value, "json"),
            busmodel.dumps(value, "toml"),
            value,
        )
        for name, value in values
    )


def subjects(
    document: Document, agreement: busmodel.Agreement, agreement_text: str, found: Sequence[Peer]
) -> tuple[Subject, ...]:
    """Everything timed on ``document``: floors, busmodel, and the peers."""
    text, toml_text = document.json_text, document.toml_text
    plain = json.loads(text)
    chosen: list[Subject] = [
        Subject("loads", "json.loads", lambda: json.loads(text)),
        Subject("loads", "busmodel", lambda: busmodel.loads(text, "json")),
    ]
    for peer in found:
        load = peer.load_agreement if document.kind == "agreement" else peer.load_records
        chosen.append(Subject("loads", peer.NAME, lambda load=load: load(text)))  # type: ignore[misc]
    if isinstance(document.value, busmodel.Records):
        records = document.value
        chosen += [
            Subject(
                "validate",
                "busmodel.loads",
                lambda: (busmodel.loads(agreement_text, "json"), busmodel.loads(text, "json")),
            ),
            Subject(
                "validate",
                "busmodel",
                lambda: busmodel.validate(agreement, today=TODAY, records=records),
            ),
        ]
    else:
        chosen += [
            Subject("validate", "busmodel.loads", lambda: busmodel.loads(text, "json")),
            Subject("validate", "busmodel", lambda: busmodel.validate(agreement, today=TODAY)),
        ]
    value = document.value
    chosen += [
        Subject("dumps", "json.dumps", lambda: json.dumps(plain, ensure_ascii=False)),
        Subject("dumps", "busmodel", lambda: busmodel.dumps(value, "json")),
        Subject("dumps", "busmodel compact", lambda: busmodel.dumps(value, "json", compact=True)),
        Subject("toml", "tomllib.loads", lambda: tomllib.loads(toml_text)),
        Subject("toml", "busmodel", lambda: busmodel.loads(toml_text, "toml")),
    ]
    return tuple(chosen)


def framework_subjects(size: int) -> tuple[Subject, ...]:
    """``validate`` (all rules) of a county framework of ``size`` bodies, and its ``loads``.

    The names of its bodies differ only by their municipality: the worst case of
    NAM001 among real documents.
    """
    text = county_framework(size)
    framework = busmodel.loads(text, "json")
    assert isinstance(framework, busmodel.Agreement)
    return (
        Subject("validate", "busmodel.loads", lambda: busmodel.loads(text, "json")),
        Subject("validate", "busmodel", lambda: busmodel.validate(framework, today=TODAY)),
    )


_DATES: Final = {
    "json": re.compile(r'"date": "(\d{4})-(\d{2})-(\d{2})"'),
    "toml": re.compile(r"date = (\d{4})-(\d{2})-(\d{2})"),
}
_BAD_DATE: Final = {"json": r'"date": "\1-13-\3"', "toml": r'date = "\1-13-\3"'}
"""Month 13: text that looks like a date and is none."""
_FORUM: Final = {"json": '"forum": ', "toml": "{ forum = "}
_UNKNOWN_KEY: Final = {"json": '"room": "B12", "forum": ', "toml": '{ room = "B12", forum = '}


def broken_texts(text: str, fmt: busmodel.Format) -> dict[str, tuple[str, int]]:
    """Records ``text`` broken three ways, each with the number of problems it has.

    Every meeting's date made month 13; every meeting given an unknown key; and
    only the meeting in the middle given the bad date.
    """
    dates = list(_DATES[fmt].finditer(text))
    middle = dates[len(dates) // 2]
    one = text[: middle.start()] + middle.expand(_BAD_DATE[fmt]) + text[middle.end() :]
    return {
        "every date bad": (_DATES[fmt].sub(_BAD_DATE[fmt], text), len(dates)),
        "every meeting an unknown key": (
            text.replace(_FORUM[fmt], _UNKNOWN_KEY[fmt]),
            text.count(_FORUM[fmt]),
        ),
        "one date bad": (one, 1),
    }


def refused(text: str, fmt: busmodel.Format) -> tuple[busmodel.Problem, ...]:
    """The problems ``loads`` finds in ``text``, which it must refuse."""
    try:
        busmodel.loads(text, fmt)
    except busmodel.DocumentError as error:
        return error.problems
    raise AssertionError("a broken document was read")


def error_subjects(records: busmodel.Records, fmt: busmodel.Format) -> tuple[Subject, ...]:
    """``loads`` of the valid records (the floor), and of each way of breaking them.

    Every broken text is read once first, to check that every problem is listed
    with its line and column.
    """
    text = busmodel.dumps(records, fmt)
    chosen = [Subject("errors", "busmodel.loads", lambda: busmodel.loads(text, fmt))]
    for how, (broken, count) in broken_texts(text, fmt).items():
        problems = refused(broken, fmt)
        if len(problems) != count or any(p.line is None for p in problems):
            raise AssertionError(f"{how}: {len(problems)} problems, not {count} located ones")
        chosen.append(
            Subject("errors", how, lambda broken=broken: refused(broken, fmt))  # type: ignore[misc]
        )
    return tuple(chosen)


def error_path(
    agreement: busmodel.Agreement, size: int, rounds: int, target: float
) -> list[Measurement]:
    """The error path's figures: broken records as multiples of the valid ones, each format."""
    records = records_of(size, agreement)
    found: list[Measurement] = []
    for fmt in ("json", "toml"):
        name = f"records {size:,} {fmt.upper()}"
        found += measure(name, error_subjects(records, fmt), rounds, target)
    return found


FLOORS: Final = {
    "errors": "busmodel.loads",
    "loads": "json.loads",
    "validate": "busmodel.loads",
    "dumps": "json.dumps",
    "toml": "tomllib.loads",
}


def batch(run: Callable[[], object], calls: int) -> float:
    """CPU seconds per call of ``calls`` calls of ``run``, each result dropped at once."""
    start = time.process_time()
    for _ in range(calls):
        run()
    return (time.process_time() - start) / calls


def measure(name: str, chosen: Sequence[Subject], rounds: int, target: float) -> list[Measurement]:
    """The median seconds per call of each subject over interleaved rounds."""
    calls = []
    for subject in chosen:  # one call to warm up and to size the batches
        once = batch(subject.run, 1)
        calls.append(max(1, min(10_000, round(target / max(once, 1e-9)))))
    times: list[list[float]] = [[] for _ in chosen]
    for round_ in range(rounds):
        shift = round_ % len(chosen)
        for index in [*range(shift, len(chosen)), *range(shift)]:
            times[index].append(batch(chosen[index].run, calls[index]))
    medians = {
        (subject.figure, subject.library): statistics.median(samples)
        for subject, samples in zip(chosen, times, strict=True)
    }
    return [
        Measurement(
            subject.figure,
            name,
            subject.library,
            medians[subject.figure, subject.library],
            FLOORS[subject.figure],
            medians[subject.figure, FLOORS[subject.figure]],
        )
        for subject in chosen
        if subject.library != FLOORS[subject.figure]
    ]


def cold_commands() -> dict[str, list[str]]:
    """The commands of the cold-start figures, each in a new interpreter.

    ``busmodel validate`` is the installed script next to this interpreter (not
    a shim on the PATH, which would add its own start), or ``python -m busmodel``.
    """
    python = sys.executable
    script = Path(python).parent / "busmodel"
    command = [str(script)] if script.is_file() else [python, "-m", "busmodel"]
    example = str(ROOT / "examples" / "alingsas-bus-2023.toml")
    return {
        "python -c pass": [python, "-c", "pass"],
        "import attrs": [python, "-c", "import attrs"],
        "import busmodel": [python, "-c", "import busmodel"],
        "busmodel validate": [*command, "validate", example, "--today", TODAY.isoformat()],
    }


def cold(rounds: int) -> list[Measurement]:
    """Cold starts: medians of interleaved runs, each a new process with its bytecode cached.

    Each run's cost is the CPU time of its process (user and system), which a
    busy machine changes far less than the time on the wall.

    The bytecode is written (``PYTHONDONTWRITEBYTECODE`` unset) and warmed by a
    first run of each command, so that the figures are of a start as a user has
    it after installing, not of compiling. ``busmodel validate`` exits 1 on
    this example (it has real faults); any other status stops the benchmark.
    """
    commands = cold_commands()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    names = list(commands)

    def once(name: str) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(commands[name], env=env, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{name} exited {done.returncode}: {done.stderr.decode()}")
        return seconds

    for name in names:
        once(name)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(rounds):
        shift = round_ % len(names)
        for name in [*names[shift:], *names[:shift]]:
            times[name].append(once(name))
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    return [
        Measurement(
            "cold",
            "start",
            "import busmodel",
            medians["import busmodel"],
            "import attrs",
            medians["import attrs"],
        ),
        Measurement(
            "cold",
            "start",
            "busmodel validate",
            medians["busmodel validate"],
            "python -c pass",
            medians["python -c pass"],
        ),
    ]


def machine() -> dict[str, str]:
    """The machine and the versions the figures were measured with."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {"busmodel": busmodel.__version__}
    for package in ("pydantic", "msgspec", "marshmallow"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue
    return {
        "cpus": str(os.cpu_count()),
        "cpu": model,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": platform.platform(),
        **versions,
    }


def table(measurements: Sequence[Measurement], libraries: Sequence[str]) -> str:
    """The figures as text: one table per figure, a row per document."""
    lines = []
    titles = {
        "loads": "Reading JSON: x json.loads of the same bytes",
        "validate": "validate (all rules): x busmodel.loads of the same documents",
        "dumps": "Writing JSON (indented; compact=True): x json.dumps (compact) of the same data",
        "toml": "Reading TOML: x tomllib.loads of the same text",
    }
    docs = list(dict.fromkeys(m.document for m in measurements))
    for figure, title in titles.items():
        rows = [m for m in measurements if m.figure == figure]
        if not rows:
            continue
        known = ("busmodel", "busmodel compact", *libraries)
        names = [name for name in known if any(m.library == name for m in rows)]
        floor = rows[0].floor
        lines.append(f"\n{title}")
        widths = [max(13, len(n) + 2) for n in names]
        header = f"{'document':<16}{floor + ' ms':>18}"
        header += "".join(f"{n:>{w}}" for n, w in zip(names, widths, strict=True))
        if figure == "loads" and len(names) > 1:
            header += f"{'busmodel/best':>15}"
        lines.append(header)
        for doc in docs:
            cells = {m.library: m for m in rows if m.document == doc}
            if not cells:
                continue
            first = next(iter(cells.values()))
            line = f"{doc:<16}{first.floor_seconds * 1e3:>18.3f}"
            line += "".join(
                f"{cells[n].ratio:>{w - 1}.1f}x" if n in cells else " " * w
                for n, w in zip(names, widths, strict=True)
            )
            if figure == "loads" and len(names) > 1:
                best = min(cells[n].seconds for n in names[1:] if n in cells)
                line += f"{cells['busmodel'].seconds / best:>14.2f}x"
            lines.append(line)
    starts = {m.library: m for m in measurements if m.figure == "cold"}
    if starts:
        lines.append("\nCold start: new processes, bytecode cached")
        imported = starts["import busmodel"]
        lines.append(
            f"import busmodel {imported.seconds * 1e3:.1f} ms, import attrs "
            f"{imported.floor_seconds * 1e3:.1f} ms: "
            f"{(imported.seconds - imported.floor_seconds) * 1e3:+.1f} ms"
        )
        command = starts["busmodel validate"]
        lines.append(
            f"busmodel validate {command.seconds * 1e3:.1f} ms, python -c pass "
            f"{command.floor_seconds * 1e3:.1f} ms: {command.ratio:.1f}x"
        )
    return "\n".join(lines)


def error_table(measurements: Sequence[Measurement]) -> str:
    """The error path's figures as text: a row per format, a column per way of breaking."""
    if not measurements:
        return ""
    hows = list(dict.fromkeys(m.library for m in measurements))
    lines = [
        "\nThe error path: loads of broken records, x busmodel.loads of the valid ones",
        f"{'document':<22}{'busmodel.loads ms':>19}" + "".join(f"{how:>31}" for how in hows),
    ]
    for doc in dict.fromkeys(m.document for m in measurements):
        cells = {m.library: m for m in measurements if m.document == doc}
        first = next(iter(cells.values()))
        lines.append(
            f"{doc:<22}{first.floor_seconds * 1e3:>19.1f}"
            + "".join(f"{cells[how].ratio:>30.2f}x" for how in hows)
        )
    return "\n".join(lines)


def chart(measurements: Sequence[Measurement]) -> str:
    """An SVG bar chart of the ratios to the floors, on a logarithmic scale.

    A group of bars per figure and document, a bar per library; grid lines at
    1 and 3 times each power of ten, the floor (1x) and the ``loads`` target (3x)
    marked. Written by hand: a few rects, lines and texts.
    """
    colours = {
        "busmodel": "#1f5f99",
        "busmodel compact": "#6f9fcf",
        "pydantic": "#d08c2c",
        "msgspec": "#4a9a57",
        "marshmallow": "#9a4a87",
    }
    titles = {
        "loads": "reading JSON, x json.loads of the same bytes",
        "validate": "validate (all rules), x busmodel.loads of the same documents",
        "dumps": "writing JSON (indented; compact), x json.dumps (compact) of the same data",
        "toml": "reading TOML, x tomllib.loads of the same text",
        "cold": "cold start of busmodel validate, x python -c pass",
    }
    shown = [m for m in measurements if m.library != "import busmodel"]
    width, label, bar, gap = 780, 130, 14, 8
    span = width - label - 130
    low = math.floor(math.log10(min(m.ratio for m in shown)))
    high = math.ceil(math.log10(max(m.ratio for m in shown)))
    high = max(high, low + 1)

    def x(ratio: float) -> float:
        return label + (math.log10(ratio) - low) / (high - low) * span

    parts: list[str] = []
    y = 44
    for figure, title in titles.items():
        rows = [m for m in shown if m.figure == figure]
        if not rows:
            continue
        parts.append(f'<text x="10" y="{y}" font-weight="bold">{escape(title)}</text>')
        y += 8
        for doc in dict.fromkeys(m.document for m in rows):
            group = [m for m in rows if m.document == doc]
            parts.append(
                f'<text x="{label - 8}" y="{y + bar * len(group) / 2 + 4:.0f}" '
                f'text-anchor="end">{escape(doc)}</text>'
            )
            for m in group:
                length = max(1.0, x(m.ratio) - label)
                colour = colours.get(m.library, "#777777")
                parts.append(
                    f'<rect x="{label}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                    f'fill="{colour}"><title>{escape(m.library)}: {m.ratio:.2f}x</title></rect>'
                )
                parts.append(
                    f'<text x="{label + length + 4:.1f}" y="{y + bar - 4}" font-size="10">'
                    f"{m.ratio:.1f}x {escape(m.library)}</text>"
                )
                y += bar
            y += gap
        y += 12
    grid: list[str] = []
    for power in range(low, high + 1):
        for step in (1, 3):
            ratio = step * 10.0**power
            if ratio > 10.0**high:
                continue
            stroke = {1.0: ("#333", "2,2"), 3.0: ("#c33", "5,3")}.get(ratio, ("#ddd", ""))
            dash = f' stroke-dasharray="{stroke[1]}"' if stroke[1] else ""
            grid.append(
                f'<line x1="{x(ratio):.1f}" y1="26" x2="{x(ratio):.1f}" y2="{y - 8}" '
                f'stroke="{stroke[0]}"{dash}/>'
            )
            grid.append(
                f'<text x="{x(ratio):.1f}" y="20" font-size="10" text-anchor="middle">'
                f"{ratio:g}x</text>"
            )
    grid.append(
        f'<text x="{width - 10}" y="{y}" font-size="10" text-anchor="end">'
        "logarithmic scale; dotted: the floor (1x); red dashes: 3x, the target for loads</text>"
    )
    y += 8
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" '
        f'viewBox="0 0 {width} {y}" font-family="sans-serif" font-size="12">\n'
        f'<rect width="{width}" height="{y}" fill="white"/>\n'
    )
    return head + "\n".join(grid + parts) + "\n</svg>\n"


def main(argv: list[str] | None = None) -> int:
    """Measure, then print the tables (or JSON), and write the chart if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick", action="store_true", help="no 100,000 meetings, few rounds, no cold start"
    )
    parser.add_argument("--rounds", type=int, help="rounds per document (default 15; quick 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--chart", type=Path, help="write an SVG bar chart of the ratios here")
    args = parser.parse_args(argv)

    rounds = args.rounds or (3 if args.quick else 15)
    target = 0.002 if args.quick else 0.02
    found = peers()
    libraries = [peer.NAME for peer in found]
    busmodel.rules()  # load the catalogue outside the timings
    errors = error_path(
        busmodel.load_agreement(EXAMPLE),
        QUICK_ERROR_SIZE if args.quick else ERROR_SIZE,
        max(3, rounds // 3),
        target,
    )
    agreement, docs = documents(QUICK_SIZES if args.quick else SIZES)
    agreement_text = docs[0].json_text
    measurements: list[Measurement] = []
    for document in docs:
        big = len(document.json_text) > 1_000_000
        chosen = subjects(document, agreement, agreement_text, found)
        measurements += measure(
            document.name, chosen, max(3, rounds // 3) if big else rounds, target
        )
    measurements += measure(
        f"framework {FRAMEWORK_SIZE}", framework_subjects(FRAMEWORK_SIZE), rounds, target
    )
    if not args.quick:
        measurements += cold(rounds)

    about = machine()
    if args.json:
        report = {
            "machine": about,
            "command": " ".join(["python", "benchmarks/run.py", *(argv or sys.argv[1:])]),
            "rounds": rounds,
            "not_measured": [NO_SCHEMA],
            "figures": [{**attrs.asdict(m), "ratio": round(m.ratio, 3)} for m in measurements],
            "error_path": [{**attrs.asdict(m), "ratio": round(m.ratio, 3)} for m in errors],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(", ".join(f"{key} {value}" for key, value in about.items()))
        print(f"medians of {rounds} interleaved rounds (a third as many for the largest documents)")
        print(table(measurements, libraries))
        print(error_table(errors))
        print(f"\n{NO_SCHEMA}.")
    if args.chart is not None:
        args.chart.write_text(chart(measurements), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
