"""The life of an agreement: check it, see where it stands, renew it, plan its meetings.

    python examples/renew_and_plan.py [OUTPUT_DIRECTORY]

Takes the corrected Alingsås agreement on 2026-11-27, five weeks before its mandate
period ends: validates it with its records, prints its status, renews it as a draft
for the mandate period 2027-2030 (the chair passes to the next committee of the
rotation), plans the draft's meetings for 2027 (no weekend, Swedish holiday or July
week), and writes the draft as TOML and the plan as an iCalendar file
(``alingsas-bus-2027.toml``, ``alingsas-bus-2027.ics``) to the output directory (the
current one by default). Nothing reads the clock: the day is given.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import busmodel

EXAMPLES = Path(__file__).parent
TODAY = dt.date(2026, 11, 27)


def main(output: Path) -> int:
    """Run the whole life of the agreement once; 0 when the draft has no error."""
    agreement = busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    records = busmodel.load_records(EXAMPLES / "alingsas-records-2023-2025.toml")
    report = busmodel.validate(agreement, today=TODAY, records=records)
    print(f"{agreement.id}: {len(report.findings)} findings, ok={report.ok}")

    now = busmodel.status(agreement, today=TODAY, records=records)
    print(f"  {now.days_left} days left, renewal due: {now.renewal_due}")
    print(f"  chair: {now.chair}, next: {now.next_chair} from {now.next_chair_from}")

    draft = busmodel.renew(agreement, document_date=TODAY)
    period = draft.validity.period if draft.validity is not None else None
    print(f"{draft.id} ({draft.state.value}): {period}, supersedes {list(draft.supersedes)}")
    checked = busmodel.validate(draft, today=TODAY)
    print(f"  errors: {sum(f.severity is busmodel.Severity.ERROR for f in checked.findings)}")

    meetings = busmodel.plan(draft, 2027)
    for meeting in meetings:
        print(f"  {meeting.date} {meeting.start:%H:%M} {meeting.forum} ({meeting.window})")

    output.mkdir(parents=True, exist_ok=True)
    busmodel.dump(draft, output / f"{draft.id}.toml")
    (output / f"{draft.id}.ics").write_bytes(busmodel.to_ical(draft, meetings))
    print(f"wrote {output / f'{draft.id}.toml'} and {output / f'{draft.id}.ics'}")
    return 0 if checked.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
