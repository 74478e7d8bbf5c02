"""Show that loading and validating grows linearly with the size of the worst inputs.

    python benchmarks/bench_scaling.py [--quick] [--repeat 3] [--limit 20] [--case NAME] [--no-gc]

Each case of issue 7 (item 2) is timed, loading and validating together, at
one, two, four and eight times the size the issue measured (``--quick``: a
tenth of that, up to four times). For each size the table gives the best of
``--repeat`` runs, the time per item (body, key, party, document, or letter of
a name) and that time as a ratio to the smallest size's: near 1 at every size
is linear growth; a ratio that doubles with the size is quadratic. A case stops
growing once one run takes more than ``--limit`` seconds, so a regression cannot
make the benchmark run for hours. Each run's result is dropped (and garbage
collected) before the next. CPython's cyclic garbage collector adds time that
grows with everything alive, so the largest inputs show a ratio somewhat above 1
even for linear work; ``--no-gc`` switches it off during the timed runs to tell
the two apart. Nothing here asserts a time; the findings are asserted in
``tests/test_scaling.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the inputs are shared with the tests
    sys.path.insert(0, str(ROOT))

from tests.support import scaling_inputs as inputs  # noqa: E402

import busmodel  # noqa: E402

TODAY = dt.date(2026, 11, 22)


@attrs.frozen
class Case:
    """One worst case: how to build its input at a size, and how to load and check it."""

    name: str
    item: str
    """What the size counts."""
    size: int
    """The size the issue measured."""
    build: Callable[[int], object]
    """The input at a size, built outside the timing."""
    run: Callable[[object], object]
    """Load and validate the input; what it returns is dropped."""
    span: tuple[int, ...] = ()
    """Sizes to measure instead of multiples of ``size`` (``--quick``: the first two)."""


def _agreement(text: object) -> busmodel.Agreement:
    assert isinstance(text, str)
    document = busmodel.loads(text, "json")
    assert isinstance(document, busmodel.Agreement)
    return document


def _validated(select: Sequence[str] | None) -> Callable[[object], object]:
    def run(text: object) -> object:
        return busmodel.validate(_agreement(text), today=TODAY, select=select)

    return run


def _refused(text: object) -> object:
    assert isinstance(text, str)
    try:
        busmodel.loads(text, "json")
    except busmodel.DocumentError as error:
        return error.problems
    raise AssertionError("the duplicate key was not found")


def _registry(texts: object) -> object:
    assert isinstance(texts, list)
    documents = [_agreement(text) for text in texts]
    registry = busmodel.Registry.of(documents)
    return [busmodel.validate(d, today=TODAY, registry=registry) for d in documents]


def _meetings(size: int) -> tuple[str, str]:
    """The corrected Alingsås agreement, and records of ``size`` meetings of its forums."""
    agreement = busmodel.load(ROOT / "examples" / "alingsas-bus-2023-corrected.toml")
    assert isinstance(agreement, busmodel.Agreement)
    forums = [forum.id for forum in agreement.forums]
    first, span = dt.date(2023, 1, 2), 4 * 365
    meetings = []
    for index in range(size):
        day = first + dt.timedelta(days=(index * 3) % span)
        day -= dt.timedelta(days=max(day.weekday() - 4, 0))  # a weekday
        kind = busmodel.MeetingKind.EXTRA if index % 7 == 6 else busmodel.MeetingKind.REGULAR
        meetings.append(busmodel.Meeting(forums[index % len(forums)], day, kind, ["Läget"]))
    records = busmodel.Records(agreement=agreement.id, meetings=meetings)
    return busmodel.dumps(agreement, "json"), busmodel.dumps(records, "json")


def _with_records(texts: object) -> object:
    assert isinstance(texts, tuple)
    records = busmodel.loads(texts[1], "json")
    assert isinstance(records, busmodel.Records)
    return busmodel.validate(_agreement(texts[0]), today=TODAY, records=records)


CASES = (
    Case("NAM001 similar committees", "body", 1_000, inputs.similar_committees, _validated(None)),
    # A framework of all 290 municipalities, eight bodies each, has 2,320 bodies.
    Case(
        "NAM001 county framework",
        "body",
        400,
        inputs.county_framework,
        _validated(None),
        (100, 1_000, 2_320),
    ),
    Case("records meetings", "meeting", 1_000, _meetings, _with_records, (100, 1_000, 10_000)),
    Case("NAM001 two long names", "letter", 20_000, inputs.long_names, _validated(["NAM"])),
    Case("INT005 part_of cycle", "body", 1_500, inputs.part_of_cycle, _validated(["INT"])),
    Case(
        "JSON duplicate key",
        "key",
        25_000,
        lambda size: inputs.duplicate_key(size, size // 2),
        _refused,
    ),
    Case("SIG001 unsigned parties", "party", 15_000, inputs.unsigned_parties, _validated(["SIG"])),
    Case(
        "registry supersession chain",
        "document",
        5_000,
        inputs.supersession_chain,
        _registry,
    ),
)


def best_of(repeat: int, work: Callable[[], object], *, collect: bool = True) -> float:
    """The fastest of ``repeat`` runs of ``work``, in seconds; each result is dropped.

    Without ``collect``, the garbage collector is off during each run.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        if not collect:
            gc.disable()
        try:
            start = time.perf_counter()
            result = work()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
        del result
    return min(times)


def measure(case: Case, sizes: Sequence[int], repeat: int, limit: float, *, collect: bool) -> None:
    """Print one case's table: each size, its time, its time per item and the growth."""
    print(f"\n{case.name} (per {case.item})")
    print(f"{'size':>9}{'seconds':>10}{'µs per ' + case.item:>18}{'x smallest':>12}")
    smallest: float | None = None
    for size in sizes:
        work = functools.partial(case.run, case.build(size))
        seconds = best_of(repeat, work, collect=collect)
        del work
        per_item = seconds / size
        smallest = per_item if smallest is None else smallest
        print(f"{size:>9}{seconds:>10.3f}{per_item * 1e6:>18.2f}{per_item / smallest:>12.2f}")
        if seconds > limit:
            print(f"{'':>9}(stopped: one run took more than {limit:g} s)")
            break


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes, up to 4x")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds a run may take")
    parser.add_argument("--case", help="only the cases whose name contains this")
    parser.add_argument("--no-gc", action="store_true", help="no garbage collection while timing")
    args = parser.parse_args(argv)

    busmodel.rules()  # load the catalogue outside the timings
    scales = (1, 2, 4) if args.quick else (1, 2, 4, 8)
    collector = "off" if args.no_gc else "on"
    print(f"best of {args.repeat}; sizes {', '.join(f'{s}x' for s in scales)}; gc {collector}")
    for case in CASES:
        if args.case and args.case.casefold() not in case.name.casefold():
            continue
        sizes: tuple[int, ...]
        if case.span:
            sizes = case.span[:2] if args.quick else case.span
        else:
            base = max(case.size // 10, 2) if args.quick else case.size
            sizes = tuple(base * scale for scale in scales)
        measure(case, sizes, args.repeat, args.limit, collect=not args.no_gc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
