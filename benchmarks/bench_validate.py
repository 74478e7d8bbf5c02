"""Measure loading and validating agreements of the bundled example's size.

    python benchmarks/bench_validate.py [--count 1000] [--repeat 5]

Reports the best of ``--repeat`` runs, per hundred agreements, and as ratios to
the floor this machine sets in the same run: ``json.loads`` of the same JSON
documents. Timings on a shared machine are noisy; ratios travel better than
seconds. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import busmodel

EXAMPLE = Path(__file__).parent.parent / "examples" / "alingsas-bus-2023.toml"
TODAY = dt.date(2026, 11, 22)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``work``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    template = busmodel.load_agreement(EXAMPLE)
    agreements = [attrs.evolve(template, id=f"bench-{i}") for i in range(args.count)]
    texts = [busmodel.dumps(a, "json") for a in agreements]
    busmodel.rules()  # load the catalogue outside the timings

    floor = best_of(args.repeat, lambda: [json.loads(t) for t in texts])
    loading = best_of(args.repeat, lambda: [busmodel.loads(t, "json") for t in texts])
    checking = best_of(args.repeat, lambda: [busmodel.validate(a, today=TODAY) for a in agreements])
    findings = len(busmodel.validate(agreements[0], today=TODAY).findings)

    per_hundred = 100 / args.count
    print(
        f"{args.count} agreements like {EXAMPLE.name} ({findings} findings each), "
        f"best of {args.repeat}"
    )
    print(f"{'step':<28}{'s per 100':>12}{'x json.loads':>14}")
    for name, seconds in (
        ("json.loads (floor)", floor),
        ("busmodel.loads (json)", loading),
        ("busmodel.validate", checking),
    ):
        print(f"{name:<28}{seconds * per_hundred:>12.4f}{seconds / floor:>14.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
