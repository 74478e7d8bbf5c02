"""``busmodel plan``: a year's meeting plan of an agreement, as a table, JSON or iCalendar.

The command is :func:`busmodel.plan` and a renderer: the table for people, JSON
for systems (documented in ``docs/cli.md``), and an iCalendar file
(:func:`busmodel.to_ical`) to import into a calendar or publish for
subscription, one forum's alone with ``--forum``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any, BinaryIO, Final

from busmodel.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    Stream,
    read_registry,
    shown_error,
    shown_path,
    usage_error,
    write_json,
    write_output,
)
from busmodel.cli._show import read_one
from busmodel.cli._text import render_problems
from busmodel.format import DocumentError
from busmodel.format._ical import TIME_ZONE, to_ical, uid
from busmodel.model import Agreement, ModelError, Period, PlannedMeeting, Text, plan
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._plan import DEFAULT_DURATION, DEFAULT_TIME, DEFAULT_WEEKDAY, window_label
from busmodel.model._text import Lang

__all__ = ["add_parser", "plan_data", "render_plan", "run"]

JSON_SCHEMA: Final = "busmodel-plan/1"
"""The ``schema`` of the JSON output; a change to its structure changes the number."""

_WEEKDAYS: Final = {
    "mon": 0,
    "monday": 0,
    "mån": 0,
    "måndag": 0,
    "tue": 1,
    "tuesday": 1,
    "tis": 1,
    "tisdag": 1,
    "wed": 2,
    "wednesday": 2,
    "ons": 2,
    "onsdag": 2,
    "thu": 3,
    "thursday": 3,
    "tor": 3,
    "torsdag": 3,
    "fri": 4,
    "friday": 4,
    "fre": 4,
    "fredag": 4,
}
_DAY_NAMES: Final[dict[Lang, tuple[str, ...]]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
}
_JSON_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME: Final = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_MINUTES: Final = re.compile(r"[0-9]{1,4}")
_YEAR: Final = re.compile(r"[0-9]{4}")
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MINUTES_A_DAY: Final = 24 * 60
_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "title": "Meeting plan {year}",
        "date": "date",
        "day": "day",
        "week": "week",
        "time": "time",
        "forum": "forum",
        "window": "window",
        "chair": "chair",
        "none": "No regular meetings to plan in {year}.",
        "count": "{count} meetings",
        "one": "1 meeting",
    },
    "sv": {
        "title": "Mötesplan {year}",
        "date": "datum",
        "day": "dag",
        "week": "vecka",
        "time": "tid",
        "forum": "forum",
        "window": "mötesperiod",
        "chair": "ordförande",
        "none": "Inga ordinarie möten att planera under {year}.",
        "count": "{count} möten",
        "one": "1 möte",
    },
}
_VERDICTS: Final = ("year", "cadence")
"""The fields of the errors that say no plan can be made: the agreement's, not the options'."""
_NO_PLAN: Final = Text(en="no plan can be made", sv="ingen plan kan göras")
_NOT_AGREEMENT: Final = Text(
    en="is records, not an agreement: only an agreement has forums to plan",
    sv="är protokoll, inte en överenskommelse: bara en överenskommelse har forum att planera",
)


def add_parser(commands: Any) -> None:
    """Add ``plan`` to the subcommands."""
    command = commands.add_parser(
        "plan",
        help="propose a date for every regular meeting of a year",
        description="Propose a date for every regular meeting an agreement's forums must "
        "hold in a year: inside each meeting window, on the preferred weekday, never on a "
        "weekend, a Swedish public or de facto holiday, in the summer holiday weeks (ISO "
        "weeks 27-31) or in a period to avoid. Exit status 0: the plan is written; 1: no "
        "plan can be made (the agreement is not in force that year, or a window has too few "
        "free weeks for its meetings); 2: the file could not be read or written, or the "
        "command line was wrong.",
    )
    command.add_argument("path", metavar="FILE", help="an agreement; - reads standard input")
    command.add_argument(
        "--year", type=_year, required=True, help="the calendar year to plan (YYYY)"
    )
    command.add_argument(
        "--weekday",
        type=_weekday,
        default=DEFAULT_WEEKDAY,
        metavar="DAY",
        help="the preferred weekday: mon, tue, wed, thu or fri (or mån, tis, ons, tor, fre; "
        "default tue)",
    )
    command.add_argument(
        "--time",
        type=_time,
        default=DEFAULT_TIME,
        metavar="HH:MM",
        help=f"when the meetings start, Swedish time (default {DEFAULT_TIME:%H:%M})",
    )
    command.add_argument(
        "--duration",
        type=_minutes,
        default=DEFAULT_DURATION,
        metavar="MINUTES",
        help=f"how long the meetings last (default {DEFAULT_DURATION.seconds // 60})",
    )
    command.add_argument(
        "--avoid",
        type=_period,
        action="append",
        default=[],
        metavar="START/END",
        help="a period in which no meeting is planned, such as a school break "
        "(YYYY-MM-DD/YYYY-MM-DD, or one day YYYY-MM-DD; repeatable)",
    )
    command.add_argument(
        "--format",
        choices=("text", "json", "ics"),
        default="text",
        help="text: a table for people; json: for systems; ics: an iCalendar file (RFC 5545)",
    )
    command.add_argument(
        "--forum", metavar="ID", help="plan this forum alone (with ics: its own calendar)"
    )
    command.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="other documents (files or directories): the agreement's extension documents, "
        "which carry it on past its own end",
    )
    command.add_argument("--lang", choices=("sv", "en"), default="en")
    command.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file instead of standard output"
    )
    command.set_defaults(run=run, usage=command.format_usage(), prog=command.prog)


def _year(text: str) -> int:
    if _YEAR.fullmatch(text) and FIRST_DAY.year <= int(text) <= LAST_DAY.year:
        return int(text)
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a year between {FIRST_DAY.year} and {LAST_DAY.year}"
    )


def _weekday(text: str) -> int:
    day = _WEEKDAYS.get(text.strip().casefold())
    if day is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a working weekday: mon, tue, wed, thu or fri"
        )
    return day


def _time(text: str) -> dt.time:
    found = _TIME.fullmatch(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time of day (HH:MM, 00:00-23:59)")
    return dt.time(int(found[1]), int(found[2]))


def _minutes(text: str) -> dt.timedelta:
    if _MINUTES.fullmatch(text) and 0 < int(text) <= _MINUTES_A_DAY:
        return dt.timedelta(minutes=int(text))
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes (1-{_MINUTES_A_DAY})")


def _period(text: str) -> Period:
    try:
        if "/" in text:
            period = Period.parse(text)
        elif _DATE.fullmatch(text):
            day = dt.date.fromisoformat(text)
            period = Period(day, day)
        else:
            raise argparse.ArgumentTypeError(f"{text!r} is not a period START/END or a date")
    except (ModelError, ValueError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a period START/END of dates YYYY-MM-DD, from the first to the last "
            f"day avoided, between {FIRST_DAY} and {LAST_DAY}"
        ) from None
    if period.end is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no end: give START/END")
    return period


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """Plan the year, and write the plan in the format asked for."""
    lang: Lang = args.lang
    try:
        document = read_one(args.path, stdin)
    except DocumentError as error:
        err.write(f"{render_problems(shown_error(error), lang)}\n")
        return EXIT_UNREADABLE
    source = shown_path(args.path)
    if not isinstance(document, Agreement):
        err.write(f"{source}: {_NOT_AGREEMENT.get(lang)}\n")
        return EXIT_UNREADABLE
    if args.forum is not None and document.forum(args.forum) is None:
        known = ", ".join(forum.id for forum in document.forums) or "none"
        return usage_error(
            args, err, f"the agreement has no forum {args.forum!r} (its forums: {known})"
        )
    registry, complete = read_registry(args.registry, err, lang)
    if not complete:
        return EXIT_UNREADABLE
    try:
        meetings = plan(
            document,
            args.year,
            weekday=args.weekday,
            time=args.time,
            duration=args.duration,
            avoid=args.avoid,
            registry=registry,
        )
    except ModelError as error:
        if error.field not in _VERDICTS:  # an option out of range: --time with --duration
            return usage_error(args, err, error.text.get(lang))
        err.write(f"{source}: {_NO_PLAN.get(lang)}: {error.text.get(lang)}\n")
        return EXIT_ERRORS
    if args.forum is not None:
        meetings = tuple(m for m in meetings if m.forum == args.forum)
    to_file = args.output is not None and args.output != "-"
    if args.format == "ics":
        calendar = to_ical(document, meetings, forum=args.forum, lang=lang)
        if not to_file:
            out.write_document(calendar.decode("utf-8"))
            return EXIT_OK
        return _write(args.output, calendar, err, lang)
    if args.format == "json":
        data = plan_data(document, args.year, meetings, forum=args.forum, lang=lang)
        if not to_file:
            write_json(out, data)
            return EXIT_OK
        return _write(args.output, _json_bytes(data), err, lang)
    table = render_plan(document, args.year, meetings, lang)
    if not to_file:
        out.write(table)
        return EXIT_OK
    return _write(args.output, table.encode("utf-8"), err, lang)


def _write(path: str, content: bytes, err: Stream, lang: Lang = "en") -> int:
    """Write ``content`` to the file ``path``; a failure is reported, and exit status 2."""
    return write_output(path, content, err, "plan", lang)


def _json_bytes(data: object) -> bytes:
    import json

    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def plan_data(
    agreement: Agreement,
    year: int,
    meetings: tuple[PlannedMeeting, ...],
    *,
    forum: str | None = None,
    lang: Lang = "en",
) -> dict[str, object]:
    """The plan as JSON data (schema ``busmodel-plan/1``; see ``docs/cli.md``)."""
    return {
        "schema": JSON_SCHEMA,
        "agreement": agreement.id,
        "title": agreement.title,
        "year": year,
        "forum": forum,
        "time_zone": TIME_ZONE,
        "meetings": [_meeting_data(agreement, meeting, lang) for meeting in meetings],
    }


def _meeting_data(agreement: Agreement, meeting: PlannedMeeting, lang: Lang) -> dict[str, object]:
    forum = agreement.forum(meeting.forum)
    chair = None if meeting.chair is None else agreement.body(meeting.chair)
    return {
        "forum": meeting.forum,
        "forum_name": meeting.forum if forum is None else forum.name,
        "date": meeting.date.isoformat(),
        "weekday": _JSON_DAYS[meeting.date.weekday()],
        "week": meeting.week[1],
        "start": f"{meeting.start:%H:%M}",
        "end": f"{meeting.end:%H:%M}",
        "duration_minutes": int(meeting.duration.total_seconds()) // 60,
        "window": meeting.window,
        "window_label": None if meeting.window is None else window_label(meeting.window, lang),
        "focus": meeting.focus,
        "chair": meeting.chair,
        "chair_name": None
        if meeting.chair is None
        else (meeting.chair if chair is None else chair.name),
        "uid": uid(agreement, meeting),
    }


def render_plan(
    agreement: Agreement, year: int, meetings: tuple[PlannedMeeting, ...], lang: Lang = "en"
) -> str:
    """The plan as a table for people, in ``lang``: one line a meeting, in date order."""
    words = _WORDS[lang]
    head = f"{words['title'].format(year=year)}: {agreement.title} ({agreement.id})"
    if not meetings:
        return f"{head}\n{words['none'].format(year=year)}\n"
    header = [words[key] for key in ("date", "day", "week", "time", "forum", "window", "chair")]
    rows = [header]
    for meeting in meetings:
        forum = agreement.forum(meeting.forum)
        chair = None if meeting.chair is None else agreement.body(meeting.chair)
        rows.append(
            [
                meeting.date.isoformat(),
                _DAY_NAMES[lang][meeting.date.weekday()],
                str(meeting.week[1]),
                f"{meeting.start:%H:%M}–{meeting.end:%H:%M}",
                meeting.forum if forum is None else forum.name,
                "" if meeting.window is None else window_label(meeting.window, lang),
                "" if meeting.chair is None else (meeting.chair if chair is None else chair.name),
            ]
        )
    widths = [max(len(row[k]) for row in rows) for k in range(len(header))]
    lines = [head, ""]
    for row in rows:
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    count = words["one"] if len(meetings) == 1 else words["count"].format(count=len(meetings))
    lines.extend(["", count])
    return "\n".join(lines) + "\n"
