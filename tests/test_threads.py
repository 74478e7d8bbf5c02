"""Shared state under threads: the first use of busmodel from many threads at once.

Every lazily initialised piece of module state (the rule catalogue and its
entry points, the Swedish calendar, the document converter) is first touched
by eight threads released together, in a fresh interpreter, with the thread
switch interval made tiny so that any race shows. Each thread's result must be
the one a single thread gets.
"""

import json
import subprocess
import sys

import pytest

from tests.support.paths import EXAMPLES

_SCRIPT = """
import datetime as dt, json, sys, threading
from pathlib import Path

examples = Path(sys.argv[1])
threads = int(sys.argv[2])
sys.setswitchinterval(1e-6)

import busmodel
from busmodel.cli import report_data
from busmodel.model._calendar import holiday_name

toml_text = (examples / "alingsas-bus-2023.toml").read_text(encoding="utf-8")
records_text = (examples / "alingsas-records-2023-2025.toml").read_text(encoding="utf-8")
barrier = threading.Barrier(threads)
results = [None] * threads

def work(slot):
    barrier.wait()
    agreement = busmodel.loads(toml_text, source="a.toml")
    as_json = busmodel.loads(busmodel.dumps(agreement, "json"), "json")
    records = busmodel.loads(records_text)
    registry = busmodel.Registry.of([agreement, records])
    report = busmodel.validate(
        agreement, today=dt.date(2026, 11, 27), records=records, registry=registry
    )
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 7)]
    results[slot] = {
        "report": report_data(report, "sv"),
        "json_equal": as_json == agreement,
        "rules": [rule.code for rule in busmodel.rules()],
        "holidays": [holiday_name(day, "sv") for day in days],
    }

workers = [threading.Thread(target=work, args=(slot,)) for slot in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(json.dumps(results, ensure_ascii=False))
"""


def _run(threads: int) -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(EXAMPLES), str(threads)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "" == result.stderr
    assert 0 == result.returncode
    loaded: list[dict[str, object]] = json.loads(result.stdout)
    return loaded


@pytest.mark.parametrize("attempt", range(3))
def test_first_use_from_eight_threads_gives_every_thread_the_single_threaded_result(
    attempt: int,
) -> None:
    (alone,) = _run(1)
    together = _run(8)
    assert alone["json_equal"] is True
    assert [alone] * 8 == together
